//===- ElementwiseOps.cpp - elementwise ONNX ops --------------------------===//
//
// Unary math, activations, numpy-broadcasting binary ops, comparisons, logic,
// Where, Clip, Cast. Integer operands that are import-time constants (shape
// computations) are folded on the host.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

#include "byteir/Dialect/CHLO/IR/CHLOOps.h"

#include <cmath>
#include <functional>
#include <limits>

using namespace mlir;
using namespace mlir::byteir::onnxfe;
using hlo::ComparisonDirection;

namespace {

bool isFloat(Value v) { return isa<FloatType>(elemType(v)); }

Value like(NodeContext &c, Value v, double x) { return splat(c.b, c.loc, tensorType(v), x); }

/// Index of the operand element that output element `flat` (of `out`) reads.
int64_t sourceIndex(int64_t flat, ArrayRef<int64_t> out, ArrayRef<int64_t> in) {
  int64_t idx = 0, stride = 1;
  int64_t offset = (int64_t)out.size() - (int64_t)in.size();
  for (int64_t d = (int64_t)out.size() - 1; d >= 0; --d) {
    int64_t coord = flat % out[d];
    flat /= out[d];
    int64_t k = d - offset;
    if (k >= 0) {
      if (in[k] != 1)
        idx += coord * stride;
      stride *= in[k];
    }
  }
  return idx;
}

/// Folds an elementwise op over integer constants; null when not all constant.
Value foldInts(NodeContext &c, ArrayRef<Value> operands, Type resultElem,
               const std::function<int64_t(ArrayRef<int64_t>)> &fn) {
  SmallVector<SmallVector<int64_t>> vals;
  SmallVector<int64_t> shape;
  for (Value v : operands) {
    auto x = intValues(v);
    if (!x || numElements(shapeOf(v)) > 4096)
      return {};
    vals.push_back(*x);
    auto s = broadcastShape(shape, shapeOf(v));
    if (failed(s))
      return {};
    shape = *s;
  }
  int64_t n = numElements(shape);
  SmallVector<int64_t> out;
  SmallVector<int64_t> args(operands.size());
  for (int64_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < operands.size(); ++k)
      args[k] = vals[k][sourceIndex(i, shape, shapeOf(operands[k]))];
    out.push_back(fn(args));
  }
  return intConst(c.b, c.loc, shape, out, resultElem);
}

template <typename OpT>
LogicalResult unary(NodeContext &c) {
  Value x = c.in(0);
  if (!x)
    return c.invalid("expects one input");
  c.results.push_back(OpT::create(c.b, c.loc, x.getType(), x));
  return success();
}

template <typename OpT>
LogicalResult floatUnary(NodeContext &c) {
  Value x = c.in(0);
  if (!x)
    return c.invalid("expects one input");
  if (!isFloat(x))
    return c.unsupported("a non-float operand");
  c.results.push_back(OpT::create(c.b, c.loc, x.getType(), x));
  return success();
}

/// Opset < 7 `broadcast=1, axis=k`: B's dims align with A's starting at k.
Value legacyBroadcast(NodeContext &c, Value a, Value d) {
  if (c.opset >= 7 || !c.getInt("broadcast", 0) || !c.has("axis"))
    return d;
  int64_t ra = rankOf(a), rd = rankOf(d);
  int64_t axis = c.getInt("axis", 0);
  if (axis < 0)
    axis += ra;
  if (axis < 0 || axis + rd > ra)
    return d;
  SmallVector<int64_t> shape(axis, 1);
  shape.append(shapeOf(d).begin(), shapeOf(d).end());
  shape.append(ra - axis - rd, 1);
  return reshape(c.b, c.loc, d, shape);
}

/// Two operands of the same element type, broadcast to a common shape.
LogicalResult binaryOperands(NodeContext &c, Value &a, Value &d) {
  a = c.in(0);
  d = c.in(1);
  if (!a || !d)
    return c.invalid("expects two inputs");
  if (elemType(a) != elemType(d))
    return c.invalid("operand element types differ");
  d = legacyBroadcast(c, a, d);
  Value vs[2] = {a, d};
  if (failed(broadcastAll(c, vs)))
    return failure();
  a = vs[0];
  d = vs[1];
  return success();
}

template <typename OpT>
LogicalResult binary(NodeContext &c, std::function<int64_t(int64_t, int64_t)> fold) {
  Value a = c.in(0), d = c.in(1);
  if (a && d && fold && elemType(a) == elemType(d) && isa<IntegerType>(elemType(a)))
    if (Value f = foldInts(c, {a, d}, elemType(a),
                           [&](ArrayRef<int64_t> v) { return fold(v[0], v[1]); })) {
      c.results.push_back(f);
      return success();
    }
  if (failed(binaryOperands(c, a, d)))
    return failure();
  c.results.push_back(OpT::create(c.b, c.loc, a, d));
  return success();
}

LogicalResult convertAdd(NodeContext &c) {
  return binary<hlo::AddOp>(c, [](int64_t a, int64_t b) { return a + b; });
}
LogicalResult convertSub(NodeContext &c) {
  return binary<hlo::SubtractOp>(c, [](int64_t a, int64_t b) { return a - b; });
}
LogicalResult convertMul(NodeContext &c) {
  return binary<hlo::MulOp>(c, [](int64_t a, int64_t b) { return a * b; });
}
LogicalResult convertDiv(NodeContext &c) {
  return binary<hlo::DivOp>(c, [](int64_t a, int64_t b) { return b ? a / b : 0; });
}
LogicalResult convertAnd(NodeContext &c) {
  return binary<hlo::AndOp>(c, [](int64_t a, int64_t b) { return a && b; });
}
LogicalResult convertOr(NodeContext &c) {
  return binary<hlo::OrOp>(c, [](int64_t a, int64_t b) { return a || b; });
}
LogicalResult convertXor(NodeContext &c) {
  return binary<hlo::XorOp>(c, [](int64_t a, int64_t b) { return (a != 0) != (b != 0); });
}

LogicalResult convertPow(NodeContext &c) {
  Value a = c.in(0), e = c.in(1);
  if (!a || !e)
    return c.invalid("expects two inputs");
  if (elemType(e) != elemType(a))
    e = convert(c.b, c.loc, e, elemType(a));
  e = legacyBroadcast(c, a, e);
  Value vs[2] = {a, e};
  if (failed(broadcastAll(c, vs)))
    return failure();
  c.results.push_back(hlo::PowOp::create(c.b, c.loc, vs[0], vs[1]));
  return success();
}

LogicalResult convertMod(NodeContext &c) {
  Value a, d;
  if (failed(binaryOperands(c, a, d)))
    return failure();
  Value r = hlo::RemOp::create(c.b, c.loc, a, d);
  if (c.getInt("fmod", 0) == 0) {
    if (isFloat(a))
      return c.unsupported("fmod=0 on floating-point operands");
    if (!elemType(a).isUnsignedInteger()) {
      // Result takes the divisor's sign: r != 0 && (r < 0) != (d < 0) ? r + d : r.
      Value zero = like(c, a, 0);
      Value nonzero = compare(c.b, c.loc, ComparisonDirection::NE, r, zero);
      Value rneg = compare(c.b, c.loc, ComparisonDirection::LT, r, zero);
      Value dneg = compare(c.b, c.loc, ComparisonDirection::LT, d, zero);
      Value diff = compare(c.b, c.loc, ComparisonDirection::NE, rneg, dneg);
      Value fix = hlo::AndOp::create(c.b, c.loc, nonzero, diff);
      r = hlo::SelectOp::create(c.b, c.loc, fix, hlo::AddOp::create(c.b, c.loc, r, d), r);
    }
  }
  c.results.push_back(r);
  return success();
}

LogicalResult convertBitShift(NodeContext &c) {
  Value a, d;
  if (failed(binaryOperands(c, a, d)))
    return failure();
  std::string dir = c.getString("direction", "");
  if (dir == "LEFT")
    c.results.push_back(hlo::ShiftLeftOp::create(c.b, c.loc, a, d));
  else if (dir == "RIGHT")
    c.results.push_back(hlo::ShiftRightLogicalOp::create(c.b, c.loc, a, d));
  else
    return c.invalid("direction must be LEFT or RIGHT");
  return success();
}

/// Max, Min, Sum, Mean: variadic with broadcasting.
template <typename OpT>
LogicalResult variadic(NodeContext &c, bool mean = false) {
  SmallVector<Value> vs(c.inputs.begin(), c.inputs.end());
  if (vs.empty() || llvm::any_of(vs, [](Value v) { return !v; }))
    return c.invalid("expects at least one input");
  for (Value v : vs)
    if (elemType(v) != elemType(vs[0]))
      return c.invalid("operand element types differ");
  if (failed(broadcastAll(c, vs)))
    return failure();
  Value r = vs[0];
  for (size_t i = 1; i < vs.size(); ++i)
    r = OpT::create(c.b, c.loc, r, vs[i]);
  if (mean)
    r = hlo::DivOp::create(c.b, c.loc, r, like(c, r, (double)vs.size()));
  c.results.push_back(r);
  return success();
}

LogicalResult compareOp(NodeContext &c, ComparisonDirection dir,
                        std::function<bool(int64_t, int64_t)> fold) {
  Value a = c.in(0), d = c.in(1);
  if (a && d && elemType(a) == elemType(d) && isa<IntegerType>(elemType(a)))
    if (Value f = foldInts(c, {a, d}, c.b.getI1Type(),
                           [&](ArrayRef<int64_t> v) { return (int64_t)fold(v[0], v[1]); })) {
      c.results.push_back(f);
      return success();
    }
  if (failed(binaryOperands(c, a, d)))
    return failure();
  c.results.push_back(compare(c.b, c.loc, dir, a, d));
  return success();
}

LogicalResult convertWhere(NodeContext &c) {
  Value p = c.in(0), x = c.in(1), y = c.in(2);
  if (!p || !x || !y)
    return c.invalid("expects three inputs");
  if (elemType(x) != elemType(y))
    return c.invalid("X and Y element types differ");
  if (isa<IntegerType>(elemType(x)))
    if (Value f = foldInts(c, {p, x, y}, elemType(x),
                           [](ArrayRef<int64_t> v) { return v[0] ? v[1] : v[2]; })) {
      c.results.push_back(f);
      return success();
    }
  Value vs[3] = {p, x, y};
  if (failed(broadcastAll(c, vs)))
    return failure();
  c.results.push_back(hlo::SelectOp::create(c.b, c.loc, vs[0], vs[1], vs[2]));
  return success();
}

LogicalResult convertNot(NodeContext &c) { return unary<hlo::NotOp>(c); }

LogicalResult convertRelu(NodeContext &c) {
  Value x = c.in(0);
  c.results.push_back(hlo::MaxOp::create(c.b, c.loc, x, like(c, x, 0)));
  return success();
}

LogicalResult convertLeakyRelu(NodeContext &c) {
  Value x = c.in(0);
  Value neg = compare(c.b, c.loc, ComparisonDirection::LT, x, like(c, x, 0));
  Value scaled = hlo::MulOp::create(c.b, c.loc, x, like(c, x, c.getFloat("alpha", 0.01f)));
  c.results.push_back(hlo::SelectOp::create(c.b, c.loc, neg, scaled, x));
  return success();
}

LogicalResult convertPRelu(NodeContext &c) {
  Value x = c.in(0), slope = c.in(1);
  if (!x || !slope)
    return c.invalid("expects two inputs");
  if (c.opset < 7 && rankOf(slope) == 1 && rankOf(x) >= 2 &&
      shapeOf(slope)[0] == shapeOf(x)[1] && shapeOf(x)[1] != 1) {
    SmallVector<int64_t> s(rankOf(x) - 1, 1);
    s[0] = shapeOf(slope)[0];
    slope = reshape(c.b, c.loc, slope, s);
  }
  auto shape = broadcastShape(shapeOf(x), shapeOf(slope));
  if (failed(shape) || *shape != shapeOf(x))
    return c.invalid("slope does not broadcast to X");
  slope = broadcastTo(c.b, c.loc, slope, shapeOf(x));
  Value neg = compare(c.b, c.loc, ComparisonDirection::LT, x, like(c, x, 0));
  Value scaled = hlo::MulOp::create(c.b, c.loc, x, slope);
  c.results.push_back(hlo::SelectOp::create(c.b, c.loc, neg, scaled, x));
  return success();
}

LogicalResult convertElu(NodeContext &c) {
  Value x = c.in(0);
  Value neg = compare(c.b, c.loc, ComparisonDirection::LT, x, like(c, x, 0));
  Value em1 = hlo::Expm1Op::create(c.b, c.loc, x.getType(), x);
  Value scaled = hlo::MulOp::create(c.b, c.loc, em1, like(c, x, c.getFloat("alpha", 1.0f)));
  c.results.push_back(hlo::SelectOp::create(c.b, c.loc, neg, scaled, x));
  return success();
}

LogicalResult convertCelu(NodeContext &c) {
  Value x = c.in(0);
  float alpha = c.getFloat("alpha", 1.0f);
  Value pos = hlo::MaxOp::create(c.b, c.loc, x, like(c, x, 0));
  Value e = hlo::Expm1Op::create(c.b, c.loc, x.getType(),
                                 hlo::DivOp::create(c.b, c.loc, x, like(c, x, alpha)));
  Value negPart = hlo::MinOp::create(
      c.b, c.loc, like(c, x, 0), hlo::MulOp::create(c.b, c.loc, e, like(c, x, alpha)));
  c.results.push_back(hlo::AddOp::create(c.b, c.loc, pos, negPart));
  return success();
}

LogicalResult convertSelu(NodeContext &c) {
  Value x = c.in(0);
  float alpha = c.getFloat("alpha", 1.67326319217681884765625f);
  float gamma = c.getFloat("gamma", 1.05070102214813232421875f);
  Value neg = compare(c.b, c.loc, ComparisonDirection::LE, x, like(c, x, 0));
  Value em1 = hlo::Expm1Op::create(c.b, c.loc, x.getType(), x);
  Value scaled = hlo::MulOp::create(c.b, c.loc, em1, like(c, x, alpha));
  Value r = hlo::SelectOp::create(c.b, c.loc, neg, scaled, x);
  c.results.push_back(hlo::MulOp::create(c.b, c.loc, r, like(c, x, gamma)));
  return success();
}

Value hardSigmoid(NodeContext &c, Value x, float alpha, float beta) {
  Value y = hlo::AddOp::create(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, x, like(c, x, alpha)),
                               like(c, x, beta));
  y = hlo::MaxOp::create(c.b, c.loc, y, like(c, x, 0));
  return hlo::MinOp::create(c.b, c.loc, y, like(c, x, 1));
}

LogicalResult convertHardSigmoid(NodeContext &c) {
  c.results.push_back(
      hardSigmoid(c, c.in(0), c.getFloat("alpha", 0.2f), c.getFloat("beta", 0.5f)));
  return success();
}

LogicalResult convertHardSwish(NodeContext &c) {
  Value x = c.in(0);
  c.results.push_back(
      hlo::MulOp::create(c.b, c.loc, x, hardSigmoid(c, x, 1.0f / 6.0f, 0.5f)));
  return success();
}

Value softplus(NodeContext &c, Value x) {
  // log(1 + exp(x)) computed stably: max(x, 0) + log1p(exp(-|x|)).
  Value absx = hlo::AbsOp::create(c.b, c.loc, x);
  Value e = hlo::ExpOp::create(c.b, c.loc, x.getType(), hlo::NegOp::create(c.b, c.loc, x.getType(), absx));
  Value l = hlo::Log1pOp::create(c.b, c.loc, x.getType(), e);
  return hlo::AddOp::create(c.b, c.loc, hlo::MaxOp::create(c.b, c.loc, x, like(c, x, 0)), l);
}

LogicalResult convertSoftplus(NodeContext &c) {
  c.results.push_back(softplus(c, c.in(0)));
  return success();
}

LogicalResult convertMish(NodeContext &c) {
  Value x = c.in(0);
  Value t = hlo::TanhOp::create(c.b, c.loc, x.getType(), softplus(c, x));
  c.results.push_back(hlo::MulOp::create(c.b, c.loc, x, t));
  return success();
}

LogicalResult convertSoftsign(NodeContext &c) {
  Value x = c.in(0);
  Value d = hlo::AddOp::create(c.b, c.loc, like(c, x, 1), hlo::AbsOp::create(c.b, c.loc, x));
  c.results.push_back(hlo::DivOp::create(c.b, c.loc, x, d));
  return success();
}

LogicalResult convertThresholdedRelu(NodeContext &c) {
  Value x = c.in(0);
  Value gt = compare(c.b, c.loc, ComparisonDirection::GT, x, like(c, x, c.getFloat("alpha", 1.0f)));
  c.results.push_back(hlo::SelectOp::create(c.b, c.loc, gt, x, like(c, x, 0)));
  return success();
}

LogicalResult convertShrink(NodeContext &c) {
  Value x = c.in(0);
  float lambd = c.getFloat("lambd", 0.5f), bias = c.getFloat("bias", 0.0f);
  Value lt = compare(c.b, c.loc, ComparisonDirection::LT, x, like(c, x, -lambd));
  Value gt = compare(c.b, c.loc, ComparisonDirection::GT, x, like(c, x, lambd));
  Value plus = hlo::AddOp::create(c.b, c.loc, x, like(c, x, bias));
  Value minus = hlo::SubtractOp::create(c.b, c.loc, x, like(c, x, bias));
  Value r = hlo::SelectOp::create(c.b, c.loc, gt, minus, like(c, x, 0));
  c.results.push_back(hlo::SelectOp::create(c.b, c.loc, lt, plus, r));
  return success();
}

LogicalResult convertGelu(NodeContext &c) {
  Value x = c.in(0);
  std::string approx = c.getString("approximate", "none");
  Value inner;
  if (approx == "none") {
    Value s = hlo::MulOp::create(c.b, c.loc, x, like(c, x, M_SQRT1_2));
    inner = chlo::ErfOp::create(c.b, c.loc, x.getType(), s);
  } else if (approx == "tanh") {
    Value x3 = hlo::MulOp::create(c.b, c.loc, x, hlo::MulOp::create(c.b, c.loc, x, x));
    Value s = hlo::AddOp::create(c.b, c.loc, x,
                                 hlo::MulOp::create(c.b, c.loc, x3, like(c, x, 0.044715)));
    s = hlo::MulOp::create(c.b, c.loc, s, like(c, x, std::sqrt(2.0 / M_PI)));
    inner = hlo::TanhOp::create(c.b, c.loc, x.getType(), s);
  } else {
    return c.unsupported("approximate='" + approx + "'");
  }
  Value r = hlo::AddOp::create(c.b, c.loc, inner, like(c, x, 1));
  r = hlo::MulOp::create(c.b, c.loc, r, hlo::MulOp::create(c.b, c.loc, x, like(c, x, 0.5)));
  c.results.push_back(r);
  return success();
}

LogicalResult convertReciprocal(NodeContext &c) {
  Value x = c.in(0);
  c.results.push_back(hlo::DivOp::create(c.b, c.loc, like(c, x, 1), x));
  return success();
}

LogicalResult convertNeg(NodeContext &c) {
  Value x = c.in(0);
  if (auto v = intValues(x)) {
    SmallVector<int64_t> out;
    for (int64_t i : *v)
      out.push_back(-i);
    c.results.push_back(intConst(c.b, c.loc, shapeOf(x), out, elemType(x)));
    return success();
  }
  return unary<hlo::NegOp>(c);
}

LogicalResult convertAbs(NodeContext &c) {
  Value x = c.in(0);
  if (elemType(x).isUnsignedInteger()) {
    c.results.push_back(x);
    return success();
  }
  c.results.push_back(hlo::AbsOp::create(c.b, c.loc, x));
  return success();
}

LogicalResult convertSign(NodeContext &c) {
  Value x = c.in(0);
  if (elemType(x).isUnsignedInteger()) {
    Value nz = compare(c.b, c.loc, ComparisonDirection::NE, x, like(c, x, 0));
    c.results.push_back(hlo::ConvertOp::create(c.b, c.loc, x.getType(), nz));
    return success();
  }
  return unary<hlo::SignOp>(c);
}

LogicalResult convertIsNaN(NodeContext &c) {
  Value x = c.in(0);
  c.results.push_back(compare(c.b, c.loc, ComparisonDirection::NE, x, x));
  return success();
}

LogicalResult convertIsInf(NodeContext &c) {
  Value x = c.in(0);
  double inf = std::numeric_limits<double>::infinity();
  bool neg = c.getInt("detect_negative", 1), pos = c.getInt("detect_positive", 1);
  Value r;
  if (pos)
    r = compare(c.b, c.loc, ComparisonDirection::EQ, x, like(c, x, inf));
  if (neg) {
    Value n = compare(c.b, c.loc, ComparisonDirection::EQ, x, like(c, x, -inf));
    r = r ? Value(hlo::OrOp::create(c.b, c.loc, r, n)) : n;
  }
  if (!r)
    r = splat(c.b, c.loc, RankedTensorType::get(shapeOf(x), c.b.getI1Type()), 0);
  c.results.push_back(r);
  return success();
}

LogicalResult convertClip(NodeContext &c) {
  Value x = c.in(0);
  Value lo, hi;
  if (c.opset < 11) {
    double inf = std::numeric_limits<double>::infinity();
    lo = like(c, x, c.getFloat("min", -inf));
    hi = like(c, x, c.getFloat("max", inf));
  } else {
    lo = c.in(1);
    hi = c.in(2);
    if (lo)
      lo = broadcastTo(c.b, c.loc, reshape(c.b, c.loc, lo, {}), shapeOf(x));
    if (hi)
      hi = broadcastTo(c.b, c.loc, reshape(c.b, c.loc, hi, {}), shapeOf(x));
  }
  Value r = x;
  if (lo)
    r = hlo::MaxOp::create(c.b, c.loc, r, lo);
  if (hi)
    r = hlo::MinOp::create(c.b, c.loc, r, hi);
  c.results.push_back(r);
  return success();
}

LogicalResult convertCast(NodeContext &c) {
  Type to = elementTypeOf(c.b.getContext(), c.getInt("to", 0));
  if (!to)
    return c.unsupported("cast to ONNX data type " + std::to_string(c.getInt("to", 0)));
  if (c.getInt("saturate", 1) != 1)
    return c.unsupported("saturate=0");
  c.results.push_back(convert(c.b, c.loc, c.in(0), to));
  return success();
}

LogicalResult convertCastLike(NodeContext &c) {
  if (!c.in(1))
    return c.invalid("expects two inputs");
  c.results.push_back(convert(c.b, c.loc, c.in(0), elemType(c.in(1))));
  return success();
}

LogicalResult convertIdentity(NodeContext &c) {
  if (!c.in(0))
    return c.invalid("expects one input");
  c.results.push_back(c.in(0));
  return success();
}

/// Whether a Dropout with a training_mode input (opset >= 12) is the identity: in
/// inference mode or with ratio 0. Either input may be runtime data; a constant
/// (specialized) one decides. Random masks (training with ratio > 0) are unsupported.
bool isIdentityDropout(NodeContext &c) {
  auto training = intValues(c.in(2));
  if (training && !(*training)[0])
    return true;
  if (c.in(1)) {
    auto ratio = c.constInput(1, "ratio");
    if (failed(ratio))
      return false;
    if (llvm::all_of(ratio->getValues<APFloat>(), [](const APFloat &r) { return r.isZero(); }))
      return true;
  }
  auto mode = c.constIntInput(2, "training_mode");
  if (failed(mode))
    return false;
  if ((*mode)[0]) {
    (void)c.unsupported("training_mode=true with a non-zero ratio (random masks)");
    return false;
  }
  return true;
}

LogicalResult convertDropout(NodeContext &c) {
  Value x = c.in(0);
  if (c.opset >= 12 && c.in(2) && !isIdentityDropout(c))
    return failure();
  if (c.opset < 7 && c.getInt("is_test", 0) == 0)
    return c.unsupported("is_test=0 (training)");
  c.results.push_back(x);
  if (c.outputUsed(1))
    c.results.push_back(splat(c.b, c.loc, RankedTensorType::get(shapeOf(x), c.b.getI1Type()), 1));
  return success();
}

#define FUNARY(OP) [](NodeContext &c) { return floatUnary<OP>(c); }

} // namespace

void mlir::byteir::onnxfe::registerElementwiseOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"Add", 6, M, convertAdd, "axis,broadcast", "numpy broadcasting (opset < 7: broadcast/axis)"},
      {"Sub", 6, M, convertSub, "axis,broadcast", "numpy broadcasting (opset < 7: broadcast/axis)"},
      {"Mul", 6, M, convertMul, "axis,broadcast", "numpy broadcasting (opset < 7: broadcast/axis)"},
      {"Div", 6, M, convertDiv, "axis,broadcast", "numpy broadcasting (opset < 7: broadcast/axis); integer division truncates"},
      {"Pow", 1, M, convertPow, "axis,broadcast", "exponent converted to the base type"},
      {"Mod", 10, M, convertMod, "fmod", "fmod=0 only for integers"},
      {"BitShift", 11, M, convertBitShift, "direction", ""},
      {"And", 7, M, convertAnd, "", ""},
      {"Or", 7, M, convertOr, "", ""},
      {"Xor", 7, M, convertXor, "", ""},
      {"Not", 1, M, convertNot, "", ""},
      {"Max", 6, M, [](NodeContext &c) { return variadic<hlo::MaxOp>(c); }, "", "variadic"},
      {"Min", 6, M, [](NodeContext &c) { return variadic<hlo::MinOp>(c); }, "", "variadic"},
      {"Sum", 6, M, [](NodeContext &c) { return variadic<hlo::AddOp>(c); }, "", "variadic"},
      {"Mean", 6, M, [](NodeContext &c) { return variadic<hlo::AddOp>(c, true); }, "", "variadic"},
      {"Equal", 7, M, [](NodeContext &c) {
         return compareOp(c, ComparisonDirection::EQ, [](int64_t a, int64_t b) { return a == b; });
       }, "", ""},
      {"Less", 7, M, [](NodeContext &c) {
         return compareOp(c, ComparisonDirection::LT, [](int64_t a, int64_t b) { return a < b; });
       }, "", ""},
      {"LessOrEqual", 12, M, [](NodeContext &c) {
         return compareOp(c, ComparisonDirection::LE, [](int64_t a, int64_t b) { return a <= b; });
       }, "", ""},
      {"Greater", 7, M, [](NodeContext &c) {
         return compareOp(c, ComparisonDirection::GT, [](int64_t a, int64_t b) { return a > b; });
       }, "", ""},
      {"GreaterOrEqual", 12, M, [](NodeContext &c) {
         return compareOp(c, ComparisonDirection::GE, [](int64_t a, int64_t b) { return a >= b; });
       }, "", ""},
      {"Where", 9, M, convertWhere, "", "numpy broadcasting"},
      {"Abs", 6, M, convertAbs, "", ""},
      {"Neg", 6, M, convertNeg, "", ""},
      {"Sign", 9, M, convertSign, "", ""},
      {"Exp", 6, M, FUNARY(hlo::ExpOp), "", ""},
      {"Log", 6, M, FUNARY(hlo::LogOp), "", ""},
      {"Sqrt", 6, M, FUNARY(hlo::SqrtOp), "", ""},
      {"Tanh", 6, M, FUNARY(hlo::TanhOp), "", ""},
      {"Sigmoid", 6, M, FUNARY(hlo::LogisticOp), "", ""},
      {"Floor", 6, M, FUNARY(hlo::FloorOp), "", ""},
      {"Ceil", 6, M, FUNARY(hlo::CeilOp), "", ""},
      {"Round", 11, M, FUNARY(hlo::RoundNearestEvenOp), "", "half to even"},
      {"Sin", 7, M, FUNARY(hlo::SineOp), "", ""},
      {"Cos", 7, M, FUNARY(hlo::CosineOp), "", ""},
      {"Tan", 7, M, FUNARY(hlo::TanOp), "", ""},
      {"Erf", 9, M, FUNARY(chlo::ErfOp), "", "chlo.erf"},
      {"Asin", 7, M, FUNARY(chlo::AsinOp), "", "chlo"},
      {"Acos", 7, M, FUNARY(chlo::AcosOp), "", "chlo"},
      {"Atan", 7, M, FUNARY(chlo::AtanOp), "", "chlo"},
      {"Sinh", 9, M, FUNARY(chlo::SinhOp), "", "chlo"},
      {"Cosh", 9, M, FUNARY(chlo::CoshOp), "", "chlo"},
      {"Asinh", 9, M, FUNARY(chlo::AsinhOp), "", "chlo"},
      {"Acosh", 9, M, FUNARY(chlo::AcoshOp), "", "chlo"},
      {"Atanh", 9, M, FUNARY(chlo::AtanhOp), "", "chlo"},
      {"Reciprocal", 6, M, convertReciprocal, "", ""},
      {"IsNaN", 9, M, convertIsNaN, "", ""},
      {"IsInf", 10, M, convertIsInf, "detect_negative,detect_positive", ""},
      {"Relu", 6, M, convertRelu, "", ""},
      {"LeakyRelu", 6, M, convertLeakyRelu, "alpha", ""},
      {"PRelu", 6, M, convertPRelu, "", "slope broadcasts to X (opset < 7: [C] along dim 1)"},
      {"Elu", 6, M, convertElu, "alpha", ""},
      {"Celu", 12, M, convertCelu, "alpha", ""},
      {"Selu", 6, M, convertSelu, "alpha,gamma", ""},
      {"HardSigmoid", 6, M, convertHardSigmoid, "alpha,beta", ""},
      {"HardSwish", 14, M, convertHardSwish, "", ""},
      {"Softplus", 1, M, convertSoftplus, "", ""},
      {"Softsign", 1, M, convertSoftsign, "", ""},
      {"Mish", 18, M, convertMish, "", ""},
      {"ThresholdedRelu", 10, M, convertThresholdedRelu, "alpha", ""},
      {"Shrink", 9, M, convertShrink, "bias,lambd", ""},
      {"Gelu", 20, M, convertGelu, "approximate", ""},
      {"Clip", 6, M, convertClip, "min,max", "min/max inputs must be scalars"},
      {"Cast", 6, M, convertCast, "to,saturate", "no string or float8 types"},
      {"CastLike", 15, M, convertCastLike, "saturate", ""},
      {"Identity", 1, M, convertIdentity, "", "tensors only"},
      {"Dropout", 7, M, convertDropout, "seed,ratio", "identity (mask all true) unless training with ratio > 0"},
  });
}
