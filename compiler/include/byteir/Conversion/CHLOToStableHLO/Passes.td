//===- Passes.td - chlo to stablehlo conversion ------------*- tablegen -*-===//
#ifndef BYTEIR_CONVERSION_CHLOTOSTABLEHLO_PASSES
#define BYTEIR_CONVERSION_CHLOTOSTABLEHLO_PASSES

include "mlir/Pass/PassBase.td"

def ChloLegalizeToStableHLO : Pass<"chlo-legalize-to-stablehlo", "func::FuncOp"> {
  let summary = "Decompose every chlo op into stablehlo ops";
  let description = [{
    Implicitly broadcasting binaries become explicit broadcast_in_dim (or
    dynamic_broadcast_in_dim) of each operand followed by the stablehlo op.
    Special functions (erf, erfc, erf_inv, lgamma, digamma, polygamma, zeta,
    bessel_i1e, sinh, cosh, asin, acos, atan, asinh, acosh, atanh, ...) become
    elementwise stablehlo arithmetic accurate to a few float32 ulps; f16 and bf16
    are computed in f32. top_k becomes a stable descending stablehlo.sort of
    (values, iota) along the last dimension followed by stablehlo.slice.
    The pass fails on any chlo op it cannot lower (e.g. top_k of a dynamic
    shape), naming the op.
  }];
  let dependentDialects = ["::mlir::stablehlo::StableHLODialect"];
}

#endif // BYTEIR_CONVERSION_CHLOTOSTABLEHLO_PASSES
