//===- StableHLOVerifiers.cpp - verifiers of data-movement ops ------------===//
//
// Verifiers of elementwise, shape, data-movement, gather/scatter, dot and
// convolution ops. Each enforces the constraints (Cn) of the op's section of the
// StableHLO specification that ODS traits do not already cover. Dynamic sizes
// (`?`) are accepted wherever a static size would be. Region-carrying ops, control
// flow, collectives and the remaining ops are in StableHLOVerifiersRegions.cpp.
//
//===----------------------------------------------------------------------===//
#include "StableHLOVerifierUtils.h"

#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::stablehlo;
using namespace mlir::stablehlo::verify;

namespace {

/// Values of a 1-d integer tensor operand when it is a constant.
std::optional<SmallVector<int64_t>> constantValues(Value v) {
  DenseIntElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  return toI64(attr);
}

/// Size of a 1-d shape operand (dynamic when unknown).
int64_t shapeOperandSize(Value v) {
  return cast<RankedTensorType>(v.getType()).getDimSize(0);
}

/// A 1-d shape operand of static size must have `expected` elements.
LogicalResult checkShapeOperandSize(Operation *op, StringRef name, Value v,
                                    int64_t expected, StringRef what) {
  int64_t size = shapeOperandSize(v);
  if (isDyn(size))
    return success();
  return checkSize(op, name, size, expected, what);
}

/// Static element counts of two types agree.
LogicalResult checkSameNumElements(Operation *op, RankedTensorType a,
                                   RankedTensorType b) {
  if (!a.hasStaticShape() || !b.hasStaticShape())
    return success();
  if (a.getNumElements() != b.getNumElements())
    return op->emitOpError() << "number of elements of operand ("
                             << a.getNumElements() << ") must equal that of result ("
                             << b.getNumElements() << ")";
  return success();
}

bool isQuantized(Type t) { return isa<quant::QuantizedType>(elemType(t)); }

} // namespace

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

LogicalResult ConvertOp::verify() {
  if (isQuantized(getOperand().getType()) || isQuantized(getType()))
    return emitOpError("operand and result must not be quantized; use "
                       "uniform_quantize / uniform_dequantize");
  return success();
}

LogicalResult BitcastConvertOp::verify() {
  auto operandTy = getOperand().getType();
  auto resultTy = getType();
  Type e = operandTy.getElementType(), r = resultTy.getElementType();
  if (isa<ComplexType>(e) != isa<ComplexType>(r))
    return emitOpError("operand and result must both be complex or both not complex");
  int64_t eBits = bitWidth(e), rBits = bitWidth(r);
  auto in = operandTy.getShape(), out = resultTy.getShape();
  if (eBits == rBits) {
    if (!compatibleShapes(in, out))
      return emitOpError() << "result shape " << dimsStr(out)
                           << " must equal operand shape " << dimsStr(in)
                           << " when element bit widths are equal";
    return success();
  }
  bool narrowing = rBits < eBits;
  auto wide = narrowing ? in : out, narrow = narrowing ? out : in;
  int64_t wideBits = narrowing ? eBits : rBits, narrowBits = narrowing ? rBits : eBits;
  if (narrow.size() != wide.size() + 1)
    return emitOpError() << (narrowing ? "result" : "operand") << " rank ("
                         << narrow.size() << ") must be one more than "
                         << (narrowing ? "operand" : "result") << " rank ("
                         << wide.size() << ") when bit widths differ";
  if (!compatibleShapes(wide, narrow.drop_back()))
    return emitOpError() << "leading dimensions " << dimsStr(narrow.drop_back())
                         << " must equal " << dimsStr(wide);
  int64_t last = narrow.back();
  if (!isDyn(last) && last * narrowBits != wideBits)
    return emitOpError() << "last dimension (" << last << ") times " << narrowBits
                         << " bits must equal " << wideBits << " bits";
  return success();
}

LogicalResult CompareOp::verify() {
  if (!getCompareType() || *getCompareType() == ComparisonType::NOTYPE)
    return success();
  ComparisonType ct = *getCompareType();
  Type e = getLhs().getType().getElementType();
  if (auto q = dyn_cast<quant::QuantizedType>(e))
    e = q.getStorageType();
  bool ok;
  StringRef expected;
  if (isa<ComplexType>(e)) {
    ok = ct == ComparisonType::FLOAT;
    expected = "FLOAT";
  } else if (isa<FloatType>(e)) {
    ok = ct == ComparisonType::FLOAT || ct == ComparisonType::TOTALORDER;
    expected = "FLOAT or TOTALORDER";
  } else if (e.isInteger(1) || e.isUnsignedInteger()) {
    ok = ct == ComparisonType::UNSIGNED;
    expected = "UNSIGNED";
  } else {
    ok = ct == ComparisonType::SIGNED;
    expected = "SIGNED";
  }
  if (!ok)
    return emitOpError() << "compare_type " << stringifyComparisonType(ct)
                         << " is not valid for element type " << e << "; expected "
                         << expected;
  return success();
}

LogicalResult ClampOp::verify() {
  auto operandTy = getOperand().getType();
  for (auto [name, v] : {std::pair<StringRef, Value>{"min", getMin()},
                         std::pair<StringRef, Value>{"max", getMax()}}) {
    auto t = cast<RankedTensorType>(v.getType());
    if (t.getRank() != 0 && !compatibleShapes(t.getShape(), operandTy.getShape()))
      return emitOpError() << name << " shape " << dimsStr(t.getShape())
                           << " must be a scalar or equal operand shape "
                           << dimsStr(operandTy.getShape());
  }
  if (!compatibleShapes(getType().getShape(), operandTy.getShape()))
    return emitOpError() << "result shape " << dimsStr(getType().getShape())
                         << " must equal operand shape "
                         << dimsStr(operandTy.getShape());
  return success();
}

LogicalResult SelectOp::verify() {
  auto predTy = getPred().getType();
  auto onTrue = getOnTrue().getType(), onFalse = getOnFalse().getType();
  if (!compatibleTypes(onTrue, onFalse))
    return emitOpError() << "on_true type " << onTrue << " must equal on_false type "
                         << onFalse;
  if (predTy.getRank() != 0 &&
      !compatibleShapes(predTy.getShape(), onTrue.getShape()))
    return emitOpError() << "pred shape " << dimsStr(predTy.getShape())
                         << " must be a scalar or equal on_true shape "
                         << dimsStr(onTrue.getShape());
  if (!compatibleTypes(getType(), onTrue))
    return emitOpError() << "result type " << getType() << " must equal on_true type "
                         << onTrue;
  return success();
}

//===----------------------------------------------------------------------===//
// Iota and broadcasts
//===----------------------------------------------------------------------===//

LogicalResult IotaOp::verify() {
  int64_t rank = getOutput().getType().getRank();
  int64_t dim = getIotaDimensionAttr().getInt();
  if (rank == 0)
    return emitOpError("output must have rank >= 1");
  return checkInRange(*this, "iota_dimension", {dim}, 0, rank);
}

LogicalResult DynamicIotaOp::verify() {
  int64_t rank = getType().getRank();
  if (rank == 0)
    return emitOpError("result must have rank >= 1");
  if (failed(checkInRange(*this, "iota_dimension", {getIotaDimensionAttr().getInt()},
                          0, rank)))
    return failure();
  return checkShapeOperandSize(*this, "output_shape", getOutputShape(), rank,
                               "result rank");
}

namespace {
/// Shared by broadcast_in_dim and dynamic_broadcast_in_dim: C2-C5.
LogicalResult checkBroadcastDims(Operation *op, RankedTensorType operand,
                                 RankedTensorType result, ArrayRef<int64_t> dims) {
  if (failed(checkSize(op, "broadcast_dimensions", dims.size(), operand.getRank(),
                       "operand rank")) ||
      failed(checkDimList(op, "broadcast_dimensions", dims, result.getRank())))
    return failure();
  for (auto [i, d] : llvm::enumerate(dims)) {
    int64_t in = operand.getDimSize(i), out = result.getDimSize(d);
    if (in != 1 && !compatibleDim(in, out))
      return op->emitOpError() << "operand dimension " << i << " (" << dimStr(in)
                               << ") must be 1 or equal result dimension " << d
                               << " (" << dimStr(out) << ")";
  }
  return success();
}
} // namespace

LogicalResult BroadcastInDimOp::verify() {
  return checkBroadcastDims(*this, getOperand().getType(), getType(),
                            getBroadcastDimensions());
}

LogicalResult DynamicBroadcastInDimOp::verify() {
  auto operandTy = getOperand().getType();
  auto resultTy = getType();
  if (operandTy.getElementType() != resultTy.getElementType())
    return emitOpError() << "result element type " << resultTy.getElementType()
                         << " must equal operand element type "
                         << operandTy.getElementType();
  if (failed(checkBroadcastDims(*this, operandTy, resultTy, getBroadcastDimensions())) ||
      failed(checkShapeOperandSize(*this, "output_dimensions", getOutputDimensions(),
                                   resultTy.getRank(), "result rank")))
    return failure();
  auto expanding = getKnownExpandingDimensions().value_or(ArrayRef<int64_t>());
  auto nonExpanding = getKnownNonexpandingDimensions().value_or(ArrayRef<int64_t>());
  int64_t rank = operandTy.getRank();
  if (failed(checkDimList(*this, "known_expanding_dimensions", expanding, rank)) ||
      failed(checkDimList(*this, "known_nonexpanding_dimensions", nonExpanding, rank)))
    return failure();
  for (int64_t d : expanding)
    if (llvm::is_contained(nonExpanding, d))
      return emitOpError() << "dimension " << d
                           << " is both known expanding and known non-expanding";
  return success();
}

//===----------------------------------------------------------------------===//
// Reshape, transpose, reverse
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  return checkSameNumElements(*this, getOperand().getType(), getType());
}

LogicalResult DynamicReshapeOp::verify() {
  auto operandTy = getOperand().getType();
  auto resultTy = getType();
  if (operandTy.getElementType() != resultTy.getElementType())
    return emitOpError() << "result element type " << resultTy.getElementType()
                         << " must equal operand element type "
                         << operandTy.getElementType();
  if (failed(checkSameNumElements(*this, operandTy, resultTy)))
    return failure();
  return checkShapeOperandSize(*this, "output_shape", getOutputShape(),
                               resultTy.getRank(), "result rank");
}

LogicalResult TransposeOp::verify() {
  auto operandTy = getOperand().getType();
  ArrayRef<int64_t> perm = getPermutation();
  int64_t rank = operandTy.getRank();
  if (failed(checkSize(*this, "permutation", perm.size(), rank, "operand rank")) ||
      failed(checkDimList(*this, "permutation", perm, rank)))
    return failure();
  auto resultTy = getType();
  if (resultTy.getRank() != rank)
    return emitOpError() << "result rank (" << resultTy.getRank()
                         << ") must equal operand rank (" << rank << ")";
  for (int64_t i = 0; i < rank; ++i)
    if (!compatibleDim(resultTy.getDimSize(i), operandTy.getDimSize(perm[i])))
      return emitOpError() << "result dimension " << i << " ("
                           << dimStr(resultTy.getDimSize(i))
                           << ") must equal operand dimension " << perm[i] << " ("
                           << dimStr(operandTy.getDimSize(perm[i])) << ")";
  return success();
}

LogicalResult ReverseOp::verify() {
  return checkDimList(*this, "dimensions", getDimensions(),
                      getOperand().getType().getRank());
}

//===----------------------------------------------------------------------===//
// Dynamic slicing and padding
//===----------------------------------------------------------------------===//

LogicalResult RealDynamicSliceOp::verify() {
  auto operandTy = getOperand().getType();
  int64_t rank = operandTy.getRank();
  if (getType().getElementType() != operandTy.getElementType())
    return emitOpError() << "result element type " << getType().getElementType()
                         << " must equal operand element type "
                         << operandTy.getElementType();
  if (getType().getRank() != rank)
    return emitOpError() << "result rank (" << getType().getRank()
                         << ") must equal operand rank (" << rank << ")";
  if (failed(checkShapeOperandSize(*this, "start_indices", getStartIndices(), rank,
                                   "operand rank")) ||
      failed(checkShapeOperandSize(*this, "limit_indices", getLimitIndices(), rank,
                                   "operand rank")) ||
      failed(checkShapeOperandSize(*this, "strides", getStrides(), rank,
                                   "operand rank")))
    return failure();
  if (auto strides = constantValues(getStrides()))
    if (failed(checkPositive(*this, "strides", *strides)))
      return failure();
  auto start = constantValues(getStartIndices());
  auto limit = constantValues(getLimitIndices());
  if (!start || !limit || (int64_t)start->size() != rank ||
      (int64_t)limit->size() != rank)
    return success();
  for (int64_t i = 0; i < rank; ++i) {
    int64_t dim = operandTy.getDimSize(i);
    if ((*start)[i] < 0 || (*start)[i] > (*limit)[i] ||
        (!isDyn(dim) && (*limit)[i] > dim))
      return emitOpError() << "slice bounds of dimension " << i << " must satisfy 0 <= "
                           << "start (" << (*start)[i] << ") <= limit ("
                           << (*limit)[i] << ") <= operand dimension ("
                           << dimStr(dim) << ")";
  }
  return success();
}

LogicalResult DynamicPadOp::verify() {
  auto operandTy = getOperand().getType();
  auto padTy = cast<RankedTensorType>(getPaddingValue().getType());
  int64_t rank = operandTy.getRank();
  if (padTy.getRank() != 0)
    return emitOpError() << "padding_value must be a 0-d tensor, but has rank "
                         << padTy.getRank();
  if (padTy.getElementType() != operandTy.getElementType() ||
      getType().getElementType() != operandTy.getElementType())
    return emitOpError("operand, padding_value and result must have the same "
                       "element type");
  if (getType().getRank() != rank)
    return emitOpError() << "result rank (" << getType().getRank()
                         << ") must equal operand rank (" << rank << ")";
  if (failed(checkShapeOperandSize(*this, "edge_padding_low", getEdgePaddingLow(),
                                   rank, "operand rank")) ||
      failed(checkShapeOperandSize(*this, "edge_padding_high", getEdgePaddingHigh(),
                                   rank, "operand rank")) ||
      failed(checkShapeOperandSize(*this, "interior_padding", getInteriorPadding(),
                                   rank, "operand rank")))
    return failure();
  if (auto interior = constantValues(getInteriorPadding()))
    for (int64_t v : *interior)
      if (v < 0)
        return emitOpError() << "interior_padding values must be >= 0, got " << v;
  return success();
}

//===----------------------------------------------------------------------===//
// Gather and scatter
//===----------------------------------------------------------------------===//

namespace {

/// Batching-dimension constraints common to gather and scatter: `operandBatch`
/// and `indicesBatch` pair up dimensions of equal size.
LogicalResult checkBatchingDims(Operation *op, StringRef operandName,
                                StringRef indicesName, RankedTensorType operand,
                                RankedTensorType indices,
                                ArrayRef<int64_t> operandBatch,
                                ArrayRef<int64_t> indicesBatch,
                                int64_t indexVectorDim) {
  if (failed(checkSorted(op, operandName, operandBatch)) ||
      failed(checkInRange(op, operandName, operandBatch, 0, operand.getRank())) ||
      failed(checkDimList(op, indicesName, indicesBatch, indices.getRank())))
    return failure();
  if (llvm::is_contained(indicesBatch, indexVectorDim))
    return op->emitOpError() << indicesName << " must not contain index_vector_dim ("
                             << indexVectorDim << ")";
  if (operandBatch.size() != indicesBatch.size())
    return op->emitOpError() << operandName << " size (" << operandBatch.size()
                             << ") must equal " << indicesName << " size ("
                             << indicesBatch.size() << ")";
  for (auto [a, b] : llvm::zip_equal(operandBatch, indicesBatch))
    if (!compatibleDim(operand.getDimSize(a), indices.getDimSize(b)))
      return op->emitOpError() << "operand dimension " << a << " ("
                               << dimStr(operand.getDimSize(a))
                               << ") must equal indices dimension " << b << " ("
                               << dimStr(indices.getDimSize(b))
                               << ") as they are batching dimensions";
  return success();
}

/// `dims ++ batch` unique: collapsed/inserted dims and batching dims are disjoint.
LogicalResult checkUniqueConcat(Operation *op, StringRef name, ArrayRef<int64_t> a,
                                ArrayRef<int64_t> b) {
  SmallVector<int64_t> all(a);
  all.append(b.begin(), b.end());
  return checkUnique(op, name, all);
}

/// Index vector size: dim(indices, index_vector_dim), or 1 when it is the rank.
int64_t indexVectorSize(RankedTensorType indices, int64_t indexVectorDim) {
  return indexVectorDim < indices.getRank() ? indices.getDimSize(indexVectorDim) : 1;
}

/// Gather C18, C19, C6, C9: one size per operand dimension, within it, and at
/// most 1 for collapsed and batching dimensions.
LogicalResult checkSliceSizes(Operation *op, RankedTensorType operand,
                              GatherDimensionNumbersAttr dn,
                              ArrayRef<int64_t> sliceSizes) {
  if (failed(checkSize(op, "slice_sizes", sliceSizes.size(), operand.getRank(),
                       "operand rank")))
    return failure();
  for (auto [i, s] : llvm::enumerate(sliceSizes)) {
    int64_t dim = operand.getDimSize(i);
    if (s < 0 || (!isDyn(dim) && s > dim))
      return op->emitOpError() << "slice_sizes[" << i << "] (" << s
                               << ") must be in [0, " << dimStr(dim) << "]";
    bool mustBeUnit = llvm::is_contained(dn.getCollapsedSliceDims(), (int64_t)i) ||
                      llvm::is_contained(dn.getOperandBatchingDims(), (int64_t)i);
    if (mustBeUnit && s > 1)
      return op->emitOpError() << "slice_sizes[" << i << "] (" << s
                               << ") must be <= 1 for a collapsed or batching "
                                  "dimension";
  }
  return success();
}

/// Gather C1-C17, C21, C22 and the result rank; slice sizes when known.
LogicalResult checkGatherDims(Operation *op, RankedTensorType operand,
                              RankedTensorType indices, RankedTensorType result,
                              GatherDimensionNumbersAttr dn,
                              std::optional<ArrayRef<int64_t>> sliceSizes) {
  int64_t rank = operand.getRank(), ivd = dn.getIndexVectorDim();
  auto offset = dn.getOffsetDims(), collapsed = dn.getCollapsedSliceDims();
  auto operandBatch = dn.getOperandBatchingDims();
  auto startMap = dn.getStartIndexMap();
  int64_t expectedRank = offset.size() + collapsed.size() + operandBatch.size();
  if (rank != expectedRank)
    return op->emitOpError() << "operand rank (" << rank
                             << ") must equal size(offset_dims) + "
                                "size(collapsed_slice_dims) + "
                                "size(operand_batching_dims) ("
                             << expectedRank << ")";
  if (ivd < 0 || ivd > indices.getRank())
    return op->emitOpError() << "index_vector_dim (" << ivd << ") must be in [0, "
                             << indices.getRank() << "]";
  if (failed(checkSorted(op, "collapsed_slice_dims", collapsed)) ||
      failed(checkInRange(op, "collapsed_slice_dims", collapsed, 0, rank)) ||
      failed(checkUniqueConcat(op, "collapsed_slice_dims ++ operand_batching_dims",
                               collapsed, operandBatch)) ||
      failed(checkBatchingDims(op, "operand_batching_dims",
                               "start_indices_batching_dims", operand, indices,
                               operandBatch, dn.getStartIndicesBatchingDims(), ivd)))
    return failure();
  int64_t ivSize = indexVectorSize(indices, ivd);
  if (!isDyn(ivSize) && (int64_t)startMap.size() != ivSize)
    return op->emitOpError() << "start_index_map size (" << startMap.size()
                             << ") must equal the index vector size (" << ivSize
                             << ")";
  if (failed(checkInRange(op, "start_index_map", startMap, 0, rank)) ||
      failed(checkUniqueConcat(op, "start_index_map ++ operand_batching_dims",
                               startMap, operandBatch)) ||
      failed(checkSorted(op, "offset_dims", offset)) ||
      failed(checkDimList(op, "offset_dims", offset, result.getRank())))
    return failure();
  int64_t batchRank = indices.getRank() - (ivd < indices.getRank() ? 1 : 0);
  if (result.getRank() != batchRank + (int64_t)offset.size())
    return op->emitOpError() << "result rank (" << result.getRank()
                             << ") must equal batch rank (" << batchRank
                             << ") + size(offset_dims) (" << offset.size() << ")";
  if (!sliceSizes)
    return success();
  return checkSliceSizes(op, operand, dn, *sliceSizes);
}

} // namespace

LogicalResult DynamicGatherOp::verify() {
  auto operandTy = getOperand().getType();
  if (operandTy.getElementType() != getType().getElementType())
    return emitOpError() << "result element type " << getType().getElementType()
                         << " must equal operand element type "
                         << operandTy.getElementType();
  if (failed(checkShapeOperandSize(*this, "slice_sizes", getSliceSizes(),
                                   operandTy.getRank(), "operand rank")))
    return failure();
  auto sizes = constantValues(getSliceSizes());
  std::optional<ArrayRef<int64_t>> sizesRef;
  if (sizes)
    sizesRef = ArrayRef<int64_t>(*sizes);
  return checkGatherDims(*this, operandTy, getStartIndices().getType(), getType(),
                         getDimensionNumbers(), sizesRef);
}

namespace {

/// Scatter C4: updates shape = scatter dims of the indices (index_vector_dim
/// dropped) interleaved with window dims at update_window_dims.
LogicalResult checkScatterUpdateShape(Operation *op, RankedTensorType input,
                                      RankedTensorType indices,
                                      RankedTensorType update,
                                      ScatterDimensionNumbersAttr dn) {
  auto windowDims = dn.getUpdateWindowDims();
  int64_t ivd = dn.getIndexVectorDim();
  SmallVector<int64_t> scatterSizes;
  for (int64_t i = 0; i < indices.getRank(); ++i)
    if (i != ivd)
      scatterSizes.push_back(indices.getDimSize(i));
  SmallVector<int64_t> windowBounds;
  for (int64_t i = 0; i < input.getRank(); ++i)
    if (!llvm::is_contained(dn.getInsertedWindowDims(), i) &&
        !llvm::is_contained(dn.getInputBatchingDims(), i))
      windowBounds.push_back(input.getDimSize(i));
  int64_t expectedRank = scatterSizes.size() + windowDims.size();
  if (update.getRank() != expectedRank)
    return op->emitOpError() << "updates rank (" << update.getRank()
                             << ") must equal scatter indices rank without "
                                "index_vector_dim plus size(update_window_dims) ("
                             << expectedRank << ")";
  if (windowDims.size() != windowBounds.size())
    return op->emitOpError() << "update_window_dims size (" << windowDims.size()
                             << ") must equal the number of input window dimensions ("
                             << windowBounds.size() << ")";
  size_t s = 0, w = 0;
  for (int64_t i = 0; i < update.getRank(); ++i) {
    int64_t dim = update.getDimSize(i);
    if (llvm::is_contained(windowDims, i)) {
      int64_t bound = windowBounds[w++];
      if (!isDyn(dim) && !isDyn(bound) && dim > bound)
        return op->emitOpError() << "updates window dimension " << i << " (" << dim
                                 << ") must not exceed the input dimension ("
                                 << bound << ")";
    } else if (!compatibleDim(dim, scatterSizes[s++])) {
      return op->emitOpError() << "updates scatter dimension " << i << " ("
                               << dimStr(dim)
                               << ") must equal the scatter indices dimension ("
                               << dimStr(scatterSizes[s - 1]) << ")";
    }
  }
  return success();
}

LogicalResult checkScatterDims(Operation *op, RankedTensorType input,
                               RankedTensorType indices, RankedTensorType update,
                               ScatterDimensionNumbersAttr dn) {
  int64_t rank = input.getRank(), ivd = dn.getIndexVectorDim();
  auto window = dn.getUpdateWindowDims(), inserted = dn.getInsertedWindowDims();
  auto inputBatch = dn.getInputBatchingDims();
  auto toOperand = dn.getScatterDimsToOperandDims();
  int64_t expectedRank = window.size() + inserted.size() + inputBatch.size();
  if (rank != expectedRank)
    return op->emitOpError() << "input rank (" << rank
                             << ") must equal size(update_window_dims) + "
                                "size(inserted_window_dims) + "
                                "size(input_batching_dims) ("
                             << expectedRank << ")";
  if (ivd < 0 || ivd > indices.getRank())
    return op->emitOpError() << "index_vector_dim (" << ivd << ") must be in [0, "
                             << indices.getRank() << "]";
  if (failed(checkSorted(op, "update_window_dims", window)) ||
      failed(checkDimList(op, "update_window_dims", window, update.getRank())) ||
      failed(checkSorted(op, "inserted_window_dims", inserted)) ||
      failed(checkInRange(op, "inserted_window_dims", inserted, 0, rank)) ||
      failed(checkUniqueConcat(op, "inserted_window_dims ++ input_batching_dims",
                               inserted, inputBatch)) ||
      failed(checkBatchingDims(op, "input_batching_dims",
                               "scatter_indices_batching_dims", input, indices,
                               inputBatch, dn.getScatterIndicesBatchingDims(), ivd)))
    return failure();
  int64_t ivSize = indexVectorSize(indices, ivd);
  if (!isDyn(ivSize) && (int64_t)toOperand.size() != ivSize)
    return op->emitOpError() << "scatter_dims_to_operand_dims size ("
                             << toOperand.size()
                             << ") must equal the index vector size (" << ivSize
                             << ")";
  if (failed(checkInRange(op, "scatter_dims_to_operand_dims", toOperand, 0, rank)) ||
      failed(checkUniqueConcat(op, "scatter_dims_to_operand_dims ++ "
                                   "input_batching_dims",
                               toOperand, inputBatch)))
    return failure();
  return checkScatterUpdateShape(op, input, indices, update, dn);
}

/// Scatter C1, C3, C6: inputs share a shape, updates share a shape, and update i
/// has the element type of input i (collected into `inputElems`).
LogicalResult checkScatterOperands(Operation *op, ValueRange inputs,
                                   ValueRange updates,
                                   SmallVectorImpl<Type> &inputElems) {
  auto input0 = cast<RankedTensorType>(inputs[0].getType());
  auto update0 = cast<RankedTensorType>(updates[0].getType());
  for (auto [i, pair] : llvm::enumerate(llvm::zip_equal(inputs, updates))) {
    auto in = cast<RankedTensorType>(std::get<0>(pair).getType());
    auto up = cast<RankedTensorType>(std::get<1>(pair).getType());
    if (!compatibleShapes(in.getShape(), input0.getShape()))
      return op->emitOpError() << "all inputs must have the same shape, but input #"
                               << i << " has shape " << dimsStr(in.getShape());
    if (!compatibleShapes(up.getShape(), update0.getShape()))
      return op->emitOpError() << "all updates must have the same shape, but update #"
                               << i << " has shape " << dimsStr(up.getShape());
    if (up.getElementType() != in.getElementType())
      return op->emitOpError() << "update #" << i << " element type "
                               << up.getElementType()
                               << " must equal input element type "
                               << in.getElementType();
    inputElems.push_back(in.getElementType());
  }
  return success();
}

} // namespace

LogicalResult ScatterOp::verify() {
  auto inputs = getInputs();
  auto updates = getUpdates();
  if (inputs.empty())
    return emitOpError("must have at least one input");
  if (inputs.size() != updates.size())
    return emitOpError() << "number of updates (" << updates.size()
                         << ") must equal number of inputs (" << inputs.size() << ")";
  if (getNumResults() != inputs.size())
    return emitOpError() << "number of results (" << getNumResults()
                         << ") must equal number of inputs (" << inputs.size() << ")";
  auto input0 = cast<RankedTensorType>(inputs[0].getType());
  auto update0 = cast<RankedTensorType>(updates[0].getType());
  SmallVector<Type> inputElems;
  if (failed(checkScatterOperands(*this, inputs, updates, inputElems)) ||
      failed(checkScatterDims(*this, input0, getScatterIndices().getType(), update0,
                              getScatterDimensionNumbers())))
    return failure();
  SmallVector<Type> bodyElems;
  if (failed(checkReducerBody(*this, getUpdateComputation(), "update_computation",
                              inputElems, bodyElems)))
    return failure();
  for (auto [i, r] : llvm::enumerate(getResultTypes())) {
    auto rt = cast<RankedTensorType>(r);
    if (!compatibleShapes(rt.getShape(), input0.getShape()) ||
        rt.getElementType() != bodyElems[i])
      return emitOpError() << "result #" << i << " type " << r
                           << " must have the input shape "
                           << dimsStr(input0.getShape())
                           << " and the update_computation element type "
                           << bodyElems[i];
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Dot and convolution
//===----------------------------------------------------------------------===//

namespace {

LogicalResult checkPrecisionConfig(Operation *op, std::optional<ArrayAttr> config) {
  if (config && *config && !config->empty() && config->size() != 2)
    return op->emitOpError() << "precision_config must have 0 or 2 elements, but has "
                             << config->size();
  return success();
}

LogicalResult checkResultShape(Operation *op, RankedTensorType result,
                               ArrayRef<int64_t> expected) {
  if (!compatibleShapes(result.getShape(), expected))
    return op->emitOpError() << "result shape " << dimsStr(result.getShape())
                             << " must be " << dimsStr(expected);
  return success();
}

} // namespace

LogicalResult DotOp::verify() {
  auto lhs = getLhs().getType(), rhs = getRhs().getType();
  if (failed(checkPrecisionConfig(*this, getPrecisionConfig())))
    return failure();
  if (lhs.getRank() < 1 || lhs.getRank() > 2 || rhs.getRank() < 1 || rhs.getRank() > 2)
    return emitOpError() << "operands must have rank 1 or 2, got " << lhs.getRank()
                         << " and " << rhs.getRank();
  int64_t k1 = lhs.getShape().back(), k2 = rhs.getDimSize(0);
  if (!compatibleDim(k1, k2))
    return emitOpError() << "lhs contracting dimension (" << dimStr(k1)
                         << ") must equal rhs contracting dimension (" << dimStr(k2)
                         << ")";
  SmallVector<int64_t> expected(lhs.getShape().drop_back());
  expected.append(rhs.getShape().begin() + 1, rhs.getShape().end());
  return checkResultShape(*this, getType(), expected);
}

namespace {

/// dot_general C1-C10: pairs of batching and contracting dimensions.
LogicalResult checkDotDims(Operation *op, RankedTensorType lhs, RankedTensorType rhs,
                           DotDimensionNumbersAttr dn) {
  auto lb = dn.getLhsBatchingDimensions(), rb = dn.getRhsBatchingDimensions();
  auto lc = dn.getLhsContractingDimensions(), rc = dn.getRhsContractingDimensions();
  if (lb.size() != rb.size())
    return op->emitOpError() << "lhs_batching_dimensions size (" << lb.size()
                             << ") must equal rhs_batching_dimensions size ("
                             << rb.size() << ")";
  if (lc.size() != rc.size())
    return op->emitOpError() << "lhs_contracting_dimensions size (" << lc.size()
                             << ") must equal rhs_contracting_dimensions size ("
                             << rc.size() << ")";
  if (failed(checkInRange(op, "lhs_batching_dimensions", lb, 0, lhs.getRank())) ||
      failed(checkInRange(op, "lhs_contracting_dimensions", lc, 0, lhs.getRank())) ||
      failed(checkInRange(op, "rhs_batching_dimensions", rb, 0, rhs.getRank())) ||
      failed(checkInRange(op, "rhs_contracting_dimensions", rc, 0, rhs.getRank())) ||
      failed(checkUniqueConcat(op, "lhs_batching_dimensions ++ "
                                   "lhs_contracting_dimensions", lb, lc)) ||
      failed(checkUniqueConcat(op, "rhs_batching_dimensions ++ "
                                   "rhs_contracting_dimensions", rb, rc)))
    return failure();
  for (auto [kind, l, r] : {std::make_tuple(StringRef("batching"), lb, rb),
                            std::make_tuple(StringRef("contracting"), lc, rc)})
    for (auto [a, b] : llvm::zip_equal(l, r))
      if (!compatibleDim(lhs.getDimSize(a), rhs.getDimSize(b)))
        return op->emitOpError() << kind << " dimension sizes must match: lhs dim "
                                 << a << " (" << dimStr(lhs.getDimSize(a))
                                 << ") vs rhs dim " << b << " ("
                                 << dimStr(rhs.getDimSize(b)) << ")";
  return success();
}

LogicalResult checkDotAlgorithm(Operation *op, std::optional<DotAlgorithmAttr> alg) {
  if (!alg || !*alg)
    return success();
  if (alg->getLhsComponentCount() <= 0 || alg->getRhsComponentCount() <= 0 ||
      alg->getNumPrimitiveOperations() <= 0)
    return op->emitOpError("algorithm component counts and num_primitive_operations "
                           "must be positive");
  return success();
}

} // namespace

LogicalResult DotGeneralOp::verify() {
  auto lhs = getLhs().getType(), rhs = getRhs().getType();
  auto dn = getDotDimensionNumbers();
  if (failed(checkPrecisionConfig(*this, getPrecisionConfig())) ||
      failed(checkDotAlgorithm(*this, getAlgorithm())) ||
      failed(checkDotDims(*this, lhs, rhs, dn)))
    return failure();
  SmallVector<int64_t> expected;
  for (int64_t d : dn.getLhsBatchingDimensions())
    expected.push_back(lhs.getDimSize(d));
  for (int64_t i = 0; i < lhs.getRank(); ++i)
    if (!llvm::is_contained(dn.getLhsBatchingDimensions(), i) &&
        !llvm::is_contained(dn.getLhsContractingDimensions(), i))
      expected.push_back(lhs.getDimSize(i));
  for (int64_t i = 0; i < rhs.getRank(); ++i)
    if (!llvm::is_contained(dn.getRhsBatchingDimensions(), i) &&
        !llvm::is_contained(dn.getRhsContractingDimensions(), i))
      expected.push_back(rhs.getDimSize(i));
  return checkResultShape(*this, getType(), expected);
}

namespace {

/// One of the three dimension groups of conv dimension numbers: the batch dim,
/// the spatial dims and the feature dim together are a permutation of [0, N).
LogicalResult checkConvDimGroup(Operation *op, StringRef name, int64_t first,
                                ArrayRef<int64_t> spatial, int64_t last,
                                int64_t rank) {
  if (failed(checkSize(op, Twine(name + "_spatial_dimensions").str(), spatial.size(),
                       rank - 2, "rank - 2")))
    return failure();
  SmallVector<int64_t> all{first};
  all.append(spatial.begin(), spatial.end());
  all.push_back(last);
  return checkDimList(op, Twine(name + " dimensions").str(), all, rank);
}

/// Convolution C10, C11, C14-C16, C23: group counts against feature and batch
/// sizes.
LogicalResult checkConvGroups(Operation *op, RankedTensorType lhs,
                              RankedTensorType rhs, ConvDimensionNumbersAttr dn,
                              int64_t featureGroups, int64_t batchGroups) {
  if (featureGroups != 1 && batchGroups != 1)
    return op->emitOpError("feature_group_count and batch_group_count must not both "
                           "exceed 1");
  int64_t inBatch = lhs.getDimSize(dn.getInputBatchDimension());
  int64_t inFeature = lhs.getDimSize(dn.getInputFeatureDimension());
  int64_t kIn = rhs.getDimSize(dn.getKernelInputFeatureDimension());
  int64_t kOut = rhs.getDimSize(dn.getKernelOutputFeatureDimension());
  if (!isDyn(inBatch) && inBatch % batchGroups != 0)
    return op->emitOpError() << "input batch dimension (" << inBatch
                             << ") must be divisible by batch_group_count ("
                             << batchGroups << ")";
  if (!isDyn(inFeature) && inFeature % featureGroups != 0)
    return op->emitOpError() << "input feature dimension (" << inFeature
                             << ") must be divisible by feature_group_count ("
                             << featureGroups << ")";
  if (!isDyn(inFeature) && !isDyn(kIn) && kIn != inFeature / featureGroups)
    return op->emitOpError() << "kernel input feature dimension (" << kIn
                             << ") must equal input feature dimension (" << inFeature
                             << ") / feature_group_count (" << featureGroups << ")";
  for (auto [name, count] : {std::pair<StringRef, int64_t>{"batch_group_count",
                                                           batchGroups},
                             std::pair<StringRef, int64_t>{"feature_group_count",
                                                           featureGroups}})
    if (!isDyn(kOut) && kOut % count != 0)
      return op->emitOpError() << "kernel output feature dimension (" << kOut
                               << ") must be divisible by " << name << " (" << count
                               << ")";
  return success();
}

} // namespace

LogicalResult ConvolutionOp::verify() {
  auto lhs = getLhs().getType(), rhs = getRhs().getType();
  int64_t n = lhs.getRank();
  if (rhs.getRank() != n || getType().getRank() != n)
    return emitOpError() << "lhs, rhs and result must have the same rank, got " << n
                         << ", " << rhs.getRank() << " and " << getType().getRank();
  if (n < 2)
    return emitOpError() << "operands must have rank >= 2, got " << n;
  int64_t s = n - 2;
  auto dn = getDimensionNumbers();
  SmallVector<int64_t> strides, lhsDil, rhsDil, padLo, padHi;
  if (failed(checkWindowList(*this, "window_strides", getWindowStrides(), s, "rank - 2",
                             strides)) ||
      failed(checkPadding(*this, getPadding(), s, padLo, padHi)) ||
      failed(checkWindowList(*this, "lhs_dilation", getLhsDilation(), s, "rank - 2",
                             lhsDil)) ||
      failed(checkWindowList(*this, "rhs_dilation", getRhsDilation(), s, "rank - 2",
                             rhsDil)) ||
      failed(checkPrecisionConfig(*this, getPrecisionConfig())))
    return failure();
  if (auto rev = getWindowReversal())
    if (failed(checkSize(*this, "window_reversal", rev->size(), s, "rank - 2")))
      return failure();
  if (failed(checkConvDimGroup(*this, "input", dn.getInputBatchDimension(),
                               dn.getInputSpatialDimensions(),
                               dn.getInputFeatureDimension(), n)) ||
      failed(checkConvDimGroup(*this, "kernel", dn.getKernelInputFeatureDimension(),
                               dn.getKernelSpatialDimensions(),
                               dn.getKernelOutputFeatureDimension(), n)) ||
      failed(checkConvDimGroup(*this, "output", dn.getOutputBatchDimension(),
                               dn.getOutputSpatialDimensions(),
                               dn.getOutputFeatureDimension(), n)))
    return failure();
  int64_t featureGroups = getFeatureGroupCount(), batchGroups = getBatchGroupCount();
  if (failed(checkConvGroups(*this, lhs, rhs, dn, featureGroups, batchGroups)))
    return failure();
  SmallVector<int64_t> expected(n, ShapedType::kDynamic);
  int64_t inBatch = lhs.getDimSize(dn.getInputBatchDimension());
  expected[dn.getOutputBatchDimension()] =
      isDyn(inBatch) ? inBatch : inBatch / batchGroups;
  expected[dn.getOutputFeatureDimension()] =
      rhs.getDimSize(dn.getKernelOutputFeatureDimension());
  for (int64_t i = 0; i < s; ++i) {
    int64_t window = rhs.getDimSize(dn.getKernelSpatialDimensions()[i]);
    expected[dn.getOutputSpatialDimensions()[i]] =
        isDyn(window) ? window
                      : numWindows(lhs.getDimSize(dn.getInputSpatialDimensions()[i]),
                                   lhsDil[i], padLo[i], padHi[i], window, rhsDil[i],
                                   strides[i]);
  }
  return checkResultShape(*this, getType(), expected);
}
