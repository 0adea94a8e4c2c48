//===- StableHLOOps.h - stablehlo dialect ---------------------------------===//
#ifndef BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOOPS_H
#define BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/TypeUtilities.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOAssembly.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOTypeInference.h"

#include "byteir/Dialect/StableHLO/IR/StableHLODialect.h.inc"
#include "byteir/Dialect/StableHLO/IR/StableHLOEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "byteir/Dialect/StableHLO/IR/StableHLOAttrs.h.inc"

#define GET_TYPEDEF_CLASSES
#include "byteir/Dialect/StableHLO/IR/StableHLOTypes.h.inc"

#define GET_OP_CLASSES
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h.inc"

#endif // BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOOPS_H
