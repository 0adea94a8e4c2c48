//===- ExpandBF16Conversions.cpp - float conversions without a compiler runtime ===//
//
// f32<->bf16 use the upstream expansion. f64 -> f16/bf16 have no instruction on
// x86 and LLVM calls __truncdfhf2 / __truncdfbf2 for them; they are rewritten here
// into integer arithmetic on the f64 bits (round to nearest even, with subnormal
// results, overflow to infinity and quiet NaNs).
//
//===----------------------------------------------------------------------===//
#include "byteir/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_EXPANDBF16CONVERSIONS
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

namespace {
// Bit layout of an IEEE binary format.
struct Format {
  unsigned width, mantissa;
  int64_t bias;
  explicit Format(FloatType t)
      : width(t.getWidth()), mantissa(llvm::APFloat::semanticsPrecision(t.getFloatSemantics()) - 1),
        bias(llvm::APFloat::semanticsMaxExponent(t.getFloatSemantics())) {}
  uint64_t infBits() const { return ((uint64_t(1) << (width - 1 - mantissa)) - 1) << mantissa; }
};

// Emits integer constants and ops of one (scalar or vector) integer type.
class IntBuilder {
public:
  IntBuilder(PatternRewriter &rewriter, Location loc, Type type)
      : b(rewriter), loc(loc), type(type) {}
  Value c(int64_t v) { return arith::ConstantOp::create(b, loc, attr(type, v)); }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return arith::SubIOp::create(b, loc, x, y); }
  Value band(Value x, Value y) { return arith::AndIOp::create(b, loc, x, y); }
  Value bor(Value x, Value y) { return arith::OrIOp::create(b, loc, x, y); }
  Value shl(Value x, Value y) { return arith::ShLIOp::create(b, loc, x, y); }
  Value shr(Value x, Value y) { return arith::ShRUIOp::create(b, loc, x, y); }
  Value cmp(arith::CmpIPredicate p, Value x, Value y) {
    return arith::CmpIOp::create(b, loc, p, x, y);
  }
  Value select(Value cond, Value x, Value y) { return arith::SelectOp::create(b, loc, cond, x, y); }
  Value umin(Value x, Value y) { return arith::MinUIOp::create(b, loc, x, y); }
  // `x >> s` rounded to nearest even; needs 1 <= s < width - 1 and x < 2^(width-2).
  Value shrRoundEven(Value x, Value s) {
    Value one = c(1);
    Value half = sub(shl(one, sub(s, one)), one);
    Value odd = band(shr(x, s), one);
    return shr(add(add(x, half), odd), s);
  }

private:
  static TypedAttr attr(Type type, int64_t v) {
    if (auto shaped = dyn_cast<ShapedType>(type))
      return DenseElementsAttr::get(shaped, IntegerAttr::get(shaped.getElementType(), v));
    return IntegerAttr::get(type, v);
  }
  PatternRewriter &b;
  Location loc;
  Type type;
};

Type withElement(Type like, Type element) {
  if (auto shaped = dyn_cast<ShapedType>(like))
    return shaped.clone(element);
  return element;
}

// arith.truncf f64 -> f16 / bf16 as integer arithmetic on the source bits.
struct ExpandF64Trunc : OpRewritePattern<arith::TruncFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::TruncFOp op, PatternRewriter &rewriter) const override {
    auto srcType = dyn_cast<FloatType>(getElementTypeOrSelf(op.getIn().getType()));
    auto dstType = dyn_cast<FloatType>(getElementTypeOrSelf(op.getType()));
    if (!srcType || !dstType || !srcType.isF64() || !(dstType.isF16() || dstType.isBF16()))
      return failure();
    Format src(srcType), dst(dstType);
    Location loc = op.getLoc();
    Type wide = withElement(op.getType(), rewriter.getIntegerType(src.width));
    Type narrow = withElement(op.getType(), rewriter.getIntegerType(dst.width));
    IntBuilder i(rewriter, loc, wide);
    Value bits = arith::BitcastOp::create(rewriter, loc, wide, op.getIn());
    Value sign = i.shr(bits, i.c(src.width - 1));
    Value mag = i.band(bits, i.c((uint64_t(1) << (src.width - 1)) - 1));
    Value magnitude = roundMagnitude(i, mag, src, dst);
    Value isNaN = i.cmp(arith::CmpIPredicate::ugt, mag, i.c(src.infBits()));
    // A NaN keeps its top payload bits and becomes quiet.
    Value nan = i.bor(i.c(dst.infBits() | (uint64_t(1) << (dst.mantissa - 1))),
                      i.shr(i.band(mag, i.c((uint64_t(1) << src.mantissa) - 1)),
                            i.c(src.mantissa - dst.mantissa)));
    Value result = i.bor(i.select(isNaN, nan, magnitude), i.shl(sign, i.c(dst.width - 1)));
    Value truncated = arith::TruncIOp::create(rewriter, loc, narrow, result);
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(op, op.getType(), truncated);
    return success();
  }

private:
  // The destination bits of the non-NaN magnitude `mag` (source bits without sign).
  static Value roundMagnitude(IntBuilder &i, Value mag, const Format &src, const Format &dst) {
    int64_t drop = src.mantissa - dst.mantissa;
    Value exponent = i.shr(mag, i.c(src.mantissa));
    // Normal result: rebias the exponent in place, round the mantissa away;
    // a carry out of the mantissa correctly bumps the exponent (up to infinity).
    Value normal =
        i.shrRoundEven(i.sub(mag, i.c((src.bias - dst.bias) << src.mantissa)), i.c(drop));
    normal = i.umin(normal, i.c(dst.infBits()));
    // Subnormal result: the mantissa with its implicit bit, shifted by the
    // exponent deficit too; shifts past mantissa+2 bits round to zero anyway.
    Value full = i.bor(i.band(mag, i.c((uint64_t(1) << src.mantissa) - 1)),
                       i.c(uint64_t(1) << src.mantissa));
    Value minNormal = i.c(src.bias - dst.bias + 1);
    Value deficit = i.umin(i.sub(minNormal, exponent), i.c(src.mantissa + 2 - drop));
    Value subnormal = i.shrRoundEven(full, i.add(deficit, i.c(drop)));
    Value isNormal = i.cmp(arith::CmpIPredicate::uge, exponent, minNormal);
    return i.select(isNormal, normal, subnormal);
  }
};

struct ExpandBF16ConversionsPass
    : public byteir::impl::ExpandBF16ConversionsBase<ExpandBF16ConversionsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    arith::populateExpandBFloat16Patterns(patterns);
    patterns.add<ExpandF64Trunc>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
