//===- ExprBuilder.cpp - elementwise stablehlo expressions -----------------===//
#include "ExprBuilder.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/APFloat.h"

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace hlo = mlir::stablehlo;

ExprBuilder::ExprBuilder(OpBuilder &builder, Location loc, Value like)
    : b(builder), location(loc), type(cast<RankedTensorType>(like.getType())),
      like(like) {}

Value mlir::byteir::chlo_lowering::buildShapeOf(OpBuilder &b, Location loc,
                                                Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  auto vector = RankedTensorType::get({1}, b.getI32Type());
  SmallVector<Value> dims;
  for (int64_t i = 0, e = type.getRank(); i < e; ++i) {
    Value size = hlo::GetDimensionSizeOp::create(b, loc, tensor, b.getI64IntegerAttr(i));
    dims.push_back(hlo::ReshapeOp::create(b, loc, vector, size));
  }
  return hlo::ConcatenateOp::create(b, loc, dims, b.getI64IntegerAttr(0));
}

Value ExprBuilder::shapeTensor() {
  if (!shape)
    shape = buildShapeOf(b, location, like);
  return shape;
}

static Value splat(OpBuilder &b, Location loc, RankedTensorType type, Attribute scalar,
                   std::function<Value()> shape) {
  if (type.hasStaticShape())
    return hlo::ConstantOp::create(b, loc, DenseElementsAttr::get(type, scalar));
  auto scalarType = RankedTensorType::get({}, type.getElementType());
  Value value =
      hlo::ConstantOp::create(b, loc, DenseElementsAttr::get(scalarType, scalar));
  return hlo::DynamicBroadcastInDimOp::create(b, loc, type, value, shape(),
                                              ArrayRef<int64_t>{}, nullptr, nullptr);
}

Value ExprBuilder::cstOf(Type element, double value) {
  auto floatType = cast<FloatType>(element);
  APFloat v(value);
  bool lost;
  v.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven, &lost);
  auto key = std::make_pair(element, v.bitcastToAPInt().getZExtValue());
  if (Value cached = constants.lookup(key))
    return cached;
  Value result = splat(b, location, tensorOf(element), FloatAttr::get(element, v),
                       [&] { return shapeTensor(); });
  constants[key] = result;
  return result;
}

Value ExprBuilder::intCst(Type element, int64_t value) {
  auto key = std::make_pair(element, static_cast<uint64_t>(value));
  if (Value cached = constants.lookup(key))
    return cached;
  Value result = splat(b, location, tensorOf(element), IntegerAttr::get(element, value),
                       [&] { return shapeTensor(); });
  constants[key] = result;
  return result;
}

Value ExprBuilder::add(Value a, Value c) { return binary<hlo::AddOp>(a, c); }
Value ExprBuilder::sub(Value a, Value c) { return binary<hlo::SubtractOp>(a, c); }
Value ExprBuilder::mul(Value a, Value c) { return binary<hlo::MulOp>(a, c); }
Value ExprBuilder::div(Value a, Value c) { return binary<hlo::DivOp>(a, c); }
Value ExprBuilder::max(Value a, Value c) { return binary<hlo::MaxOp>(a, c); }
Value ExprBuilder::min(Value a, Value c) { return binary<hlo::MinOp>(a, c); }
Value ExprBuilder::pow(Value a, Value c) { return binary<hlo::PowOp>(a, c); }
Value ExprBuilder::atan2(Value a, Value c) { return binary<hlo::Atan2Op>(a, c); }
Value ExprBuilder::andOp(Value a, Value c) { return binary<hlo::AndOp>(a, c); }
Value ExprBuilder::orOp(Value a, Value c) { return binary<hlo::OrOp>(a, c); }
Value ExprBuilder::neg(Value a) { return unary<hlo::NegOp>(a); }
Value ExprBuilder::abs(Value a) { return unary<hlo::AbsOp>(a); }
Value ExprBuilder::exp(Value a) { return unary<hlo::ExpOp>(a); }
Value ExprBuilder::expm1(Value a) { return unary<hlo::Expm1Op>(a); }
Value ExprBuilder::log(Value a) { return unary<hlo::LogOp>(a); }
Value ExprBuilder::log1p(Value a) { return unary<hlo::Log1pOp>(a); }
Value ExprBuilder::sqrt(Value a) { return unary<hlo::SqrtOp>(a); }
Value ExprBuilder::rsqrt(Value a) { return unary<hlo::RsqrtOp>(a); }
Value ExprBuilder::floor(Value a) { return unary<hlo::FloorOp>(a); }
Value ExprBuilder::roundEven(Value a) { return unary<hlo::RoundNearestEvenOp>(a); }
Value ExprBuilder::sin(Value a) { return unary<hlo::SineOp>(a); }
Value ExprBuilder::cos(Value a) { return unary<hlo::CosineOp>(a); }
Value ExprBuilder::tan(Value a) { return unary<hlo::TanOp>(a); }
Value ExprBuilder::sign(Value a) { return unary<hlo::SignOp>(a); }
Value ExprBuilder::notOp(Value a) { return unary<hlo::NotOp>(a); }

Value ExprBuilder::cmp(ComparisonDirection direction, Value a, Value c) {
  Type element = getElementTypeOrSelf(a.getType());
  hlo::ComparisonType kind = hlo::ComparisonType::FLOAT;
  if (element.isUnsignedInteger() || element.isInteger(1))
    kind = hlo::ComparisonType::UNSIGNED;
  else if (isa<IntegerType>(element))
    kind = hlo::ComparisonType::SIGNED;
  MLIRContext *ctx = b.getContext();
  return hlo::CompareOp::create(b, location, a, c,
                                hlo::ComparisonDirectionAttr::get(ctx, direction),
                                hlo::ComparisonTypeAttr::get(ctx, kind));
}

Value ExprBuilder::select(Value pred, Value onTrue, Value onFalse) {
  return hlo::SelectOp::create(b, location, pred, onTrue, onFalse);
}

Value ExprBuilder::isNonPositiveInteger(Value x) {
  return andOp(le(x, cst(0.0)), eq(x, floor(x)));
}

Value ExprBuilder::horner(Value t, ArrayRef<double> coeffs) {
  Value result = cst(coeffs.front());
  for (double c : coeffs.drop_front())
    result = add(mul(result, t), cst(c));
  return result;
}

Value ExprBuilder::convert(Value v, Type element) {
  if (getElementTypeOrSelf(v.getType()) == element)
    return v;
  return hlo::ConvertOp::create(b, location, v, element);
}

Value ExprBuilder::bitcast(Value v, Type element) {
  auto vt = cast<RankedTensorType>(v.getType());
  return hlo::BitcastConvertOp::create(b, location, vt.clone(element), v);
}

Value ExprBuilder::real(Value z) { return unary<hlo::RealOp>(z); }
Value ExprBuilder::imag(Value z) { return unary<hlo::ImagOp>(z); }
Value ExprBuilder::complex(Value re, Value im) { return binary<hlo::ComplexOp>(re, im); }

Value ExprBuilder::complexCst(double re, double im) {
  Type part = cast<ComplexType>(elementType()).getElementType();
  return complex(cstOf(part, re), cstOf(part, im));
}
