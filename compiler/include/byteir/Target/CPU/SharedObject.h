//===- SharedObject.h - LLVM dialect module to an ELF shared object -------===//
#ifndef BYTEIR_TARGET_CPU_SHAREDOBJECT_H
#define BYTEIR_TARGET_CPU_SHAREDOBJECT_H

#include "mlir/IR/BuiltinOps.h"
#include <string>

namespace mlir::byteir {

struct CPUTargetOptions {
  // LLVM CPU name; the default runs on any x86-64 with AVX2 (both our machines).
  std::string cpu = "x86-64-v3";
  unsigned optLevel = 3;
};

// Translates an LLVM dialect module to LLVM IR, optimizes it, emits an object and
// links it into a shared object in-process with lld. Returns the .so bytes.
FailureOr<std::string> emitSharedObject(ModuleOp module, const CPUTargetOptions &options);

// The target triple kernels are built for, as recorded in the artifact.
std::string cpuTargetTriple();

} // namespace mlir::byteir

#endif // BYTEIR_TARGET_CPU_SHAREDOBJECT_H
