//===- CHLOOps.td - chlo ("client HLO") operations ---------*- tablegen -*-===//
//
// The `chlo` ops that StableHLO producers (JAX, TF/XLA exporters) emit next to
// `stablehlo` ops: implicitly broadcasting binaries, special functions and a few
// helpers. The text syntax follows the public CHLO printer so that producer text
// parses unchanged. Every op is decomposed into `stablehlo` ops by the
// `chlo-legalize-to-stablehlo` pass (lib/Conversion/CHLOToStableHLO).
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_CHLO_OPS
#define BYTEIR_DIALECT_CHLO_OPS

include "byteir/Dialect/StableHLO/IR/StableHLOAttrs.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Chlo_Dialect : Dialect {
  let name = "chlo";
  let cppNamespace = "::mlir::chlo";
  let summary = "client HLO: broadcasting binaries and special functions over stablehlo";
  let dependentDialects = ["::mlir::stablehlo::StableHLODialect"];
  let useDefaultAttributePrinterParser = 1;
  let hasConstantMaterializer = 1;
}

class CHLO_Op<string mnemonic, list<Trait> traits = []>
    : Op<Chlo_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Attributes: the stablehlo comparison enums, printed `#chlo<comparison_direction LT>`
// as producers print them.
//===----------------------------------------------------------------------===//

def CHLO_ComparisonDirectionAttr
    : EnumAttr<Chlo_Dialect, StableHLO_ComparisonDirection, "comparison_direction"> {
  let cppNamespace = "::mlir::chlo";
  let assemblyFormat = "$value";
}
def CHLO_ComparisonTypeAttr
    : EnumAttr<Chlo_Dialect, StableHLO_ComparisonType, "comparison_type"> {
  let cppNamespace = "::mlir::chlo";
  let assemblyFormat = "$value";
}

//===----------------------------------------------------------------------===//
// Unary elementwise ops: `chlo.erf %x : tensor<4xf32> -> tensor<4xf32>`.
//===----------------------------------------------------------------------===//

// Result shape equals the operand's; the element type is the operand's unless the
// op says otherwise (is_inf & co. give i1). inferReturnTypes is shared C++.
class CHLO_UnaryOp<string mnemonic, Type OperandType, Type ResultType = OperandType,
                   list<Trait> traits = []>
    : CHLO_Op<mnemonic, traits # [Pure, Elementwise, SameOperandsAndResultShape,
                                  InferTypeOpAdaptorWithIsCompatible]> {
  let arguments = (ins OperandType:$operand);
  let results = (outs ResultType:$result);
  let assemblyFormat = "$operand attr-dict `:` type($operand) `->` type($result)";
}

def CHLO_AcosOp : CHLO_UnaryOp<"acos", HLO_FpOrComplexTensor> {
  let summary = "arc cosine";
}
def CHLO_AcoshOp : CHLO_UnaryOp<"acosh", HLO_FpOrComplexTensor> {
  let summary = "inverse hyperbolic cosine";
}
def CHLO_AsinOp : CHLO_UnaryOp<"asin", HLO_FpOrComplexTensor> {
  let summary = "arc sine";
}
def CHLO_AsinhOp : CHLO_UnaryOp<"asinh", HLO_FpOrComplexTensor> {
  let summary = "inverse hyperbolic sine";
}
def CHLO_AtanOp : CHLO_UnaryOp<"atan", HLO_FpOrComplexTensor> {
  let summary = "arc tangent";
}
def CHLO_AtanhOp : CHLO_UnaryOp<"atanh", HLO_FpOrComplexTensor> {
  let summary = "inverse hyperbolic tangent";
}
def CHLO_BesselI1eOp : CHLO_UnaryOp<"bessel_i1e", HLO_FpTensor> {
  let summary = "exponentially scaled modified Bessel function of order 1: exp(-|x|) I1(x)";
}
def CHLO_ConjOp : CHLO_UnaryOp<"conj", HLO_FpOrComplexTensor> {
  let summary = "complex conjugate (identity on real tensors)";
}
def CHLO_CoshOp : CHLO_UnaryOp<"cosh", HLO_FpOrComplexTensor> {
  let summary = "hyperbolic cosine";
}
def CHLO_SinhOp : CHLO_UnaryOp<"sinh", HLO_FpOrComplexTensor> {
  let summary = "hyperbolic sine";
}
def CHLO_TanOp : CHLO_UnaryOp<"tan", HLO_FpOrComplexTensor> {
  let summary = "tangent";
}
def CHLO_SquareOp : CHLO_UnaryOp<"square",
    RankedTensorOf<[HLO_Int, HLO_Float, HLO_Complex]>> {
  let summary = "x * x";
}
def CHLO_DigammaOp : CHLO_UnaryOp<"digamma", HLO_FpTensor> {
  let summary = "digamma (psi) function, the derivative of lgamma";
}
def CHLO_ErfOp : CHLO_UnaryOp<"erf", HLO_FpTensor> {
  let summary = "Gauss error function";
}
def CHLO_ErfcOp : CHLO_UnaryOp<"erfc", HLO_FpTensor> {
  let summary = "complementary error function 1 - erf(x)";
}
def CHLO_ErfInvOp : CHLO_UnaryOp<"erf_inv", HLO_FpTensor> {
  let summary = "inverse of the error function";
}
def CHLO_LgammaOp : CHLO_UnaryOp<"lgamma", HLO_FpTensor> {
  let summary = "log |gamma(x)|";
}
def CHLO_IsInfOp : CHLO_UnaryOp<"is_inf", HLO_FpTensor, HLO_PredTensor> {
  let summary = "true where x is +inf or -inf";
}
def CHLO_IsNegInfOp : CHLO_UnaryOp<"is_neg_inf", HLO_FpTensor, HLO_PredTensor> {
  let summary = "true where x is -inf";
}
def CHLO_IsPosInfOp : CHLO_UnaryOp<"is_pos_inf", HLO_FpTensor, HLO_PredTensor> {
  let summary = "true where x is +inf";
}

//===----------------------------------------------------------------------===//
// Non-broadcasting binary special functions:
// `chlo.zeta %x, %q : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>`.
//===----------------------------------------------------------------------===//

class CHLO_BinaryOp<string mnemonic, string lhsName, string rhsName>
    : CHLO_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultShape,
                         SameOperandsAndResultElementType,
                         InferTypeOpAdaptorWithIsCompatible]> {
  let arguments = (ins Arg<HLO_FpTensor, lhsName>:$lhs, Arg<HLO_FpTensor, rhsName>:$rhs);
  let results = (outs HLO_FpTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
}

def CHLO_NextAfterOp : CHLO_BinaryOp<"next_after", "x", "y"> {
  let summary = "next representable value after x in the direction of y (C nextafter)";
}
def CHLO_PolygammaOp : CHLO_BinaryOp<"polygamma", "n", "x"> {
  let summary = "polygamma function psi^(n)(x) for integral n >= 0";
}
def CHLO_ZetaOp : CHLO_BinaryOp<"zeta", "x", "q"> {
  let summary = "Hurwitz zeta function sum_{k>=0} (q + k)^-x";
}

//===----------------------------------------------------------------------===//
// Implicitly broadcasting binaries:
// `chlo.broadcast_add %a, %b : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>`.
// Without `broadcast_dimensions` the lower-rank operand is aligned with the
// trailing dimensions of the other (numpy); with it, operand dimension i of the
// lower-rank operand maps to result dimension broadcast_dimensions[i]. Size-1
// dimensions stretch. The result type is inferred (C++: inferBroadcastShape).
//===----------------------------------------------------------------------===//

class CHLO_BroadcastBinaryOp<string mnemonic, Type OperandType = HLO_Tensor,
                             Type ResultType = HLO_Tensor, list<Trait> traits = []>
    : CHLO_Op<mnemonic, traits # [Pure, InferTypeOpAdaptorWithIsCompatible]> {
  let arguments = (ins OperandType:$lhs, OperandType:$rhs,
                       OptionalAttr<DenseI64ArrayAttr>:$broadcast_dimensions);
  let results = (outs ResultType:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` `(` type($lhs) `,` type($rhs) `)` `->` type($result)
  }];
}

// Arithmetic: operands and result share the element type.
class CHLO_BroadcastArithOp<string mnemonic, Type OperandType = HLO_Tensor,
                            list<Trait> traits = []>
    : CHLO_BroadcastBinaryOp<mnemonic, OperandType, OperandType,
                             traits # [SameOperandsAndResultElementType]>;

def CHLO_BroadcastAddOp : CHLO_BroadcastArithOp<"broadcast_add", HLO_Tensor, [Commutative]> {
  let summary = "lhs + rhs with implicit broadcasting";
}
def CHLO_BroadcastSubOp : CHLO_BroadcastArithOp<"broadcast_subtract",
    HLO_IntFpOrComplexOrQuantizedTensor> {
  let summary = "lhs - rhs with implicit broadcasting";
}
def CHLO_BroadcastMulOp : CHLO_BroadcastArithOp<"broadcast_multiply", HLO_Tensor,
    [Commutative]> {
  let summary = "lhs * rhs with implicit broadcasting";
}
def CHLO_BroadcastDivOp : CHLO_BroadcastArithOp<"broadcast_divide",
    HLO_IntFpOrComplexOrQuantizedTensor> {
  let summary = "lhs / rhs with implicit broadcasting";
}
def CHLO_BroadcastMaxOp : CHLO_BroadcastArithOp<"broadcast_maximum", HLO_Tensor,
    [Commutative]> {
  let summary = "max(lhs, rhs) with implicit broadcasting";
}
def CHLO_BroadcastMinOp : CHLO_BroadcastArithOp<"broadcast_minimum", HLO_Tensor,
    [Commutative]> {
  let summary = "min(lhs, rhs) with implicit broadcasting";
}
def CHLO_BroadcastPowOp : CHLO_BroadcastArithOp<"broadcast_power",
    HLO_IntFpOrComplexOrQuantizedTensor> {
  let summary = "lhs ^ rhs with implicit broadcasting";
}
def CHLO_BroadcastRemOp : CHLO_BroadcastArithOp<"broadcast_remainder",
    HLO_IntFpOrComplexOrQuantizedTensor> {
  let summary = "lhs % rhs (sign of lhs) with implicit broadcasting";
}
def CHLO_BroadcastAtan2Op : CHLO_BroadcastArithOp<"broadcast_atan2",
    HLO_FpComplexOrQuantizedTensor> {
  let summary = "atan2(lhs, rhs) with implicit broadcasting";
}
def CHLO_BroadcastAndOp : CHLO_BroadcastArithOp<"broadcast_and", HLO_PredOrIntTensor,
    [Commutative]> {
  let summary = "logical/bitwise and with implicit broadcasting";
}
def CHLO_BroadcastOrOp : CHLO_BroadcastArithOp<"broadcast_or", HLO_PredOrIntTensor,
    [Commutative]> {
  let summary = "logical/bitwise or with implicit broadcasting";
}
def CHLO_BroadcastXorOp : CHLO_BroadcastArithOp<"broadcast_xor", HLO_PredOrIntTensor,
    [Commutative]> {
  let summary = "logical/bitwise xor with implicit broadcasting";
}
def CHLO_BroadcastShiftLeftOp : CHLO_BroadcastArithOp<"broadcast_shift_left",
    HLO_IntTensor> {
  let summary = "lhs << rhs with implicit broadcasting";
}
def CHLO_BroadcastShiftRightArithmeticOp
    : CHLO_BroadcastArithOp<"broadcast_shift_right_arithmetic", HLO_IntTensor> {
  let summary = "arithmetic lhs >> rhs with implicit broadcasting";
}
def CHLO_BroadcastShiftRightLogicalOp
    : CHLO_BroadcastArithOp<"broadcast_shift_right_logical", HLO_IntTensor> {
  let summary = "logical lhs >> rhs with implicit broadcasting";
}
def CHLO_BroadcastNextAfterOp : CHLO_BroadcastArithOp<"broadcast_next_after",
    HLO_FpTensor> {
  let summary = "next_after with implicit broadcasting";
}
def CHLO_BroadcastPolygammaOp : CHLO_BroadcastArithOp<"broadcast_polygamma",
    HLO_FpTensor> {
  let summary = "polygamma with implicit broadcasting";
}
def CHLO_BroadcastZetaOp : CHLO_BroadcastArithOp<"broadcast_zeta", HLO_FpTensor> {
  let summary = "Hurwitz zeta with implicit broadcasting";
}

def CHLO_BroadcastComplexOp : CHLO_BroadcastBinaryOp<"broadcast_complex",
    RankedTensorOf<[F32, F64]>, HLO_ComplexTensor, [SameOperandsElementType]> {
  let summary = "complex(lhs, rhs) with implicit broadcasting";
}

def CHLO_BroadcastCompareOp : CHLO_Op<"broadcast_compare", [Pure,
    SameOperandsElementType, InferTypeOpAdaptorWithIsCompatible]> {
  let summary = "elementwise comparison with implicit broadcasting";
  let description = [{
    Without `compare_type` floats compare as FLOAT, signed integers as SIGNED and
    unsigned integers and preds as UNSIGNED.
  }];
  let arguments = (ins HLO_Tensor:$lhs, HLO_Tensor:$rhs,
                       OptionalAttr<DenseI64ArrayAttr>:$broadcast_dimensions,
                       CHLO_ComparisonDirectionAttr:$comparison_direction,
                       OptionalAttr<CHLO_ComparisonTypeAttr>:$compare_type);
  let results = (outs HLO_PredTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` `(` type($lhs) `,` type($rhs) `)` `->` type($result)
  }];
}

def CHLO_BroadcastSelectOp : CHLO_Op<"broadcast_select", [Pure,
    InferTypeOpAdaptorWithIsCompatible]> {
  let summary = "select(pred, on_true, on_false) with numpy-style broadcasting of all three";
  let arguments = (ins HLO_PredTensor:$pred, HLO_Tensor:$on_true, HLO_Tensor:$on_false);
  let results = (outs HLO_Tensor:$result);
  let assemblyFormat = [{
    $pred `,` $on_true `,` $on_false attr-dict `:`
      `(` type($pred) `,` type($on_true) `,` type($on_false) `)` `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Constants and top_k
//===----------------------------------------------------------------------===//

def CHLO_ConstantOp : CHLO_Op<"constant", [ConstantLike, Pure,
    DeclareOpInterfaceMethods<InferTypeOpInterface>]> {
  let summary = "a statically shaped tensor literal: `chlo.constant dense<1.0> : tensor<4xf32>`";
  let arguments = (ins ElementsAttr:$value);
  let results = (outs HLO_Tensor:$output);
  let assemblyFormat = "attr-dict $value";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def CHLO_ConstantLikeOp : CHLO_Op<"constant_like", [Pure,
    SameOperandsAndResultShape]> {
  let summary = "a splat of `value` with the shape of `operand` (generic form only)";
  let arguments = (ins TypedAttrInterface:$value, HLO_Tensor:$operand);
  let results = (outs HLO_Tensor:$result);
  let builders = [OpBuilder<(ins "::mlir::TypedAttr":$value, "::mlir::Value":$operand)>];
  let hasVerifier = 1;
}

def CHLO_TopKOp : CHLO_Op<"top_k", [Pure, InferTypeOpAdaptor]> {
  let summary = "the k largest elements along the last dimension and their indices";
  let description = [{
    `values[..., j]` is the j-th largest entry of `operand[..., :]` and
    `indices[..., j]` (i32) its position; equal elements keep their order (the
    lower index comes first). `is_stable` defaults to true and is then not printed.
  }];
  let arguments = (ins HLO_Tensor:$operand, I64Attr:$k,
                       DefaultValuedAttr<BoolAttr, "true">:$is_stable);
  let results = (outs HLO_Tensor:$values, RankedTensorOf<[I32]>:$indices);
  let assemblyFormat = [{
    `(` $operand `,` `k` `=` $k `)` attr-dict `:`
      type($operand) `->` `(` type($values) `,` type($indices) `)`
  }];
}

#endif // BYTEIR_DIALECT_CHLO_OPS
