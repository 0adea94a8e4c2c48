//===- ScalarBody.h - stablehlo ops on scalars as arith/math ----*- C++ -*-===//
//
// Shared by every stablehlo -> linalg pattern that builds a scalar body:
// elementwise ops (linalg.generic bodies), reduce, and the part-2 ops (map,
// reduce_window, select_and_scatter, scatter, sort comparators, ...).
//
// Conventions
//   * "Scalar" values handed in and returned are signless: i1/iN, floats,
//     complex<fN>. Signedness of stablehlo integer types (ui8, ...) is read from
//     the stablehlo op's own operand/result types, never from the scalars.
//   * Region bodies have 0-d tensor arguments and end in stablehlo.return.
//
// This API is stable: part 2 of the conversion relies on it.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_SCALARBODY_H
#define BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_SCALARBODY_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/Region.h"
#include "mlir/IR/Value.h"
#include "mlir/Support/LLVM.h"

namespace mlir::byteir::hlo_linalg {

/// Signless counterpart of a stablehlo element type (ui32 and si32 -> i32);
/// other types are returned unchanged. Accepts shaped types too (converts the
/// element type and keeps the shape).
Type toSignless(Type type);

/// True for unsigned integer element types (ui8, ...). Looks through shaped types.
bool isUnsignedElement(Type type);

/// Emits arith/math/complex ops that compute the elementwise stablehlo `op` on
/// one element. `args` are the signless scalars standing for op's operands in
/// order (select: pred, on_true, on_false; clamp: min, operand, max). The
/// original element types (for signedness and complex/float dispatch) are taken
/// from `op`'s operand and result types. Nothing is emitted on failure.
FailureOr<Value> emitScalarOp(OpBuilder &b, Location loc, Operation *op,
                              ValueRange args);

/// True when emitScalarOp supports `op` (checked before building anything).
bool hasScalarLowering(Operation *op);

/// Converts the scalar `value` of stablehlo element type `srcType` to stablehlo
/// element type `dstType` with stablehlo.convert's semantics (float->int
/// truncates toward zero and saturates, NaN -> 0; any->bool is `!= 0`;
/// unsigned types use unsigned ops; complex->real takes the real part).
/// `value` is signless; so is the result.
Value emitConvert(OpBuilder &b, Location loc, Value value, Type srcType,
                  Type dstType);

/// Emits a scalar constant of (signless) type `type` holding `value`
/// (integers truncate; complex gets a zero imaginary part).
Value emitScalarConstant(OpBuilder &b, Location loc, Type type, double value);

/// Checks that every op of the single-block `region` has a scalar lowering
/// (elementwise ops, 0-d constant, 0-d broadcast_in_dim/reshape/convert, ...).
/// Emits an error naming the first unsupported op, on `diagOp`.
LogicalResult checkScalarRegion(Region &region, Operation *diagOp);

/// Lowers the single-block `region` (0-d tensor block arguments, stablehlo
/// ops, stablehlo.return) to scalar ops at `b`'s insertion point. `args` are the
/// signless scalars that replace the block arguments, in order. Returns the
/// scalars the region returns. The region itself is left untouched.
/// On failure an error is emitted on the region's parent op.
/// Values defined outside the region that the body uses (0-d tensors) are read
/// with tensor.extract.
FailureOr<SmallVector<Value>> convertScalarRegion(OpBuilder &b, Region &region,
                                                  ValueRange args);

} // namespace mlir::byteir::hlo_linalg

#endif // BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_SCALARBODY_H
