//===- LinalgExtOps.h - linalg_ext dialect ---------------------*- C++ -*-===//
//
// Ops linalg lacks (softmax, layer_norm, topk, scan, sort) with TilingInterface
// and destination-passing style. Register the bufferization models with
// registerBufferizableOpInterfaceExternalModels.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_LINALGEXT_IR_LINALGEXTOPS_H
#define BYTEIR_DIALECT_LINALGEXT_IR_LINALGEXTOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/TilingInterface.h"

#include "byteir/Dialect/LinalgExt/IR/LinalgExtDialect.h.inc"
#include "byteir/Dialect/LinalgExt/IR/LinalgExtEnums.h.inc"

#define GET_OP_CLASSES
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h.inc"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace mlir::byteir::linalg_ext {
/// One-shot bufferization of every linalg_ext op: tensor operands become their
/// buffers, results alias the `outs` buffers.
void registerBufferizableOpInterfaceExternalModels(DialectRegistry &registry);

/// exp(d) in f32 for d <= 0 (softmax's x - max) as a vectorizable polynomial
/// (~1 ulp); below exp(-87) it flushes to 0, NaN stays NaN.
Value expNonPositiveF32(OpBuilder &b, Location loc, Value d);
} // namespace mlir::byteir::linalg_ext

#endif // BYTEIR_DIALECT_LINALGEXT_IR_LINALGEXTOPS_H
