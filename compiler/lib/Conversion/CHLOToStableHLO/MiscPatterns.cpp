//===- MiscPatterns.cpp - constant, constant_like, top_k --------------------===//
#include "Patterns.h"

#include "byteir/Dialect/CHLO/IR/CHLOOps.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace cl = mlir::byteir::chlo_lowering;
namespace hlo = mlir::stablehlo;

namespace {

struct ConstantPattern : OpRewritePattern<chlo::ConstantOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::ConstantOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<hlo::ConstantOp>(op, op.getValue());
    return success();
  }
};

/// A splat constant for static shapes, else a scalar broadcast to the
/// operand's run-time shape.
struct ConstantLikePattern : OpRewritePattern<chlo::ConstantLikeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::ConstantLikeOp op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getType());
    Attribute value = op.getValue();
    if (type.hasStaticShape()) {
      rewriter.replaceOpWithNewOp<hlo::ConstantOp>(op,
                                                   DenseElementsAttr::get(type, value));
      return success();
    }
    Location loc = op.getLoc();
    auto scalarType = RankedTensorType::get({}, type.getElementType());
    Value scalar =
        hlo::ConstantOp::create(rewriter, loc, DenseElementsAttr::get(scalarType, value));
    Value shape = buildShapeOf(rewriter, loc, op.getOperand());
    rewriter.replaceOp(op,
                       broadcastTo(rewriter, loc, scalar, type.getShape(), {}, shape));
    return success();
  }
};

/// The descending comparator `lhs > rhs` of a sort over (values, indices).
void buildDescendingComparator(OpBuilder &b, Location loc, hlo::SortOp sort,
                               Type element) {
  Block *block = b.createBlock(&sort.getComparator());
  auto scalar = RankedTensorType::get({}, element);
  auto index = RankedTensorType::get({}, b.getI32Type());
  Value lhs = block->addArgument(scalar, loc);
  Value rhs = block->addArgument(scalar, loc);
  block->addArgument(index, loc);
  block->addArgument(index, loc);
  hlo::ComparisonType kind = hlo::ComparisonType::TOTALORDER;
  if (element.isUnsignedInteger() || element.isInteger(1))
    kind = hlo::ComparisonType::UNSIGNED;
  else if (isa<IntegerType>(element))
    kind = hlo::ComparisonType::SIGNED;
  MLIRContext *ctx = b.getContext();
  Value greater = hlo::CompareOp::create(
      b, loc, lhs, rhs,
      hlo::ComparisonDirectionAttr::get(ctx, hlo::ComparisonDirection::GT),
      hlo::ComparisonTypeAttr::get(ctx, kind));
  hlo::ReturnOp::create(b, loc, greater);
}

Value i32Vector(OpBuilder &b, Location loc, ArrayRef<int32_t> values) {
  auto type =
      RankedTensorType::get({static_cast<int64_t>(values.size())}, b.getI32Type());
  return hlo::ConstantOp::create(b, loc, DenseIntElementsAttr::get(type, values));
}

/// The first k entries along the last dimension of each sorted tensor.
SmallVector<Value> sliceTopK(OpBuilder &b, Location loc, ValueRange sorted, int64_t k,
                             Value shape, TypeRange resultTypes) {
  auto type = cast<RankedTensorType>(sorted.front().getType());
  int64_t rank = type.getRank();
  SmallVector<Value> results;
  if (!shape) {
    SmallVector<int64_t> start(rank, 0), limit(type.getShape()), strides(rank, 1);
    limit.back() = k;
    for (Value v : sorted)
      results.push_back(hlo::SliceOp::create(b, loc, v, b.getDenseI64ArrayAttr(start),
                                             b.getDenseI64ArrayAttr(limit),
                                             b.getDenseI64ArrayAttr(strides)));
    return results;
  }
  // Run-time limits: the operand's sizes, with k in the last dimension.
  auto vector = RankedTensorType::get({1}, b.getI32Type());
  SmallVector<Value> limits;
  for (int64_t i = 0; i + 1 < rank; ++i)
    limits.push_back(hlo::SliceOp::create(
        b, loc, vector, shape, b.getDenseI64ArrayAttr({i}),
        b.getDenseI64ArrayAttr({i + 1}), b.getDenseI64ArrayAttr({1})));
  limits.push_back(i32Vector(b, loc, {static_cast<int32_t>(k)}));
  Value limit = hlo::ConcatenateOp::create(b, loc, limits, b.getI64IntegerAttr(0));
  Value start = i32Vector(b, loc, SmallVector<int32_t>(rank, 0));
  Value strides = i32Vector(b, loc, SmallVector<int32_t>(rank, 1));
  for (auto [v, t] : llvm::zip(sorted, resultTypes))
    results.push_back(
        hlo::RealDynamicSliceOp::create(b, loc, t, v, start, limit, strides));
  return results;
}

/// top_k: stable descending sort of (values, iota) along the last dimension,
/// then the first k of each (dynamic_iota and real_dynamic_slice for dynamic
/// shapes).
struct TopKPattern : OpRewritePattern<chlo::TopKOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::TopKOp op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<RankedTensorType>(op.getOperand().getType());
    Location loc = op.getLoc();
    int64_t last = type.getRank() - 1;
    auto indexType = type.clone(rewriter.getI32Type());
    Value shape, iota;
    if (type.hasStaticShape()) {
      iota =
          hlo::IotaOp::create(rewriter, loc, indexType, rewriter.getI64IntegerAttr(last));
    } else {
      shape = buildShapeOf(rewriter, loc, op.getOperand());
      iota = hlo::DynamicIotaOp::create(rewriter, loc, indexType, shape,
                                        rewriter.getI64IntegerAttr(last));
    }
    auto sort = hlo::SortOp::create(
        rewriter, loc, TypeRange{type, indexType}, ValueRange{op.getOperand(), iota},
        rewriter.getI64IntegerAttr(last), rewriter.getBoolAttr(true));
    {
      OpBuilder::InsertionGuard guard(rewriter);
      buildDescendingComparator(rewriter, loc, sort, type.getElementType());
    }
    rewriter.replaceOp(op, sliceTopK(rewriter, loc, sort.getResults(), op.getK(), shape,
                                     op.getResultTypes()));
    return success();
  }
};

} // namespace

void cl::populateMiscPatterns(MLIRContext *ctx, RewritePatternSet &patterns) {
  patterns.add<ConstantPattern, ConstantLikePattern, TopKPattern>(ctx);
}
