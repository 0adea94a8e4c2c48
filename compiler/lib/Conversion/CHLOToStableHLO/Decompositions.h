//===- Decompositions.h - chlo special functions in stablehlo ---*- C++ -*-===//
//
// Internal to CHLOToStableHLO. Each function emits the decomposition of one
// function over real operands whose element type is the builder's (f32 or f64;
// narrower floats are widened to f32 by the patterns). Accuracy of the f32
// decompositions is measured by test/Conversion/CHLOToStableHLO/*.mlir.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_DECOMPOSITIONS_H
#define BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_DECOMPOSITIONS_H

#include "ExprBuilder.h"

namespace mlir::byteir::chlo_lowering {

// Error functions (ErfDecomposition.cpp).
Value buildErf(ExprBuilder &e, Value x);
Value buildErfc(ExprBuilder &e, Value x);
Value buildErfInv(ExprBuilder &e, Value x);

// Gamma family (GammaDecomposition.cpp).
Value buildLgamma(ExprBuilder &e, Value x);
Value buildDigamma(ExprBuilder &e, Value x);
Value buildZeta(ExprBuilder &e, Value s, Value q);
Value buildPolygamma(ExprBuilder &e, Value n, Value x);

// Elementary functions and bessel_i1e (ElementaryDecomposition.cpp).
Value buildSinh(ExprBuilder &e, Value x);
Value buildCosh(ExprBuilder &e, Value x);
Value buildAsin(ExprBuilder &e, Value x);
Value buildAcos(ExprBuilder &e, Value x);
Value buildAtan(ExprBuilder &e, Value x);
Value buildAsinh(ExprBuilder &e, Value x);
Value buildAcosh(ExprBuilder &e, Value x);
Value buildAtanh(ExprBuilder &e, Value x);
Value buildBesselI1e(ExprBuilder &e, Value x);
/// C nextafter on any float type (bit manipulation, no widening).
Value buildNextAfter(ExprBuilder &e, Value x, Value y);

// Complex operands (ComplexDecomposition.cpp): textbook principal-value
// formulas over stablehlo complex arithmetic.
Value buildComplexSinh(ExprBuilder &e, Value z);
Value buildComplexCosh(ExprBuilder &e, Value z);
Value buildComplexAsin(ExprBuilder &e, Value z);
Value buildComplexAcos(ExprBuilder &e, Value z);
Value buildComplexAtan(ExprBuilder &e, Value z);
Value buildComplexAsinh(ExprBuilder &e, Value z);
Value buildComplexAcosh(ExprBuilder &e, Value z);
Value buildComplexAtanh(ExprBuilder &e, Value z);
Value buildConj(ExprBuilder &e, Value z);

} // namespace mlir::byteir::chlo_lowering

#endif // BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_DECOMPOSITIONS_H
