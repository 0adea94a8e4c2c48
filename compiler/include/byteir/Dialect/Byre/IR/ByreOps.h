//===- ByreOps.h - byre dialect -------------------------------------------===//
#ifndef BYTEIR_DIALECT_BYRE_IR_BYREOPS_H
#define BYTEIR_DIALECT_BYRE_IR_BYREOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "byteir/Dialect/Byre/IR/ByreDialect.h.inc"
#include "byteir/Dialect/Byre/IR/ByreEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "byteir/Dialect/Byre/IR/ByreAttrs.h.inc"

#define GET_OP_CLASSES
#include "byteir/Dialect/Byre/IR/ByreOps.h.inc"

namespace mlir::byre {
// Bytes a statically shaped buffer occupies (sub-byte elements round up).
inline int64_t getByteSize(MemRefType type) {
  return type.getNumElements() * ((type.getElementTypeBitWidth() + 7) / 8);
}
} // namespace mlir::byre

#endif // BYTEIR_DIALECT_BYRE_IR_BYREOPS_H
