//===- ScalarBinary.cpp - binary stablehlo ops on one element -------------===//
#include "ScalarInternal.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;
using namespace mlir::byteir::hlo_linalg::scalar_impl;

namespace {

using Pred = arith::CmpIPredicate;

Value cmpi(OpBuilder &b, Location loc, Pred p, Value x, Value y) {
  return arith::CmpIOp::create(b, loc, p, x, y);
}

Value select(OpBuilder &b, Location loc, Value c, Value x, Value y) {
  return arith::SelectOp::create(b, loc, c, x, y);
}

/// Float op / complex op / integer op, chosen by the element type. i1 uses
/// BoolOp when given (add is or, multiply is and).
template <typename FOp, typename COp, typename IOp, typename BoolOp = IOp>
Value arithmetic(OpBuilder &b, Location loc, Type elem, Value x, Value y) {
  if (isa<FloatType>(elem))
    return FOp::create(b, loc, x, y);
  if (isa<ComplexType>(elem))
    return COp::create(b, loc, x, y);
  if (elem.isInteger(1))
    return BoolOp::create(b, loc, x, y);
  if (isa<IntegerType>(elem))
    return IOp::create(b, loc, x, y);
  return {};
}

/// Integer division: x / 0 is -1 (all ones, also for unsigned); the signed
/// overflow INT_MIN / -1 is INT_MIN.
Value emitIntDiv(OpBuilder &b, Location loc, IntegerType elem, Value x, Value y) {
  Type t = x.getType();
  unsigned w = elem.getWidth();
  Value zero = intConst(b, loc, t, 0);
  Value one = intConst(b, loc, t, 1);
  Value allOnes = intConst(b, loc, t, APInt::getAllOnes(w));
  Value byZero = cmpi(b, loc, Pred::eq, y, zero);
  if (elem.isUnsigned() || w == 1) {
    Value q = arith::DivUIOp::create(b, loc, x, select(b, loc, byZero, one, y));
    return select(b, loc, byZero, allOnes, q);
  }
  Value minInt = intConst(b, loc, t, APInt::getSignedMinValue(w));
  Value overflow = arith::AndIOp::create(b, loc, cmpi(b, loc, Pred::eq, x, minInt),
                                         cmpi(b, loc, Pred::eq, y, allOnes));
  Value unsafe = arith::OrIOp::create(b, loc, byZero, overflow);
  Value q = arith::DivSIOp::create(b, loc, x, select(b, loc, unsafe, one, y));
  q = select(b, loc, overflow, minInt, q);
  return select(b, loc, byZero, allOnes, q);
}

/// Integer remainder (sign of the dividend): x % 0 is x; INT_MIN % -1 is 0.
Value emitIntRem(OpBuilder &b, Location loc, IntegerType elem, Value x, Value y) {
  Type t = x.getType();
  unsigned w = elem.getWidth();
  Value zero = intConst(b, loc, t, 0);
  Value one = intConst(b, loc, t, 1);
  Value byZero = cmpi(b, loc, Pred::eq, y, zero);
  if (elem.isUnsigned() || w == 1) {
    Value r = arith::RemUIOp::create(b, loc, x, select(b, loc, byZero, one, y));
    return select(b, loc, byZero, x, r);
  }
  Value allOnes = intConst(b, loc, t, APInt::getAllOnes(w));
  // x % -1 is always 0; dividing by 1 instead avoids the INT_MIN overflow.
  Value unsafe = arith::OrIOp::create(b, loc, byZero, cmpi(b, loc, Pred::eq, y, allOnes));
  Value r = arith::RemSIOp::create(b, loc, x, select(b, loc, unsafe, one, y));
  return select(b, loc, byZero, x, r);
}

Value emitDiv(OpBuilder &b, Location loc, Type elem, Value x, Value y) {
  if (auto it = dyn_cast<IntegerType>(elem))
    return emitIntDiv(b, loc, it, x, y);
  return arithmetic<arith::DivFOp, complex::DivOp, arith::DivSIOp>(b, loc, elem, x, y);
}

Value emitRem(OpBuilder &b, Location loc, Type elem, Value x, Value y) {
  if (auto it = dyn_cast<IntegerType>(elem))
    return emitIntRem(b, loc, it, x, y);
  if (isa<FloatType>(elem))
    return arith::RemFOp::create(b, loc, x, y);
  return {};
}

/// Integer power by squaring over every bit of the exponent, wrapping on
/// overflow. Negative exponents (signed only): 1 for base 1, +-1 for base -1,
/// else 0.
Value emitIntPow(OpBuilder &b, Location loc, IntegerType elem, Value x, Value y) {
  Type t = x.getType();
  unsigned w = elem.getWidth();
  Value zero = intConst(b, loc, t, 0);
  Value one = intConst(b, loc, t, 1);
  Value lb = arith::ConstantIndexOp::create(b, loc, 0);
  Value ub = arith::ConstantIndexOp::create(b, loc, w);
  Value step = arith::ConstantIndexOp::create(b, loc, 1);
  auto loop = scf::ForOp::create(
      b, loc, lb, ub, step, ValueRange{one, x, y},
      [&](OpBuilder &nb, Location nl, Value, ValueRange it) {
        Value acc = it[0], base = it[1], e = it[2];
        Value bit = arith::AndIOp::create(nb, nl, e, one);
        Value odd = cmpi(nb, nl, Pred::ne, bit, zero);
        Value accMul = arith::MulIOp::create(nb, nl, acc, base);
        Value nextAcc = select(nb, nl, odd, accMul, acc);
        Value nextBase = arith::MulIOp::create(nb, nl, base, base);
        Value nextE = arith::ShRUIOp::create(nb, nl, e, one);
        scf::YieldOp::create(nb, nl, ValueRange{nextAcc, nextBase, nextE});
      });
  Value result = loop.getResult(0);
  if (elem.isUnsigned() || w == 1)
    return result;
  Value minusOne = intConst(b, loc, t, -1);
  Value negExp = cmpi(b, loc, Pred::slt, y, zero);
  Value oddExp = cmpi(b, loc, Pred::ne, arith::AndIOp::create(b, loc, y, one), zero);
  Value negResult = select(b, loc, cmpi(b, loc, Pred::eq, x, one), one, zero);
  Value minusOnePow = select(b, loc, oddExp, minusOne, one);
  negResult = select(b, loc, cmpi(b, loc, Pred::eq, x, minusOne), minusOnePow, negResult);
  return select(b, loc, negExp, negResult, result);
}

Value emitPow(OpBuilder &b, Location loc, Type elem, Value x, Value y) {
  if (auto it = dyn_cast<IntegerType>(elem))
    return emitIntPow(b, loc, it, x, y);
  if (isa<FloatType>(elem))
    return math::PowFOp::create(b, loc, x, y);
  if (isa<ComplexType>(elem))
    return complex::PowOp::create(b, loc, x, y);
  return {};
}

enum class Shift { Left, RightArithmetic, RightLogical };

/// Shift amounts are read as unsigned; amounts >= the bit width give 0 (left,
/// logical) or the sign fill (arithmetic).
Value emitShift(OpBuilder &b, Location loc, Shift kind, Type elem, Value x, Value y) {
  auto it = dyn_cast<IntegerType>(elem);
  if (!it)
    return {};
  Type t = x.getType();
  unsigned w = it.getWidth();
  Value width = intConst(b, loc, t, APInt(w, w, /*isSigned=*/false, /*implicitTrunc=*/true));
  Value inRange = w == 1 ? cmpi(b, loc, Pred::eq, y, intConst(b, loc, t, 0))
                         : cmpi(b, loc, Pred::ult, y, width);
  if (kind == Shift::RightArithmetic) {
    Value maxShift = intConst(b, loc, t, w - 1);
    return arith::ShRSIOp::create(b, loc, x, select(b, loc, inRange, y, maxShift));
  }
  Value zero = intConst(b, loc, t, 0);
  Value safeY = select(b, loc, inRange, y, zero);
  Value shifted = kind == Shift::Left
                      ? Value(arith::ShLIOp::create(b, loc, x, safeY))
                      : Value(arith::ShRUIOp::create(b, loc, x, safeY));
  return select(b, loc, inRange, shifted, zero);
}

template <typename IOp>
Value bitwise(OpBuilder &b, Location loc, Type elem, Value x, Value y) {
  if (!isa<IntegerType>(elem))
    return {};
  return IOp::create(b, loc, x, y);
}

Value emitComplex(OpBuilder &b, Location loc, Type resultElem, Value re, Value im) {
  auto ct = dyn_cast<ComplexType>(resultElem);
  if (!ct)
    return {};
  return complex::CreateOp::create(b, loc, ct, re, im);
}

/// Lexicographic max (or min) on (real, imag) of two complex values.
Value complexLexPick(OpBuilder &b, Location loc, ComplexType ct, Value x, Value y,
                     bool pickMax) {
  using P = arith::CmpFPredicate;
  Type ft = ct.getElementType();
  Value xr = complex::ReOp::create(b, loc, ft, x), yr = complex::ReOp::create(b, loc, ft, y);
  Value xi = complex::ImOp::create(b, loc, ft, x), yi = complex::ImOp::create(b, loc, ft, y);
  Value beatsRe = arith::CmpFOp::create(b, loc, pickMax ? P::OGT : P::OLT, xr, yr);
  Value eqRe = arith::CmpFOp::create(b, loc, P::OEQ, xr, yr);
  Value keepsIm = arith::CmpFOp::create(b, loc, pickMax ? P::OGE : P::OLE, xi, yi);
  Value pickX =
      arith::OrIOp::create(b, loc, beatsRe, arith::AndIOp::create(b, loc, eqRe, keepsIm));
  return select(b, loc, pickX, x, y);
}

} // namespace

Value scalar_impl::emitBinary(OpBuilder &b, Location loc, Operation *op,
                         const OrigTypes &t, Value x, Value y) {
  Type e = t.operands.front();
  using namespace stablehlo;
  return llvm::TypeSwitch<Operation *, Value>(op)
      .Case<AddOp>([&](auto) {
        return arithmetic<arith::AddFOp, complex::AddOp, arith::AddIOp, arith::OrIOp>(
            b, loc, e, x, y);
      })
      .Case<SubtractOp>([&](auto) {
        return arithmetic<arith::SubFOp, complex::SubOp, arith::SubIOp, arith::XOrIOp>(
            b, loc, e, x, y);
      })
      .Case<MulOp>([&](auto) {
        return arithmetic<arith::MulFOp, complex::MulOp, arith::MulIOp, arith::AndIOp>(
            b, loc, e, x, y);
      })
      .Case<DivOp>([&](auto) { return emitDiv(b, loc, e, x, y); })
      .Case<RemOp>([&](auto) { return emitRem(b, loc, e, x, y); })
      .Case<MaxOp>([&](auto) { return emitMax(b, loc, e, x, y); })
      .Case<MinOp>([&](auto) { return emitMin(b, loc, e, x, y); })
      .Case<PowOp>([&](auto) { return emitPow(b, loc, e, x, y); })
      .Case<Atan2Op>([&](auto) -> Value {
        if (isa<FloatType>(e))
          return math::Atan2Op::create(b, loc, x, y);
        if (isa<ComplexType>(e))
          return complex::Atan2Op::create(b, loc, x, y);
        return {};
      })
      .Case<ShiftLeftOp>([&](auto) { return emitShift(b, loc, Shift::Left, e, x, y); })
      .Case<ShiftRightArithmeticOp>(
          [&](auto) { return emitShift(b, loc, Shift::RightArithmetic, e, x, y); })
      .Case<ShiftRightLogicalOp>(
          [&](auto) { return emitShift(b, loc, Shift::RightLogical, e, x, y); })
      .Case<AndOp>([&](auto) { return bitwise<arith::AndIOp>(b, loc, e, x, y); })
      .Case<OrOp>([&](auto) { return bitwise<arith::OrIOp>(b, loc, e, x, y); })
      .Case<XorOp>([&](auto) { return bitwise<arith::XOrIOp>(b, loc, e, x, y); })
      .Case<stablehlo::ComplexOp>([&](auto) { return emitComplex(b, loc, t.result, x, y); })
      .Default([](Operation *) { return Value(); });
}

Value scalar_impl::emitMax(OpBuilder &b, Location loc, Type elem, Value x, Value y) {
  if (isa<FloatType>(elem))
    return arith::MaximumFOp::create(b, loc, x, y);
  if (elem.isInteger(1))
    return arith::OrIOp::create(b, loc, x, y);
  if (auto it = dyn_cast<IntegerType>(elem))
    return it.isUnsigned() ? Value(arith::MaxUIOp::create(b, loc, x, y))
                           : Value(arith::MaxSIOp::create(b, loc, x, y));
  if (auto ct = dyn_cast<ComplexType>(elem))
    return complexLexPick(b, loc, ct, x, y, /*pickMax=*/true);
  return {};
}

Value scalar_impl::emitMin(OpBuilder &b, Location loc, Type elem, Value x, Value y) {
  if (isa<FloatType>(elem))
    return arith::MinimumFOp::create(b, loc, x, y);
  if (elem.isInteger(1))
    return arith::AndIOp::create(b, loc, x, y);
  if (auto it = dyn_cast<IntegerType>(elem))
    return it.isUnsigned() ? Value(arith::MinUIOp::create(b, loc, x, y))
                           : Value(arith::MinSIOp::create(b, loc, x, y));
  if (auto ct = dyn_cast<ComplexType>(elem))
    return complexLexPick(b, loc, ct, x, y, /*pickMax=*/false);
  return {};
}
