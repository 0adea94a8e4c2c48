//===- Passes.h - byteir's general transformation passes ------------------===//
#ifndef BYTEIR_TRANSFORMS_PASSES_H
#define BYTEIR_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace mlir::byteir {
#define GEN_PASS_DECL
#include "byteir/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

#endif // BYTEIR_TRANSFORMS_PASSES_H
