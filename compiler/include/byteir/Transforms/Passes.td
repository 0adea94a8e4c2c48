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
    place. Zero-element tensors cross no kernel or library boundary (kernels
    cannot take zero-sized buffers): an empty constant stands in for them inside
    a kernel and in the entry, and a run of ops with only empty results needs no
    kernel. The entry function then holds only calls, library ops, empty
    constants and the return: the shape of the host program.
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
  let summary = "Expand f32<->bf16 and f64->f16/bf16 conversions into integer arithmetic";
  let description = [{
    LLVM lowers `fptrunc float to bfloat` and `fptrunc double to half/bfloat` to calls
    of the compiler runtime (`__truncsfbf2`, `__truncdfhf2`, `__truncdfbf2`), which
    kernel objects do not link. This rewrites `arith.truncf` f32->bf16, f64->f16,
    f64->bf16 and `arith.extf` bf16->f32 into bit manipulation (round to nearest
    even; subnormal results, overflow to infinity, NaNs stay quiet NaNs with their
    sign), and nothing else (unlike `arith-expand`, which also rewrites min/max
    without their signed-zero semantics).
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def HoistWeights : Pass<"byteir-hoist-weights", "::mlir::ModuleOp"> {
  let summary = "Turn large constants of the entry function into weight arguments";
  let description = [{
    Every non-splat `stablehlo.constant` in the body of the entry function whose
    value takes at least `min-bytes` bytes becomes a new argument of the entry,
    appended after the existing ones, with the constant's value in the argument
    attribute `byteir.weight` (identical values share one argument). The host
    program turns these arguments into byre `weight` arguments, whose bytes are
    stored once in the artifact and bound without copying by the runtime, instead
    of being compiled into kernel code; library ops can then read them like any
    other buffer. The model's inputs and outputs are unchanged: arguments with
    `byteir.weight` are not inputs. Element types without a runtime dtype
    (complex, sub-byte other than i1) stay constants.
  }];
  let options = [
    Option<"entry", "entry", "std::string", /*default=*/"\"main\"",
           "The entry function whose constants are hoisted">,
    Option<"minBytes", "min-bytes", "int64_t", /*default=*/"256",
           "Constants of at least this many bytes become weights">,
  ];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

//===----------------------------------------------------------------------===//
// HLO graph optimization (frontend pipeline)
//===----------------------------------------------------------------------===//

def DotGeneralNormalize : Pass<"byteir-dot-general-normalize", "::mlir::func::FuncOp"> {
  let summary = "Rewrite dot_general into the batched-matmul form [B,M,K] x [B,K,N]";
  let description = [{
    Every statically shaped `stablehlo.dot_general` that is not already a
    (batched) matrix product with leading batch dims and one contracting dim
    becomes transpose/reshape of each operand into `lhs [B.., M, K]` and
    `rhs [B.., K, N]` (several contracting or free dims are merged into one by a
    reshape; batch dims are moved to the front), one dot_general with batch dims
    `0..n-1` and contracting dims `lhs rank-1`, `rhs rank-2`, and a reshape back
    to the original result shape (`[batch.., lhs free.., rhs free..]`). An
    operand already in `[B.., K, M]` (lhs) or `[B.., N, K]` (rhs) order keeps
    it (the library takes transposed operands). Dots where an operand has no
    free dim (matrix-vector, inner products) are left alone: generated loops
    serve them better. The library matcher of `byteir-cpu-partition` then
    serves these dots.
  }];
  let dependentDialects = ["::mlir::stablehlo::StableHLODialect"];
}

def UnfuseBatchNorm : Pass<"byteir-unfuse-batch-norm", "::mlir::func::FuncOp"> {
  let summary = "Expand batch_norm_{inference,training,grad} into elementwise and reduce ops";
  let description = [{
    `batch_norm_inference` becomes `(x - mean) * (scale * rsqrt(variance + eps)) +
    offset` with per-feature values broadcast along `feature_index`;
    `batch_norm_training` computes mean and biased variance with two
    `stablehlo.reduce` (sum over every dim but the feature dim, divided by the
    count); `batch_norm_grad` computes `grad_offset = sum(dy)`,
    `grad_scale = sum(dy * x_hat)` and
    `grad_operand = scale * rsqrt(var + eps) * (dy - mean(dy) - x_hat * mean(dy * x_hat))`.
    f16/bf16 operands are converted to f32 first (a sum over the batch in 16 bits
    overflows or drops small terms) and the results converted back. The resulting
    ops fuse with their neighbours; later stages have no batch-norm lowering.
  }];
  let dependentDialects = ["::mlir::stablehlo::StableHLODialect"];
}

def HloFoldConstants : Pass<"byteir-hlo-fold-constants", "::mlir::func::FuncOp"> {
  let summary = "Evaluate reductions of constants and fold zero-element tensors";
  let description = [{
    Complements the StableHLO folders that canonicalize runs (elementwise,
    convert, transpose, reshape, broadcast, slice, pad, concatenate, iota):
    - `stablehlo.reduce` of one constant with a constant init and a body that is
      one `add`, `mul`, `max`, `min`, `and` or `or` of its two arguments
      (integers; floats for add/mul/max/min, accumulated in index order with
      IEEE round to nearest even), for operands of at most `size-limit` elements;
    - zero-element tensors: an op without side effects whose results all have a
      zero-sized dim becomes an empty `stablehlo.constant`; a `reduce` over a
      zero-sized dim becomes its init values broadcast; a `dot_general` with a
      zero-sized contracting dim becomes zeros; `pad` of an empty operand becomes
      the padding value broadcast; `dynamic_update_slice` and `scatter` with
      empty updates are their operands. Code generation then never sees an empty tensor op.
  }];
  let options = [
    Option<"sizeLimit", "size-limit", "int64_t", /*default=*/"65536",
           "Largest number of elements a folded result may have">,
  ];
  let dependentDialects = ["::mlir::stablehlo::StableHLODialect"];
}

//===----------------------------------------------------------------------===//
// CPU codegen: parallel loops
//===----------------------------------------------------------------------===//

def CPUTileParallel : Pass<"byteir-cpu-tile-parallel", "::mlir::func::FuncOp"> {
  let summary = "Tile the parallel dimensions of ops on tensors into scf.forall";
  let description = [{
    Every destination-style op on tensors with a tiling interface (linalg and
    linalg_ext ops) whose result is used by something other than such an op (a
    root) and whose static iteration domain has at least `min-work` points is
    tiled along its parallel dimensions, outermost first, into an `scf.forall` of
    about `tasks` iterations (tile sizes divide the dimensions, so every tile has
    the same static shape). The ops producing its operands are fused into the
    loop when the slice a tile needs is smaller than their whole result (fusing a
    whole-result slice would recompute the producer in every iteration);
    producers left outside are roots themselves. After
    bufferization, `byteir-cpu-outline-parallel` turns the loops into calls of the
    runtime's thread pool.
  }];
  let options = [
    Option<"tasks", "tasks", "int64_t", /*default=*/"16",
           "About how many iterations each scf.forall gets">,
    Option<"minWork", "min-work", "int64_t", /*default=*/"32768",
           "Ops whose loop nest has fewer iterations stay serial">,
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::affine::AffineDialect"];
}

def CPUOutlineParallel : Pass<"byteir-cpu-outline-parallel", "::mlir::ModuleOp"> {
  let summary = "Run scf.forall loops on buffers through the runtime's thread pool";
  let description = [{
    Implements the parallel-loop kernel ABI of the CPU runtime (docs/runtime.md).
    The module gets the exported global `__brt_parallel_for`, a function pointer
    that is null in the object and that the runtime sets when it loads it:
    `void (*)(i64 n, void (*body)(i64 begin, i64 end, void *captures),
    void *captures)`. Every `scf.forall` (on buffers, without results) becomes
    - a function `<parent>_parallel(i64 begin, i64 end, ptr captures)` (suffixed
      `_0`, `_1`, ... when the name is taken) with
      internal linkage that runs the loop's iterations [begin, end) in row-major
      order of the iteration space, reading the values the body uses from the
      captures struct (memref descriptors, scalars; constants are cloned);
    - at the loop's place: the captures stored into a stack struct, then a call of
      `__brt_parallel_for(n, body, &captures)` with n the number of iterations,
      or a direct call `body(0, n, &captures)` while the pointer is null.
    Nested loops are outlined too (outermost first), so a body may call the pool
    again. The pass runs after bufferization and before the lowering to LLVM; its
    casts between memrefs and LLVM descriptor structs are resolved by
    `finalize-memref-to-llvm` and `reconcile-unrealized-casts`.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // BYTEIR_TRANSFORMS_PASSES
