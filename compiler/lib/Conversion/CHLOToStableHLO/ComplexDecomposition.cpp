//===- ComplexDecomposition.cpp - complex hyperbolic and inverse trig -------===//
//
// Principal values by the textbook formulas over stablehlo complex arithmetic
// (no special care for cancellation near branch points).
//
//===----------------------------------------------------------------------===//
#include "Decompositions.h"

using namespace mlir;
using namespace mlir::byteir::chlo_lowering;
namespace cl = mlir::byteir::chlo_lowering;

namespace {

/// Runs `fn` on the real part type: an ExprBuilder of the real element type.
template <typename Fn> Value onParts(ExprBuilder &e, Value z, Fn fn) {
  Value re = e.real(z);
  ExprBuilder r(e.builder(), e.loc(), re);
  return fn(r, re, e.imag(z));
}

Value iTimes(ExprBuilder &e, Value z) { return e.mul(e.complexCst(0.0, 1.0), z); }

} // namespace

Value cl::buildComplexSinh(ExprBuilder &e, Value z) {
  return onParts(e, z, [&](ExprBuilder &r, Value a, Value b) {
    return e.complex(r.mul(buildSinh(r, a), r.cos(b)), r.mul(buildCosh(r, a), r.sin(b)));
  });
}

Value cl::buildComplexCosh(ExprBuilder &e, Value z) {
  return onParts(e, z, [&](ExprBuilder &r, Value a, Value b) {
    return e.complex(r.mul(buildCosh(r, a), r.cos(b)), r.mul(buildSinh(r, a), r.sin(b)));
  });
}

Value cl::buildComplexAsin(ExprBuilder &e, Value z) {
  // -i log(i z + sqrt(1 - z^2))
  Value root = e.sqrt(e.sub(e.complexCst(1.0, 0.0), e.mul(z, z)));
  return e.mul(e.complexCst(0.0, -1.0), e.log(e.add(iTimes(e, z), root)));
}

Value cl::buildComplexAcos(ExprBuilder &e, Value z) {
  return e.sub(e.complexCst(1.57079632679489661923, 0.0), buildComplexAsin(e, z));
}

Value cl::buildComplexAtan(ExprBuilder &e, Value z) {
  // (i / 2) log((i + z) / (i - z))
  Value i = e.complexCst(0.0, 1.0);
  Value ratio = e.div(e.add(i, z), e.sub(i, z));
  return e.mul(e.complexCst(0.0, 0.5), e.log(ratio));
}

Value cl::buildComplexAsinh(ExprBuilder &e, Value z) {
  // log(z + sqrt(z^2 + 1))
  return e.log(e.add(z, e.sqrt(e.add(e.mul(z, z), e.complexCst(1.0, 0.0)))));
}

Value cl::buildComplexAcosh(ExprBuilder &e, Value z) {
  // log(z + sqrt(z + 1) sqrt(z - 1))
  Value one = e.complexCst(1.0, 0.0);
  return e.log(e.add(z, e.mul(e.sqrt(e.add(z, one)), e.sqrt(e.sub(z, one)))));
}

Value cl::buildComplexAtanh(ExprBuilder &e, Value z) {
  // log((1 + z) / (1 - z)) / 2
  Value one = e.complexCst(1.0, 0.0);
  return e.mul(e.complexCst(0.5, 0.0), e.log(e.div(e.add(one, z), e.sub(one, z))));
}

Value cl::buildConj(ExprBuilder &e, Value z) {
  return e.complex(e.real(z), e.neg(e.imag(z)));
}
