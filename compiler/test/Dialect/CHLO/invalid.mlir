// RUN: byteir-opt %s -split-input-file -verify-diagnostics

func.func @top_k_k_too_large(%arg0: tensor<4x10xf32>) {
  // expected-error @+2 {{k = 11 exceeds the size of the last dimension (10)}}
  // expected-error @+1 {{'chlo.top_k' op failed to infer returned types}}
  %0:2 = chlo.top_k(%arg0, k = 11) : tensor<4x10xf32> -> (tensor<4x11xf32>, tensor<4x11xi32>)
  return
}

// -----

func.func @top_k_scalar(%arg0: tensor<f32>) {
  // expected-error @+2 {{operand must have rank at least 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = "chlo.top_k"(%arg0) <{k = 1 : i64}> : (tensor<f32>) -> (tensor<1xf32>, tensor<1xi32>)
  return
}

// -----

func.func @top_k_negative_k(%arg0: tensor<4x10xf32>) {
  // expected-error @+2 {{k must be non-negative, got -1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = chlo.top_k(%arg0, k = -1) : tensor<4x10xf32> -> (tensor<4x1xf32>, tensor<4x1xi32>)
  return
}

// -----

func.func @top_k_wrong_result(%arg0: tensor<4x10xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<4x3xf32>', 'tensor<4x3xi32>' are incompatible with return type(s) of operation 'tensor<4x2xf32>', 'tensor<4x3xi32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0:2 = chlo.top_k(%arg0, k = 3) : tensor<4x10xf32> -> (tensor<4x2xf32>, tensor<4x3xi32>)
  return
}

// -----

func.func @top_k_i64_indices(%arg0: tensor<4x10xf32>) {
  // expected-error @+1 {{result #1 must be ranked tensor of 32-bit signless integer values}}
  %0:2 = chlo.top_k(%arg0, k = 3) : tensor<4x10xf32> -> (tensor<4x3xf32>, tensor<4x3xi64>)
  return
}

// -----

func.func @broadcast_incompatible(%arg0: tensor<2x3xf32>, %arg1: tensor<4xf32>) {
  // expected-error @+2 {{operand shapes [2, 3] and [4] are not broadcast compatible}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_add %arg0, %arg1 : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @broadcast_dims_size(%arg0: tensor<2x3xf32>, %arg1: tensor<2xf32>) {
  // expected-error @+2 {{broadcast_dimensions has 2 entries but the lower-rank operand has rank 1}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_add %arg0, %arg1 {broadcast_dimensions = array<i64: 0, 1>} : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @broadcast_dims_range(%arg0: tensor<2x3xf32>, %arg1: tensor<2xf32>) {
  // expected-error @+2 {{broadcast_dimensions entry 2 is out of range [0, 2)}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_multiply %arg0, %arg1 {broadcast_dimensions = array<i64: 2>} : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @broadcast_dims_order(%arg0: tensor<2x3x4xf32>, %arg1: tensor<2x4xf32>) {
  // expected-error @+2 {{broadcast_dimensions must be strictly increasing}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_add %arg0, %arg1 {broadcast_dimensions = array<i64: 2, 0>} : (tensor<2x3x4xf32>, tensor<2x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @broadcast_dims_equal_rank(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) {
  // expected-error @+2 {{broadcast_dimensions must be the identity when operands have equal rank}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_add %arg0, %arg1 {broadcast_dimensions = array<i64: 1, 0>} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @broadcast_dims_mismatch(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) {
  // expected-error @+2 {{operand shapes [2, 3] and [3] are not broadcast compatible}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_add %arg0, %arg1 {broadcast_dimensions = array<i64: 0>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @broadcast_wrong_result(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) {
  // expected-error @+2 {{inferred type(s) 'tensor<2x3xf32>' are incompatible with return type(s) of operation 'tensor<3x3xf32>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_add %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3x3xf32>
  return
}

// -----

func.func @broadcast_element_type(%arg0: tensor<3xf32>) {
  // expected-error @+1 {{requires the same element type for all operands and results}}
  %0 = chlo.broadcast_add %arg0, %arg0 : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf16>
  return
}

// -----

func.func @broadcast_shift_float(%arg0: tensor<3xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of}}
  %0 = chlo.broadcast_shift_left %arg0, %arg0 : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @select_element_types(%arg0: tensor<3xi1>, %arg1: tensor<3xf32>, %arg2: tensor<3xi32>) {
  // expected-error @+1 {{expects on_true and on_false to have the same element type}}
  %0 = chlo.broadcast_select %arg0, %arg1, %arg2 : (tensor<3xi1>, tensor<3xf32>, tensor<3xi32>) -> tensor<3xf32>
  return
}

// -----

func.func @select_shapes(%arg0: tensor<2xi1>, %arg1: tensor<3xf32>, %arg2: tensor<3xf32>) {
  // expected-error @+2 {{operand shapes [2] and [3] are not broadcast compatible}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.broadcast_select %arg0, %arg1, %arg2 : (tensor<2xi1>, tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @complex_of_ints(%arg0: tensor<3xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 32-bit float or 64-bit float values}}
  %0 = chlo.broadcast_complex %arg0, %arg0 : (tensor<3xi32>, tensor<3xi32>) -> tensor<3xcomplex<f32>>
  return
}

// -----

func.func @compare_element_types(%arg0: tensor<3xf32>, %arg1: tensor<3xf16>) {
  // expected-error @+1 {{requires the same element type for all operands}}
  %0 = chlo.broadcast_compare %arg0, %arg1 {comparison_direction = #chlo<comparison_direction LT>} : (tensor<3xf32>, tensor<3xf16>) -> tensor<3xi1>
  return
}

// -----

func.func @compare_direction(%arg0: tensor<3xf32>) {
  // expected-error @+2 {{expected ::mlir::stablehlo::ComparisonDirection to be one of: EQ, NE, GE, GT, LE, LT}}
  // expected-error @+1 {{failed to parse CHLO_ComparisonDirectionAttr parameter 'value'}}
  %0 = chlo.broadcast_compare %arg0, %arg0 {comparison_direction = #chlo<comparison_direction LX>} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return
}

// -----

func.func @constant_like_type(%arg0: tensor<3xf32>) {
  // expected-error @+1 {{value type 'i32' must be the result element type 'f32'}}
  %0 = "chlo.constant_like"(%arg0) {value = 1 : i32} : (tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @constant_type() {
  // expected-error @+1 {{result type must match the type of the value}}
  %0 = "chlo.constant"() <{value = dense<1.0> : tensor<2xf32>}> : () -> tensor<3xf32>
  return
}

// -----

func.func @erf_of_int(%arg0: tensor<3xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of}}
  %0 = chlo.erf %arg0 : tensor<3xi32> -> tensor<3xi32>
  return
}

// -----

func.func @erf_shape(%arg0: tensor<3xf32>) {
  // expected-error @+1 {{all non-scalar operands/results must have the same shape and base type}}
  %0 = chlo.erf %arg0 : tensor<3xf32> -> tensor<4xf32>
  return
}

// -----

func.func @lgamma_result_type(%arg0: tensor<3xf32>) {
  // expected-error @+2 {{'chlo.lgamma' op inferred type(s) 'tensor<3xf32>' are incompatible with return type(s) of operation 'tensor<3xf16>'}}
  // expected-error @+1 {{failed to infer returned types}}
  %0 = chlo.lgamma %arg0 : tensor<3xf32> -> tensor<3xf16>
  return
}

// -----

func.func @is_inf_result(%arg0: tensor<3xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of pred (i1) values}}
  %0 = chlo.is_inf %arg0 : tensor<3xf32> -> tensor<3xf32>
  return
}

// -----

func.func @zeta_shapes(%arg0: tensor<3xf32>, %arg1: tensor<4xf32>) {
  // expected-error @+1 {{all non-scalar operands/results must have the same shape and base type}}
  %0 = chlo.zeta %arg0, %arg1 : tensor<3xf32>, tensor<4xf32> -> tensor<3xf32>
  return
}
