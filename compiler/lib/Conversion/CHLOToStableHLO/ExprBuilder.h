//===- ExprBuilder.h - elementwise stablehlo expressions ---------*- C++ -*-===//
//
// Internal to CHLOToStableHLO. ExprBuilder emits elementwise stablehlo ops over
// tensors of one shape (that of a reference value): splat constants (through
// dynamic_broadcast_in_dim for dynamic shapes), arithmetic, comparisons, selects
// and Horner polynomials. The decompositions of chlo special functions are
// written against it.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_EXPRBUILDER_H
#define BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_EXPRBUILDER_H

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

namespace mlir::byteir::chlo_lowering {

using stablehlo::ComparisonDirection;

/// The run-time shape of a ranked tensor as a 1-D i32 tensor (sizes from
/// get_dimension_size).
Value buildShapeOf(OpBuilder &b, Location loc, Value tensor);

class ExprBuilder {
public:
  /// Expressions get the shape of `like` and, by default, its element type.
  ExprBuilder(OpBuilder &builder, Location loc, Value like);

  OpBuilder &builder() { return b; }
  Location loc() const { return location; }
  /// The default (float) element type.
  Type elementType() const { return type.getElementType(); }
  bool isF64() const { return elementType().isF64(); }
  RankedTensorType tensorOf(Type element) const {
    return RankedTensorType::get(type.getShape(), element);
  }

  /// Splat constants of the reference shape.
  Value cst(double value) { return cstOf(elementType(), value); }
  Value cstOf(Type element, double value);
  Value intCst(Type element, int64_t value);

  Value add(Value a, Value c);
  Value sub(Value a, Value c);
  Value mul(Value a, Value c);
  Value div(Value a, Value c);
  Value max(Value a, Value c);
  Value min(Value a, Value c);
  Value pow(Value a, Value c);
  Value atan2(Value a, Value c);
  Value neg(Value a);
  Value abs(Value a);
  Value exp(Value a);
  Value expm1(Value a);
  Value log(Value a);
  Value log1p(Value a);
  Value sqrt(Value a);
  Value rsqrt(Value a);
  Value floor(Value a);
  Value roundEven(Value a);
  Value sin(Value a);
  Value cos(Value a);
  Value tan(Value a);
  Value sign(Value a);

  Value cmp(ComparisonDirection direction, Value a, Value c);
  Value lt(Value a, Value c) { return cmp(ComparisonDirection::LT, a, c); }
  Value le(Value a, Value c) { return cmp(ComparisonDirection::LE, a, c); }
  Value gt(Value a, Value c) { return cmp(ComparisonDirection::GT, a, c); }
  Value ge(Value a, Value c) { return cmp(ComparisonDirection::GE, a, c); }
  Value eq(Value a, Value c) { return cmp(ComparisonDirection::EQ, a, c); }
  Value ne(Value a, Value c) { return cmp(ComparisonDirection::NE, a, c); }
  Value select(Value pred, Value onTrue, Value onFalse);
  Value andOp(Value a, Value c);
  Value orOp(Value a, Value c);
  Value notOp(Value a);
  Value isNan(Value a) { return ne(a, a); }
  /// x <= 0 and x is an integer (the poles of gamma and friends, and -inf).
  Value isNonPositiveInteger(Value x);

  /// Complex helpers; the builder's element type is then complex<f>.
  Value real(Value z);
  Value imag(Value z);
  Value complex(Value re, Value im);
  Value complexCst(double re, double im);

  /// c[0] * t^n + ... + c[n], by Horner's scheme.
  Value horner(Value t, ArrayRef<double> coeffs);
  Value convert(Value v, Type element);
  Value bitcast(Value v, Type element);

private:
  Value shapeTensor();
  template <typename Op> Value unary(Value a) { return Op::create(b, location, a); }
  template <typename Op> Value binary(Value a, Value c) {
    return Op::create(b, location, a, c);
  }

  OpBuilder &b;
  Location location;
  RankedTensorType type;
  Value like;
  Value shape; // run-time shape of `like` (dynamic shapes only)
  llvm::DenseMap<std::pair<Type, uint64_t>, Value> constants;
};

} // namespace mlir::byteir::chlo_lowering

#endif // BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_EXPRBUILDER_H
