//===- HostProgram.h - the byre host program of a compiled model ----------===//
#ifndef BYTEIR_LIB_COMPILER_HOSTPROGRAM_H
#define BYTEIR_LIB_COMPILER_HOSTPROGRAM_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace mlir::byteir {

// Adds to `host` a byre entry point with the signature of `entry` (inputs
// `input_<i>`, outputs `output_<i>`, as memrefs) whose body calls the whole entry
// function, compiled into the kernel object `kernelObject` as `<entry>_entry`.
FailureOr<func::FuncOp> buildHostProgram(ModuleOp host, func::FuncOp entry,
                                         StringRef kernelObject);

} // namespace mlir::byteir

#endif // BYTEIR_LIB_COMPILER_HOSTPROGRAM_H
