//===- CHLOOps.cpp - chlo result type inference, verifiers, folders -------===//
#include "byteir/Dialect/CHLO/IR/CHLOOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/TypeUtilities.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::chlo;

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

namespace {

/// Ranked tensors with equal element types and compatible shapes, pairwise.
bool compatibleTensorTypes(TypeRange lhs, TypeRange rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (auto [l, r] : llvm::zip(lhs, rhs)) {
    auto lt = dyn_cast<RankedTensorType>(l);
    auto rt = dyn_cast<RankedTensorType>(r);
    if (!lt || !rt || lt.getElementType() != rt.getElementType() ||
        failed(verifyCompatibleShape(lt, rt)))
      return false;
  }
  return true;
}

/// Merges two sizes of one broadcast dimension: 1 stretches, dynamic defers to
/// the static size.
FailureOr<int64_t> mergeDim(int64_t a, int64_t b) {
  if (a == 1)
    return b;
  if (b == 1 || a == b)
    return a;
  if (ShapedType::isDynamic(a))
    return b;
  if (ShapedType::isDynamic(b))
    return a;
  return failure();
}

std::string shapeString(ArrayRef<int64_t> shape) {
  std::string s = "[";
  for (auto [i, d] : llvm::enumerate(shape)) {
    if (i)
      s += ", ";
    s += ShapedType::isDynamic(d) ? std::string("?") : std::to_string(d);
  }
  return s + "]";
}

LogicalResult verifyBroadcastDims(std::optional<Location> loc, int64_t smallRank,
                                  int64_t bigRank, ArrayRef<int64_t> dims) {
  if (smallRank == bigRank) {
    bool identity = static_cast<int64_t>(dims.size()) == bigRank;
    for (auto [i, d] : llvm::enumerate(dims))
      identity &= d == static_cast<int64_t>(i);
    if (!identity)
      return emitOptionalError(loc, "broadcast_dimensions must be the identity when "
                                    "operands have equal rank");
    return success();
  }
  if (static_cast<int64_t>(dims.size()) != smallRank)
    return emitOptionalError(loc, "broadcast_dimensions has " + Twine(dims.size()) +
                                      " entries but the lower-rank operand has rank " +
                                      Twine(smallRank));
  for (auto [i, d] : llvm::enumerate(dims)) {
    if (d < 0 || d >= bigRank)
      return emitOptionalError(loc, "broadcast_dimensions entry " + Twine(d) +
                                        " is out of range [0, " + Twine(bigRank) + ")");
    if (i > 0 && d <= dims[i - 1])
      return emitOptionalError(loc, "broadcast_dimensions must be strictly increasing");
  }
  return success();
}

std::optional<ArrayRef<int64_t>> toDims(DenseI64ArrayAttr attr) {
  if (!attr)
    return std::nullopt;
  return attr.asArrayRef();
}

/// Infers the result of a broadcasting binary with element type `element`.
LogicalResult inferBroadcastBinary(std::optional<Location> loc, Value lhs, Value rhs,
                                   DenseI64ArrayAttr dims, Type element,
                                   SmallVectorImpl<Type> &results) {
  auto lt = dyn_cast<RankedTensorType>(lhs.getType());
  auto rt = dyn_cast<RankedTensorType>(rhs.getType());
  if (!lt || !rt)
    return emitOptionalError(loc, "expects ranked tensor operands");
  auto shape = inferBroadcastShape(loc, lt.getShape(), rt.getShape(), toDims(dims));
  if (failed(shape))
    return failure();
  results.push_back(RankedTensorType::get(*shape, element));
  return success();
}

Type elementTypeOf(Value v) { return getElementTypeOrSelf(v.getType()); }

} // namespace

FailureOr<SmallVector<int64_t>>
chlo::inferBroadcastShape(std::optional<Location> loc, ArrayRef<int64_t> lhs,
                          ArrayRef<int64_t> rhs,
                          std::optional<ArrayRef<int64_t>> broadcastDims) {
  bool lhsSmall = lhs.size() < rhs.size();
  ArrayRef<int64_t> small = lhsSmall ? lhs : rhs;
  ArrayRef<int64_t> big = lhsSmall ? rhs : lhs;
  if (broadcastDims &&
      failed(verifyBroadcastDims(loc, small.size(), big.size(), *broadcastDims)))
    return failure();
  SmallVector<int64_t> result(big);
  SmallVector<int64_t> map =
      broadcastOperandDims(small, result, broadcastDims, big.size());
  for (auto [i, d] : llvm::enumerate(map)) {
    FailureOr<int64_t> merged = mergeDim(result[d], small[i]);
    if (failed(merged)) {
      (void)emitOptionalError(loc, "operand shapes " + shapeString(lhs) + " and " +
                                       shapeString(rhs) +
                                       " are not broadcast compatible");
      return failure();
    }
    result[d] = *merged;
  }
  return result;
}

SmallVector<int64_t>
chlo::broadcastOperandDims(ArrayRef<int64_t> operand, ArrayRef<int64_t> result,
                           std::optional<ArrayRef<int64_t>> broadcastDims,
                           int64_t otherRank) {
  int64_t rank = operand.size();
  if (broadcastDims && rank < otherRank)
    return SmallVector<int64_t>(*broadcastDims);
  SmallVector<int64_t> dims;
  int64_t offset = static_cast<int64_t>(result.size()) - rank;
  for (int64_t i = 0; i < rank; ++i)
    dims.push_back(offset + i);
  return dims;
}

//===----------------------------------------------------------------------===//
// Unary and non-broadcasting binary ops
//===----------------------------------------------------------------------===//

#define CHLO_COMPATIBLE_RETURN_TYPES(OP)                                                 \
  bool OP::isCompatibleReturnTypes(TypeRange l, TypeRange r) {                           \
    return compatibleTensorTypes(l, r);                                                  \
  }

#define CHLO_SAME_TYPE_OP(OP, FIRST)                                                     \
  LogicalResult OP::inferReturnTypes(MLIRContext *, std::optional<Location>,             \
                                     Adaptor adaptor, SmallVectorImpl<Type> &results) {  \
    results.push_back(adaptor.FIRST().getType());                                        \
    return success();                                                                    \
  }                                                                                      \
  CHLO_COMPATIBLE_RETURN_TYPES(OP)

#define CHLO_UNARY_OP(OP) CHLO_SAME_TYPE_OP(OP, getOperand)
#define CHLO_BINARY_OP(OP) CHLO_SAME_TYPE_OP(OP, getLhs)

CHLO_UNARY_OP(AcosOp)
CHLO_UNARY_OP(AcoshOp)
CHLO_UNARY_OP(AsinOp)
CHLO_UNARY_OP(AsinhOp)
CHLO_UNARY_OP(AtanOp)
CHLO_UNARY_OP(AtanhOp)
CHLO_UNARY_OP(BesselI1eOp)
CHLO_UNARY_OP(ConjOp)
CHLO_UNARY_OP(CoshOp)
CHLO_UNARY_OP(SinhOp)
CHLO_UNARY_OP(TanOp)
CHLO_UNARY_OP(SquareOp)
CHLO_UNARY_OP(DigammaOp)
CHLO_UNARY_OP(ErfOp)
CHLO_UNARY_OP(ErfcOp)
CHLO_UNARY_OP(ErfInvOp)
CHLO_UNARY_OP(LgammaOp)
CHLO_BINARY_OP(NextAfterOp)
CHLO_BINARY_OP(PolygammaOp)
CHLO_BINARY_OP(ZetaOp)

#define CHLO_PREDICATE_OP(OP)                                                            \
  LogicalResult OP::inferReturnTypes(MLIRContext *context, std::optional<Location>,      \
                                     Adaptor adaptor, SmallVectorImpl<Type> &results) {  \
    auto type = cast<RankedTensorType>(adaptor.getOperand().getType());                  \
    results.push_back(type.clone(IntegerType::get(context, 1)));                         \
    return success();                                                                    \
  }                                                                                      \
  CHLO_COMPATIBLE_RETURN_TYPES(OP)

CHLO_PREDICATE_OP(IsInfOp)
CHLO_PREDICATE_OP(IsNegInfOp)
CHLO_PREDICATE_OP(IsPosInfOp)

//===----------------------------------------------------------------------===//
// Broadcasting binaries
//===----------------------------------------------------------------------===//

#define CHLO_BROADCAST_OP(OP, ELEMENT)                                                   \
  LogicalResult OP::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,  \
                                     Adaptor adaptor, SmallVectorImpl<Type> &results) {  \
    (void)context;                                                                       \
    Type lhsElement = elementTypeOf(adaptor.getLhs());                                   \
    (void)lhsElement;                                                                    \
    return inferBroadcastBinary(loc, adaptor.getLhs(), adaptor.getRhs(),                 \
                                adaptor.getBroadcastDimensionsAttr(), ELEMENT, results); \
  }                                                                                      \
  CHLO_COMPATIBLE_RETURN_TYPES(OP)

#define CHLO_BROADCAST_ARITH_OP(OP) CHLO_BROADCAST_OP(OP, lhsElement)

CHLO_BROADCAST_ARITH_OP(BroadcastAddOp)
CHLO_BROADCAST_ARITH_OP(BroadcastSubOp)
CHLO_BROADCAST_ARITH_OP(BroadcastMulOp)
CHLO_BROADCAST_ARITH_OP(BroadcastDivOp)
CHLO_BROADCAST_ARITH_OP(BroadcastMaxOp)
CHLO_BROADCAST_ARITH_OP(BroadcastMinOp)
CHLO_BROADCAST_ARITH_OP(BroadcastPowOp)
CHLO_BROADCAST_ARITH_OP(BroadcastRemOp)
CHLO_BROADCAST_ARITH_OP(BroadcastAtan2Op)
CHLO_BROADCAST_ARITH_OP(BroadcastAndOp)
CHLO_BROADCAST_ARITH_OP(BroadcastOrOp)
CHLO_BROADCAST_ARITH_OP(BroadcastXorOp)
CHLO_BROADCAST_ARITH_OP(BroadcastShiftLeftOp)
CHLO_BROADCAST_ARITH_OP(BroadcastShiftRightArithmeticOp)
CHLO_BROADCAST_ARITH_OP(BroadcastShiftRightLogicalOp)
CHLO_BROADCAST_ARITH_OP(BroadcastNextAfterOp)
CHLO_BROADCAST_ARITH_OP(BroadcastPolygammaOp)
CHLO_BROADCAST_ARITH_OP(BroadcastZetaOp)
CHLO_BROADCAST_OP(BroadcastCompareOp, IntegerType::get(context, 1))
CHLO_BROADCAST_OP(BroadcastComplexOp, ComplexType::get(lhsElement))

LogicalResult BroadcastSelectOp::inferReturnTypes(MLIRContext *,
                                                  std::optional<Location> loc,
                                                  Adaptor adaptor,
                                                  SmallVectorImpl<Type> &results) {
  auto pred = dyn_cast<RankedTensorType>(adaptor.getPred().getType());
  auto onTrue = dyn_cast<RankedTensorType>(adaptor.getOnTrue().getType());
  auto onFalse = dyn_cast<RankedTensorType>(adaptor.getOnFalse().getType());
  if (!pred || !onTrue || !onFalse)
    return emitOptionalError(loc, "expects ranked tensor operands");
  auto values =
      inferBroadcastShape(loc, onTrue.getShape(), onFalse.getShape(), std::nullopt);
  if (failed(values))
    return failure();
  auto shape = inferBroadcastShape(loc, pred.getShape(), *values, std::nullopt);
  if (failed(shape))
    return failure();
  results.push_back(RankedTensorType::get(*shape, onTrue.getElementType()));
  return success();
}
CHLO_COMPATIBLE_RETURN_TYPES(BroadcastSelectOp)

LogicalResult BroadcastSelectOp::verify() {
  if (elementTypeOf(getOnTrue()) != elementTypeOf(getOnFalse()))
    return emitOpError("expects on_true and on_false to have the same element type");
  return success();
}

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

LogicalResult ConstantOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                           ValueRange, DictionaryAttr attributes,
                                           OpaqueProperties properties, RegionRange,
                                           SmallVectorImpl<Type> &results) {
  ConstantOp::Adaptor adaptor(ValueRange(), attributes, properties);
  auto value = dyn_cast_or_null<ElementsAttr>(adaptor.getValueAttr());
  if (!value)
    return failure();
  results.push_back(value.getType());
  return success();
}

LogicalResult ConstantOp::verify() {
  if (getValue().getType() != getType())
    return emitOpError("result type must match the type of the value");
  return success();
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValueAttr(); }

void ConstantLikeOp::build(OpBuilder &builder, OperationState &state, TypedAttr value,
                           Value operand) {
  auto type = cast<RankedTensorType>(operand.getType()).clone(value.getType());
  build(builder, state, type, value, operand);
}

LogicalResult ConstantLikeOp::verify() {
  if (getValue().getType() != elementTypeOf(getResult()))
    return emitOpError("value type ")
           << getValue().getType() << " must be the result element type "
           << elementTypeOf(getResult());
  return success();
}

//===----------------------------------------------------------------------===//
// top_k
//===----------------------------------------------------------------------===//

LogicalResult TopKOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                                       Adaptor adaptor, SmallVectorImpl<Type> &results) {
  auto type = dyn_cast<RankedTensorType>(adaptor.getOperand().getType());
  if (!type)
    return emitOptionalError(loc, "expects a ranked tensor operand");
  if (type.getRank() < 1)
    return emitOptionalError(loc, "operand must have rank at least 1");
  int64_t k = adaptor.getK();
  int64_t last = type.getShape().back();
  if (k < 0)
    return emitOptionalError(loc, "k must be non-negative, got " + Twine(k));
  if (!ShapedType::isDynamic(last) && k > last)
    return emitOptionalError(loc, "k = " + Twine(k) +
                                      " exceeds the size of the last dimension (" +
                                      Twine(last) + ")");
  SmallVector<int64_t> shape(type.getShape());
  shape.back() = k;
  results.push_back(RankedTensorType::get(shape, type.getElementType()));
  results.push_back(RankedTensorType::get(shape, IntegerType::get(context, 32)));
  return success();
}

#define GET_OP_CLASSES
#include "byteir/Dialect/CHLO/IR/CHLOOps.cpp.inc"
