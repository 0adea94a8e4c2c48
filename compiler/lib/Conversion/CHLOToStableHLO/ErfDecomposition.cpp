//===- ErfDecomposition.cpp - erf, erfc, erf_inv in stablehlo ---------------===//
//
// Polynomial fits (relative-error minimax, made for this file; f32 and f64
// tables) evaluated by Horner's scheme. erfc(x) for x >= 0.5 is exp(-x^2) R(x)
// with exp(-x^2) split as exp(-xh^2) * (1 + expm1(-(x - xh)(x + xh))), xh = x
// rounded to 1/256 (f64: 2^-20) so that xh^2 is exact and x^2 carries no
// rounding error into the exponential.
//
//===----------------------------------------------------------------------===//
#include "Decompositions.h"

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace cl = mlir::byteir::chlo_lowering;

namespace {

// erf(x)/x as a polynomial in x^2, |x| < 1 (max rel. error 1.2e-09)
constexpr double kErfSmall[] = {7.8538539419573136e-05, -0.00080101913800841268,
                                0.0051883274301058168,  -0.026853811800709011,
                                0.11283585145395354,    -0.37612625823949225,
                                1.12837916572667};

// erfc(x) exp(x^2) (1 + 2x) in t = (x - 2) / (x + 2), 0.5 <= x <= 10.1
// (max rel. error 5.3e-10)
constexpr double kErfcScaled[] = {
    0.00023133777094476823, -0.00032075690199058905, -0.0014824988388613572,
    0.0012232082445798275,  0.0087310102687654795,   -0.0080261285932053065,
    -0.054221065568792193,  0.16405074062628547,     -0.16603035158615639,
    -0.092763816082255007,  1.2769783812442044};

// erfinv(x)/x in w - 2.5, w = -log(1 - x^2) < 5 (max rel. error 5.6e-09)
constexpr double kErfInvCentral[] = {-8.7913627547204466e-09, 2.3232796511541218e-08,
                                     4.6617489825547247e-07,  -3.462706630725992e-06,
                                     -4.9633672507540061e-06, 0.00021834444656160828,
                                     -0.0012527418458471414,  -0.0041773867896522862,
                                     0.24664028613887931,     1.5014093592840556};

// erfinv(x)/x in sqrt(w) - 3, 5 <= w <= 16.4 (max rel. error 7.9e-09)
constexpr double kErfInvTail[] = {0.0001213302600536114,   -0.00031400430890882349,
                                  -6.5119367915983145e-05, 0.0014904191316529873,
                                  -0.0035930112333233833,  0.0056850384281932715,
                                  -0.0076382006460773647,  0.0094454968026461625,
                                  1.0016750201999329,      2.8329767981313818};

// f64: erf(x)/x in x^2, |x| < 1 (max rel. error 1.3e-19)
constexpr double kErfSmall64[] = {
    5.9467031930271836e-11,  -1.1366510514918665e-09, 1.4658095606529481e-08,
    -1.6350056757229802e-07, 1.6460975724504666e-06,  -1.4925593682757362e-05,
    0.00012055331043932831,  -0.00085483269789251096, 0.00522397762478383,
    -0.02686617064507317,    0.11283791670954858,     -0.37612638903183748,
    1.1283791670955126};

// f64: erfc(x) exp(x^2) (1 + 2x) in (x - 3) / (x + 3), 0.5 <= x <= 27.3 (max rel.
// error 2.4e-20)
constexpr double kErfcScaled64[] = {
    1.3759953233180262e-09,  9.8944758152448178e-10,  -1.0748209616370449e-08,
    -1.3304730961645659e-08, 4.629566410563934e-08,   1.0183198562423334e-07,
    -1.4673552826773926e-07, -6.166473389096409e-07,  3.6055728904610703e-07,
    3.4724551882130574e-06,  -7.3328253063965046e-07, -2.0100609212622044e-05,
    4.9500434364116144e-06,  0.0001250993720311945,   -0.00010515991376418763,
    -0.00077983227732812699, 0.0018886903734598797,   0.0025293918168454344,
    -0.023770514919648791,   0.068308027343917388,    -0.11927366341527443,
    0.12964515870276275,     -0.047562294353451183,   -0.1356211061245812,
    1.2530080582697296};

// f64: erfinv(x)/x in w - 3.125, w = -log(1 - x^2) < 6.25 (max rel. error 3.2e-18)
constexpr double kErfInvCentral64[] = {
    -3.0082079038000902e-22, 3.2196306120802198e-21,  1.6579624538329816e-20,
    -3.487801345573727e-19,  6.9458496174001282e-19,  1.5545589211583245e-17,
    -1.2343210935884303e-16, -3.9883695082084331e-17, 6.5331796132319823e-15,
    -4.0015845207446619e-14, -8.0791870662773335e-14, 2.6305031380970697e-12,
    -1.2978508664189888e-11, -5.4142945006320442e-11, 1.051222579540906e-09,
    -4.1126606460556483e-09, -2.9070389917836716e-08, 4.2347881712539997e-07,
    -1.3654691772413506e-06, -1.388252339420156e-05,  0.00018673420802051789,
    -0.0007407025341545526,  -0.0060336708714269945,  0.24015818242558834,
    1.6536545626831027};

// f64: erfinv(x)/x in sqrt(w) - 3.25, 6.25 <= w < 16 (max rel. error 1.0e-18)
constexpr double kErfInvMiddle64[] = {
    7.6557973864159729e-09, -1.5285973175304758e-08, -2.0847718923176738e-08,
    1.3153510661524096e-07, -2.4557566617451373e-07, -2.7559653429762751e-08,
    1.4816473156023414e-06, -3.9857410087446888e-06, 2.9325594219443009e-06,
    1.2465040912967582e-05, -4.7320676168055731e-05, 6.8287114621530222e-05,
    2.4031512224220956e-05, -0.00035503781343048101, 0.00095328934163140368,
    -0.0016882755354733952, 0.0024914420979548521,   -0.0037512085082239653,
    0.0053709145535550656,  1.0052589676941655,      3.0838856104922208};

// f64: erfinv(x)/x in sqrt(w) - 5.05, 16 <= w <= 37.2 (max rel. error 6.8e-20)
constexpr double kErfInvTail64[] = {
    -8.4680417275346124e-13, 5.020641986469578e-12,   -1.1012478247444057e-11,
    2.6098707390113992e-12,  6.7716689453541651e-11,  -3.2883220646025708e-10,
    1.0600314600294882e-09,  -2.7010647536549613e-09, 5.7975465709487331e-09,
    -1.1157319934475821e-08, 2.1825424938371701e-08,  -5.495370094105645e-08,
    2.0161815542042081e-07,  -9.0708049536492778e-07, 4.1938538747938943e-06,
    -1.8374536901308745e-05, 7.1240315415281149e-05,  -0.00020031200663251018,
    -0.00016985809149329498, 1.0102850175977713,      4.9004210514436402};

/// The constants of one working precision.
struct ErfParams {
  ArrayRef<double> small, scaled;
  double scaledCenter;  // t = (x - c) / (x + c)
  double splitScale;    // x is split at multiples of 1/splitScale
  double erfOneAbove;   // erf(x) rounds to 1 above this
  double erfcZeroAbove; // erfc(x) underflows to 0 above this
};

const ErfParams &params(ExprBuilder &e) {
  static const ErfParams f32{kErfSmall, kErfcScaled, 2.0, 256.0, 4.0, 10.1};
  static const ErfParams f64{kErfSmall64, kErfcScaled64, 3.0, 1048576.0, 6.0, 27.3};
  return e.isF64() ? f64 : f32;
}

/// erf(x) for |x| < 1.
Value erfSmall(ExprBuilder &e, Value x) {
  return e.mul(x, e.horner(e.mul(x, x), params(e).small));
}

/// erfc(a) for 0.5 <= a <= erfcZeroAbove.
Value erfcLarge(ExprBuilder &e, Value a) {
  const ErfParams &p = params(e);
  Value center = e.cst(p.scaledCenter);
  Value t = e.div(e.sub(a, center), e.add(a, center));
  Value r = e.div(e.horner(t, p.scaled), e.add(e.cst(1.0), e.mul(e.cst(2.0), a)));
  Value ah = e.mul(e.roundEven(e.mul(a, e.cst(p.splitScale))), e.cst(1.0 / p.splitScale));
  Value lo = e.mul(e.sub(a, ah), e.add(a, ah));
  Value scaled = e.add(r, e.mul(r, e.expm1(e.neg(lo))));
  return e.mul(scaled, e.exp(e.neg(e.mul(ah, ah))));
}

} // namespace

Value cl::buildErf(ExprBuilder &e, Value x) {
  Value a = e.abs(x);
  Value big = e.sub(e.cst(1.0), erfcLarge(e, e.min(a, e.cst(params(e).erfOneAbove))));
  big = e.select(e.lt(x, e.cst(0.0)), e.neg(big), big);
  return e.select(e.lt(a, e.cst(1.0)), erfSmall(e, x), big);
}

Value cl::buildErfc(ExprBuilder &e, Value x) {
  Value a = e.abs(x);
  Value limit = e.cst(params(e).erfcZeroAbove);
  Value tail = erfcLarge(e, e.min(a, limit));
  tail = e.select(e.gt(a, limit), e.cst(0.0), tail);
  Value big = e.select(e.lt(x, e.cst(0.0)), e.sub(e.cst(2.0), tail), tail);
  Value small = e.sub(e.cst(1.0), erfSmall(e, x));
  return e.select(e.lt(a, e.cst(0.5)), small, big);
}

/// erfinv(x)/x as a function of w = -log(1 - x^2).
static Value erfInvRatio(ExprBuilder &e, Value w) {
  if (!e.isF64()) {
    Value central = e.horner(e.sub(w, e.cst(2.5)), kErfInvCentral);
    Value tail = e.horner(e.sub(e.sqrt(w), e.cst(3.0)), kErfInvTail);
    return e.select(e.lt(w, e.cst(5.0)), central, tail);
  }
  Value s = e.sqrt(w);
  Value central = e.horner(e.sub(w, e.cst(3.125)), kErfInvCentral64);
  Value middle = e.horner(e.sub(s, e.cst(3.25)), kErfInvMiddle64);
  Value tail = e.horner(e.sub(s, e.cst(5.05)), kErfInvTail64);
  Value p = e.select(e.lt(w, e.cst(16.0)), middle, tail);
  return e.select(e.lt(w, e.cst(6.25)), central, p);
}

Value cl::buildErfInv(ExprBuilder &e, Value x) {
  Value one = e.cst(1.0);
  Value w = e.neg(e.log(e.mul(e.sub(one, x), e.add(one, x))));
  Value p = erfInvRatio(e, w);
  Value result = e.mul(p, x);
  Value inf = e.mul(x, e.cst(std::numeric_limits<double>::infinity()));
  return e.select(e.eq(e.abs(x), one), inf, result);
}
