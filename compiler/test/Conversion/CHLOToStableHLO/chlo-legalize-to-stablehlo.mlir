// RUN: byteir-opt %s -chlo-legalize-to-stablehlo -split-input-file -verify-diagnostics | FileCheck %s
// RUN: byteir-opt %s -chlo-legalize-to-stablehlo -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=NOCHLO

// No chlo op survives the pass.
// NOCHLO-NOT: chlo.

//===----------------------------------------------------------------------===//
// Broadcasting binaries
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @broadcast_add_same_shape
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[R:.*]] = stablehlo.add %[[A]], %[[B]] : tensor<4xf32>
// CHECK-NEXT: return %[[R]]
func.func @broadcast_add_same_shape(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.broadcast_add %arg0, %arg1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Numpy rules: the lower-rank operand aligns with the trailing dimensions.
// CHECK-LABEL: func.func @broadcast_add_trailing
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK-NEXT: %[[BB:.*]] = stablehlo.broadcast_in_dim %[[B]], dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[R:.*]] = stablehlo.add %[[A]], %[[BB]] : tensor<2x3xf32>
// CHECK-NEXT: return %[[R]]
func.func @broadcast_add_trailing(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = chlo.broadcast_add %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// An explicit broadcast_dimensions mapping of the lower-rank operand.
// CHECK-LABEL: func.func @broadcast_sub_dims
// CHECK-SAME: (%[[A:.*]]: tensor<2xf32>, %[[B:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: %[[BA:.*]] = stablehlo.broadcast_in_dim %[[A]], dims = [0] : (tensor<2xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[R:.*]] = stablehlo.subtract %[[BA]], %[[B]] : tensor<2x3xf32>
func.func @broadcast_sub_dims(%arg0: tensor<2xf32>, %arg1: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = chlo.broadcast_subtract %arg0, %arg1 {broadcast_dimensions = array<i64: 0>} : (tensor<2xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Size-1 dimensions stretch on both sides.
// CHECK-LABEL: func.func @broadcast_mul_degenerate
// CHECK-SAME: (%[[A:.*]]: tensor<1x3xf32>, %[[B:.*]]: tensor<4x1xf32>)
// CHECK-NEXT: %[[BA:.*]] = stablehlo.broadcast_in_dim %[[A]], dims = [0, 1] : (tensor<1x3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: %[[BB:.*]] = stablehlo.broadcast_in_dim %[[B]], dims = [0, 1] : (tensor<4x1xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: stablehlo.multiply %[[BA]], %[[BB]] : tensor<4x3xf32>
func.func @broadcast_mul_degenerate(%arg0: tensor<1x3xf32>, %arg1: tensor<4x1xf32>) -> tensor<4x3xf32> {
  %0 = chlo.broadcast_multiply %arg0, %arg1 : (tensor<1x3xf32>, tensor<4x1xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @broadcast_arithmetic
// CHECK: stablehlo.broadcast_in_dim %{{.*}}, dims = [] : (tensor<f32>) -> tensor<4xf32>
// CHECK: stablehlo.divide
// CHECK: stablehlo.maximum
// CHECK: stablehlo.minimum
// CHECK: stablehlo.power
// CHECK: stablehlo.remainder
// CHECK: stablehlo.atan2
func.func @broadcast_arithmetic(%arg0: tensor<4xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  %0 = chlo.broadcast_divide %arg0, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = chlo.broadcast_maximum %0, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %2 = chlo.broadcast_minimum %1, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %3 = chlo.broadcast_power %2, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %4 = chlo.broadcast_remainder %3, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %5 = chlo.broadcast_atan2 %4, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %5 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @broadcast_bitwise
// CHECK: stablehlo.and
// CHECK: stablehlo.or
// CHECK: stablehlo.xor
// CHECK: stablehlo.shift_left
// CHECK: stablehlo.shift_right_arithmetic
// CHECK: stablehlo.shift_right_logical
func.func @broadcast_bitwise(%arg0: tensor<2x4xi32>, %arg1: tensor<4xi32>) -> tensor<2x4xi32> {
  %0 = chlo.broadcast_and %arg0, %arg1 : (tensor<2x4xi32>, tensor<4xi32>) -> tensor<2x4xi32>
  %1 = chlo.broadcast_or %0, %arg1 : (tensor<2x4xi32>, tensor<4xi32>) -> tensor<2x4xi32>
  %2 = chlo.broadcast_xor %1, %arg1 : (tensor<2x4xi32>, tensor<4xi32>) -> tensor<2x4xi32>
  %3 = chlo.broadcast_shift_left %2, %arg1 : (tensor<2x4xi32>, tensor<4xi32>) -> tensor<2x4xi32>
  %4 = chlo.broadcast_shift_right_arithmetic %3, %arg1 : (tensor<2x4xi32>, tensor<4xi32>) -> tensor<2x4xi32>
  %5 = chlo.broadcast_shift_right_logical %4, %arg1 : (tensor<2x4xi32>, tensor<4xi32>) -> tensor<2x4xi32>
  return %5 : tensor<2x4xi32>
}

// -----

// CHECK-LABEL: func.func @broadcast_compare
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK: %[[B1:.*]] = stablehlo.broadcast_in_dim %[[B]], dims = [1]
// CHECK: stablehlo.compare LT, %[[A]], %[[B1]] : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: %[[B2:.*]] = stablehlo.broadcast_in_dim %[[B]], dims = [1]
// CHECK: stablehlo.compare GE, %[[A]], %[[B2]], TOTALORDER : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
func.func @broadcast_compare(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> (tensor<2x3xi1>, tensor<2x3xi1>) {
  %0 = chlo.broadcast_compare %arg0, %arg1 {comparison_direction = #chlo<comparison_direction LT>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  %1 = chlo.broadcast_compare %arg0, %arg1 {comparison_direction = #chlo<comparison_direction GE>, compare_type = #chlo<comparison_type TOTALORDER>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0, %1 : tensor<2x3xi1>, tensor<2x3xi1>
}

// -----

// CHECK-LABEL: func.func @broadcast_select
// CHECK-SAME: (%[[P:.*]]: tensor<2x1xi1>, %[[T:.*]]: tensor<3xf32>, %[[F:.*]]: tensor<f32>)
// CHECK-NEXT: %[[BP:.*]] = stablehlo.broadcast_in_dim %[[P]], dims = [0, 1] : (tensor<2x1xi1>) -> tensor<2x3xi1>
// CHECK-NEXT: %[[BT:.*]] = stablehlo.broadcast_in_dim %[[T]], dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[BF:.*]] = stablehlo.broadcast_in_dim %[[F]], dims = [] : (tensor<f32>) -> tensor<2x3xf32>
// CHECK-NEXT: stablehlo.select %[[BP]], %[[BT]], %[[BF]] : tensor<2x3xi1>, tensor<2x3xf32>
func.func @broadcast_select(%arg0: tensor<2x1xi1>, %arg1: tensor<3xf32>, %arg2: tensor<f32>) -> tensor<2x3xf32> {
  %0 = chlo.broadcast_select %arg0, %arg1, %arg2 : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @broadcast_complex
// CHECK: %[[BI:.*]] = stablehlo.broadcast_in_dim %{{.*}}, dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: stablehlo.complex %{{.*}}, %[[BI]] : tensor<2x3xcomplex<f32>>
func.func @broadcast_complex(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> tensor<2x3xcomplex<f32>> {
  %0 = chlo.broadcast_complex %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xcomplex<f32>>
  return %0 : tensor<2x3xcomplex<f32>>
}

// -----

// Dynamic shapes: the result shape is computed at run time (the maximum of the
// operand sizes for a dimension both operands may stretch).
// CHECK-LABEL: func.func @broadcast_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<?x3xf32>, %[[B:.*]]: tensor<?x1xf32>)
// CHECK-DAG: %[[DA:.*]] = stablehlo.get_dimension_size %[[A]], dim = 0
// CHECK-DAG: %[[DB:.*]] = stablehlo.get_dimension_size %[[B]], dim = 0
// CHECK: %[[D0:.*]] = stablehlo.maximum %[[DA]], %[[DB]] : tensor<i32>
// CHECK: %[[S:.*]] = stablehlo.concatenate {{.*}} -> tensor<2xi32>
// CHECK: %[[BA:.*]] = stablehlo.dynamic_broadcast_in_dim %[[A]], %[[S]], dims = [0, 1] : (tensor<?x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
// CHECK: %[[BB:.*]] = stablehlo.dynamic_broadcast_in_dim %[[B]], %[[S]], dims = [0, 1] : (tensor<?x1xf32>, tensor<2xi32>) -> tensor<?x3xf32>
// CHECK: stablehlo.add %[[BA]], %[[BB]] : tensor<?x3xf32>
func.func @broadcast_dynamic(%arg0: tensor<?x3xf32>, %arg1: tensor<?x1xf32>) -> tensor<?x3xf32> {
  %0 = chlo.broadcast_add %arg0, %arg1 : (tensor<?x3xf32>, tensor<?x1xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// CHECK-LABEL: func.func @broadcast_next_after
// CHECK: stablehlo.broadcast_in_dim
// CHECK: stablehlo.bitcast_convert %{{.*}} : (tensor<4xf32>) -> tensor<4xi32>
// CHECK: stablehlo.bitcast_convert %{{.*}} : (tensor<4xi32>) -> tensor<4xf32>
func.func @broadcast_next_after(%arg0: tensor<4xf32>, %arg1: tensor<f32>) -> tensor<4xf32> {
  %0 = chlo.broadcast_next_after %arg0, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @broadcast_polygamma_zeta
// CHECK: stablehlo.broadcast_in_dim
// CHECK: stablehlo.power
// CHECK: stablehlo.broadcast_in_dim
// CHECK: stablehlo.power
func.func @broadcast_polygamma_zeta(%arg0: tensor<4xf32>, %arg1: tensor<f32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = chlo.broadcast_polygamma %arg0, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = chlo.broadcast_zeta %arg0, %arg1 : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

//===----------------------------------------------------------------------===//
// Special functions (accuracy: chlo-numerics.mlir)
//===----------------------------------------------------------------------===//

// -----

// erf: x P(x^2) for |x| < 1, else 1 - erfc(|x|) with the sign of x.
// CHECK-LABEL: func.func @erf
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[A:.*]] = stablehlo.abs %[[X]]
// CHECK: stablehlo.round_nearest_even
// CHECK: stablehlo.exponential_minus_one
// CHECK: stablehlo.exponential
// CHECK: stablehlo.select
// CHECK: return %{{.*}} : tensor<4xf32>
func.func @erf(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.erf %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// f16 and bf16 are computed in f32.
// CHECK-LABEL: func.func @erfc_f16
// CHECK-NEXT: %[[W:.*]] = stablehlo.convert %{{.*}} : (tensor<4xf16>) -> tensor<4xf32>
// CHECK: stablehlo.abs %[[W]] : tensor<4xf32>
// CHECK: %[[R:.*]] = stablehlo.convert %{{.*}} : (tensor<4xf32>) -> tensor<4xf16>
// CHECK-NEXT: return %[[R]]
func.func @erfc_f16(%arg0: tensor<4xf16>) -> tensor<4xf16> {
  %0 = chlo.erfc %arg0 : tensor<4xf16> -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// CHECK-LABEL: func.func @erf_inv_bf16
// CHECK: stablehlo.convert %{{.*}} : (tensor<4xbf16>) -> tensor<4xf32>
// CHECK: stablehlo.log
// CHECK: stablehlo.sqrt
// CHECK: stablehlo.convert %{{.*}} : (tensor<4xf32>) -> tensor<4xbf16>
func.func @erf_inv_bf16(%arg0: tensor<4xbf16>) -> tensor<4xbf16> {
  %0 = chlo.erf_inv %arg0 : tensor<4xbf16> -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// lgamma: poles (non-positive integers) give +inf.
// CHECK-LABEL: func.func @lgamma
// CHECK: stablehlo.log
// CHECK: stablehlo.sine
// CHECK: stablehlo.floor
// CHECK: %[[INF:.*]] = stablehlo.constant dense<0x7F800000> : tensor<4xf32>
// CHECK: %[[R:.*]] = stablehlo.select %{{.*}}, %[[INF]], %{{.*}} : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: return %[[R]]
func.func @lgamma(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.lgamma %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// digamma: poles give NaN.
// CHECK-LABEL: func.func @digamma
// CHECK: stablehlo.log
// CHECK: stablehlo.tan
// CHECK: %[[NAN:.*]] = stablehlo.constant dense<0x7FC00000> : tensor<4xf32>
// CHECK: %[[R:.*]] = stablehlo.select %{{.*}}, %[[NAN]], %{{.*}} : tensor<4xi1>, tensor<4xf32>
// CHECK-NEXT: return %[[R]]
func.func @digamma(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.digamma %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @polygamma
// CHECK: stablehlo.power
// CHECK: stablehlo.tan
// CHECK: return
func.func @polygamma(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.polygamma %arg0, %arg1 : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @zeta
// CHECK-SAME: (%[[S:.*]]: tensor<4xf32>, %[[Q:.*]]: tensor<4xf32>)
// CHECK: %[[NS:.*]] = stablehlo.negate %[[S]]
// CHECK: stablehlo.power %[[Q]], %[[NS]]
// CHECK: return
func.func @zeta(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.zeta %arg0, %arg1 : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @bessel_i1e
// CHECK: stablehlo.exponential
// CHECK: stablehlo.rsqrt
// CHECK: return
func.func @bessel_i1e(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.bessel_i1e %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @next_after
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: %[[BITS:.*]] = stablehlo.bitcast_convert %[[X]] : (tensor<4xf32>) -> tensor<4xi32>
// CHECK: %[[ONE:.*]] = stablehlo.constant dense<1> : tensor<4xi32>
// CHECK: stablehlo.add %[[BITS]], %[[ONE]] : tensor<4xi32>
// CHECK: stablehlo.subtract %[[BITS]], %[[ONE]] : tensor<4xi32>
// CHECK: stablehlo.constant dense<-2147483647> : tensor<4xi32>
// CHECK: stablehlo.bitcast_convert %{{.*}} : (tensor<4xi32>) -> tensor<4xf32>
// CHECK: stablehlo.constant dense<0x7FC00000>
func.func @next_after(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.next_after %arg0, %arg1 : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Elementwise decompositions of dynamically shaped tensors broadcast their
// constants to the operand's run-time shape.
// CHECK-LABEL: func.func @erf_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?xf32>)
// CHECK: %[[D:.*]] = stablehlo.get_dimension_size %[[X]], dim = 0
// CHECK: %[[SHAPE:.*]] = stablehlo.concatenate
// CHECK: stablehlo.dynamic_broadcast_in_dim %{{.*}}, %[[SHAPE]], dims = [] : (tensor<f32>, tensor<1xi32>) -> tensor<?xf32>
// CHECK: return %{{.*}} : tensor<?xf32>
func.func @erf_dynamic(%arg0: tensor<?xf32>) -> tensor<?xf32> {
  %0 = chlo.erf %arg0 : tensor<?xf32> -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

//===----------------------------------------------------------------------===//
// Trigonometric and hyperbolic functions
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @tan
// CHECK-NEXT: %[[R:.*]] = stablehlo.tan %arg0 : tensor<4xf32>
// CHECK-NEXT: return %[[R]]
func.func @tan(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.tan %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// sinh: (expm1(|x|) - expm1(-|x|)) / 2, or exp(|x|/2)^2 / 2 where exp(|x|)
// would overflow first.
// CHECK-LABEL: func.func @sinh
// CHECK: stablehlo.exponential_minus_one
// CHECK: stablehlo.exponential_minus_one
// CHECK: stablehlo.exponential
// CHECK: return
func.func @sinh(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.sinh %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @cosh
// CHECK: stablehlo.exponential
// CHECK: stablehlo.select
// CHECK: return
func.func @cosh(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.cosh %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// asin(x) = atan2(x, sqrt((1 - x)(1 + x))).
// CHECK-LABEL: func.func @asin
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[ONE:.*]] = stablehlo.constant dense<1.000000e+00>
// CHECK: %[[L:.*]] = stablehlo.subtract %[[ONE]], %[[X]]
// CHECK: %[[R:.*]] = stablehlo.add %[[ONE]], %[[X]]
// CHECK: %[[P:.*]] = stablehlo.multiply %[[L]], %[[R]]
// CHECK: %[[S:.*]] = stablehlo.sqrt %[[P]]
// CHECK: stablehlo.atan2 %[[X]], %[[S]]
func.func @asin(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.asin %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @acos
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[S:.*]] = stablehlo.sqrt
// CHECK: stablehlo.atan2 %[[S]], %[[X]]
func.func @acos(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.acos %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @atan
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[ONE:.*]] = stablehlo.constant dense<1.000000e+00>
// CHECK: stablehlo.atan2 %[[X]], %[[ONE]]
func.func @atan(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = chlo.atan %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @asinh_acosh_atanh
// CHECK: stablehlo.log_plus_one
// CHECK: stablehlo.log_plus_one
// CHECK: stablehlo.log_plus_one
// CHECK: return
func.func @asinh_acosh_atanh(%arg0: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = chlo.asinh %arg0 : tensor<4xf32> -> tensor<4xf32>
  %1 = chlo.acosh %arg0 : tensor<4xf32> -> tensor<4xf32>
  %2 = chlo.atanh %arg0 : tensor<4xf32> -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Complex operands use complex stablehlo arithmetic.
// CHECK-LABEL: func.func @complex_functions
// CHECK: stablehlo.real
// CHECK: stablehlo.imag
// CHECK: stablehlo.cosine
// CHECK: stablehlo.sine
// CHECK: stablehlo.complex
// CHECK: stablehlo.sqrt %{{.*}} : tensor<4xcomplex<f32>>
// CHECK: stablehlo.log %{{.*}} : tensor<4xcomplex<f32>>
// CHECK: stablehlo.tan %{{.*}} : tensor<4xcomplex<f32>>
func.func @complex_functions(%arg0: tensor<4xcomplex<f32>>) -> (tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>) {
  %0 = chlo.sinh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  %1 = chlo.asin %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  %2 = chlo.tan %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0, %1, %2 : tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>, tensor<4xcomplex<f32>>
}

// -----

// CHECK-LABEL: func.func @complex_inverse_hyperbolic
// CHECK-COUNT-3: stablehlo.log %{{.*}} : tensor<2xcomplex<f64>>
func.func @complex_inverse_hyperbolic(%arg0: tensor<2xcomplex<f64>>) -> (tensor<2xcomplex<f64>>, tensor<2xcomplex<f64>>, tensor<2xcomplex<f64>>) {
  %0 = chlo.asinh %arg0 : tensor<2xcomplex<f64>> -> tensor<2xcomplex<f64>>
  %1 = chlo.acosh %arg0 : tensor<2xcomplex<f64>> -> tensor<2xcomplex<f64>>
  %2 = chlo.atanh %arg0 : tensor<2xcomplex<f64>> -> tensor<2xcomplex<f64>>
  return %0, %1, %2 : tensor<2xcomplex<f64>>, tensor<2xcomplex<f64>>, tensor<2xcomplex<f64>>
}

//===----------------------------------------------------------------------===//
// Simple ops
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @square
// CHECK-NEXT: %[[R:.*]] = stablehlo.multiply %arg0, %arg0 : tensor<4xi32>
// CHECK-NEXT: return %[[R]]
func.func @square(%arg0: tensor<4xi32>) -> tensor<4xi32> {
  %0 = chlo.square %arg0 : tensor<4xi32> -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @conj
// CHECK-SAME: (%[[Z:.*]]: tensor<4xcomplex<f32>>, %[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[RE:.*]] = stablehlo.real %[[Z]]
// CHECK-NEXT: %[[IM:.*]] = stablehlo.imag %[[Z]]
// CHECK-NEXT: %[[NIM:.*]] = stablehlo.negate %[[IM]]
// CHECK-NEXT: %[[R:.*]] = stablehlo.complex %[[RE]], %[[NIM]]
// CHECK-NEXT: return %[[R]], %[[X]]
func.func @conj(%arg0: tensor<4xcomplex<f32>>, %arg1: tensor<4xf32>) -> (tensor<4xcomplex<f32>>, tensor<4xf32>) {
  %0 = chlo.conj %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  %1 = chlo.conj %arg1 : tensor<4xf32> -> tensor<4xf32>
  return %0, %1 : tensor<4xcomplex<f32>>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @is_inf
// CHECK-SAME: (%[[X:.*]]: tensor<4xbf16>)
// CHECK-NEXT: %[[A:.*]] = stablehlo.abs %[[X]] : tensor<4xbf16>
// CHECK-NEXT: %[[INF:.*]] = stablehlo.constant dense<0x7F80> : tensor<4xbf16>
// CHECK-NEXT: stablehlo.compare EQ, %[[A]], %[[INF]], FLOAT
// CHECK: %[[PINF:.*]] = stablehlo.constant dense<0x7F80> : tensor<4xbf16>
// CHECK-NEXT: stablehlo.compare EQ, %[[X]], %[[PINF]], FLOAT
// CHECK: %[[NINF:.*]] = stablehlo.constant dense<0xFF80> : tensor<4xbf16>
// CHECK-NEXT: stablehlo.compare EQ, %[[X]], %[[NINF]], FLOAT
func.func @is_inf(%arg0: tensor<4xbf16>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = chlo.is_inf %arg0 : tensor<4xbf16> -> tensor<4xi1>
  %1 = chlo.is_pos_inf %arg0 : tensor<4xbf16> -> tensor<4xi1>
  %2 = chlo.is_neg_inf %arg0 : tensor<4xbf16> -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @constants
// CHECK-DAG: %[[C:.*]] = stablehlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[L:.*]] = stablehlo.constant dense<3.000000e+00> : tensor<2xf32>
// CHECK: return %[[C]], %[[L]]
func.func @constants(%arg0: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = chlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = "chlo.constant_like"(%arg0) {value = 3.0 : f32} : (tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @constant_like_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x2xf32>)
// CHECK-DAG: %[[C:.*]] = stablehlo.constant dense<3.000000e+00> : tensor<f32>
// CHECK-DAG: %[[S:.*]] = stablehlo.concatenate
// CHECK: %[[R:.*]] = stablehlo.dynamic_broadcast_in_dim %[[C]], %[[S]], dims = [] : (tensor<f32>, tensor<2xi32>) -> tensor<?x2xf32>
// CHECK-NEXT: return %[[R]]
func.func @constant_like_dynamic(%arg0: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %0 = "chlo.constant_like"(%arg0) {value = 3.0 : f32} : (tensor<?x2xf32>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

//===----------------------------------------------------------------------===//
// top_k
//===----------------------------------------------------------------------===//

// -----

// A stable descending sort of (values, indices) along the last dimension, then
// the first k of each.
// CHECK-LABEL: func.func @top_k
// CHECK-SAME: (%[[X:.*]]: tensor<4x10xf32>)
// CHECK-NEXT: %[[IOTA:.*]] = stablehlo.iota dim = 1 : tensor<4x10xi32>
// CHECK-NEXT: %[[SORT:.*]]:2 = "stablehlo.sort"(%[[X]], %[[IOTA]]) <{dimension = 1 : i64, is_stable = true}> ({
// CHECK-NEXT: ^bb0(%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<f32>, %{{.*}}: tensor<i32>, %{{.*}}: tensor<i32>):
// CHECK-NEXT: %[[GT:.*]] = stablehlo.compare GT, %[[A]], %[[B]], TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
// CHECK-NEXT: stablehlo.return %[[GT]] : tensor<i1>
// CHECK-NEXT: }) : (tensor<4x10xf32>, tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>)
// CHECK-NEXT: %[[V:.*]] = stablehlo.slice %[[SORT]]#0 [0:4, 0:3] : (tensor<4x10xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: %[[I:.*]] = stablehlo.slice %[[SORT]]#1 [0:4, 0:3] : (tensor<4x10xi32>) -> tensor<4x3xi32>
// CHECK-NEXT: return %[[V]], %[[I]]
func.func @top_k(%arg0: tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>) {
  %values, %indices = chlo.top_k(%arg0, k = 3) : tensor<4x10xf32> -> (tensor<4x3xf32>, tensor<4x3xi32>)
  return %values, %indices : tensor<4x3xf32>, tensor<4x3xi32>
}

// -----

// Integer operands compare SIGNED (or UNSIGNED).
// CHECK-LABEL: func.func @top_k_int
// CHECK: stablehlo.compare GT, %{{.*}}, %{{.*}}, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
// CHECK: stablehlo.slice %{{.*}} [0:2] : (tensor<5xi32>) -> tensor<2xi32>
func.func @top_k_int(%arg0: tensor<5xi32>) -> (tensor<2xi32>, tensor<2xi32>) {
  %0:2 = chlo.top_k(%arg0, k = 2) : tensor<5xi32> -> (tensor<2xi32>, tensor<2xi32>)
  return %0#0, %0#1 : tensor<2xi32>, tensor<2xi32>
}

// -----

// Dynamic shapes: dynamic_iota and real_dynamic_slice.
// CHECK-LABEL: func.func @top_k_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x10xf32>)
// CHECK: %[[SHAPE:.*]] = stablehlo.concatenate
// CHECK: %[[IOTA:.*]] = stablehlo.dynamic_iota %[[SHAPE]], dim = 1 : (tensor<2xi32>) -> tensor<?x10xi32>
// CHECK: %[[SORT:.*]]:2 = "stablehlo.sort"(%[[X]], %[[IOTA]])
// CHECK: %[[K:.*]] = stablehlo.constant dense<3> : tensor<1xi32>
// CHECK: %[[LIMIT:.*]] = stablehlo.concatenate %{{.*}}, %[[K]], dim = 0
// CHECK: stablehlo.real_dynamic_slice %[[SORT]]#0, %{{.*}}, %[[LIMIT]], %{{.*}} : {{.*}} -> tensor<?x3xf32>
// CHECK: stablehlo.real_dynamic_slice %[[SORT]]#1, %{{.*}}, %[[LIMIT]], %{{.*}} : {{.*}} -> tensor<?x3xi32>
func.func @top_k_dynamic(%arg0: tensor<?x10xf32>) -> (tensor<?x3xf32>, tensor<?x3xi32>) {
  %0:2 = chlo.top_k(%arg0, k = 3) : tensor<?x10xf32> -> (tensor<?x3xf32>, tensor<?x3xi32>)
  return %0#0, %0#1 : tensor<?x3xf32>, tensor<?x3xi32>
}
