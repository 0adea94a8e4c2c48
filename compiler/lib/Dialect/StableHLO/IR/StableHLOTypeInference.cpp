//===- StableHLOTypeInference.cpp - result types the spec defines ---------===//
//
// inferReturnTypes for ops whose result type follows from operands and attributes.
// Invalid attributes are reported here as well: inference runs before verify().
//
//===----------------------------------------------------------------------===//
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::stablehlo;

using TypeList = SmallVectorImpl<Type>;

bool mlir::stablehlo::areCompatibleReturnTypes(TypeRange inferred, TypeRange actual) {
  if (inferred.size() != actual.size())
    return false;
  for (auto [l, r] : llvm::zip(inferred, actual)) {
    if (l == r)
      continue;
    auto ls = dyn_cast<ShapedType>(l), rs = dyn_cast<ShapedType>(r);
    if (!ls || !rs || ls.getElementType() != rs.getElementType() ||
        failed(verifyCompatibleShape(ls, rs)))
      return false;
  }
  return true;
}

#define BYTEIR_COMPATIBLE_RETURN_TYPES(OP)                                            \
  bool OP::isCompatibleReturnTypes(TypeRange l, TypeRange r) {                        \
    return areCompatibleReturnTypes(l, r);                                            \
  }
BYTEIR_COMPATIBLE_RETURN_TYPES(AbsOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(IsFiniteOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(RealOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(ImagOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(ComplexOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(CompareOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(ClampOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(SelectOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(BroadcastOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(TransposeOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(ConcatenateOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(SliceOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(DynamicSliceOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(DynamicUpdateSliceOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(PadOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(GetDimensionSizeOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(GatherOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(TupleOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(GetTupleElementOp)
BYTEIR_COMPATIBLE_RETURN_TYPES(UniformDequantizeOp)
#undef BYTEIR_COMPATIBLE_RETURN_TYPES

namespace {
RankedTensorType withElement(Type tensor, Type element) {
  return cast<RankedTensorType>(tensor).clone(element);
}

// The dimension size `a op b`, dynamic when either is.
int64_t dimAdd(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) || ShapedType::isDynamic(b) ? ShapedType::kDynamic
                                                              : a + b;
}

LogicalResult error(std::optional<Location> loc, const Twine &message) {
  return emitOptionalError(loc, message);
}

// A dimension attribute value must index a dimension of a rank-`rank` tensor.
LogicalResult checkDim(std::optional<Location> loc, StringRef what, int64_t dim,
                       int64_t rank) {
  if (dim < 0 || dim >= rank)
    return error(loc, what + " " + Twine(dim) + " is out of range [0, " + Twine(rank) +
                          ")");
  return success();
}
} // namespace

LogicalResult AbsOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                      Adaptor adaptor, TypeList &types) {
  Type type = adaptor.getOperand().getType();
  if (auto complex = dyn_cast<ComplexType>(getElementTypeOrSelf(type)))
    type = withElement(type, complex.getElementType());
  types.push_back(type);
  return success();
}

LogicalResult IsFiniteOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location>,
                                           Adaptor adaptor, TypeList &types) {
  types.push_back(withElement(adaptor.getX().getType(), IntegerType::get(ctx, 1)));
  return success();
}

namespace {
LogicalResult inferComplexPart(Type operand, TypeList &types) {
  Type element = getElementTypeOrSelf(operand);
  if (auto complex = dyn_cast<ComplexType>(element))
    element = complex.getElementType();
  types.push_back(withElement(operand, element));
  return success();
}
} // namespace

LogicalResult RealOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor, TypeList &types) {
  return inferComplexPart(adaptor.getOperand().getType(), types);
}

LogicalResult ImagOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                       Adaptor adaptor, TypeList &types) {
  return inferComplexPart(adaptor.getOperand().getType(), types);
}

LogicalResult ComplexOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                          Adaptor adaptor, TypeList &types) {
  Type lhs = adaptor.getLhs().getType();
  types.push_back(withElement(lhs, ComplexType::get(getElementTypeOrSelf(lhs))));
  return success();
}

LogicalResult CompareOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location>,
                                          Adaptor adaptor, TypeList &types) {
  types.push_back(withElement(adaptor.getLhs().getType(), IntegerType::get(ctx, 1)));
  return success();
}

LogicalResult ClampOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                        Adaptor adaptor, TypeList &types) {
  types.push_back(adaptor.getOperand().getType());
  return success();
}

LogicalResult SelectOp::inferReturnTypes(MLIRContext *, std::optional<Location>,
                                         Adaptor adaptor, TypeList &types) {
  types.push_back(adaptor.getOnTrue().getType());
  return success();
}

LogicalResult BroadcastOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  ArrayRef<int64_t> sizes = adaptor.getBroadcastSizes();
  if (llvm::any_of(sizes, [](int64_t s) { return s < 0; }))
    return error(loc, "broadcast_sizes must be non-negative");
  SmallVector<int64_t> shape(sizes);
  llvm::append_range(shape, operand.getShape());
  types.push_back(operand.clone(shape));
  return success();
}

LogicalResult TransposeOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                            Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  ArrayRef<int64_t> perm = adaptor.getPermutation();
  int64_t rank = operand.getRank();
  if (static_cast<int64_t>(perm.size()) != rank)
    return error(loc, "permutation size (" + Twine(perm.size()) +
                          ") must equal operand rank (" + Twine(rank) + ")");
  SmallVector<bool> seen(rank, false);
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= rank || seen[p])
      return error(loc, "permutation must be a permutation of [0, " + Twine(rank) + ")");
    seen[p] = true;
    shape.push_back(operand.getDimSize(p));
  }
  types.push_back(operand.clone(shape));
  return success();
}

LogicalResult ConcatenateOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                              Adaptor adaptor, TypeList &types) {
  ValueRange inputs = adaptor.getInputs();
  if (inputs.empty())
    return error(loc, "concatenate needs at least one input");
  auto first = cast<RankedTensorType>(inputs.front().getType());
  int64_t dim = adaptor.getDimension();
  if (failed(checkDim(loc, "dimension", dim, first.getRank())))
    return failure();
  SmallVector<int64_t> shape(first.getShape());
  shape[dim] = 0;
  for (Value input : inputs) {
    auto type = cast<RankedTensorType>(input.getType());
    if (type.getRank() != first.getRank())
      return error(loc, "all inputs must have the same rank");
    for (int64_t d = 0; d < type.getRank(); ++d) {
      if (d == dim) {
        shape[d] = dimAdd(shape[d], type.getDimSize(d));
        continue;
      }
      if (ShapedType::isDynamic(shape[d]))
        shape[d] = type.getDimSize(d);
      else if (!type.isDynamicDim(d) && type.getDimSize(d) != shape[d])
        return error(loc, "inputs differ in non-concatenated dimension " + Twine(d));
    }
  }
  types.push_back(first.clone(shape));
  return success();
}

LogicalResult SliceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                        Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  ArrayRef<int64_t> start = adaptor.getStartIndices(), limit = adaptor.getLimitIndices(),
                    strides = adaptor.getStrides();
  int64_t rank = operand.getRank();
  if (static_cast<int64_t>(start.size()) != rank ||
      static_cast<int64_t>(limit.size()) != rank ||
      static_cast<int64_t>(strides.size()) != rank)
    return error(loc, "start_indices, limit_indices and strides must each have operand "
                      "rank (" + Twine(rank) + ") entries");
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    if (start[d] < 0 || strides[d] <= 0 || limit[d] < start[d])
      return error(loc, "dimension " + Twine(d) +
                            " needs 0 <= start <= limit and stride > 0");
    if (!operand.isDynamicDim(d) && limit[d] > operand.getDimSize(d))
      return error(loc, "limit index " + Twine(limit[d]) + " exceeds dimension " +
                            Twine(d) + " of size " + Twine(operand.getDimSize(d)));
    shape.push_back(llvm::divideCeil(limit[d] - start[d], strides[d]));
  }
  types.push_back(operand.clone(shape));
  return success();
}

LogicalResult DynamicSliceOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                               Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  ArrayRef<int64_t> sizes = adaptor.getSliceSizes();
  int64_t rank = operand.getRank();
  if (static_cast<int64_t>(sizes.size()) != rank ||
      static_cast<int64_t>(adaptor.getStartIndices().size()) != rank)
    return error(loc, "slice_sizes and start_indices must each have operand rank (" +
                          Twine(rank) + ") entries");
  for (int64_t d = 0; d < rank; ++d)
    if (sizes[d] < 0 ||
        (!operand.isDynamicDim(d) && sizes[d] > operand.getDimSize(d)))
      return error(loc, "slice size " + Twine(sizes[d]) + " of dimension " + Twine(d) +
                            " must be in [0, operand dimension size]");
  types.push_back(operand.clone(sizes));
  return success();
}

LogicalResult DynamicUpdateSliceOp::inferReturnTypes(MLIRContext *,
                                                     std::optional<Location> loc,
                                                     Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  auto update = cast<RankedTensorType>(adaptor.getUpdate().getType());
  if (update.getRank() != operand.getRank() ||
      static_cast<int64_t>(adaptor.getStartIndices().size()) != operand.getRank())
    return error(loc, "update rank and start_indices count must equal operand rank (" +
                          Twine(operand.getRank()) + ")");
  if (update.getElementType() != operand.getElementType())
    return error(loc, "update and operand element types differ");
  for (int64_t d = 0; d < operand.getRank(); ++d)
    if (!operand.isDynamicDim(d) && !update.isDynamicDim(d) &&
        update.getDimSize(d) > operand.getDimSize(d))
      return error(loc, "update dimension " + Twine(d) + " is larger than the operand's");
  types.push_back(operand);
  return success();
}

LogicalResult PadOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                      Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  auto padValue = cast<RankedTensorType>(adaptor.getPaddingValue().getType());
  if (padValue.getRank() != 0)
    return error(loc, "padding_value must be a 0-d tensor");
  ArrayRef<int64_t> low = adaptor.getEdgePaddingLow(), high = adaptor.getEdgePaddingHigh(),
                    interior = adaptor.getInteriorPadding();
  int64_t rank = operand.getRank();
  if (static_cast<int64_t>(low.size()) != rank ||
      static_cast<int64_t>(high.size()) != rank ||
      static_cast<int64_t>(interior.size()) != rank)
    return error(loc, "edge_padding_low, edge_padding_high and interior_padding must "
                      "each have operand rank (" + Twine(rank) + ") entries");
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d) {
    if (interior[d] < 0)
      return error(loc, "interior_padding must be non-negative");
    int64_t size = operand.getDimSize(d);
    if (ShapedType::isDynamic(size)) {
      shape.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t padded = size + low[d] + high[d] + std::max<int64_t>(size - 1, 0) * interior[d];
    if (padded < 0)
      return error(loc, "padding makes dimension " + Twine(d) + " negative");
    shape.push_back(padded);
  }
  types.push_back(operand.clone(shape));
  return success();
}

LogicalResult GetDimensionSizeOp::inferReturnTypes(MLIRContext *ctx,
                                                   std::optional<Location> loc,
                                                   Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  if (failed(checkDim(loc, "dimension", adaptor.getDimension(), operand.getRank())))
    return failure();
  types.push_back(RankedTensorType::get({}, IntegerType::get(ctx, 32)));
  return success();
}

LogicalResult GatherOp::inferReturnTypes(MLIRContext *, std::optional<Location> loc,
                                         Adaptor adaptor, TypeList &types) {
  auto operand = cast<RankedTensorType>(adaptor.getOperand().getType());
  auto indices = cast<RankedTensorType>(adaptor.getStartIndices().getType());
  GatherDimensionNumbersAttr dims = adaptor.getDimensionNumbers();
  ArrayRef<int64_t> sliceSizes = adaptor.getSliceSizes();
  if (static_cast<int64_t>(sliceSizes.size()) != operand.getRank())
    return error(loc, "slice_sizes size (" + Twine(sliceSizes.size()) +
                          ") must equal operand rank (" + Twine(operand.getRank()) + ")");
  int64_t indexVectorDim = dims.getIndexVectorDim();
  if (indexVectorDim < 0 || indexVectorDim > indices.getRank())
    return error(loc, "index_vector_dim " + Twine(indexVectorDim) +
                          " must be in [0, start_indices rank]");
  SmallVector<int64_t> batchSizes;
  for (int64_t d = 0; d < indices.getRank(); ++d)
    if (d != indexVectorDim)
      batchSizes.push_back(indices.getDimSize(d));
  SmallVector<int64_t> offsetSizes;
  for (int64_t d = 0; d < operand.getRank(); ++d)
    if (!llvm::is_contained(dims.getCollapsedSliceDims(), d) &&
        !llvm::is_contained(dims.getOperandBatchingDims(), d))
      offsetSizes.push_back(sliceSizes[d]);
  ArrayRef<int64_t> offsetDims = dims.getOffsetDims();
  if (offsetDims.size() != offsetSizes.size())
    return error(loc, "offset_dims size (" + Twine(offsetDims.size()) +
                          ") must equal the number of uncollapsed slice dims (" +
                          Twine(offsetSizes.size()) + ")");
  int64_t rank = batchSizes.size() + offsetSizes.size();
  SmallVector<int64_t> shape;
  size_t nextBatch = 0, nextOffset = 0;
  for (int64_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(offsetDims, d))
      shape.push_back(offsetSizes[nextOffset++]);
    else if (nextBatch < batchSizes.size())
      shape.push_back(batchSizes[nextBatch++]);
    else
      return error(loc, "offset_dims must be sorted dims of a rank-" + Twine(rank) +
                            " result");
  }
  types.push_back(operand.clone(shape));
  return success();
}

LogicalResult TupleOp::inferReturnTypes(MLIRContext *ctx, std::optional<Location>,
                                        Adaptor adaptor, TypeList &types) {
  types.push_back(TupleType::get(ctx, adaptor.getVal().getTypes()));
  return success();
}

LogicalResult GetTupleElementOp::inferReturnTypes(MLIRContext *,
                                                  std::optional<Location> loc,
                                                  Adaptor adaptor, TypeList &types) {
  auto tuple = cast<TupleType>(adaptor.getOperand().getType());
  int64_t index = adaptor.getIndex();
  if (index < 0 || index >= static_cast<int64_t>(tuple.size()))
    return error(loc, "index " + Twine(index) + " is out of range for a tuple of " +
                          Twine(tuple.size()) + " elements");
  types.push_back(tuple.getType(index));
  return success();
}

LogicalResult UniformDequantizeOp::inferReturnTypes(MLIRContext *,
                                                    std::optional<Location>,
                                                    Adaptor adaptor, TypeList &types) {
  Type operand = adaptor.getOperand().getType();
  auto quantized = cast<quant::QuantizedType>(getElementTypeOrSelf(operand));
  types.push_back(withElement(operand, quantized.getExpressedType()));
  return success();
}
