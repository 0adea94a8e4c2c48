//===- ByteIRCustomCalls.cpp - byteir.* custom calls to linalg ------------===//
//
// `stablehlo.custom_call @byteir.softmax / @byteir.layer_norm / @byteir.top_k /
// @byteir.gelu` (as byteir-hlo-fusion-recognition or a frontend produces them):
//
//   softmax(x, axis)            -> linalg_ext.softmax
//   layer_norm(x[, scale[, bias]], axis = trailing dims, epsilon)
//                               -> linalg_ext.layer_norm
//   top_k(x, k[, axis = -1][, largest = true]) -> (values, indices)
//                               -> linalg_ext.topk
//   gelu(x, approximate = "none"): a linalg.generic computing
//                               x * 0.5 * (1 + erf(x / sqrt 2)), erf as a rational
//                               approximation (vectorizable, ~1 ulp in f32)
//   gelu(x, approximate = "tanh"): x * 0.5 * (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
//
// f16 / bf16 inputs are computed in f32 and rounded once at the end.
//
//===----------------------------------------------------------------------===//
#include "Patterns.h"

#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/AffineMap.h"

#include <optional>

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;
namespace linalg_ext = mlir::byteir::linalg_ext;

namespace {

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

/// A normalized axis of `rank` dims, or nothing when out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis >= rank)
    return std::nullopt;
  return axis;
}

FailureOr<Value> lowerSoftmax(OpBuilder &b, Location loc, Value x, RankedTensorType type,
                              DictionaryAttr attrs) {
  auto axisAttr = attrs ? attrs.getAs<IntegerAttr>("axis") : nullptr;
  if (!axisAttr)
    return failure();
  std::optional<int64_t> axis = normalizeAxis(axisAttr.getInt(), type.getRank());
  if (!axis)
    return failure();
  return linalg_ext::SoftmaxOp::create(b, loc, TypeRange{type}, x, emptyTensor(b, loc, type, {}),
                                       *axis)
      .getResult(0);
}

FailureOr<Value> lowerLayerNorm(OpBuilder &b, Location loc, ValueRange operands,
                                RankedTensorType type, DictionaryAttr attrs) {
  if (!attrs || operands.empty() || operands.size() > 3)
    return failure();
  auto axisAttr = attrs.getAs<ArrayAttr>("axis");
  auto epsAttr = attrs.getAs<FloatAttr>("epsilon");
  if (!axisAttr || !epsAttr || axisAttr.empty())
    return failure();
  SmallVector<int64_t> axes;
  for (Attribute a : axisAttr) {
    auto i = dyn_cast<IntegerAttr>(a);
    std::optional<int64_t> axis = i ? normalizeAxis(i.getInt(), type.getRank()) : std::nullopt;
    if (!axis)
      return failure();
    axes.push_back(*axis);
  }
  llvm::sort(axes);
  // The op verifies the rest (trailing axes, parameter shapes); check first so that
  // an unsupported call is reported rather than built invalid.
  int64_t rank = type.getRank();
  for (auto [i, d] : llvm::enumerate(axes))
    if (d != rank - static_cast<int64_t>(axes.size() - i))
      return failure();
  ArrayRef<int64_t> normShape = type.getShape().take_back(axes.size());
  for (Value p : operands.drop_front()) {
    auto pt = dyn_cast<RankedTensorType>(p.getType());
    if (!pt || pt.getShape() != normShape || pt.getElementType() != type.getElementType())
      return failure();
  }
  return linalg_ext::LayerNormOp::create(b, loc, TypeRange{type}, operands,
                                         emptyTensor(b, loc, type, {}),
                                         b.getDenseI64ArrayAttr(axes),
                                         b.getF64FloatAttr(epsAttr.getValueAsDouble()))
      .getResult(0);
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
  auto body = [&](OpBuilder &nb, Location l, ValueRange a) -> Value {
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
  };
  return linalg::GenericOp::create(
             b, loc, TypeRange{type}, ValueRange{x}, ValueRange{emptyTensor(b, loc, type, {})},
             ArrayRef<AffineMap>{full, full}, parallelIterators(rank),
             [&](OpBuilder &nb, Location l, ValueRange a) {
               linalg::YieldOp::create(nb, l, body(nb, l, a));
             })
      .getResult(0);
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

/// Values of the input's element type and indices of an integer type, both of the
/// input's shape with `k` (1 <= k <= its size) along `axis`.
bool topkTypesMatch(RankedTensorType in, RankedTensorType values, RankedTensorType indices,
                    int64_t axis, int64_t k) {
  SmallVector<int64_t> shape(in.getShape());
  if (k < 1 || k > shape[axis])
    return false;
  shape[axis] = k;
  Type e = in.getElementType();
  return (isa<FloatType>(e) || e.isSignlessInteger()) && values.getElementType() == e &&
         indices.getElementType().isSignlessInteger() && values.getShape() == ArrayRef(shape) &&
         indices.getShape() == ArrayRef(shape);
}

/// byteir.top_k(x) {k, axis = -1, largest = true} -> (values, integer indices).
struct ByteIRTopKConverter final : OpConversionPattern<stablehlo::CustomCallOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::CustomCallOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    if (op.getCallTargetName() != "byteir.top_k")
      return rewriter.notifyMatchFailure(op, "not byteir.top_k");
    if (adaptor.getInputs().size() != 1 || op->getNumResults() != 2)
      return unsupported(op, "byteir.top_k without one operand and two results");
    auto inType = dyn_cast<RankedTensorType>(adaptor.getInputs()[0].getType());
    auto valType = convertedTensorType(*getTypeConverter(), op->getResult(0).getType());
    auto idxType = convertedTensorType(*getTypeConverter(), op->getResult(1).getType());
    if (!inType || !valType || !idxType || !inType.hasStaticShape() || inType.getRank() == 0)
      return unsupported(op, "byteir.top_k with a dynamic or scalar type");
    auto attrs = op->getAttrOfType<DictionaryAttr>("byteir_attrs");
    auto kAttr = attrs ? attrs.getAs<IntegerAttr>("k") : nullptr;
    auto axisAttr = attrs ? attrs.getAs<IntegerAttr>("axis") : nullptr;
    auto largestAttr = attrs ? attrs.getAs<BoolAttr>("largest") : nullptr;
    std::optional<int64_t> axis =
        normalizeAxis(axisAttr ? axisAttr.getInt() : -1, inType.getRank());
    if (!kAttr || !axis || !topkTypesMatch(inType, valType, idxType, *axis, kAttr.getInt()))
      return unsupported(op, "byteir.top_k with these types or byteir_attrs");
    Location loc = op.getLoc();
    auto topk = linalg_ext::TopkOp::create(
        rewriter, loc, TypeRange{valType, idxType}, adaptor.getInputs()[0],
        emptyTensor(rewriter, loc, valType, {}), emptyTensor(rewriter, loc, idxType, {}), *axis,
        largestAttr ? largestAttr.getValue() : true);
    rewriter.replaceOp(op, topk.getResults());
    return success();
  }
};

} // namespace

void mlir::byteir::hlo_linalg::populateByteIRCustomCallPatterns(TypeConverter &converter,
                                                               RewritePatternSet &patterns) {
  patterns.add<ByteIRCustomCallConverter, ByteIRTopKConverter>(converter, patterns.getContext());
}
