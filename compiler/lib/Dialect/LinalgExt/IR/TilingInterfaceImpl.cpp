//===- TilingInterfaceImpl.cpp - tiling of linalg_ext ops -----------------===//
//
// The iteration domain of every op is the shape of its main operand (the input;
// sort's first operand). Reduced / sorted dims are `reduction` loops and a tile
// must cover them whole; a tile of the parallel dims slices every operand laid
// out like the domain at the same offsets (layer_norm's scale and bias, which
// only span reduced dims, are passed whole; topk's outputs keep all k).
//
//===----------------------------------------------------------------------===//
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"

using namespace mlir;
using namespace mlir::byteir::linalg_ext;

namespace {

using utils::IteratorType;

OpFoldResult dimOf(OpBuilder &b, Location loc, Value v, int64_t d) {
  if (isa<RankedTensorType>(v.getType()))
    return tensor::getMixedSize(b, loc, v, d);
  return memref::getMixedSize(b, loc, v, d);
}

SmallVector<Range> domainOf(OpBuilder &b, Location loc, Value v) {
  SmallVector<Range> ranges;
  for (int64_t d = 0, e = cast<ShapedType>(v.getType()).getRank(); d < e; ++d)
    ranges.push_back(Range{b.getIndexAttr(0), dimOf(b, loc, v, d), b.getIndexAttr(1)});
  return ranges;
}

SmallVector<IteratorType> iteratorsReducing(Value v, ArrayRef<int64_t> reduced) {
  SmallVector<IteratorType> it(cast<ShapedType>(v.getType()).getRank(), IteratorType::parallel);
  for (int64_t d : reduced)
    it[d] = IteratorType::reduction;
  return it;
}

/// A tile must span the reduced dims of `v` whole (offset 0, full static size).
LogicalResult checkWhole(Operation *op, Value v, ArrayRef<int64_t> reduced,
                         ArrayRef<OpFoldResult> offsets, ArrayRef<OpFoldResult> sizes) {
  auto type = cast<ShapedType>(v.getType());
  for (int64_t d : reduced) {
    std::optional<int64_t> size = getConstantIntValue(sizes[d]);
    if (!isZeroInteger(offsets[d]) || !size || *size != type.getDimSize(d))
      return op->emitOpError("cannot tile reduced/sorted dimension ") << d;
  }
  return success();
}

/// The slice of `v` at `offsets` / `sizes` (unit strides), as an op.
Operation *sliceOf(OpBuilder &b, Location loc, Value v, ArrayRef<OpFoldResult> offsets,
                   ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
  if (isa<RankedTensorType>(v.getType()))
    return tensor::ExtractSliceOp::create(b, loc, v, offsets, sizes, strides);
  return memref::SubViewOp::create(b, loc, v, offsets, sizes, strides);
}

/// The op cloned onto `operands` (tensor results take the types of its inits).
FailureOr<TilingResult> cloneOnTiles(OpBuilder &b, Operation *op, ValueRange operands,
                                     SmallVector<Operation *> slices) {
  auto dps = cast<DestinationStyleOpInterface>(op);
  SmallVector<Type> resultTypes;
  if (dps.hasPureTensorSemantics())
    for (OpOperand &init : dps.getDpsInitsMutable())
      resultTypes.push_back(operands[init.getOperandNumber()].getType());
  Operation *tiled = mlir::clone(b, op, resultTypes, operands);
  return TilingResult{{tiled}, SmallVector<Value>(tiled->getResults()), std::move(slices)};
}

/// Tiles an op whose every operand is laid out like the iteration domain, except
/// the operands `whole` (passed unsliced) and, along `kDim`, topk's outputs.
FailureOr<TilingResult> tileLikeDomain(Operation *op, OpBuilder &b, Value domain,
                                       ArrayRef<int64_t> reduced, ArrayRef<OpFoldResult> offsets,
                                       ArrayRef<OpFoldResult> sizes,
                                       function_ref<bool(OpOperand &)> whole = nullptr,
                                       std::optional<int64_t> kDim = std::nullopt) {
  if (failed(checkWhole(op, domain, reduced, offsets, sizes)))
    return failure();
  auto dps = cast<DestinationStyleOpInterface>(op);
  SmallVector<Value> operands;
  SmallVector<Operation *> slices;
  for (OpOperand &operand : op->getOpOperands()) {
    if (whole && whole(operand)) {
      operands.push_back(operand.get());
      continue;
    }
    SmallVector<OpFoldResult> off(offsets), sz(sizes);
    if (kDim && dps.isDpsInit(&operand))
      sz[*kDim] = dimOf(b, op->getLoc(), operand.get(), *kDim);
    slices.push_back(sliceOf(b, op->getLoc(), operand.get(), off, sz));
    operands.push_back(slices.back()->getResult(0));
  }
  return cloneOnTiles(b, op, operands, std::move(slices));
}

/// The iteration-domain tile computing a result tile, for ops whose result
/// dims are their domain dims: the tile must span the reduced dims of the
/// result whole (no diagnostic otherwise: a fusion is just not done), and takes
/// the domain's full extent there (topk's k positions come from all n).
LogicalResult domainTileOfResultTile(OpBuilder &b, Location loc, Value domain, Value result,
                                     ArrayRef<int64_t> reduced, ArrayRef<OpFoldResult> offsets,
                                     ArrayRef<OpFoldResult> sizes,
                                     SmallVectorImpl<OpFoldResult> &iterOffsets,
                                     SmallVectorImpl<OpFoldResult> &iterSizes) {
  auto resultType = cast<ShapedType>(result.getType());
  for (int64_t d : reduced) {
    std::optional<int64_t> size = getConstantIntValue(sizes[d]);
    if (!isZeroInteger(offsets[d]) || !size || *size != resultType.getDimSize(d))
      return failure();
  }
  iterOffsets.assign(offsets.begin(), offsets.end());
  iterSizes.assign(sizes.begin(), sizes.end());
  for (int64_t d : reduced)
    iterSizes[d] = dimOf(b, loc, domain, d);
  return success();
}

/// Result `resultNumber` of `op` on a tile of it: the op tiled on the domain
/// tile that computes it.
FailureOr<TilingResult> resultTileValue(TilingInterface op, OpBuilder &b, unsigned resultNumber,
                                        ArrayRef<OpFoldResult> offsets,
                                        ArrayRef<OpFoldResult> sizes) {
  SmallVector<OpFoldResult> iterOffsets, iterSizes;
  if (failed(op.getIterationDomainTileFromResultTile(b, resultNumber, offsets, sizes,
                                                     iterOffsets, iterSizes)))
    return failure();
  FailureOr<TilingResult> tiled = op.getTiledImplementation(b, iterOffsets, iterSizes);
  if (failed(tiled))
    return failure();
  return TilingResult{tiled->tiledOps, {tiled->tiledValues[resultNumber]},
                      tiled->generatedSlices};
}

} // namespace

/// Result tiles of ops whose result dims are their domain dims, `REDUCED` the
/// dims a tile must span whole.
#define LINALG_EXT_RESULT_TILES(OP, DOMAIN, REDUCED)                                        \
  LogicalResult OP::getIterationDomainTileFromResultTile(                                   \
      OpBuilder &b, unsigned resultNumber, ArrayRef<OpFoldResult> offsets,                   \
      ArrayRef<OpFoldResult> sizes, SmallVectorImpl<OpFoldResult> &iterOffsets,             \
      SmallVectorImpl<OpFoldResult> &iterSizes) {                                           \
    return domainTileOfResultTile(b, getLoc(), DOMAIN, getDpsInits()[resultNumber], REDUCED, \
                                  offsets, sizes, iterOffsets, iterSizes);                  \
  }                                                                                         \
  FailureOr<TilingResult> OP::generateResultTileValue(OpBuilder &b, unsigned resultNumber,  \
                                                      ArrayRef<OpFoldResult> offsets,       \
                                                      ArrayRef<OpFoldResult> sizes) {       \
    return resultTileValue(*this, b, resultNumber, offsets, sizes);                         \
  }

LINALG_EXT_RESULT_TILES(SoftmaxOp, getInput(), {static_cast<int64_t>(getDimension())})
LINALG_EXT_RESULT_TILES(LayerNormOp, getInput(), getAxes())
LINALG_EXT_RESULT_TILES(TopkOp, getInput(), {static_cast<int64_t>(getDimension())})
LINALG_EXT_RESULT_TILES(ScanOp, getInput(), {static_cast<int64_t>(getDimension())})
LINALG_EXT_RESULT_TILES(SortOp, getOutputs().front(), {static_cast<int64_t>(getDimension())})
LINALG_EXT_RESULT_TILES(GatherOp, getOutput(), getOffsetDims())
#undef LINALG_EXT_RESULT_TILES

//===----------------------------------------------------------------------===//
// softmax
//===----------------------------------------------------------------------===//

SmallVector<IteratorType> SoftmaxOp::getLoopIteratorTypes() {
  return iteratorsReducing(getInput(), {static_cast<int64_t>(getDimension())});
}

SmallVector<Range> SoftmaxOp::getIterationDomain(OpBuilder &b) {
  return domainOf(b, getLoc(), getInput());
}

FailureOr<TilingResult> SoftmaxOp::getTiledImplementation(OpBuilder &b,
                                                          ArrayRef<OpFoldResult> offsets,
                                                          ArrayRef<OpFoldResult> sizes) {
  return tileLikeDomain(*this, b, getInput(), {static_cast<int64_t>(getDimension())}, offsets,
                        sizes);
}

LogicalResult SoftmaxOp::getResultTilePosition(OpBuilder &, unsigned,
                                               ArrayRef<OpFoldResult> offsets,
                                               ArrayRef<OpFoldResult> sizes,
                                               SmallVector<OpFoldResult> &resultOffsets,
                                               SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.assign(offsets.begin(), offsets.end());
  resultSizes.assign(sizes.begin(), sizes.end());
  return success();
}

//===----------------------------------------------------------------------===//
// layer_norm
//===----------------------------------------------------------------------===//

SmallVector<IteratorType> LayerNormOp::getLoopIteratorTypes() {
  return iteratorsReducing(getInput(), getAxes());
}

SmallVector<Range> LayerNormOp::getIterationDomain(OpBuilder &b) {
  return domainOf(b, getLoc(), getInput());
}

FailureOr<TilingResult> LayerNormOp::getTiledImplementation(OpBuilder &b,
                                                            ArrayRef<OpFoldResult> offsets,
                                                            ArrayRef<OpFoldResult> sizes) {
  auto isParam = [](OpOperand &o) {
    return o.getOperandNumber() > 0 &&
           !cast<DestinationStyleOpInterface>(o.getOwner()).isDpsInit(&o);
  };
  return tileLikeDomain(*this, b, getInput(), getAxes(), offsets, sizes, isParam);
}

LogicalResult LayerNormOp::getResultTilePosition(OpBuilder &, unsigned,
                                                 ArrayRef<OpFoldResult> offsets,
                                                 ArrayRef<OpFoldResult> sizes,
                                                 SmallVector<OpFoldResult> &resultOffsets,
                                                 SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.assign(offsets.begin(), offsets.end());
  resultSizes.assign(sizes.begin(), sizes.end());
  return success();
}

//===----------------------------------------------------------------------===//
// topk
//===----------------------------------------------------------------------===//

SmallVector<IteratorType> TopkOp::getLoopIteratorTypes() {
  return iteratorsReducing(getInput(), {static_cast<int64_t>(getDimension())});
}

SmallVector<Range> TopkOp::getIterationDomain(OpBuilder &b) {
  return domainOf(b, getLoc(), getInput());
}

FailureOr<TilingResult> TopkOp::getTiledImplementation(OpBuilder &b, ArrayRef<OpFoldResult> offsets,
                                                       ArrayRef<OpFoldResult> sizes) {
  return tileLikeDomain(*this, b, getInput(), {static_cast<int64_t>(getDimension())}, offsets,
                        sizes, nullptr, getDimension());
}

LogicalResult TopkOp::getResultTilePosition(OpBuilder &b, unsigned, ArrayRef<OpFoldResult> offsets,
                                            ArrayRef<OpFoldResult> sizes,
                                            SmallVector<OpFoldResult> &resultOffsets,
                                            SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.assign(offsets.begin(), offsets.end());
  resultSizes.assign(sizes.begin(), sizes.end());
  resultSizes[getDimension()] = b.getIndexAttr(getK());
  return success();
}

//===----------------------------------------------------------------------===//
// scan
//===----------------------------------------------------------------------===//

SmallVector<IteratorType> ScanOp::getLoopIteratorTypes() {
  return iteratorsReducing(getInput(), {static_cast<int64_t>(getDimension())});
}

SmallVector<Range> ScanOp::getIterationDomain(OpBuilder &b) {
  return domainOf(b, getLoc(), getInput());
}

FailureOr<TilingResult> ScanOp::getTiledImplementation(OpBuilder &b, ArrayRef<OpFoldResult> offsets,
                                                       ArrayRef<OpFoldResult> sizes) {
  return tileLikeDomain(*this, b, getInput(), {static_cast<int64_t>(getDimension())}, offsets,
                        sizes);
}

LogicalResult ScanOp::getResultTilePosition(OpBuilder &, unsigned, ArrayRef<OpFoldResult> offsets,
                                            ArrayRef<OpFoldResult> sizes,
                                            SmallVector<OpFoldResult> &resultOffsets,
                                            SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.assign(offsets.begin(), offsets.end());
  resultSizes.assign(sizes.begin(), sizes.end());
  return success();
}

//===----------------------------------------------------------------------===//
// sort
//===----------------------------------------------------------------------===//

SmallVector<IteratorType> SortOp::getLoopIteratorTypes() {
  return iteratorsReducing(getOutputs().front(), {static_cast<int64_t>(getDimension())});
}

SmallVector<Range> SortOp::getIterationDomain(OpBuilder &b) {
  return domainOf(b, getLoc(), getOutputs().front());
}

FailureOr<TilingResult> SortOp::getTiledImplementation(OpBuilder &b, ArrayRef<OpFoldResult> offsets,
                                                       ArrayRef<OpFoldResult> sizes) {
  return tileLikeDomain(*this, b, getOutputs().front(), {static_cast<int64_t>(getDimension())},
                        offsets, sizes);
}

LogicalResult SortOp::getResultTilePosition(OpBuilder &, unsigned, ArrayRef<OpFoldResult> offsets,
                                            ArrayRef<OpFoldResult> sizes,
                                            SmallVector<OpFoldResult> &resultOffsets,
                                            SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.assign(offsets.begin(), offsets.end());
  resultSizes.assign(sizes.begin(), sizes.end());
  return success();
}

//===----------------------------------------------------------------------===//
// gather: the domain is the result; batch dims tile (slicing the indices along
// their batch dims and the operand along operand_batching_dims), offset dims
// stay whole.
//===----------------------------------------------------------------------===//

SmallVector<IteratorType> GatherOp::getLoopIteratorTypes() {
  SmallVector<IteratorType> it(cast<ShapedType>(getOutput().getType()).getRank(),
                               IteratorType::reduction);
  for (int64_t d : getBatchDims())
    it[d] = IteratorType::parallel;
  return it;
}

SmallVector<Range> GatherOp::getIterationDomain(OpBuilder &b) {
  return domainOf(b, getLoc(), getOutput());
}

FailureOr<TilingResult> GatherOp::getTiledImplementation(OpBuilder &b,
                                                         ArrayRef<OpFoldResult> offsets,
                                                         ArrayRef<OpFoldResult> sizes) {
  if (failed(checkWhole(*this, getOutput(), getOffsetDims(), offsets, sizes)))
    return failure();
  Location loc = getLoc();
  SmallVector<int64_t> batch = getBatchDims();
  int64_t ivd = getIndexVectorDim();
  // The indices' dims other than index_vector_dim are the batch dims, in order.
  SmallVector<OpFoldResult> idxOffsets, idxSizes;
  for (int64_t d = 0, k = 0, e = cast<ShapedType>(getIndices().getType()).getRank(); d < e; ++d) {
    bool vector = d == ivd;
    idxOffsets.push_back(vector ? b.getIndexAttr(0) : offsets[batch[k]]);
    idxSizes.push_back(vector ? dimOf(b, loc, getIndices(), d) : sizes[batch[k]]);
    k += vector ? 0 : 1;
  }
  SmallVector<OpFoldResult> opOffsets, opSizes;
  for (Range r : domainOf(b, loc, getOperand())) {
    opOffsets.push_back(r.offset);
    opSizes.push_back(r.size);
  }
  for (auto [d, sd] : llvm::zip(getOperandBatchingDims(), getStartIndicesBatchingDims())) {
    int64_t resultDim = batch[sd < ivd ? sd : sd - 1];
    opOffsets[d] = offsets[resultDim];
    opSizes[d] = sizes[resultDim];
  }
  SmallVector<Operation *> slices = {sliceOf(b, loc, getOperand(), opOffsets, opSizes),
                                     sliceOf(b, loc, getIndices(), idxOffsets, idxSizes),
                                     sliceOf(b, loc, getOutput(), offsets, sizes)};
  SmallVector<Value> operands =
      llvm::map_to_vector(slices, [](Operation *slice) -> Value { return slice->getResult(0); });
  return cloneOnTiles(b, *this, operands, std::move(slices));
}

LogicalResult GatherOp::getResultTilePosition(OpBuilder &, unsigned, ArrayRef<OpFoldResult> offsets,
                                              ArrayRef<OpFoldResult> sizes,
                                              SmallVector<OpFoldResult> &resultOffsets,
                                              SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.assign(offsets.begin(), offsets.end());
  resultSizes.assign(sizes.begin(), sizes.end());
  return success();
}

//===----------------------------------------------------------------------===//
// scatter: the domain is the updates' shape, all reduction loops (updates may
// hit the same element, in order): the only tile is the whole op.
//===----------------------------------------------------------------------===//

SmallVector<IteratorType> ScatterOp::getLoopIteratorTypes() {
  return SmallVector<IteratorType>(cast<ShapedType>(getUpdates().front().getType()).getRank(),
                                   IteratorType::reduction);
}

SmallVector<Range> ScatterOp::getIterationDomain(OpBuilder &b) {
  return domainOf(b, getLoc(), getUpdates().front());
}

FailureOr<TilingResult> ScatterOp::getTiledImplementation(OpBuilder &b,
                                                          ArrayRef<OpFoldResult> offsets,
                                                          ArrayRef<OpFoldResult> sizes) {
  SmallVector<int64_t> all = llvm::to_vector(
      llvm::seq<int64_t>(0, cast<ShapedType>(getUpdates().front().getType()).getRank()));
  if (failed(checkWhole(*this, getUpdates().front(), all, offsets, sizes)))
    return failure();
  return cloneOnTiles(b, *this, getOperands(), {});
}

LogicalResult ScatterOp::getResultTilePosition(OpBuilder &b, unsigned resultNumber,
                                               ArrayRef<OpFoldResult>, ArrayRef<OpFoldResult>,
                                               SmallVector<OpFoldResult> &resultOffsets,
                                               SmallVector<OpFoldResult> &resultSizes) {
  resultOffsets.clear();
  resultSizes.clear();
  for (Range r : domainOf(b, getLoc(), getOutputs()[resultNumber])) {
    resultOffsets.push_back(r.offset);
    resultSizes.push_back(r.size);
  }
  return success();
}

LogicalResult ScatterOp::getIterationDomainTileFromResultTile(
    OpBuilder &b, unsigned resultNumber, ArrayRef<OpFoldResult> offsets,
    ArrayRef<OpFoldResult> sizes, SmallVectorImpl<OpFoldResult> &iterOffsets,
    SmallVectorImpl<OpFoldResult> &iterSizes) {
  // Any update may land anywhere: only the whole result has a domain tile.
  Value out = getOutputs()[resultNumber];
  SmallVector<int64_t> all =
      llvm::to_vector(llvm::seq<int64_t>(0, cast<ShapedType>(out.getType()).getRank()));
  SmallVector<OpFoldResult> outOffsets, outSizes;
  if (failed(domainTileOfResultTile(b, getLoc(), out, out, all, offsets, sizes, outOffsets,
                                    outSizes)))
    return failure();
  iterOffsets.clear();
  iterSizes.clear();
  for (Range r : domainOf(b, getLoc(), getUpdates().front())) {
    iterOffsets.push_back(r.offset);
    iterSizes.push_back(r.size);
  }
  return success();
}

FailureOr<TilingResult> ScatterOp::generateResultTileValue(OpBuilder &b, unsigned resultNumber,
                                                           ArrayRef<OpFoldResult> offsets,
                                                           ArrayRef<OpFoldResult> sizes) {
  return resultTileValue(*this, b, resultNumber, offsets, sizes);
}
