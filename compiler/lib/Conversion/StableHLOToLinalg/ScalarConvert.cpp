//===- ScalarConvert.cpp - conversions, compare, select, clamp ------------===//
#include "ScalarInternal.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;
using namespace mlir::byteir::hlo_linalg::scalar_impl;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

Value scalar_impl::intConst(OpBuilder &b, Location loc, Type type, const APInt &value) {
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(type, value));
}

Value scalar_impl::intConst(OpBuilder &b, Location loc, Type type, int64_t value) {
  unsigned w = cast<IntegerType>(type).getWidth();
  return intConst(b, loc, type, APInt(w, value, /*isSigned=*/true, /*implicitTrunc=*/true));
}

Value scalar_impl::floatConst(OpBuilder &b, Location loc, Type type, double value) {
  auto ft = cast<FloatType>(type);
  APFloat v(value);
  bool losesInfo;
  v.convert(ft.getFloatSemantics(), APFloat::rmNearestTiesToEven, &losesInfo);
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(ft, v));
}

Value scalar_impl::isNaN(OpBuilder &b, Location loc, Value x) {
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, x, x);
}

Value mlir::byteir::hlo_linalg::emitScalarConstant(OpBuilder &b, Location loc, Type type,
                                                    double value) {
  type = toSignless(type);
  if (isa<IndexType>(type))
    return arith::ConstantIndexOp::create(b, loc, static_cast<int64_t>(value));
  if (isa<IntegerType>(type))
    return intConst(b, loc, type, static_cast<int64_t>(value));
  if (isa<FloatType>(type))
    return floatConst(b, loc, type, value);
  auto ct = cast<ComplexType>(type);
  Value re = floatConst(b, loc, ct.getElementType(), value);
  Value im = floatConst(b, loc, ct.getElementType(), 0.0);
  return complex::CreateOp::create(b, loc, ct, re, im);
}

namespace {

/// The float value 2^exp in `ft` (inf when it overflows the format).
Value powerOfTwo(OpBuilder &b, Location loc, FloatType ft, unsigned exp) {
  APFloat v = APFloat(std::ldexp(1.0, static_cast<int>(exp)));
  bool losesInfo;
  v.convert(ft.getFloatSemantics(), APFloat::rmNearestTiesToEven, &losesInfo);
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(ft, v));
}

/// Float to integer: truncate toward zero, saturate out-of-range values, NaN -> 0.
Value floatToInt(OpBuilder &b, Location loc, Value x, FloatType src, IntegerType dst) {
  Type it = toSignless(dst);
  unsigned w = dst.getWidth();
  Value r;
  Value tooBig, tooSmall, maxV, minV;
  if (dst.isUnsigned()) {
    r = arith::FPToUIOp::create(b, loc, it, x);
    tooBig = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, x,
                                   powerOfTwo(b, loc, src, w));
    tooSmall = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x,
                                     floatConst(b, loc, src, 0.0));
    maxV = intConst(b, loc, it, APInt::getMaxValue(w));
    minV = intConst(b, loc, it, 0);
  } else {
    r = arith::FPToSIOp::create(b, loc, it, x);
    Value limit = powerOfTwo(b, loc, src, w - 1);
    // When 2^(w-1) overflows the source format (f16 -> i32) the limit is inf:
    // x >= inf still catches +inf, and -inf needs `<=`.
    bool limitIsInf =
        cast<FloatAttr>(limit.getDefiningOp<arith::ConstantOp>().getValue()).getValue().isInfinity();
    tooBig = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE, x, limit);
    tooSmall = arith::CmpFOp::create(
        b, loc, limitIsInf ? arith::CmpFPredicate::OLE : arith::CmpFPredicate::OLT, x,
        arith::NegFOp::create(b, loc, limit));
    maxV = intConst(b, loc, it, APInt::getSignedMaxValue(w));
    minV = intConst(b, loc, it, APInt::getSignedMinValue(w));
  }
  r = arith::SelectOp::create(b, loc, tooBig, maxV, r);
  r = arith::SelectOp::create(b, loc, tooSmall, minV, r);
  return arith::SelectOp::create(b, loc, isNaN(b, loc, x), intConst(b, loc, it, 0), r);
}

Value floatToFloat(OpBuilder &b, Location loc, Value x, FloatType src, FloatType dst) {
  if (src == dst)
    return x;
  if (src.getWidth() < dst.getWidth())
    return arith::ExtFOp::create(b, loc, dst, x);
  if (src.getWidth() > dst.getWidth())
    return arith::TruncFOp::create(b, loc, dst, x);
  // Same width, different format (f16 <-> bf16): go through f32.
  Value wide = arith::ExtFOp::create(b, loc, b.getF32Type(), x);
  return arith::TruncFOp::create(b, loc, dst, wide);
}

Value intToInt(OpBuilder &b, Location loc, Value x, IntegerType src, IntegerType dst) {
  Type it = toSignless(dst);
  unsigned sw = src.getWidth(), dw = dst.getWidth();
  if (sw == dw)
    return x;
  if (sw > dw)
    return arith::TruncIOp::create(b, loc, it, x);
  if (src.isUnsigned() || sw == 1)
    return arith::ExtUIOp::create(b, loc, it, x);
  return arith::ExtSIOp::create(b, loc, it, x);
}

Value toBool(OpBuilder &b, Location loc, Value x, Type src) {
  if (src.isInteger(1))
    return x;
  if (isa<IntegerType>(src))
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                 intConst(b, loc, x.getType(), 0));
  if (isa<FloatType>(src))
    return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNE, x,
                                 floatConst(b, loc, src, 0.0));
  auto ct = cast<ComplexType>(src);
  Type ft = ct.getElementType();
  Value re = complex::ReOp::create(b, loc, ft, x);
  Value im = complex::ImOp::create(b, loc, ft, x);
  return arith::OrIOp::create(b, loc, toBool(b, loc, re, ft), toBool(b, loc, im, ft));
}

/// Real (non-complex) to real conversion.
Value realToReal(OpBuilder &b, Location loc, Value x, Type src, Type dst) {
  if (dst.isInteger(1))
    return toBool(b, loc, x, src);
  auto si = dyn_cast<IntegerType>(src), di = dyn_cast<IntegerType>(dst);
  auto sf = dyn_cast<FloatType>(src), df = dyn_cast<FloatType>(dst);
  if (si && di)
    return intToInt(b, loc, x, si, di);
  if (si && df) {
    if (si.isUnsigned() || si.getWidth() == 1)
      return arith::UIToFPOp::create(b, loc, df, x);
    return arith::SIToFPOp::create(b, loc, df, x);
  }
  if (sf && di)
    return floatToInt(b, loc, x, sf, di);
  if (sf && df)
    return floatToFloat(b, loc, x, sf, df);
  return {};
}

} // namespace

Value mlir::byteir::hlo_linalg::emitConvert(OpBuilder &b, Location loc, Value x, Type src,
                                             Type dst) {
  src = getElementTypeOrSelf(src);
  dst = getElementTypeOrSelf(dst);
  if (src == dst)
    return x;
  auto sc = dyn_cast<ComplexType>(src), dc = dyn_cast<ComplexType>(dst);
  if (sc && dc) {
    Type sf = sc.getElementType(), df = dc.getElementType();
    Value re = floatToFloat(b, loc, complex::ReOp::create(b, loc, sf, x), cast<FloatType>(sf),
                            cast<FloatType>(df));
    Value im = floatToFloat(b, loc, complex::ImOp::create(b, loc, sf, x), cast<FloatType>(sf),
                            cast<FloatType>(df));
    return complex::CreateOp::create(b, loc, dc, re, im);
  }
  if (sc) {
    if (dst.isInteger(1))
      return toBool(b, loc, x, src);
    Value re = complex::ReOp::create(b, loc, sc.getElementType(), x);
    return realToReal(b, loc, re, sc.getElementType(), dst);
  }
  if (dc) {
    Type df = dc.getElementType();
    Value re = realToReal(b, loc, x, src, df);
    if (!re)
      return {};
    return complex::CreateOp::create(b, loc, dc, re, floatConst(b, loc, df, 0.0));
  }
  return realToReal(b, loc, x, src, dst);
}

namespace {

//===----------------------------------------------------------------------===//
// compare
//===----------------------------------------------------------------------===//

/// Maps a float's bits to a signed integer whose order is the IEEE total order
/// (-NaN < -inf < ... < -0 < +0 < ... < +inf < +NaN).
Value totalOrderKey(OpBuilder &b, Location loc, Value x, FloatType ft) {
  unsigned w = ft.getWidth();
  Type it = b.getIntegerType(w);
  Value bits = arith::BitcastOp::create(b, loc, it, x);
  Value negative = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, bits,
                                         intConst(b, loc, it, 0));
  Value flipped = arith::XOrIOp::create(b, loc, bits,
                                        intConst(b, loc, it, APInt::getSignedMaxValue(w)));
  return arith::SelectOp::create(b, loc, negative, flipped, bits);
}

arith::CmpIPredicate intPredicate(stablehlo::ComparisonDirection d, bool isUnsigned) {
  using D = stablehlo::ComparisonDirection;
  using P = arith::CmpIPredicate;
  switch (d) {
  case D::EQ: return P::eq;
  case D::NE: return P::ne;
  case D::GE: return isUnsigned ? P::uge : P::sge;
  case D::GT: return isUnsigned ? P::ugt : P::sgt;
  case D::LE: return isUnsigned ? P::ule : P::sle;
  case D::LT: return isUnsigned ? P::ult : P::slt;
  }
  llvm_unreachable("bad comparison direction");
}

/// Ordered predicates, except NE which is unordered (NaN != x holds).
arith::CmpFPredicate floatPredicate(stablehlo::ComparisonDirection d) {
  using D = stablehlo::ComparisonDirection;
  using P = arith::CmpFPredicate;
  switch (d) {
  case D::EQ: return P::OEQ;
  case D::NE: return P::UNE;
  case D::GE: return P::OGE;
  case D::GT: return P::OGT;
  case D::LE: return P::OLE;
  case D::LT: return P::OLT;
  }
  llvm_unreachable("bad comparison direction");
}

Value emitCompare(OpBuilder &b, Location loc, stablehlo::CompareOp op, Type elem, Value x,
                  Value y) {
  using CT = stablehlo::ComparisonType;
  stablehlo::ComparisonDirection dir = op.getComparisonDirection();
  std::optional<CT> ct = op.getCompareType();
  if (auto ft = dyn_cast<FloatType>(elem)) {
    if (ct == CT::TOTALORDER)
      return arith::CmpIOp::create(b, loc, intPredicate(dir, /*isUnsigned=*/false),
                                   totalOrderKey(b, loc, x, ft), totalOrderKey(b, loc, y, ft));
    return arith::CmpFOp::create(b, loc, floatPredicate(dir), x, y);
  }
  if (auto it = dyn_cast<IntegerType>(elem)) {
    bool isUnsigned = ct == CT::UNSIGNED ||
                      (ct != CT::SIGNED && (it.isUnsigned() || it.getWidth() == 1));
    return arith::CmpIOp::create(b, loc, intPredicate(dir, isUnsigned), x, y);
  }
  if (isa<ComplexType>(elem)) {
    if (dir == stablehlo::ComparisonDirection::EQ)
      return complex::EqualOp::create(b, loc, x, y);
    if (dir == stablehlo::ComparisonDirection::NE)
      return complex::NotEqualOp::create(b, loc, x, y);
  }
  return {};
}

//===----------------------------------------------------------------------===//
// bitcast_convert, reduce_precision
//===----------------------------------------------------------------------===//

Value emitBitcast(OpBuilder &b, Location loc, Type src, Type dst, Value x) {
  Type s = toSignless(src), d = toSignless(dst);
  if (s == d)
    return x;
  if (!s.isIntOrFloat() || !d.isIntOrFloat() ||
      s.getIntOrFloatBitWidth() != d.getIntOrFloatBitWidth())
    return {};
  return arith::BitcastOp::create(b, loc, d, x);
}

/// Rounds x (round to nearest even) to `mantBits` mantissa bits and clamps its
/// exponent to `expBits` (overflow -> +-inf, underflow and target denormals ->
/// +-0), keeping the type. NaN stays NaN.
Value emitReducePrecision(OpBuilder &b, Location loc, FloatType ft, Value x, unsigned expBits,
                          unsigned mantBits) {
  unsigned w = ft.getWidth();
  unsigned srcMant = ft.getFPMantissaWidth() - 1;
  unsigned srcExp = w - srcMant - 1;
  Type it = b.getIntegerType(w);
  auto c = [&](const APInt &v) { return intConst(b, loc, it, v); };
  auto cu = [&](uint64_t v) { return c(APInt(w, v)); };
  Value bits = arith::BitcastOp::create(b, loc, it, x);
  if (mantBits < srcMant) {
    unsigned drop = srcMant - mantBits;
    APInt lastKept = APInt::getOneBitSet(w, drop);
    APInt halfMinusOne = lastKept.lshr(1) - 1;
    Value lastBit = arith::ShRUIOp::create(
        b, loc, arith::AndIOp::create(b, loc, bits, c(lastKept)), cu(drop));
    Value bias = arith::AddIOp::create(b, loc, lastBit, c(halfMinusOne));
    Value rounded = arith::AddIOp::create(b, loc, bits, bias);
    bits = arith::AndIOp::create(b, loc, rounded, c(~(lastKept - 1)));
  }
  if (expBits < srcExp) {
    APInt signMask = APInt::getSignMask(w);
    APInt expMask = APInt::getBitsSet(w, srcMant, srcMant + srcExp);
    int64_t srcBias = (int64_t(1) << (srcExp - 1)) - 1;
    int64_t dstBias = (int64_t(1) << (expBits - 1)) - 1;
    Value exponent = arith::AndIOp::create(b, loc, bits, c(expMask));
    Value overflow = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ugt, exponent,
                                           cu(uint64_t(srcBias + dstBias) << srcMant));
    Value underflow = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ule, exponent,
                                            cu(uint64_t(srcBias - dstBias) << srcMant));
    Value signedZero = arith::AndIOp::create(b, loc, bits, c(signMask));
    Value signedInf = arith::OrIOp::create(b, loc, signedZero, c(expMask));
    bits = arith::SelectOp::create(b, loc, underflow, signedZero, bits);
    bits = arith::SelectOp::create(b, loc, overflow, signedInf, bits);
  }
  Value y = arith::BitcastOp::create(b, loc, ft, bits);
  return arith::SelectOp::create(b, loc, isNaN(b, loc, x), x, y);
}

Value emitRealPart(OpBuilder &b, Location loc, Type elem, Value x, bool imag) {
  if (auto ct = dyn_cast<ComplexType>(elem)) {
    if (imag)
      return complex::ImOp::create(b, loc, ct.getElementType(), x);
    return complex::ReOp::create(b, loc, ct.getElementType(), x);
  }
  if (!isa<FloatType>(elem))
    return {};
  return imag ? floatConst(b, loc, elem, 0.0) : x;
}

} // namespace

Value scalar_impl::emitMisc(OpBuilder &b, Location loc, Operation *op, const OrigTypes &t,
                       ValueRange args) {
  using namespace stablehlo;
  Type e0 = t.operands.front();
  return llvm::TypeSwitch<Operation *, Value>(op)
      .Case<CompareOp>([&](CompareOp c) { return emitCompare(b, loc, c, e0, args[0], args[1]); })
      .Case<SelectOp>(
          [&](auto) { return arith::SelectOp::create(b, loc, args[0], args[1], args[2]); })
      .Case<ClampOp>([&](auto) -> Value {
        Type e = t.operands[1];
        if (!isa<FloatType, IntegerType>(e))
          return {};
        Value lo = emitMax(b, loc, e, args[1], args[0]);
        return emitMin(b, loc, e, lo, args[2]);
      })
      .Case<ConvertOp>([&](auto) { return emitConvert(b, loc, args[0], e0, t.result); })
      .Case<BitcastConvertOp>([&](auto) { return emitBitcast(b, loc, e0, t.result, args[0]); })
      .Case<ReducePrecisionOp>([&](ReducePrecisionOp r) -> Value {
        auto ft = dyn_cast<FloatType>(e0);
        if (!ft || !(ft.isF16() || ft.isBF16() || ft.isF32() || ft.isF64()))
          return {};
        return emitReducePrecision(b, loc, ft, args[0], r.getExponentBits(),
                                   r.getMantissaBits());
      })
      .Case<RealOp>([&](auto) { return emitRealPart(b, loc, e0, args[0], false); })
      .Case<ImagOp>([&](auto) { return emitRealPart(b, loc, e0, args[0], true); })
      .Default([](Operation *) { return Value(); });
}
