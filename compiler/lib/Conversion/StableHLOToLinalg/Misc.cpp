//===- Misc.cpp - map, dynamic-shape ops with static results -------------===//
//
// map                   -> linalg.generic running the computation region.
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
  patterns.add<MapLowering, RealDynamicSliceLowering, DynamicPadLowering, DynamicIotaLowering,
               DynamicBroadcastInDimLowering, DynamicReshapeLowering,
               DynamicGatherLowering, DynamicConvLowering>(tc, patterns.getContext());
}
