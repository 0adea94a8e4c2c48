//===- StableHLOCanonicalize.cpp - stablehlo folders and canonicalizations ===//
//
// Folders (constant folding and algebraic identities) and canonicalization
// patterns of stablehlo ops. Every rewrite here is exact with respect to the
// StableHLO specification:
//  * float arithmetic is only folded for f16/bf16/f32/f64 using IEEE round to
//    nearest even (APFloat), and only for ops whose result is exactly defined
//    (no transcendental functions);
//  * x + 0 -> x only for integers or x + (-0.0) for floats; x * 0 is never
//    folded for floats;
//  * integer arithmetic wraps; division or remainder by zero and signed
//    overflow (INT_MIN / -1) are left alone;
//  * constant folding producing non-splat results is limited to
//    kFoldSizeLimit elements so that graphs do not bloat.
//
//===----------------------------------------------------------------------===//
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/APSInt.h"
#include "llvm/ADT/BitVector.h"

#include <cmath>
#include <optional>

using namespace mlir;
using namespace mlir::stablehlo;

namespace {

constexpr int64_t kFoldSizeLimit = 65536;

bool isStdFloat(Type t) { return t.isF16() || t.isBF16() || t.isF32() || t.isF64(); }
// Integer types whose value is interpreted as unsigned: ui* and pred.
bool isUnsignedInt(Type t) { return t.isUnsignedInteger() || t.isInteger(1); }
bool isPred(Type t) { return t.isInteger(1); }

RankedTensorType staticTensorType(Type t) {
  auto rt = dyn_cast<RankedTensorType>(t);
  if (!rt || !rt.hasStaticShape())
    return {};
  return rt;
}

DenseElementsAttr denseOf(Attribute a) {
  auto d = dyn_cast_if_present<DenseElementsAttr>(a);
  if (!d)
    return {};
  // Only plain integer and float element types (not complex, not quantized).
  Type et = d.getElementType();
  if (!isa<IntegerType, FloatType>(et))
    return {};
  return d;
}


// True if `a` is a splat constant whose value satisfies the predicates.
bool splatMatches(Attribute a, llvm::function_ref<bool(const APInt &)> fi,
                  llvm::function_ref<bool(const APFloat &)> ff) {
  DenseElementsAttr d = denseOf(a);
  if (!d || !d.isSplat())
    return false;
  if (isa<IntegerType>(d.getElementType()))
    return fi && fi(d.getSplatValue<APInt>());
  if (isa<FloatType>(d.getElementType()))
    return ff && ff(d.getSplatValue<APFloat>());
  return false;
}

bool isZeroInt(Attribute a) {
  return splatMatches(a, [](const APInt &v) { return v.isZero(); }, nullptr);
}
bool isOneIntOrFloat(Attribute a) {
  return splatMatches(
      a, [](const APInt &v) { return v.isOne(); },
      [](const APFloat &v) { return v.isExactlyValue(1.0); });
}
bool isNegZeroFloat(Attribute a) {
  return splatMatches(a, nullptr,
                      [](const APFloat &v) { return v.isZero() && v.isNegative(); });
}
bool isPosZeroFloat(Attribute a) {
  return splatMatches(a, nullptr,
                      [](const APFloat &v) { return v.isZero() && !v.isNegative(); });
}
bool isAllOnesInt(Attribute a) {
  return splatMatches(a, [](const APInt &v) { return v.isAllOnes(); }, nullptr);
}

// The value `v` when it has exactly the op's result type.
OpFoldResult sameTypeValue(Value v, Operation *op) {
  if (v.getType() == op->getResult(0).getType())
    return v;
  return {};
}

OpFoldResult sameTypeAttr(Attribute a, Operation *op) {
  auto d = denseOf(a);
  if (d && d.getType() == op->getResult(0).getType())
    return d;
  return {};
}

template <typename T> SmallVector<T> elementsOf(DenseElementsAttr d) {
  return SmallVector<T>(d.getValues<T>());
}

// One value for a splat, all values otherwise; index with at().
template <typename T> SmallVector<T> compactElementsOf(DenseElementsAttr d) {
  if (d.isSplat())
    return {d.getSplatValue<T>()};
  return elementsOf<T>(d);
}
template <typename T> const T &at(const SmallVector<T> &v, int64_t i) {
  return v[v.size() == 1 ? 0 : i];
}

//===----------------------------------------------------------------------===//
// Elementwise constant folding
//===----------------------------------------------------------------------===//

using IntUnaryFn = llvm::function_ref<std::optional<APInt>(const APInt &, bool)>;
using FloatUnaryFn = llvm::function_ref<std::optional<APFloat>(const APFloat &)>;
using IntBinaryFn =
    llvm::function_ref<std::optional<APInt>(const APInt &, const APInt &, bool)>;
using FloatBinaryFn =
    llvm::function_ref<std::optional<APFloat>(const APFloat &, const APFloat &)>;

Attribute foldUnary(Type resultType, Attribute operand, IntUnaryFn fi, FloatUnaryFn ff) {
  RankedTensorType rt = staticTensorType(resultType);
  DenseElementsAttr d = denseOf(operand);
  if (!rt || !d || d.getElementType() != rt.getElementType())
    return {};
  Type et = rt.getElementType();
  if (!d.isSplat() && rt.getNumElements() > kFoldSizeLimit)
    return {};
  if (isa<IntegerType>(et)) {
    if (!fi)
      return {};
    bool uns = isUnsignedInt(et);
    if (d.isSplat()) {
      auto r = fi(d.getSplatValue<APInt>(), uns);
      return r ? DenseElementsAttr::get(rt, *r) : Attribute();
    }
    SmallVector<APInt> out;
    out.reserve(rt.getNumElements());
    for (const APInt &v : d.getValues<APInt>()) {
      auto r = fi(v, uns);
      if (!r)
        return {};
      out.push_back(*r);
    }
    return DenseElementsAttr::get(rt, out);
  }
  if (isStdFloat(et)) {
    if (!ff)
      return {};
    if (d.isSplat()) {
      auto r = ff(d.getSplatValue<APFloat>());
      return r ? DenseElementsAttr::get(rt, *r) : Attribute();
    }
    SmallVector<APFloat> out;
    out.reserve(rt.getNumElements());
    for (const APFloat &v : d.getValues<APFloat>()) {
      auto r = ff(v);
      if (!r)
        return {};
      out.push_back(*r);
    }
    return DenseElementsAttr::get(rt, out);
  }
  return {};
}

Attribute foldBinary(Type resultType, Attribute lhs, Attribute rhs, IntBinaryFn fi,
                     FloatBinaryFn ff) {
  RankedTensorType rt = staticTensorType(resultType);
  DenseElementsAttr l = denseOf(lhs), r = denseOf(rhs);
  if (!rt || !l || !r)
    return {};
  Type et = rt.getElementType();
  if (l.getElementType() != et || r.getElementType() != et)
    return {};
  bool splat = l.isSplat() && r.isSplat();
  if (!splat && rt.getNumElements() > kFoldSizeLimit)
    return {};
  if (isa<IntegerType>(et)) {
    if (!fi)
      return {};
    bool uns = isUnsignedInt(et);
    if (splat) {
      auto v = fi(l.getSplatValue<APInt>(), r.getSplatValue<APInt>(), uns);
      return v ? DenseElementsAttr::get(rt, *v) : Attribute();
    }
    SmallVector<APInt> out;
    out.reserve(rt.getNumElements());
    for (auto [a, b] : llvm::zip_equal(l.getValues<APInt>(), r.getValues<APInt>())) {
      auto v = fi(a, b, uns);
      if (!v)
        return {};
      out.push_back(*v);
    }
    return DenseElementsAttr::get(rt, out);
  }
  if (isStdFloat(et)) {
    if (!ff)
      return {};
    if (splat) {
      auto v = ff(l.getSplatValue<APFloat>(), r.getSplatValue<APFloat>());
      return v ? DenseElementsAttr::get(rt, *v) : Attribute();
    }
    SmallVector<APFloat> out;
    out.reserve(rt.getNumElements());
    for (auto [a, b] :
         llvm::zip_equal(l.getValues<APFloat>(), r.getValues<APFloat>())) {
      auto v = ff(a, b);
      if (!v)
        return {};
      out.push_back(*v);
    }
    return DenseElementsAttr::get(rt, out);
  }
  return {};
}

constexpr auto kRNE = APFloat::rmNearestTiesToEven;

} // namespace

//===----------------------------------------------------------------------===//
// Unary elementwise ops
//===----------------------------------------------------------------------===//

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  // Exact for integers (wrapping), floats and complex; not for quantized types.
  if (isa<IntegerType, FloatType, ComplexType>(getType().getElementType()))
    if (auto inner = getOperand().getDefiningOp<NegOp>())
      return sameTypeValue(inner.getOperand(), *this);
  return foldUnary(
      getType(), adaptor.getOperand(),
      [](const APInt &a, bool) -> std::optional<APInt> { return -a; },
      [](const APFloat &a) -> std::optional<APFloat> { return neg(a); });
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  if (auto inner = getOperand().getDefiningOp<NotOp>())
    return sameTypeValue(inner.getOperand(), *this);
  return foldUnary(
      getType(), adaptor.getOperand(),
      [](const APInt &a, bool) -> std::optional<APInt> { return ~a; }, nullptr);
}

OpFoldResult AbsOp::fold(FoldAdaptor adaptor) {
  if (getOperand().getType() != getType())
    return {};
  return foldUnary(
      getType(), adaptor.getOperand(),
      [](const APInt &a, bool uns) -> std::optional<APInt> {
        if (uns)
          return a;
        return a.abs(); // abs(INT_MIN) wraps to INT_MIN
      },
      [](const APFloat &a) -> std::optional<APFloat> { return abs(a); });
}

OpFoldResult SignOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      getType(), adaptor.getOperand(),
      [](const APInt &a, bool uns) -> std::optional<APInt> {
        unsigned bw = a.getBitWidth();
        if (a.isZero())
          return APInt(bw, 0);
        if (!uns && a.isNegative())
          return APInt::getAllOnes(bw);
        return APInt(bw, 1);
      },
      [](const APFloat &a) -> std::optional<APFloat> {
        if (a.isNaN() || a.isZero())
          return a;
        APFloat one(a.getSemantics(), 1);
        if (a.isNegative())
          one.changeSign();
        return one;
      });
}

static OpFoldResult foldRounding(Type type, Attribute operand, APFloat::roundingMode rm) {
  return foldUnary(type, operand, nullptr,
                   [rm](const APFloat &a) -> std::optional<APFloat> {
                     APFloat r = a;
                     r.roundToIntegral(rm);
                     return r;
                   });
}

OpFoldResult CeilOp::fold(FoldAdaptor adaptor) {
  return foldRounding(getType(), adaptor.getOperand(), APFloat::rmTowardPositive);
}
OpFoldResult FloorOp::fold(FoldAdaptor adaptor) {
  return foldRounding(getType(), adaptor.getOperand(), APFloat::rmTowardNegative);
}
OpFoldResult RoundOp::fold(FoldAdaptor adaptor) {
  return foldRounding(getType(), adaptor.getOperand(), APFloat::rmNearestTiesToAway);
}
OpFoldResult RoundNearestEvenOp::fold(FoldAdaptor adaptor) {
  return foldRounding(getType(), adaptor.getOperand(), APFloat::rmNearestTiesToEven);
}

OpFoldResult SqrtOp::fold(FoldAdaptor adaptor) {
  // IEEE sqrt is correctly rounded; f16/bf16 go through double, where double
  // rounding is innocuous (53 >= 2 * 11 + 2).
  return foldUnary(getType(), adaptor.getOperand(), nullptr,
                   [](const APFloat &a) -> std::optional<APFloat> {
                     if (a.isNaN())
                       return a;
                     const llvm::fltSemantics &sem = a.getSemantics();
                     if (&sem == &APFloat::IEEEsingle())
                       return APFloat(std::sqrt(a.convertToFloat()));
                     bool loses;
                     APFloat d = a;
                     d.convert(APFloat::IEEEdouble(), kRNE, &loses);
                     APFloat r(std::sqrt(d.convertToDouble()));
                     if (r.isNaN())
                       return std::nullopt;
                     r.convert(sem, kRNE, &loses);
                     return r;
                   });
}

OpFoldResult ClzOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      getType(), adaptor.getOperand(),
      [](const APInt &a, bool) -> std::optional<APInt> {
        return APInt(a.getBitWidth(), a.countl_zero());
      },
      nullptr);
}

OpFoldResult PopulationCountOp::fold(FoldAdaptor adaptor) {
  return foldUnary(
      getType(), adaptor.getOperand(),
      [](const APInt &a, bool) -> std::optional<APInt> {
        return APInt(a.getBitWidth(), a.popcount());
      },
      nullptr);
}


//===----------------------------------------------------------------------===//
// Binary elementwise ops
//===----------------------------------------------------------------------===//

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  Type et = getType().getElementType();
  Attribute l = adaptor.getLhs(), r = adaptor.getRhs();
  if (isa<IntegerType>(et)) {
    if (isZeroInt(r))
      return sameTypeValue(getLhs(), *this);
    if (isZeroInt(l))
      return sameTypeValue(getRhs(), *this);
  } else if (isa<FloatType>(et)) {
    // x + (-0.0) == x for every x (including -0.0 and NaN); x + 0.0 is not.
    if (isNegZeroFloat(r))
      return sameTypeValue(getLhs(), *this);
    if (isNegZeroFloat(l))
      return sameTypeValue(getRhs(), *this);
  }
  return foldBinary(
      getType(), l, r,
      [](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        if (a.getBitWidth() == 1)
          return a | b; // pred add is logical or
        return a + b;
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat v = a;
        v.add(b, kRNE);
        return v;
      });
}

OpFoldResult SubtractOp::fold(FoldAdaptor adaptor) {
  Type et = getType().getElementType();
  Attribute l = adaptor.getLhs(), r = adaptor.getRhs();
  if (isa<IntegerType>(et)) {
    if (isZeroInt(r))
      return sameTypeValue(getLhs(), *this);
    if (getLhs() == getRhs() && !isPred(et)) {
      if (auto rt = staticTensorType(getType()))
        return DenseElementsAttr::get(rt, APInt(et.getIntOrFloatBitWidth(), 0));
    }
  } else if (isa<FloatType>(et)) {
    // x - (+0.0) == x + (-0.0) == x.
    if (isPosZeroFloat(r))
      return sameTypeValue(getLhs(), *this);
  }
  return foldBinary(
      getType(), l, r,
      [](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        if (a.getBitWidth() == 1)
          return std::nullopt;
        return a - b;
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat v = a;
        v.subtract(b, kRNE);
        return v;
      });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  Type et = getType().getElementType();
  Attribute l = adaptor.getLhs(), r = adaptor.getRhs();
  if (isa<IntegerType, FloatType>(et)) {
    if (isOneIntOrFloat(r))
      return sameTypeValue(getLhs(), *this);
    if (isOneIntOrFloat(l))
      return sameTypeValue(getRhs(), *this);
  }
  if (isa<IntegerType>(et)) {
    // Only for integers: x * 0 is not 0 for NaN/inf floats.
    if (isZeroInt(r))
      return sameTypeAttr(r, *this);
    if (isZeroInt(l))
      return sameTypeAttr(l, *this);
  }
  return foldBinary(
      getType(), l, r,
      [](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        if (a.getBitWidth() == 1)
          return a & b;
        return a * b;
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat v = a;
        v.multiply(b, kRNE);
        return v;
      });
}

static bool badIntDivision(const APInt &a, const APInt &b, bool uns) {
  if (b.isZero())
    return true;
  return !uns && a.isMinSignedValue() && b.isAllOnes();
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  Type et = getType().getElementType();
  if (isa<IntegerType, FloatType>(et) && isOneIntOrFloat(adaptor.getRhs()))
    return sameTypeValue(getLhs(), *this);
  return foldBinary(
      getType(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool uns) -> std::optional<APInt> {
        if (badIntDivision(a, b, uns))
          return std::nullopt;
        return uns ? a.udiv(b) : a.sdiv(b);
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat v = a;
        v.divide(b, kRNE);
        return v;
      });
}

OpFoldResult RemOp::fold(FoldAdaptor adaptor) {
  return foldBinary(
      getType(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool uns) -> std::optional<APInt> {
        if (badIntDivision(a, b, uns))
          return std::nullopt;
        return uns ? a.urem(b) : a.srem(b);
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        APFloat v = a;
        v.mod(b); // C fmod: exact, sign of the dividend
        return v;
      });
}

OpFoldResult MaxOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return sameTypeValue(getLhs(), *this);
  return foldBinary(
      getType(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool uns) -> std::optional<APInt> {
        return uns ? llvm::APIntOps::umax(a, b) : llvm::APIntOps::smax(a, b);
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        return maximum(a, b); // NaN-propagating, -0 < +0
      });
}

OpFoldResult MinOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return sameTypeValue(getLhs(), *this);
  return foldBinary(
      getType(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool uns) -> std::optional<APInt> {
        return uns ? llvm::APIntOps::umin(a, b) : llvm::APIntOps::smin(a, b);
      },
      [](const APFloat &a, const APFloat &b) -> std::optional<APFloat> {
        return minimum(a, b);
      });
}

OpFoldResult PowOp::fold(FoldAdaptor adaptor) {
  // Integers only (float pow is not exactly specified); negative exponents
  // are left alone.
  return foldBinary(
      getType(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, const APInt &b, bool uns) -> std::optional<APInt> {
        if (!uns && b.isNegative())
          return std::nullopt;
        APInt result(a.getBitWidth(), 1), base = a;
        for (unsigned i = 0, e = b.getActiveBits(); i < e; ++i) {
          if (b[i])
            result *= base;
          base *= base;
        }
        return result;
      },
      nullptr);
}

namespace {
// Shifts by at least the bit width give `overflow(lhs)` (spec: 0, or the sign fill
// for an arithmetic right shift); a shift by 0 is the lhs.
OpFoldResult foldShift(Operation *op, Value lhsValue, Attribute lhs, Attribute rhs,
                       function_ref<APInt(const APInt &, unsigned)> shift,
                       function_ref<APInt(const APInt &)> overflow) {
  if (isZeroInt(rhs))
    return sameTypeValue(lhsValue, op);
  return foldBinary(
      op->getResult(0).getType(), lhs, rhs,
      [&](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        if (b.uge(a.getBitWidth()))
          return overflow(a);
        return shift(a, b.getZExtValue());
      },
      nullptr);
}

APInt zeroOf(const APInt &a) { return APInt(a.getBitWidth(), 0); }
} // namespace

OpFoldResult ShiftLeftOp::fold(FoldAdaptor adaptor) {
  return foldShift(
      *this, getLhs(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, unsigned n) { return a.shl(n); }, zeroOf);
}

OpFoldResult ShiftRightLogicalOp::fold(FoldAdaptor adaptor) {
  return foldShift(
      *this, getLhs(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, unsigned n) { return a.lshr(n); }, zeroOf);
}

OpFoldResult ShiftRightArithmeticOp::fold(FoldAdaptor adaptor) {
  return foldShift(
      *this, getLhs(), adaptor.getLhs(), adaptor.getRhs(),
      [](const APInt &a, unsigned n) { return a.ashr(n); },
      [](const APInt &a) { return a.ashr(a.getBitWidth() - 1); });
}

/// and/or are duals: x op x = x, x op identity = x, x op absorbing = absorbing, where
/// and's identity is all ones and its absorbing element zero, and or's the reverse.
OpFoldResult foldAndOr(Operation *op, Value lhs, Value rhs, Attribute l, Attribute r,
                       bool isAnd) {
  auto isIdentity = [&](Attribute a) { return isAnd ? isAllOnesInt(a) : isZeroInt(a); };
  auto isAbsorbing = [&](Attribute a) { return isAnd ? isZeroInt(a) : isAllOnesInt(a); };
  if (lhs == rhs || isIdentity(r))
    return sameTypeValue(lhs, op);
  if (isIdentity(l))
    return sameTypeValue(rhs, op);
  if (isAbsorbing(r))
    return sameTypeAttr(r, op);
  if (isAbsorbing(l))
    return sameTypeAttr(l, op);
  return foldBinary(
      op->getResult(0).getType(), l, r,
      [isAnd](const APInt &a, const APInt &b, bool) -> std::optional<APInt> {
        return isAnd ? a & b : a | b;
      },
      nullptr);
}

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  return foldAndOr(*this, getLhs(), getRhs(), adaptor.getLhs(), adaptor.getRhs(),
                   /*isAnd=*/true);
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  return foldAndOr(*this, getLhs(), getRhs(), adaptor.getLhs(), adaptor.getRhs(),
                   /*isAnd=*/false);
}

OpFoldResult XorOp::fold(FoldAdaptor adaptor) {
  Attribute l = adaptor.getLhs(), r = adaptor.getRhs();
  if (isZeroInt(r))
    return sameTypeValue(getLhs(), *this);
  if (isZeroInt(l))
    return sameTypeValue(getRhs(), *this);
  return foldBinary(
      getType(), l, r,
      [](const APInt &a, const APInt &b, bool) -> std::optional<APInt> { return a ^ b; },
      nullptr);
}

//===----------------------------------------------------------------------===//
// compare, select, clamp, convert
//===----------------------------------------------------------------------===//

static bool intCompare(ComparisonDirection dir, const APInt &a, const APInt &b, bool uns) {
  switch (dir) {
  case ComparisonDirection::EQ:
    return a == b;
  case ComparisonDirection::NE:
    return a != b;
  case ComparisonDirection::GE:
    return uns ? a.uge(b) : a.sge(b);
  case ComparisonDirection::GT:
    return uns ? a.ugt(b) : a.sgt(b);
  case ComparisonDirection::LE:
    return uns ? a.ule(b) : a.sle(b);
  case ComparisonDirection::LT:
    return uns ? a.ult(b) : a.slt(b);
  }
  llvm_unreachable("unknown comparison direction");
}

static bool floatCompare(ComparisonDirection dir, const APFloat &a, const APFloat &b) {
  APFloat::cmpResult c = a.compare(b); // IEEE: NaN is unordered, -0 == +0
  switch (dir) {
  case ComparisonDirection::EQ:
    return c == APFloat::cmpEqual;
  case ComparisonDirection::NE:
    return c != APFloat::cmpEqual;
  case ComparisonDirection::GE:
    return c == APFloat::cmpGreaterThan || c == APFloat::cmpEqual;
  case ComparisonDirection::GT:
    return c == APFloat::cmpGreaterThan;
  case ComparisonDirection::LE:
    return c == APFloat::cmpLessThan || c == APFloat::cmpEqual;
  case ComparisonDirection::LT:
    return c == APFloat::cmpLessThan;
  }
  llvm_unreachable("unknown comparison direction");
}

OpFoldResult CompareOp::fold(FoldAdaptor adaptor) {
  RankedTensorType rt = staticTensorType(getType());
  if (!rt)
    return {};
  Type et = cast<ShapedType>(getLhs().getType()).getElementType();
  ComparisonDirection dir = getComparisonDirection();
  std::optional<ComparisonType> ct = getCompareType();
  if (ct && *ct == ComparisonType::TOTALORDER)
    return {};
  // x cmp x for integers (no NaN).
  if (isa<IntegerType>(et) && getLhs() == getRhs()) {
    bool v = dir == ComparisonDirection::EQ || dir == ComparisonDirection::GE ||
             dir == ComparisonDirection::LE;
    return DenseElementsAttr::get(rt, v);
  }
  DenseElementsAttr l = denseOf(adaptor.getLhs()), r = denseOf(adaptor.getRhs());
  if (!l || !r || l.getElementType() != et || r.getElementType() != et)
    return {};
  bool splat = l.isSplat() && r.isSplat();
  if (!splat && rt.getNumElements() > kFoldSizeLimit)
    return {};
  if (isa<IntegerType>(et)) {
    bool uns = isUnsignedInt(et);
    if (ct && *ct == ComparisonType::UNSIGNED)
      uns = true;
    else if (ct && *ct == ComparisonType::SIGNED)
      uns = false;
    else if (ct && *ct == ComparisonType::FLOAT)
      return {};
    if (splat)
      return DenseElementsAttr::get(
          rt, intCompare(dir, l.getSplatValue<APInt>(), r.getSplatValue<APInt>(), uns));
    SmallVector<bool> out;
    out.reserve(rt.getNumElements());
    for (auto [a, b] : llvm::zip_equal(l.getValues<APInt>(), r.getValues<APInt>()))
      out.push_back(intCompare(dir, a, b, uns));
    return DenseElementsAttr::get(rt, out);
  }
  if (isa<FloatType>(et)) {
    if (ct && *ct != ComparisonType::FLOAT && *ct != ComparisonType::NOTYPE)
      return {};
    if (splat)
      return DenseElementsAttr::get(
          rt, floatCompare(dir, l.getSplatValue<APFloat>(), r.getSplatValue<APFloat>()));
    SmallVector<bool> out;
    out.reserve(rt.getNumElements());
    for (auto [a, b] : llvm::zip_equal(l.getValues<APFloat>(), r.getValues<APFloat>()))
      out.push_back(floatCompare(dir, a, b));
    return DenseElementsAttr::get(rt, out);
  }
  return {};
}

OpFoldResult SelectOp::fold(FoldAdaptor adaptor) {
  if (getOnTrue() == getOnFalse())
    return sameTypeValue(getOnTrue(), *this);
  DenseElementsAttr pred = dyn_cast_if_present<DenseElementsAttr>(adaptor.getPred());
  if (!pred)
    return {};
  if (pred.isSplat())
    return sameTypeValue(pred.getSplatValue<bool>() ? getOnTrue() : getOnFalse(), *this);
  // Non-splat predicate with constant branches.
  RankedTensorType rt = staticTensorType(getType());
  DenseElementsAttr t = denseOf(adaptor.getOnTrue()), f = denseOf(adaptor.getOnFalse());
  if (!rt || !t || !f || rt.getNumElements() > kFoldSizeLimit ||
      t.getElementType() != rt.getElementType() ||
      f.getElementType() != rt.getElementType() ||
      pred.getNumElements() != rt.getNumElements())
    return {};
  SmallVector<bool> p(pred.getValues<bool>());
  if (isa<IntegerType>(rt.getElementType())) {
    auto tv = elementsOf<APInt>(t), fv = elementsOf<APInt>(f);
    SmallVector<APInt> out;
    for (size_t i = 0; i < p.size(); ++i)
      out.push_back(p[i] ? tv[i] : fv[i]);
    return DenseElementsAttr::get(rt, out);
  }
  auto tv = elementsOf<APFloat>(t), fv = elementsOf<APFloat>(f);
  SmallVector<APFloat> out;
  for (size_t i = 0; i < p.size(); ++i)
    out.push_back(p[i] ? tv[i] : fv[i]);
  return DenseElementsAttr::get(rt, out);
}

// clamp(min, x, max) = minimum(maximum(x, min), max); min and max may be scalars.
OpFoldResult ClampOp::fold(FoldAdaptor adaptor) {
  RankedTensorType rt = staticTensorType(getType());
  DenseElementsAttr lo = denseOf(adaptor.getMin()), x = denseOf(adaptor.getOperand()),
                    hi = denseOf(adaptor.getMax());
  if (!rt || !lo || !x || !hi)
    return {};
  Type et = rt.getElementType();
  if (x.getElementType() != et || lo.getElementType() != et || hi.getElementType() != et)
    return {};
  int64_t n = rt.getNumElements();
  if (x.getNumElements() != n || (lo.getNumElements() != 1 && lo.getNumElements() != n) ||
      (hi.getNumElements() != 1 && hi.getNumElements() != n))
    return {};
  bool splat = x.isSplat() && lo.isSplat() && hi.isSplat();
  if (!splat && n > kFoldSizeLimit)
    return {};
  int64_t count = splat ? 1 : n;
  if (auto it = dyn_cast<IntegerType>(et)) {
    bool uns = isUnsignedInt(it);
    auto xv = compactElementsOf<APInt>(x), lv = compactElementsOf<APInt>(lo), hv = compactElementsOf<APInt>(hi);
    SmallVector<APInt> out;
    for (int64_t i = 0; i < count; ++i) {
      const APInt &l = at(lv, i), &h = at(hv, i), &xi = at(xv, i);
      APInt v = uns ? llvm::APIntOps::umax(xi, l) : llvm::APIntOps::smax(xi, l);
      out.push_back(uns ? llvm::APIntOps::umin(v, h) : llvm::APIntOps::smin(v, h));
    }
    return DenseElementsAttr::get(rt, out);
  }
  if (isStdFloat(et)) {
    auto xv = compactElementsOf<APFloat>(x), lv = compactElementsOf<APFloat>(lo),
         hv = compactElementsOf<APFloat>(hi);
    SmallVector<APFloat> out;
    for (int64_t i = 0; i < count; ++i)
      out.push_back(minimum(maximum(at(xv, i), at(lv, i)), at(hv, i)));
    return DenseElementsAttr::get(rt, out);
  }
  return {};
}

// Converts one element; nullopt when the result is implementation-defined.
static std::optional<Attribute> convertElement(Attribute v, Type from, Type to) {
  if (auto fromInt = dyn_cast<IntegerType>(from)) {
    APInt a = cast<IntegerAttr>(v).getValue();
    bool uns = isUnsignedInt(fromInt);
    if (auto toInt = dyn_cast<IntegerType>(to)) {
      if (toInt.getWidth() == 1)
        return IntegerAttr::get(to, APInt(1, !a.isZero()));
      return IntegerAttr::get(to, uns ? a.zextOrTrunc(toInt.getWidth())
                                      : a.sextOrTrunc(toInt.getWidth()));
    }
    auto toFloat = cast<FloatType>(to);
    APFloat f(toFloat.getFloatSemantics());
    f.convertFromAPInt(a, /*isSigned=*/!uns, kRNE);
    return FloatAttr::get(to, f);
  }
  APFloat a = cast<FloatAttr>(v).getValue();
  if (auto toInt = dyn_cast<IntegerType>(to)) {
    if (toInt.getWidth() == 1)
      return IntegerAttr::get(to, APInt(1, !a.isZero()));
    if (!a.isFinite())
      return std::nullopt;
    llvm::APSInt r(toInt.getWidth(), isUnsignedInt(toInt));
    bool exact;
    if (a.convertToInteger(r, APFloat::rmTowardZero, &exact) & APFloat::opInvalidOp)
      return std::nullopt;
    return IntegerAttr::get(to, static_cast<const APInt &>(r));
  }
  bool loses;
  a.convert(cast<FloatType>(to).getFloatSemantics(), kRNE, &loses);
  return FloatAttr::get(to, a);
}

OpFoldResult ConvertOp::fold(FoldAdaptor adaptor) {
  if (getOperand().getType() == getType())
    return getOperand();
  RankedTensorType rt = staticTensorType(getType());
  DenseElementsAttr d = denseOf(adaptor.getOperand());
  if (!rt || !d)
    return {};
  Type from = d.getElementType(), to = rt.getElementType();
  auto ok = [](Type t) { return isa<IntegerType>(t) || isStdFloat(t); };
  if (!ok(from) || !ok(to))
    return {};
  if (d.isSplat()) {
    auto v = convertElement(d.getSplatValue<Attribute>(), from, to);
    if (!v)
      return {};
    return DenseElementsAttr::get(rt, *v);
  }
  if (rt.getNumElements() > kFoldSizeLimit)
    return {};
  SmallVector<Attribute> out;
  out.reserve(rt.getNumElements());
  for (Attribute e : d.getValues<Attribute>()) {
    auto v = convertElement(e, from, to);
    if (!v)
      return {};
    out.push_back(*v);
  }
  return DenseElementsAttr::get(rt, out);
}

//===----------------------------------------------------------------------===//
// Data movement: constant folding by index mapping
//===----------------------------------------------------------------------===//

namespace {

SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> s(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    s[i] = s[i + 1] * shape[i + 1];
  return s;
}

// Builds a tensor of type `rt` whose element i is src[srcIndex(resultIndex)]
// or `pad` where srcIndex returns -1. `srcIndex` gets the result multi-index.
DenseElementsAttr gatherElements(
    DenseElementsAttr src, RankedTensorType rt,
    llvm::function_ref<int64_t(ArrayRef<int64_t>)> srcIndex,
    DenseElementsAttr pad = {}) {
  Type et = rt.getElementType();
  if (src.getElementType() != et || (pad && pad.getElementType() != et))
    return {};
  if (rt.getNumElements() > kFoldSizeLimit)
    return {};
  ArrayRef<int64_t> shape = rt.getShape();
  int64_t n = rt.getNumElements();
  SmallVector<int64_t> idx(shape.size(), 0);
  auto run = [&](auto tag) -> DenseElementsAttr {
    using T = decltype(tag);
    // Random access into the source without materializing all of it.
    auto in = src.getValues<T>().begin();
    std::optional<T> padValue;
    if (pad)
      padValue = pad.getSplatValue<T>();
    SmallVector<T> out;
    out.reserve(n);
    for (int64_t i = 0; i < n; ++i) {
      int64_t s = srcIndex(idx);
      if (s < 0) {
        if (!padValue)
          return {};
        out.push_back(*padValue);
      } else {
        out.push_back(*(in + s));
      }
      for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
        if (++idx[d] < shape[d])
          break;
        idx[d] = 0;
      }
    }
    return DenseElementsAttr::get(rt, ArrayRef<T>(out));
  };
  if (isa<IntegerType>(et))
    return run(APInt());
  if (isa<FloatType>(et))
    return run(APFloat(0.0));
  return {};
}

// Splat fast path: any data movement of a splat is a splat of the result type.
Attribute splatAs(DenseElementsAttr d, Type resultType) {
  RankedTensorType rt = staticTensorType(resultType);
  if (!rt || !d || !d.isSplat() || d.getElementType() != rt.getElementType())
    return {};
  return DenseElementsAttr::get(rt, d.getSplatValue<Attribute>());
}

bool isIota(ArrayRef<int64_t> v) {
  for (auto [i, x] : llvm::enumerate(v))
    if (x != static_cast<int64_t>(i))
      return false;
  return true;
}

} // namespace

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  if (getOperand().getType() == getType())
    return getOperand();
  // reshape(reshape(x)) -> reshape(x)
  if (auto inner = getOperand().getDefiningOp<ReshapeOp>()) {
    getOperandMutable().assign(inner.getOperand());
    return getResult();
  }
  DenseElementsAttr d = denseOf(adaptor.getOperand());
  RankedTensorType rt = staticTensorType(getType());
  if (!d || !rt || d.getElementType() != rt.getElementType())
    return {};
  if (d.isSplat())
    return splatAs(d, rt);
  if (d.getNumElements() != rt.getNumElements())
    return {};
  return d.reshape(rt);
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPermutation();
  if (isIota(perm) && getOperand().getType() == getType())
    return getOperand();
  // transpose(transpose(x, p1), p2) -> transpose(x, p1[p2[i]])
  if (auto inner = getOperand().getDefiningOp<TransposeOp>()) {
    ArrayRef<int64_t> p1 = inner.getPermutation();
    SmallVector<int64_t> composed;
    for (int64_t p : perm)
      composed.push_back(p1[p]);
    if (isIota(composed) && inner.getOperand().getType() == getType())
      return inner.getOperand();
    getOperandMutable().assign(inner.getOperand());
    setPermutation(composed);
    return getResult();
  }
  DenseElementsAttr d = denseOf(adaptor.getOperand());
  if (!d)
    return {};
  if (d.isSplat())
    return splatAs(d, getType());
  RankedTensorType rt = staticTensorType(getType());
  auto inType = dyn_cast<RankedTensorType>(d.getType());
  if (!rt || !inType)
    return {};
  SmallVector<int64_t> inStrides = stridesOf(inType.getShape());
  SmallVector<int64_t> perm64(perm);
  return gatherElements(d, rt, [&](ArrayRef<int64_t> r) {
    int64_t s = 0;
    for (size_t k = 0; k < r.size(); ++k)
      s += r[k] * inStrides[perm64[k]];
    return s;
  });
}

OpFoldResult BroadcastInDimOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> dims = getBroadcastDimensions();
  if (getOperand().getType() == getType() && isIota(dims))
    return getOperand();
  // broadcast_in_dim(broadcast_in_dim(x, d1), d2) -> broadcast_in_dim(x, d2[d1])
  if (auto inner = getOperand().getDefiningOp<BroadcastInDimOp>()) {
    auto innerIn = dyn_cast<RankedTensorType>(inner.getOperand().getType());
    auto mid = dyn_cast<RankedTensorType>(inner.getType());
    auto outT = dyn_cast<RankedTensorType>(getType());
    if (innerIn && mid && outT && innerIn.hasStaticShape() && mid.hasStaticShape() &&
        outT.hasStaticShape()) {
      SmallVector<int64_t> composed;
      for (int64_t d : inner.getBroadcastDimensions())
        composed.push_back(dims[d]);
      getOperandMutable().assign(inner.getOperand());
      setBroadcastDimensions(composed);
      return getResult();
    }
  }
  DenseElementsAttr d = denseOf(adaptor.getOperand());
  if (!d)
    return {};
  if (d.isSplat())
    return splatAs(d, getType());
  RankedTensorType rt = staticTensorType(getType());
  auto inType = dyn_cast<RankedTensorType>(d.getType());
  if (!rt || !inType)
    return {};
  ArrayRef<int64_t> inShape = inType.getShape();
  SmallVector<int64_t> inStrides = stridesOf(inShape);
  SmallVector<int64_t> dims64(dims);
  return gatherElements(d, rt, [&](ArrayRef<int64_t> r) {
    int64_t s = 0;
    for (size_t i = 0; i < inShape.size(); ++i)
      if (inShape[i] != 1)
        s += r[dims64[i]] * inStrides[i];
    return s;
  });
}

OpFoldResult SliceOp::fold(FoldAdaptor adaptor) {
  auto inType = dyn_cast<RankedTensorType>(getOperand().getType());
  if (!inType || !inType.hasStaticShape())
    return {};
  ArrayRef<int64_t> start = getStartIndices(), limit = getLimitIndices(),
                    strides = getStrides();
  bool full = true;
  for (size_t i = 0; i < start.size(); ++i)
    full &= start[i] == 0 && limit[i] == inType.getDimSize(i) && strides[i] == 1;
  if (full && inType == getType())
    return getOperand();
  DenseElementsAttr d = denseOf(adaptor.getOperand());
  if (!d)
    return {};
  if (d.isSplat())
    return splatAs(d, getType());
  RankedTensorType rt = staticTensorType(getType());
  if (!rt)
    return {};
  SmallVector<int64_t> inStrides = stridesOf(inType.getShape());
  SmallVector<int64_t> st(start), sd(strides);
  return gatherElements(d, rt, [&](ArrayRef<int64_t> r) {
    int64_t s = 0;
    for (size_t k = 0; k < r.size(); ++k)
      s += (st[k] + r[k] * sd[k]) * inStrides[k];
    return s;
  });
}

OpFoldResult ReverseOp::fold(FoldAdaptor adaptor) {
  auto inType = dyn_cast<RankedTensorType>(getOperand().getType());
  if (!inType)
    return {};
  ArrayRef<int64_t> dims = getDimensions();
  // Reversing only size-1 (or no) dimensions is the identity.
  bool trivial = llvm::all_of(dims, [&](int64_t d) { return inType.getDimSize(d) == 1; });
  if (trivial && getOperand().getType() == getType())
    return getOperand();
  DenseElementsAttr d = denseOf(adaptor.getOperand());
  if (!d)
    return {};
  if (d.isSplat())
    return splatAs(d, getType());
  RankedTensorType rt = staticTensorType(getType());
  if (!rt)
    return {};
  SmallVector<int64_t> inStrides = stridesOf(rt.getShape());
  SmallVector<bool> rev(rt.getRank(), false);
  for (int64_t x : dims)
    rev[x] = true;
  ArrayRef<int64_t> shape = rt.getShape();
  return gatherElements(d, rt, [&](ArrayRef<int64_t> r) {
    int64_t s = 0;
    for (size_t k = 0; k < r.size(); ++k)
      s += (rev[k] ? shape[k] - 1 - r[k] : r[k]) * inStrides[k];
    return s;
  });
}

OpFoldResult PadOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> low = getEdgePaddingLow(), high = getEdgePaddingHigh(),
                    interior = getInteriorPadding();
  auto isZero = [](int64_t x) { return x == 0; };
  if (llvm::all_of(low, isZero) && llvm::all_of(high, isZero) &&
      llvm::all_of(interior, isZero) && getOperand().getType() == getType())
    return getOperand();
  DenseElementsAttr d = denseOf(adaptor.getOperand());
  DenseElementsAttr pv = denseOf(adaptor.getPaddingValue());
  RankedTensorType rt = staticTensorType(getType());
  auto inType = dyn_cast<RankedTensorType>(getOperand().getType());
  if (!d || !pv || !rt || !inType || !inType.hasStaticShape())
    return {};
  if (d.isSplat() && d.getSplatValue<Attribute>() == pv.getSplatValue<Attribute>())
    return splatAs(d, rt);
  ArrayRef<int64_t> inShape = inType.getShape();
  SmallVector<int64_t> inStrides = stridesOf(inShape);
  SmallVector<int64_t> lo(low), in(interior);
  return gatherElements(
      d, rt,
      [&](ArrayRef<int64_t> r) -> int64_t {
        int64_t s = 0;
        for (size_t k = 0; k < r.size(); ++k) {
          int64_t p = r[k] - lo[k];
          if (p < 0 || p % (in[k] + 1) != 0)
            return -1;
          int64_t q = p / (in[k] + 1);
          if (q >= inShape[k])
            return -1;
          s += q * inStrides[k];
        }
        return s;
      },
      pv);
}

OpFoldResult ConcatenateOp::fold(FoldAdaptor adaptor) {
  if (getInputs().size() == 1)
    return sameTypeValue(getInputs().front(), *this);
  RankedTensorType rt = staticTensorType(getType());
  if (!rt || rt.getNumElements() > kFoldSizeLimit)
    return {};
  SmallVector<DenseElementsAttr> ins;
  for (Attribute a : adaptor.getInputs()) {
    DenseElementsAttr d = denseOf(a);
    if (!d || d.getElementType() != rt.getElementType() ||
        !isa<RankedTensorType>(d.getType()))
      return {};
    ins.push_back(d);
  }
  int64_t dim = getDimension();
  ArrayRef<int64_t> shape = rt.getShape();
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < dim; ++i)
    outer *= shape[i];
  for (int64_t i = dim + 1; i < rt.getRank(); ++i)
    inner *= shape[i];
  auto run = [&](auto tag) -> DenseElementsAttr {
    using T = decltype(tag);
    SmallVector<SmallVector<T>> vals;
    for (DenseElementsAttr d : ins)
      vals.push_back(elementsOf<T>(d));
    SmallVector<T> out;
    out.reserve(rt.getNumElements());
    for (int64_t o = 0; o < outer; ++o)
      for (auto [d, v] : llvm::zip_equal(ins, vals)) {
        int64_t slab = cast<RankedTensorType>(d.getType()).getDimSize(dim) * inner;
        for (int64_t j = 0; j < slab; ++j)
          out.push_back(v[o * slab + j]);
      }
    return DenseElementsAttr::get(rt, ArrayRef<T>(out));
  };
  if (isa<IntegerType>(rt.getElementType()))
    return run(APInt());
  return run(APFloat(0.0));
}

// iota -> constant. A canonicalization pattern rather than a folder: a folder
// would also fire inside dialect conversions, which must lower iota itself.
static DenseElementsAttr iotaConstant(IotaOp op) {
  RankedTensorType rt = staticTensorType(op.getType());
  if (!rt || rt.getNumElements() > kFoldSizeLimit)
    return {};
  Type et = rt.getElementType();
  if (!isa<IntegerType>(et) && !isStdFloat(et))
    return {};
  int64_t dim = op.getIotaDimension();
  int64_t size = rt.getDimSize(dim);
  SmallVector<Attribute> values;
  values.reserve(size);
  for (int64_t i = 0; i < size; ++i) {
    if (auto it = dyn_cast<IntegerType>(et)) {
      unsigned bw = it.getWidth();
      bool fits = isUnsignedInt(it) ? llvm::isUIntN(bw, i) : llvm::isIntN(bw, i);
      if (!fits)
        return {};
      values.push_back(IntegerAttr::get(et, APInt(bw, i)));
    } else {
      APFloat f(cast<FloatType>(et).getFloatSemantics());
      f.convertFromAPInt(APInt(64, i), /*isSigned=*/true, kRNE);
      values.push_back(FloatAttr::get(et, f));
    }
  }
  SmallVector<Attribute> out;
  out.reserve(rt.getNumElements());
  SmallVector<int64_t> idx(rt.getRank(), 0);
  ArrayRef<int64_t> shape = rt.getShape();
  for (int64_t n = 0; n < rt.getNumElements(); ++n) {
    out.push_back(values[idx[dim]]);
    for (int64_t d = rt.getRank() - 1; d >= 0; --d) {
      if (++idx[d] < shape[d])
        break;
      idx[d] = 0;
    }
  }
  return DenseElementsAttr::get(rt, out);
}

OpFoldResult GetDimensionSizeOp::fold(FoldAdaptor) {
  auto t = dyn_cast<RankedTensorType>(getOperand().getType());
  RankedTensorType rt = staticTensorType(getType());
  if (!t || !rt || t.isDynamicDim(getDimension()))
    return {};
  int64_t size = t.getDimSize(getDimension());
  if (!llvm::isIntN(32, size))
    return {};
  return DenseElementsAttr::get(rt, APInt(32, size));
}

//===----------------------------------------------------------------------===//
// Canonicalization patterns
//===----------------------------------------------------------------------===//

namespace {

std::optional<SmallVector<int64_t>> constantInts(Value v) {
  DenseIntElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)))
    return std::nullopt;
  bool uns = isUnsignedInt(attr.getElementType());
  SmallVector<int64_t> out;
  for (const APInt &a : attr.getValues<APInt>()) {
    if (uns ? a.getActiveBits() > 63 : a.getSignificantBits() > 64)
      return std::nullopt;
    out.push_back(uns ? static_cast<int64_t>(a.getZExtValue()) : a.getSExtValue());
  }
  return out;
}

// concatenate: drop inputs that are statically empty along the dimension.
struct ConcatenateDropEmpty : OpRewritePattern<ConcatenateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(ConcatenateOp op, PatternRewriter &rewriter) const override {
    SmallVector<Value> kept;
    for (Value v : op.getInputs()) {
      auto t = dyn_cast<RankedTensorType>(v.getType());
      if (t && !t.isDynamicDim(op.getDimension()) && t.getDimSize(op.getDimension()) == 0)
        continue;
      kept.push_back(v);
    }
    if (kept.size() == op.getInputs().size() || kept.empty())
      return failure();
    if (kept.size() == 1 && kept.front().getType() == op.getType()) {
      rewriter.replaceOp(op, kept.front());
      return success();
    }
    rewriter.modifyOpInPlace(op, [&] { op.getInputsMutable().assign(kept); });
    return success();
  }
};

// dynamic_slice with constant start indices -> slice (indices clamped per spec).
struct DynamicSliceToSlice : OpRewritePattern<DynamicSliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynamicSliceOp op, PatternRewriter &rewriter) const override {
    auto inType = dyn_cast<RankedTensorType>(op.getOperand().getType());
    if (!inType || !inType.hasStaticShape())
      return failure();
    ArrayRef<int64_t> sizes = op.getSliceSizes();
    SmallVector<int64_t> start, limit, strides;
    for (auto [i, v] : llvm::enumerate(op.getStartIndices())) {
      auto c = constantInts(v);
      if (!c || c->size() != 1)
        return failure();
      int64_t hi = inType.getDimSize(i) - sizes[i];
      if (hi < 0)
        return failure();
      int64_t s = std::clamp<int64_t>((*c)[0], 0, hi);
      start.push_back(s);
      limit.push_back(s + sizes[i]);
      strides.push_back(1);
    }
    rewriter.replaceOpWithNewOp<SliceOp>(op, op.getType(), op.getOperand(), start, limit,
                                         strides);
    return success();
  }
};

bool shapeOperandMatches(Value shape, RankedTensorType rt) {
  auto c = constantInts(shape);
  return c && llvm::equal(*c, rt.getShape());
}

struct DynamicReshapeToReshape : OpRewritePattern<DynamicReshapeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynamicReshapeOp op, PatternRewriter &rewriter) const override {
    RankedTensorType rt = staticTensorType(op.getType());
    RankedTensorType inType = staticTensorType(op.getOperand().getType());
    if (!rt || !inType || rt.getNumElements() != inType.getNumElements() ||
        !shapeOperandMatches(op.getOutputShape(), rt))
      return failure();
    rewriter.replaceOpWithNewOp<ReshapeOp>(op, rt, op.getOperand());
    return success();
  }
};

struct DynamicBroadcastToBroadcast : OpRewritePattern<DynamicBroadcastInDimOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DynamicBroadcastInDimOp op,
                                PatternRewriter &rewriter) const override {
    RankedTensorType rt = staticTensorType(op.getType());
    RankedTensorType inType = staticTensorType(op.getOperand().getType());
    if (!rt || !inType || !shapeOperandMatches(op.getOutputDimensions(), rt))
      return failure();
    ArrayRef<int64_t> dims = op.getBroadcastDimensions();
    if (static_cast<int64_t>(dims.size()) != inType.getRank())
      return failure();
    for (auto [i, d] : llvm::enumerate(dims)) {
      if (d < 0 || d >= rt.getRank())
        return failure();
      int64_t s = inType.getDimSize(i);
      if (s != 1 && s != rt.getDimSize(d))
        return failure();
    }
    rewriter.replaceOpWithNewOp<BroadcastInDimOp>(op, rt, op.getOperand(), dims);
    return success();
  }
};

// dot_general(transpose(x), y): fold the transpose into the dimension numbers
// when the result layout is unchanged: batch and contracting dims may be
// permuted arbitrarily, the free dims must keep their relative order.
bool absorbTranspose(Value v, ArrayRef<int64_t> batch, ArrayRef<int64_t> contract,
                     Value &newValue, SmallVector<int64_t> &newBatch,
                     SmallVector<int64_t> &newContract) {
  auto t = v.getDefiningOp<TransposeOp>();
  if (!t)
    return false;
  ArrayRef<int64_t> perm = t.getPermutation();
  int64_t prev = -1;
  for (int64_t d = 0, e = perm.size(); d < e; ++d) {
    if (llvm::is_contained(batch, d) || llvm::is_contained(contract, d))
      continue;
    if (perm[d] <= prev)
      return false;
    prev = perm[d];
  }
  newValue = t.getOperand();
  newBatch.clear();
  newContract.clear();
  for (int64_t b : batch)
    newBatch.push_back(perm[b]);
  for (int64_t c : contract)
    newContract.push_back(perm[c]);
  return true;
}

struct DotGeneralFoldTranspose : OpRewritePattern<DotGeneralOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(DotGeneralOp op, PatternRewriter &rewriter) const override {
    DotDimensionNumbersAttr dn = op.getDotDimensionNumbers();
    SmallVector<int64_t> lb(dn.getLhsBatchingDimensions()),
        rb(dn.getRhsBatchingDimensions()), lc(dn.getLhsContractingDimensions()),
        rc(dn.getRhsContractingDimensions());
    Value lhs = op.getLhs(), rhs = op.getRhs();
    bool changed = false;
    SmallVector<int64_t> nb, nc;
    Value nv;
    if (absorbTranspose(lhs, lb, lc, nv, nb, nc)) {
      lhs = nv;
      lb = nb;
      lc = nc;
      changed = true;
    }
    if (absorbTranspose(rhs, rb, rc, nv, nb, nc)) {
      rhs = nv;
      rb = nb;
      rc = nc;
      changed = true;
    }
    if (!changed)
      return failure();
    auto newDn = DotDimensionNumbersAttr::get(op.getContext(), lb, rb, lc, rc);
    rewriter.modifyOpInPlace(op, [&] {
      op.getLhsMutable().assign(lhs);
      op.getRhsMutable().assign(rhs);
      op.setDotDimensionNumbersAttr(newDn);
    });
    return success();
  }
};

// slice(concatenate(..., x, ...)) -> slice(x) when the slice lies within x along
// the concatenated dimension.
struct SliceOfConcatenate : OpRewritePattern<SliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SliceOp op, PatternRewriter &rewriter) const override {
    auto concat = op.getOperand().getDefiningOp<ConcatenateOp>();
    if (!concat)
      return failure();
    int64_t dim = concat.getDimension();
    int64_t begin = op.getStartIndices()[dim], end = op.getLimitIndices()[dim];
    int64_t offset = 0;
    for (Value input : concat.getInputs()) {
      auto type = dyn_cast<RankedTensorType>(input.getType());
      if (!type || type.isDynamicDim(dim))
        return failure();
      int64_t size = type.getDimSize(dim);
      if (begin >= offset && end <= offset + size && begin < end) {
        SmallVector<int64_t> start(op.getStartIndices()), limit(op.getLimitIndices());
        start[dim] -= offset;
        limit[dim] -= offset;
        rewriter.replaceOpWithNewOp<SliceOp>(op, op.getType(), input, start, limit,
                                             op.getStrides());
        return success();
      }
      offset += size;
    }
    return failure();
  }
};

// transpose(broadcast_in_dim(x, dims), perm) -> broadcast_in_dim(x, inv(perm)[dims]):
// the operand dim that went to result dim dims[i] ends up at inv(perm)[dims[i]].
struct TransposeOfBroadcast : OpRewritePattern<TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeOp op, PatternRewriter &rewriter) const override {
    auto broadcast = op.getOperand().getDefiningOp<BroadcastInDimOp>();
    if (!broadcast || !broadcast->hasOneUse())
      return failure();
    ArrayRef<int64_t> perm = op.getPermutation();
    SmallVector<int64_t> inverse(perm.size());
    for (auto [k, p] : llvm::enumerate(perm))
      inverse[p] = static_cast<int64_t>(k);
    SmallVector<int64_t> dims;
    for (int64_t d : broadcast.getBroadcastDimensions())
      dims.push_back(inverse[d]);
    rewriter.replaceOpWithNewOp<BroadcastInDimOp>(op, op.getType(), broadcast.getOperand(),
                                                  dims);
    return success();
  }
};

// Replaces `op` by the body of `region` (single block, no arguments).
LogicalResult inlineRegion(Operation *op, Region &region, PatternRewriter &rewriter) {
  if (!region.hasOneBlock())
    return failure();
  Block *block = &region.front();
  if (block->getNumArguments() != 0)
    return failure();
  Operation *term = block->getTerminator();
  if (term->getNumOperands() != op->getNumResults())
    return failure();
  for (auto [v, r] : llvm::zip_equal(term->getOperands(), op->getResults()))
    if (v.getType() != r.getType())
      return failure();
  SmallVector<Value> results(term->getOperands());
  rewriter.inlineBlockBefore(block, op);
  rewriter.eraseOp(term);
  rewriter.replaceOp(op, results);
  return success();
}

struct IfConstantPredicate : OpRewritePattern<IfOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(IfOp op, PatternRewriter &rewriter) const override {
    DenseIntElementsAttr pred;
    if (!matchPattern(op.getPred(), m_Constant(&pred)) || pred.getNumElements() != 1)
      return failure();
    bool taken = !(*pred.getValues<APInt>().begin()).isZero();
    return inlineRegion(op, taken ? op.getTrueBranch() : op.getFalseBranch(), rewriter);
  }
};

struct CaseConstantIndex : OpRewritePattern<CaseOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CaseOp op, PatternRewriter &rewriter) const override {
    auto c = constantInts(op.getIndex());
    int64_t n = op.getBranches().size();
    if (!c || c->size() != 1 || n == 0)
      return failure();
    int64_t i = (*c)[0];
    if (i < 0 || i >= n)
      i = n - 1;
    return inlineRegion(op, op.getBranches()[i], rewriter);
  }
};

struct IotaToConstant : OpRewritePattern<IotaOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(IotaOp op, PatternRewriter &rewriter) const override {
    DenseElementsAttr value = iotaConstant(op);
    if (!value)
      return failure();
    rewriter.replaceOpWithNewOp<ConstantOp>(op, value);
    return success();
  }
};

// while: (1) a carried value the body returns unchanged is loop invariant: its
// uses (result, cond and body arguments) take the initial value; (2) a carried
// value that nothing reads (result unused, cond argument unused, body argument
// only passed back to the same slot) is dropped.
struct WhileSimplify : OpRewritePattern<WhileOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(WhileOp op, PatternRewriter &rewriter) const override {
    if (!op.getCond().hasOneBlock() || !op.getBody().hasOneBlock())
      return failure();
    Block &cond = op.getCond().front(), &body = op.getBody().front();
    Operation *term = body.getTerminator();
    unsigned n = op->getNumOperands();
    if (cond.getNumArguments() != n || body.getNumArguments() != n ||
        term->getNumOperands() != n || op->getNumResults() != n)
      return failure();
    auto onlyPassedBack = [&](unsigned i) {
      return llvm::all_of(body.getArgument(i).getUses(), [&](OpOperand &u) {
        return u.getOwner() == term && u.getOperandNumber() == i;
      });
    };
    bool changed = false;
    for (unsigned i = 0; i < n; ++i) {
      Value init = op->getOperand(i);
      if (term->getOperand(i) != body.getArgument(i) ||
          init.getType() != op->getResult(i).getType() ||
          init.getType() != cond.getArgument(i).getType() ||
          init.getType() != body.getArgument(i).getType())
        continue;
      if (op->getResult(i).use_empty() && cond.getArgument(i).use_empty() && onlyPassedBack(i))
        continue;
      rewriter.replaceAllUsesWith(op->getResult(i), init);
      rewriter.replaceAllUsesWith(cond.getArgument(i), init);
      rewriter.replaceUsesWithIf(body.getArgument(i), init, [&](OpOperand &u) {
        return !(u.getOwner() == term && u.getOperandNumber() == i);
      });
      changed = true;
    }
    llvm::BitVector dead(n);
    for (unsigned i = 0; i < n; ++i)
      if (op->getResult(i).use_empty() && cond.getArgument(i).use_empty() && onlyPassedBack(i))
        dead.set(i);
    if (dead.none() || dead.all())
      return success(changed);
    SmallVector<Value> operands;
    SmallVector<Type> types;
    for (unsigned i = 0; i < n; ++i)
      if (!dead.test(i)) {
        operands.push_back(op->getOperand(i));
        types.push_back(op->getResult(i).getType());
      }
    auto newOp = WhileOp::create(rewriter, op.getLoc(), types, operands, op->getAttrs());
    rewriter.inlineRegionBefore(op.getCond(), newOp.getCond(), newOp.getCond().end());
    rewriter.inlineRegionBefore(op.getBody(), newOp.getBody(), newOp.getBody().end());
    rewriter.modifyOpInPlace(term, [&] { term->eraseOperands(dead); });
    cond.eraseArguments(dead);
    body.eraseArguments(dead);
    unsigned k = 0;
    for (unsigned i = 0; i < n; ++i)
      if (!dead.test(i))
        rewriter.replaceAllUsesWith(op->getResult(i), newOp->getResult(k++));
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void ConcatenateOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                MLIRContext *context) {
  results.add<ConcatenateDropEmpty>(context);
}
void DynamicSliceOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                 MLIRContext *context) {
  results.add<DynamicSliceToSlice>(context);
}
void DynamicReshapeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                   MLIRContext *context) {
  results.add<DynamicReshapeToReshape>(context);
}
void DynamicBroadcastInDimOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                                          MLIRContext *context) {
  results.add<DynamicBroadcastToBroadcast>(context);
}
void DotGeneralOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                               MLIRContext *context) {
  results.add<DotGeneralFoldTranspose>(context);
}
void IfOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *context) {
  results.add<IfConstantPredicate>(context);
}
void IotaOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *context) {
  results.add<IotaToConstant>(context);
}
void WhileOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *context) {
  results.add<WhileSimplify>(context);
}
void TransposeOp::getCanonicalizationPatterns(RewritePatternSet &results,
                                              MLIRContext *context) {
  results.add<TransposeOfBroadcast>(context);
}
void SliceOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *context) {
  results.add<SliceOfConcatenate>(context);
}
void CaseOp::getCanonicalizationPatterns(RewritePatternSet &results, MLIRContext *context) {
  results.add<CaseConstantIndex>(context);
}
// The shape-op rewrites are folders; these hooks are kept for future patterns.
void BroadcastInDimOp::getCanonicalizationPatterns(RewritePatternSet &, MLIRContext *) {}
void ReshapeOp::getCanonicalizationPatterns(RewritePatternSet &, MLIRContext *) {}
void PadOp::getCanonicalizationPatterns(RewritePatternSet &, MLIRContext *) {}
