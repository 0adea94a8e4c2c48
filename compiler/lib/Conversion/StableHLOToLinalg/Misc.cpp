//===- Misc.cpp - map, batch norm, dynamic-shape ops with static results --===//
//
// map                   -> linalg.generic running the computation region.
// batch_norm_inference  -> stablehlo broadcast_in_dim/subtract/rsqrt/multiply/add,
// batch_norm_training   -> the same plus two stablehlo.reduce (mean, biased
//                          variance of the centered values),
// batch_norm_grad       -> likewise (two sums); the new stablehlo ops are then
//                          lowered by the other patterns.
// real_dynamic_slice    -> tensor.extract_slice with run-time offsets/strides.
// dynamic_pad           -> linalg.generic choosing operand or padding value per
//                          result element (any low/high/interior amounts).
// dynamic_iota, dynamic_broadcast_in_dim, dynamic_reshape -> their static
//                          stablehlo forms when the shapes are static;
// dynamic_gather, dynamic_conv -> gather / convolution when slice sizes /
//                          padding are constants.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;

namespace {

RankedTensorType convertedStatic(const TypeConverter *tc, Type t) {
  auto r = dyn_cast_or_null<RankedTensorType>(tc->convertType(t));
  return r && r.hasStaticShape() ? r : RankedTensorType();
}

bool isStatic(Value v) {
  auto r = dyn_cast<RankedTensorType>(v.getType());
  return r && r.hasStaticShape();
}

//===----------------------------------------------------------------------===//
// map
//===----------------------------------------------------------------------===//

struct MapLowering : OpConversionPattern<stablehlo::MapOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::MapOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertedStatic(getTypeConverter(), op.getType());
    if (!resultType)
      return hl::unsupported(op, "a dynamic shape");
    if (failed(hl::checkScalarRegion(op.getComputation(), op)))
      return failure();
    Location loc = op.getLoc();
    int64_t rank = resultType.getRank();
    ValueRange inputs = adaptor.getInputs();
    SmallVector<AffineMap> maps(inputs.size() + 1,
                                rewriter.getMultiDimIdentityMap(rank));
    SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
    Value init = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                         resultType.getElementType());
    Region &body = op.getComputation();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{resultType}, inputs, ValueRange{init}, maps, iters,
        [&](OpBuilder &b, Location l, ValueRange args) {
          auto res = emitScalarRegion(b, l, body, args.drop_back());
          linalg::YieldOp::create(b, l, succeeded(res) ? (*res)[0] : args.back());
        });
    rewriter.replaceOp(op, generic.getResult(0));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// batch norm
//===----------------------------------------------------------------------===//

Value splatConst(OpBuilder &b, Location loc, RankedTensorType type, double v) {
  Attribute a = b.getFloatAttr(type.getElementType(), v);
  return stablehlo::ConstantOp::create(b, loc, DenseElementsAttr::get(type, a));
}

Value bcast(OpBuilder &b, Location loc, Value v, RankedTensorType to, int64_t dim) {
  return stablehlo::BroadcastInDimOp::create(b, loc, to, v, ArrayRef<int64_t>{dim});
}

/// (x + eps) -> rsqrt, times scale: the per-feature multiplier.
Value normScale(OpBuilder &b, Location loc, Value var, Value scale, double eps) {
  auto vt = cast<RankedTensorType>(var.getType());
  Value e = splatConst(b, loc, vt, eps);
  Value inv = stablehlo::RsqrtOp::create(b, loc, stablehlo::AddOp::create(b, loc, var, e));
  return stablehlo::MulOp::create(b, loc, inv, scale);
}

struct BatchNormInferenceLowering
    : OpConversionPattern<stablehlo::BatchNormInferenceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::BatchNormInferenceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<RankedTensorType>(adaptor.getOperand().getType());
    int64_t fi = op.getFeatureIndex();
    double eps = op.getEpsilon().convertToDouble();
    Value mul = normScale(rewriter, loc, adaptor.getVariance(), adaptor.getScale(), eps);
    Value centered = stablehlo::SubtractOp::create(
        rewriter, loc, adaptor.getOperand(),
        bcast(rewriter, loc, adaptor.getMean(), type, fi));
    Value y = stablehlo::MulOp::create(rewriter, loc, centered,
                                       bcast(rewriter, loc, mul, type, fi));
    y = stablehlo::AddOp::create(rewriter, loc, y,
                                 bcast(rewriter, loc, adaptor.getOffset(), type, fi));
    rewriter.replaceOp(op, y);
    return success();
  }
};

/// stablehlo.reduce(add) of `x` over every dimension but `keep`.
Value sumAllBut(OpBuilder &b, Location loc, Value x, int64_t keep) {
  auto type = cast<RankedTensorType>(x.getType());
  Type elem = type.getElementType();
  auto scalarType = RankedTensorType::get({}, elem);
  Value zero = splatConst(b, loc, scalarType, 0.0);
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (d != keep)
      dims.push_back(d);
  auto vecType = RankedTensorType::get({type.getDimSize(keep)}, elem);
  auto red = stablehlo::ReduceOp::create(b, loc, TypeRange{vecType}, ValueRange{x},
                                         ValueRange{zero}, dims);
  OpBuilder::InsertionGuard g(b);
  Block *blk = b.createBlock(&red.getBody(), {}, {scalarType, scalarType}, {loc, loc});
  Value sum = stablehlo::AddOp::create(b, loc, blk->getArgument(0), blk->getArgument(1));
  stablehlo::ReturnOp::create(b, loc, ValueRange{sum});
  return red.getResult(0);
}

struct BatchNormTrainingLowering
    : OpConversionPattern<stablehlo::BatchNormTrainingOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::BatchNormTrainingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getOperand();
    auto type = cast<RankedTensorType>(x.getType());
    if (!type.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    int64_t fi = op.getFeatureIndex();
    double eps = op.getEpsilon().convertToDouble();
    int64_t count = type.getNumElements() / std::max<int64_t>(type.getDimSize(fi), 1);
    auto vecType = RankedTensorType::get({type.getDimSize(fi)}, type.getElementType());
    Value countV = splatConst(rewriter, loc, vecType, (double)count);

    Value mean = stablehlo::DivOp::create(rewriter, loc, sumAllBut(rewriter, loc, x, fi),
                                          countV);
    Value centered =
        stablehlo::SubtractOp::create(rewriter, loc, x, bcast(rewriter, loc, mean, type, fi));
    Value sq = stablehlo::MulOp::create(rewriter, loc, centered, centered);
    Value var = stablehlo::DivOp::create(rewriter, loc, sumAllBut(rewriter, loc, sq, fi),
                                         countV);
    Value mul = normScale(rewriter, loc, var, adaptor.getScale(), eps);
    Value y = stablehlo::MulOp::create(rewriter, loc, centered,
                                       bcast(rewriter, loc, mul, type, fi));
    y = stablehlo::AddOp::create(rewriter, loc, y,
                                 bcast(rewriter, loc, adaptor.getOffset(), type, fi));
    rewriter.replaceOp(op, ValueRange{y, mean, var});
    return success();
  }
};

/// grad_operand = scale * rsqrt(var + eps) *
///   (grad_output - mean(grad_output) - x_hat * mean(grad_output * x_hat)),
/// grad_scale = sum(grad_output * x_hat), grad_offset = sum(grad_output),
/// with x_hat = (x - mean) * rsqrt(var + eps) and sums over all dims but the
/// feature dim.
struct BatchNormGradLowering : OpConversionPattern<stablehlo::BatchNormGradOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::BatchNormGradOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value x = adaptor.getOperand(), gy = adaptor.getGradOutput();
    auto type = cast<RankedTensorType>(x.getType());
    if (!type.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    int64_t fi = op.getFeatureIndex();
    double eps = op.getEpsilon().convertToDouble();
    int64_t count = type.getNumElements() / std::max<int64_t>(type.getDimSize(fi), 1);
    auto vecType = RankedTensorType::get({type.getDimSize(fi)}, type.getElementType());
    Value countV = splatConst(rewriter, loc, vecType, (double)count);

    Value epsV = splatConst(rewriter, loc, vecType, eps);
    Value inv = stablehlo::RsqrtOp::create(
        rewriter, loc, stablehlo::AddOp::create(rewriter, loc, adaptor.getVariance(), epsV));
    Value centered = stablehlo::SubtractOp::create(
        rewriter, loc, x, bcast(rewriter, loc, adaptor.getMean(), type, fi));
    Value xhat = stablehlo::MulOp::create(rewriter, loc, centered,
                                          bcast(rewriter, loc, inv, type, fi));
    Value gOffset = sumAllBut(rewriter, loc, gy, fi);
    Value gScale = sumAllBut(
        rewriter, loc, stablehlo::MulOp::create(rewriter, loc, gy, xhat), fi);
    Value meanGy = stablehlo::DivOp::create(rewriter, loc, gOffset, countV);
    Value meanGyX = stablehlo::DivOp::create(rewriter, loc, gScale, countV);
    Value t = stablehlo::SubtractOp::create(rewriter, loc, gy,
                                            bcast(rewriter, loc, meanGy, type, fi));
    t = stablehlo::SubtractOp::create(
        rewriter, loc, t,
        stablehlo::MulOp::create(rewriter, loc, xhat,
                                 bcast(rewriter, loc, meanGyX, type, fi)));
    Value mul = stablehlo::MulOp::create(rewriter, loc, adaptor.getScale(), inv);
    Value gx = stablehlo::MulOp::create(rewriter, loc, t, bcast(rewriter, loc, mul, type, fi));
    rewriter.replaceOp(op, ValueRange{gx, gScale, gOffset});
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Dynamic-shape ops with static result types
//===----------------------------------------------------------------------===//

/// Element `i` of the 1-d integer tensor `t` as an index.
Value readIndex(OpBuilder &b, Location loc, Value t, int64_t i, bool isUnsigned) {
  Value v = tensor::ExtractOp::create(b, loc, t, ValueRange{indexConst(b, loc, i)});
  return toIndex(b, loc, v, isUnsigned);
}

struct RealDynamicSliceLowering : OpConversionPattern<stablehlo::RealDynamicSliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::RealDynamicSliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertedStatic(getTypeConverter(), op.getType());
    if (!resultType)
      return hl::unsupported(op, "a dynamic shape");
    Location loc = op.getLoc();
    bool u = hl::isUnsignedElement(op.getStartIndices().getType());
    SmallVector<OpFoldResult> offsets, sizes, strides;
    for (int64_t d = 0; d < resultType.getRank(); ++d) {
      offsets.push_back(readIndex(rewriter, loc, adaptor.getStartIndices(), d, u));
      strides.push_back(readIndex(rewriter, loc, adaptor.getStrides(), d, u));
      sizes.push_back(rewriter.getIndexAttr(resultType.getDimSize(d)));
    }
    rewriter.replaceOp(op, tensor::ExtractSliceOp::create(rewriter, loc, resultType,
                                                          adaptor.getOperand(), offsets,
                                                          sizes, strides));
    return success();
  }
};

struct DynamicPadLowering : OpConversionPattern<stablehlo::DynamicPadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicPadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertedStatic(getTypeConverter(), op.getType());
    Value operand = adaptor.getOperand();
    if (!resultType || !isStatic(operand))
      return hl::unsupported(op, "a dynamic shape");
    Location loc = op.getLoc();
    auto operandType = cast<RankedTensorType>(operand.getType());
    int64_t rank = resultType.getRank();
    bool u = hl::isUnsignedElement(op.getEdgePaddingLow().getType());
    Value padValue =
        tensor::ExtractOp::create(rewriter, loc, adaptor.getPaddingValue(), ValueRange{});
    if (operandType.getNumElements() == 0) {
      rewriter.replaceOp(op, createFilled(rewriter, loc, resultType, padValue));
      return success();
    }
    SmallVector<Value> lows, steps;
    for (int64_t d = 0; d < rank; ++d) {
      lows.push_back(readIndex(rewriter, loc, adaptor.getEdgePaddingLow(), d, u));
      Value in = readIndex(rewriter, loc, adaptor.getInteriorPadding(), d, u);
      steps.push_back(arith::AddIOp::create(rewriter, loc, in,
                                            indexConst(rewriter, loc, 1)));
    }
    Value result = createIndexGeneric(
        rewriter, loc, resultType, [&](OpBuilder &b, Location l, ValueRange) {
          Value c0 = indexConst(b, l, 0);
          Value valid = arith::ConstantOp::create(b, l, b.getBoolAttr(true));
          SmallVector<Value> idx;
          for (int64_t d = 0; d < rank; ++d) {
            Value i = linalg::IndexOp::create(b, l, d);
            Value t = arith::SubIOp::create(b, l, i, lows[d]);
            Value q = arith::DivSIOp::create(b, l, t, steps[d]);
            Value r = arith::RemSIOp::create(b, l, t, steps[d]);
            int64_t size = operandType.getDimSize(d);
            Value ok = arith::AndIOp::create(
                b, l,
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, t, c0),
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, r, c0));
            ok = arith::AndIOp::create(
                b, l, ok,
                arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, q,
                                      indexConst(b, l, size)));
            valid = arith::AndIOp::create(b, l, valid, ok);
            q = arith::MaxSIOp::create(b, l, q, c0);
            q = arith::MinSIOp::create(b, l, q, indexConst(b, l, size - 1));
            idx.push_back(q);
          }
          Value v = tensor::ExtractOp::create(b, l, operand, idx);
          linalg::YieldOp::create(b, l,
                                  arith::SelectOp::create(b, l, valid, v, padValue)
                                      .getResult());
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct DynamicIotaLowering : OpConversionPattern<stablehlo::DynamicIotaOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicIotaOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertedStatic(getTypeConverter(), op.getType());
    if (!resultType)
      return hl::unsupported(op, "a dynamic shape");
    rewriter.replaceOp(op, stablehlo::IotaOp::create(rewriter, op.getLoc(), op.getType(),
                                                     op.getIotaDimension()));
    return success();
  }
};

struct DynamicBroadcastInDimLowering
    : OpConversionPattern<stablehlo::DynamicBroadcastInDimOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicBroadcastInDimOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertedStatic(getTypeConverter(), op.getType());
    if (!resultType || !isStatic(adaptor.getOperand()))
      return hl::unsupported(op, "a dynamic shape");
    rewriter.replaceOp(op, stablehlo::BroadcastInDimOp::create(
                               rewriter, op.getLoc(), resultType, adaptor.getOperand(),
                               op.getBroadcastDimensionsAttr()));
    return success();
  }
};

struct DynamicReshapeLowering : OpConversionPattern<stablehlo::DynamicReshapeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicReshapeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto resultType = convertedStatic(getTypeConverter(), op.getType());
    if (!resultType || !isStatic(adaptor.getOperand()))
      return hl::unsupported(op, "a dynamic shape");
    rewriter.replaceOp(op, stablehlo::ReshapeOp::create(rewriter, op.getLoc(), resultType,
                                                        adaptor.getOperand()));
    return success();
  }
};

/// Integer values of a constant 1-d or 2-d tensor.
std::optional<SmallVector<int64_t>> constantInts(Value v) {
  DenseIntElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  SmallVector<int64_t> out;
  bool u = hl::isUnsignedElement(v.getType());
  for (const APInt &x : attr.getValues<APInt>())
    out.push_back(u ? (int64_t)x.getZExtValue() : x.getSExtValue());
  return out;
}

struct DynamicGatherLowering : OpConversionPattern<stablehlo::DynamicGatherOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicGatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto sizes = constantInts(op.getSliceSizes());
    if (!sizes)
      return hl::unsupported(op, "a non-constant slice_sizes operand");
    Type resultType = getTypeConverter()->convertType(op.getType());
    rewriter.replaceOp(op, stablehlo::GatherOp::create(
                               rewriter, op.getLoc(), resultType, adaptor.getOperand(),
                               adaptor.getStartIndices(), op.getDimensionNumbers(),
                               *sizes, op.getIndicesAreSorted()));
    return success();
  }
};

struct DynamicConvLowering : OpConversionPattern<stablehlo::DynamicConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::DynamicConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto pad = constantInts(op.getPadding());
    if (!pad)
      return hl::unsupported(op, "a non-constant padding operand");
    int64_t nsp = op.getDimensionNumbers().getInputSpatialDimensions().size();
    auto padType = RankedTensorType::get({nsp, 2}, rewriter.getI64Type());
    auto padAttr = DenseIntElementsAttr::get(padType, *pad);
    Type resultType = getTypeConverter()->convertType(op.getType());
    rewriter.replaceOp(op, stablehlo::ConvolutionOp::create(
                               rewriter, op.getLoc(), resultType, adaptor.getLhs(),
                               adaptor.getRhs(), op.getWindowStridesAttr(), padAttr,
                               op.getLhsDilationAttr(), op.getRhsDilationAttr(),
                               op.getWindowReversalAttr(), op.getDimensionNumbers(),
                               op.getFeatureGroupCountAttr(), op.getBatchGroupCountAttr(),
                               op.getPrecisionConfigAttr()));
    return success();
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateMiscPatterns(const TypeConverter &tc,
                                                    RewritePatternSet &patterns) {
  patterns.add<MapLowering, BatchNormInferenceLowering, BatchNormTrainingLowering,
               BatchNormGradLowering,
               RealDynamicSliceLowering, DynamicPadLowering, DynamicIotaLowering,
               DynamicBroadcastInDimLowering, DynamicReshapeLowering,
               DynamicGatherLowering, DynamicConvLowering>(tc, patterns.getContext());
}
