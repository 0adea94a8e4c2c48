//===- Compile.h - StableHLO module to a .byre artifact -------------------===//
#ifndef BYTEIR_COMPILER_COMPILE_H
#define BYTEIR_COMPILER_COMPILE_H

#include "byteir/Target/CPU/SharedObject.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include <functional>
#include <string>

namespace mlir::byteir {

struct CompileOptions {
  std::string target = "cpu";
  std::string entry = "main";
  CPUTargetOptions cpu;
  // Matmuls and convolutions become library calls (oneDNN) instead of kernels.
  bool useLibraries = true;
  // Applied to every pass manager (e.g. the command line's IR printing options).
  std::function<LogicalResult(PassManager &)> configurePassManager;
  // Recorded in the artifact's provenance.
  std::string commandLine;
  std::string sourceHash;
};

// Compiles a StableHLO module (frontend pipeline included) and writes the artifact.
// Diagnostics are reported through the module's context, at input locations; each
// stage is timed under `timing`.
LogicalResult compileToArtifact(ModuleOp module, const CompileOptions &options,
                                StringRef outputPath, TimingScope &timing);

// The compiler version recorded in artifacts.
StringRef compilerVersion();

} // namespace mlir::byteir

#endif // BYTEIR_COMPILER_COMPILE_H
