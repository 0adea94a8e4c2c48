//===- ScalarInternal.h - pieces of the scalar emitter ----------*- C++ -*-===//
//
// Internal to ScalarBody/ScalarUnary/ScalarBinary/ScalarConvert. Every emitter
// returns a null Value when it does not handle the op or element type; it must
// then not have created anything.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_SCALARINTERNAL_H
#define BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_SCALARINTERNAL_H

#include "ScalarBody.h"

#include "llvm/ADT/APInt.h"

namespace mlir::byteir::hlo_linalg::scalar_impl {

/// Element types of one scalar op before signless conversion.
struct OrigTypes {
  SmallVector<Type, 3> operands;
  Type result;
};

Value emitUnary(OpBuilder &b, Location loc, Operation *op, const OrigTypes &t,
                Value x);
Value emitBinary(OpBuilder &b, Location loc, Operation *op, const OrigTypes &t,
                 Value lhs, Value rhs);
/// compare, select, clamp, convert, bitcast_convert, reduce_precision, complex,
/// real, imag, is_finite.
Value emitMisc(OpBuilder &b, Location loc, Operation *op, const OrigTypes &t,
               ValueRange args);

// Small helpers shared by the emitters.
Value intConst(OpBuilder &b, Location loc, Type type, const APInt &value);
Value intConst(OpBuilder &b, Location loc, Type type, int64_t value);
Value floatConst(OpBuilder &b, Location loc, Type type, double value);
/// max/min with stablehlo semantics (NaN-propagating floats, i1 as or/and,
/// signed or unsigned ints, lexicographic complex).
Value emitMax(OpBuilder &b, Location loc, Type origElem, Value x, Value y);
Value emitMin(OpBuilder &b, Location loc, Type origElem, Value x, Value y);
Value isNaN(OpBuilder &b, Location loc, Value x);

} // namespace mlir::byteir::hlo_linalg::scalar_impl

#endif // BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_SCALARINTERNAL_H
