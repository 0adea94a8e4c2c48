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

// The entry function becomes library calls and calls of outlined kernel functions
// (the byteir-cpu-partition pass with these options).
LogicalResult buildCPUPartitionPipeline(OpPassManager &pm, StringRef entry = "main",
                                        bool useLibraries = true);

// `byteir-cpu-codegen`: kernel functions in StableHLO to an LLVM dialect module in
// which each takes one pointer per input and output buffer (static shapes) and has
// the uniform `<name>_entry(void **buffers)` wrapper the CPU provider calls.
LogicalResult buildCPUCodegenPipeline(OpPassManager &pm);

void registerPipelines();

} // namespace mlir::byteir

#endif // BYTEIR_PIPELINES_PIPELINES_H
