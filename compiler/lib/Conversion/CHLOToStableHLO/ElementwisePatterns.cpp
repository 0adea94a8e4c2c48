//===- ElementwisePatterns.cpp - unary and binary chlo functions ------------===//
#include "Patterns.h"

#include "byteir/Dialect/CHLO/IR/CHLOOps.h"
#include "mlir/IR/TypeUtilities.h"

#include <limits>

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace cl = mlir::byteir::chlo_lowering;
namespace hlo = mlir::stablehlo;

Value cl::computeWidened(OpBuilder &b, Location loc, ValueRange operands,
                         function_ref<Value(ExprBuilder &, ValueRange)> fn) {
  auto element = cast<FloatType>(getElementTypeOrSelf(operands.front().getType()));
  if (element.getWidth() >= 32) {
    ExprBuilder e(b, loc, operands.front());
    return fn(e, operands);
  }
  SmallVector<Value> wide;
  for (Value v : operands)
    wide.push_back(hlo::ConvertOp::create(b, loc, v, b.getF32Type()));
  ExprBuilder e(b, loc, wide.front());
  return hlo::ConvertOp::create(b, loc, fn(e, wide), element);
}

Value cl::computeUnary(OpBuilder &b, Location loc, Value x, UnaryFn fn) {
  return computeWidened(b, loc, x,
                        [&](ExprBuilder &e, ValueRange v) { return fn(e, v[0]); });
}

Value cl::computeBinary(OpBuilder &b, Location loc, Value x, Value y, BinaryFn fn,
                        bool widen) {
  if (!widen) {
    ExprBuilder e(b, loc, x);
    return fn(e, x, y);
  }
  return computeWidened(b, loc, {x, y},
                        [&](ExprBuilder &e, ValueRange v) { return fn(e, v[0], v[1]); });
}

namespace {

/// A unary chlo function: `real` on float tensors, `complex` (if any) on
/// complex tensors.
template <typename Op> struct UnaryFunctionPattern : OpRewritePattern<Op> {
  UnaryFunctionPattern(MLIRContext *ctx, UnaryFn real, UnaryFn complex = nullptr)
      : OpRewritePattern<Op>(ctx), real(real), complex(complex) {}

  LogicalResult matchAndRewrite(Op op, PatternRewriter &rewriter) const override {
    Value x = op.getOperand();
    Value result;
    if (isa<ComplexType>(getElementTypeOrSelf(x.getType()))) {
      if (!complex)
        return rewriter.notifyMatchFailure(op, "complex operands are not supported");
      ExprBuilder e(rewriter, op.getLoc(), x);
      result = complex(e, x);
    } else {
      result = computeUnary(rewriter, op.getLoc(), x, real);
    }
    rewriter.replaceOp(op, result);
    return success();
  }

  UnaryFn real, complex;
};

/// A non-broadcasting binary chlo function of two float tensors.
template <typename Op> struct BinaryFunctionPattern : OpRewritePattern<Op> {
  BinaryFunctionPattern(MLIRContext *ctx, BinaryFn fn, bool widen)
      : OpRewritePattern<Op>(ctx), fn(fn), widen(widen) {}

  LogicalResult matchAndRewrite(Op op, PatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, computeBinary(rewriter, op.getLoc(), op.getLhs(), op.getRhs(), fn, widen));
    return success();
  }

  BinaryFn fn;
  bool widen;
};

Value tangent(ExprBuilder &e, Value x) { return e.tan(x); }

/// is_inf, is_pos_inf, is_neg_inf: comparisons in the operand's own type.
template <typename Op> struct InfinityTestPattern : OpRewritePattern<Op> {
  InfinityTestPattern(MLIRContext *ctx, bool positive, bool negative)
      : OpRewritePattern<Op>(ctx), positive(positive), negative(negative) {}

  LogicalResult matchAndRewrite(Op op, PatternRewriter &rewriter) const override {
    Value x = op.getOperand();
    ExprBuilder e(rewriter, op.getLoc(), x);
    constexpr double inf = std::numeric_limits<double>::infinity();
    Value result;
    if (positive && negative)
      result = e.eq(e.abs(x), e.cst(inf));
    else
      result = e.eq(x, e.cst(positive ? inf : -inf));
    rewriter.replaceOp(op, result);
    return success();
  }

  bool positive, negative;
};

/// conj: identity on real tensors.
struct ConjPattern : OpRewritePattern<chlo::ConjOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::ConjOp op,
                                PatternRewriter &rewriter) const override {
    Value z = op.getOperand();
    if (!isa<ComplexType>(getElementTypeOrSelf(z.getType()))) {
      rewriter.replaceOp(op, z);
      return success();
    }
    ExprBuilder e(rewriter, op.getLoc(), z);
    rewriter.replaceOp(op, buildConj(e, z));
    return success();
  }
};

/// square: x * x for every element type.
struct SquarePattern : OpRewritePattern<chlo::SquareOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(chlo::SquareOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<hlo::MulOp>(op, op.getOperand(), op.getOperand());
    return success();
  }
};

} // namespace

void cl::populateElementwisePatterns(MLIRContext *ctx, RewritePatternSet &patterns) {
  using namespace mlir::chlo;
  patterns.add<UnaryFunctionPattern<ErfOp>>(ctx, buildErf);
  patterns.add<UnaryFunctionPattern<ErfcOp>>(ctx, buildErfc);
  patterns.add<UnaryFunctionPattern<ErfInvOp>>(ctx, buildErfInv);
  patterns.add<UnaryFunctionPattern<LgammaOp>>(ctx, buildLgamma);
  patterns.add<UnaryFunctionPattern<DigammaOp>>(ctx, buildDigamma);
  patterns.add<UnaryFunctionPattern<BesselI1eOp>>(ctx, buildBesselI1e);
  patterns.add<UnaryFunctionPattern<SinhOp>>(ctx, buildSinh, buildComplexSinh);
  patterns.add<UnaryFunctionPattern<CoshOp>>(ctx, buildCosh, buildComplexCosh);
  patterns.add<UnaryFunctionPattern<AsinOp>>(ctx, buildAsin, buildComplexAsin);
  patterns.add<UnaryFunctionPattern<AcosOp>>(ctx, buildAcos, buildComplexAcos);
  patterns.add<UnaryFunctionPattern<AtanOp>>(ctx, buildAtan, buildComplexAtan);
  patterns.add<UnaryFunctionPattern<AsinhOp>>(ctx, buildAsinh, buildComplexAsinh);
  patterns.add<UnaryFunctionPattern<AcoshOp>>(ctx, buildAcosh, buildComplexAcosh);
  patterns.add<UnaryFunctionPattern<AtanhOp>>(ctx, buildAtanh, buildComplexAtanh);
  patterns.add<UnaryFunctionPattern<TanOp>>(ctx, tangent, tangent);
  patterns.add<ConjPattern, SquarePattern>(ctx);
  patterns.add<InfinityTestPattern<IsInfOp>>(ctx, true, true);
  patterns.add<InfinityTestPattern<IsPosInfOp>>(ctx, true, false);
  patterns.add<InfinityTestPattern<IsNegInfOp>>(ctx, false, true);
  patterns.add<BinaryFunctionPattern<NextAfterOp>>(ctx, buildNextAfter, false);
  patterns.add<BinaryFunctionPattern<PolygammaOp>>(ctx, buildPolygamma, true);
  patterns.add<BinaryFunctionPattern<ZetaOp>>(ctx, buildZeta, true);
}
