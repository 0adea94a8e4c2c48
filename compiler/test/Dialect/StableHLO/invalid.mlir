// Verifier errors of the stablehlo dialect: one case per constraint.
// RUN: byteir-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

func.func @convert_quantized(%arg0: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 1.0>> {
  // expected-error @+1 {{operand and result must not be quantized}}
  %0 = stablehlo.convert %arg0 : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 1.0>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 1.0>>
}

// -----

func.func @bitcast_convert_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xf64> {
  // expected-error @+1 {{operand and result must both be complex or both not complex}}
  %0 = stablehlo.bitcast_convert %arg0 : (tensor<4xcomplex<f32>>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

func.func @bitcast_convert_same_width_shape(%arg0: tensor<4xf32>) -> tensor<5xi32> {
  // expected-error @+1 {{result shape [5] must equal operand shape [4] when element bit widths are equal}}
  %0 = stablehlo.bitcast_convert %arg0 : (tensor<4xf32>) -> tensor<5xi32>
  return %0 : tensor<5xi32>
}

// -----

func.func @bitcast_convert_narrow_rank(%arg0: tensor<4xf32>) -> tensor<4xi8> {
  // expected-error @+1 {{result rank (1) must be one more than operand rank (1) when bit widths differ}}
  %0 = stablehlo.bitcast_convert %arg0 : (tensor<4xf32>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

func.func @bitcast_convert_narrow_last_dim(%arg0: tensor<4xf32>) -> tensor<4x2xi8> {
  // expected-error @+1 {{last dimension (2) times 8 bits must equal 32 bits}}
  %0 = stablehlo.bitcast_convert %arg0 : (tensor<4xf32>) -> tensor<4x2xi8>
  return %0 : tensor<4x2xi8>
}

// -----

func.func @bitcast_convert_widen_leading(%arg0: tensor<4x2xf16>) -> tensor<3xf32> {
  // expected-error @+1 {{leading dimensions [4] must equal [3]}}
  %0 = stablehlo.bitcast_convert %arg0 : (tensor<4x2xf16>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @compare_type_float_on_int(%arg0: tensor<4xi32>) -> tensor<4xi1> {
  // expected-error @+1 {{compare_type FLOAT is not valid for element type 'i32'; expected SIGNED}}
  %0 = stablehlo.compare LT, %arg0, %arg0, FLOAT : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @compare_type_signed_on_unsigned(%arg0: tensor<4xui32>) -> tensor<4xi1> {
  // expected-error @+1 {{compare_type SIGNED is not valid for element type 'ui32'; expected UNSIGNED}}
  %0 = stablehlo.compare LT, %arg0, %arg0, SIGNED : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @compare_type_signed_on_float(%arg0: tensor<4xf32>) -> tensor<4xi1> {
  // expected-error @+1 {{compare_type SIGNED is not valid for element type 'f32'; expected FLOAT or TOTALORDER}}
  %0 = stablehlo.compare LT, %arg0, %arg0, SIGNED : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @compare_type_totalorder_on_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xi1> {
  // expected-error @+1 {{compare_type TOTALORDER is not valid for element type 'complex<f32>'; expected FLOAT}}
  %0 = stablehlo.compare EQ, %arg0, %arg0, TOTALORDER : (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @compare_type_signed_on_pred(%arg0: tensor<4xi1>) -> tensor<4xi1> {
  // expected-error @+1 {{compare_type SIGNED is not valid for element type 'i1'; expected UNSIGNED}}
  %0 = stablehlo.compare EQ, %arg0, %arg0, SIGNED : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

func.func @clamp_min_shape(%arg0: tensor<4xf32>, %arg1: tensor<3xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{min shape [3] must be a scalar or equal operand shape [4]}}
  %0 = "stablehlo.clamp"(%arg1, %arg0, %arg0) : (tensor<3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @clamp_max_shape(%arg0: tensor<4xf32>, %arg1: tensor<2x2xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{max shape [2, 2] must be a scalar or equal operand shape [4]}}
  %0 = "stablehlo.clamp"(%arg0, %arg0, %arg1) : (tensor<4xf32>, tensor<4xf32>, tensor<2x2xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_branch_types(%arg0: tensor<4xi1>, %arg1: tensor<4xf32>, %arg2: tensor<4xi32>) -> tensor<4xf32> {
  // expected-error @+1 {{on_true type 'tensor<4xf32>' must equal on_false type 'tensor<4xi32>'}}
  %0 = "stablehlo.select"(%arg0, %arg1, %arg2) : (tensor<4xi1>, tensor<4xf32>, tensor<4xi32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @select_pred_shape(%arg0: tensor<3xi1>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{pred shape [3] must be a scalar or equal on_true shape [4]}}
  %0 = "stablehlo.select"(%arg0, %arg1, %arg1) : (tensor<3xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @map_dimensions(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{dimensions [1, 0] must be [0, ..., rank - 1] for rank 2}}
  %0 = "stablehlo.map"(%arg0) <{dimensions = array<i64: 1, 0>}> ({
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @map_arg_count(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{computation must have 1 arguments, but has 2}}
  %0 = "stablehlo.map"(%arg0) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @map_arg_type(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{computation argument #0 has type 'tensor<i32>', but 'tensor<f32>' is expected}}
  %0 = "stablehlo.map"(%arg0) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%a: tensor<i32>):
    %c = stablehlo.constant dense<1.0> : tensor<f32>
    stablehlo.return %c : tensor<f32>
  }) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @map_result_type(%arg0: tensor<2x3xf32>) -> tensor<2x3xi32> {
  // expected-error @+1 {{computation result #0 has type 'tensor<f32>', but 'tensor<i32>' is expected}}
  %0 = "stablehlo.map"(%arg0) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<2x3xf32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

//===----------------------------------------------------------------------===//
// Iota and broadcasts
//===----------------------------------------------------------------------===//

func.func @iota_dimension() -> tensor<2x3xi32> {
  // expected-error @+1 {{iota_dimension value (2) must be in [0, 2)}}
  %0 = stablehlo.iota dim = 2 : tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

func.func @iota_rank0() -> tensor<i32> {
  // expected-error @+1 {{output must have rank >= 1}}
  %0 = stablehlo.iota dim = 0 : tensor<i32>
  return %0 : tensor<i32>
}

// -----

func.func @dynamic_iota_dimension(%arg0: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{iota_dimension value (-1) must be in [0, 2)}}
  %0 = stablehlo.dynamic_iota %arg0, dim = -1 : (tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @dynamic_iota_shape_size(%arg0: tensor<3xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{output_shape size (3) must equal result rank (2)}}
  %0 = stablehlo.dynamic_iota %arg0, dim = 0 : (tensor<3xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @broadcast_in_dim_size(%arg0: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{broadcast_dimensions size (2) must equal operand rank (1)}}
  %0 = stablehlo.broadcast_in_dim %arg0, dims = [0, 1] : (tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @broadcast_in_dim_range(%arg0: tensor<3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{broadcast_dimensions value (2) must be in [0, 2)}}
  %0 = stablehlo.broadcast_in_dim %arg0, dims = [2] : (tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @broadcast_in_dim_unique(%arg0: tensor<1x1xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{broadcast_dimensions must not contain duplicates (1 appears twice)}}
  %0 = stablehlo.broadcast_in_dim %arg0, dims = [1, 1] : (tensor<1x1xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @broadcast_in_dim_size_mismatch(%arg0: tensor<3xf32>) -> tensor<3x2xf32> {
  // expected-error @+1 {{operand dimension 0 (3) must be 1 or equal result dimension 1 (2)}}
  %0 = stablehlo.broadcast_in_dim %arg0, dims = [1] : (tensor<3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @dynamic_broadcast_in_dim_output_dims(%arg0: tensor<3xf32>, %arg1: tensor<3xi64>) -> tensor<?x3xf32> {
  // expected-error @+1 {{output_dimensions size (3) must equal result rank (2)}}
  %0 = stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [1] : (tensor<3xf32>, tensor<3xi64>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @dynamic_broadcast_in_dim_dims(%arg0: tensor<3xf32>, %arg1: tensor<2xi64>) -> tensor<?x4xf32> {
  // expected-error @+1 {{operand dimension 0 (3) must be 1 or equal result dimension 1 (4)}}
  %0 = stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [1] : (tensor<3xf32>, tensor<2xi64>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

func.func @dynamic_broadcast_in_dim_element_type(%arg0: tensor<3xf32>, %arg1: tensor<2xi64>) -> tensor<?x3xf16> {
  // expected-error @+1 {{result element type 'f16' must equal operand element type 'f32'}}
  %0 = stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [1] : (tensor<3xf32>, tensor<2xi64>) -> tensor<?x3xf16>
  return %0 : tensor<?x3xf16>
}

// -----

func.func @dynamic_broadcast_in_dim_expanding_range(%arg0: tensor<1xf32>, %arg1: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{known_expanding_dimensions value (1) must be in [0, 1)}}
  %0 = stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [1] {known_expanding_dimensions = array<i64: 1>} : (tensor<1xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @dynamic_broadcast_in_dim_nonexpanding_unique(%arg0: tensor<1x1xf32>, %arg1: tensor<2xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{known_nonexpanding_dimensions must not contain duplicates (0 appears twice)}}
  %0 = stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [0, 1] {known_nonexpanding_dimensions = array<i64: 0, 0>} : (tensor<1x1xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @dynamic_broadcast_in_dim_disjoint(%arg0: tensor<1xf32>, %arg1: tensor<1xi64>) -> tensor<?xf32> {
  // expected-error @+1 {{dimension 0 is both known expanding and known non-expanding}}
  %0 = stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [0] {known_expanding_dimensions = array<i64: 0>, known_nonexpanding_dimensions = array<i64: 0>} : (tensor<1xf32>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Reshape, transpose, reverse
//===----------------------------------------------------------------------===//

func.func @reshape_num_elements(%arg0: tensor<2x3xf32>) -> tensor<7xf32> {
  // expected-error @+1 {{number of elements of operand (6) must equal that of result (7)}}
  %0 = stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}

// -----

func.func @dynamic_reshape_shape_size(%arg0: tensor<?xf32>, %arg1: tensor<3xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{output_shape size (3) must equal result rank (2)}}
  %0 = stablehlo.dynamic_reshape %arg0, %arg1 : (tensor<?xf32>, tensor<3xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @dynamic_reshape_num_elements(%arg0: tensor<6xf32>, %arg1: tensor<2xi64>) -> tensor<2x4xf32> {
  // expected-error @+1 {{number of elements of operand (6) must equal that of result (8)}}
  %0 = stablehlo.dynamic_reshape %arg0, %arg1 : (tensor<6xf32>, tensor<2xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dynamic_reshape_element_type(%arg0: tensor<6xf32>, %arg1: tensor<2xi64>) -> tensor<?x?xi32> {
  // expected-error @+1 {{result element type 'i32' must equal operand element type 'f32'}}
  %0 = stablehlo.dynamic_reshape %arg0, %arg1 : (tensor<6xf32>, tensor<2xi64>) -> tensor<?x?xi32>
  return %0 : tensor<?x?xi32>
}

// -----

func.func @transpose_permutation(%arg0: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @+1 {{permutation must not contain duplicates (1 appears twice)}}
  %0 = stablehlo.transpose %arg0, dims = [1, 1] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_permutation_size(%arg0: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error @+1 {{permutation size (3) must equal operand rank (2)}}
  %0 = stablehlo.transpose %arg0, dims = [1, 0, 2] : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

func.func @transpose_result(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{result dimension 0 (2) must equal operand dimension 1 (3)}}
  %0 = stablehlo.transpose %arg0, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @reverse_range(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{dimensions value (2) must be in [0, 2)}}
  %0 = stablehlo.reverse %arg0, dims = [2] : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @reverse_unique(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{dimensions must not contain duplicates (0 appears twice)}}
  %0 = stablehlo.reverse %arg0, dims = [0, 0] : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Dynamic slicing and padding
//===----------------------------------------------------------------------===//

func.func @real_dynamic_slice_index_size(%arg0: tensor<4x4xf32>, %arg1: tensor<2xi64>, %arg2: tensor<3xi64>) -> tensor<?x?xf32> {
  // expected-error @+1 {{limit_indices size (3) must equal operand rank (2)}}
  %0 = stablehlo.real_dynamic_slice %arg0, %arg1, %arg2, %arg1 : (tensor<4x4xf32>, tensor<2xi64>, tensor<3xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

func.func @real_dynamic_slice_rank(%arg0: tensor<4x4xf32>, %arg1: tensor<2xi64>) -> tensor<?xf32> {
  // expected-error @+1 {{result rank (1) must equal operand rank (2)}}
  %0 = stablehlo.real_dynamic_slice %arg0, %arg1, %arg1, %arg1 : (tensor<4x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @real_dynamic_slice_strides(%arg0: tensor<4xf32>, %arg1: tensor<1xi64>) -> tensor<?xf32> {
  %s = stablehlo.constant dense<0> : tensor<1xi64>
  // expected-error @+1 {{strides values must be positive, got 0}}
  %0 = stablehlo.real_dynamic_slice %arg0, %arg1, %arg1, %s : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @real_dynamic_slice_bounds(%arg0: tensor<4xf32>, %arg1: tensor<1xi64>) -> tensor<?xf32> {
  %start = stablehlo.constant dense<3> : tensor<1xi64>
  %limit = stablehlo.constant dense<2> : tensor<1xi64>
  // expected-error @+1 {{slice bounds of dimension 0 must satisfy 0 <= start (3) <= limit (2) <= operand dimension (4)}}
  %0 = stablehlo.real_dynamic_slice %arg0, %start, %limit, %arg1 : (tensor<4xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @dynamic_pad_scalar(%arg0: tensor<4xf32>, %arg1: tensor<1xf32>, %arg2: tensor<1xi64>) -> tensor<?xf32> {
  // expected-error @+1 {{padding_value must be a 0-d tensor, but has rank 1}}
  %0 = stablehlo.dynamic_pad %arg0, %arg1, %arg2, %arg2, %arg2 : (tensor<4xf32>, tensor<1xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @dynamic_pad_element_type(%arg0: tensor<4xf32>, %arg1: tensor<i32>, %arg2: tensor<1xi64>) -> tensor<?xf32> {
  // expected-error @+1 {{operand, padding_value and result must have the same element type}}
  %0 = stablehlo.dynamic_pad %arg0, %arg1, %arg2, %arg2, %arg2 : (tensor<4xf32>, tensor<i32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @dynamic_pad_sizes(%arg0: tensor<4xf32>, %arg1: tensor<f32>, %arg2: tensor<1xi64>, %arg3: tensor<2xi64>) -> tensor<?xf32> {
  // expected-error @+1 {{interior_padding size (2) must equal operand rank (1)}}
  %0 = stablehlo.dynamic_pad %arg0, %arg1, %arg2, %arg2, %arg3 : (tensor<4xf32>, tensor<f32>, tensor<1xi64>, tensor<1xi64>, tensor<2xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @dynamic_pad_interior_negative(%arg0: tensor<4xf32>, %arg1: tensor<f32>, %arg2: tensor<1xi64>) -> tensor<?xf32> {
  %i = stablehlo.constant dense<-1> : tensor<1xi64>
  // expected-error @+1 {{interior_padding values must be >= 0, got -1}}
  %0 = stablehlo.dynamic_pad %arg0, %arg1, %arg2, %arg2, %i : (tensor<4xf32>, tensor<f32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

//===----------------------------------------------------------------------===//
// dynamic_gather
//===----------------------------------------------------------------------===//

func.func @dynamic_gather_operand_rank(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<2xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{operand rank (2) must equal size(offset_dims) + size(collapsed_slice_dims) + size(operand_batching_dims) (1)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_index_vector_dim(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<2xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{index_vector_dim (3) must be in [0, 2]}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 3>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_collapsed_sorted(%arg0: tensor<5x6x16xf32>, %arg1: tensor<4x2xi32>, %arg2: tensor<3xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{collapsed_slice_dims must be sorted, got [1, 0]}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [1, 0], start_index_map = [0, 1], index_vector_dim = 1>}> : (tensor<5x6x16xf32>, tensor<4x2xi32>, tensor<3xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_collapsed_range(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<2xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{collapsed_slice_dims value (2) must be in [0, 2)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [2], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_collapsed_batching_overlap(%arg0: tensor<3x50x16xf32>, %arg1: tensor<3x1xi32>, %arg2: tensor<3xi32>) -> tensor<3x16xf32> {
  // expected-error @+1 {{collapsed_slice_dims ++ operand_batching_dims must not contain duplicates (0 appears twice)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 1>}> : (tensor<3x50x16xf32>, tensor<3x1xi32>, tensor<3xi32>) -> tensor<3x16xf32>
  return %0 : tensor<3x16xf32>
}

// -----

func.func @dynamic_gather_batching_sizes(%arg0: tensor<3x50x16xf32>, %arg1: tensor<3x1xi32>, %arg2: tensor<3xi32>) -> tensor<3x16xf32> {
  // expected-error @+1 {{operand_batching_dims size (1) must equal start_indices_batching_dims size (0)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [1], operand_batching_dims = [0], start_index_map = [1], index_vector_dim = 1>}> : (tensor<3x50x16xf32>, tensor<3x1xi32>, tensor<3xi32>) -> tensor<3x16xf32>
  return %0 : tensor<3x16xf32>
}

// -----

func.func @dynamic_gather_batching_dim_sizes(%arg0: tensor<3x50x16xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<3xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{operand dimension 0 (3) must equal indices dimension 0 (4) as they are batching dimensions}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 1>}> : (tensor<3x50x16xf32>, tensor<4x1xi32>, tensor<3xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_indices_batching_index_vector_dim(%arg0: tensor<3x50x16xf32>, %arg1: tensor<3x1xi32>, %arg2: tensor<3xi32>) -> tensor<3x16xf32> {
  // expected-error @+1 {{start_indices_batching_dims must not contain index_vector_dim (1)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [1], start_index_map = [1], index_vector_dim = 1>}> : (tensor<3x50x16xf32>, tensor<3x1xi32>, tensor<3xi32>) -> tensor<3x16xf32>
  return %0 : tensor<3x16xf32>
}

// -----

func.func @dynamic_gather_start_index_map_size(%arg0: tensor<50x16xf32>, %arg1: tensor<4x2xi32>, %arg2: tensor<2xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{start_index_map size (1) must equal the index vector size (2)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x2xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_start_index_map_range(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<2xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{start_index_map value (5) must be in [0, 2)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [5], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_offset_dims_sorted(%arg0: tensor<50x16x8xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<3xi32>) -> tensor<4x16x8xf32> {
  // expected-error @+1 {{offset_dims must be sorted, got [2, 1]}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [2, 1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16x8xf32>, tensor<4x1xi32>, tensor<3xi32>) -> tensor<4x16x8xf32>
  return %0 : tensor<4x16x8xf32>
}

// -----

func.func @dynamic_gather_result_rank(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<2xi32>) -> tensor<4x16x1xf32> {
  // expected-error @+1 {{result rank (3) must equal batch rank (1) + size(offset_dims) (1)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16x1xf32>
  return %0 : tensor<4x16x1xf32>
}

// -----

func.func @dynamic_gather_slice_sizes_size(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>, %arg2: tensor<3xi32>) -> tensor<4x16xf32> {
  // expected-error @+1 {{slice_sizes size (3) must equal operand rank (2)}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<3xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_slice_sizes_bound(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>) -> tensor<4x17xf32> {
  %sizes = stablehlo.constant dense<[1, 17]> : tensor<2xi32>
  // expected-error @+1 {{slice_sizes[1] (17) must be in [0, 16]}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %sizes) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x17xf32>
  return %0 : tensor<4x17xf32>
}

// -----

func.func @dynamic_gather_slice_sizes_collapsed(%arg0: tensor<50x16xf32>, %arg1: tensor<4x1xi32>) -> tensor<4x16xf32> {
  %sizes = stablehlo.constant dense<[2, 16]> : tensor<2xi32>
  // expected-error @+1 {{slice_sizes[0] (2) must be <= 1 for a collapsed or batching dimension}}
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %sizes) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

//===----------------------------------------------------------------------===//
// scatter
//===----------------------------------------------------------------------===//

func.func @scatter_no_inputs(%arg0: tensor<6x1xi32>) {
  // expected-error @+1 {{must have at least one input}}
  "stablehlo.scatter"(%arg0) <{scatter_dimension_numbers = #stablehlo.scatter<index_vector_dim = 1>}> ({
  ^bb0:
    stablehlo.return
  }) : (tensor<6x1xi32>) -> ()
  return
}

// -----

func.func @scatter_input_rank(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{input rank (2) must equal size(update_window_dims) + size(inserted_window_dims) + size(input_batching_dims) (1)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_update_window_dims_sorted(%arg0: tensor<10x3x2xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3x2xf32>) -> tensor<10x3x2xf32> {
  // expected-error @+1 {{update_window_dims must be sorted, got [2, 1]}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [2, 1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3x2xf32>, tensor<6x1xi32>, tensor<6x3x2xf32>) -> tensor<10x3x2xf32>
  return %0 : tensor<10x3x2xf32>
}

// -----

func.func @scatter_update_window_dims_range(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{update_window_dims value (2) must be in [0, 2)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [2], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_inserted_window_dims_range(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{inserted_window_dims value (2) must be in [0, 2)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [2], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_inserted_batching_overlap(%arg0: tensor<2x10x3xf32>, %arg1: tensor<2x6x1xi32>, %arg2: tensor<2x6x3xf32>) -> tensor<2x10x3xf32> {
  // expected-error @+1 {{inserted_window_dims ++ input_batching_dims must not contain duplicates (0 appears twice)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [2], inserted_window_dims = [0], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<2x10x3xf32>, tensor<2x6x1xi32>, tensor<2x6x3xf32>) -> tensor<2x10x3xf32>
  return %0 : tensor<2x10x3xf32>
}

// -----

func.func @scatter_batching_dim_sizes(%arg0: tensor<2x10x3xf32>, %arg1: tensor<4x6x1xi32>, %arg2: tensor<4x6x3xf32>) -> tensor<2x10x3xf32> {
  // expected-error @+1 {{operand dimension 0 (2) must equal indices dimension 0 (4) as they are batching dimensions}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [2], inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<2x10x3xf32>, tensor<4x6x1xi32>, tensor<4x6x3xf32>) -> tensor<2x10x3xf32>
  return %0 : tensor<2x10x3xf32>
}

// -----

func.func @scatter_dims_to_operand_dims_size(%arg0: tensor<10x3xf32>, %arg1: tensor<6x2xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{scatter_dims_to_operand_dims size (1) must equal the index vector size (2)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x2xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_dims_to_operand_dims_range(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{scatter_dims_to_operand_dims value (-1) must be in [0, 2)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [-1], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_index_vector_dim(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{index_vector_dim (3) must be in [0, 2]}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 3>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_updates_scatter_dim(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<5x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{updates scatter dimension 0 (5) must equal the scatter indices dimension (6)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<5x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_updates_window_dim(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x4xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{updates window dimension 1 (4) must not exceed the input dimension (3)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x4xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_updates_rank(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3x1xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{updates rank (3) must equal scatter indices rank without index_vector_dim plus size(update_window_dims) (2)}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3x1xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_update_element_type(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf16>) -> tensor<10x3xf32> {
  // expected-error @+1 {{update #0 element type 'f16' must equal input element type 'f32'}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf16>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_inputs_same_shape(%arg0: tensor<10x3xf32>, %arg1: tensor<10x4xf32>, %arg2: tensor<6x1xi32>, %arg3: tensor<6x3xf32>) -> (tensor<10x3xf32>, tensor<10x4xf32>) {
  // expected-error @+1 {{all inputs must have the same shape, but input #1 has shape [10, 4]}}
  %0:2 = "stablehlo.scatter"(%arg0, %arg1, %arg2, %arg3, %arg3) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>, %d: tensor<f32>):
    stablehlo.return %c, %d : tensor<f32>, tensor<f32>
  }) : (tensor<10x3xf32>, tensor<10x4xf32>, tensor<6x1xi32>, tensor<6x3xf32>, tensor<6x3xf32>) -> (tensor<10x3xf32>, tensor<10x4xf32>)
  return %0#0, %0#1 : tensor<10x3xf32>, tensor<10x4xf32>
}

// -----

func.func @scatter_body_arity(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{update_computation must take 2 arguments (2 per input), but takes 1}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_body_not_promotable(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{update_computation argument #0 element type 'f16' must be promotable from the input element type 'f32'}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f16>, %b: tensor<f16>):
    stablehlo.return %b : tensor<f16>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

func.func @scatter_result_type(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf64> {
  // expected-error @+1 {{result #0 type 'tensor<10x3xf64>' must have the input shape [10, 3] and the update_computation element type 'f32'}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf64>
  return %0 : tensor<10x3xf64>
}

// -----

func.func @scatter_body_result(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  // expected-error @+1 {{update_computation result #0 has type 'tensor<i32>', but 'tensor<f32>' is expected}}
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %c = stablehlo.constant dense<0> : tensor<i32>
    stablehlo.return %c : tensor<i32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// sort
//===----------------------------------------------------------------------===//

func.func @sort_dimension(%arg0: tensor<4x10xf32>) -> tensor<4x10xf32> {
  // expected-error @+1 {{dimension (2) must be in [-2, 2)}}
  %0 = "stablehlo.sort"(%arg0) <{dimension = 2 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4x10xf32>) -> tensor<4x10xf32>
  return %0 : tensor<4x10xf32>
}

// -----

func.func @sort_comparator_args(%arg0: tensor<4x10xf32>, %arg1: tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>) {
  // expected-error @+1 {{comparator must have 4 arguments, but has 2}}
  %0:2 = "stablehlo.sort"(%arg0, %arg1) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4x10xf32>, tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>)
  return %0#0, %0#1 : tensor<4x10xf32>, tensor<4x10xi32>
}

// -----

func.func @sort_comparator_result(%arg0: tensor<4x10xf32>) -> tensor<4x10xf32> {
  // expected-error @+1 {{comparator result #0 has type 'tensor<f32>', but 'tensor<i1>' is expected}}
  %0 = "stablehlo.sort"(%arg0) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4x10xf32>) -> tensor<4x10xf32>
  return %0 : tensor<4x10xf32>
}

// -----

func.func @sort_result_types(%arg0: tensor<4x10xf32>) -> tensor<4x10xf16> {
  // expected-error @+1 {{result types must equal input types}}
  %0 = "stablehlo.sort"(%arg0) <{dimension = 1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4x10xf32>) -> tensor<4x10xf16>
  return %0 : tensor<4x10xf16>
}

// -----

//===----------------------------------------------------------------------===//
// dot, dot_general, convolution
//===----------------------------------------------------------------------===//

func.func @dot_rank(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{operands must have rank 1 or 2, got 3 and 1}}
  %0 = stablehlo.dot %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @dot_contracting(%arg0: tensor<2x3xf32>, %arg1: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{lhs contracting dimension (3) must equal rhs contracting dimension (4)}}
  %0 = stablehlo.dot %arg0, %arg1 : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @dot_result_shape(%arg0: tensor<2x3xf32>, %arg1: tensor<3x5xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{result shape [2, 4] must be [2, 5]}}
  %0 = stablehlo.dot %arg0, %arg1 : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @dot_precision_config(%arg0: tensor<2x3xf32>, %arg1: tensor<3x5xf32>) -> tensor<2x5xf32> {
  // expected-error @+1 {{precision_config must have 0 or 2 elements, but has 1}}
  %0 = stablehlo.dot %arg0, %arg1, precision = [HIGH] : (tensor<2x3xf32>, tensor<3x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

func.func @dot_general_batching_sizes(%arg0: tensor<3x5x7xf32>, %arg1: tensor<3x7x2xf32>) -> tensor<3x5x2xf32> {
  // expected-error @+1 {{lhs_batching_dimensions size (1) must equal rhs_batching_dimensions size (0)}}
  %0 = "stablehlo.dot_general"(%arg0, %arg1) <{dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>}> : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  return %0 : tensor<3x5x2xf32>
}

// -----

func.func @dot_general_contracting_sizes(%arg0: tensor<5x7xf32>, %arg1: tensor<7x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{lhs_contracting_dimensions size (1) must equal rhs_contracting_dimensions size (2)}}
  %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0, 1] : (tensor<5x7xf32>, tensor<7x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @dot_general_lhs_range(%arg0: tensor<5x7xf32>, %arg1: tensor<7x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{lhs_contracting_dimensions value (2) must be in [0, 2)}}
  %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [2] x [0] : (tensor<5x7xf32>, tensor<7x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @dot_general_rhs_range(%arg0: tensor<3x5x7xf32>, %arg1: tensor<3x7x2xf32>) -> tensor<3x5x2xf32> {
  // expected-error @+1 {{rhs_batching_dimensions value (3) must be in [0, 3)}}
  %0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [3], contracting_dims = [2] x [1] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  return %0 : tensor<3x5x2xf32>
}

// -----

func.func @dot_general_lhs_unique(%arg0: tensor<3x5x7xf32>, %arg1: tensor<3x7x2xf32>) -> tensor<3x5x2xf32> {
  // expected-error @+1 {{lhs_batching_dimensions ++ lhs_contracting_dimensions must not contain duplicates (0 appears twice)}}
  %0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [0], contracting_dims = [0] x [1] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  return %0 : tensor<3x5x2xf32>
}

// -----

func.func @dot_general_rhs_unique(%arg0: tensor<3x5x7xf32>, %arg1: tensor<3x7x2xf32>) -> tensor<3x5x2xf32> {
  // expected-error @+1 {{rhs_batching_dimensions ++ rhs_contracting_dimensions must not contain duplicates (1 appears twice)}}
  %0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [1], contracting_dims = [2] x [1] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  return %0 : tensor<3x5x2xf32>
}

// -----

func.func @dot_general_batch_dim_size(%arg0: tensor<3x5x7xf32>, %arg1: tensor<4x7x2xf32>) -> tensor<3x5x2xf32> {
  // expected-error @+1 {{batching dimension sizes must match: lhs dim 0 (3) vs rhs dim 0 (4)}}
  %0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<3x5x7xf32>, tensor<4x7x2xf32>) -> tensor<3x5x2xf32>
  return %0 : tensor<3x5x2xf32>
}

// -----

func.func @dot_general_contracting_dim_size(%arg0: tensor<5x7xf32>, %arg1: tensor<6x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{contracting dimension sizes must match: lhs dim 1 (7) vs rhs dim 0 (6)}}
  %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0] : (tensor<5x7xf32>, tensor<6x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @dot_general_result_shape(%arg0: tensor<3x5x7xf32>, %arg1: tensor<3x7x2xf32>) -> tensor<5x3x2xf32> {
  // expected-error @+1 {{result shape [5, 3, 2] must be [3, 5, 2]}}
  %0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<5x3x2xf32>
  return %0 : tensor<5x3x2xf32>
}

// -----

func.func @dot_general_algorithm(%arg0: tensor<5x7xf32>, %arg1: tensor<7x2xf32>) -> tensor<5x2xf32> {
  // expected-error @+1 {{algorithm component counts and num_primitive_operations must be positive}}
  %0 = stablehlo.dot_general %arg0, %arg1, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = f32, rhs_precision_type = f32, accumulation_type = f32, lhs_component_count = 0, rhs_component_count = 1, num_primitive_operations = 1, allow_imprecise_accumulation = false> : (tensor<5x7xf32>, tensor<7x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

func.func @convolution_rank(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8xf32>) -> tensor<2x16x16x16xf32> {
  // expected-error @+1 {{lhs, rhs and result must have the same rank, got 4, 3 and 4}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8xf32>) -> tensor<2x16x16x16xf32>
  return %0 : tensor<2x16x16x16xf32>
}

// -----

func.func @convolution_strides_size(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{window_strides size (1) must equal rank - 2 (2)}}
  %0 = "stablehlo.convolution"(%arg0, %arg1) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, window_strides = array<i64: 1>}> : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_strides_positive(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{window_strides values must be positive, got 0}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 0]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_padding_shape(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x16x14x16xf32> {
  // expected-error @+1 {{padding shape [1, 2] must be [2, 2]}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {pad = [[1, 1]]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x16x14x16xf32>
  return %0 : tensor<2x16x14x16xf32>
}

// -----

func.func @convolution_lhs_dilation(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{lhs_dilation values must be positive, got 0}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {lhs_dilate = [0, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_rhs_dilation(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{rhs_dilation size (3) must equal rank - 2 (2)}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {rhs_dilate = [1, 1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_window_reversal(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{window_reversal size (1) must equal rank - 2 (2)}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {reverse = [false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_input_dims(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{input dimensions must not contain duplicates (0 appears twice)}}
  %0 = "stablehlo.convolution"(%arg0, %arg1) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<raw input_batch_dimension = 0, input_feature_dimension = 3, input_spatial_dimensions = [0, 2], kernel_input_feature_dimension = 2, kernel_output_feature_dimension = 3, kernel_spatial_dimensions = [0, 1], output_batch_dimension = 0, output_feature_dimension = 3, output_spatial_dimensions = [1, 2]>, feature_group_count = 1 : i64}> : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_kernel_spatial_size(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{kernel_spatial_dimensions size (1) must equal rank - 2 (2)}}
  %0 = "stablehlo.convolution"(%arg0, %arg1) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<raw input_batch_dimension = 0, input_feature_dimension = 3, input_spatial_dimensions = [1, 2], kernel_input_feature_dimension = 2, kernel_output_feature_dimension = 3, kernel_spatial_dimensions = [0], output_batch_dimension = 0, output_feature_dimension = 3, output_spatial_dimensions = [1, 2]>, feature_group_count = 1 : i64}> : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_output_dims_range(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{output dimensions value (4) must be in [0, 4)}}
  %0 = "stablehlo.convolution"(%arg0, %arg1) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<raw input_batch_dimension = 0, input_feature_dimension = 3, input_spatial_dimensions = [1, 2], kernel_input_feature_dimension = 2, kernel_output_feature_dimension = 3, kernel_spatial_dimensions = [0, 1], output_batch_dimension = 0, output_feature_dimension = 4, output_spatial_dimensions = [1, 2]>, feature_group_count = 1 : i64}> : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_both_group_counts(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x4x16xf32>) -> tensor<1x14x14x16xf32> {
  // expected-error @+1 {{feature_group_count and batch_group_count must not both exceed 1}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 2 : i64, feature_group_count = 2 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x4x16xf32>) -> tensor<1x14x14x16xf32>
  return %0 : tensor<1x14x14x16xf32>
}

// -----

func.func @convolution_feature_group_divides(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x2x15xf32>) -> tensor<2x14x14x15xf32> {
  // expected-error @+1 {{input feature dimension (8) must be divisible by feature_group_count (3)}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 3 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x2x15xf32>) -> tensor<2x14x14x15xf32>
  return %0 : tensor<2x14x14x15xf32>
}

// -----

func.func @convolution_batch_group_divides(%arg0: tensor<3x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<1x14x14x16xf32> {
  // expected-error @+1 {{input batch dimension (3) must be divisible by batch_group_count (2)}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 2 : i64, feature_group_count = 1 : i64} : (tensor<3x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<1x14x14x16xf32>
  return %0 : tensor<1x14x14x16xf32>
}

// -----

func.func @convolution_kernel_input_feature(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x4x16xf32>) -> tensor<2x14x14x16xf32> {
  // expected-error @+1 {{kernel input feature dimension (4) must equal input feature dimension (8) / feature_group_count (1)}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x4x16xf32>) -> tensor<2x14x14x16xf32>
  return %0 : tensor<2x14x14x16xf32>
}

// -----

func.func @convolution_kernel_output_feature(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x4x15xf32>) -> tensor<2x14x14x15xf32> {
  // expected-error @+1 {{kernel output feature dimension (15) must be divisible by feature_group_count (2)}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x4x15xf32>) -> tensor<2x14x14x15xf32>
  return %0 : tensor<2x14x14x15xf32>
}

// -----

func.func @convolution_result_shape(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x16x16x16xf32> {
  // expected-error @+1 {{result shape [2, 16, 16, 16] must be [2, 14, 14, 16]}}
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x16x16x16xf32>
  return %0 : tensor<2x16x16x16xf32>
}

// -----

//===----------------------------------------------------------------------===//
// reduce, reduce_window, select_and_scatter
//===----------------------------------------------------------------------===//

func.func @reduce_init_rank(%arg0: tensor<4x8xf32>, %arg1: tensor<1xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{init_values #0 must be a 0-d tensor, but has rank 1}}
  %0 = "stablehlo.reduce"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x8xf32>, tensor<1xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_init_element_type(%arg0: tensor<4x8xf32>, %arg1: tensor<f16>) -> tensor<4xf32> {
  // expected-error @+1 {{init_values #0 element type 'f16' must equal the input element type 'f32'}}
  %0 = "stablehlo.reduce"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x8xf32>, tensor<f16>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_inputs_same_shape(%arg0: tensor<4x8xf32>, %arg1: tensor<4x9xi32>, %arg2: tensor<f32>, %arg3: tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>) {
  // expected-error @+1 {{all inputs must have the same shape, but #1 has shape [4, 9] and #0 has shape [4, 8]}}
  %0:2 = "stablehlo.reduce"(%arg0, %arg1, %arg2, %arg3) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<i32>, %c: tensor<f32>, %d: tensor<i32>):
    stablehlo.return %a, %b : tensor<f32>, tensor<i32>
  }) : (tensor<4x8xf32>, tensor<4x9xi32>, tensor<f32>, tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}

// -----

func.func @reduce_dimensions_range(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{dimensions value (2) must be in [0, 2)}}
  %0 = stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [2] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_dimensions_unique(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{dimensions must not contain duplicates (1 appears twice)}}
  %0 = stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1, 1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_result_shape(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<8xf32> {
  // expected-error @+1 {{result #0 shape [8] must be [4]}}
  %0 = stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @reduce_result_element_type(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<4xf64> {
  // expected-error @+1 {{result #0 element type 'f64' must equal the body element type 'f32'}}
  %0 = stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf64>
  return %0 : tensor<4xf64>
}

// -----

func.func @reduce_body_arity(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{body must take 2 arguments (2 per input), but takes 3}}
  %0 = "stablehlo.reduce"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_body_not_scalar(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{body argument #0 must be a 0-d tensor, but is 'tensor<1xf32>'}}
  %0 = "stablehlo.reduce"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<1xf32>, %b: tensor<1xf32>):
    stablehlo.return %a : tensor<1xf32>
  }) : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_body_second_arg(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{body argument #1 has type 'tensor<f64>', but 'tensor<f32>' is expected}}
  %0 = "stablehlo.reduce"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f64>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_body_result_count(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  // expected-error @+1 {{body must have 1 results, but has 2}}
  %0 = "stablehlo.reduce"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a, %b : tensor<f32>, tensor<f32>
  }) : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @reduce_window_dimensions_size(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> tensor<6x33xf32> {
  // expected-error @+1 {{window_dimensions size (1) must equal input rank (2)}}
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{window_dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

func.func @reduce_window_dimensions_positive(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> tensor<6x33xf32> {
  // expected-error @+1 {{window_dimensions values must be positive, got 0}}
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{window_dimensions = array<i64: 1, 0>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

func.func @reduce_window_strides(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> tensor<6x33xf32> {
  // expected-error @+1 {{window_strides size (3) must equal input rank (2)}}
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{window_dimensions = array<i64: 1, 1>, window_strides = array<i64: 1, 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

func.func @reduce_window_base_dilations(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> tensor<6x33xf32> {
  // expected-error @+1 {{base_dilations values must be positive, got -1}}
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{base_dilations = array<i64: 1, -1>, window_dimensions = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

func.func @reduce_window_window_dilations(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> tensor<6x33xf32> {
  // expected-error @+1 {{window_dilations values must be positive, got 0}}
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{window_dilations = array<i64: 0, 1>, window_dimensions = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

func.func @reduce_window_padding(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> tensor<6x33xf32> {
  // expected-error @+1 {{padding shape [2, 3] must be [2, 2]}}
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{padding = dense<0> : tensor<2x3xi64>, window_dimensions = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

func.func @reduce_window_result_shape(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> tensor<6x33xf32> {
  // expected-error @+1 {{result #0 shape [6, 33] must be [3, 16]}}
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

func.func @reduce_window_init_count(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> (tensor<6x33xf32>, tensor<6x33xf32>) {
  // expected-error @+1 {{body must take 4 arguments (2 per input), but takes 2}}
  %0:2 = "stablehlo.reduce_window"(%arg0, %arg0, %arg1, %arg1) <{window_dimensions = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a, %b : tensor<f32>, tensor<f32>
  }) : (tensor<6x33xf32>, tensor<6x33xf32>, tensor<f32>, tensor<f32>) -> (tensor<6x33xf32>, tensor<6x33xf32>)
  return %0#0, %0#1 : tensor<6x33xf32>, tensor<6x33xf32>
}

// -----

func.func @select_and_scatter_source_shape(%arg0: tensor<4x6xf32>, %arg1: tensor<2x2xf32>, %arg2: tensor<f32>) -> tensor<4x6xf32> {
  // expected-error @+1 {{source shape [2, 2] must equal the number of windows [2, 3]}}
  %0 = "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x6xf32>, tensor<2x2xf32>, tensor<f32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @select_and_scatter_source_type(%arg0: tensor<4x6xf32>, %arg1: tensor<2x3xf16>, %arg2: tensor<f32>) -> tensor<4x6xf32> {
  // expected-error @+1 {{source element type 'f16' must equal operand element type 'f32'}}
  %0 = "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x6xf32>, tensor<2x3xf16>, tensor<f32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @select_and_scatter_init(%arg0: tensor<4x6xf32>, %arg1: tensor<2x3xf32>, %arg2: tensor<1xf32>) -> tensor<4x6xf32> {
  // expected-error @+1 {{init_value must be a 0-d tensor of the operand element type 'f32', but is 'tensor<1xf32>'}}
  %0 = "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x6xf32>, tensor<2x3xf32>, tensor<1xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @select_and_scatter_select_result(%arg0: tensor<4x6xf32>, %arg1: tensor<2x3xf32>, %arg2: tensor<f32>) -> tensor<4x6xf32> {
  // expected-error @+1 {{select result #0 has type 'tensor<f32>', but 'tensor<i1>' is expected}}
  %0 = "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x6xf32>, tensor<2x3xf32>, tensor<f32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @select_and_scatter_scatter_args(%arg0: tensor<4x6xf32>, %arg1: tensor<2x3xf32>, %arg2: tensor<f32>) -> tensor<4x6xf32> {
  // expected-error @+1 {{scatter must take 2 arguments (2 per input), but takes 1}}
  %0 = "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }) : (tensor<4x6xf32>, tensor<2x3xf32>, tensor<f32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

func.func @select_and_scatter_window_strides(%arg0: tensor<4x6xf32>, %arg1: tensor<2x3xf32>, %arg2: tensor<f32>) -> tensor<4x6xf32> {
  // expected-error @+1 {{window_strides values must be positive, got 0}}
  %0 = "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 0>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4x6xf32>, tensor<2x3xf32>, tensor<f32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Control flow
//===----------------------------------------------------------------------===//

func.func @if_branch_arguments(%arg0: tensor<i1>, %arg1: tensor<f32>) -> tensor<f32> {
  // expected-error @+1 {{true_branch must have 0 arguments, but has 1}}
  %0 = "stablehlo.if"(%arg0) ({
  ^bb0(%a: tensor<f32>):
    stablehlo.return %a : tensor<f32>
  }, {
    stablehlo.return %arg1 : tensor<f32>
  }) : (tensor<i1>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @if_branch_results(%arg0: tensor<i1>, %arg1: tensor<f32>, %arg2: tensor<i32>) -> tensor<f32> {
  // expected-error @+1 {{false_branch result #0 has type 'tensor<i32>', but 'tensor<f32>' is expected}}
  %0 = "stablehlo.if"(%arg0) ({
    stablehlo.return %arg1 : tensor<f32>
  }, {
    stablehlo.return %arg2 : tensor<i32>
  }) : (tensor<i1>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @if_branch_result_count(%arg0: tensor<i1>, %arg1: tensor<f32>) -> tensor<f32> {
  // expected-error @+1 {{true_branch must have 1 results, but has 2}}
  %0 = "stablehlo.if"(%arg0) ({
    stablehlo.return %arg1, %arg1 : tensor<f32>, tensor<f32>
  }, {
    stablehlo.return %arg1 : tensor<f32>
  }) : (tensor<i1>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

func.func @case_no_branches(%arg0: tensor<i32>) {
  // expected-error @+1 {{must have at least one branch}}
  "stablehlo.case"(%arg0) : (tensor<i32>) -> ()
  return
}

// -----

func.func @case_branch_results(%arg0: tensor<i32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{branch #1 result #0 has type 'tensor<3xf32>', but 'tensor<4xf32>' is expected}}
  %0 = "stablehlo.case"(%arg0) ({
    stablehlo.return %arg1 : tensor<4xf32>
  }, {
    %1 = stablehlo.slice %arg1 [0:3] : (tensor<4xf32>) -> tensor<3xf32>
    stablehlo.return %1 : tensor<3xf32>
  }) : (tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @case_branch_arguments(%arg0: tensor<i32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{branch #0 must have 0 arguments, but has 1}}
  %0 = "stablehlo.case"(%arg0) ({
  ^bb0(%a: tensor<4xf32>):
    stablehlo.return %a : tensor<4xf32>
  }) : (tensor<i32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @while_cond_result(%arg0: tensor<i32>) -> tensor<i32> {
  // expected-error @+1 {{cond result #0 has type 'tensor<i32>', but 'tensor<i1>' is expected}}
  %0 = stablehlo.while(%iterArg = %arg0) : tensor<i32>
  cond {
    stablehlo.return %iterArg : tensor<i32>
  } do {
    stablehlo.return %iterArg : tensor<i32>
  }
  return %0 : tensor<i32>
}

// -----

func.func @while_cond_arguments(%arg0: tensor<i32>) -> tensor<i32> {
  // expected-error @+1 {{cond argument #0 has type 'tensor<f32>', but 'tensor<i32>' is expected}}
  %0 = "stablehlo.while"(%arg0) ({
  ^bb0(%a: tensor<f32>):
    %c = stablehlo.constant dense<true> : tensor<i1>
    stablehlo.return %c : tensor<i1>
  }, {
  ^bb0(%a: tensor<i32>):
    stablehlo.return %a : tensor<i32>
  }) : (tensor<i32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

func.func @while_body_results(%arg0: tensor<i32>, %arg1: tensor<4xf32>) -> tensor<i32> {
  // expected-error @+1 {{body must have 2 results, but has 1}}
  %0:2 = stablehlo.while(%iterArg = %arg0, %iterArg_0 = %arg1) : tensor<i32>, tensor<4xf32>
  cond {
    %c = stablehlo.constant dense<true> : tensor<i1>
    stablehlo.return %c : tensor<i1>
  } do {
    stablehlo.return %iterArg : tensor<i32>
  }
  return %0#0 : tensor<i32>
}

// -----

//===----------------------------------------------------------------------===//
// custom_call
//===----------------------------------------------------------------------===//

func.func @custom_call_empty_target(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{call_target_name must not be empty}}
  %0 = "stablehlo.custom_call"(%arg0) <{call_target_name = ""}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @custom_call_dict_config(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{backend_config must be a string unless api_version is API_VERSION_TYPED_FFI}}
  %0 = stablehlo.custom_call @foo(%arg0) {backend_config = {a = 1 : i64}} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @custom_call_typed_ffi_config(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{backend_config must be a dictionary for API_VERSION_TYPED_FFI}}
  %0 = stablehlo.custom_call @foo(%arg0) {api_version = 4 : i32, backend_config = "x"} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @custom_call_called_computations(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{called_computations must contain flat symbol references}}
  %0 = stablehlo.custom_call @foo(%arg0) {called_computations = ["bar"]} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @custom_call_byteir_attrs(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{byteir_attrs must be a dictionary attribute}}
  %0 = stablehlo.custom_call @byteir.softmax(%arg0) {byteir_attrs = 1 : i64} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @custom_call_layouts_together(%arg0: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{operand_layouts and result_layouts must be given together}}
  %0 = stablehlo.custom_call @foo(%arg0) {operand_layouts = [dense<[1, 0]> : tensor<2xindex>]} : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @custom_call_layouts_count(%arg0: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{operand_layouts size (2) must equal number of operands (1)}}
  %0 = stablehlo.custom_call @foo(%arg0) {operand_layouts = [dense<[1, 0]> : tensor<2xindex>, dense<[1, 0]> : tensor<2xindex>], result_layouts = [dense<[1, 0]> : tensor<2xindex>]} : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @custom_call_layout_permutation(%arg0: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{result_layouts must not contain duplicates (0 appears twice)}}
  %0 = stablehlo.custom_call @foo(%arg0) {operand_layouts = [dense<[1, 0]> : tensor<2xindex>], result_layouts = [dense<[0, 0]> : tensor<2xindex>]} : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @custom_call_layout_rank(%arg0: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{operand_layouts entry size (1) must equal the rank of its type (2)}}
  %0 = stablehlo.custom_call @foo(%arg0) {operand_layouts = [dense<[0]> : tensor<1xindex>], result_layouts = [dense<[1, 0]> : tensor<2xindex>]} : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @custom_call_alias_operand_index(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{output_operand_aliases operand_index (1) must be in [0, 1)}}
  %0 = stablehlo.custom_call @foo(%arg0) {output_operand_aliases = [#stablehlo.output_operand_alias<output_tuple_indices = [], operand_index = 1, operand_tuple_indices = []>]} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @custom_call_alias_tuple_index(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{output_operand_aliases operand_tuple_indices do not index into the operand type}}
  %0 = stablehlo.custom_call @foo(%arg0) {output_operand_aliases = [#stablehlo.output_operand_alias<output_tuple_indices = [], operand_index = 0, operand_tuple_indices = [0]>]} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @custom_call_alias_type(%arg0: tensor<4xf32>) -> (tensor<4xf32>, tensor<3xi32>) {
  // expected-error @+1 {{output_operand_aliases aliases operand part 'tensor<4xf32>' with result part of different type 'tensor<3xi32>'}}
  %0:2 = stablehlo.custom_call @foo(%arg0) {output_operand_aliases = [#stablehlo.output_operand_alias<output_tuple_indices = [1], operand_index = 0, operand_tuple_indices = []>]} : (tensor<4xf32>) -> (tensor<4xf32>, tensor<3xi32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<3xi32>
}

// -----

//===----------------------------------------------------------------------===//
// infeed, recv
//===----------------------------------------------------------------------===//

func.func @infeed_last_token(%arg0: !stablehlo.token) -> tensor<4xf32> {
  // expected-error @+1 {{last result must be a !stablehlo.token}}
  %0 = "stablehlo.infeed"(%arg0) : (!stablehlo.token) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @infeed_token_in_middle(%arg0: !stablehlo.token) -> !stablehlo.token {
  // expected-error @+1 {{result #0 must be a tensor; only the last result is a token}}
  %0:2 = "stablehlo.infeed"(%arg0) : (!stablehlo.token) -> (!stablehlo.token, !stablehlo.token)
  return %0#1 : !stablehlo.token
}

// -----

func.func @infeed_layout_count(%arg0: !stablehlo.token) -> !stablehlo.token {
  // expected-error @+1 {{layout size (2) must equal number of non-token results (1)}}
  %0:2 = "stablehlo.infeed"(%arg0) <{layout = [[0], [0]]}> : (!stablehlo.token) -> (tensor<4xf32>, !stablehlo.token)
  return %0#1 : !stablehlo.token
}

// -----

func.func @infeed_layout_permutation(%arg0: !stablehlo.token) -> !stablehlo.token {
  // expected-error @+1 {{layout value (2) must be in [0, 2)}}
  %0:2 = "stablehlo.infeed"(%arg0) <{layout = [[2, 0]]}> : (!stablehlo.token) -> (tensor<4x4xf32>, !stablehlo.token)
  return %0#1 : !stablehlo.token
}

// -----

func.func @recv_last_token(%arg0: !stablehlo.token) -> tensor<4xf32> {
  // expected-error @+1 {{last result must be a !stablehlo.token}}
  %0 = "stablehlo.recv"(%arg0) <{channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>}> : (!stablehlo.token) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @recv_no_results(%arg0: !stablehlo.token) {
  // expected-error @+1 {{last result must be a !stablehlo.token}}
  "stablehlo.recv"(%arg0) <{channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>}> : (!stablehlo.token) -> ()
  return
}

// -----

func.func @recv_source_target_pairs(%arg0: !stablehlo.token) -> !stablehlo.token {
  // expected-error @+1 {{source_target_pairs targets must be unique (1 appears twice)}}
  %0 = "stablehlo.recv"(%arg0) <{channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, source_target_pairs = dense<[[0, 1], [2, 1]]> : tensor<2x2xi64>}> : (!stablehlo.token) -> !stablehlo.token
  return %0 : !stablehlo.token
}

// -----

//===----------------------------------------------------------------------===//
// Collectives
//===----------------------------------------------------------------------===//

func.func @all_gather_dim(%arg0: tensor<2x4xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{all_gather_dim value (2) must be in [0, 2)}}
  %0 = "stablehlo.all_gather"(%arg0) <{all_gather_dim = 2 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> : (tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @all_gather_result(%arg0: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{result dimension 1 (4) must be 8 (operand dimension * group size)}}
  %0 = "stablehlo.all_gather"(%arg0) <{all_gather_dim = 1 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @all_gather_replica_groups_unique(%arg0: tensor<2x4xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{replica_groups must not repeat a process id (1 appears twice)}}
  %0 = "stablehlo.all_gather"(%arg0) <{all_gather_dim = 1 : i64, replica_groups = dense<[[0, 1], [1, 2]]> : tensor<2x2xi64>}> : (tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @all_gather_replica_groups_rank(%arg0: tensor<2x4xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{replica_groups must be a rank-2 tensor, but has rank 1}}
  %0 = "stablehlo.all_gather"(%arg0) <{all_gather_dim = 1 : i64, replica_groups = dense<[0, 1]> : tensor<2xi64>}> : (tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @all_gather_global_ids(%arg0: tensor<2x4xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{use_global_device_ids requires a channel_handle with handle > 0}}
  %0 = "stablehlo.all_gather"(%arg0) <{all_gather_dim = 1 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>, use_global_device_ids}> : (tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @all_reduce_negative_id(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{replica_groups ids must be >= 0 (or -1 for padding), got -2}}
  %0 = "stablehlo.all_reduce"(%arg0) <{replica_groups = dense<[[0, -2]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @all_reduce_body(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{computation argument #0 element type 'i32' must be promotable from the input element type 'f32'}}
  %0 = "stablehlo.all_reduce"(%arg0) <{replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %1 = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %1 : tensor<i32>
  }) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @all_reduce_result(%arg0: tensor<4xf32>) -> tensor<5xf32> {
  // expected-error @+1 {{result #0 type 'tensor<5xf32>' must have the operand shape and element type 'f32'}}
  %0 = "stablehlo.all_reduce"(%arg0) <{replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

func.func @all_reduce_operand_element_types(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  // expected-error @+1 {{operand #1 element type 'i32' must be promotable to the computation element type 'f32'}}
  %0:2 = "stablehlo.all_reduce"(%arg0, %arg1) <{replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4xf32>, tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}

// -----

func.func @reduce_scatter_dimension(%arg0: tensor<8x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{scatter_dimension value (2) must be in [0, 2)}}
  %0 = "stablehlo.reduce_scatter"(%arg0) <{replica_groups = dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, scatter_dimension = 2 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @reduce_scatter_divisible(%arg0: tensor<6x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{operand scatter dimension (6) must be divisible by the group size (4)}}
  %0 = "stablehlo.reduce_scatter"(%arg0) <{replica_groups = dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, scatter_dimension = 0 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<6x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @reduce_scatter_result(%arg0: tensor<8x2xf32>) -> tensor<4x2xf32> {
  // expected-error @+1 {{result dimension 0 (4) must be 2 (operand dimension / group size)}}
  %0 = "stablehlo.reduce_scatter"(%arg0) <{replica_groups = dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, scatter_dimension = 0 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x2xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

func.func @reduce_scatter_global_ids(%arg0: tensor<8x2xf32>) -> tensor<2x2xf32> {
  // expected-error @+1 {{use_global_device_ids requires a channel_handle with handle > 0}}
  %0 = "stablehlo.reduce_scatter"(%arg0) <{channel_handle = #stablehlo.channel_handle<handle = 0, type = 1>, replica_groups = dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, scatter_dimension = 0 : i64, use_global_device_ids}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

func.func @all_to_all_split_dimension(%arg0: tensor<4x4xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{split_dimension value (2) must be in [0, 2)}}
  %0 = "stablehlo.all_to_all"(%arg0) <{concat_dimension = 0 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64, split_dimension = 2 : i64}> : (tensor<4x4xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

func.func @all_to_all_divisible(%arg0: tensor<4x3xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{operand split dimension (3) must be divisible by split_count (2)}}
  %0 = "stablehlo.all_to_all"(%arg0) <{concat_dimension = 0 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64, split_dimension = 1 : i64}> : (tensor<4x3xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

func.func @all_to_all_group_size(%arg0: tensor<4x4xf32>) -> tensor<8x2xf32> {
  // expected-error @+1 {{replica group size (3) must equal split_count (2)}}
  %0 = "stablehlo.all_to_all"(%arg0) <{concat_dimension = 0 : i64, replica_groups = dense<[[0, 1, 2]]> : tensor<1x3xi64>, split_count = 2 : i64, split_dimension = 1 : i64}> : (tensor<4x4xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

func.func @all_to_all_result(%arg0: tensor<4x4xf32>) -> tensor<4x4xf32> {
  // expected-error @+1 {{result shape [4, 4] must be [8, 2]}}
  %0 = "stablehlo.all_to_all"(%arg0) <{concat_dimension = 0 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64, split_dimension = 1 : i64}> : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

func.func @collective_permute_pairs_shape(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{source_target_pairs shape [2, 3] must be [N, 2]}}
  %0 = "stablehlo.collective_permute"(%arg0) <{source_target_pairs = dense<0> : tensor<2x3xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @collective_permute_sources(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{source_target_pairs sources must be unique (0 appears twice)}}
  %0 = "stablehlo.collective_permute"(%arg0) <{source_target_pairs = dense<[[0, 1], [0, 2]]> : tensor<2x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @collective_permute_negative(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{source_target_pairs ids must be >= 0, got -1}}
  %0 = "stablehlo.collective_permute"(%arg0) <{source_target_pairs = dense<[[0, -1]]> : tensor<1x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @collective_broadcast_groups(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{replica_groups must not repeat a process id (0 appears twice)}}
  %0 = "stablehlo.collective_broadcast"(%arg0) <{replica_groups = dense<[[0, 0]]> : tensor<1x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Random numbers
//===----------------------------------------------------------------------===//

func.func @rng_element_types(%arg0: tensor<f32>, %arg1: tensor<f16>, %arg2: tensor<2xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{a, b and result must have the same element type}}
  %0 = stablehlo.rng %arg0, %arg1, %arg2, distribution = UNIFORM : (tensor<f32>, tensor<f16>, tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @rng_normal_int(%arg0: tensor<i32>, %arg1: tensor<2xi64>) -> tensor<2x3xi32> {
  // expected-error @+1 {{NORMAL distribution requires a floating-point element type, got 'i32'}}
  %0 = stablehlo.rng %arg0, %arg0, %arg1, distribution = NORMAL : (tensor<i32>, tensor<i32>, tensor<2xi64>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

func.func @rng_shape_size(%arg0: tensor<f32>, %arg1: tensor<3xi64>) -> tensor<2x3xf32> {
  // expected-error @+1 {{shape size (3) must equal result rank (2)}}
  %0 = stablehlo.rng %arg0, %arg0, %arg1, distribution = UNIFORM : (tensor<f32>, tensor<f32>, tensor<3xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @rng_constant_shape(%arg0: tensor<f32>) -> tensor<2x3xf32> {
  %shape = stablehlo.constant dense<[2, 4]> : tensor<2xi64>
  // expected-error @+1 {{result shape [2, 3] must equal the shape operand [2, 4]}}
  %0 = stablehlo.rng %arg0, %arg0, %shape, distribution = UNIFORM : (tensor<f32>, tensor<f32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @rng_bit_generator_state(%arg0: tensor<2xui64>) -> tensor<4xui32> {
  // expected-error @+1 {{output_state type 'tensor<3xui64>' must equal initial_state type 'tensor<2xui64>'}}
  %0:2 = stablehlo.rng_bit_generator %arg0, algorithm = DEFAULT : (tensor<2xui64>) -> (tensor<3xui64>, tensor<4xui32>)
  return %0#1 : tensor<4xui32>
}

// -----

func.func @rng_bit_generator_three_fry(%arg0: tensor<3xui64>) -> tensor<4xui32> {
  // expected-error @+1 {{THREE_FRY requires an initial_state of 2 elements, got 3}}
  %0:2 = stablehlo.rng_bit_generator %arg0, algorithm = THREE_FRY : (tensor<3xui64>) -> (tensor<3xui64>, tensor<4xui32>)
  return %0#1 : tensor<4xui32>
}

// -----

func.func @rng_bit_generator_philox(%arg0: tensor<4xui64>) -> tensor<4xui32> {
  // expected-error @+1 {{PHILOX requires an initial_state of 2 or 3 elements, got 4}}
  %0:2 = stablehlo.rng_bit_generator %arg0, algorithm = PHILOX : (tensor<4xui64>) -> (tensor<4xui64>, tensor<4xui32>)
  return %0#1 : tensor<4xui32>
}

// -----

func.func @rng_bit_generator_rank(%arg0: tensor<2x2xui64>) -> tensor<4xui32> {
  // expected-error @+1 {{initial_state must be a 1-d tensor, but has rank 2}}
  %0:2 = stablehlo.rng_bit_generator %arg0, algorithm = DEFAULT : (tensor<2x2xui64>) -> (tensor<2x2xui64>, tensor<4xui32>)
  return %0#1 : tensor<4xui32>
}

// -----

func.func @rng_bit_generator_output_type(%arg0: tensor<2xui64>) -> tensor<4xi1> {
  // expected-error @+1 {{output element type 'i1' must be an integer or floating-point type}}
  %0:2 = stablehlo.rng_bit_generator %arg0, algorithm = DEFAULT : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4xi1>)
  return %0#1 : tensor<4xi1>
}

// -----

//===----------------------------------------------------------------------===//
// fft, cholesky, triangular_solve
//===----------------------------------------------------------------------===//

func.func @fft_length_size(%arg0: tensor<2x2x2x2xcomplex<f32>>) -> tensor<2x2x2x2xcomplex<f32>> {
  // expected-error @+1 {{fft_length size (4) must be in [1, 3]}}
  %0 = stablehlo.fft %arg0, type = FFT, length = [2, 2, 2, 2] : (tensor<2x2x2x2xcomplex<f32>>) -> tensor<2x2x2x2xcomplex<f32>>
  return %0 : tensor<2x2x2x2xcomplex<f32>>
}

// -----

func.func @fft_length_rank(%arg0: tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>> {
  // expected-error @+1 {{fft_length size (2) must not exceed operand rank (1)}}
  %0 = stablehlo.fft %arg0, type = FFT, length = [8, 8] : (tensor<8xcomplex<f32>>) -> tensor<8xcomplex<f32>>
  return %0 : tensor<8xcomplex<f32>>
}

// -----

func.func @fft_types(%arg0: tensor<8xf32>) -> tensor<8xcomplex<f32>> {
  // expected-error @+1 {{FFT does not accept operand element type 'f32' with result element type 'complex<f32>'}}
  %0 = stablehlo.fft %arg0, type = FFT, length = [8] : (tensor<8xf32>) -> tensor<8xcomplex<f32>>
  return %0 : tensor<8xcomplex<f32>>
}

// -----

func.func @rfft_types(%arg0: tensor<8xf32>) -> tensor<5xcomplex<f64>> {
  // expected-error @+1 {{RFFT does not accept operand element type 'f32' with result element type 'complex<f64>'}}
  %0 = stablehlo.fft %arg0, type = RFFT, length = [8] : (tensor<8xf32>) -> tensor<5xcomplex<f64>>
  return %0 : tensor<5xcomplex<f64>>
}

// -----

func.func @rfft_result_shape(%arg0: tensor<8xf32>) -> tensor<8xcomplex<f32>> {
  // expected-error @+1 {{result shape [8] must be [5]}}
  %0 = stablehlo.fft %arg0, type = RFFT, length = [8] : (tensor<8xf32>) -> tensor<8xcomplex<f32>>
  return %0 : tensor<8xcomplex<f32>>
}

// -----

func.func @rfft_length(%arg0: tensor<8xf32>) -> tensor<3xcomplex<f32>> {
  // expected-error @+1 {{trailing dimensions [8] of the real tensor must equal fft_length [4]}}
  %0 = stablehlo.fft %arg0, type = RFFT, length = [4] : (tensor<8xf32>) -> tensor<3xcomplex<f32>>
  return %0 : tensor<3xcomplex<f32>>
}

// -----

func.func @irfft_operand_shape(%arg0: tensor<4xcomplex<f32>>) -> tensor<8xf32> {
  // expected-error @+1 {{operand last dimension (4) must be fft_length[-1] / 2 + 1 (5)}}
  %0 = stablehlo.fft %arg0, type = IRFFT, length = [8] : (tensor<4xcomplex<f32>>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

func.func @cholesky_rank(%arg0: tensor<3xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{operand must have rank >= 2, got 1}}
  %0 = stablehlo.cholesky %arg0 : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @cholesky_square(%arg0: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{the two minor dimensions must be equal (square matrices), got 3 and 4}}
  %0 = stablehlo.cholesky %arg0, lower = true : tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @triangular_solve_rank(%arg0: tensor<3x3xf32>, %arg1: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  // expected-error @+1 {{a and b must have the same rank >= 2, got 2 and 3}}
  %0 = "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

func.func @triangular_solve_square(%arg0: tensor<3x4xf32>, %arg1: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{a must be a batch of square matrices}}
  %0 = "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @triangular_solve_batch(%arg0: tensor<2x3x3xf32>, %arg1: tensor<5x3x4xf32>) -> tensor<5x3x4xf32> {
  // expected-error @+1 {{batch dimensions of a [2, 3, 3] and b [5, 3, 4] must be equal}}
  %0 = "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x3x3xf32>, tensor<5x3x4xf32>) -> tensor<5x3x4xf32>
  return %0 : tensor<5x3x4xf32>
}

// -----

func.func @triangular_solve_side(%arg0: tensor<3x3xf32>, %arg1: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{b dimension 1 (4) must equal the size of a (3)}}
  %0 = "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = false, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @triangular_solve_transpose(%arg0: tensor<3x3xf32>, %arg1: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{transpose_a must not be TRANSPOSE_INVALID}}
  %0 = "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose TRANSPOSE_INVALID>, unit_diagonal = false}> : (tensor<3x3xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

func.func @triangular_solve_result(%arg0: tensor<3x3xf32>, %arg1: tensor<3x4xf32>) -> tensor<3x5xf32> {
  // expected-error @+1 {{result type 'tensor<3x5xf32>' must equal b type 'tensor<3x4xf32>'}}
  %0 = "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose ADJOINT>, unit_diagonal = true}> : (tensor<3x3xf32>, tensor<3x4xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Batch normalization
//===----------------------------------------------------------------------===//

func.func @batch_norm_inference_feature_index(%arg0: tensor<2x4x8xf32>, %arg1: tensor<8xf32>) -> tensor<2x4x8xf32> {
  // expected-error @+1 {{feature_index value (3) must be in [0, 3)}}
  %0 = "stablehlo.batch_norm_inference"(%arg0, %arg1, %arg1, %arg1, %arg1) <{epsilon = 1.0e-03 : f32, feature_index = 3 : i64}> : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

func.func @batch_norm_inference_scale(%arg0: tensor<2x4x8xf32>, %arg1: tensor<8xf32>, %arg2: tensor<4xf32>) -> tensor<2x4x8xf32> {
  // expected-error @+1 {{offset size (4) must equal the feature dimension (8)}}
  %0 = "stablehlo.batch_norm_inference"(%arg0, %arg1, %arg2, %arg1, %arg1) <{epsilon = 1.0e-03 : f32, feature_index = 2 : i64}> : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<4xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x8xf32>
  return %0 : tensor<2x4x8xf32>
}

// -----

func.func @batch_norm_inference_result(%arg0: tensor<2x4x8xf32>, %arg1: tensor<8xf32>) -> tensor<2x4x9xf32> {
  // expected-error @+1 {{result shape [2, 4, 9] must equal operand shape [2, 4, 8]}}
  %0 = "stablehlo.batch_norm_inference"(%arg0, %arg1, %arg1, %arg1, %arg1) <{epsilon = 1.0e-03 : f32, feature_index = 2 : i64}> : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x9xf32>
  return %0 : tensor<2x4x9xf32>
}

// -----

func.func @batch_norm_training_mean(%arg0: tensor<2x4x8xf32>, %arg1: tensor<8xf32>) -> tensor<2x4x8xf32> {
  // expected-error @+1 {{batch_mean size (4) must equal the feature dimension (8)}}
  %0:3 = "stablehlo.batch_norm_training"(%arg0, %arg1, %arg1) <{epsilon = 1.0e-03 : f32, feature_index = 2 : i64}> : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x4x8xf32>, tensor<4xf32>, tensor<8xf32>)
  return %0#0 : tensor<2x4x8xf32>
}

// -----

func.func @batch_norm_training_output(%arg0: tensor<2x4x8xf32>, %arg1: tensor<8xf32>) -> tensor<2x8x4xf32> {
  // expected-error @+1 {{output shape [2, 8, 4] must equal operand shape [2, 4, 8]}}
  %0:3 = "stablehlo.batch_norm_training"(%arg0, %arg1, %arg1) <{epsilon = 1.0e-03 : f32, feature_index = 2 : i64}> : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x8x4xf32>, tensor<8xf32>, tensor<8xf32>)
  return %0#0 : tensor<2x8x4xf32>
}

// -----

func.func @batch_norm_grad_grad_output(%arg0: tensor<2x4x8xf32>, %arg1: tensor<8xf32>, %arg2: tensor<2x4x7xf32>) -> tensor<2x4x8xf32> {
  // expected-error @+1 {{grad_output shape [2, 4, 7] must equal operand shape [2, 4, 8]}}
  %0:3 = "stablehlo.batch_norm_grad"(%arg0, %arg1, %arg1, %arg1, %arg2) <{epsilon = 1.0e-03 : f32, feature_index = 2 : i64}> : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<2x4x7xf32>) -> (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>)
  return %0#0 : tensor<2x4x8xf32>
}

// -----

func.func @batch_norm_grad_variance(%arg0: tensor<2x4x8xf32>, %arg1: tensor<8xf32>, %arg2: tensor<?xf32>, %arg3: tensor<3xf32>) -> tensor<2x4x8xf32> {
  // expected-error @+1 {{variance size (3) must equal the feature dimension (8)}}
  %0:3 = "stablehlo.batch_norm_grad"(%arg0, %arg1, %arg2, %arg3, %arg0) <{epsilon = 1.0e-03 : f32, feature_index = 2 : i64}> : (tensor<2x4x8xf32>, tensor<8xf32>, tensor<?xf32>, tensor<3xf32>, tensor<2x4x8xf32>) -> (tensor<2x4x8xf32>, tensor<8xf32>, tensor<8xf32>)
  return %0#0 : tensor<2x4x8xf32>
}
