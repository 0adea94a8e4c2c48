//===- Convolution.cpp - stablehlo.convolution to linalg ------------------===//
//
// stablehlo.convolution (static shapes) becomes:
//   1. the lhs padded with zeros: edge padding, and lhs_dilation as interior
//      padding (negative edge padding cuts);
//   2. the kernel reversed along spatial dims with window_reversal set;
//   3. a named linalg convolution when the layout fits (conv_{1,2,3}d_n*c_*cf,
//      conv_2d_nchw_fchw, depthwise_conv_2d_nhwc_hwc{,m}), else a linalg.generic
//      over (batch, [group], out-feature, out-spatial..., in-feature, window...)
//      with feature/batch groups exposed by tensor.expand_shape.
// Products are accumulated in the result element type.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;

namespace {

/// Reverses `src` along `dims` with a linalg.generic (input map K-1-d).
Value reverseDims(OpBuilder &b, Location loc, Value src, ArrayRef<int64_t> dims) {
  auto type = cast<RankedTensorType>(src.getType());
  int64_t rank = type.getRank();
  SmallVector<AffineExpr> exprs;
  for (int64_t i = 0; i < rank; ++i) {
    AffineExpr d = b.getAffineDimExpr(i);
    if (llvm::is_contained(dims, i))
      exprs.push_back(b.getAffineConstantExpr(type.getDimSize(i) - 1) - d);
    else
      exprs.push_back(d);
  }
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, exprs, b.getContext()),
                                 b.getMultiDimIdentityMap(rank)};
  Value init = tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
  SmallVector<utils::IteratorType> iters(rank, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{type}, ValueRange{src}, ValueRange{init}, maps, iters,
             [](OpBuilder &nb, Location nl, ValueRange args) {
               linalg::YieldOp::create(nb, nl, args[0]);
             })
      .getResult(0);
}

/// `type` with dimension `dim` split into [groups, size / groups].
RankedTensorType splitType(RankedTensorType type, int64_t dim, int64_t groups,
                           SmallVectorImpl<ReassociationIndices> *reassoc = nullptr) {
  SmallVector<int64_t> shape;
  int64_t cur = 0;
  for (int64_t i = 0; i < type.getRank(); ++i) {
    if (i == dim) {
      shape.push_back(groups);
      shape.push_back(type.getDimSize(i) / groups);
      if (reassoc)
        reassoc->push_back({cur, cur + 1});
      cur += 2;
    } else {
      shape.push_back(type.getDimSize(i));
      if (reassoc)
        reassoc->push_back({cur});
      ++cur;
    }
  }
  return RankedTensorType::get(shape, type.getElementType());
}

/// Splits dimension `dim` of `src` into [groups, size / groups].
Value splitDim(OpBuilder &b, Location loc, Value src, int64_t dim, int64_t groups) {
  SmallVector<ReassociationIndices> reassoc;
  auto newType =
      splitType(cast<RankedTensorType>(src.getType()), dim, groups, &reassoc);
  return tensor::ExpandShapeOp::create(b, loc, newType, src, reassoc);
}

bool isSeq(ArrayRef<int64_t> a, int64_t start) {
  for (auto [i, v] : llvm::enumerate(a))
    if (v != start + (int64_t)i)
      return false;
  return true;
}

struct ConvolutionLowering : OpConversionPattern<stablehlo::ConvolutionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::ConvolutionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto resultType = dyn_cast_or_null<RankedTensorType>(
        getTypeConverter()->convertType(op.getType()));
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    auto lhsType = dyn_cast<RankedTensorType>(lhs.getType());
    auto rhsType = dyn_cast<RankedTensorType>(rhs.getType());
    if (!resultType || !lhsType || !rhsType || !resultType.hasStaticShape() ||
        !lhsType.hasStaticShape() || !rhsType.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    Type outElem = resultType.getElementType();
    if (isa<ComplexType>(outElem) || isa<ComplexType>(lhsType.getElementType()) ||
        isa<quant::QuantizedType>(op.getLhs().getType().getElementType()))
      return hl::unsupported(op, "this element type");

    auto dn = op.getDimensionNumbers();
    ArrayRef<int64_t> inSp = dn.getInputSpatialDimensions();
    ArrayRef<int64_t> kSp = dn.getKernelSpatialDimensions();
    ArrayRef<int64_t> outSp = dn.getOutputSpatialDimensions();
    int64_t nsp = inSp.size();
    SmallVector<int64_t> strides = valuesOr(op.getWindowStrides(), nsp, 1);
    SmallVector<int64_t> lhsDil = valuesOr(op.getLhsDilation(), nsp, 1);
    SmallVector<int64_t> rhsDil = valuesOr(op.getRhsDilation(), nsp, 1);
    SmallVector<int64_t> padLo, padHi;
    splitPadding(op.getPadding(), nsp, padLo, padHi);
    int64_t fgc = op.getFeatureGroupCount(), bgc = op.getBatchGroupCount();

    // 1. Pad and dilate the lhs.
    int64_t lhsRank = lhsType.getRank();
    SmallVector<int64_t> lo(lhsRank, 0), hi(lhsRank, 0), interior(lhsRank, 0);
    for (int64_t i = 0; i < nsp; ++i) {
      lo[inSp[i]] = padLo[i];
      hi[inSp[i]] = padHi[i];
      interior[inSp[i]] = lhsDil[i] - 1;
    }
    if (llvm::any_of(llvm::concat<int64_t>(lo, hi, interior),
                     [](int64_t v) { return v != 0; }))
      lhs = padStatic(rewriter, loc, lhs,
                      zeroScalar(rewriter, loc, lhsType.getElementType()), lo, hi,
                      interior);

    // 2. Reverse the kernel.
    if (auto rev = op.getWindowReversal()) {
      SmallVector<int64_t> dims;
      for (auto [i, r] : llvm::enumerate(*rev))
        if (r)
          dims.push_back(kSp[i]);
      if (!dims.empty())
        rhs = reverseDims(rewriter, loc, rhs, dims);
    }

    bool lhsUnsigned = hl::isUnsignedElement(op.getLhs().getType());
    bool rhsUnsigned = hl::isUnsignedElement(op.getRhs().getType());
    Value zero = zeroScalar(rewriter, loc, outElem);

    // 3. Named ops.
    if (!lhsUnsigned && !rhsUnsigned && bgc == 1) {
      if (Value v = tryNamed(rewriter, loc, op, lhs, rhs, resultType, zero, strides,
                             rhsDil)) {
        rewriter.replaceOp(op, v);
        return success();
      }
    }

    // 4. linalg.generic.
    int64_t groups = fgc * bgc;
    bool grouped = groups > 1;
    int64_t numLoops = 3 + (grouped ? 1 : 0) + 2 * nsp;
    MLIRContext *ctx = rewriter.getContext();
    auto dim = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
    int64_t bD = 0, gD = 1, oD = grouped ? 2 : 1;
    int64_t sD = oD + 1, cD = sD + nsp, kD = cD + 1;

    // Expand the group dims.
    Value lhsG = lhs, rhsG = rhs;
    if (fgc > 1)
      lhsG = splitDim(rewriter, loc, lhs, dn.getInputFeatureDimension(), fgc);
    if (bgc > 1)
      lhsG = splitDim(rewriter, loc, lhs, dn.getInputBatchDimension(), bgc);
    if (grouped)
      rhsG = splitDim(rewriter, loc, rhs, dn.getKernelOutputFeatureDimension(), groups);
    SmallVector<ReassociationIndices> outReassoc;
    RankedTensorType outGType =
        grouped ? splitType(resultType, dn.getOutputFeatureDimension(), groups,
                            &outReassoc)
                : resultType;

    SmallVector<AffineExpr> lhsExprs, rhsExprs, outExprs;
    for (int64_t d = 0; d < lhsRank; ++d) {
      if (d == dn.getInputBatchDimension()) {
        if (bgc > 1)
          lhsExprs.push_back(dim(gD));
        lhsExprs.push_back(dim(bD));
      } else if (d == dn.getInputFeatureDimension()) {
        if (fgc > 1)
          lhsExprs.push_back(dim(gD));
        lhsExprs.push_back(dim(cD));
      } else {
        int64_t i = llvm::find(inSp, d) - inSp.begin();
        lhsExprs.push_back(dim(sD + i) * strides[i] + dim(kD + i) * rhsDil[i]);
      }
    }
    for (int64_t d = 0; d < rhsType.getRank(); ++d) {
      if (d == dn.getKernelInputFeatureDimension()) {
        rhsExprs.push_back(dim(cD));
      } else if (d == dn.getKernelOutputFeatureDimension()) {
        if (grouped)
          rhsExprs.push_back(dim(gD));
        rhsExprs.push_back(dim(oD));
      } else {
        int64_t i = llvm::find(kSp, d) - kSp.begin();
        rhsExprs.push_back(dim(kD + i));
      }
    }
    for (int64_t d = 0; d < resultType.getRank(); ++d) {
      if (d == dn.getOutputBatchDimension()) {
        outExprs.push_back(dim(bD));
      } else if (d == dn.getOutputFeatureDimension()) {
        if (grouped)
          outExprs.push_back(dim(gD));
        outExprs.push_back(dim(oD));
      } else {
        int64_t i = llvm::find(outSp, d) - outSp.begin();
        outExprs.push_back(dim(sD + i));
      }
    }
    SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, lhsExprs, ctx),
                                   AffineMap::get(numLoops, 0, rhsExprs, ctx),
                                   AffineMap::get(numLoops, 0, outExprs, ctx)};
    SmallVector<utils::IteratorType> iters(numLoops, utils::IteratorType::parallel);
    for (int64_t i = cD; i < numLoops; ++i)
      iters[i] = utils::IteratorType::reduction;

    Value init = createFilled(rewriter, loc, outGType, zero);
    Type lhsOrig = op.getLhs().getType().getElementType();
    Type rhsOrig = op.getRhs().getType().getElementType();
    Type outOrig = op.getType().getElementType();
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{outGType}, ValueRange{lhsG, rhsG}, ValueRange{init},
        maps, iters, [&](OpBuilder &b, Location l, ValueRange args) {
          Value x = hl::emitConvert(b, l, args[0], lhsOrig, outOrig);
          Value w = hl::emitConvert(b, l, args[1], rhsOrig, outOrig);
          Value acc = args[2], r;
          if (isa<FloatType>(outElem)) {
            r = arith::AddFOp::create(b, l, acc, arith::MulFOp::create(b, l, x, w));
          } else if (outElem.isInteger(1)) {
            r = arith::OrIOp::create(b, l, acc, arith::AndIOp::create(b, l, x, w));
          } else {
            r = arith::AddIOp::create(b, l, acc, arith::MulIOp::create(b, l, x, w));
          }
          linalg::YieldOp::create(b, l, r);
        });
    Value result = generic.getResult(0);
    if (grouped)
      result = tensor::CollapseShapeOp::create(rewriter, loc, resultType, result,
                                               outReassoc);
    rewriter.replaceOp(op, result);
    return success();
  }

  /// Named linalg convolutions for the common layouts (no batch groups).
  static Value tryNamed(OpBuilder &b, Location loc, stablehlo::ConvolutionOp op,
                        Value lhs, Value rhs, RankedTensorType resultType,
                        Value zero, ArrayRef<int64_t> strides,
                        ArrayRef<int64_t> rhsDil) {
    auto dn = op.getDimensionNumbers();
    ArrayRef<int64_t> inSp = dn.getInputSpatialDimensions();
    ArrayRef<int64_t> kSp = dn.getKernelSpatialDimensions();
    ArrayRef<int64_t> outSp = dn.getOutputSpatialDimensions();
    int64_t nsp = inSp.size();
    int64_t fgc = op.getFeatureGroupCount();
    auto lhsType = cast<RankedTensorType>(lhs.getType());
    auto rhsType = cast<RankedTensorType>(rhs.getType());
    Attribute stridesAttr = b.getI64TensorAttr(strides);
    Attribute dilAttr = b.getI64TensorAttr(rhsDil);
    SmallVector<Type> resTypes = {resultType};

    bool channelsLast =
        dn.getInputBatchDimension() == 0 && isSeq(inSp, 1) &&
        dn.getInputFeatureDimension() == nsp + 1 && isSeq(kSp, 0) &&
        dn.getKernelInputFeatureDimension() == nsp &&
        dn.getKernelOutputFeatureDimension() == nsp + 1 &&
        dn.getOutputBatchDimension() == 0 && isSeq(outSp, 1) &&
        dn.getOutputFeatureDimension() == nsp + 1;
    bool channelsFirst2d =
        nsp == 2 && dn.getInputBatchDimension() == 0 &&
        dn.getInputFeatureDimension() == 1 && isSeq(inSp, 2) &&
        dn.getKernelOutputFeatureDimension() == 0 &&
        dn.getKernelInputFeatureDimension() == 1 && isSeq(kSp, 2) &&
        dn.getOutputBatchDimension() == 0 && dn.getOutputFeatureDimension() == 1 &&
        isSeq(outSp, 2);

    if (fgc == 1) {
      if (channelsLast || channelsFirst2d) {
        Value init = createFilled(b, loc, resultType, zero);
        SmallVector<Value> ins = {lhs, rhs}, outs = {init};
        if (channelsFirst2d)
          return linalg::Conv2DNchwFchwOp::create(b, loc, resTypes, ins, outs,
                                                  stridesAttr, dilAttr)
              .getResult(0);
        if (nsp == 1)
          return linalg::Conv1DNwcWcfOp::create(b, loc, resTypes, ins, outs,
                                                stridesAttr, dilAttr)
              .getResult(0);
        if (nsp == 2)
          return linalg::Conv2DNhwcHwcfOp::create(b, loc, resTypes, ins, outs,
                                                  stridesAttr, dilAttr)
              .getResult(0);
        if (nsp == 3)
          return linalg::Conv3DNdhwcDhwcfOp::create(b, loc, resTypes, ins, outs,
                                                    stridesAttr, dilAttr)
              .getResult(0);
      }
      return Value();
    }

    // Depthwise: one group per input channel, kernel input feature size 1.
    int64_t channels = lhsType.getDimSize(nsp + 1);
    if (!channelsLast || nsp != 2 || fgc != channels || rhsType.getDimSize(2) != 1)
      return Value();
    int64_t outFeatures = rhsType.getDimSize(3);
    int64_t mult = outFeatures / channels;
    Type kElem = rhsType.getElementType();
    // [H, W, 1, C*M] -> [H, W, C*M].
    auto kCollapsedType = RankedTensorType::get(
        {rhsType.getDimSize(0), rhsType.getDimSize(1), outFeatures}, kElem);
    Value kernel = tensor::CollapseShapeOp::create(
        b, loc, kCollapsedType, rhs, ArrayRef<ReassociationIndices>{{0}, {1}, {2, 3}});
    if (mult == 1) {
      Value init = createFilled(b, loc, resultType, zero);
      return linalg::DepthwiseConv2DNhwcHwcOp::create(
                 b, loc, resTypes, ValueRange{lhs, kernel}, ValueRange{init},
                 stridesAttr, dilAttr)
          .getResult(0);
    }
    auto kType = RankedTensorType::get(
        {rhsType.getDimSize(0), rhsType.getDimSize(1), channels, mult}, kElem);
    kernel = tensor::ExpandShapeOp::create(
        b, loc, kType, kernel, ArrayRef<ReassociationIndices>{{0}, {1}, {2, 3}});
    auto outType = RankedTensorType::get({resultType.getDimSize(0),
                                          resultType.getDimSize(1),
                                          resultType.getDimSize(2), channels, mult},
                                         resultType.getElementType());
    Value init = createFilled(b, loc, outType, zero);
    Value conv = linalg::DepthwiseConv2DNhwcHwcmOp::create(
                     b, loc, TypeRange{outType}, ValueRange{lhs, kernel},
                     ValueRange{init}, stridesAttr, dilAttr)
                     .getResult(0);
    return tensor::CollapseShapeOp::create(
        b, loc, resultType, conv, ArrayRef<ReassociationIndices>{{0}, {1}, {2}, {3, 4}});
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateConvolutionPatterns(const TypeConverter &tc,
                                                           RewritePatternSet &patterns) {
  patterns.add<ConvolutionLowering>(tc, patterns.getContext());
}
