//===- ShapeOps.cpp - constant, iota, broadcast, transpose, reshape, ... --===//
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;

namespace {

//===----------------------------------------------------------------------===//
// constant
//===----------------------------------------------------------------------===//

struct ConstantConverter final : OpConversionPattern<stablehlo::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::ConstantOp op, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type)
      return unsupported(op, "this result type");
    Attribute value = op.getValue();
    if (type != op.getType()) {
      if (auto dense = dyn_cast<DenseElementsAttr>(value))
        value = dense.bitcast(type.getElementType());
      else if (auto res = dyn_cast<DenseResourceElementsAttr>(value))
        value = DenseResourceElementsAttr::get(type, res.getRawHandle());
      else
        return unsupported(op, "this constant attribute");
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type, cast<TypedAttr>(value));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// iota
//===----------------------------------------------------------------------===//

struct IotaConverter final : OpConversionPattern<stablehlo::IotaOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::IotaOp op, OpAdaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type || !type.hasStaticShape())
      return unsupported(op, "a dynamic result shape");
    Type origElem = op.getType().getElementType();
    if (!isa<IntegerType, FloatType, ComplexType>(origElem))
      return unsupported(op, "this element type");
    Location loc = op.getLoc();
    int64_t rank = type.getRank();
    uint64_t dim = op.getIotaDimension();
    Value init = emptyTensor(rewriter, loc, type, {});
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{type}, ValueRange{}, ValueRange{init},
        {AffineMap::getMultiDimIdentityMap(rank, op.getContext())}, parallelIterators(rank),
        [&](OpBuilder &b, Location l, ValueRange) {
          Value idx = linalg::IndexOp::create(b, l, dim);
          Type i64 = b.getI64Type();
          Value asInt = arith::IndexCastOp::create(b, l, i64, idx);
          Value v = emitConvert(b, l, asInt, i64, origElem);
          linalg::YieldOp::create(b, l, v);
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// broadcast_in_dim, broadcast
//===----------------------------------------------------------------------===//

/// Broadcasts `input` into `init`: input dim i goes to result dim dims[i], or is
/// read at index 0 when it is a size-1 dim being expanded.
Value broadcastInto(OpBuilder &b, Location loc, Value input, Value init,
                    ArrayRef<int64_t> dims) {
  auto inType = cast<RankedTensorType>(input.getType());
  auto outType = cast<RankedTensorType>(init.getType());
  int64_t outRank = outType.getRank();
  MLIRContext *ctx = b.getContext();
  bool expands = false;
  SmallVector<AffineExpr> exprs;
  for (auto [i, d] : llvm::enumerate(dims)) {
    bool expanding = inType.getDimSize(i) == 1 && outType.getDimSize(d) != 1;
    expands |= expanding;
    exprs.push_back(expanding ? getAffineConstantExpr(0, ctx) : getAffineDimExpr(d, ctx));
  }
  bool sorted = llvm::is_sorted(dims) &&
                llvm::adjacent_find(dims) == dims.end();
  if (!expands && sorted) {
    if (inType.getRank() == outRank)
      return input;
    SmallVector<int64_t> added;
    for (int64_t d = 0; d < outRank; ++d)
      if (!llvm::is_contained(dims, d))
        added.push_back(d);
    return linalg::BroadcastOp::create(b, loc, input, init, added).getResult()[0];
  }
  SmallVector<AffineMap> maps = {AffineMap::get(outRank, 0, exprs, ctx),
                                 AffineMap::getMultiDimIdentityMap(outRank, ctx)};
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{outType}, ValueRange{input}, ValueRange{init}, maps,
      parallelIterators(outRank), [](OpBuilder &nb, Location l, ValueRange args) {
        linalg::YieldOp::create(nb, l, args[0]);
      });
  return generic.getResult(0);
}

/// Dynamic result sizes of a broadcast from the operand dims that map to them.
FailureOr<SmallVector<Value>> broadcastDynSizes(OpBuilder &b, Location loc, Value input,
                                                RankedTensorType outType,
                                                ArrayRef<int64_t> dims) {
  auto inType = cast<RankedTensorType>(input.getType());
  SmallVector<Value> dyn;
  for (int64_t d = 0; d < outType.getRank(); ++d) {
    if (!outType.isDynamicDim(d))
      continue;
    auto *it = llvm::find(dims, d);
    if (it == dims.end() || inType.getDimSize(it - dims.begin()) == 1)
      return failure();
    dyn.push_back(tensor::DimOp::create(b, loc, input, it - dims.begin()));
  }
  return dyn;
}

/// Replaces `op` with `operand` broadcast into `type` along `dims` (shared by
/// broadcast and broadcast_in_dim).
LogicalResult replaceWithBroadcast(Operation *op, ConversionPatternRewriter &rewriter,
                                   Value operand, RankedTensorType type,
                                   ArrayRef<int64_t> dims) {
  Location loc = op->getLoc();
  FailureOr<SmallVector<Value>> dyn = broadcastDynSizes(rewriter, loc, operand, type, dims);
  if (failed(dyn))
    return unsupported(op, "a dynamic result dimension not given by the operand");
  Value init = emptyTensor(rewriter, loc, type, *dyn);
  Value result = broadcastInto(rewriter, loc, operand, init, dims);
  if (result.getType() != type)
    result = tensor::CastOp::create(rewriter, loc, type, result);
  rewriter.replaceOp(op, result);
  return success();
}

struct BroadcastInDimConverter final : OpConversionPattern<stablehlo::BroadcastInDimOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::BroadcastInDimOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type)
      return unsupported(op, "an unranked result");
    return replaceWithBroadcast(op, rewriter, adaptor.getOperand(), type,
                                op.getBroadcastDimensions());
  }
};

struct BroadcastConverter final : OpConversionPattern<stablehlo::BroadcastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::BroadcastOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type)
      return unsupported(op, "an unranked result");
    int64_t added = op.getBroadcastSizes().size();
    SmallVector<int64_t> dims;
    for (int64_t d = added; d < type.getRank(); ++d)
      dims.push_back(d);
    return replaceWithBroadcast(op, rewriter, adaptor.getOperand(), type, dims);
  }
};

//===----------------------------------------------------------------------===//
// transpose, reverse
//===----------------------------------------------------------------------===//

struct TransposeConverter final : OpConversionPattern<stablehlo::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::TransposeOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type)
      return unsupported(op, "an unranked result");
    Location loc = op.getLoc();
    ArrayRef<int64_t> perm = op.getPermutation();
    SmallVector<Value> dyn;
    for (int64_t d = 0; d < type.getRank(); ++d)
      if (type.isDynamicDim(d))
        dyn.push_back(tensor::DimOp::create(rewriter, loc, adaptor.getOperand(), perm[d]));
    Value init = emptyTensor(rewriter, loc, type, dyn);
    auto transpose = linalg::TransposeOp::create(rewriter, loc, adaptor.getOperand(), init, perm);
    rewriter.replaceOp(op, transpose.getResult());
    return success();
  }
};

struct ReverseConverter final : OpConversionPattern<stablehlo::ReverseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::ReverseOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    if (!type)
      return unsupported(op, "an unranked result");
    ArrayRef<int64_t> dims = op.getDimensions();
    MLIRContext *ctx = op.getContext();
    int64_t rank = type.getRank();
    SmallVector<AffineExpr> exprs;
    for (int64_t d = 0; d < rank; ++d) {
      AffineExpr e = getAffineDimExpr(d, ctx);
      if (llvm::is_contained(dims, d)) {
        if (type.isDynamicDim(d))
          return unsupported(op, "reversing a dynamic dimension");
        e = getAffineConstantExpr(type.getDimSize(d) - 1, ctx) - e;
      }
      exprs.push_back(e);
    }
    Location loc = op.getLoc();
    Value init = emptyTensorLike(rewriter, loc, type, adaptor.getOperand());
    SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, exprs, ctx),
                                   AffineMap::getMultiDimIdentityMap(rank, ctx)};
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{type}, ValueRange{adaptor.getOperand()}, ValueRange{init}, maps,
        parallelIterators(rank), [](OpBuilder &b, Location l, ValueRange args) {
          linalg::YieldOp::create(b, l, args[0]);
        });
    rewriter.replaceOp(op, generic.getResults());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// reshape
//===----------------------------------------------------------------------===//

/// Static reshape: one collapse_shape or expand_shape when the shapes allow,
/// else collapse to 1-D and expand.
Value reshapeStatic(OpBuilder &b, Location loc, Value input, RankedTensorType outType) {
  auto inType = cast<RankedTensorType>(input.getType());
  if (inType == outType)
    return input;
  if (outType.getRank() == 0)
    return tensor::CollapseShapeOp::create(b, loc, outType, input,
                                           ArrayRef<ReassociationIndices>{});
  if (inType.getRank() == 0)
    return tensor::ExpandShapeOp::create(b, loc, outType, input,
                                         ArrayRef<ReassociationIndices>{});
  if (inType.getRank() > outType.getRank()) {
    if (auto re = getReassociationIndicesForReshape(inType, outType))
      return tensor::CollapseShapeOp::create(b, loc, outType, input, *re);
  } else if (inType.getRank() < outType.getRank()) {
    if (auto re = getReassociationIndicesForReshape(inType, outType))
      return tensor::ExpandShapeOp::create(b, loc, outType, input, *re);
  }
  auto flatType = RankedTensorType::get({inType.getNumElements()}, inType.getElementType());
  Value flat = input;
  if (inType.getRank() != 1) {
    ReassociationIndices all = llvm::to_vector(llvm::seq<int64_t>(0, inType.getRank()));
    flat = tensor::CollapseShapeOp::create(b, loc, flatType, input,
                                           ArrayRef<ReassociationIndices>{all});
  }
  if (outType.getRank() == 1)
    return flat;
  ReassociationIndices all = llvm::to_vector(llvm::seq<int64_t>(0, outType.getRank()));
  return tensor::ExpandShapeOp::create(b, loc, outType, flat,
                                       ArrayRef<ReassociationIndices>{all});
}

struct ReshapeConverter final : OpConversionPattern<stablehlo::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::ReshapeOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    RankedTensorType type = convertedTensorType(*getTypeConverter(), op.getType());
    auto inType = dyn_cast<RankedTensorType>(adaptor.getOperand().getType());
    if (!type || !inType || !type.hasStaticShape() || !inType.hasStaticShape())
      return unsupported(op, "a dynamic shape");
    rewriter.replaceOp(op, reshapeStatic(rewriter, op.getLoc(), adaptor.getOperand(), type));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// get_dimension_size, optimization_barrier
//===----------------------------------------------------------------------===//

struct GetDimensionSizeConverter final : OpConversionPattern<stablehlo::GetDimensionSizeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::GetDimensionSizeOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto inType = cast<RankedTensorType>(adaptor.getOperand().getType());
    int64_t d = op.getDimension();
    auto type = cast<RankedTensorType>(op.getType());
    if (!inType.isDynamicDim(d)) {
      auto attr = DenseElementsAttr::get(
          type, rewriter.getI32IntegerAttr(static_cast<int32_t>(inType.getDimSize(d))));
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(op, type, attr);
      return success();
    }
    Value size = tensor::DimOp::create(rewriter, loc, adaptor.getOperand(), d);
    Value asI32 = arith::IndexCastOp::create(rewriter, loc, rewriter.getI32Type(), size);
    rewriter.replaceOpWithNewOp<tensor::FromElementsOp>(op, type, ValueRange{asI32});
    return success();
  }
};

struct OptimizationBarrierConverter final
    : OpConversionPattern<stablehlo::OptimizationBarrierOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::OptimizationBarrierOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, adaptor.getOperand());
    return success();
  }
};

} // namespace

void mlir::byteir::hlo_linalg::populateShapePatterns(TypeConverter &converter,
                                                    RewritePatternSet &patterns) {
  patterns.add<ConstantConverter, IotaConverter, BroadcastInDimConverter, BroadcastConverter,
               TransposeConverter, ReverseConverter, ReshapeConverter,
               GetDimensionSizeConverter, OptimizationBarrierConverter>(converter,
                                                                        patterns.getContext());
}
