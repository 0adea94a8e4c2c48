//===- Pipelines.cpp - byteir's named pass pipelines ----------------------===//
//
// Pipelines are spelled in the textual pass-pipeline syntax so that what byteir runs
// is exactly what a user can paste into byteir-opt.
//
//===----------------------------------------------------------------------===//
#include "byteir/Pipelines/Pipelines.h"

#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;

namespace {
LogicalResult addPipeline(OpPassManager &pm, StringRef text) {
  std::string errors;
  llvm::raw_string_ostream os(errors);
  if (failed(parsePassPipeline(text, pm, os))) {
    llvm::errs() << "byteir: invalid internal pipeline '" << text << "': " << errors
                 << "\n";
    return failure();
  }
  return success();
}

// Custom-call recognition runs before chlo legalization (gelu's erf is still
// chlo.erf / chlo.erfc there) and again after canonicalize/cse. dot_general
// normalization comes last: canonicalize would fold its transposes back.
constexpr llvm::StringLiteral kFrontend =
    "func.func(byteir-hlo-fusion-recognition,chlo-legalize-to-stablehlo,"
    "byteir-unfuse-batch-norm),inline,canonicalize,func.func(byteir-hlo-fold-constants),"
    "cse,func.func(byteir-hlo-fusion-recognition,byteir-dot-general-normalize),symbol-dce";

// Tensors -> buffers with identity layouts at the function boundary; results become
// caller-provided out-parameters; temporaries are freed where they die.
constexpr llvm::StringLiteral kBufferize =
    "one-shot-bufferize{bufferize-function-boundaries allow-return-allocs-from-loops "
    "function-boundary-type-conversion=identity-layout-map},"
    "buffer-results-to-out-params{modify-public-functions hoist-static-allocs},"
    "buffer-deallocation-pipeline,byteir-memref-copy-to-linalg";

// Math ops with an LLVM lowering (sqrt, rsqrt, exp, ...) go to LLVM intrinsics first;
// the rest (erf, tan, atan2, cbrt, ...) become libm calls. bf16 arithmetic runs in
// f32 and bf16 conversions are expanded to integer arithmetic: the kernels link no
// compiler runtime for them.
constexpr llvm::StringLiteral kLowerToLLVM =
    "convert-linalg-to-loops,expand-strided-metadata,lower-affine,convert-scf-to-cf,"
    "convert-complex-to-standard,convert-math-to-llvm,convert-math-to-libm,"
    "arith-emulate-unsupported-floats{source-types=bf16 target-type=f32},"
    "byteir-expand-bf16-conversions,finalize-memref-to-llvm,convert-arith-to-llvm,"
    "convert-complex-to-llvm,"
    "convert-cf-to-llvm,convert-func-to-llvm{use-bare-ptr-memref-call-conv=1},"
    "convert-index-to-llvm,reconcile-unrealized-casts";
} // namespace

LogicalResult mlir::byteir::buildFrontendPipeline(OpPassManager &pm) {
  return addPipeline(pm, kFrontend);
}

LogicalResult mlir::byteir::buildCPUPartitionPipeline(OpPassManager &pm, StringRef entry,
                                                      bool useLibraries) {
  return addPipeline(pm, llvm::formatv("byteir-cpu-partition{{entry={0} use-libraries={1}}",
                                       entry, useLibraries)
                             .str());
}

// Large ops are tiled into scf.forall on tensors, and the loops are outlined for
// the runtime's thread pool once they work on buffers.
LogicalResult mlir::byteir::buildCPUCodegenPipeline(OpPassManager &pm) {
  std::string text = llvm::formatv(
      "stablehlo-legalize-to-linalg,canonicalize,cse,linalg-generalize-named-ops,"
      "linalg-fuse-elementwise-ops,byteir-arith-fastmath,"
      "func.func(byteir-cpu-tile-parallel),canonicalize,cse,{0},"
      "func.func(byteir-linalg-ext-to-loops),canonicalize,byteir-cpu-outline-parallel,"
      "{1},byteir-cpu-kernel-entry",
      kBufferize, kLowerToLLVM);
  return addPipeline(pm, text);
}

void mlir::byteir::registerPipelines() {
  PassPipelineRegistration<>(
      "byteir-frontend",
      "Producer StableHLO to canonical StableHLO (chlo legalized, calls inlined)",
      [](OpPassManager &pm) { (void)buildFrontendPipeline(pm); });
  PassPipelineRegistration<>(
      "byteir-cpu-codegen",
      "Kernel functions to LLVM dialect with void(void**) entries",
      [](OpPassManager &pm) { (void)buildCPUCodegenPipeline(pm); });
}
