//===- HostProgram.h - the byre host program of a compiled model ----------===//
#ifndef BYTEIR_LIB_COMPILER_HOSTPROGRAM_H
#define BYTEIR_LIB_COMPILER_HOSTPROGRAM_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace mlir::byteir {

// Adds to `host` the byre entry point for a partitioned entry function (see
// byteir-cpu-partition): inputs `input_<i>`, weights `weight_<i>` (arguments with
// `byteir.weight`, see byteir-hoist-weights) and outputs `output_<i>` as memrefs,
// one `byre.compute` per kernel call ("LLVMKernelOp" into the kernel object
// `kernelObject`) or library op, copies for outputs no op writes directly, and every
// intermediate buffer planned into one arena (`byre.arena_offset` on each
// memref.alloc, `byre.arena_size` on the function).
FailureOr<func::FuncOp> buildHostProgram(ModuleOp host, func::FuncOp entry,
                                         StringRef kernelObject);

} // namespace mlir::byteir

#endif // BYTEIR_LIB_COMPILER_HOSTPROGRAM_H
