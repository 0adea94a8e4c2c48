//===- Passes.td - byteir's general transformation passes --*- tablegen -*-===//
#ifndef BYTEIR_TRANSFORMS_PASSES
#define BYTEIR_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def CPUKernelEntry : Pass<"byteir-cpu-kernel-entry", "::mlir::ModuleOp"> {
  let summary = "Add a `void NAME(void **buffers)` entry that calls a kernel function";
  let description = [{
    The CPU provider calls every kernel through one C signature: an array of buffer
    pointers, inputs first, then outputs, in the kernel function's argument order.
    This pass runs on the LLVM dialect after the bare-pointer calling convention has
    turned each statically shaped memref argument into one pointer, and adds an
    exported wrapper `<function>_entry` that loads each pointer from the array and
    calls the function; the wrapped function gets internal linkage so that only the
    entry is exported.
  }];
  let options = [
    Option<"functionName", "function", "std::string", /*default=*/"\"main\"",
           "The kernel function to wrap">,
  ];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def MemRefCopyToLinalg : Pass<"byteir-memref-copy-to-linalg"> {
  let summary = "Rewrite memref.copy as linalg.copy so that it lowers to loops";
  let description = [{
    Bufferization copies into strided views with `memref.copy`, which the LLVM
    lowering turns into a call to a runtime library function (`memrefCopy`) when the
    layout is not contiguous. Kernels must not depend on such a library: as
    `linalg.copy` the copy becomes plain loops.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

#endif // BYTEIR_TRANSFORMS_PASSES
