//===- GatherScatter.cpp - gather, scatter, torch_index_select ------------===//
//
// gather -> linalg_ext.gather and scatter -> linalg_ext.scatter with the
// dimension numbers as attributes (unsigned index types recorded as
// `unsigned_indices`, since the indices become signless); scatter updates the
// inputs in place (bufferization copies them where they are still read) and its
// update computation is lowered to scalar arith ops.
//
// torch_index_select: a linalg.generic reading operand[..., index[...], ...].
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;
namespace linalg_ext = mlir::byteir::linalg_ext;

namespace {

struct GatherLowering : OpConversionPattern<stablehlo::GatherOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    auto operandType = cast<RankedTensorType>(adaptor.getOperand().getType());
    if (!resultType || !resultType.hasStaticShape() || !operandType.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    auto dn = op.getDimensionNumbers();
    Location loc = op.getLoc();
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    auto gather = linalg_ext::GatherOp::create(
        rewriter, loc, TypeRange{resultType}, adaptor.getOperand(), adaptor.getStartIndices(),
        init, dn.getOffsetDims(), dn.getCollapsedSliceDims(), dn.getOperandBatchingDims(),
        dn.getStartIndicesBatchingDims(), dn.getStartIndexMap(), dn.getIndexVectorDim(),
        op.getSliceSizes(), hl::isUnsignedElement(op.getStartIndices().getType()));
    rewriter.replaceOp(op, gather.getResults());
    return success();
  }
};

struct ScatterLowering : OpConversionPattern<stablehlo::ScatterOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::ScatterOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ValueRange inputs = adaptor.getInputs();
    auto operandType = cast<RankedTensorType>(inputs[0].getType());
    auto updateType = cast<RankedTensorType>(adaptor.getUpdates()[0].getType());
    if (!operandType.hasStaticShape() || !updateType.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    if (failed(hl::checkScalarRegion(op.getUpdateComputation(), op)))
      return failure();
    auto dn = op.getScatterDimensionNumbers();
    Location loc = op.getLoc();
    auto scatter = linalg_ext::ScatterOp::create(
        rewriter, loc, inputs.getTypes(), adaptor.getScatterIndices(), adaptor.getUpdates(),
        inputs, dn.getUpdateWindowDims(), dn.getInsertedWindowDims(),
        dn.getInputBatchingDims(), dn.getScatterIndicesBatchingDims(),
        dn.getScatterDimsToOperandDims(), dn.getIndexVectorDim(),
        hl::isUnsignedElement(op.getScatterIndices().getType()));
    SmallVector<Type> argTypes;
    for (int copy = 0; copy < 2; ++copy)
      for (Value v : inputs)
        argTypes.push_back(cast<RankedTensorType>(v.getType()).getElementType());
    OpBuilder::InsertionGuard guard(rewriter);
    Block *block = rewriter.createBlock(&scatter.getUpdateComputation(), {}, argTypes,
                                        SmallVector<Location>(argTypes.size(), loc));
    FailureOr<SmallVector<Value>> values =
        emitScalarRegion(rewriter, loc, op.getUpdateComputation(), block->getArguments());
    if (failed(values) || values->size() != inputs.size())
      return hl::unsupported(op, "an update computation without one result per input");
    linalg_ext::YieldOp::create(rewriter, loc, *values);
    rewriter.replaceOp(op, scatter.getResults());
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
