//===- CHLOToStableHLO.h - chlo to stablehlo conversion ----------*- C++ -*-===//
//
// The `chlo-legalize-to-stablehlo` pass (func::FuncOp) and its patterns.
// Register with mlir::byteir::registerCHLOToStableHLOPasses().
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_CONVERSION_CHLOTOSTABLEHLO_CHLOTOSTABLEHLO_H
#define BYTEIR_CONVERSION_CHLOTOSTABLEHLO_CHLOTOSTABLEHLO_H

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace mlir::byteir {

#define GEN_PASS_DECL
#include "byteir/Conversion/CHLOToStableHLO/Passes.h.inc"

/// Adds the patterns that rewrite every chlo op into stablehlo ops.
void populateChloToStableHLOPatterns(MLIRContext *context, RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "byteir/Conversion/CHLOToStableHLO/Passes.h.inc"

} // namespace mlir::byteir

#endif // BYTEIR_CONVERSION_CHLOTOSTABLEHLO_CHLOTOSTABLEHLO_H
