// Round trip of every stablehlo op: parse, print, parse the print again.
// Ops with a pretty form are written in it (the syntax JAX prints); the others in
// generic form.
// RUN: byteir-opt %s -split-input-file | FileCheck %s
// RUN: byteir-opt %s -split-input-file | byteir-opt -split-input-file | FileCheck %s
// RUN: byteir-opt %s -split-input-file -mlir-print-op-generic | byteir-opt -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @op_abs
// CHECK: stablehlo.abs %arg0 : tensor<4xf32>
func.func @op_abs(%arg0: tensor<4xf32>) {
  %0 = stablehlo.abs %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_cbrt
// CHECK: stablehlo.cbrt %arg0 : tensor<4xf32>
func.func @op_cbrt(%arg0: tensor<4xf32>) {
  %0 = stablehlo.cbrt %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_ceil
// CHECK: stablehlo.ceil %arg0 : tensor<4xf32>
func.func @op_ceil(%arg0: tensor<4xf32>) {
  %0 = stablehlo.ceil %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_count_leading_zeros
// CHECK: stablehlo.count_leading_zeros %arg0 : tensor<4xi32>
func.func @op_count_leading_zeros(%arg0: tensor<4xi32>) {
  %0 = stablehlo.count_leading_zeros %arg0 : tensor<4xi32>
  return
}

// -----

// CHECK-LABEL: func.func @op_cosine
// CHECK: stablehlo.cosine %arg0 : tensor<4xf32>
func.func @op_cosine(%arg0: tensor<4xf32>) {
  %0 = stablehlo.cosine %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_exponential
// CHECK: stablehlo.exponential %arg0 : tensor<4xf32>
func.func @op_exponential(%arg0: tensor<4xf32>) {
  %0 = stablehlo.exponential %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_exponential_minus_one
// CHECK: stablehlo.exponential_minus_one %arg0 : tensor<4xf32>
func.func @op_exponential_minus_one(%arg0: tensor<4xf32>) {
  %0 = stablehlo.exponential_minus_one %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_floor
// CHECK: stablehlo.floor %arg0 : tensor<4xf32>
func.func @op_floor(%arg0: tensor<4xf32>) {
  %0 = stablehlo.floor %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_log
// CHECK: stablehlo.log %arg0 : tensor<4xf32>
func.func @op_log(%arg0: tensor<4xf32>) {
  %0 = stablehlo.log %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_log_plus_one
// CHECK: stablehlo.log_plus_one %arg0 : tensor<4xf32>
func.func @op_log_plus_one(%arg0: tensor<4xf32>) {
  %0 = stablehlo.log_plus_one %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_logistic
// CHECK: stablehlo.logistic %arg0 : tensor<4xf32>
func.func @op_logistic(%arg0: tensor<4xf32>) {
  %0 = stablehlo.logistic %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_negate
// CHECK: stablehlo.negate %arg0 : tensor<4xi32>
func.func @op_negate(%arg0: tensor<4xi32>) {
  %0 = stablehlo.negate %arg0 : tensor<4xi32>
  return
}

// -----

// CHECK-LABEL: func.func @op_not
// CHECK: stablehlo.not %arg0 : tensor<4xi1>
func.func @op_not(%arg0: tensor<4xi1>) {
  %0 = stablehlo.not %arg0 : tensor<4xi1>
  return
}

// -----

// CHECK-LABEL: func.func @op_popcnt
// CHECK: stablehlo.popcnt %arg0 : tensor<4xi64>
func.func @op_popcnt(%arg0: tensor<4xi64>) {
  %0 = stablehlo.popcnt %arg0 : tensor<4xi64>
  return
}

// -----

// CHECK-LABEL: func.func @op_round_nearest_afz
// CHECK: stablehlo.round_nearest_afz %arg0 : tensor<4xf32>
func.func @op_round_nearest_afz(%arg0: tensor<4xf32>) {
  %0 = stablehlo.round_nearest_afz %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_round_nearest_even
// CHECK: stablehlo.round_nearest_even %arg0 : tensor<4xbf16>
func.func @op_round_nearest_even(%arg0: tensor<4xbf16>) {
  %0 = stablehlo.round_nearest_even %arg0 : tensor<4xbf16>
  return
}

// -----

// CHECK-LABEL: func.func @op_rsqrt
// CHECK: stablehlo.rsqrt %arg0 : tensor<4xf32>
func.func @op_rsqrt(%arg0: tensor<4xf32>) {
  %0 = stablehlo.rsqrt %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_sign
// CHECK: stablehlo.sign %arg0 : tensor<4xf32>
func.func @op_sign(%arg0: tensor<4xf32>) {
  %0 = stablehlo.sign %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_sine
// CHECK: stablehlo.sine %arg0 : tensor<4xf32>
func.func @op_sine(%arg0: tensor<4xf32>) {
  %0 = stablehlo.sine %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_sqrt
// CHECK: stablehlo.sqrt %arg0 : tensor<4xcomplex<f32>>
func.func @op_sqrt(%arg0: tensor<4xcomplex<f32>>) {
  %0 = stablehlo.sqrt %arg0 : tensor<4xcomplex<f32>>
  return
}

// -----

// CHECK-LABEL: func.func @op_tan
// CHECK: stablehlo.tan %arg0 : tensor<4xf32>
func.func @op_tan(%arg0: tensor<4xf32>) {
  %0 = stablehlo.tan %arg0 : tensor<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_tanh
// CHECK: stablehlo.tanh %arg0 : tensor<?xf16>
func.func @op_tanh(%arg0: tensor<?xf16>) {
  %0 = stablehlo.tanh %arg0 : tensor<?xf16>
  return
}

// -----

// CHECK-LABEL: func.func @op_add
// CHECK: stablehlo.add %arg0, %arg1 : tensor<2x3xf32>
func.func @op_add(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) {
  %0 = stablehlo.add %arg0, %arg1 : tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_atan2
// CHECK: stablehlo.atan2 %arg0, %arg1 : tensor<2x3xf32>
func.func @op_atan2(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) {
  %0 = stablehlo.atan2 %arg0, %arg1 : tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_divide
// CHECK: stablehlo.divide %arg0, %arg1 : tensor<2x3xi32>
func.func @op_divide(%arg0: tensor<2x3xi32>, %arg1: tensor<2x3xi32>) {
  %0 = stablehlo.divide %arg0, %arg1 : tensor<2x3xi32>
  return
}

// -----

// CHECK-LABEL: func.func @op_maximum
// CHECK: stablehlo.maximum %arg0, %arg1 : tensor<2x3xf32>
func.func @op_maximum(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) {
  %0 = stablehlo.maximum %arg0, %arg1 : tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_minimum
// CHECK: stablehlo.minimum %arg0, %arg1 : tensor<2x3xui8>
func.func @op_minimum(%arg0: tensor<2x3xui8>, %arg1: tensor<2x3xui8>) {
  %0 = stablehlo.minimum %arg0, %arg1 : tensor<2x3xui8>
  return
}

// -----

// CHECK-LABEL: func.func @op_multiply
// CHECK: stablehlo.multiply %arg0, %arg1 : tensor<2x3xf32>
func.func @op_multiply(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) {
  %0 = stablehlo.multiply %arg0, %arg1 : tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_power
// CHECK: stablehlo.power %arg0, %arg1 : tensor<2x3xf32>
func.func @op_power(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) {
  %0 = stablehlo.power %arg0, %arg1 : tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_remainder
// CHECK: stablehlo.remainder %arg0, %arg1 : tensor<2x3xi64>
func.func @op_remainder(%arg0: tensor<2x3xi64>, %arg1: tensor<2x3xi64>) {
  %0 = stablehlo.remainder %arg0, %arg1 : tensor<2x3xi64>
  return
}

// -----

// CHECK-LABEL: func.func @op_shift_left
// CHECK: stablehlo.shift_left %arg0, %arg1 : tensor<2x3xi32>
func.func @op_shift_left(%arg0: tensor<2x3xi32>, %arg1: tensor<2x3xi32>) {
  %0 = stablehlo.shift_left %arg0, %arg1 : tensor<2x3xi32>
  return
}

// -----

// CHECK-LABEL: func.func @op_shift_right_arithmetic
// CHECK: stablehlo.shift_right_arithmetic %arg0, %arg1 : tensor<2x3xi32>
func.func @op_shift_right_arithmetic(%arg0: tensor<2x3xi32>, %arg1: tensor<2x3xi32>) {
  %0 = stablehlo.shift_right_arithmetic %arg0, %arg1 : tensor<2x3xi32>
  return
}

// -----

// CHECK-LABEL: func.func @op_shift_right_logical
// CHECK: stablehlo.shift_right_logical %arg0, %arg1 : tensor<2x3xui32>
func.func @op_shift_right_logical(%arg0: tensor<2x3xui32>, %arg1: tensor<2x3xui32>) {
  %0 = stablehlo.shift_right_logical %arg0, %arg1 : tensor<2x3xui32>
  return
}

// -----

// CHECK-LABEL: func.func @op_subtract
// CHECK: stablehlo.subtract %arg0, %arg1 : tensor<2x?xf32>
func.func @op_subtract(%arg0: tensor<2x?xf32>, %arg1: tensor<2x?xf32>) {
  %0 = stablehlo.subtract %arg0, %arg1 : tensor<2x?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_and
// CHECK: stablehlo.and %arg0, %arg1 : tensor<2x3xi1>
func.func @op_and(%arg0: tensor<2x3xi1>, %arg1: tensor<2x3xi1>) {
  %0 = stablehlo.and %arg0, %arg1 : tensor<2x3xi1>
  return
}

// -----

// CHECK-LABEL: func.func @op_or
// CHECK: stablehlo.or %arg0, %arg1 : tensor<2x3xi8>
func.func @op_or(%arg0: tensor<2x3xi8>, %arg1: tensor<2x3xi8>) {
  %0 = stablehlo.or %arg0, %arg1 : tensor<2x3xi8>
  return
}

// -----

// CHECK-LABEL: func.func @op_xor
// CHECK: stablehlo.xor %arg0, %arg1 : tensor<2x3xi1>
func.func @op_xor(%arg0: tensor<2x3xi1>, %arg1: tensor<2x3xi1>) {
  %0 = stablehlo.xor %arg0, %arg1 : tensor<2x3xi1>
  return
}

// -----

// CHECK-LABEL: func.func @op_is_finite
// CHECK: stablehlo.is_finite %arg0 : (tensor<4xf32>) -> tensor<4xi1>
func.func @op_is_finite(%arg0: tensor<4xf32>) -> tensor<4xi1> {
  %0 = stablehlo.is_finite %arg0 : (tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @op_real_imag
// CHECK: stablehlo.real %arg0 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
// CHECK: stablehlo.imag %arg0 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
func.func @op_real_imag(%arg0: tensor<4xcomplex<f32>>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.real %arg0 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  %1 = stablehlo.imag %arg0 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_convert
// CHECK: stablehlo.convert %arg0 : (tensor<2x3xf32>) -> tensor<2x3xi32>
// CHECK: stablehlo.convert %arg1 : (tensor<?xi1>) -> tensor<?xf32>
// CHECK: stablehlo.convert %arg0 : tensor<2x3xf32>
func.func @op_convert(%arg0: tensor<2x3xf32>, %arg1: tensor<?xi1>) -> (tensor<2x3xi32>, tensor<?xf32>, tensor<2x3xf32>) {
  %0 = stablehlo.convert %arg0 : (tensor<2x3xf32>) -> tensor<2x3xi32>
  %1 = stablehlo.convert %arg1 : (tensor<?xi1>) -> tensor<?xf32>
  %2 = stablehlo.convert %arg0 : tensor<2x3xf32>
  return %0, %1, %2 : tensor<2x3xi32>, tensor<?xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_bitcast_convert
// CHECK: stablehlo.bitcast_convert %arg0 : (tensor<2xf32>) -> tensor<2xi32>
// CHECK: stablehlo.bitcast_convert %arg0 : (tensor<2xf32>) -> tensor<2x4xi8>
// CHECK: stablehlo.bitcast_convert %arg1 : (tensor<3x2xf16>) -> tensor<3xf32>
func.func @op_bitcast_convert(%arg0: tensor<2xf32>, %arg1: tensor<3x2xf16>) -> (tensor<2xi32>, tensor<2x4xi8>, tensor<3xf32>) {
  %0 = stablehlo.bitcast_convert %arg0 : (tensor<2xf32>) -> tensor<2xi32>
  %1 = stablehlo.bitcast_convert %arg0 : (tensor<2xf32>) -> tensor<2x4xi8>
  %2 = stablehlo.bitcast_convert %arg1 : (tensor<3x2xf16>) -> tensor<3xf32>
  return %0, %1, %2 : tensor<2xi32>, tensor<2x4xi8>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @op_reduce_precision
// CHECK: stablehlo.reduce_precision %arg0, format = e5m10 : tensor<4xf32>
func.func @op_reduce_precision(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.reduce_precision %arg0, format = e5m10 : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_complex
// CHECK: stablehlo.complex %arg0, %arg1 : tensor<4xcomplex<f32>>
func.func @op_complex(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>) -> tensor<4xcomplex<f32>> {
  %0 = stablehlo.complex %arg0, %arg1 : tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// -----

// CHECK-LABEL: func.func @op_compare
// CHECK: stablehlo.compare LT, %arg0, %arg1, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
// CHECK: stablehlo.compare GE, %arg2, %arg2, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
// CHECK: stablehlo.compare EQ, %arg0, %arg1, TOTALORDER : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
// CHECK: stablehlo.compare NE, %arg3, %arg3 : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
func.func @op_compare(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>, %arg2: tensor<i32>, %arg3: tensor<4xui8>) {
  %0 = stablehlo.compare LT, %arg0, %arg1, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.compare GE, %arg2, %arg2, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %2 = stablehlo.compare EQ, %arg0, %arg1, TOTALORDER : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %3 = stablehlo.compare NE, %arg3, %arg3 : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  return
}

// -----

// CHECK-LABEL: func.func @op_clamp
// CHECK: stablehlo.clamp %arg1, %arg0, %arg1 : (tensor<f32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK: stablehlo.clamp %arg0, %arg0, %arg0 : tensor<4xf32>
func.func @op_clamp(%arg0: tensor<4xf32>, %arg1: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.clamp %arg1, %arg0, %arg1 : (tensor<f32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = stablehlo.clamp %arg0, %arg0, %arg0 : tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_select
// CHECK: stablehlo.select %arg0, %arg2, %arg3 : tensor<2x3xi1>, tensor<2x3xf32>
// CHECK: stablehlo.select %arg1, %arg2, %arg3 : tensor<i1>, tensor<2x3xf32>
func.func @op_select(%arg0: tensor<2x3xi1>, %arg1: tensor<i1>, %arg2: tensor<2x3xf32>, %arg3: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = stablehlo.select %arg0, %arg2, %arg3 : tensor<2x3xi1>, tensor<2x3xf32>
  %1 = stablehlo.select %arg1, %arg2, %arg3 : tensor<i1>, tensor<2x3xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_map
// CHECK: "stablehlo.map"(%arg0, %arg1) <{dimensions = array<i64: 0, 1>}> ({
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>):
// CHECK-NEXT: %[[S:.*]] = stablehlo.add %[[A]], %[[B]] : tensor<f32>
// CHECK-NEXT: stablehlo.return %[[S]] : tensor<f32>
// CHECK-NEXT: }) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
func.func @op_map(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "stablehlo.map"(%arg0, %arg1) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_constant
// CHECK: stablehlo.constant dense<1.000000e+00> : tensor<2x3xf32>
// CHECK: stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
// CHECK: stablehlo.constant dense<true> : tensor<i1>
func.func @op_constant() -> (tensor<2x3xf32>, tensor<3xi32>, tensor<i1>) {
  %0 = stablehlo.constant dense<1.0> : tensor<2x3xf32>
  %1 = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %2 = stablehlo.constant dense<true> : tensor<i1>
  return %0, %1, %2 : tensor<2x3xf32>, tensor<3xi32>, tensor<i1>
}

// -----

// CHECK-LABEL: func.func @op_iota
// CHECK: stablehlo.iota dim = 1 : tensor<2x3xi32>
func.func @op_iota() -> tensor<2x3xi32> {
  %0 = stablehlo.iota dim = 1 : tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @op_dynamic_iota
// CHECK: stablehlo.dynamic_iota %arg0, dim = 0 : (tensor<2xi64>) -> tensor<?x4xf32>
func.func @op_dynamic_iota(%arg0: tensor<2xi64>) -> tensor<?x4xf32> {
  %0 = stablehlo.dynamic_iota %arg0, dim = 0 : (tensor<2xi64>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: func.func @op_broadcast_in_dim
// CHECK: stablehlo.broadcast_in_dim %arg0, dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: stablehlo.broadcast_in_dim %arg1, dims = [] : (tensor<f32>) -> tensor<2x3xf32>
// CHECK: stablehlo.broadcast_in_dim %arg2, dims = [0, 1] : (tensor<1x?xf32>) -> tensor<4x?xf32>
func.func @op_broadcast_in_dim(%arg0: tensor<3xf32>, %arg1: tensor<f32>, %arg2: tensor<1x?xf32>) {
  %0 = stablehlo.broadcast_in_dim %arg0, dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
  %1 = stablehlo.broadcast_in_dim %arg1, dims = [] : (tensor<f32>) -> tensor<2x3xf32>
  %2 = stablehlo.broadcast_in_dim %arg2, dims = [0, 1] : (tensor<1x?xf32>) -> tensor<4x?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_broadcast
// CHECK: stablehlo.broadcast %arg0, sizes = [2] : (tensor<3xf32>) -> tensor<2x3xf32>
func.func @op_broadcast(%arg0: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.broadcast %arg0, sizes = [2] : (tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_dynamic_broadcast_in_dim
// CHECK: stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [1] : (tensor<3xf32>, tensor<2xi64>) -> tensor<?x3xf32>
// CHECK: stablehlo.dynamic_broadcast_in_dim %arg2, %arg1, dims = [0, 1] {known_expanding_dimensions = array<i64: 0>, known_nonexpanding_dimensions = array<i64: 1>} : (tensor<1x3xf32>, tensor<2xi64>) -> tensor<?x3xf32>
func.func @op_dynamic_broadcast_in_dim(%arg0: tensor<3xf32>, %arg1: tensor<2xi64>, %arg2: tensor<1x3xf32>) {
  %0 = stablehlo.dynamic_broadcast_in_dim %arg0, %arg1, dims = [1] : (tensor<3xf32>, tensor<2xi64>) -> tensor<?x3xf32>
  %1 = stablehlo.dynamic_broadcast_in_dim %arg2, %arg1, dims = [0, 1] {known_expanding_dimensions = array<i64: 0>, known_nonexpanding_dimensions = array<i64: 1>} : (tensor<1x3xf32>, tensor<2xi64>) -> tensor<?x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_reshape
// CHECK: stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<6xf32>
// CHECK: stablehlo.reshape %arg1 : (tensor<f32>) -> tensor<1x1xf32>
func.func @op_reshape(%arg0: tensor<2x3xf32>, %arg1: tensor<f32>) -> (tensor<6xf32>, tensor<1x1xf32>) {
  %0 = stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<6xf32>
  %1 = stablehlo.reshape %arg1 : (tensor<f32>) -> tensor<1x1xf32>
  return %0, %1 : tensor<6xf32>, tensor<1x1xf32>
}

// -----

// CHECK-LABEL: func.func @op_dynamic_reshape
// CHECK: stablehlo.dynamic_reshape %arg0, %arg1 : (tensor<?x3xf32>, tensor<2xi32>) -> tensor<3x?xf32>
func.func @op_dynamic_reshape(%arg0: tensor<?x3xf32>, %arg1: tensor<2xi32>) -> tensor<3x?xf32> {
  %0 = stablehlo.dynamic_reshape %arg0, %arg1 : (tensor<?x3xf32>, tensor<2xi32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// -----

// CHECK-LABEL: func.func @op_transpose
// CHECK: stablehlo.transpose %arg0, dims = [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
func.func @op_transpose(%arg0: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = stablehlo.transpose %arg0, dims = [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_reverse
// CHECK: stablehlo.reverse %arg0, dims = [0, 1] : tensor<2x3xf32>
func.func @op_reverse(%arg0: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.reverse %arg0, dims = [0, 1] : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_concatenate
// CHECK: stablehlo.concatenate %arg0, %arg1, dim = 0 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
func.func @op_concatenate(%arg0: tensor<2x3xf32>, %arg1: tensor<1x3xf32>) -> tensor<3x3xf32> {
  %0 = stablehlo.concatenate %arg0, %arg1, dim = 0 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_slice
// CHECK: stablehlo.slice %arg0 [1:3, 0:4:2] : (tensor<4x4xf32>) -> tensor<2x2xf32>
func.func @op_slice(%arg0: tensor<4x4xf32>) -> tensor<2x2xf32> {
  %0 = stablehlo.slice %arg0 [1:3, 0:4:2] : (tensor<4x4xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @op_dynamic_slice
// CHECK: stablehlo.dynamic_slice %arg0, %arg1, %arg1, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
func.func @op_dynamic_slice(%arg0: tensor<4x4xf32>, %arg1: tensor<i32>) -> tensor<2x2xf32> {
  %0 = stablehlo.dynamic_slice %arg0, %arg1, %arg1, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @op_dynamic_update_slice
// CHECK: stablehlo.dynamic_update_slice %arg0, %arg1, %arg2, %arg2 : (tensor<4x4xf32>, tensor<2x2xf32>, tensor<i64>, tensor<i64>) -> tensor<4x4xf32>
func.func @op_dynamic_update_slice(%arg0: tensor<4x4xf32>, %arg1: tensor<2x2xf32>, %arg2: tensor<i64>) -> tensor<4x4xf32> {
  %0 = stablehlo.dynamic_update_slice %arg0, %arg1, %arg2, %arg2 : (tensor<4x4xf32>, tensor<2x2xf32>, tensor<i64>, tensor<i64>) -> tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}

// -----

// CHECK-LABEL: func.func @op_real_dynamic_slice
// CHECK: stablehlo.real_dynamic_slice %arg0, %arg1, %arg1, %arg1 : (tensor<?x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
func.func @op_real_dynamic_slice(%arg0: tensor<?x4xf32>, %arg1: tensor<2xi64>) -> tensor<?x?xf32> {
  %0 = stablehlo.real_dynamic_slice %arg0, %arg1, %arg1, %arg1 : (tensor<?x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @op_pad
// CHECK: stablehlo.pad %arg0, %arg1, low = [1, 0], high = [0, 2], interior = [0, 1] : (tensor<4x6xf32>, tensor<f32>) -> tensor<5x13xf32>
func.func @op_pad(%arg0: tensor<4x6xf32>, %arg1: tensor<f32>) -> tensor<5x13xf32> {
  %0 = stablehlo.pad %arg0, %arg1, low = [1, 0], high = [0, 2], interior = [0, 1] : (tensor<4x6xf32>, tensor<f32>) -> tensor<5x13xf32>
  return %0 : tensor<5x13xf32>
}

// -----

// CHECK-LABEL: func.func @op_dynamic_pad
// CHECK: stablehlo.dynamic_pad %arg0, %arg1, %arg2, %arg2, %arg2 : (tensor<?xf32>, tensor<f32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
func.func @op_dynamic_pad(%arg0: tensor<?xf32>, %arg1: tensor<f32>, %arg2: tensor<1xi64>) -> tensor<?xf32> {
  %0 = stablehlo.dynamic_pad %arg0, %arg1, %arg2, %arg2, %arg2 : (tensor<?xf32>, tensor<f32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @op_get_dimension_size
// CHECK: stablehlo.get_dimension_size %arg0, dim = 1 : (tensor<4x?xf32>) -> tensor<i32>
func.func @op_get_dimension_size(%arg0: tensor<4x?xf32>) -> tensor<i32> {
  %0 = stablehlo.get_dimension_size %arg0, dim = 1 : (tensor<4x?xf32>) -> tensor<i32>
  return %0 : tensor<i32>
}

// -----

// CHECK-LABEL: func.func @op_gather
// CHECK: "stablehlo.gather"(%arg0, %arg1) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>}> : (tensor<50x16xf32>, tensor<4x7x1xi32>) -> tensor<4x7x16xf32>
func.func @op_gather(%arg0: tensor<50x16xf32>, %arg1: tensor<4x7x1xi32>) -> tensor<4x7x16xf32> {
  %0 = "stablehlo.gather"(%arg0, %arg1) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>}> : (tensor<50x16xf32>, tensor<4x7x1xi32>) -> tensor<4x7x16xf32>
  return %0 : tensor<4x7x16xf32>
}

// -----

// CHECK-LABEL: func.func @op_gather_batching
// CHECK: "stablehlo.gather"(%arg0, %arg1) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, indices_are_sorted = true, slice_sizes = array<i64: 1, 1, 8>}> : (tensor<3x10x8xf32>, tensor<3x5x1xi64>) -> tensor<3x5x8xf32>
func.func @op_gather_batching(%arg0: tensor<3x10x8xf32>, %arg1: tensor<3x5x1xi64>) -> tensor<3x5x8xf32> {
  %0 = "stablehlo.gather"(%arg0, %arg1) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, indices_are_sorted = true, slice_sizes = array<i64: 1, 1, 8>}> : (tensor<3x10x8xf32>, tensor<3x5x1xi64>) -> tensor<3x5x8xf32>
  return %0 : tensor<3x5x8xf32>
}

// -----

// CHECK-LABEL: func.func @op_dynamic_gather
// CHECK: "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>}> : (tensor<50x16xf32>, tensor<4x7x1xi32>, tensor<2xi32>) -> tensor<4x7x16xf32>
func.func @op_dynamic_gather(%arg0: tensor<50x16xf32>, %arg1: tensor<4x7x1xi32>, %arg2: tensor<2xi32>) -> tensor<4x7x16xf32> {
  %0 = "stablehlo.dynamic_gather"(%arg0, %arg1, %arg2) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>}> : (tensor<50x16xf32>, tensor<4x7x1xi32>, tensor<2xi32>) -> tensor<4x7x16xf32>
  return %0 : tensor<4x7x16xf32>
}

// -----

// CHECK-LABEL: func.func @op_scatter
// CHECK: "stablehlo.scatter"(%arg0, %arg1, %arg2) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>):
// CHECK-NEXT: %[[S:.*]] = stablehlo.add %[[A]], %[[B]] : tensor<f32>
// CHECK-NEXT: stablehlo.return %[[S]] : tensor<f32>
// CHECK-NEXT: }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
func.func @op_scatter(%arg0: tensor<10x3xf32>, %arg1: tensor<6x1xi32>, %arg2: tensor<6x3xf32>) -> tensor<10x3xf32> {
  %0 = "stablehlo.scatter"(%arg0, %arg1, %arg2) <{indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

// Two inputs with input/scatter-indices batching dimensions; no window dimensions.
// CHECK-LABEL: func.func @op_scatter_variadic
// CHECK: "stablehlo.scatter"(%arg0, %arg1, %arg2, %arg3, %arg4)
// CHECK-SAME: input_batching_dims = [0], scatter_indices_batching_dims = [0]
// CHECK: (tensor<2x5xf32>, tensor<2x5xi32>, tensor<2x3x1xi64>, tensor<2x3xf32>, tensor<2x3xi32>) -> (tensor<2x5xf32>, tensor<2x5xi32>)
func.func @op_scatter_variadic(%arg0: tensor<2x5xf32>, %arg1: tensor<2x5xi32>, %arg2: tensor<2x3x1xi64>, %arg3: tensor<2x3xf32>, %arg4: tensor<2x3xi32>) -> (tensor<2x5xf32>, tensor<2x5xi32>) {
  %0:2 = "stablehlo.scatter"(%arg0, %arg1, %arg2, %arg3, %arg4) <{scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [1], input_batching_dims = [0], scatter_indices_batching_dims = [0], scatter_dims_to_operand_dims = [1], index_vector_dim = 2>, unique_indices = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<i32>, %c: tensor<f32>, %d: tensor<i32>):
    stablehlo.return %c, %d : tensor<f32>, tensor<i32>
  }) : (tensor<2x5xf32>, tensor<2x5xi32>, tensor<2x3x1xi64>, tensor<2x3xf32>, tensor<2x3xi32>) -> (tensor<2x5xf32>, tensor<2x5xi32>)
  return %0#0, %0#1 : tensor<2x5xf32>, tensor<2x5xi32>
}

// -----

// CHECK-LABEL: func.func @op_sort
// CHECK: "stablehlo.sort"(%arg0, %arg1) <{dimension = 1 : i64, is_stable = true}> ({
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>, %{{.*}}: tensor<i32>, %{{.*}}: tensor<i32>):
// CHECK-NEXT: %[[C:.*]] = stablehlo.compare GT, %[[A]], %[[B]], FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
// CHECK-NEXT: stablehlo.return %[[C]] : tensor<i1>
// CHECK-NEXT: }) : (tensor<4x10xf32>, tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>)
func.func @op_sort(%arg0: tensor<4x10xf32>, %arg1: tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>) {
  %0:2 = "stablehlo.sort"(%arg0, %arg1) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<i32>, %d: tensor<i32>):
    %1 = stablehlo.compare GT, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  }) : (tensor<4x10xf32>, tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>)
  return %0#0, %0#1 : tensor<4x10xf32>, tensor<4x10xi32>
}

// -----

// CHECK-LABEL: func.func @op_dot
// CHECK: stablehlo.dot %arg0, %arg1 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK: stablehlo.dot %arg0, %arg2, precision = [HIGH, HIGHEST] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
func.func @op_dot(%arg0: tensor<2x3xf32>, %arg1: tensor<3x4xf32>, %arg2: tensor<3xf32>) -> (tensor<2x4xf32>, tensor<2xf32>) {
  %0 = stablehlo.dot %arg0, %arg1 : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = stablehlo.dot %arg0, %arg2, precision = [HIGH, HIGHEST] : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @op_dot_general
// CHECK: stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, DEFAULT] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
// CHECK: stablehlo.dot_general %arg2, %arg3, contracting_dims = [1] x [0] : (tensor<8x64xf32>, tensor<64x?xf32>) -> tensor<8x?xf32>
// CHECK: stablehlo.dot_general %arg2, %arg3, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = tf32, rhs_precision_type = tf32, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 1, allow_imprecise_accumulation = false> : (tensor<8x64xf32>, tensor<64x?xf32>) -> tensor<8x?xf32>
func.func @op_dot_general(%arg0: tensor<3x5x7xf32>, %arg1: tensor<3x7x2xf32>, %arg2: tensor<8x64xf32>, %arg3: tensor<64x?xf32>) {
  %0 = stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, DEFAULT] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  %1 = stablehlo.dot_general %arg2, %arg3, contracting_dims = [1] x [0] : (tensor<8x64xf32>, tensor<64x?xf32>) -> tensor<8x?xf32>
  %2 = stablehlo.dot_general %arg2, %arg3, contracting_dims = [1] x [0], algorithm = <lhs_precision_type = tf32, rhs_precision_type = tf32, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 1, allow_imprecise_accumulation = false> : (tensor<8x64xf32>, tensor<64x?xf32>) -> tensor<8x?xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_einsum
// CHECK: stablehlo.einsum %arg0, %arg1, config = "ab,bc->ac" : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK: stablehlo.unary_einsum %arg0, config = "ab->ba" : (tensor<2x3xf32>) -> tensor<3x2xf32>
func.func @op_einsum(%arg0: tensor<2x3xf32>, %arg1: tensor<3x4xf32>) -> (tensor<2x4xf32>, tensor<3x2xf32>) {
  %0 = stablehlo.einsum %arg0, %arg1, config = "ab,bc->ac" : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = stablehlo.unary_einsum %arg0, config = "ab->ba" : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @op_convolution
// CHECK: stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = {{\[}}[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x16x16x16xf32>
func.func @op_convolution(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>) -> tensor<2x16x16x16xf32> {
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]], lhs_dilate = [1, 1], rhs_dilate = [1, 1], reverse = [false, false]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x16x16x16xf32>
  return %0 : tensor<2x16x16x16xf32>
}

// -----

// Grouped, strided, dilated NCHW convolution with an empty window attribute list.
// CHECK-LABEL: func.func @op_convolution_grouped
// CHECK: stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [2, 2], rhs_dilate = [2, 1]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x4x9x9xf32>, tensor<6x2x2x3xf32>) -> tensor<1x6x4x4xf32>
// CHECK: stablehlo.convolution(%arg0, %arg2) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x9x9xf32>, tensor<3x4x1x1xf32>) -> tensor<1x3x9x9xf32>
func.func @op_convolution_grouped(%arg0: tensor<1x4x9x9xf32>, %arg1: tensor<6x2x2x3xf32>, %arg2: tensor<3x4x1x1xf32>) {
  %0 = stablehlo.convolution(%arg0, %arg1) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [2, 2], rhs_dilate = [2, 1]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x4x9x9xf32>, tensor<6x2x2x3xf32>) -> tensor<1x6x4x4xf32>
  %1 = stablehlo.convolution(%arg0, %arg2) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x9x9xf32>, tensor<3x4x1x1xf32>) -> tensor<1x3x9x9xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_dynamic_conv
// CHECK: "stablehlo.dynamic_conv"(%arg0, %arg1, %arg2)
// CHECK-SAME: dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>
// CHECK-SAME: (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>, tensor<2x2xi64>) -> tensor<2x?x?x16xf32>
func.func @op_dynamic_conv(%arg0: tensor<2x16x16x8xf32>, %arg1: tensor<3x3x8x16xf32>, %arg2: tensor<2x2xi64>) -> tensor<2x?x?x16xf32> {
  %0 = "stablehlo.dynamic_conv"(%arg0, %arg1, %arg2) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, window_strides = array<i64: 1, 1>}> : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>, tensor<2x2xi64>) -> tensor<2x?x?x16xf32>
  return %0 : tensor<2x?x?x16xf32>
}

// -----

// CHECK-LABEL: func.func @op_torch_index_select
// CHECK: "stablehlo.torch_index_select"(%arg0, %arg1) <{batch_dims = 0 : i64, dim = 0 : i64}> : (tensor<5x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
func.func @op_torch_index_select(%arg0: tensor<5x3xf32>, %arg1: tensor<2xi32>) -> tensor<2x3xf32> {
  %0 = "stablehlo.torch_index_select"(%arg0, %arg1) <{batch_dims = 0 : i64, dim = 0 : i64}> : (tensor<5x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_reduce
// CHECK: stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
// CHECK: stablehlo.reduce(%arg2 init: %arg3) applies stablehlo.and across dimensions = [0, 1] : (tensor<4x?xi1>, tensor<i1>) -> tensor<i1>
func.func @op_reduce(%arg0: tensor<4x8xf32>, %arg1: tensor<f32>, %arg2: tensor<4x?xi1>, %arg3: tensor<i1>) -> (tensor<4xf32>, tensor<i1>) {
  %0 = stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = stablehlo.reduce(%arg2 init: %arg3) applies stablehlo.and across dimensions = [0, 1] : (tensor<4x?xi1>, tensor<i1>) -> tensor<i1>
  return %0, %1 : tensor<4xf32>, tensor<i1>
}

// -----

// Variadic reduce (argmax) written in generic form, as JAX prints it.
// CHECK-LABEL: func.func @op_reduce_variadic
// CHECK: stablehlo.reduce(%arg0 init: %arg2), (%arg1 init: %arg3) across dimensions = [1] : (tensor<4x8xf32>, tensor<4x8xi32>, tensor<f32>, tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>)
// CHECK: reducer(%[[A:.*]]: tensor<f32>, %[[C:.*]]: tensor<f32>) (%[[B:.*]]: tensor<i32>, %[[D:.*]]: tensor<i32>)
// CHECK: stablehlo.compare GT, %[[A]], %[[C]], FLOAT
// CHECK: stablehlo.return %{{.*}}, %{{.*}} : tensor<f32>, tensor<i32>
func.func @op_reduce_variadic(%arg0: tensor<4x8xf32>, %arg1: tensor<4x8xi32>, %arg2: tensor<f32>, %arg3: tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0:2 = "stablehlo.reduce"(%arg0, %arg1, %arg2, %arg3) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<i32>, %c: tensor<f32>, %d: tensor<i32>):
    %1 = stablehlo.compare GT, %a, %c, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %2 = stablehlo.select %1, %a, %c : tensor<i1>, tensor<f32>
    %3 = stablehlo.select %1, %b, %d : tensor<i1>, tensor<i32>
    stablehlo.return %2, %3 : tensor<f32>, tensor<i32>
  }) : (tensor<4x8xf32>, tensor<4x8xi32>, tensor<f32>, tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @op_reduce_window
// CHECK: "stablehlo.reduce_window"(%arg0, %arg1) <{base_dilations = array<i64: 1, 1>, padding = dense<{{\[}}[0, 0], [32, 0]]> : tensor<2x2xi64>, window_dilations = array<i64: 1, 1>, window_dimensions = array<i64: 1, 33>, window_strides = array<i64: 1, 1>}> ({
// CHECK: }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
// CHECK: "stablehlo.reduce_window"(%arg0, %arg1) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}>
// CHECK: }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<3x16xf32>
func.func @op_reduce_window(%arg0: tensor<6x33xf32>, %arg1: tensor<f32>) -> (tensor<6x33xf32>, tensor<3x16xf32>) {
  %0 = "stablehlo.reduce_window"(%arg0, %arg1) <{base_dilations = array<i64: 1, 1>, padding = dense<[[0, 0], [32, 0]]> : tensor<2x2xi64>, window_dilations = array<i64: 1, 1>, window_dimensions = array<i64: 1, 33>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %2 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %2 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  %1 = "stablehlo.reduce_window"(%arg0, %arg1) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %2 = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %2 : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<3x16xf32>
  return %0, %1 : tensor<6x33xf32>, tensor<3x16xf32>
}

// -----

// CHECK-LABEL: func.func @op_select_and_scatter
// CHECK: "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{padding = dense<0> : tensor<2x2xi64>, window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
// CHECK: stablehlo.compare GE
// CHECK: }, {
// CHECK: stablehlo.add
// CHECK: }) : (tensor<4x6xf32>, tensor<2x3xf32>, tensor<f32>) -> tensor<4x6xf32>
func.func @op_select_and_scatter(%arg0: tensor<4x6xf32>, %arg1: tensor<2x3xf32>, %arg2: tensor<f32>) -> tensor<4x6xf32> {
  %0 = "stablehlo.select_and_scatter"(%arg0, %arg1, %arg2) <{padding = dense<0> : tensor<2x2xi64>, window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
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

// CHECK-LABEL: func.func @op_if
// CHECK: "stablehlo.if"(%arg0) ({
// CHECK-NEXT: stablehlo.return %arg1 : tensor<4xf32>
// CHECK-NEXT: }, {
// CHECK-NEXT: %[[N:.*]] = stablehlo.negate %arg1 : tensor<4xf32>
// CHECK-NEXT: stablehlo.return %[[N]] : tensor<4xf32>
// CHECK-NEXT: }) : (tensor<i1>) -> tensor<4xf32>
func.func @op_if(%arg0: tensor<i1>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.if"(%arg0) ({
    stablehlo.return %arg1 : tensor<4xf32>
  }, {
    %1 = stablehlo.negate %arg1 : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_case
// CHECK: "stablehlo.case"(%arg0) ({
// CHECK-NEXT: stablehlo.return %arg1 : tensor<7xf32>
// CHECK-NEXT: }, {
// CHECK-NEXT: stablehlo.negate
// CHECK-NEXT: stablehlo.return
// CHECK-NEXT: }, {
// CHECK-NEXT: stablehlo.abs
// CHECK-NEXT: stablehlo.return
// CHECK-NEXT: }) : (tensor<i32>) -> tensor<7xf32>
func.func @op_case(%arg0: tensor<i32>, %arg1: tensor<7xf32>) -> tensor<7xf32> {
  %0 = "stablehlo.case"(%arg0) ({
    stablehlo.return %arg1 : tensor<7xf32>
  }, {
    %1 = stablehlo.negate %arg1 : tensor<7xf32>
    stablehlo.return %1 : tensor<7xf32>
  }, {
    %1 = stablehlo.abs %arg1 : tensor<7xf32>
    stablehlo.return %1 : tensor<7xf32>
  }) : (tensor<i32>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}

// -----

// CHECK-LABEL: func.func @op_while
// CHECK: %[[W:.*]]:2 = stablehlo.while(%[[I:.*]] = %arg0, %[[X:.*]] = %arg1) : tensor<i32>, tensor<10xf32>
// CHECK-NEXT: cond {
// CHECK-NEXT: %[[C:.*]] = stablehlo.constant dense<5> : tensor<i32>
// CHECK-NEXT: %[[P:.*]] = stablehlo.compare LT, %[[I]], %[[C]], SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
// CHECK-NEXT: stablehlo.return %[[P]] : tensor<i1>
// CHECK-NEXT: } do {
// CHECK-NEXT: %[[S:.*]] = stablehlo.sine %[[X]] : tensor<10xf32>
// CHECK-NEXT: stablehlo.return %[[I]], %[[S]] : tensor<i32>, tensor<10xf32>
// CHECK-NEXT: }
func.func @op_while(%arg0: tensor<i32>, %arg1: tensor<10xf32>) -> tensor<10xf32> {
  %0:2 = stablehlo.while(%iterArg = %arg0, %iterArg_0 = %arg1) : tensor<i32>, tensor<10xf32>
  cond {
    %c = stablehlo.constant dense<5> : tensor<i32>
    %1 = stablehlo.compare LT, %iterArg, %c, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  } do {
    %1 = stablehlo.sine %iterArg_0 : tensor<10xf32>
    stablehlo.return %iterArg, %1 : tensor<i32>, tensor<10xf32>
  }
  return %0#1 : tensor<10xf32>
}

// -----

// CHECK-LABEL: func.func @op_optimization_barrier
// CHECK: stablehlo.optimization_barrier %arg0, %arg1 : tensor<f32>, tensor<4xi32>
func.func @op_optimization_barrier(%arg0: tensor<f32>, %arg1: tensor<4xi32>) -> (tensor<f32>, tensor<4xi32>) {
  %0:2 = stablehlo.optimization_barrier %arg0, %arg1 : tensor<f32>, tensor<4xi32>
  return %0#0, %0#1 : tensor<f32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @op_composite
// CHECK: stablehlo.composite "my.gelu" %arg0 {composite_attributes = {approximate = true}, decomposition = @gelu_impl} : (tensor<4xf32>) -> tensor<4xf32>
func.func @op_composite(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.composite "my.gelu" %arg0 {composite_attributes = {approximate = true}, decomposition = @gelu_impl} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @gelu_impl(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  return %arg0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_custom_call
// CHECK: stablehlo.custom_call @byteir.softmax(%arg0) {byteir_attrs = {axis = 1 : i64}} : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK: stablehlo.custom_call @foo(%arg0, %arg1) {backend_config = "cfg", has_side_effect = true} : (tensor<2x8xf32>, !stablehlo.token) -> (tensor<2x8xf32>, !stablehlo.token)
// CHECK: stablehlo.custom_call @bar(%arg0) {api_version = 4 : i32, backend_config = {k = 1 : i64}
// CHECK-SAME: operand_layouts = [dense<[1, 0]> : tensor<2xindex>], output_operand_aliases = [#stablehlo.output_operand_alias<output_tuple_indices = [], operand_index = 0, operand_tuple_indices = []>], result_layouts = [dense<[0, 1]> : tensor<2xindex>]
func.func @op_custom_call(%arg0: tensor<2x8xf32>, %arg1: !stablehlo.token) {
  %0 = stablehlo.custom_call @byteir.softmax(%arg0) {byteir_attrs = {axis = 1 : i64}} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %1:2 = stablehlo.custom_call @foo(%arg0, %arg1) {backend_config = "cfg", has_side_effect = true} : (tensor<2x8xf32>, !stablehlo.token) -> (tensor<2x8xf32>, !stablehlo.token)
  %2 = stablehlo.custom_call @bar(%arg0) {api_version = 4 : i32, backend_config = {k = 1 : i64}, operand_layouts = [dense<[1, 0]> : tensor<2xindex>], output_operand_aliases = [#stablehlo.output_operand_alias<output_tuple_indices = [], operand_index = 0, operand_tuple_indices = []>], result_layouts = [dense<[0, 1]> : tensor<2xindex>]} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// CHECK-LABEL: func.func @op_tuple
// CHECK: %[[T:.*]] = stablehlo.tuple %arg0, %arg1 : tuple<tensor<f32>, tensor<4xi32>>
// CHECK: stablehlo.get_tuple_element %[[T]][1] : (tuple<tensor<f32>, tensor<4xi32>>) -> tensor<4xi32>
func.func @op_tuple(%arg0: tensor<f32>, %arg1: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.tuple %arg0, %arg1 : tuple<tensor<f32>, tensor<4xi32>>
  %1 = stablehlo.get_tuple_element %0[1] : (tuple<tensor<f32>, tensor<4xi32>>) -> tensor<4xi32>
  return %1 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @op_tokens
// CHECK: %[[T:.*]] = stablehlo.create_token : !stablehlo.token
// CHECK: stablehlo.after_all %[[T]], %arg0 : !stablehlo.token
// CHECK: stablehlo.after_all : !stablehlo.token
func.func @op_tokens(%arg0: !stablehlo.token) -> !stablehlo.token {
  %0 = stablehlo.create_token : !stablehlo.token
  %1 = stablehlo.after_all %0, %arg0 : !stablehlo.token
  %2 = stablehlo.after_all : !stablehlo.token
  return %1 : !stablehlo.token
}

// -----

// CHECK-LABEL: func.func @op_infeed_outfeed
// CHECK: "stablehlo.infeed"(%arg0) <{infeed_config = "cfg", layout = {{\[}}[1, 0]]}> : (!stablehlo.token) -> (tensor<2x3xf32>, !stablehlo.token)
// CHECK: "stablehlo.outfeed"(%{{.*}}, %{{.*}}) <{outfeed_config = "cfg"}> : (tensor<2x3xf32>, !stablehlo.token) -> !stablehlo.token
func.func @op_infeed_outfeed(%arg0: !stablehlo.token) -> !stablehlo.token {
  %0:2 = "stablehlo.infeed"(%arg0) <{infeed_config = "cfg", layout = [[1, 0]]}> : (!stablehlo.token) -> (tensor<2x3xf32>, !stablehlo.token)
  %1 = "stablehlo.outfeed"(%0#0, %0#1) <{outfeed_config = "cfg"}> : (tensor<2x3xf32>, !stablehlo.token) -> !stablehlo.token
  return %1 : !stablehlo.token
}

// -----

// CHECK-LABEL: func.func @op_send_recv
// CHECK: "stablehlo.send"(%arg0, %arg1) <{channel_handle = #stablehlo.channel_handle<handle = 1, type = 2>, is_host_transfer = true}> : (tensor<4xf32>, !stablehlo.token) -> !stablehlo.token
// CHECK: "stablehlo.recv"(%{{.*}}) <{channel_handle = #stablehlo.channel_handle<handle = 2, type = 3>, is_host_transfer = true}> : (!stablehlo.token) -> (tensor<4xf32>, !stablehlo.token)
// CHECK: "stablehlo.recv"(%arg1) <{channel_handle = #stablehlo.channel_handle<handle = 3, type = 1>}> : (!stablehlo.token) -> !stablehlo.token
func.func @op_send_recv(%arg0: tensor<4xf32>, %arg1: !stablehlo.token) {
  %0 = "stablehlo.send"(%arg0, %arg1) <{channel_handle = #stablehlo.channel_handle<handle = 1, type = 2>, is_host_transfer = true}> : (tensor<4xf32>, !stablehlo.token) -> !stablehlo.token
  %1:2 = "stablehlo.recv"(%0) <{channel_handle = #stablehlo.channel_handle<handle = 2, type = 3>, is_host_transfer = true}> : (!stablehlo.token) -> (tensor<4xf32>, !stablehlo.token)
  %2 = "stablehlo.recv"(%arg1) <{channel_handle = #stablehlo.channel_handle<handle = 3, type = 1>}> : (!stablehlo.token) -> !stablehlo.token
  return
}

// -----

// CHECK-LABEL: func.func @op_ids
// CHECK: stablehlo.replica_id : tensor<ui32>
// CHECK: stablehlo.partition_id : tensor<ui32>
func.func @op_ids() -> (tensor<ui32>, tensor<ui32>) {
  %0 = stablehlo.replica_id : tensor<ui32>
  %1 = stablehlo.partition_id : tensor<ui32>
  return %0, %1 : tensor<ui32>, tensor<ui32>
}

// -----

// CHECK-LABEL: func.func @op_all_gather
// CHECK: "stablehlo.all_gather"(%arg0) <{all_gather_dim = 1 : i64, channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, replica_groups = dense<{{\[}}[0, 1], [2, 3]]> : tensor<2x2xi64>, use_global_device_ids}> : (tensor<2x4xf32>) -> tensor<2x8xf32>
func.func @op_all_gather(%arg0: tensor<2x4xf32>) -> tensor<2x8xf32> {
  %0 = "stablehlo.all_gather"(%arg0) <{all_gather_dim = 1 : i64, channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, replica_groups = dense<[[0, 1], [2, 3]]> : tensor<2x2xi64>, use_global_device_ids}> : (tensor<2x4xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// CHECK-LABEL: func.func @op_all_reduce
// CHECK: "stablehlo.all_reduce"(%arg0, %arg1) <{replica_groups = dense<{{\[}}[0, 1]]> : tensor<1x2xi64>}> ({
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>):
// CHECK-NEXT: %[[S:.*]] = stablehlo.add %[[A]], %[[B]] : tensor<f32>
// CHECK-NEXT: stablehlo.return %[[S]] : tensor<f32>
// CHECK-NEXT: }) : (tensor<4xf32>, tensor<2x2xf32>) -> (tensor<4xf32>, tensor<2x2xf32>)
func.func @op_all_reduce(%arg0: tensor<4xf32>, %arg1: tensor<2x2xf32>) -> (tensor<4xf32>, tensor<2x2xf32>) {
  %0:2 = "stablehlo.all_reduce"(%arg0, %arg1) <{replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<4xf32>, tensor<2x2xf32>) -> (tensor<4xf32>, tensor<2x2xf32>)
  return %0#0, %0#1 : tensor<4xf32>, tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @op_reduce_scatter
// CHECK: "stablehlo.reduce_scatter"(%arg0) <{replica_groups = dense<{{\[}}[0, 1, 2, 3]]> : tensor<1x4xi64>, scatter_dimension = 0 : i64}> ({
// CHECK: }) : (tensor<8x2xf32>) -> tensor<2x2xf32>
func.func @op_reduce_scatter(%arg0: tensor<8x2xf32>) -> tensor<2x2xf32> {
  %0 = "stablehlo.reduce_scatter"(%arg0) <{replica_groups = dense<[[0, 1, 2, 3]]> : tensor<1x4xi64>, scatter_dimension = 0 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %1 = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %1 : tensor<f32>
  }) : (tensor<8x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @op_all_to_all
// CHECK: "stablehlo.all_to_all"(%arg0) <{concat_dimension = 0 : i64, replica_groups = dense<{{\[}}[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64, split_dimension = 1 : i64}> : (tensor<4x4xf32>) -> tensor<8x2xf32>
func.func @op_all_to_all(%arg0: tensor<4x4xf32>) -> tensor<8x2xf32> {
  %0 = "stablehlo.all_to_all"(%arg0) <{concat_dimension = 0 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>, split_count = 2 : i64, split_dimension = 1 : i64}> : (tensor<4x4xf32>) -> tensor<8x2xf32>
  return %0 : tensor<8x2xf32>
}

// -----

// CHECK-LABEL: func.func @op_collective_permute
// CHECK: "stablehlo.collective_permute"(%arg0) <{source_target_pairs = dense<{{\[}}[0, 1], [1, 2], [2, 0]]> : tensor<3x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
func.func @op_collective_permute(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.collective_permute"(%arg0) <{source_target_pairs = dense<[[0, 1], [1, 2], [2, 0]]> : tensor<3x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_collective_broadcast
// CHECK: "stablehlo.collective_broadcast"(%arg0) <{replica_groups = dense<{{\[}}[0, 1]]> : tensor<1x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
func.func @op_collective_broadcast(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.collective_broadcast"(%arg0) <{replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_cross_replica_sum
// CHECK: "stablehlo.cross-replica-sum"(%arg0) <{replica_groups = dense<{{\[}}[0, 1]]> : tensor<1x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
func.func @op_cross_replica_sum(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.cross-replica-sum"(%arg0) <{replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_rng
// CHECK: stablehlo.rng %arg0, %arg1, %arg2, distribution = UNIFORM : (tensor<f32>, tensor<f32>, tensor<2xi64>) -> tensor<2x3xf32>
// CHECK: stablehlo.rng %arg0, %arg1, %arg2, distribution = NORMAL : (tensor<f32>, tensor<f32>, tensor<2xi64>) -> tensor<?x?xf32>
func.func @op_rng(%arg0: tensor<f32>, %arg1: tensor<f32>, %arg2: tensor<2xi64>) -> (tensor<2x3xf32>, tensor<?x?xf32>) {
  %0 = stablehlo.rng %arg0, %arg1, %arg2, distribution = UNIFORM : (tensor<f32>, tensor<f32>, tensor<2xi64>) -> tensor<2x3xf32>
  %1 = stablehlo.rng %arg0, %arg1, %arg2, distribution = NORMAL : (tensor<f32>, tensor<f32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @op_rng_bit_generator
// CHECK: stablehlo.rng_bit_generator %arg0, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4x4xui32>)
// CHECK: stablehlo.rng_bit_generator %arg1, algorithm = PHILOX : (tensor<3xui64>) -> (tensor<3xui64>, tensor<8xf32>)
func.func @op_rng_bit_generator(%arg0: tensor<2xui64>, %arg1: tensor<3xui64>) {
  %0:2 = stablehlo.rng_bit_generator %arg0, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4x4xui32>)
  %1:2 = stablehlo.rng_bit_generator %arg1, algorithm = PHILOX : (tensor<3xui64>) -> (tensor<3xui64>, tensor<8xf32>)
  return
}

// -----

// CHECK-LABEL: func.func @op_uniform_quantize
// CHECK: %[[Q:.*]] = stablehlo.uniform_quantize %arg0 : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01:3>>
// CHECK: stablehlo.uniform_dequantize %[[Q]] : (tensor<4x!quant.uniform<i8:f32, 1.000000e-01:3>>) -> tensor<4xf32>
func.func @op_uniform_quantize(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.uniform_quantize %arg0 : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1:3>>
  %1 = stablehlo.uniform_dequantize %0 : (tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @op_fft
// CHECK: stablehlo.fft %arg0, type = FFT, length = [8] : (tensor<3x8xcomplex<f32>>) -> tensor<3x8xcomplex<f32>>
// CHECK: stablehlo.fft %arg1, type = RFFT, length = [8] : (tensor<3x8xf32>) -> tensor<3x5xcomplex<f32>>
// CHECK: stablehlo.fft %arg2, type = IRFFT, length = [4, 8] : (tensor<4x5xcomplex<f64>>) -> tensor<4x8xf64>
func.func @op_fft(%arg0: tensor<3x8xcomplex<f32>>, %arg1: tensor<3x8xf32>, %arg2: tensor<4x5xcomplex<f64>>) {
  %0 = stablehlo.fft %arg0, type = FFT, length = [8] : (tensor<3x8xcomplex<f32>>) -> tensor<3x8xcomplex<f32>>
  %1 = stablehlo.fft %arg1, type = RFFT, length = [8] : (tensor<3x8xf32>) -> tensor<3x5xcomplex<f32>>
  %2 = stablehlo.fft %arg2, type = IRFFT, length = [4, 8] : (tensor<4x5xcomplex<f64>>) -> tensor<4x8xf64>
  return
}

// -----

// CHECK-LABEL: func.func @op_cholesky
// CHECK: stablehlo.cholesky %arg0, lower = true : tensor<2x3x3xf32>
// CHECK: stablehlo.cholesky %arg0 : tensor<2x3x3xf32>
func.func @op_cholesky(%arg0: tensor<2x3x3xf32>) -> (tensor<2x3x3xf32>, tensor<2x3x3xf32>) {
  %0 = stablehlo.cholesky %arg0, lower = true : tensor<2x3x3xf32>
  %1 = stablehlo.cholesky %arg0 : tensor<2x3x3xf32>
  return %0, %1 : tensor<2x3x3xf32>, tensor<2x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @op_triangular_solve
// CHECK: "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x3x3xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
func.func @op_triangular_solve(%arg0: tensor<2x3x3xf32>, %arg1: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = "stablehlo.triangular_solve"(%arg0, %arg1) <{left_side = true, lower = true, transpose_a = #stablehlo<transpose NO_TRANSPOSE>, unit_diagonal = false}> : (tensor<2x3x3xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @op_batch_norm
// CHECK: "stablehlo.batch_norm_inference"(%arg0, %arg1, %arg1, %arg1, %arg1) <{epsilon = 1.000000e-03 : f32, feature_index = 3 : i64}> : (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x4x8xf32>
// CHECK: "stablehlo.batch_norm_training"(%arg0, %arg1, %arg1) <{epsilon = 1.000000e-03 : f32, feature_index = 3 : i64}> : (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>)
// CHECK: "stablehlo.batch_norm_grad"(%arg0, %arg1, %arg1, %arg1, %arg0) <{epsilon = 1.000000e-03 : f32, feature_index = 3 : i64}> : (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<2x4x4x8xf32>) -> (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>)
func.func @op_batch_norm(%arg0: tensor<2x4x4x8xf32>, %arg1: tensor<8xf32>) {
  %0 = "stablehlo.batch_norm_inference"(%arg0, %arg1, %arg1, %arg1, %arg1) <{epsilon = 1.0e-03 : f32, feature_index = 3 : i64}> : (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x4x4x8xf32>
  %1:3 = "stablehlo.batch_norm_training"(%arg0, %arg1, %arg1) <{epsilon = 1.0e-03 : f32, feature_index = 3 : i64}> : (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>)
  %2:3 = "stablehlo.batch_norm_grad"(%arg0, %arg1, %arg1, %arg1, %arg0) <{epsilon = 1.0e-03 : f32, feature_index = 3 : i64}> : (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<2x4x4x8xf32>) -> (tensor<2x4x4x8xf32>, tensor<8xf32>, tensor<8xf32>)
  return
}

// -----

// Verifiers accept dynamic sizes (`?`) wherever a static size would fit.
// CHECK-LABEL: func.func @dynamic_shapes
// CHECK: stablehlo.transpose %arg0, dims = [1, 0] : (tensor<?x8xf32>) -> tensor<8x?xf32>
// CHECK: stablehlo.broadcast_in_dim %arg0, dims = [0, 2] : (tensor<?x8xf32>) -> tensor<?x3x8xf32>
// CHECK: stablehlo.select %arg3, %arg0, %arg0 : tensor<?x8xi1>, tensor<?x8xf32>
// CHECK: stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1] : (tensor<?x8xf32>, tensor<f32>) -> tensor<?xf32>
// CHECK: "stablehlo.reduce_window"(%arg0, %arg1)
// CHECK: (tensor<?x8xf32>, tensor<f32>) -> tensor<?x4xf32>
// CHECK: stablehlo.dot_general %arg0, %arg2, contracting_dims = [1] x [0] : (tensor<?x8xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
// CHECK: stablehlo.convolution(%arg4, %arg5)
// CHECK-SAME: (tensor<?x?x?x8xf32>, tensor<3x3x8x16xf32>) -> tensor<?x?x?x16xf32>
// CHECK: "stablehlo.sort"(%arg0)
// CHECK: "stablehlo.scatter"(%arg0, %arg6, %arg2)
// CHECK: "stablehlo.all_gather"(%arg0)
// CHECK-SAME: (tensor<?x8xf32>) -> tensor<?x16xf32>
// CHECK: stablehlo.cholesky %arg2 : tensor<?x?xf32>
// CHECK: "stablehlo.batch_norm_inference"(%arg0, %arg7, %arg7, %arg7, %arg7)
// CHECK: stablehlo.bitcast_convert %arg0 : (tensor<?x8xf32>) -> tensor<?x8x?xi8>
func.func @dynamic_shapes(%arg0: tensor<?x8xf32>, %arg1: tensor<f32>, %arg2: tensor<?x?xf32>, %arg3: tensor<?x8xi1>, %arg4: tensor<?x?x?x8xf32>, %arg5: tensor<3x3x8x16xf32>, %arg6: tensor<?x1xi32>, %arg7: tensor<?xf32>) {
  %0 = stablehlo.transpose %arg0, dims = [1, 0] : (tensor<?x8xf32>) -> tensor<8x?xf32>
  %1 = stablehlo.broadcast_in_dim %arg0, dims = [0, 2] : (tensor<?x8xf32>) -> tensor<?x3x8xf32>
  %2 = stablehlo.select %arg3, %arg0, %arg0 : tensor<?x8xi1>, tensor<?x8xf32>
  %3 = stablehlo.reduce(%arg0 init: %arg1) applies stablehlo.add across dimensions = [1] : (tensor<?x8xf32>, tensor<f32>) -> tensor<?xf32>
  %4 = "stablehlo.reduce_window"(%arg0, %arg1) <{window_dimensions = array<i64: 1, 2>, window_strides = array<i64: 1, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %r : tensor<f32>
  }) : (tensor<?x8xf32>, tensor<f32>) -> tensor<?x4xf32>
  %5 = stablehlo.dot_general %arg0, %arg2, contracting_dims = [1] x [0] : (tensor<?x8xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  %6 = stablehlo.convolution(%arg4, %arg5) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<?x?x?x8xf32>, tensor<3x3x8x16xf32>) -> tensor<?x?x?x16xf32>
  %7 = "stablehlo.sort"(%arg0) <{dimension = -1 : i64}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %r : tensor<i1>
  }) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %8 = "stablehlo.scatter"(%arg0, %arg6, %arg2) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    stablehlo.return %b : tensor<f32>
  }) : (tensor<?x8xf32>, tensor<?x1xi32>, tensor<?x?xf32>) -> tensor<?x8xf32>
  %9 = "stablehlo.all_gather"(%arg0) <{all_gather_dim = 1 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> : (tensor<?x8xf32>) -> tensor<?x16xf32>
  %10 = stablehlo.cholesky %arg2 : tensor<?x?xf32>
  %11 = "stablehlo.batch_norm_inference"(%arg0, %arg7, %arg7, %arg7, %arg7) <{epsilon = 1.0e-03 : f32, feature_index = 1 : i64}> : (tensor<?x8xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x8xf32>
  %12 = stablehlo.bitcast_convert %arg0 : (tensor<?x8xf32>) -> tensor<?x8x?xi8>
  return
}

// -----

// A reduction body may accumulate in a wider element type than its inputs
// (is_promotable); results take the body's element type.
// CHECK-LABEL: func.func @promoted_reductions
// CHECK: stablehlo.reduce(%arg0 init: %arg1) across dimensions = [1] : (tensor<4x8xbf16>, tensor<bf16>) -> tensor<4xf32>
// CHECK: "stablehlo.all_reduce"(%arg2)
// CHECK: (tensor<4xi8>) -> tensor<4xi32>
func.func @promoted_reductions(%arg0: tensor<4x8xbf16>, %arg1: tensor<bf16>, %arg2: tensor<4xi8>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = "stablehlo.reduce"(%arg0, %arg1) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %2 = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %2 : tensor<f32>
  }) : (tensor<4x8xbf16>, tensor<bf16>) -> tensor<4xf32>
  %1 = "stablehlo.all_reduce"(%arg2) <{replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %2 = stablehlo.add %a, %b : tensor<i32>
    stablehlo.return %2 : tensor<i32>
  }) : (tensor<4xi8>) -> tensor<4xi32>
  return %0, %1 : tensor<4xf32>, tensor<4xi32>
}
