//===- ZetaDecomposition.cpp - Hurwitz zeta and polygamma in stablehlo -----===//
//
// zeta(s, q) = sum_{k<N} (q + k)^-s + Euler-Maclaurin tail at a = q + N;
// polygamma(n, x) = (-1)^(n+1) n! zeta(n + 1, x) for n >= 1, digamma for n = 0.
//
//===----------------------------------------------------------------------===//
#include "Decompositions.h"

#include <limits>

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace cl = mlir::byteir::chlo_lowering;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Euler-Maclaurin corrections B_2j / (2j)! of the Hurwitz zeta tail (f32 uses
// the first 6).
constexpr double kZetaBernoulli[] = {1.0 / 12,
                                     -1.0 / 720,
                                     1.0 / 30240,
                                     -1.0 / 1209600,
                                     1.0 / 47900160,
                                     -691.0 / 1307674368000,
                                     1.0 / 74724249600,
                                     -3617.0 / 10670622842880000,
                                     8.586062056277845e-15,
                                     -2.174868698558062e-16,
                                     5.5090028283602295e-18,
                                     -1.3954464685812522e-19};
constexpr int kZetaDirectTerms = 9;

/// n! for integral n >= 0 (exact products up to 34, the largest finite in f32;
/// exp(lgamma(n + 1)) above).
Value factorial(ExprBuilder &e, Value n) {
  Value f = e.cst(1.0);
  for (int k = 2; k <= 34; ++k) {
    Value kv = e.cst(k);
    f = e.select(e.ge(n, kv), e.mul(f, kv), f);
  }
  Value large = e.exp(buildLgamma(e, e.add(n, e.cst(1.0))));
  return e.select(e.gt(n, e.cst(34.0)), large, f);
}

} // namespace

Value cl::buildZeta(ExprBuilder &e, Value s, Value q) {
  Value one = e.cst(1.0);
  Value minusS = e.neg(s);
  Value sum = e.pow(q, minusS);
  for (int k = 1; k < kZetaDirectTerms; ++k)
    sum = e.add(sum, e.pow(e.add(q, e.cst(k)), minusS));
  // Euler-Maclaurin tail at a = q + N.
  Value a = e.add(q, e.cst(kZetaDirectTerms));
  Value aPow = e.pow(a, minusS);
  sum = e.add(sum, e.div(e.mul(a, aPow), e.sub(s, one)));
  sum = e.add(sum, e.mul(e.cst(0.5), aPow));
  Value rising = s;
  Value power = e.div(aPow, a);
  Value invA2 = e.div(one, e.mul(a, a));
  Value tail = e.cst(0.0);
  ArrayRef<double> corrections(kZetaBernoulli);
  for (auto [j, c] : llvm::enumerate(corrections.take_front(e.isF64() ? 12 : 6))) {
    tail = e.add(tail, e.mul(e.cst(c), e.mul(rising, power)));
    double k = 2.0 * static_cast<double>(j);
    rising = e.mul(rising, e.mul(e.add(s, e.cst(k + 1)), e.add(s, e.cst(k + 2))));
    power = e.mul(power, invA2);
  }
  Value result = e.add(sum, tail);
  // Domain: s == 1 pole, s < 1 undefined; q a pole at non-positive integers and
  // undefined (q^-s) for other negative q.
  Value qNegative = e.le(q, e.cst(0.0));
  result = e.select(qNegative, e.cst(kNaN), result);
  result = e.select(e.isNonPositiveInteger(q), e.cst(kInf), result);
  result = e.select(e.lt(s, one), e.cst(kNaN), result);
  return e.select(e.eq(s, one), e.cst(kInf), result);
}

Value cl::buildPolygamma(ExprBuilder &e, Value n, Value x) {
  Value one = e.cst(1.0);
  // psi^(n)(x) = (-1)^(n+1) n! zeta(n + 1, x) for n >= 1.
  Value half = e.mul(n, e.cst(0.5));
  Value odd = e.ne(half, e.floor(half));
  Value sign = e.select(odd, one, e.cst(-1.0));
  Value higher = e.mul(e.mul(sign, factorial(e, n)), buildZeta(e, e.add(n, one), x));
  Value result = e.select(e.eq(n, e.cst(0.0)), buildDigamma(e, x), higher);
  Value valid = e.andOp(e.ge(n, e.cst(0.0)), e.eq(n, e.floor(n)));
  return e.select(valid, result, e.cst(kNaN));
}
