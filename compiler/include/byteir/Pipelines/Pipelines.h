//===- Pipelines.h - byteir's named pass pipelines ------------------------===//
//
// Each pipeline is also registered with byteir-opt under the name given here, so a
// user can run any stage alone and print the IR in between.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_PIPELINES_PIPELINES_H
#define BYTEIR_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

namespace mlir::byteir {

// `byteir-frontend`: producer StableHLO (+ chlo, private helper functions) to one
// canonical StableHLO entry function.
LogicalResult buildFrontendPipeline(OpPassManager &pm);

// `byteir-cpu-codegen`: canonical StableHLO to an LLVM dialect module whose entry
// function `<entry>` takes one pointer per input and output buffer (static shapes),
// plus the uniform `<entry>_entry(void **buffers)` wrapper the CPU provider calls.
LogicalResult buildCPUCodegenPipeline(OpPassManager &pm, StringRef entry = "main");

void registerPipelines();

} // namespace mlir::byteir

#endif // BYTEIR_PIPELINES_PIPELINES_H
