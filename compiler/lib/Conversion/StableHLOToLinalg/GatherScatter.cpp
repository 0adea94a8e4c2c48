//===- GatherScatter.cpp - gather, scatter, torch_index_select ------------===//
//
// gather: a linalg.generic over the result; its body computes the operand
// index of each result element from linalg.index values (batch dims read the
// start index vector with tensor.extract, clamped per the spec so the slice
// stays inside the operand; operand_batching_dims take the batch position;
// offset dims add the position inside the slice) and reads it with
// tensor.extract.
//
// scatter: scf.for loops over the update elements carrying the results; each
// element's result index is computed the same way (no clamping); in-bounds
// elements get results[i] = update_computation(results[i], updates[i]) for all
// inputs at once, out-of-bounds elements are skipped (per the spec).
//
// torch_index_select: a linalg.generic reading operand[..., index[...], ...].
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;

namespace {

/// Reads the index vector of `indices` at batch position `batchIdx` (the
/// indices dims other than `indexVectorDim`, in order): one index per entry.
SmallVector<Value> readIndexVector(OpBuilder &b, Location loc, Value indices,
                                   ValueRange batchIdx, int64_t indexVectorDim,
                                   int64_t count, bool isUnsigned) {
  auto type = cast<RankedTensorType>(indices.getType());
  SmallVector<Value> result;
  for (int64_t k = 0; k < count; ++k) {
    SmallVector<Value> coords(batchIdx.begin(), batchIdx.end());
    if (indexVectorDim < type.getRank())
      coords.insert(coords.begin() + indexVectorDim, indexConst(b, loc, k));
    Value v = tensor::ExtractOp::create(b, loc, indices, coords);
    result.push_back(toIndex(b, loc, v, isUnsigned));
  }
  return result;
}

/// slot += v, where a null slot stands for 0.
void accumulate(OpBuilder &b, Location loc, Value &slot, Value v) {
  slot = slot ? arith::AddIOp::create(b, loc, slot, v).getResult() : v;
}

/// The null entries of `idx` (nothing added) become constant 0.
void fillZeros(OpBuilder &b, Location loc, SmallVectorImpl<Value> &idx) {
  Value zero;
  for (Value &v : idx)
    if (!v)
      v = zero ? zero : (zero = indexConst(b, loc, 0));
}

Value clampIndex(OpBuilder &b, Location loc, Value v, int64_t lo, int64_t hi) {
  v = arith::MaxSIOp::create(b, loc, v, indexConst(b, loc, lo));
  return arith::MinSIOp::create(b, loc, v, indexConst(b, loc, hi));
}

struct GatherLowering : OpConversionPattern<stablehlo::GatherOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value operand = adaptor.getOperand(), indices = adaptor.getStartIndices();
    auto operandType = cast<RankedTensorType>(operand.getType());
    if (!resultType || !resultType.hasStaticShape() || !operandType.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    auto dn = op.getDimensionNumbers();
    ArrayRef<int64_t> offsetDims = dn.getOffsetDims();
    ArrayRef<int64_t> collapsed = dn.getCollapsedSliceDims();
    ArrayRef<int64_t> operandBatching = dn.getOperandBatchingDims();
    ArrayRef<int64_t> indicesBatching = dn.getStartIndicesBatchingDims();
    ArrayRef<int64_t> startIndexMap = dn.getStartIndexMap();
    int64_t ivd = dn.getIndexVectorDim();
    ArrayRef<int64_t> sliceSizes = op.getSliceSizes();
    bool idxUnsigned = hl::isUnsignedElement(op.getStartIndices().getType());
    int64_t resultRank = resultType.getRank();
    int64_t operandRank = operandType.getRank();

    SmallVector<int64_t> batchDims, offsetOperandDims;
    for (int64_t d = 0; d < resultRank; ++d)
      if (!llvm::is_contained(offsetDims, d))
        batchDims.push_back(d);
    for (int64_t d = 0; d < operandRank; ++d)
      if (!llvm::is_contained(collapsed, d) && !llvm::is_contained(operandBatching, d))
        offsetOperandDims.push_back(d);

    Value result = createIndexGeneric(
        rewriter, loc, resultType, [&](OpBuilder &b, Location l, ValueRange) {
          SmallVector<Value> ivs;
          for (int64_t d = 0; d < resultRank; ++d)
            ivs.push_back(linalg::IndexOp::create(b, l, d));
          SmallVector<Value> batchIdx;
          for (int64_t d : batchDims)
            batchIdx.push_back(ivs[d]);
          SmallVector<Value> start = readIndexVector(
              b, l, indices, batchIdx, ivd, startIndexMap.size(), idxUnsigned);
          SmallVector<Value> idx(operandRank);
          for (auto [k, d] : llvm::enumerate(startIndexMap))
            accumulate(b, l, idx[d],
                       clampIndex(b, l, start[k], 0,
                                  operandType.getDimSize(d) - sliceSizes[d]));
          for (auto [i, d] : llvm::enumerate(operandBatching)) {
            int64_t sd = indicesBatching[i];
            accumulate(b, l, idx[d], batchIdx[sd < ivd ? sd : sd - 1]);
          }
          for (auto [j, d] : llvm::enumerate(offsetOperandDims))
            accumulate(b, l, idx[d], ivs[offsetDims[j]]);
          fillZeros(b, l, idx);
          Value v = tensor::ExtractOp::create(b, l, operand, idx);
          linalg::YieldOp::create(b, l, v);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ScatterLowering : OpConversionPattern<stablehlo::ScatterOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs(), updates = adaptor.getUpdates();
    Value indices = adaptor.getScatterIndices();
    auto operandType = cast<RankedTensorType>(inputs[0].getType());
    auto updateType = cast<RankedTensorType>(updates[0].getType());
    if (!operandType.hasStaticShape() || !updateType.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    if (failed(hl::checkScalarRegion(op.getUpdateComputation(), op)))
      return failure();
    auto dn = op.getScatterDimensionNumbers();
    ArrayRef<int64_t> updateWindowDims = dn.getUpdateWindowDims();
    ArrayRef<int64_t> insertedWindowDims = dn.getInsertedWindowDims();
    ArrayRef<int64_t> inputBatching = dn.getInputBatchingDims();
    ArrayRef<int64_t> indicesBatching = dn.getScatterIndicesBatchingDims();
    ArrayRef<int64_t> toOperand = dn.getScatterDimsToOperandDims();
    int64_t ivd = dn.getIndexVectorDim();
    bool idxUnsigned = hl::isUnsignedElement(op.getScatterIndices().getType());
    int64_t n = inputs.size();
    int64_t operandRank = operandType.getRank();
    int64_t updateRank = updateType.getRank();

    SmallVector<int64_t> scatterDims, windowOperandDims;
    for (int64_t d = 0; d < updateRank; ++d)
      if (!llvm::is_contained(updateWindowDims, d))
        scatterDims.push_back(d);
    for (int64_t d = 0; d < operandRank; ++d)
      if (!llvm::is_contained(insertedWindowDims, d) &&
          !llvm::is_contained(inputBatching, d))
        windowOperandDims.push_back(d);

    Value c0 = indexConst(rewriter, loc, 0), c1 = indexConst(rewriter, loc, 1);
    SmallVector<Value> lbs(updateRank, c0), steps(updateRank, c1), ubs;
    for (int64_t d = 0; d < updateRank; ++d)
      ubs.push_back(indexConst(rewriter, loc, updateType.getDimSize(d)));
    Region &body = op.getUpdateComputation();

    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, lbs, ubs, steps, inputs,
        [&](OpBuilder &b, Location l, ValueRange ivs,
            ValueRange accs) -> scf::ValueVector {
          SmallVector<Value> scatterIdx;
          for (int64_t d : scatterDims)
            scatterIdx.push_back(ivs[d]);
          SmallVector<Value> start = readIndexVector(
              b, l, indices, scatterIdx, ivd, toOperand.size(), idxUnsigned);
          SmallVector<Value> idx(operandRank);
          for (auto [k, d] : llvm::enumerate(toOperand))
            accumulate(b, l, idx[d], start[k]);
          for (auto [i, d] : llvm::enumerate(inputBatching)) {
            int64_t sd = indicesBatching[i];
            accumulate(b, l, idx[d], scatterIdx[sd < ivd ? sd : sd - 1]);
          }
          for (auto [j, d] : llvm::enumerate(windowOperandDims))
            accumulate(b, l, idx[d], ivs[updateWindowDims[j]]);
          // 0 <= idx < size as one unsigned compare; dims nothing was added
          // to are 0 and need no check.
          Value inBounds;
          for (int64_t d = 0; d < operandRank; ++d) {
            if (!idx[d])
              continue;
            Value ok = arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::ult, idx[d],
                indexConst(b, l, operandType.getDimSize(d)));
            inBounds = inBounds ? arith::AndIOp::create(b, l, inBounds, ok).getResult() : ok;
          }
          fillZeros(b, l, idx);
          if (!inBounds)
            inBounds = arith::ConstantOp::create(b, l, b.getBoolAttr(true));
          auto ifOp = scf::IfOp::create(b, l, accs.getTypes(), inBounds,
                                        /*withElseRegion=*/true);
          {
            OpBuilder::InsertionGuard g(b);
            b.setInsertionPointToStart(ifOp.thenBlock());
            SmallVector<Value> args;
            for (int64_t i = 0; i < n; ++i)
              args.push_back(tensor::ExtractOp::create(b, l, accs[i], idx));
            for (int64_t i = 0; i < n; ++i)
              args.push_back(tensor::ExtractOp::create(b, l, updates[i], ivs));
            auto res = emitScalarRegion(b, l, body, args);
            SmallVector<Value> next;
            for (int64_t i = 0; i < n; ++i) {
              Value v = succeeded(res) ? (*res)[i] : args[i];
              next.push_back(tensor::InsertOp::create(b, l, v, accs[i], idx));
            }
            scf::YieldOp::create(b, l, next);
            b.setInsertionPointToStart(ifOp.elseBlock());
            scf::YieldOp::create(b, l, accs);
          }
          return scf::ValueVector(ifOp.getResults().begin(), ifOp.getResults().end());
        });
    rewriter.replaceOp(op, nest.results);
    return success();
  }
};

struct TorchIndexSelectLowering : OpConversionPattern<stablehlo::TorchIndexSelectOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::TorchIndexSelectOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value operand = adaptor.getOperand(), index = adaptor.getIndex();
    auto operandType = cast<RankedTensorType>(operand.getType());
    auto indexType = cast<RankedTensorType>(index.getType());
    if (!resultType || !resultType.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    int64_t dim = op.getDim(), batchDims = op.getBatchDims();
    if (dim < 0)
      dim += operandType.getRank();
    if (batchDims < 0)
      batchDims += indexType.getRank();
    int64_t resultRank = resultType.getRank();
    int64_t indexRank = indexType.getRank();
    bool idxUnsigned = hl::isUnsignedElement(op.getIndex().getType());
    MLIRContext *ctx = rewriter.getContext();

    // result = operand.shape[:dim] + index.shape[batchDims:] + operand.shape[dim+1:]
    SmallVector<AffineExpr> idxExprs;
    for (int64_t d = 0; d < batchDims; ++d)
      idxExprs.push_back(getAffineDimExpr(d, ctx));
    for (int64_t d = batchDims; d < indexRank; ++d)
      idxExprs.push_back(getAffineDimExpr(dim + d - batchDims, ctx));
    SmallVector<AffineMap> maps = {AffineMap::get(resultRank, 0, idxExprs, ctx),
                                   rewriter.getMultiDimIdentityMap(resultRank)};
    SmallVector<utils::IteratorType> iters(resultRank, utils::IteratorType::parallel);
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    int64_t gathered = indexRank - batchDims;
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, ValueRange{index}, ValueRange{init}, maps,
        iters, [&](OpBuilder &b, Location l, ValueRange args) {
          SmallVector<Value> idx;
          for (int64_t d = 0; d < dim; ++d)
            idx.push_back(linalg::IndexOp::create(b, l, d));
          idx.push_back(toIndex(b, l, args[0], idxUnsigned));
          for (int64_t d = dim + 1; d < operandType.getRank(); ++d)
            idx.push_back(linalg::IndexOp::create(b, l, d - 1 + gathered));
          linalg::YieldOp::create(b, l,
                                  tensor::ExtractOp::create(b, l, operand, idx).getResult());
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateGatherScatterPatterns(
    const TypeConverter &tc, RewritePatternSet &patterns) {
  patterns.add<GatherLowering, ScatterLowering, TorchIndexSelectLowering>(
      tc, patterns.getContext());
}
