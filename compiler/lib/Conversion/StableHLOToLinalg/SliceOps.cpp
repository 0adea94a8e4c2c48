//===- SliceOps.cpp - slice, concatenate, pad, dynamic_(update_)slice -----===//
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;

namespace {

SmallVector<OpFoldResult> indexAttrs(OpBuilder &b, ArrayRef<int64_t> values) {
  return getAsIndexOpFoldResult(b.getContext(), values);
}

OpFoldResult addOfr(OpBuilder &b, Location loc, OpFoldResult x, OpFoldResult y) {
  std::optional<int64_t> cx = getConstantIntValue(x), cy = getConstantIntValue(y);
  if (cx && cy)
    return b.getIndexAttr(*cx + *cy);
  return arith::AddIOp::create(b, loc, getValueOrCreateConstantIndexOp(b, loc, x),
                               getValueOrCreateConstantIndexOp(b, loc, y))
      .getResult();
}

//===----------------------------------------------------------------------===//
// slice
//===----------------------------------------------------------------------===//

struct SliceConverter final : OpConversionPattern<stablehlo::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::SliceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type || !type.hasStaticShape())
      return unsupported(op, "a dynamic result shape");
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, type, adaptor.getOperand(), indexAttrs(rewriter, op.getStartIndices()),
        indexAttrs(rewriter, type.getShape()), indexAttrs(rewriter, op.getStrides()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// concatenate
//===----------------------------------------------------------------------===//

/// tensor.empty of the result, then one tensor.insert_slice per input.
struct ConcatenateConverter final : OpConversionPattern<stablehlo::ConcatenateOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::ConcatenateOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type)
      return unsupported(op, "an unranked result");
    Location loc = op.getLoc();
    int64_t axis = op.getDimension();
    ValueRange inputs = adaptor.getInputs();
    if (inputs.size() == 1) {
      Value in = inputs.front();
      if (in.getType() != type)
        in = tensor::CastOp::create(rewriter, loc, type, in);
      rewriter.replaceOp(op, in);
      return success();
    }
    // Dynamic result sizes: the axis is the sum of the inputs' sizes, other
    // dims come from the first input.
    SmallVector<Value> dyn;
    for (int64_t d = 0; d < type.getRank(); ++d) {
      if (!type.isDynamicDim(d))
        continue;
      if (d != axis) {
        dyn.push_back(tensor::DimOp::create(rewriter, loc, inputs.front(), d));
        continue;
      }
      OpFoldResult total = rewriter.getIndexAttr(0);
      for (Value in : inputs)
        total = addOfr(rewriter, loc, total, tensor::getMixedSize(rewriter, loc, in, d));
      dyn.push_back(getValueOrCreateConstantIndexOp(rewriter, loc, total));
    }
    Value result = emptyTensor(rewriter, loc, type, dyn);
    OpFoldResult offset = rewriter.getIndexAttr(0);
    for (auto [i, in] : llvm::enumerate(inputs)) {
      SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(rewriter, loc, in);
      SmallVector<OpFoldResult> offsets(type.getRank(), rewriter.getIndexAttr(0));
      SmallVector<OpFoldResult> strides(type.getRank(), rewriter.getIndexAttr(1));
      offsets[axis] = offset;
      result = tensor::InsertSliceOp::create(rewriter, loc, in, result, offsets, sizes, strides);
      if (i + 1 < inputs.size())
        offset = addOfr(rewriter, loc, offset, sizes[axis]);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// pad
//===----------------------------------------------------------------------===//

/// Without interior padding: negative edges are sliced off the operand, then
/// tensor.pad adds the positive ones. With interior padding: fill the result
/// (with negative edges taken as 0) with the pad value, insert the operand with
/// strides, then slice off the negative edges.
struct PadConverter final : OpConversionPattern<stablehlo::PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::PadOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    auto inType = dyn_cast<RankedTensorType>(adaptor.getOperand().getType());
    if (!type || !inType)
      return unsupported(op, "an unranked operand");
    Location loc = op.getLoc();
    ArrayRef<int64_t> low = op.getEdgePaddingLow(), high = op.getEdgePaddingHigh(),
                      interior = op.getInteriorPadding();
    int64_t rank = type.getRank();
    auto clampLow = [](int64_t v) { return std::max<int64_t>(v, 0); };
    bool hasInterior = llvm::any_of(interior, [](int64_t v) { return v != 0; });
    bool hasNegative = llvm::any_of(low, [](int64_t v) { return v < 0; }) ||
                       llvm::any_of(high, [](int64_t v) { return v < 0; });
    if (!type.hasStaticShape() || !inType.hasStaticShape()) {
      // Dynamic shapes: plain edge padding only.
      if (hasInterior || hasNegative)
        return unsupported(op, "interior or negative padding of a dynamic shape");
      Value padValue = extractScalar(rewriter, loc, adaptor.getPaddingValue());
      Value padded = tensor::PadOp::create(rewriter, loc, type, adaptor.getOperand(),
                                           indexAttrs(rewriter, low),
                                           indexAttrs(rewriter, high), padValue);
      rewriter.replaceOp(op, padded);
      return success();
    }
    Value padValue = extractScalar(rewriter, loc, adaptor.getPaddingValue());
    SmallVector<int64_t> posLow, posHigh;
    for (int64_t d = 0; d < rank; ++d) {
      posLow.push_back(clampLow(low[d]));
      posHigh.push_back(clampLow(high[d]));
    }
    // Trimming more than an operand dim holds (e.g. low = -3 on a dim of 2
    // with high = +2) only works on the padded tensor.
    bool trimFits = true;
    for (int64_t d = 0; d < rank; ++d)
      trimFits &= clampLow(-low[d]) + clampLow(-high[d]) <= inType.getDimSize(d);
    Value result;
    if (!hasInterior && trimFits) {
      Value src = adaptor.getOperand();
      if (hasNegative) {
        SmallVector<int64_t> offsets, sizes;
        for (int64_t d = 0; d < rank; ++d) {
          offsets.push_back(clampLow(-low[d]));
          sizes.push_back(inType.getDimSize(d) - clampLow(-low[d]) - clampLow(-high[d]));
        }
        SmallVector<int64_t> ones(rank, 1);
        src = tensor::ExtractSliceOp::create(rewriter, loc, src, indexAttrs(rewriter, offsets),
                                             indexAttrs(rewriter, sizes),
                                             indexAttrs(rewriter, ones));
      }
      result = src;
      if (llvm::any_of(posLow, [](int64_t v) { return v; }) ||
          llvm::any_of(posHigh, [](int64_t v) { return v; }))
        result = tensor::PadOp::create(rewriter, loc, type, src, indexAttrs(rewriter, posLow),
                                       indexAttrs(rewriter, posHigh), padValue);
    } else {
      SmallVector<int64_t> fullShape, strides;
      for (int64_t d = 0; d < rank; ++d) {
        int64_t n = inType.getDimSize(d);
        int64_t inner = n == 0 ? 0 : n + (n - 1) * interior[d];
        fullShape.push_back(posLow[d] + inner + posHigh[d]);
        strides.push_back(interior[d] + 1);
      }
      auto fullType = RankedTensorType::get(fullShape, type.getElementType());
      Value full = fillTensor(rewriter, loc, padValue, emptyTensor(rewriter, loc, fullType, {}));
      full = tensor::InsertSliceOp::create(
          rewriter, loc, adaptor.getOperand(), full, indexAttrs(rewriter, posLow),
          indexAttrs(rewriter, inType.getShape()), indexAttrs(rewriter, strides));
      result = full;
      if (hasNegative) {
        SmallVector<int64_t> offsets;
        for (int64_t d = 0; d < rank; ++d)
          offsets.push_back(clampLow(-low[d]));
        SmallVector<int64_t> ones(rank, 1);
        result = tensor::ExtractSliceOp::create(rewriter, loc, type, full,
                                                indexAttrs(rewriter, offsets),
                                                indexAttrs(rewriter, type.getShape()),
                                                indexAttrs(rewriter, ones));
      }
    }
    if (result.getType() != type)
      result = tensor::CastOp::create(rewriter, loc, type, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// dynamic_slice, dynamic_update_slice
//===----------------------------------------------------------------------===//

/// Start indices clamped to [0, dim - size] (the spec's clamping), as index.
SmallVector<OpFoldResult> clampedStarts(OpBuilder &b, Location loc, ValueRange startTensors,
                                        TypeRange origTypes, Value operand,
                                        ArrayRef<int64_t> sizes) {
  SmallVector<OpFoldResult> starts;
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  for (auto [d, t] : llvm::enumerate(startTensors)) {
    Value s = extractScalar(b, loc, t);
    Value idx = isUnsignedElement(origTypes[d])
                    ? Value(arith::IndexCastUIOp::create(b, loc, b.getIndexType(), s))
                    : Value(arith::IndexCastOp::create(b, loc, b.getIndexType(), s));
    Value dim = dimSize(b, loc, operand, d);
    Value size = arith::ConstantIndexOp::create(b, loc, sizes[d]);
    Value maxStart = arith::SubIOp::create(b, loc, dim, size);
    idx = arith::MinSIOp::create(b, loc, idx, maxStart);
    idx = arith::MaxSIOp::create(b, loc, idx, zero);
    starts.push_back(idx);
  }
  return starts;
}

struct DynamicSliceConverter final : OpConversionPattern<stablehlo::DynamicSliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::DynamicSliceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type || !type.hasStaticShape())
      return unsupported(op, "a dynamic result shape");
    Location loc = op.getLoc();
    ArrayRef<int64_t> sizes = op.getSliceSizes();
    SmallVector<OpFoldResult> starts =
        clampedStarts(rewriter, loc, adaptor.getStartIndices(),
                      op.getStartIndices().getTypes(), adaptor.getOperand(), sizes);
    SmallVector<int64_t> ones(sizes.size(), 1);
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(op, type, adaptor.getOperand(), starts,
                                                        indexAttrs(rewriter, sizes),
                                                        indexAttrs(rewriter, ones));
    return success();
  }
};

struct DynamicUpdateSliceConverter final
    : OpConversionPattern<stablehlo::DynamicUpdateSliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::DynamicUpdateSliceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    auto updType = dyn_cast<RankedTensorType>(adaptor.getUpdate().getType());
    if (!type || !updType || !updType.hasStaticShape())
      return unsupported(op, "a dynamic update shape");
    Location loc = op.getLoc();
    ArrayRef<int64_t> sizes = updType.getShape();
    SmallVector<OpFoldResult> starts =
        clampedStarts(rewriter, loc, adaptor.getStartIndices(),
                      op.getStartIndices().getTypes(), adaptor.getOperand(), sizes);
    SmallVector<int64_t> ones(sizes.size(), 1);
    Value result = tensor::InsertSliceOp::create(rewriter, loc, adaptor.getUpdate(),
                                                 adaptor.getOperand(), starts,
                                                 indexAttrs(rewriter, sizes),
                                                 indexAttrs(rewriter, ones));
    if (result.getType() != type)
      result = tensor::CastOp::create(rewriter, loc, type, result);
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void mlir::byteir::hlo_linalg::populateSlicePatterns(TypeConverter &converter,
                                                    RewritePatternSet &patterns) {
  patterns.add<SliceConverter, ConcatenateConverter, PadConverter, DynamicSliceConverter,
               DynamicUpdateSliceConverter>(converter, patterns.getContext());
}
