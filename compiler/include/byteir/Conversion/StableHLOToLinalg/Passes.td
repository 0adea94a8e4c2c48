//===- Passes.td - stablehlo to linalg conversion ----------*- tablegen -*-===//
#ifndef BYTEIR_CONVERSION_STABLEHLOTOLINALG_PASSES
#define BYTEIR_CONVERSION_STABLEHLOTOLINALG_PASSES

include "mlir/Pass/PassBase.td"

def StableHLOLegalizeToLinalg : Pass<"stablehlo-legalize-to-linalg", "ModuleOp"> {
  let summary = "Lower stablehlo ops to linalg on tensors (+ tensor, arith, math, scf, complex)";
  let description = [{
    Elementwise ops become linalg.generic ops whose bodies are arith/math/complex
    ops with the StableHLO specification's semantics (integer division by zero,
    over-wide shifts, NaN-propagating min/max, saturating float->int convert,
    ...). Shape ops become linalg.broadcast/transpose/generic or tensor ops
    (extract_slice, insert_slice, pad, collapse/expand_shape), dot/dot_general
    become linalg.matmul/batch_matmul/matvec/vecmat/dot or a linalg.generic
    contraction, reduce becomes linalg.reduce with the body lowered to scalars.
    sort, gather, scatter and the byteir.softmax / byteir.layer_norm /
    byteir.top_k custom calls become linalg_ext ops (regions lowered to
    scalars).

    Signed and unsigned integer types (ui8, si32, ...) become signless ones, in
    function signatures too; signedness is kept in the choice of arith ops.

    The pass fails, naming the op, on any stablehlo op it cannot lower (e.g. a
    shape it does not support) unless `allow-partial` is set, in which case such
    ops are left in place.
  }];
  let options = [
    Option<"allowPartial", "allow-partial", "bool", /*default=*/"false",
           "Leave stablehlo ops without a lowering in place instead of failing">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::byteir::linalg_ext::LinalgExtDialect",
    "::mlir::complex::ComplexDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // BYTEIR_CONVERSION_STABLEHLOTOLINALG_PASSES
