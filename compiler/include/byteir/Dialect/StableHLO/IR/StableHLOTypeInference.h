//===- StableHLOTypeInference.h - shared result type inference helpers ---===//
#ifndef BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOTYPEINFERENCE_H
#define BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOTYPEINFERENCE_H

#include "mlir/IR/TypeRange.h"

namespace mlir::stablehlo {
// Inferred and given result types agree: same element types and compatible shapes
// (a given static dimension may refine an inferred `?`).
bool areCompatibleReturnTypes(TypeRange inferred, TypeRange actual);
} // namespace mlir::stablehlo

#endif // BYTEIR_DIALECT_STABLEHLO_IR_STABLEHLOTYPEINFERENCE_H
