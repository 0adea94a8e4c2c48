//===- CHLOOps.h - chlo dialect ------------------------------------------===//
//
// Dialect class: mlir::chlo::ChloDialect. Op classes: mlir::chlo::ErfOp, TopKOp,
// BroadcastAddOp, ... (see CHLOOps.td).
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_CHLO_IR_CHLOOPS_H
#define BYTEIR_DIALECT_CHLO_IR_CHLOOPS_H

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "byteir/Dialect/CHLO/IR/CHLODialect.h.inc"

#define GET_ATTRDEF_CLASSES
#include "byteir/Dialect/CHLO/IR/CHLOAttrs.h.inc"

#define GET_OP_CLASSES
#include "byteir/Dialect/CHLO/IR/CHLOOps.h.inc"

namespace mlir::chlo {

/// The shape of an implicit broadcast of `lhs` and `rhs` (numpy rules, or the
/// explicit rank mapping `broadcastDims` of the lower-rank operand). Dynamic
/// dimensions are kShapedDynamic. Emits an error at `loc` (when given) and fails
/// on incompatible shapes or bad dimensions.
FailureOr<SmallVector<int64_t>>
inferBroadcastShape(std::optional<Location> loc, ArrayRef<int64_t> lhs,
                    ArrayRef<int64_t> rhs,
                    std::optional<ArrayRef<int64_t>> broadcastDims);

/// For each dimension of an operand of shape `operand` broadcast into `result`
/// by the rules above, the result dimension it maps to.
SmallVector<int64_t> broadcastOperandDims(ArrayRef<int64_t> operand,
                                          ArrayRef<int64_t> result,
                                          std::optional<ArrayRef<int64_t>> broadcastDims,
                                          int64_t otherRank);

} // namespace mlir::chlo

#endif // BYTEIR_DIALECT_CHLO_IR_CHLOOPS_H
