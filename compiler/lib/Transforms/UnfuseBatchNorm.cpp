//===- UnfuseBatchNorm.cpp - batch norm ops as elementwise + reduce ops ---===//
#include "byteir/Transforms/Passes.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_UNFUSEBATCHNORM
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;
namespace hlo = mlir::stablehlo;

namespace {
Value splat(OpBuilder &b, Location loc, RankedTensorType type, double v) {
  return hlo::ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, b.getFloatAttr(type.getElementType(), v)));
}

// A per-feature vector broadcast along `feature` to `to`.
Value perFeature(OpBuilder &b, Location loc, Value v, RankedTensorType to, int64_t feature) {
  return hlo::BroadcastInDimOp::create(b, loc, to, v, ArrayRef<int64_t>{feature});
}

// rsqrt(variance + epsilon).
Value invStd(OpBuilder &b, Location loc, Value variance, llvm::APFloat epsilon) {
  auto type = cast<RankedTensorType>(variance.getType());
  Value eps = splat(b, loc, type, epsilon.convertToDouble());
  return hlo::RsqrtOp::create(b, loc, hlo::AddOp::create(b, loc, variance, eps));
}

// Sum of `x` over every dim but `feature`.
Value sumAllBut(OpBuilder &b, Location loc, Value x, int64_t feature) {
  auto type = cast<RankedTensorType>(x.getType());
  Type elem = type.getElementType();
  auto scalar = RankedTensorType::get({}, elem);
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (d != feature)
      dims.push_back(d);
  auto vector = RankedTensorType::get({type.getDimSize(feature)}, elem);
  auto reduce = hlo::ReduceOp::create(b, loc, TypeRange{vector}, ValueRange{x},
                                      ValueRange{splat(b, loc, scalar, 0.0)}, dims);
  OpBuilder::InsertionGuard guard(b);
  Block *body = b.createBlock(&reduce.getBody(), {}, {scalar, scalar}, {loc, loc});
  hlo::ReturnOp::create(
      b, loc, ValueRange{hlo::AddOp::create(b, loc, body->getArgument(0), body->getArgument(1))});
  return reduce.getResult(0);
}

// `sum` (over every dim of `x` but `feature`) divided by the element count per feature.
Value perFeatureMean(OpBuilder &b, Location loc, Value sum, Value x, int64_t feature) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t count = type.getNumElements() / std::max<int64_t>(type.getDimSize(feature), 1);
  auto vector = cast<RankedTensorType>(sum.getType());
  return hlo::DivOp::create(b, loc, sum, splat(b, loc, vector, static_cast<double>(count)));
}

Value meanAllBut(OpBuilder &b, Location loc, Value x, int64_t feature) {
  return perFeatureMean(b, loc, sumAllBut(b, loc, x, feature), x, feature);
}

bool isStatic(Value v) { return cast<RankedTensorType>(v.getType()).hasStaticShape(); }

// f16/bf16 statistics are accumulated in f32: a sum over a batch overflows or
// loses the small terms in 16 bits.
bool isLowPrecision(Value v) {
  Type elem = cast<RankedTensorType>(v.getType()).getElementType();
  return elem.isF16() || elem.isBF16();
}

Value toF32(OpBuilder &b, Location loc, Value v) {
  auto type = cast<RankedTensorType>(v.getType());
  return hlo::ConvertOp::create(b, loc, type.clone(b.getF32Type()), v);
}

// `values` converted back to the (16-bit) element types of `like`.
SmallVector<Value> convertBack(OpBuilder &b, Location loc, ValueRange values, TypeRange like) {
  SmallVector<Value> out;
  for (auto [v, t] : llvm::zip_equal(values, like))
    out.push_back(v.getType() == t ? v : hlo::ConvertOp::create(b, loc, t, v).getResult());
  return out;
}

// Rewrites a batch norm op with f16/bf16 operands as the same op on f32 values.
template <typename BatchNormOp> struct ComputeInF32 : OpRewritePattern<BatchNormOp> {
  using OpRewritePattern<BatchNormOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(BatchNormOp op, PatternRewriter &rewriter) const override {
    if (!isStatic(op->getOperand(0)) || !llvm::any_of(op->getOperands(), isLowPrecision))
      return failure();
    Location loc = op.getLoc();
    SmallVector<Value> operands;
    for (Value v : op->getOperands())
      operands.push_back(isLowPrecision(v) ? toF32(rewriter, loc, v) : v);
    SmallVector<Type> types;
    for (Type t : op->getResultTypes())
      types.push_back(cast<RankedTensorType>(t).clone(rewriter.getF32Type()));
    auto wide = BatchNormOp::create(rewriter, loc, types, operands, op->getAttrs());
    rewriter.replaceOp(op, convertBack(rewriter, loc, wide->getResults(), op->getResultTypes()));
    return success();
  }
};

// Operands the unfused form takes: static (the element count is needed to average)
// and at least f32 (ComputeInF32 widens the others first).
bool isUnfusable(Operation *op) {
  return isStatic(op->getOperand(0)) && llvm::none_of(op->getOperands(), isLowPrecision);
}

// y = (x - mean) * (scale * rsqrt(var + eps)) + offset.
Value normalize(OpBuilder &b, Location loc, Value x, Value mean, Value var, Value scale,
                Value offset, llvm::APFloat eps, int64_t feature) {
  auto type = cast<RankedTensorType>(x.getType());
  Value multiplier = hlo::MulOp::create(b, loc, invStd(b, loc, var, eps), scale);
  Value centered = hlo::SubtractOp::create(b, loc, x, perFeature(b, loc, mean, type, feature));
  Value y = hlo::MulOp::create(b, loc, centered, perFeature(b, loc, multiplier, type, feature));
  return hlo::AddOp::create(b, loc, y, perFeature(b, loc, offset, type, feature));
}

struct UnfuseInference : OpRewritePattern<hlo::BatchNormInferenceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(hlo::BatchNormInferenceOp op,
                                PatternRewriter &rewriter) const override {
    if (!isUnfusable(op))
      return failure();
    rewriter.replaceOp(op, normalize(rewriter, op.getLoc(), op.getOperand(), op.getMean(),
                                     op.getVariance(), op.getScale(), op.getOffset(),
                                     op.getEpsilon(), op.getFeatureIndex()));
    return success();
  }
};

struct UnfuseTraining : OpRewritePattern<hlo::BatchNormTrainingOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(hlo::BatchNormTrainingOp op,
                                PatternRewriter &rewriter) const override {
    Value x = op.getOperand();
    if (!isUnfusable(op))
      return failure();
    Location loc = op.getLoc();
    int64_t feature = op.getFeatureIndex();
    auto type = cast<RankedTensorType>(x.getType());
    Value mean = meanAllBut(rewriter, loc, x, feature);
    Value centered =
        hlo::SubtractOp::create(rewriter, loc, x, perFeature(rewriter, loc, mean, type, feature));
    Value var =
        meanAllBut(rewriter, loc, hlo::MulOp::create(rewriter, loc, centered, centered), feature);
    Value y = normalize(rewriter, loc, x, mean, var, op.getScale(), op.getOffset(), op.getEpsilon(),
                        feature);
    rewriter.replaceOp(op, ValueRange{y, mean, var});
    return success();
  }
};

// grad_operand = scale * rsqrt(var + eps) *
//   (dy - mean(dy) - x_hat * mean(dy * x_hat)), x_hat = (x - mean) * rsqrt(var + eps),
// grad_scale = sum(dy * x_hat), grad_offset = sum(dy).
struct UnfuseGrad : OpRewritePattern<hlo::BatchNormGradOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(hlo::BatchNormGradOp op, PatternRewriter &rewriter) const override {
    Value x = op.getOperand(), dy = op.getGradOutput();
    if (!isUnfusable(op))
      return failure();
    Location loc = op.getLoc();
    int64_t feature = op.getFeatureIndex();
    auto type = cast<RankedTensorType>(x.getType());
    auto bcast = [&](Value v) { return perFeature(rewriter, loc, v, type, feature); };
    Value inv = invStd(rewriter, loc, op.getVariance(), op.getEpsilon());
    Value xHat = hlo::MulOp::create(
        rewriter, loc, hlo::SubtractOp::create(rewriter, loc, x, bcast(op.getMean())), bcast(inv));
    Value dyXHat = hlo::MulOp::create(rewriter, loc, dy, xHat);
    Value gradOffset = sumAllBut(rewriter, loc, dy, feature);
    Value gradScale = sumAllBut(rewriter, loc, dyXHat, feature);
    Value t = hlo::SubtractOp::create(rewriter, loc, dy,
                                      bcast(perFeatureMean(rewriter, loc, gradOffset, x, feature)));
    t = hlo::SubtractOp::create(
        rewriter, loc, t,
        hlo::MulOp::create(rewriter, loc, xHat,
                           bcast(perFeatureMean(rewriter, loc, gradScale, x, feature))));
    Value multiplier = hlo::MulOp::create(rewriter, loc, op.getScale(), inv);
    Value gradOperand = hlo::MulOp::create(rewriter, loc, t, bcast(multiplier));
    rewriter.replaceOp(op, ValueRange{gradOperand, gradScale, gradOffset});
    return success();
  }
};

struct UnfuseBatchNormPass : public byteir::impl::UnfuseBatchNormBase<UnfuseBatchNormPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns
        .add<UnfuseInference, UnfuseTraining, UnfuseGrad, ComputeInF32<hlo::BatchNormInferenceOp>,
             ComputeInF32<hlo::BatchNormTrainingOp>, ComputeInF32<hlo::BatchNormGradOp>>(
            &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
