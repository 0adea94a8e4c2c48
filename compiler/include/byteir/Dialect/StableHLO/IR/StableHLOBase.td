//===- StableHLOBase.td - stablehlo dialect, types, constraints -*- tablegen -*-===//
//
// The dialect that is byteir's input contract (see docs/dialects/stablehlo.md).
// Ops, attributes and text syntax follow the public StableHLO specification so that
// text printed by JAX and other producers parses unchanged.
//
//===----------------------------------------------------------------------------===//
#ifndef BYTEIR_DIALECT_STABLEHLO_BASE
#define BYTEIR_DIALECT_STABLEHLO_BASE

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypes.td"
include "mlir/Dialect/Quant/IR/QuantBase.td"

def StableHLO_Dialect : Dialect {
  let name = "stablehlo";
  let cppNamespace = "::mlir::stablehlo";
  let summary = "StableHLO: the portable ML op set byteir accepts as input";
  let dependentDialects = ["::mlir::quant::QuantDialect"];
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    void registerAttributes();
    void registerTypes();
  }];
}

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

class StableHLO_TypeDef<string name, string typeMnemonic>
    : TypeDef<StableHLO_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def StableHLO_Token : StableHLO_TypeDef<"Token", "token"> {
  let summary = "token: orders side-effecting operations";
}

//===----------------------------------------------------------------------===//
// Element type and tensor constraints (spec "Types" section)
//===----------------------------------------------------------------------===//

def HLO_Pred : TypeAlias<I1, "pred (i1)">;
def HLO_SInt : SignlessIntOfWidths<[2, 4, 8, 16, 32, 64]>;
def HLO_UInt : UnsignedIntOfWidths<[2, 4, 8, 16, 32, 64]>;
def HLO_Int : AnyTypeOf<[HLO_SInt, HLO_UInt]>;
def HLO_Float : AnyTypeOf<[F4E2M1FN, F6E2M3FN, F6E3M2FN, F8E3M4, F8E4M3, F8E4M3FN,
                           F8E4M3FNUZ, F8E4M3B11FNUZ, F8E5M2, F8E5M2FNUZ, F8E8M0FNU,
                           BF16, F16, TF32, F32, F64]>;
def HLO_Complex : Complex<AnyTypeOf<[F32, F64]>>;
def HLO_QuantizedInt : Type<CPred<"::llvm::isa<::mlir::quant::QuantizedType>($_self)">,
                            "quantized integer">;

def HLO_ElementType : AnyTypeOf<[HLO_Pred, HLO_Int, HLO_Float, HLO_Complex, HLO_QuantizedInt]>;

def HLO_Tensor : RankedTensorOf<[HLO_Pred, HLO_Int, HLO_Float, HLO_Complex, HLO_QuantizedInt]>;
def HLO_FpTensor : RankedTensorOf<[HLO_Float]>;
def HLO_FpOrQuantizedTensor : RankedTensorOf<[HLO_Float, HLO_QuantizedInt]>;
def HLO_FpOrComplexTensor : RankedTensorOf<[HLO_Float, HLO_Complex]>;
def HLO_FpComplexOrQuantizedTensor : RankedTensorOf<[HLO_Float, HLO_Complex, HLO_QuantizedInt]>;
def HLO_IntTensor : RankedTensorOf<[HLO_Int]>;
def HLO_PredTensor : RankedTensorOf<[HLO_Pred]>;
def HLO_PredOrIntTensor : RankedTensorOf<[HLO_Pred, HLO_Int]>;
def HLO_IntFpOrComplexOrQuantizedTensor : RankedTensorOf<[HLO_Int, HLO_Float, HLO_Complex, HLO_QuantizedInt]>;
def HLO_ComplexTensor : RankedTensorOf<[HLO_Complex]>;
def HLO_QuantizedIntTensor : RankedTensorOf<[HLO_QuantizedInt]>;
def HLO_ScalarIntTensor : 0DTensorOf<[HLO_Int]>;
def HLO_PredScalarTensor : 0DTensorOf<[HLO_Pred]>;
def HLO_DimensionTensor : 1DTensorOf<[HLO_Int]>;

def HLO_Tuple : NestedTupleOf<[HLO_Tensor, StableHLO_Token]>;
def HLO_TensorOrToken : AnyTypeOf<[HLO_Tensor, StableHLO_Token]>;
def HLO_Any : AnyTypeOf<[HLO_Tensor, StableHLO_Token, HLO_Tuple]>;

#endif // BYTEIR_DIALECT_STABLEHLO_BASE
