//===- ByteIRCustomCalls.cpp - byteir.* custom calls to linalg ------------===//
//
// `stablehlo.custom_call @byteir.softmax / @byteir.layer_norm / @byteir.gelu` (as
// byteir-hlo-fusion-recognition or a frontend produces them) become linalg.generic
// ops on tensors. f16 / bf16 inputs are computed in f32 and rounded once at the end.
//
//   softmax(x, axis):   m = max_axis(x); e = exp(x - m) and s = sum_axis(e) in one
//                       pass (exp as a polynomial); e / s
//   layer_norm(x[, scale[, bias]], axis = trailing dims, epsilon):
//                       mean = sum(x) / N; var = sum((x - mean)^2) / N;
//                       (x - mean) * rsqrt(var + epsilon) [* scale] [+ bias]
//   gelu(x, approximate = "none"): x * 0.5 * (1 + erf(x / sqrt 2)), erf as a
//                       rational approximation (vectorizable, ~1 ulp in f32)
//   gelu(x, approximate = "tanh"): x * 0.5 * (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
//
//===----------------------------------------------------------------------===//
#include "Patterns.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"

#include <cmath>

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;

namespace {

using utils::IteratorType;

Value cst(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(static_cast<float>(v)));
}

Value toF32(OpBuilder &b, Location loc, Value v) {
  if (v.getType().isF32())
    return v;
  return arith::ExtFOp::create(b, loc, b.getF32Type(), v);
}

Value fromF32(OpBuilder &b, Location loc, Value v, Type t) {
  if (t.isF32())
    return v;
  return arith::TruncFOp::create(b, loc, t, v);
}

/// The map from the full iteration space of rank `rank` onto `dims`.
AffineMap projection(MLIRContext *ctx, int64_t rank, ArrayRef<int64_t> dims) {
  SmallVector<AffineExpr> exprs;
  for (int64_t d : dims)
    exprs.push_back(getAffineDimExpr(d, ctx));
  return AffineMap::get(rank, 0, exprs, ctx);
}

SmallVector<int64_t> without(int64_t rank, ArrayRef<int64_t> dims) {
  SmallVector<int64_t> out;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(dims, d))
      out.push_back(d);
  return out;
}

RankedTensorType f32Tensor(OpBuilder &b, RankedTensorType full, ArrayRef<int64_t> dims) {
  SmallVector<int64_t> shape;
  for (int64_t d : dims)
    shape.push_back(full.getDimSize(d));
  return RankedTensorType::get(shape, b.getF32Type());
}

Value filled(OpBuilder &b, Location loc, RankedTensorType type, double v) {
  return fillTensor(b, loc, cst(b, loc, v), emptyTensor(b, loc, type, {}));
}

using BodyFn = function_ref<Value(OpBuilder &, Location, ValueRange)>;

/// A linalg.generic with one result; `body` gets the block arguments (inputs, then
/// the output accumulator) and returns the value to yield.
Value generic(OpBuilder &b, Location loc, ValueRange ins, Value out, ArrayRef<AffineMap> maps,
              ArrayRef<IteratorType> iterators, BodyFn body) {
  auto op = linalg::GenericOp::create(
      b, loc, TypeRange{out.getType()}, ins, ValueRange{out}, maps, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        linalg::YieldOp::create(nb, l, body(nb, l, args));
      });
  return op.getResult(0);
}

SmallVector<IteratorType> iteratorsReducing(int64_t rank, ArrayRef<int64_t> reduced) {
  SmallVector<IteratorType> it(rank, IteratorType::parallel);
  for (int64_t d : reduced)
    it[d] = IteratorType::reduction;
  return it;
}

/// exp(d) for d <= 0 (softmax's x - max), as a vectorizable Cephes-style polynomial
/// (~1 ulp); results below exp(-87) (< 1.7e-38, nothing next to the row sum >= 1)
/// are flushed to 0, NaN stays NaN. LLVM would otherwise call expf per element.
Value expNonPositiveF32(OpBuilder &b, Location loc, Value d) {
  Value lo = cst(b, loc, -87.0);
  // maxnum/minnum drop NaN, so the integer conversion below never sees one.
  Value c = arith::MaxNumFOp::create(b, loc, d, lo);
  c = arith::MinNumFOp::create(b, loc, c, cst(b, loc, 88.0));
  Value fx = math::FmaOp::create(b, loc, c, cst(b, loc, 1.44269504088896341), cst(b, loc, 0.5));
  fx = math::FloorOp::create(b, loc, fx);
  Value r = math::FmaOp::create(b, loc, fx, cst(b, loc, -0.693359375), c);
  r = math::FmaOp::create(b, loc, fx, cst(b, loc, 2.12194440e-4), r);
  static constexpr double poly[] = {1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3,
                                    4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1};
  Value p = cst(b, loc, poly[0]);
  for (double k : ArrayRef<double>(poly).drop_front())
    p = math::FmaOp::create(b, loc, p, r, cst(b, loc, k));
  Value r2 = arith::MulFOp::create(b, loc, r, r);
  Value y = math::FmaOp::create(b, loc, p, r2, r);
  y = arith::AddFOp::create(b, loc, y, cst(b, loc, 1.0));
  // 2^fx through the exponent bits.
  Type i32 = b.getI32Type();
  Value n = arith::FPToSIOp::create(b, loc, i32, fx);
  n = arith::AddIOp::create(b, loc, n, arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(127)));
  n = arith::ShLIOp::create(b, loc, n, arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(23)));
  Value scale = arith::BitcastOp::create(b, loc, b.getF32Type(), n);
  y = arith::MulFOp::create(b, loc, y, scale);
  Value tiny = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, d, lo);
  y = arith::SelectOp::create(b, loc, tiny, cst(b, loc, 0.0), y);
  Value nan = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, d, d);
  return arith::SelectOp::create(b, loc, nan, d, y);
}

FailureOr<Value> lowerSoftmax(OpBuilder &b, Location loc, Value x, RankedTensorType type,
                              DictionaryAttr attrs) {
  auto axisAttr = attrs ? attrs.getAs<IntegerAttr>("axis") : nullptr;
  if (!axisAttr)
    return failure();
  int64_t rank = type.getRank();
  int64_t axis = axisAttr.getInt();
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return failure();
  MLIRContext *ctx = b.getContext();
  Type elem = type.getElementType();
  SmallVector<int64_t> kept = without(rank, {axis});
  RankedTensorType rowType = f32Tensor(b, type, kept);
  AffineMap full = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap row = projection(ctx, rank, kept);
  SmallVector<IteratorType> red = iteratorsReducing(rank, {axis});

  Value max = generic(b, loc, {x}, filled(b, loc, rowType, -INFINITY), {full, row}, red,
                      [](OpBuilder &nb, Location l, ValueRange a) -> Value {
                        return arith::MaximumFOp::create(nb, l, toF32(nb, l, a[0]), a[1]);
                      });
  // e = exp(x - max) and its sum in one pass: one exp per element.
  RankedTensorType expType = RankedTensorType::get(type.getShape(), b.getF32Type());
  auto expSum = linalg::GenericOp::create(
      b, loc, TypeRange{expType, rowType}, ValueRange{x, max},
      ValueRange{emptyTensor(b, loc, expType, {}), filled(b, loc, rowType, 0.0)},
      ArrayRef<AffineMap>{full, row, full, row}, red,
      [](OpBuilder &nb, Location l, ValueRange a) {
        Value d = arith::SubFOp::create(nb, l, toF32(nb, l, a[0]), a[1]);
        Value e = expNonPositiveF32(nb, l, d);
        linalg::YieldOp::create(nb, l, ValueRange{e, arith::AddFOp::create(nb, l, a[3], e)});
      });
  Value e = expSum.getResult(0), sum = expSum.getResult(1);
  // (Not in place in e: a payload that reads its init does not survive elementwise
  // fusion with consumers.)
  return generic(b, loc, {e, sum}, emptyTensor(b, loc, type, {}), {full, row, full},
                 parallelIterators(rank), [&](OpBuilder &nb, Location l, ValueRange a) -> Value {
                   return fromF32(nb, l, arith::DivFOp::create(nb, l, a[0], a[1]), elem);
                 });
}

FailureOr<Value> lowerLayerNorm(OpBuilder &b, Location loc, ValueRange operands,
                                RankedTensorType type, DictionaryAttr attrs) {
  if (!attrs || operands.empty() || operands.size() > 3)
    return failure();
  auto axisAttr = attrs.getAs<ArrayAttr>("axis");
  auto epsAttr = attrs.getAs<FloatAttr>("epsilon");
  if (!axisAttr || !epsAttr || axisAttr.empty())
    return failure();
  int64_t rank = type.getRank();
  SmallVector<int64_t> axes;
  for (Attribute a : axisAttr) {
    auto i = dyn_cast<IntegerAttr>(a);
    if (!i)
      return failure();
    axes.push_back(i.getInt() < 0 ? i.getInt() + rank : i.getInt());
  }
  llvm::sort(axes);
  // Trailing axes only: the parameters are indexed by them in order.
  for (auto [i, d] : llvm::enumerate(axes))
    if (d != rank - static_cast<int64_t>(axes.size()) + static_cast<int64_t>(i))
      return failure();
  SmallVector<int64_t> normShape;
  double n = 1;
  for (int64_t d : axes) {
    normShape.push_back(type.getDimSize(d));
    n *= type.getDimSize(d);
  }
  for (Value p : operands.drop_front()) {
    auto pt = dyn_cast<RankedTensorType>(p.getType());
    if (!pt || pt.getShape() != ArrayRef<int64_t>(normShape) ||
        pt.getElementType() != type.getElementType())
      return failure();
  }
  double eps = epsAttr.getValueAsDouble();
  MLIRContext *ctx = b.getContext();
  Type elem = type.getElementType();
  Value x = operands.front();
  SmallVector<int64_t> kept = without(rank, axes);
  RankedTensorType rowType = f32Tensor(b, type, kept);
  AffineMap full = AffineMap::getMultiDimIdentityMap(rank, ctx);
  AffineMap row = projection(ctx, rank, kept);
  AffineMap param = projection(ctx, rank, axes);
  AffineMap rowId = AffineMap::getMultiDimIdentityMap(kept.size(), ctx);
  SmallVector<IteratorType> red = iteratorsReducing(rank, axes);
  SmallVector<IteratorType> rowPar = parallelIterators(kept.size());

  Value sum = generic(b, loc, {x}, filled(b, loc, rowType, 0.0), {full, row}, red,
                      [](OpBuilder &nb, Location l, ValueRange a) -> Value {
                        return arith::AddFOp::create(nb, l, a[1], toF32(nb, l, a[0]));
                      });
  Value mean = generic(b, loc, {sum}, emptyTensor(b, loc, rowType, {}), {rowId, rowId}, rowPar,
                       [&](OpBuilder &nb, Location l, ValueRange a) -> Value {
                         return arith::DivFOp::create(nb, l, a[0], cst(nb, l, n));
                       });
  Value sq = generic(b, loc, {x, mean}, filled(b, loc, rowType, 0.0), {full, row, row}, red,
                     [](OpBuilder &nb, Location l, ValueRange a) -> Value {
                       Value d = arith::SubFOp::create(nb, l, toF32(nb, l, a[0]), a[1]);
                       Value d2 = arith::MulFOp::create(nb, l, d, d);
                       return arith::AddFOp::create(nb, l, a[2], d2);
                     });
  Value rstd = generic(b, loc, {sq}, emptyTensor(b, loc, rowType, {}), {rowId, rowId}, rowPar,
                       [&](OpBuilder &nb, Location l, ValueRange a) -> Value {
                         Value var = arith::DivFOp::create(nb, l, a[0], cst(nb, l, n));
                         Value v = arith::AddFOp::create(nb, l, var, cst(nb, l, eps));
                         return math::RsqrtOp::create(nb, l, v);
                       });
  SmallVector<Value> ins = {x, mean, rstd};
  SmallVector<AffineMap> maps = {full, row, row};
  for (Value p : operands.drop_front()) {
    ins.push_back(p);
    maps.push_back(param);
  }
  maps.push_back(full);
  bool hasScale = operands.size() > 1, hasBias = operands.size() > 2;
  return generic(b, loc, ins, emptyTensor(b, loc, type, {}), maps, parallelIterators(rank),
                 [&](OpBuilder &nb, Location l, ValueRange a) -> Value {
                   Value d = arith::SubFOp::create(nb, l, toF32(nb, l, a[0]), a[1]);
                   Value y = arith::MulFOp::create(nb, l, d, a[2]);
                   if (hasScale)
                     y = arith::MulFOp::create(nb, l, y, toF32(nb, l, a[3]));
                   if (hasBias)
                     y = arith::AddFOp::create(nb, l, y, toF32(nb, l, a[4]));
                   return fromF32(nb, l, y, elem);
                 });
}

/// erf(x) in f32: odd rational approximation on [-4, 4] (erf is +-1 in f32 outside).
Value erfF32(OpBuilder &b, Location loc, Value x) {
  static constexpr double alpha[] = {-2.72614225801306e-10, 2.77068142495902e-08,
                                     -2.10102402082508e-06, -5.69250639462346e-05,
                                     -7.34990630326855e-04, -2.95459980854025e-03,
                                     -1.60960333262415e-02};
  static constexpr double beta[] = {-1.45660718464996e-05, -2.13374055278905e-04,
                                    -1.68282697438203e-03, -7.37332916720468e-03,
                                    -1.42647390514189e-02};
  Value c = arith::MinimumFOp::create(b, loc, x, cst(b, loc, 4.0));
  c = arith::MaximumFOp::create(b, loc, c, cst(b, loc, -4.0));
  Value x2 = arith::MulFOp::create(b, loc, c, c);
  Value p = cst(b, loc, alpha[0]);
  for (double a : ArrayRef<double>(alpha).drop_front())
    p = math::FmaOp::create(b, loc, p, x2, cst(b, loc, a));
  p = arith::MulFOp::create(b, loc, p, c);
  Value q = cst(b, loc, beta[0]);
  for (double be : ArrayRef<double>(beta).drop_front())
    q = math::FmaOp::create(b, loc, q, x2, cst(b, loc, be));
  return arith::DivFOp::create(b, loc, p, q);
}

FailureOr<Value> lowerGelu(OpBuilder &b, Location loc, Value x, RankedTensorType type,
                           DictionaryAttr attrs) {
  StringRef approximate = "none";
  if (attrs) {
    if (Attribute a = attrs.get("approximate")) {
      auto s = dyn_cast<StringAttr>(a);
      if (!s)
        return failure();
      approximate = s.getValue();
    }
  }
  bool tanhForm = approximate == "tanh";
  if (!tanhForm && approximate != "none")
    return failure();
  int64_t rank = type.getRank();
  Type elem = type.getElementType();
  AffineMap full = AffineMap::getMultiDimIdentityMap(rank, b.getContext());
  return generic(b, loc, {x}, emptyTensor(b, loc, type, {}), {full, full},
                 parallelIterators(rank), [&](OpBuilder &nb, Location l, ValueRange a) -> Value {
                   Value v = toF32(nb, l, a[0]);
                   Value inner;
                   if (tanhForm) {
                     Value v3 = arith::MulFOp::create(
                         nb, l, arith::MulFOp::create(nb, l, v, v), v);
                     Value s = math::FmaOp::create(nb, l, v3, cst(nb, l, 0.044715), v);
                     s = arith::MulFOp::create(nb, l, s, cst(nb, l, 0.79788456080286536));
                     inner = math::TanhOp::create(nb, l, s);
                   } else {
                     Value s = arith::MulFOp::create(nb, l, v, cst(nb, l, 0.70710678118654752));
                     inner = erfF32(nb, l, s);
                   }
                   Value cdf = arith::AddFOp::create(nb, l, inner, cst(nb, l, 1.0));
                   Value half = arith::MulFOp::create(nb, l, v, cst(nb, l, 0.5));
                   return fromF32(nb, l, arith::MulFOp::create(nb, l, half, cdf), elem);
                 });
}

struct ByteIRCustomCallConverter final : OpConversionPattern<stablehlo::CustomCallOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::CustomCallOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    StringRef name = op.getCallTargetName();
    if (name != "byteir.softmax" && name != "byteir.layer_norm" && name != "byteir.gelu")
      return rewriter.notifyMatchFailure(op, "not a byteir custom call lowered here");
    if (op->getNumResults() != 1 || adaptor.getInputs().empty())
      return unsupported(op, "byteir custom calls without exactly one result");
    auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    if (!type || !type.hasStaticShape() || type.getRank() == 0 ||
        adaptor.getInputs().front().getType() != type)
      return unsupported(op, name + " with a dynamic, scalar or mismatching type");
    Type e = type.getElementType();
    if (!e.isF32() && !e.isF16() && !e.isBF16())
      return unsupported(op, name + " with a non f32/f16/bf16 element type");
    auto attrs = op->getAttrOfType<DictionaryAttr>("byteir_attrs");
    Location loc = op.getLoc();
    Value x = adaptor.getInputs().front();
    FailureOr<Value> result = failure();
    if (name == "byteir.softmax" && adaptor.getInputs().size() == 1)
      result = lowerSoftmax(rewriter, loc, x, type, attrs);
    else if (name == "byteir.layer_norm")
      result = lowerLayerNorm(rewriter, loc, adaptor.getInputs(), type, attrs);
    else if (name == "byteir.gelu" && adaptor.getInputs().size() == 1)
      result = lowerGelu(rewriter, loc, x, type, attrs);
    if (failed(result))
      return unsupported(op, name + " with these operands or byteir_attrs");
    rewriter.replaceOp(op, *result);
    return success();
  }
};

} // namespace

void mlir::byteir::hlo_linalg::populateByteIRCustomCallPatterns(TypeConverter &converter,
                                                               RewritePatternSet &patterns) {
  patterns.add<ByteIRCustomCallConverter>(converter, patterns.getContext());
}
