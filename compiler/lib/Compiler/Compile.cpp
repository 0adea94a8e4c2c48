//===- Compile.cpp - StableHLO module to a .byre artifact -----------------===//
//
// CPU flow: frontend pipeline on the input; large constants become weight arguments
// (byteir-hoist-weights); a copy of the module runs the CPU codegen
// pipeline and is linked into one shared object; a byre host program with the entry
// function's signature calls its `<entry>_entry`, and is serialized with the object.
//
//===----------------------------------------------------------------------===//
#include "byteir/Compiler/Compile.h"

#include "HostProgram.h"
#include "byteir/Pipelines/Pipelines.h"
#include "byteir/Target/Artifact/ByreToArtifact.h"
#include "byteir/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Pass/PassManager.h"

using namespace mlir;

namespace {
LogicalResult runPipeline(ModuleOp module, const byteir::CompileOptions &options,
                          TimingScope &timing,
                          function_ref<LogicalResult(OpPassManager &)> build) {
  PassManager pm(module.getContext());
  if (options.configurePassManager && failed(options.configurePassManager(pm)))
    return failure();
  if (failed(build(pm)))
    return failure();
  pm.enableTiming(timing);
  return pm.run(module);
}

// The kernel functions of the partitioned module, compiled into one shared object;
// nothing when every op went to a library.
FailureOr<std::string> buildCPUKernels(ModuleOp module,
                                       const byteir::CompileOptions &options,
                                       TimingScope &timing) {
  OwningOpRef<ModuleOp> kernels(cast<ModuleOp>(module->clone()));
  for (auto fn : llvm::make_early_inc_range(kernels->getOps<func::FuncOp>()))
    if (!fn->hasAttr("byteir.kernel"))
      fn.erase();
  if (kernels->getOps<func::FuncOp>().empty())
    return std::string();
  TimingScope codegenTiming = timing.nest("cpu codegen");
  if (failed(runPipeline(*kernels, options, codegenTiming, [&](OpPassManager &pm) {
        return byteir::buildCPUCodegenPipeline(pm);
      })))
    return failure();
  codegenTiming.stop();
  TimingScope emitTiming = timing.nest("llvm + lld");
  return byteir::emitSharedObject(*kernels, options.cpu);
}
} // namespace

StringRef mlir::byteir::compilerVersion() { return "byteir 0.1.0"; }

LogicalResult mlir::byteir::compileToArtifact(ModuleOp module,
                                              const CompileOptions &options,
                                              StringRef outputPath,
                                              TimingScope &timing) {
  if (options.target != "cpu")
    return emitError(module.getLoc(), "unknown target '")
           << options.target << "' (this build supports: cpu)";
  TimingScope frontendTiming = timing.nest("frontend");
  if (failed(runPipeline(module, options, frontendTiming, buildFrontendPipeline)))
    return failure();
  frontendTiming.stop();
  auto entry = module.lookupSymbol<func::FuncOp>(options.entry);
  if (!entry || entry.isExternal())
    return emitError(module.getLoc(), "no entry function '") << options.entry << "'";

  // Large constants become weights first: stored once in the artifact instead of in
  // kernel code, and readable by library ops.
  TimingScope partitionTiming = timing.nest("partition");
  if (failed(runPipeline(module, options, partitionTiming, [&](OpPassManager &pm) {
        byteir::HoistWeightsOptions hoist;
        hoist.entry = options.entry;
        pm.addPass(byteir::createHoistWeights(hoist));
        return byteir::buildCPUPartitionPipeline(pm, options.entry, options.useLibraries);
      })))
    return failure();
  partitionTiming.stop();

  // The host program first: it rejects what the runtime cannot bind (e.g. dynamic
  // shapes) before any code is generated.
  OwningOpRef<ModuleOp> host = ModuleOp::create(module.getLoc());
  KernelObject kernels{"cpu_kernels", brt::KernelFormat::SharedObject, cpuTargetTriple(),
                       ""};
  FailureOr<func::FuncOp> program = buildHostProgram(*host, entry, kernels.name);
  if (failed(program))
    return failure();
  FailureOr<std::string> so = buildCPUKernels(module, options, timing);
  if (failed(so))
    return failure();
  kernels.bytes = std::move(*so);
  ArrayRef<KernelObject> objects;
  if (!kernels.bytes.empty())
    objects = kernels;
  TimingScope writeTiming = timing.nest("write artifact");
  return writeArtifact(*program, objects,
                       {compilerVersion().str(), options.target, options.commandLine,
                        options.sourceHash},
                       outputPath);
}
