//===- InitAll.cpp - register byteir's dialects and passes ----------------===//
#include "byteir/InitAll.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Extensions/InlinerExtension.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void mlir::byteir::registerAllDialects(DialectRegistry &registry) {
  registry.insert<stablehlo::StableHLODialect, func::FuncDialect,
                  quant::QuantDialect>();
  func::registerInlinerExtension(registry);
}

void mlir::byteir::registerAllPasses() {
  registerTransformsPasses();
}
