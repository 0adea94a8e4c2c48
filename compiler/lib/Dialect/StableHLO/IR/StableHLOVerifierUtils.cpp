//===- StableHLOVerifierUtils.cpp - helpers shared by op verifiers --------===//
#include "StableHLOVerifierUtils.h"

#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir::stablehlo::verify {

//===----------------------------------------------------------------------===//
// Dimensions and shapes
//===----------------------------------------------------------------------===//

std::string dimStr(int64_t d) { return isDyn(d) ? "?" : std::to_string(d); }

std::string dimsStr(ArrayRef<int64_t> dims) {
  std::string s = "[";
  llvm::interleave(
      dims, [&](int64_t d) { s += dimStr(d); }, [&] { s += ", "; });
  return s + "]";
}

std::string typeStr(Type t) {
  std::string s;
  llvm::raw_string_ostream os(s);
  t.print(os);
  return s;
}

LogicalResult checkInRange(Operation *op, StringRef name, ArrayRef<int64_t> dims,
                           int64_t lo, int64_t hi) {
  for (int64_t d : dims)
    if (d < lo || d >= hi)
      return op->emitOpError() << name << " value (" << d << ") must be in [" << lo
                               << ", " << hi << ")";
  return success();
}

LogicalResult checkUnique(Operation *op, StringRef name, ArrayRef<int64_t> dims) {
  llvm::SmallDenseSet<int64_t, 8> seen;
  for (int64_t d : dims)
    if (!seen.insert(d).second)
      return op->emitOpError() << name << " must not contain duplicates (" << d
                               << " appears twice)";
  return success();
}

LogicalResult checkSorted(Operation *op, StringRef name, ArrayRef<int64_t> dims) {
  if (!llvm::is_sorted(dims))
    return op->emitOpError() << name << " must be sorted, got " << dimsStr(dims);
  return success();
}

LogicalResult checkDimList(Operation *op, StringRef name, ArrayRef<int64_t> dims,
                           int64_t rank) {
  if (failed(checkInRange(op, name, dims, 0, rank)))
    return failure();
  return checkUnique(op, name, dims);
}

LogicalResult checkPositive(Operation *op, StringRef name, ArrayRef<int64_t> values) {
  for (int64_t v : values)
    if (v <= 0)
      return op->emitOpError() << name << " values must be positive, got " << v;
  return success();
}

LogicalResult checkSize(Operation *op, StringRef name, int64_t size,
                        int64_t expected, StringRef what) {
  if (size != expected)
    return op->emitOpError() << name << " size (" << size << ") must equal " << what
                             << " (" << expected << ")";
  return success();
}

bool compatibleShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  if (a.size() != b.size())
    return false;
  for (auto [x, y] : llvm::zip_equal(a, b))
    if (!compatibleDim(x, y))
      return false;
  return true;
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

bool compatibleTypes(Type a, Type b) {
  if (a == b)
    return true;
  auto ta = dyn_cast<RankedTensorType>(a), tb = dyn_cast<RankedTensorType>(b);
  if (ta && tb)
    return ta.getElementType() == tb.getElementType() &&
           compatibleShapes(ta.getShape(), tb.getShape());
  auto tupA = dyn_cast<TupleType>(a), tupB = dyn_cast<TupleType>(b);
  if (tupA && tupB)
    return compatibleTypes(tupA.getTypes(), tupB.getTypes());
  return false;
}

bool compatibleTypes(TypeRange a, TypeRange b) {
  if (a.size() != b.size())
    return false;
  for (auto [x, y] : llvm::zip_equal(a, b))
    if (!compatibleTypes(x, y))
      return false;
  return true;
}

Type elemType(Type t) { return getElementTypeOrSelf(t); }

int64_t bitWidth(Type t) {
  if (auto q = dyn_cast<quant::QuantizedType>(t))
    return q.getStorageTypeIntegralWidth();
  if (auto c = dyn_cast<ComplexType>(t))
    return 2 * bitWidth(c.getElementType());
  if (t.isIntOrFloat())
    return t.getIntOrFloatBitWidth();
  return 0;
}

bool isPromotable(Type from, Type to) {
  if (from == to)
    return true;
  if (auto qf = dyn_cast<quant::QuantizedType>(from)) {
    auto qt = dyn_cast<quant::QuantizedType>(to);
    return qt && qf.getExpressedType() == qt.getExpressedType() &&
           qf.isSigned() == qt.isSigned() &&
           qf.getStorageTypeIntegralWidth() <= qt.getStorageTypeIntegralWidth();
  }
  if (auto cf = dyn_cast<ComplexType>(from)) {
    auto ct = dyn_cast<ComplexType>(to);
    return ct && isPromotable(cf.getElementType(), ct.getElementType());
  }
  if (auto intF = dyn_cast<IntegerType>(from)) {
    auto intT = dyn_cast<IntegerType>(to);
    if (!intT || intF.getWidth() == 1 || intT.getWidth() == 1)
      return false;
    return intF.isUnsigned() == intT.isUnsigned() &&
           intF.getWidth() <= intT.getWidth();
  }
  if (isa<FloatType>(from))
    return isa<FloatType>(to) && bitWidth(from) <= bitWidth(to);
  return false;
}

SmallVector<int64_t> toI64(DenseIntElementsAttr attr) {
  return llvm::map_to_vector(attr.getValues<APInt>(),
                             [](const APInt &v) { return v.getSExtValue(); });
}

RankedTensorType scalarOf(Type elementType) {
  return RankedTensorType::get({}, elementType);
}

//===----------------------------------------------------------------------===//
// Regions
//===----------------------------------------------------------------------===//

Operation *regionTerminator(Region &region) {
  if (region.empty() || region.front().empty())
    return nullptr;
  Operation &last = region.front().back();
  return last.hasTrait<OpTrait::IsTerminator>() ? &last : nullptr;
}

static LogicalResult checkTypeList(Operation *op, StringRef name, StringRef what,
                                   TypeRange actual, TypeRange expected) {
  if (actual.size() != expected.size())
    return op->emitOpError() << name << " must have " << expected.size() << " "
                             << what << "s, but has " << actual.size();
  for (auto [i, pair] : llvm::enumerate(llvm::zip_equal(actual, expected))) {
    auto [a, e] = pair;
    if (!compatibleTypes(a, e))
      return op->emitOpError() << name << " " << what << " #" << i << " has type "
                               << a << ", but " << e << " is expected";
  }
  return success();
}

LogicalResult checkRegionSignature(Operation *op, Region &region, StringRef name,
                                   TypeRange args, TypeRange results) {
  if (region.empty())
    return op->emitOpError() << name << " must not be empty";
  Block &block = region.front();
  if (failed(checkTypeList(op, name, "argument", block.getArgumentTypes(), args)))
    return failure();
  Operation *term = regionTerminator(region);
  if (!term)
    return op->emitOpError() << name << " must end with a terminator";
  return checkTypeList(op, name, "result", term->getOperandTypes(), results);
}

LogicalResult checkReducerBody(Operation *op, Region &body, StringRef name,
                               ArrayRef<Type> inputElemTypes,
                               SmallVectorImpl<Type> &bodyElemTypes) {
  size_t n = inputElemTypes.size();
  if (body.empty())
    return op->emitOpError() << name << " must not be empty";
  Block &block = body.front();
  if (block.getNumArguments() != 2 * n)
    return op->emitOpError() << name << " must take " << 2 * n
                             << " arguments (2 per input), but takes "
                             << block.getNumArguments();
  bodyElemTypes.clear();
  for (size_t i = 0; i < n; ++i) {
    auto arg = dyn_cast<RankedTensorType>(block.getArgument(i).getType());
    if (!arg || arg.getRank() != 0)
      return op->emitOpError() << name << " argument #" << i
                               << " must be a 0-d tensor, but is "
                               << block.getArgument(i).getType();
    Type e = arg.getElementType();
    if (!isPromotable(inputElemTypes[i], e))
      return op->emitOpError()
             << name << " argument #" << i << " element type " << e
             << " must be promotable from the input element type "
             << inputElemTypes[i];
    bodyElemTypes.push_back(e);
  }
  SmallVector<Type> scalars;
  for (Type e : bodyElemTypes)
    scalars.push_back(scalarOf(e));
  SmallVector<Type> args(scalars);
  args.append(scalars);
  return checkRegionSignature(op, body, name, args, scalars);
}

//===----------------------------------------------------------------------===//
// Windows
//===----------------------------------------------------------------------===//

LogicalResult checkPadding(Operation *op, std::optional<DenseIntElementsAttr> padding,
                           int64_t rank, SmallVectorImpl<int64_t> &lo,
                           SmallVectorImpl<int64_t> &hi) {
  lo.assign(rank, 0);
  hi.assign(rank, 0);
  if (!padding || !*padding)
    return success();
  auto shape = padding->getType().getShape();
  if (shape.size() != 2 || shape[0] != rank || shape[1] != 2)
    return op->emitOpError() << "padding shape " << dimsStr(shape) << " must be ["
                             << rank << ", 2]";
  auto values = toI64(*padding);
  for (int64_t i = 0; i < rank; ++i) {
    lo[i] = values[2 * i];
    hi[i] = values[2 * i + 1];
  }
  return success();
}

LogicalResult checkWindowList(Operation *op, StringRef name,
                              std::optional<ArrayRef<int64_t>> values, int64_t rank,
                              StringRef what, SmallVectorImpl<int64_t> &out) {
  if (!values) {
    out.assign(rank, 1);
    return success();
  }
  if (failed(checkSize(op, name, values->size(), rank, what)) ||
      failed(checkPositive(op, name, *values)))
    return failure();
  out.assign(values->begin(), values->end());
  return success();
}

int64_t numWindows(int64_t inputDim, int64_t baseDilation, int64_t padLow,
                   int64_t padHigh, int64_t windowDim, int64_t windowDilation,
                   int64_t stride) {
  if (isDyn(inputDim))
    return ShapedType::kDynamic;
  int64_t dilatedInput = inputDim == 0 ? 0 : (inputDim - 1) * baseDilation + 1;
  int64_t padded = padLow + dilatedInput + padHigh;
  int64_t dilatedWindow = windowDim == 0 ? 0 : (windowDim - 1) * windowDilation + 1;
  if (padded <= 0 || dilatedWindow > padded)
    return 0;
  return (padded - dilatedWindow) / stride + 1;
}

//===----------------------------------------------------------------------===//
// Collectives
//===----------------------------------------------------------------------===//

LogicalResult checkReplicaGroups(Operation *op, DenseIntElementsAttr groups,
                                 StringRef name, int64_t &groupSize) {
  auto shape = groups.getType().getShape();
  if (shape.size() != 2)
    return op->emitOpError() << name << " must be a rank-2 tensor, but has rank "
                             << shape.size();
  groupSize = shape[1];
  llvm::SmallDenseSet<int64_t, 16> seen;
  for (int64_t id : toI64(groups)) {
    if (id == -1)
      continue;
    if (id < 0)
      return op->emitOpError() << name << " ids must be >= 0 (or -1 for padding), got "
                               << id;
    if (!seen.insert(id).second)
      return op->emitOpError() << name << " must not repeat a process id (" << id
                               << " appears twice)";
  }
  return success();
}

LogicalResult checkGlobalDeviceIds(Operation *op, bool useGlobalDeviceIds,
                                   std::optional<ChannelHandleAttr> channel) {
  if (useGlobalDeviceIds && (!channel || !*channel || channel->getHandle() <= 0))
    return op->emitOpError(
        "use_global_device_ids requires a channel_handle with handle > 0");
  return success();
}

LogicalResult checkSourceTargetPairs(Operation *op, DenseIntElementsAttr pairs) {
  auto shape = pairs.getType().getShape();
  if (shape.size() != 2 || shape[1] != 2)
    return op->emitOpError() << "source_target_pairs shape " << dimsStr(shape)
                             << " must be [N, 2]";
  llvm::SmallDenseSet<int64_t, 16> sources, targets;
  auto values = toI64(pairs);
  for (size_t i = 0; i + 1 < values.size(); i += 2) {
    int64_t src = values[i], dst = values[i + 1];
    if (src < 0 || dst < 0)
      return op->emitOpError() << "source_target_pairs ids must be >= 0, got "
                               << (src < 0 ? src : dst);
    if (!sources.insert(src).second)
      return op->emitOpError() << "source_target_pairs sources must be unique ("
                               << src << " appears twice)";
    if (!targets.insert(dst).second)
      return op->emitOpError() << "source_target_pairs targets must be unique ("
                               << dst << " appears twice)";
  }
  return success();
}

} // namespace mlir::stablehlo::verify
