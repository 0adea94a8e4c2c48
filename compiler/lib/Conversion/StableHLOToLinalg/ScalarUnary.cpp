//===- ScalarUnary.cpp - unary stablehlo ops on one element ---------------===//
#include "ScalarInternal.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;
using namespace mlir::byteir::hlo_linalg::scalar_impl;

namespace {

/// An op that lowers to FloatOp on floats and ComplexOp on complex numbers.
template <typename FloatOp, typename ComplexOp>
Value floatOrComplex(OpBuilder &b, Location loc, Type elem, Value x) {
  if (isa<FloatType>(elem))
    return FloatOp::create(b, loc, x);
  if constexpr (!std::is_same_v<ComplexOp, void>) {
    if (isa<ComplexType>(elem))
      return ComplexOp::create(b, loc, x);
  }
  return {};
}

Value emitAbs(OpBuilder &b, Location loc, Type elem, Value x) {
  if (isa<FloatType>(elem))
    return math::AbsFOp::create(b, loc, x);
  if (isa<IntegerType>(elem))
    return math::AbsIOp::create(b, loc, x);
  if (auto c = dyn_cast<ComplexType>(elem))
    return complex::AbsOp::create(b, loc, c.getElementType(), x);
  return {};
}

/// 1 / (1 + exp(-x)).
Value emitLogistic(OpBuilder &b, Location loc, Type elem, Value x) {
  if (isa<FloatType>(elem)) {
    Value one = floatConst(b, loc, elem, 1.0);
    Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
    return arith::DivFOp::create(b, loc, one, arith::AddFOp::create(b, loc, one, e));
  }
  if (isa<ComplexType>(elem)) {
    Value one = emitScalarConstant(b, loc, elem, 1.0);
    Value e = complex::ExpOp::create(b, loc, complex::NegOp::create(b, loc, x));
    return complex::DivOp::create(b, loc, one, complex::AddOp::create(b, loc, one, e));
  }
  return {};
}

Value emitNegate(OpBuilder &b, Location loc, Type elem, Value x) {
  if (isa<FloatType>(elem))
    return arith::NegFOp::create(b, loc, x);
  if (isa<IntegerType>(elem))
    return arith::SubIOp::create(b, loc, intConst(b, loc, x.getType(), 0), x);
  if (isa<ComplexType>(elem))
    return complex::NegOp::create(b, loc, x);
  return {};
}

Value emitNot(OpBuilder &b, Location loc, Type elem, Value x) {
  auto it = dyn_cast<IntegerType>(elem);
  if (!it)
    return {};
  Value ones = intConst(b, loc, x.getType(), APInt::getAllOnes(it.getWidth()));
  return arith::XOrIOp::create(b, loc, x, ones);
}

/// sign: -1/0/+1; floats keep -0.0, +0.0 and NaN; complex z/|z|.
Value emitSign(OpBuilder &b, Location loc, Type elem, Value x) {
  if (isa<FloatType>(elem)) {
    Value zero = floatConst(b, loc, elem, 0.0);
    Value one = floatConst(b, loc, elem, 1.0);
    Value zeroOrNaN =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UEQ, x, zero);
    Value signedOne = math::CopySignOp::create(b, loc, one, x);
    return arith::SelectOp::create(b, loc, zeroOrNaN, x, signedOne);
  }
  if (auto it = dyn_cast<IntegerType>(elem)) {
    if (it.isUnsigned()) // not allowed by the spec; keep it total: 0 or 1
      return arith::ExtUIOp::create(
          b, loc, x.getType(),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, x,
                                intConst(b, loc, x.getType(), 0)));
    unsigned w = it.getWidth();
    if (w == 1)
      return x;
    Value negMask = arith::ShRSIOp::create(b, loc, x, intConst(b, loc, x.getType(), w - 1));
    Value positive = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, x,
                                           intConst(b, loc, x.getType(), 0));
    Value posBit = arith::ExtUIOp::create(b, loc, x.getType(), positive);
    return arith::OrIOp::create(b, loc, negMask, posBit);
  }
  if (isa<ComplexType>(elem))
    return complex::SignOp::create(b, loc, x);
  return {};
}

/// |x| < inf (false for NaN and infinities).
Value emitIsFinite(OpBuilder &b, Location loc, Type elem, Value x) {
  auto ft = dyn_cast<FloatType>(elem);
  if (!ft)
    return {};
  Value inf = arith::ConstantOp::create(
      b, loc, b.getFloatAttr(ft, APFloat::getInf(ft.getFloatSemantics())));
  return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT,
                               math::AbsFOp::create(b, loc, x), inf);
}

template <typename MathOp>
Value intOnly(OpBuilder &b, Location loc, Type elem, Value x) {
  if (!isa<IntegerType>(elem))
    return {};
  return MathOp::create(b, loc, x);
}

} // namespace

Value scalar_impl::emitUnary(OpBuilder &b, Location loc, Operation *op,
                        const OrigTypes &t, Value x) {
  Type e = t.operands.front();
  using namespace stablehlo;
  return llvm::TypeSwitch<Operation *, Value>(op)
      .Case<AbsOp>([&](auto) { return emitAbs(b, loc, e, x); })
      .Case<CbrtOp>([&](auto) { return floatOrComplex<math::CbrtOp, void>(b, loc, e, x); })
      .Case<CeilOp>([&](auto) { return floatOrComplex<math::CeilOp, void>(b, loc, e, x); })
      .Case<FloorOp>([&](auto) { return floatOrComplex<math::FloorOp, void>(b, loc, e, x); })
      .Case<ClzOp>([&](auto) { return intOnly<math::CountLeadingZerosOp>(b, loc, e, x); })
      .Case<PopulationCountOp>([&](auto) { return intOnly<math::CtPopOp>(b, loc, e, x); })
      .Case<CosineOp>([&](auto) { return floatOrComplex<math::CosOp, complex::CosOp>(b, loc, e, x); })
      .Case<SineOp>([&](auto) { return floatOrComplex<math::SinOp, complex::SinOp>(b, loc, e, x); })
      .Case<TanOp>([&](auto) { return floatOrComplex<math::TanOp, complex::TanOp>(b, loc, e, x); })
      .Case<TanhOp>([&](auto) { return floatOrComplex<math::TanhOp, complex::TanhOp>(b, loc, e, x); })
      .Case<ExpOp>([&](auto) { return floatOrComplex<math::ExpOp, complex::ExpOp>(b, loc, e, x); })
      .Case<Expm1Op>([&](auto) { return floatOrComplex<math::ExpM1Op, complex::Expm1Op>(b, loc, e, x); })
      .Case<LogOp>([&](auto) { return floatOrComplex<math::LogOp, complex::LogOp>(b, loc, e, x); })
      .Case<Log1pOp>([&](auto) { return floatOrComplex<math::Log1pOp, complex::Log1pOp>(b, loc, e, x); })
      .Case<SqrtOp>([&](auto) { return floatOrComplex<math::SqrtOp, complex::SqrtOp>(b, loc, e, x); })
      .Case<RsqrtOp>([&](auto) { return floatOrComplex<math::RsqrtOp, complex::RsqrtOp>(b, loc, e, x); })
      .Case<RoundOp>([&](auto) { return floatOrComplex<math::RoundOp, void>(b, loc, e, x); })
      .Case<RoundNearestEvenOp>([&](auto) { return floatOrComplex<math::RoundEvenOp, void>(b, loc, e, x); })
      .Case<LogisticOp>([&](auto) { return emitLogistic(b, loc, e, x); })
      .Case<NegOp>([&](auto) { return emitNegate(b, loc, e, x); })
      .Case<NotOp>([&](auto) { return emitNot(b, loc, e, x); })
      .Case<SignOp>([&](auto) { return emitSign(b, loc, e, x); })
      .Case<IsFiniteOp>([&](auto) { return emitIsFinite(b, loc, e, x); })
      .Default([](Operation *) { return Value(); });
}
