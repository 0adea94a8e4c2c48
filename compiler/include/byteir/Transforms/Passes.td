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
    entries are exported.
  }];
  let options = [
    Option<"functionName", "function", "std::string", /*default=*/"\"\"",
           "The kernel function to wrap (default: every defined, exported function)">,
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

def CPUPartition : Pass<"byteir-cpu-partition", "::mlir::ModuleOp"> {
  let summary = "Split the entry function into library calls and outlined kernels";
  let description = [{
    Marks the StableHLO ops a tuned library serves better than generated code
    (f32 matmul-shaped `dot_general`, NHWC/HWIO 2-d `convolution`) with
    `byteir.library_call` and their library attributes in `byteir.library_attrs`,
    and outlines every maximal run of the other ops into a private-free kernel
    function `<entry>_kernel_<i>` (attribute `byteir.kernel`) called from the entry.
    Constants used only inside kernels are cloned into them instead of crossing
    kernel boundaries. Kernel arguments are marked `bufferization.writable = false`:
    they are model inputs or buffers later ops read, so kernels never update them in
    place. The entry function then holds only calls, library ops and
    the return: the shape of the host program.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"main\"",
           "The entry function to partition">,
    Option<"useLibraries", "use-libraries", "bool", /*default=*/"true",
           "Route matmuls and convolutions to library calls">,
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def ArithFastMath : Pass<"byteir-arith-fastmath"> {
  let summary = "Allow reassociation and contraction of floating-point arithmetic";
  let description = [{
    Sets `fastmath<reassoc, contract>` on `addf`, `subf`, `mulf` and `divf` (not on
    conversions, whose rounding the program asked for, nor on min/max/compare, whose
    NaN and signed-zero semantics are exact), so that LLVM
    vectorizes reductions (which reorders the additions) and fuses multiply-adds.
    Results may differ from the sequential order in the last bits, as with any
    vectorized or parallel reduction; NaN and infinity semantics are kept.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def HloFusionRecognition : Pass<"byteir-hlo-fusion-recognition", "::mlir::func::FuncOp"> {
  let summary = "Recognize softmax, layer norm and gelu as byteir.* custom calls";
  let description = [{
    Matches the StableHLO that JAX and PyTorch exporters produce for
    - softmax along one axis, numerically stable form only
      (max-reduce, subtract, exp, sum-reduce, divide) -> `byteir.softmax`
      with `byteir_attrs = {axis = i64}`;
    - layer norm over trailing axes (mean, variance as mean of squared centered
      values or E[x^2] - E[x]^2, `+ epsilon`, rsqrt-multiply or sqrt-divide,
      optional scale, optional bias after a scale) -> `byteir.layer_norm(x[, scale
      [, bias]])` with `byteir_attrs = {axis = [i64...], epsilon = f64}`;
    - gelu, erf form `x * 0.5 * (1 + erf(x / sqrt 2))` (also as `erfc(-x / sqrt 2)`)
      and tanh form `x * 0.5 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3)))` ->
      `byteir.gelu` with `byteir_attrs = {approximate = "none" | "tanh"}`.
    The erf form is matched on `chlo.erf` / `chlo.erfc`, so the pass must run before
    `chlo-legalize-to-stablehlo` expands them (the frontend pipeline runs it before
    and once more after canonicalize/cse). Only statically shaped f32/f16/bf16
    values are rewritten, and only when no intermediate value of the pattern has a
    use outside it.
  }];
  let dependentDialects = ["::mlir::stablehlo::StableHLODialect"];
}

def ExpandBF16Conversions : Pass<"byteir-expand-bf16-conversions"> {
  let summary = "Expand f32<->bf16 conversions into integer arithmetic";
  let description = [{
    LLVM lowers `fptrunc float to bfloat` to a call of the compiler runtime
    (`__truncsfbf2`), which kernel objects do not link. This rewrites `arith.truncf`
    and `arith.extf` between f32 and bf16 into bit manipulation (round to nearest
    even), and nothing else (unlike `arith-expand`, which also rewrites min/max
    without their signed-zero semantics).
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

#endif // BYTEIR_TRANSFORMS_PASSES
