//===- Helpers.cpp - shared helpers of the ONNX converters ----------------===//
#include "Converter.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::byteir::onnxfe;
namespace onnxfe = mlir::byteir::onnxfe;

int64_t onnxfe::numElements(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

int64_t onnxfe::normAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= std::max<int64_t>(rank, 1))
    return -1;
  return axis < 0 ? axis + rank : axis;
}

static Attribute scalarAttr(Type elem, double value) {
  if (auto ft = dyn_cast<FloatType>(elem))
    return FloatAttr::get(ft, value);
  auto it = cast<IntegerType>(elem);
  if (it.getWidth() == 1)
    return IntegerAttr::get(it, APInt(1, value != 0));
  int64_t v;
  if (std::isinf(value))
    v = value > 0 ? (it.isUnsigned() ? -1 : std::numeric_limits<int64_t>::max())
                  : (it.isUnsigned() ? 0 : std::numeric_limits<int64_t>::min());
  else
    v = (int64_t)value;
  if (std::isinf(value) && !it.isUnsigned()) {
    APInt x = value > 0 ? APInt::getSignedMaxValue(it.getWidth())
                        : APInt::getSignedMinValue(it.getWidth());
    return IntegerAttr::get(it, x);
  }
  if (std::isinf(value) && it.isUnsigned())
    return IntegerAttr::get(it, value > 0 ? APInt::getMaxValue(it.getWidth())
                                          : APInt::getZero(it.getWidth()));
  return IntegerAttr::get(it, APInt(it.getWidth(), (uint64_t)v, /*isSigned=*/true,
                                    /*implicitTrunc=*/true));
}

Value onnxfe::splat(OpBuilder &b, Location loc, RankedTensorType type, double value) {
  auto attr = DenseElementsAttr::get(type, scalarAttr(type.getElementType(), value));
  return hlo::ConstantOp::create(b, loc, attr);
}

Value onnxfe::scalarConst(OpBuilder &b, Location loc, Type elem, double value) {
  return splat(b, loc, RankedTensorType::get({}, elem), value);
}

Value onnxfe::intConst(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                       ArrayRef<int64_t> values, Type elem) {
  SmallVector<Attribute> attrs;
  for (int64_t v : values)
    attrs.push_back(scalarAttr(elem, (double)v));
  if (auto it = dyn_cast<IntegerType>(elem)) {
    // Exact for 64-bit values.
    attrs.clear();
    for (int64_t v : values)
      attrs.push_back(it.getWidth() == 1
                          ? IntegerAttr::get(it, APInt(1, v != 0))
                          : IntegerAttr::get(it, APInt(it.getWidth(), (uint64_t)v, true, true)));
  }
  return hlo::ConstantOp::create(
      b, loc, DenseElementsAttr::get(RankedTensorType::get(shape, elem), attrs));
}

Value onnxfe::attrConst(OpBuilder &b, Location loc, DenseElementsAttr attr) {
  return hlo::ConstantOp::create(b, loc, attr);
}

std::optional<DenseElementsAttr> onnxfe::constValue(Value v) {
  if (!v)
    return std::nullopt;
  auto c = v.getDefiningOp<hlo::ConstantOp>();
  if (!c)
    return std::nullopt;
  auto attr = dyn_cast<DenseElementsAttr>(c.getValue());
  if (!attr)
    return std::nullopt;
  return attr;
}

std::optional<DenseElementsAttr> onnxfe::foldToConstant(Value v) {
  // Host evaluation is for shape-sized values only.
  constexpr int64_t kFoldLimit = 1 << 16;
  if (auto c = constValue(v))
    return c;
  auto result = dyn_cast_or_null<OpResult>(v);
  if (!result || result.getOwner()->getNumRegions() ||
      numElements(shapeOf(v)) > kFoldLimit)
    return std::nullopt;
  Operation *op = result.getOwner();
  SmallVector<Attribute> operands;
  for (Value operand : op->getOperands()) {
    auto c = foldToConstant(operand);
    if (!c)
      return std::nullopt;
    operands.push_back(*c);
  }
  SmallVector<OpFoldResult> folded;
  if (failed(op->fold(operands, folded)) || folded.size() != op->getNumResults())
    return std::nullopt;
  OpFoldResult r = folded[result.getResultNumber()];
  if (auto attr = dyn_cast_or_null<DenseElementsAttr>(dyn_cast<Attribute>(r)))
    return attr.getType() == v.getType() ? std::optional(attr) : std::nullopt;
  if (auto same = dyn_cast<Value>(r))
    return same == v ? std::nullopt : foldToConstant(same);
  return std::nullopt;
}

std::optional<SmallVector<int64_t>> onnxfe::intsOf(DenseElementsAttr attr) {
  auto it = dyn_cast<IntegerType>(attr.getElementType());
  if (!it)
    return std::nullopt;
  SmallVector<int64_t> out;
  for (const APInt &x : attr.getValues<APInt>())
    out.push_back(it.getWidth() == 1 || it.isUnsigned() ? (int64_t)x.getZExtValue()
                                                        : x.getSExtValue());
  return out;
}

std::optional<SmallVector<int64_t>> onnxfe::intValues(Value v) {
  auto attr = constValue(v);
  if (!attr)
    return std::nullopt;
  return intsOf(*attr);
}

Value onnxfe::reshape(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape) {
  if (shapeOf(v) == shape)
    return v;
  auto type = RankedTensorType::get(shape, elemType(v));
  if (auto c = constValue(v))
    return hlo::ConstantOp::create(b, loc, c->reshape(type));
  return hlo::ReshapeOp::create(b, loc, type, v);
}

Value onnxfe::convert(OpBuilder &b, Location loc, Value v, Type elem) {
  if (elemType(v) == elem)
    return v;
  // Fold integer constants (shape computations).
  if (auto vals = intValues(v))
    if (isa<IntegerType>(elem))
      return intConst(b, loc, shapeOf(v), *vals, elem);
  return hlo::ConvertOp::create(b, loc, RankedTensorType::get(shapeOf(v), elem), v);
}

Value onnxfe::broadcastTo(OpBuilder &b, Location loc, Value v, ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> from = shapeOf(v);
  if (from == shape)
    return v;
  int64_t offset = (int64_t)shape.size() - (int64_t)from.size();
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < (int64_t)from.size(); ++i)
    dims.push_back(i + offset);
  auto type = RankedTensorType::get(shape, elemType(v));
  if (auto c = constValue(v))
    if (c->isSplat())
      return hlo::ConstantOp::create(b, loc, DenseElementsAttr::get(type, c->getSplatValue<Attribute>()));
  return hlo::BroadcastInDimOp::create(b, loc, type, v, dims);
}

FailureOr<SmallVector<int64_t>> onnxfe::broadcastShape(ArrayRef<int64_t> a,
                                                      ArrayRef<int64_t> c) {
  size_t rank = std::max(a.size(), c.size());
  SmallVector<int64_t> out(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t x = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t y = i < rank - c.size() ? 1 : c[i - (rank - c.size())];
    if (x != y && x != 1 && y != 1)
      return failure();
    out[i] = x == 1 ? y : x;
  }
  return out;
}

LogicalResult onnxfe::broadcastAll(NodeContext &ctx, MutableArrayRef<Value> values) {
  SmallVector<int64_t> shape;
  bool first = true;
  for (Value v : values) {
    if (!v)
      continue;
    if (first) {
      shape.assign(shapeOf(v).begin(), shapeOf(v).end());
      first = false;
      continue;
    }
    auto s = broadcastShape(shape, shapeOf(v));
    if (failed(s))
      return ctx.invalid("operand shapes cannot be broadcast together");
    shape = *s;
  }
  for (Value &v : values)
    if (v)
      v = broadcastTo(ctx.b, ctx.loc, v, shape);
  return success();
}

Value onnxfe::compare(OpBuilder &b, Location loc, hlo::ComparisonDirection dir, Value a,
                      Value c) {
  Type elem = elemType(a);
  auto kind = hlo::ComparisonType::FLOAT;
  if (elem.isUnsignedInteger() || elem.isInteger(1))
    kind = hlo::ComparisonType::UNSIGNED;
  else if (isa<IntegerType>(elem))
    kind = hlo::ComparisonType::SIGNED;
  MLIRContext *ctx = b.getContext();
  return hlo::CompareOp::create(b, loc, a, c, hlo::ComparisonDirectionAttr::get(ctx, dir),
                                hlo::ComparisonTypeAttr::get(ctx, kind));
}

Value onnxfe::reduceInit(OpBuilder &b, Location loc, Type elem, ReduceKind kind) {
  double inf = std::numeric_limits<double>::infinity();
  switch (kind) {
  case ReduceKind::Sum: return scalarConst(b, loc, elem, 0);
  case ReduceKind::Prod: return scalarConst(b, loc, elem, 1);
  case ReduceKind::Max: return scalarConst(b, loc, elem, -inf);
  case ReduceKind::Min: return scalarConst(b, loc, elem, inf);
  case ReduceKind::And: return scalarConst(b, loc, elem, 1);
  case ReduceKind::Or: return scalarConst(b, loc, elem, 0);
  }
  return {};
}

void onnxfe::buildReduceBody(OpBuilder &b, Location loc, Region &region, Type elem,
                             ReduceKind kind) {
  OpBuilder::InsertionGuard g(b);
  auto scalar = RankedTensorType::get({}, elem);
  Block *blk = b.createBlock(&region, {}, {scalar, scalar}, {loc, loc});
  Value x = blk->getArgument(0), y = blk->getArgument(1), r;
  switch (kind) {
  case ReduceKind::Sum: r = hlo::AddOp::create(b, loc, x, y); break;
  case ReduceKind::Prod: r = hlo::MulOp::create(b, loc, x, y); break;
  case ReduceKind::Max: r = hlo::MaxOp::create(b, loc, x, y); break;
  case ReduceKind::Min: r = hlo::MinOp::create(b, loc, x, y); break;
  case ReduceKind::And: r = hlo::AndOp::create(b, loc, x, y); break;
  case ReduceKind::Or: r = hlo::OrOp::create(b, loc, x, y); break;
  }
  hlo::ReturnOp::create(b, loc, ValueRange{r});
}

Value onnxfe::reduce(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> dims,
                     ReduceKind kind, bool keepDims) {
  ArrayRef<int64_t> shape = shapeOf(x);
  Type elem = elemType(x);
  SmallVector<int64_t> sorted(dims.begin(), dims.end());
  llvm::sort(sorted);
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  SmallVector<int64_t> outShape, keptShape;
  for (int64_t i = 0; i < (int64_t)shape.size(); ++i) {
    bool reduced = llvm::is_contained(sorted, i);
    if (!reduced)
      outShape.push_back(shape[i]);
    keptShape.push_back(reduced ? 1 : shape[i]);
  }
  Value r = x;
  if (!sorted.empty()) {
    Value init = reduceInit(b, loc, elem, kind);
    auto op = hlo::ReduceOp::create(b, loc, TypeRange{RankedTensorType::get(outShape, elem)},
                                    ValueRange{x}, ValueRange{init}, sorted);
    buildReduceBody(b, loc, op.getBody(), elem, kind);
    r = op.getResult(0);
  }
  if (keepDims)
    r = reshape(b, loc, r, keptShape);
  return r;
}
