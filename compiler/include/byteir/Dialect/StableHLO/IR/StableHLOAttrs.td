//===- StableHLOAttrs.td - stablehlo enums and attributes --*- tablegen -*-===//
#ifndef BYTEIR_DIALECT_STABLEHLO_ATTRS
#define BYTEIR_DIALECT_STABLEHLO_ATTRS

include "byteir/Dialect/StableHLO/IR/StableHLOBase.td"
include "mlir/IR/EnumAttr.td"

//===----------------------------------------------------------------------===//
// Enums. Printed as `#stablehlo<precision DEFAULT>` on their own and as the bare
// keyword inside an op's pretty form, like the reference printer.
//===----------------------------------------------------------------------===//

class StableHLO_EnumAttr<EnumInfo info, string attrMnemonic>
    : EnumAttr<StableHLO_Dialect, info, attrMnemonic> {
  let assemblyFormat = "$value";
}

def StableHLO_Precision : I32EnumAttr<"Precision", "XLA precision for an operand",
    [I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"HIGH", 1>,
     I32EnumAttrCase<"HIGHEST", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_PrecisionAttr : StableHLO_EnumAttr<StableHLO_Precision, "precision">;
def StableHLO_PrecisionConfigAttr
    : TypedArrayAttrBase<StableHLO_PrecisionAttr, "precision config array">;

def StableHLO_ComparisonDirection : I32EnumAttr<"ComparisonDirection",
    "comparison direction",
    [I32EnumAttrCase<"EQ", 0>, I32EnumAttrCase<"NE", 1>, I32EnumAttrCase<"GE", 2>,
     I32EnumAttrCase<"GT", 3>, I32EnumAttrCase<"LE", 4>, I32EnumAttrCase<"LT", 5>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_ComparisonDirectionAttr
    : StableHLO_EnumAttr<StableHLO_ComparisonDirection, "comparison_direction">;

def StableHLO_ComparisonType : I32EnumAttr<"ComparisonType", "comparison type",
    [I32EnumAttrCase<"NOTYPE", 0>, I32EnumAttrCase<"FLOAT", 1>,
     I32EnumAttrCase<"TOTALORDER", 2>, I32EnumAttrCase<"SIGNED", 3>,
     I32EnumAttrCase<"UNSIGNED", 4>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_ComparisonTypeAttr
    : StableHLO_EnumAttr<StableHLO_ComparisonType, "comparison_type">;

def StableHLO_FftType : I32EnumAttr<"FftType", "FFT kind",
    [I32EnumAttrCase<"FFT", 0>, I32EnumAttrCase<"IFFT", 1>,
     I32EnumAttrCase<"RFFT", 2>, I32EnumAttrCase<"IRFFT", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_FftTypeAttr : StableHLO_EnumAttr<StableHLO_FftType, "fft_type">;

def StableHLO_RngDistribution : I32EnumAttr<"RngDistribution", "rng distribution",
    [I32EnumAttrCase<"UNIFORM", 1>, I32EnumAttrCase<"NORMAL", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_RngDistributionAttr
    : StableHLO_EnumAttr<StableHLO_RngDistribution, "rng_distribution">;

def StableHLO_RngAlgorithm : I32EnumAttr<"RngAlgorithm", "rng bit generator algorithm",
    [I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"THREE_FRY", 1>,
     I32EnumAttrCase<"PHILOX", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_RngAlgorithmAttr
    : StableHLO_EnumAttr<StableHLO_RngAlgorithm, "rng_algorithm">;

def StableHLO_Transpose : I32EnumAttr<"Transpose", "triangular_solve transpose_a",
    [I32EnumAttrCase<"TRANSPOSE_INVALID", 0>, I32EnumAttrCase<"NO_TRANSPOSE", 1>,
     I32EnumAttrCase<"TRANSPOSE", 2>, I32EnumAttrCase<"ADJOINT", 3>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_TransposeAttr : StableHLO_EnumAttr<StableHLO_Transpose, "transpose">;

// Unlike the other enums, stored as a plain i32 attribute (`api_version = 4 : i32`):
// that is how the reference dialect and JAX print it.
def StableHLO_CustomCallApiVersionAttr : I32EnumAttr<"CustomCallApiVersion",
    "custom call API version",
    [I32EnumAttrCase<"API_VERSION_UNSPECIFIED", 0>,
     I32EnumAttrCase<"API_VERSION_ORIGINAL", 1>,
     I32EnumAttrCase<"API_VERSION_STATUS_RETURNING", 2>,
     I32EnumAttrCase<"API_VERSION_STATUS_RETURNING_UNIFIED", 3>,
     I32EnumAttrCase<"API_VERSION_TYPED_FFI", 4>]> {
  let cppNamespace = "::mlir::stablehlo";
}

def StableHLO_ResultAccuracyMode : I32EnumAttr<"ResultAccuracyMode",
    "result accuracy mode",
    [I32EnumAttrCase<"DEFAULT", 0>, I32EnumAttrCase<"HIGHEST", 1>,
     I32EnumAttrCase<"TOLERANCE", 2>]> {
  let genSpecializedAttr = 0;
  let cppNamespace = "::mlir::stablehlo";
}
def StableHLO_ResultAccuracyModeAttr
    : StableHLO_EnumAttr<StableHLO_ResultAccuracyMode, "result_accuracy_mode">;

//===----------------------------------------------------------------------===//
// Struct attributes. Dimension lists are printed in brackets, `[0, 1]`, and
// empty optional lists are left out, as producers print them.
//===----------------------------------------------------------------------===//

class StableHLO_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<StableHLO_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

class StableHLO_DimsParameter : ArrayRefParameter<"int64_t", "dimension list"> {
  let parser = "::mlir::stablehlo::parseDimList($_parser)";
  let printer = "::mlir::stablehlo::printDimList($_printer, $_self)";
}
def StableHLO_Dims : StableHLO_DimsParameter;
def StableHLO_OptionalDims : OptionalArrayRefParameter<"int64_t", "dimension list"> {
  let parser = "::mlir::stablehlo::parseDimList($_parser)";
  let printer = "::mlir::stablehlo::printDimList($_printer, $_self)";
}

def StableHLO_DotDimensionNumbers : StableHLO_Attr<"DotDimensionNumbers", "dot"> {
  let summary = "dot_general dimension numbers";
  let parameters = (ins StableHLO_OptionalDims:$lhs_batching_dimensions,
                        StableHLO_OptionalDims:$rhs_batching_dimensions,
                        StableHLO_OptionalDims:$lhs_contracting_dimensions,
                        StableHLO_OptionalDims:$rhs_contracting_dimensions);
  let assemblyFormat = "`<` struct(params) `>`";
}

def StableHLO_GatherDimensionNumbers
    : StableHLO_Attr<"GatherDimensionNumbers", "gather"> {
  let summary = "gather dimension numbers";
  let parameters = (ins StableHLO_OptionalDims:$offset_dims,
                        StableHLO_OptionalDims:$collapsed_slice_dims,
                        StableHLO_OptionalDims:$operand_batching_dims,
                        StableHLO_OptionalDims:$start_indices_batching_dims,
                        StableHLO_OptionalDims:$start_index_map,
                        "int64_t":$index_vector_dim);
  let assemblyFormat = "`<` struct(params) `>`";
}

def StableHLO_ScatterDimensionNumbers
    : StableHLO_Attr<"ScatterDimensionNumbers", "scatter"> {
  let summary = "scatter dimension numbers";
  let parameters = (ins StableHLO_OptionalDims:$update_window_dims,
                        StableHLO_OptionalDims:$inserted_window_dims,
                        StableHLO_OptionalDims:$input_batching_dims,
                        StableHLO_OptionalDims:$scatter_indices_batching_dims,
                        StableHLO_OptionalDims:$scatter_dims_to_operand_dims,
                        "int64_t":$index_vector_dim);
  let assemblyFormat = "`<` struct(params) `>`";
}

def StableHLO_ConvDimensionNumbers : StableHLO_Attr<"ConvDimensionNumbers", "conv"> {
  let summary = "convolution dimension numbers";
  let description = [{
    Printed in the compact form `#stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>`;
    the `raw` keyword form with every field named is also accepted.
  }];
  let parameters = (ins "int64_t":$input_batch_dimension,
                        "int64_t":$input_feature_dimension,
                        StableHLO_Dims:$input_spatial_dimensions,
                        "int64_t":$kernel_input_feature_dimension,
                        "int64_t":$kernel_output_feature_dimension,
                        StableHLO_Dims:$kernel_spatial_dimensions,
                        "int64_t":$output_batch_dimension,
                        "int64_t":$output_feature_dimension,
                        StableHLO_Dims:$output_spatial_dimensions);
  let hasCustomAssemblyFormat = 1;
}

def StableHLO_ChannelHandle : StableHLO_Attr<"ChannelHandle", "channel_handle"> {
  let summary = "channel handle for collectives and send/recv";
  let parameters = (ins "int64_t":$handle, "int64_t":$type);
  let assemblyFormat = "`<` struct(params) `>`";
}

def StableHLO_OutputOperandAlias
    : StableHLO_Attr<"OutputOperandAlias", "output_operand_alias"> {
  let summary = "custom_call output to operand aliasing";
  let parameters = (ins StableHLO_Dims:$output_tuple_indices,
                        "int64_t":$operand_index,
                        StableHLO_Dims:$operand_tuple_indices);
  let assemblyFormat = "`<` struct(params) `>`";
}

def StableHLO_DotAlgorithm : StableHLO_Attr<"DotAlgorithm", "dot_algorithm"> {
  let summary = "dot_general algorithm";
  let parameters = (ins "::mlir::Type":$lhs_precision_type,
                        "::mlir::Type":$rhs_precision_type,
                        "::mlir::Type":$accumulation_type,
                        "int64_t":$lhs_component_count,
                        "int64_t":$rhs_component_count,
                        "int64_t":$num_primitive_operations,
                        "bool":$allow_imprecise_accumulation);
  let assemblyFormat = "`<` struct(params) `>`";
}

def StableHLO_Tolerance : APFloatParameter<"tolerance"> {
  let parser = "::mlir::stablehlo::parseTolerance($_parser)";
  let printer = "$_printer << $_self.convertToDouble()";
}

def StableHLO_ResultAccuracy : StableHLO_Attr<"ResultAccuracy", "result_accuracy"> {
  let summary = "requested accuracy of a transcendental op";
  let parameters = (ins StableHLO_Tolerance:$atol, StableHLO_Tolerance:$rtol,
                        "int64_t":$ulps,
                        EnumParameter<StableHLO_ResultAccuracyMode>:$mode);
  let assemblyFormat = "`<` struct(params) `>`";
}

def StableHLO_TypeExtensions : StableHLO_Attr<"TypeExtensions", "bounds"> {
  let summary = "bounds of a tensor type's dynamic dimensions (tensor encoding)";
  let parameters = (ins ArrayRefParameter<"int64_t">:$bounds);
  let hasCustomAssemblyFormat = 1;
}

def StableHLO_ArgResultAlias : StableHLO_Attr<"ArgResultAlias", "result_alias"> {
  let summary = "aliasing between a function argument and a result";
  let parameters = (ins StableHLO_OptionalDims:$arg_tuple_indices,
                        "int64_t":$result_index,
                        StableHLO_OptionalDims:$result_tuple_indices,
                        "bool":$is_must_alias);
  let assemblyFormat = "`<` struct(params) `>`";
}

#endif // BYTEIR_DIALECT_STABLEHLO_ATTRS
