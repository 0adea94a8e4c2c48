//===- GammaDecomposition.cpp - lgamma and digamma in stablehlo -------------===//
//
// lgamma and digamma for x > 0 split into: (0, 1) by the recurrence to (1, 2);
// [1, 3) by a fit with the function's zeros (lgamma: 1 and 2; digamma: its
// positive root x0) factored out, so results keep their relative accuracy there;
// [3, T) by the recurrence down to [2, 3) (T = 8 resp. 6 for f32, 12 for
// f64); above that the asymptotic series. Negative x uses the reflection
// formulas, in terms of -x (exact) and with an exact argument reduction of
// sin(pi x) / cot(pi x).
//
//===----------------------------------------------------------------------===//
#include "Decompositions.h"

#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace cl = mlir::byteir::chlo_lowering;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// lgamma(x) / ((x - 1)(x - 2)) in x - 2, 1 <= x <= 3 (max rel. error 1.4e-09)
constexpr double kLgammaCore[] = {
    -9.6802565854641663e-06, 1.9313894836455903e-05,  -7.2739268603227614e-06,
    2.0233996592518068e-05,  -9.1743973879641257e-05, 0.0001958167047709071,
    -0.00040197724852492224, 0.00091049742074289259,  -0.0021089429816483788,
    0.0049994825823442175,   -0.01238411497993042,    0.032964946699545424,
    -0.10031730378477585,    0.42278433565949691};

// Stirling series of lgamma(x) - ((x - 1/2) log x - x + log(2 pi)/2), in 1/x^2,
// times 1/x.
constexpr double kLgammaStirling[] = {-1.0 / 1680, 1.0 / 1260, -1.0 / 360, 1.0 / 12};

// digamma(x) / (x - x0) in x - 2, 1 <= x <= 3 (max rel. error 2.5e-09)
constexpr double kDigammaCore[] = {
    6.2095619490065631e-05,  -0.00011874167243869474, 4.6461187820655367e-06,
    -2.8756254801676385e-05, 0.00040789242719855331,  -0.00079182348526136319,
    0.0013239481528799081,   -0.0026891911862836136,  0.0055608924001809132,
    -0.011349407786968458,   0.023446263429020276,    -0.049549990472788942,
    0.10899996402671565,     -0.26073898311239541,    0.78530753826968491};

// The positive root of digamma, x0 = hi + lo with hi representable in f32.
constexpr double kDigammaRootHi = 1.4616321325302124;
constexpr double kDigammaRootLo = 1.2438149938918909e-08;

// Asymptotic series of digamma(x) - log(x) + 1/(2x), in 1/x^2, times 1/x^2.
constexpr double kDigammaAsymptotic[] = {691.0 / 32760, -1.0 / 132, 1.0 / 240,
                                         -1.0 / 252,    1.0 / 120,  -1.0 / 12};

// f64: lgamma(x) / ((x - 1)(x - 2)) in x - 2, 1 <= x <= 3 (max rel. error 2.0e-18)
constexpr double kLgammaCore64[] = {
    4.2409775156343492e-10,  -8.1760470997010005e-10, -1.3871327886799024e-09,
    2.4600871090695526e-09,  4.919950703678968e-09,   -8.9243546978101154e-09,
    -7.4739226968844834e-10, -8.3404551150337324e-10, 2.6233820888432626e-08,
    -5.1984696476735872e-08, 8.7468992605780757e-08,  -1.8617288080553463e-07,
    4.055590416346145e-07,   -8.5545978336177277e-07, 1.8074608686891811e-06,
    -3.8465223082283706e-06, 8.2223473142396141e-06,  -1.7661853446780931e-05,
    3.8168862824762909e-05,  -8.3095100283287293e-05, 0.0001825526419795715,
    -0.0004057073999040026,  0.0009153769220601836,   -0.0021081308338311475,
    0.0049986411647039092,   -0.012384192193374301,   0.032965000621155739,
    -0.1003173016743539,     0.42278433509846713};

// f64 Stirling series (one more term than f32's).
constexpr double kLgammaStirling64[] = {1.0 / 156,   -691.0 / 360360, 1.0 / 1188,
                                        -1.0 / 1680, 1.0 / 1260,      -1.0 / 360,
                                        1.0 / 12};

// f64: digamma(x) / (x - x0) in x - 2, 1 <= x <= 3 (max rel. error 1.8e-18)
constexpr double kDigammaCore64[] = {
    2.8583307710277706e-09,  -5.4801115196749864e-09, -1.1185497392863465e-08,
    2.0596279968994555e-08,  3.629396023086339e-08,   -6.6596272409248406e-08,
    -2.8646529411271928e-08, 4.5267820128067233e-08,  1.3416535822362325e-07,
    -2.5237296237121068e-07, 2.8618898414961393e-07,  -5.8717192775590002e-07,
    1.3273999984963818e-06,  -2.6454132294096757e-06, 5.2140811278439917e-06,
    -1.043597190720687e-05,  2.0910260261466619e-05,  -4.184781458628486e-05,
    8.377521912076582e-05,   -0.00016781484534808579, 0.00033643310619359707,
    -0.00067531341902704069, 0.0013581421121990251,   -0.0027395728787196266,
    0.0055522541763872663,   -0.011338432553561246,   0.023447309597554769,
    -0.049551032917667479,   0.10899991701762853,     -0.2607389546830014,
    0.78530753860410529};

constexpr double kDigammaRootHi64 = 1.4616321449683622;
constexpr double kDigammaRootLo64 = 9.5499954299656973e-17;

// f64 asymptotic series of digamma (one more term than f32's).
constexpr double kDigammaAsymptotic64[] = {
    -1.0 / 12, 691.0 / 32760, -1.0 / 132, 1.0 / 240, -1.0 / 252, 1.0 / 120, -1.0 / 12};

/// The constants of one working precision.
struct GammaParams {
  ArrayRef<double> lgammaCore, stirling, digammaCore, asymptotic;
  double rootHi, rootLo;
  int lgammaAsymptoticFrom;  // Stirling from here; recurrence on [3, this)
  int digammaAsymptoticFrom; // likewise for digamma
  double tiny;               // lgamma(x) = -log|x| below this |x|
};

const GammaParams &params(ExprBuilder &e) {
  static const GammaParams f32{kLgammaCore,
                               kLgammaStirling,
                               kDigammaCore,
                               kDigammaAsymptotic,
                               kDigammaRootHi,
                               kDigammaRootLo,
                               8,
                               6,
                               0x1p-24};
  static const GammaParams f64{kLgammaCore64,
                               kLgammaStirling64,
                               kDigammaCore64,
                               kDigammaAsymptotic64,
                               kDigammaRootHi64,
                               kDigammaRootLo64,
                               12,
                               12,
                               0x1p-53};
  return e.isF64() ? f64 : f32;
}

/// lgamma on [1, 3) given y and the exactly computed factors (y - 1)(y - 2).
Value lgammaCore(ExprBuilder &e, Value y, Value factors) {
  return e.mul(factors, e.horner(e.sub(y, e.cst(2.0)), params(e).lgammaCore));
}

/// lgamma(z) for z > 0 (and +inf, NaN).
Value lgammaPositive(ExprBuilder &e, Value z) {
  const GammaParams &p = params(e);
  Value one = e.cst(1.0), two = e.cst(2.0);
  // (0, 1): lgamma(z + 1) - log(z), with (z + 1 - 1)(z + 1 - 2) = z (z - 1).
  Value small = e.sub(
      e.mul(e.mul(z, e.sub(z, one)), e.horner(e.sub(e.add(z, one), two), p.lgammaCore)),
      e.log(z));
  Value core = lgammaCore(e, z, e.mul(e.sub(z, one), e.sub(z, two)));
  // [3, T): lgamma(y) + log(y (y + 1) ... (z - 1)), y = frac(z) + 2.
  Value y = e.add(e.sub(z, e.floor(z)), two);
  Value product = one;
  for (int i = 0; i < p.lgammaAsymptoticFrom - 3; ++i) {
    Value yi = e.add(y, e.cst(i));
    product = e.select(e.lt(yi, z), e.mul(product, yi), product);
  }
  Value mid =
      e.add(lgammaCore(e, y, e.mul(e.sub(y, one), e.sub(y, two))), e.log(product));
  // [T, inf): Stirling.
  Value w = e.div(one, z);
  Value series = e.mul(w, e.horner(e.mul(w, w), p.stirling));
  Value stirling = e.add(e.add(e.mul(e.sub(z, e.cst(0.5)), e.sub(e.log(z), one)),
                               e.cst(0.5 * std::log(2 * kPi) - 0.5)),
                         series);
  Value result = e.select(e.lt(z, e.cst(p.lgammaAsymptoticFrom)), mid, stirling);
  result = e.select(e.lt(z, e.cst(3.0)), core, result);
  return e.select(e.lt(z, one), small, result);
}

/// |sin(pi x)| with the argument reduced exactly to [-1/2, 1/2].
Value absSinPi(ExprBuilder &e, Value x) {
  Value r = e.sub(x, e.mul(e.cst(2.0), e.roundEven(e.mul(x, e.cst(0.5)))));
  Value folded = e.sub(e.sign(r), r);
  r = e.select(e.gt(e.abs(r), e.cst(0.5)), folded, r);
  return e.abs(e.sin(e.mul(e.cst(kPi), r)));
}

/// digamma on [1, 3) given y and y - x0 computed without cancellation.
Value digammaCore(ExprBuilder &e, Value y, Value shifted) {
  return e.mul(shifted, e.horner(e.sub(y, e.cst(2.0)), params(e).digammaCore));
}

/// y - x0 for y near x0 (hi - 1 for `oneLess`: (y + 1) - x0).
Value minusRoot(ExprBuilder &e, Value y, bool oneLess = false) {
  const GammaParams &p = params(e);
  double hi = oneLess ? p.rootHi - 1 : p.rootHi;
  return e.sub(e.sub(y, e.cst(hi)), e.cst(p.rootLo));
}

/// digamma(1 + z) for 0 < z < 1, with 1 + z - x0 computed from z exactly.
Value digammaOnePlusSmall(ExprBuilder &e, Value z) {
  return digammaCore(e, e.add(z, e.cst(1.0)), minusRoot(e, z, /*oneLess=*/true));
}

/// digamma(z) for z > 0 (and +inf, NaN).
Value digammaPositive(ExprBuilder &e, Value z) {
  Value one = e.cst(1.0), two = e.cst(2.0);
  // (0, 1): digamma(z + 1) - 1/z.
  Value small = e.sub(digammaOnePlusSmall(e, z), e.div(one, z));
  const GammaParams &p = params(e);
  Value core = digammaCore(e, z, minusRoot(e, z));
  // [3, T): digamma(y) + 1/y + ... + 1/(z - 1), y = frac(z) + 2.
  Value y = e.add(e.sub(z, e.floor(z)), two);
  Value mid = digammaCore(e, y, minusRoot(e, y));
  for (int i = 0; i < p.digammaAsymptoticFrom - 3; ++i) {
    Value yi = e.add(y, e.cst(i));
    mid = e.select(e.lt(yi, z), e.add(mid, e.div(one, yi)), mid);
  }
  // [T, inf): asymptotic series.
  Value w = e.div(one, z);
  Value w2 = e.mul(w, w);
  Value asymptotic =
      e.add(e.sub(e.log(z), e.mul(e.cst(0.5), w)), e.mul(w2, e.horner(w2, p.asymptotic)));
  Value result = e.select(e.lt(z, e.cst(p.digammaAsymptoticFrom)), mid, asymptotic);
  result = e.select(e.lt(z, e.cst(3.0)), core, result);
  return e.select(e.lt(z, one), small, result);
}

} // namespace

Value cl::buildLgamma(ExprBuilder &e, Value x) {
  Value negative = e.lt(x, e.cst(0.0));
  Value z = e.abs(x);
  Value positive = lgammaPositive(e, z);
  // x < 0: lgamma(x) = log(pi / |x sin(pi x)|) - lgamma(-x), which needs no
  // rounded 1 - x; -log|x| where x sin(pi x) would underflow.
  Value reflected = e.sub(e.log(e.div(e.cst(kPi), e.mul(z, absSinPi(e, x)))), positive);
  reflected = e.select(e.lt(z, e.cst(params(e).tiny)), e.neg(e.log(z)), reflected);
  Value result = e.select(negative, reflected, positive);
  return e.select(e.isNonPositiveInteger(x), e.cst(kInf), result);
}

/// pi cot(pi x), reduced exactly so that tan never sees an argument near pi/2.
static Value piCotPi(ExprBuilder &e, Value x) {
  Value r = e.sub(x, e.roundEven(x));
  Value a = e.abs(r);
  Value pi = e.cst(kPi);
  Value nearHalf = e.tan(e.mul(pi, e.sub(e.cst(0.5), a)));
  Value nearZero = e.div(e.cst(1.0), e.tan(e.mul(pi, a)));
  Value cot = e.select(e.gt(a, e.cst(0.25)), nearHalf, nearZero);
  return e.mul(e.mul(pi, cot), e.sign(r));
}

Value cl::buildDigamma(ExprBuilder &e, Value x) {
  Value negative = e.lt(x, e.cst(0.0));
  Value z = e.abs(x);
  Value positive = digammaPositive(e, z);
  // x < 0: digamma(x) = digamma(1 + z) - pi cot(pi x), z = -x, with
  // digamma(1 + z) = digamma(z) + 1/z (or its direct form for z < 1).
  Value onePlus = e.select(e.lt(z, e.cst(1.0)), digammaOnePlusSmall(e, z),
                           e.add(positive, e.div(e.cst(1.0), z)));
  Value reflected = e.sub(onePlus, piCotPi(e, x));
  Value result = e.select(negative, reflected, positive);
  return e.select(e.isNonPositiveInteger(x), e.cst(kNaN), result);
}
