//===- BroadcastPatterns.cpp - implicitly broadcasting chlo binaries --------===//
//
// Each operand is broadcast to the result shape (broadcast_in_dim when static,
// dynamic_broadcast_in_dim with a run-time shape built from get_dimension_size
// otherwise), then the stablehlo op (or decomposition) is applied.
//
//===----------------------------------------------------------------------===//
#include "Patterns.h"

#include "byteir/Dialect/CHLO/IR/CHLOOps.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace cl = mlir::byteir::chlo_lowering;
namespace hlo = mlir::stablehlo;

namespace {

struct Operand {
  Value value;
  SmallVector<int64_t> dims; // result dimension of each operand dimension
};

Value i32Scalar(OpBuilder &b, Location loc, int64_t value) {
  auto type = RankedTensorType::get({}, b.getI32Type());
  return hlo::ConstantOp::create(
      b, loc, DenseElementsAttr::get(type, b.getI32IntegerAttr(value)));
}

/// The run-time size of result dimension `d`: its static size, else the
/// maximum size of the operand dimensions mapped to it (size-1 ones stretch).
Value resultDimSize(OpBuilder &b, Location loc, ArrayRef<Operand> operands, int64_t d,
                    int64_t size) {
  if (!ShapedType::isDynamic(size))
    return i32Scalar(b, loc, size);
  Value dim;
  for (const Operand &operand : operands) {
    auto type = cast<RankedTensorType>(operand.value.getType());
    for (auto [i, mapped] : llvm::enumerate(operand.dims)) {
      if (mapped != d || type.getDimSize(i) == 1)
        continue;
      Value own =
          hlo::GetDimensionSizeOp::create(b, loc, operand.value, b.getI64IntegerAttr(i));
      dim = dim ? hlo::MaxOp::create(b, loc, dim, own).getResult() : own;
    }
  }
  return dim ? dim : i32Scalar(b, loc, 1);
}

/// The run-time result shape as a 1-D i32 tensor.
Value runtimeShape(OpBuilder &b, Location loc, ArrayRef<Operand> operands,
                   ArrayRef<int64_t> shape) {
  auto vector = RankedTensorType::get({1}, b.getI32Type());
  SmallVector<Value> sizes;
  for (auto [d, size] : llvm::enumerate(shape))
    sizes.push_back(
        hlo::ReshapeOp::create(b, loc, vector, resultDimSize(b, loc, operands, d, size)));
  return hlo::ConcatenateOp::create(b, loc, sizes, b.getI64IntegerAttr(0));
}

/// Broadcasts `operands` to `resultType`'s shape.
SmallVector<Value> broadcastAll(OpBuilder &b, Location loc, ArrayRef<Operand> operands,
                                RankedTensorType resultType) {
  ArrayRef<int64_t> shape = resultType.getShape();
  Value shapeValue;
  if (!resultType.hasStaticShape())
    shapeValue = runtimeShape(b, loc, operands, shape);
  SmallVector<Value> results;
  for (const Operand &operand : operands)
    results.push_back(
        broadcastTo(b, loc, operand.value, shape, operand.dims, shapeValue));
  return results;
}

/// lhs and rhs with their dimension maps under chlo broadcasting rules.
SmallVector<Operand> binaryOperands(Value lhs, Value rhs,
                                    std::optional<ArrayRef<int64_t>> dims,
                                    RankedTensorType resultType) {
  auto lt = cast<RankedTensorType>(lhs.getType());
  auto rt = cast<RankedTensorType>(rhs.getType());
  ArrayRef<int64_t> shape = resultType.getShape();
  return {{lhs, chlo::broadcastOperandDims(lt.getShape(), shape, dims, rt.getRank())},
          {rhs, chlo::broadcastOperandDims(rt.getShape(), shape, dims, lt.getRank())}};
}

template <typename Op> SmallVector<Value> broadcastBinary(OpBuilder &b, Op op) {
  auto resultType = cast<RankedTensorType>(op.getType());
  std::optional<ArrayRef<int64_t>> dims;
  if (auto attr = op.getBroadcastDimensionsAttr())
    dims = attr.asArrayRef();
  return broadcastAll(b, op.getLoc(),
                      binaryOperands(op.getLhs(), op.getRhs(), dims, resultType),
                      resultType);
}

/// chlo.broadcast_<op> -> broadcasts + stablehlo.<op>.
template <typename ChloOp, typename HloOp>
struct BroadcastBinaryPattern : OpRewritePattern<ChloOp> {
  using OpRewritePattern<ChloOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(ChloOp op, PatternRewriter &rewriter) const override {
    SmallVector<Value> v = broadcastBinary(rewriter, op);
    rewriter.replaceOpWithNewOp<HloOp>(op, op.getType(), v[0], v[1]);
    return success();
  }
};

/// broadcast_next_after, broadcast_polygamma, broadcast_zeta.
template <typename ChloOp> struct BroadcastFunctionPattern : OpRewritePattern<ChloOp> {
  BroadcastFunctionPattern(MLIRContext *ctx, BinaryFn fn, bool widen)
      : OpRewritePattern<ChloOp>(ctx), fn(fn), widen(widen) {}
  LogicalResult matchAndRewrite(ChloOp op, PatternRewriter &rewriter) const override {
    SmallVector<Value> v = broadcastBinary(rewriter, op);
    rewriter.replaceOp(op, computeBinary(rewriter, op.getLoc(), v[0], v[1], fn, widen));
    return success();
  }
  BinaryFn fn;
  bool widen;
};

struct BroadcastComparePattern : OpRewritePattern<chlo::BroadcastCompareOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::BroadcastCompareOp op,
                                PatternRewriter &rewriter) const override {
    SmallVector<Value> v = broadcastBinary(rewriter, op);
    MLIRContext *ctx = op.getContext();
    hlo::ComparisonTypeAttr kind;
    if (auto type = op.getCompareType())
      kind = hlo::ComparisonTypeAttr::get(ctx, *type);
    rewriter.replaceOpWithNewOp<hlo::CompareOp>(
        op, op.getType(), v[0], v[1],
        hlo::ComparisonDirectionAttr::get(ctx, op.getComparisonDirection()), kind);
    return success();
  }
};

struct BroadcastSelectPattern : OpRewritePattern<chlo::BroadcastSelectOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::BroadcastSelectOp op,
                                PatternRewriter &rewriter) const override {
    auto resultType = cast<RankedTensorType>(op.getType());
    SmallVector<Operand> operands;
    for (Value v : op->getOperands()) {
      auto type = cast<RankedTensorType>(v.getType());
      operands.push_back(
          {v, chlo::broadcastOperandDims(type.getShape(), resultType.getShape(),
                                         std::nullopt, resultType.getRank())});
    }
    SmallVector<Value> v = broadcastAll(rewriter, op.getLoc(), operands, resultType);
    rewriter.replaceOpWithNewOp<hlo::SelectOp>(op, resultType, v[0], v[1], v[2]);
    return success();
  }
};

} // namespace

Value cl::broadcastTo(OpBuilder &b, Location loc, Value value, ArrayRef<int64_t> shape,
                      ArrayRef<int64_t> dims, Value runtimeShape) {
  auto type = cast<RankedTensorType>(value.getType());
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  bool identity = type.getRank() == resultType.getRank() &&
                  llvm::all_of(llvm::enumerate(dims), [](auto p) {
                    return p.value() == static_cast<int64_t>(p.index());
                  });
  if (!runtimeShape) {
    if (identity && type == resultType)
      return value;
    return hlo::BroadcastInDimOp::create(b, loc, resultType, value, dims);
  }
  return hlo::DynamicBroadcastInDimOp::create(b, loc, resultType, value, runtimeShape,
                                              dims, nullptr, nullptr);
}

void cl::populateBroadcastPatterns(MLIRContext *ctx, RewritePatternSet &patterns) {
  using namespace mlir::chlo;
  patterns
      .add<BroadcastBinaryPattern<BroadcastAddOp, hlo::AddOp>,
           BroadcastBinaryPattern<BroadcastSubOp, hlo::SubtractOp>,
           BroadcastBinaryPattern<BroadcastMulOp, hlo::MulOp>,
           BroadcastBinaryPattern<BroadcastDivOp, hlo::DivOp>,
           BroadcastBinaryPattern<BroadcastMaxOp, hlo::MaxOp>,
           BroadcastBinaryPattern<BroadcastMinOp, hlo::MinOp>,
           BroadcastBinaryPattern<BroadcastPowOp, hlo::PowOp>,
           BroadcastBinaryPattern<BroadcastRemOp, hlo::RemOp>,
           BroadcastBinaryPattern<BroadcastAtan2Op, hlo::Atan2Op>,
           BroadcastBinaryPattern<BroadcastAndOp, hlo::AndOp>,
           BroadcastBinaryPattern<BroadcastOrOp, hlo::OrOp>,
           BroadcastBinaryPattern<BroadcastXorOp, hlo::XorOp>,
           BroadcastBinaryPattern<BroadcastShiftLeftOp, hlo::ShiftLeftOp>,
           BroadcastBinaryPattern<BroadcastShiftRightArithmeticOp,
                                  hlo::ShiftRightArithmeticOp>,
           BroadcastBinaryPattern<BroadcastShiftRightLogicalOp, hlo::ShiftRightLogicalOp>,
           BroadcastBinaryPattern<BroadcastComplexOp, hlo::ComplexOp>,
           BroadcastComparePattern, BroadcastSelectPattern>(ctx);
  patterns.add<BroadcastFunctionPattern<BroadcastNextAfterOp>>(ctx, buildNextAfter,
                                                               false);
  patterns.add<BroadcastFunctionPattern<BroadcastPolygammaOp>>(ctx, buildPolygamma, true);
  patterns.add<BroadcastFunctionPattern<BroadcastZetaOp>>(ctx, buildZeta, true);
}
