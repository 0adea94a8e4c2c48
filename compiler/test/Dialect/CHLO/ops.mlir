// Round trip of every chlo op: pretty form, re-parsed pretty output, and the
// generic form re-parsed.
// RUN: byteir-opt %s | FileCheck %s
// RUN: byteir-opt %s | byteir-opt | FileCheck %s
// RUN: byteir-opt %s --mlir-print-op-generic | byteir-opt | FileCheck %s
// RUN: byteir-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// CHECK-LABEL: func.func @chlo_acos
// CHECK: %[[R:.*]] = chlo.acos %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_acos(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.acos %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_acosh
// CHECK: %[[R:.*]] = chlo.acosh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_acosh(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.acosh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_asin
// CHECK: %[[R:.*]] = chlo.asin %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_asin(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.asin %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_asinh
// CHECK: %[[R:.*]] = chlo.asinh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_asinh(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.asinh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_atan
// CHECK: %[[R:.*]] = chlo.atan %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_atan(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.atan %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_atanh
// CHECK: %[[R:.*]] = chlo.atanh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_atanh(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.atanh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_bessel_i1e
// CHECK: %[[R:.*]] = chlo.bessel_i1e %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_bessel_i1e(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.bessel_i1e %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_conj
// CHECK: %[[R:.*]] = chlo.conj %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_conj(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.conj %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_cosh
// CHECK: %[[R:.*]] = chlo.cosh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_cosh(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.cosh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_sinh
// CHECK: %[[R:.*]] = chlo.sinh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_sinh(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.sinh %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_tan
// CHECK: %[[R:.*]] = chlo.tan %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_tan(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.tan %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_square
// CHECK: %[[R:.*]] = chlo.square %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_square(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.square %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_digamma
// CHECK: %[[R:.*]] = chlo.digamma %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_digamma(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.digamma %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_erf
// CHECK: %[[R:.*]] = chlo.erf %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_erf(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.erf %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_erfc
// CHECK: %[[R:.*]] = chlo.erfc %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_erfc(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.erfc %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_erf_inv
// CHECK: %[[R:.*]] = chlo.erf_inv %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_erf_inv(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.erf_inv %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_lgamma
// CHECK: %[[R:.*]] = chlo.lgamma %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_lgamma(%arg0: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.lgamma %arg0 : tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_acos_complex
// CHECK: %[[R:.*]] = chlo.acos %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_acos_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.acos %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_acosh_complex
// CHECK: %[[R:.*]] = chlo.acosh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_acosh_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.acosh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_asin_complex
// CHECK: %[[R:.*]] = chlo.asin %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_asin_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.asin %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_asinh_complex
// CHECK: %[[R:.*]] = chlo.asinh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_asinh_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.asinh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_atan_complex
// CHECK: %[[R:.*]] = chlo.atan %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_atan_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.atan %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_atanh_complex
// CHECK: %[[R:.*]] = chlo.atanh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_atanh_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.atanh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_conj_complex
// CHECK: %[[R:.*]] = chlo.conj %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_conj_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.conj %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_cosh_complex
// CHECK: %[[R:.*]] = chlo.cosh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_cosh_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.cosh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_sinh_complex
// CHECK: %[[R:.*]] = chlo.sinh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_sinh_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.sinh %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_tan_complex
// CHECK: %[[R:.*]] = chlo.tan %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_tan_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.tan %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_square_complex
// CHECK: %[[R:.*]] = chlo.square %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
// CHECK-NEXT: return %[[R]]
func.func @chlo_square_complex(%arg0: tensor<4xcomplex<f32>>) -> tensor<4xcomplex<f32>> {
  %0 = chlo.square %arg0 : tensor<4xcomplex<f32>> -> tensor<4xcomplex<f32>>
  return %0 : tensor<4xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_square_int
// CHECK: %[[R:.*]] = chlo.square %arg0 : tensor<3xi32> -> tensor<3xi32>
// CHECK-NEXT: return %[[R]]
func.func @chlo_square_int(%arg0: tensor<3xi32>) -> tensor<3xi32> {
  %0 = chlo.square %arg0 : tensor<3xi32> -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// CHECK-LABEL: func.func @chlo_erf_bf16
// CHECK: %[[R:.*]] = chlo.erf %arg0 : tensor<3xbf16> -> tensor<3xbf16>
// CHECK-NEXT: return %[[R]]
func.func @chlo_erf_bf16(%arg0: tensor<3xbf16>) -> tensor<3xbf16> {
  %0 = chlo.erf %arg0 : tensor<3xbf16> -> tensor<3xbf16>
  return %0 : tensor<3xbf16>
}

// CHECK-LABEL: func.func @chlo_lgamma_f16
// CHECK: %[[R:.*]] = chlo.lgamma %arg0 : tensor<3xf16> -> tensor<3xf16>
// CHECK-NEXT: return %[[R]]
func.func @chlo_lgamma_f16(%arg0: tensor<3xf16>) -> tensor<3xf16> {
  %0 = chlo.lgamma %arg0 : tensor<3xf16> -> tensor<3xf16>
  return %0 : tensor<3xf16>
}

// CHECK-LABEL: func.func @chlo_digamma_f64
// CHECK: %[[R:.*]] = chlo.digamma %arg0 : tensor<3xf64> -> tensor<3xf64>
// CHECK-NEXT: return %[[R]]
func.func @chlo_digamma_f64(%arg0: tensor<3xf64>) -> tensor<3xf64> {
  %0 = chlo.digamma %arg0 : tensor<3xf64> -> tensor<3xf64>
  return %0 : tensor<3xf64>
}

// CHECK-LABEL: func.func @chlo_is_inf
// CHECK: %[[R:.*]] = chlo.is_inf %arg0 : tensor<8x8xf32> -> tensor<8x8xi1>
// CHECK-NEXT: return %[[R]]
func.func @chlo_is_inf(%arg0: tensor<8x8xf32>) -> tensor<8x8xi1> {
  %0 = chlo.is_inf %arg0 : tensor<8x8xf32> -> tensor<8x8xi1>
  return %0 : tensor<8x8xi1>
}

// CHECK-LABEL: func.func @chlo_is_neg_inf
// CHECK: %[[R:.*]] = chlo.is_neg_inf %arg0 : tensor<8x8xf32> -> tensor<8x8xi1>
// CHECK-NEXT: return %[[R]]
func.func @chlo_is_neg_inf(%arg0: tensor<8x8xf32>) -> tensor<8x8xi1> {
  %0 = chlo.is_neg_inf %arg0 : tensor<8x8xf32> -> tensor<8x8xi1>
  return %0 : tensor<8x8xi1>
}

// CHECK-LABEL: func.func @chlo_is_pos_inf
// CHECK: %[[R:.*]] = chlo.is_pos_inf %arg0 : tensor<8x8xf32> -> tensor<8x8xi1>
// CHECK-NEXT: return %[[R]]
func.func @chlo_is_pos_inf(%arg0: tensor<8x8xf32>) -> tensor<8x8xi1> {
  %0 = chlo.is_pos_inf %arg0 : tensor<8x8xf32> -> tensor<8x8xi1>
  return %0 : tensor<8x8xi1>
}

// CHECK-LABEL: func.func @chlo_is_inf_bf16
// CHECK: %[[R:.*]] = chlo.is_inf %arg0 : tensor<2xbf16> -> tensor<2xi1>
// CHECK-NEXT: return %[[R]]
func.func @chlo_is_inf_bf16(%arg0: tensor<2xbf16>) -> tensor<2xi1> {
  %0 = chlo.is_inf %arg0 : tensor<2xbf16> -> tensor<2xi1>
  return %0 : tensor<2xi1>
}

// CHECK-LABEL: func.func @chlo_next_after
// CHECK: chlo.next_after %arg0, %arg1 : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
func.func @chlo_next_after(%arg0: tensor<8x8xf32>, %arg1: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.next_after %arg0, %arg1 : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_polygamma
// CHECK: chlo.polygamma %arg0, %arg1 : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
func.func @chlo_polygamma(%arg0: tensor<8x8xf32>, %arg1: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.polygamma %arg0, %arg1 : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_zeta
// CHECK: chlo.zeta %arg0, %arg1 : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
func.func @chlo_zeta(%arg0: tensor<8x8xf32>, %arg1: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %0 = chlo.zeta %arg0, %arg1 : tensor<8x8xf32>, tensor<8x8xf32> -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_add
// CHECK: chlo.broadcast_add %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_add(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_add %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_atan2
// CHECK: chlo.broadcast_atan2 %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_atan2(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_atan2 %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_divide
// CHECK: chlo.broadcast_divide %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_divide(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_divide %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_maximum
// CHECK: chlo.broadcast_maximum %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_maximum(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_maximum %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_minimum
// CHECK: chlo.broadcast_minimum %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_minimum(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_minimum %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_multiply
// CHECK: chlo.broadcast_multiply %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_multiply(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_multiply %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_next_after
// CHECK: chlo.broadcast_next_after %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_next_after(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_next_after %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_polygamma
// CHECK: chlo.broadcast_polygamma %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_polygamma(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_polygamma %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_power
// CHECK: chlo.broadcast_power %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_power(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_power %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_remainder
// CHECK: chlo.broadcast_remainder %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_remainder(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_remainder %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_subtract
// CHECK: chlo.broadcast_subtract %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_subtract(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_subtract %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_zeta
// CHECK: chlo.broadcast_zeta %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
func.func @chlo_broadcast_zeta(%arg0: tensor<2x3x4xf32>, %arg1: tensor<4xf32>) -> tensor<2x3x4xf32> {
  %0 = chlo.broadcast_zeta %arg0, %arg1 : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_and
// CHECK: chlo.broadcast_and %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
func.func @chlo_broadcast_and(%arg0: tensor<2x3x4xi8>, %arg1: tensor<i8>) -> tensor<2x3x4xi8> {
  %0 = chlo.broadcast_and %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
  return %0 : tensor<2x3x4xi8>
}

// CHECK-LABEL: func.func @chlo_broadcast_or
// CHECK: chlo.broadcast_or %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
func.func @chlo_broadcast_or(%arg0: tensor<2x3x4xi8>, %arg1: tensor<i8>) -> tensor<2x3x4xi8> {
  %0 = chlo.broadcast_or %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
  return %0 : tensor<2x3x4xi8>
}

// CHECK-LABEL: func.func @chlo_broadcast_xor
// CHECK: chlo.broadcast_xor %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
func.func @chlo_broadcast_xor(%arg0: tensor<2x3x4xi8>, %arg1: tensor<i8>) -> tensor<2x3x4xi8> {
  %0 = chlo.broadcast_xor %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
  return %0 : tensor<2x3x4xi8>
}

// CHECK-LABEL: func.func @chlo_broadcast_shift_left
// CHECK: chlo.broadcast_shift_left %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
func.func @chlo_broadcast_shift_left(%arg0: tensor<2x3x4xi8>, %arg1: tensor<i8>) -> tensor<2x3x4xi8> {
  %0 = chlo.broadcast_shift_left %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
  return %0 : tensor<2x3x4xi8>
}

// CHECK-LABEL: func.func @chlo_broadcast_shift_right_arithmetic
// CHECK: chlo.broadcast_shift_right_arithmetic %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
func.func @chlo_broadcast_shift_right_arithmetic(%arg0: tensor<2x3x4xi8>, %arg1: tensor<i8>) -> tensor<2x3x4xi8> {
  %0 = chlo.broadcast_shift_right_arithmetic %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
  return %0 : tensor<2x3x4xi8>
}

// CHECK-LABEL: func.func @chlo_broadcast_shift_right_logical
// CHECK: chlo.broadcast_shift_right_logical %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
func.func @chlo_broadcast_shift_right_logical(%arg0: tensor<2x3x4xi8>, %arg1: tensor<i8>) -> tensor<2x3x4xi8> {
  %0 = chlo.broadcast_shift_right_logical %arg0, %arg1 : (tensor<2x3x4xi8>, tensor<i8>) -> tensor<2x3x4xi8>
  return %0 : tensor<2x3x4xi8>
}

// CHECK-LABEL: func.func @chlo_broadcast_and_pred
// CHECK: chlo.broadcast_and %arg0, %arg1 : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
func.func @chlo_broadcast_and_pred(%arg0: tensor<4xi1>, %arg1: tensor<1xi1>) -> tensor<4xi1> {
  %0 = chlo.broadcast_and %arg0, %arg1 : (tensor<4xi1>, tensor<1xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// CHECK-LABEL: func.func @chlo_broadcast_dims
// CHECK: chlo.broadcast_add %arg0, %arg1 {broadcast_dimensions = array<i64: 0>} : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
func.func @chlo_broadcast_dims(%arg0: tensor<2x3xf32>, %arg1: tensor<2xf32>) -> tensor<2x3xf32> {
  %0 = chlo.broadcast_add %arg0, %arg1 {broadcast_dimensions = array<i64: 0>} : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_degenerate
// CHECK: chlo.broadcast_multiply %arg0, %arg1 : (tensor<1x3xf32>, tensor<4x1xf32>) -> tensor<4x3xf32>
func.func @chlo_broadcast_degenerate(%arg0: tensor<1x3xf32>, %arg1: tensor<4x1xf32>) -> tensor<4x3xf32> {
  %0 = chlo.broadcast_multiply %arg0, %arg1 : (tensor<1x3xf32>, tensor<4x1xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_dynamic
// CHECK: chlo.broadcast_subtract %arg0, %arg1 : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
func.func @chlo_broadcast_dynamic(%arg0: tensor<?x3xf32>, %arg1: tensor<3xf32>) -> tensor<?x3xf32> {
  %0 = chlo.broadcast_subtract %arg0, %arg1 : (tensor<?x3xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// CHECK-LABEL: func.func @chlo_broadcast_complex
// CHECK: chlo.broadcast_complex %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xcomplex<f32>>
func.func @chlo_broadcast_complex(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> tensor<2x3xcomplex<f32>> {
  %0 = chlo.broadcast_complex %arg0, %arg1 : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xcomplex<f32>>
  return %0 : tensor<2x3xcomplex<f32>>
}

// CHECK-LABEL: func.func @chlo_broadcast_compare
// CHECK: chlo.broadcast_compare %arg0, %arg1 {comparison_direction = #chlo<comparison_direction LT>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
func.func @chlo_broadcast_compare(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> tensor<2x3xi1> {
  %0 = chlo.broadcast_compare %arg0, %arg1 {comparison_direction = #chlo<comparison_direction LT>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @chlo_broadcast_compare_attrs
// CHECK: chlo.broadcast_compare %arg0, %arg1 {broadcast_dimensions = array<i64: 1>, compare_type = #chlo<comparison_type TOTALORDER>, comparison_direction = #chlo<comparison_direction GE>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
func.func @chlo_broadcast_compare_attrs(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> tensor<2x3xi1> {
  %0 = chlo.broadcast_compare %arg0, %arg1 {broadcast_dimensions = array<i64: 1>, comparison_direction = #chlo<comparison_direction GE>, compare_type = #chlo<comparison_type TOTALORDER>} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  return %0 : tensor<2x3xi1>
}

// CHECK-LABEL: func.func @chlo_broadcast_select
// CHECK: chlo.broadcast_select %arg0, %arg1, %arg2 : (tensor<2x3xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
func.func @chlo_broadcast_select(%arg0: tensor<2x3xi1>, %arg1: tensor<3xf32>, %arg2: tensor<f32>) -> tensor<2x3xf32> {
  %0 = chlo.broadcast_select %arg0, %arg1, %arg2 : (tensor<2x3xi1>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @chlo_constant
// CHECK: chlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
func.func @chlo_constant() -> tensor<2xf32> {
  %0 = chlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// CHECK-LABEL: func.func @chlo_constant_like
// CHECK: "chlo.constant_like"(%arg0) <{value = 1.000000e+00 : f32}> : (tensor<?x2xf32>) -> tensor<?x2xf32>
func.func @chlo_constant_like(%arg0: tensor<?x2xf32>) -> tensor<?x2xf32> {
  %0 = "chlo.constant_like"(%arg0) {value = 1.000000e+00 : f32} : (tensor<?x2xf32>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

// CHECK-LABEL: func.func @chlo_top_k
// CHECK: %[[V:.*]], %[[I:.*]] = chlo.top_k(%arg0, k = 8) : tensor<16x16xi32> -> (tensor<16x8xi32>, tensor<16x8xi32>)
func.func @chlo_top_k(%arg0: tensor<16x16xi32>) -> (tensor<16x8xi32>, tensor<16x8xi32>) {
  %0:2 = chlo.top_k(%arg0, k=8) : tensor<16x16xi32> -> (tensor<16x8xi32>, tensor<16x8xi32>)
  return %0#0, %0#1 : tensor<16x8xi32>, tensor<16x8xi32>
}

// CHECK-LABEL: func.func @chlo_top_k_unstable
// CHECK: chlo.top_k(%arg0, k = 3) {is_stable = false} : tensor<4x10xf32> -> (tensor<4x3xf32>, tensor<4x3xi32>)
func.func @chlo_top_k_unstable(%arg0: tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>) {
  %0:2 = "chlo.top_k"(%arg0) <{is_stable = false, k = 3 : i64}> : (tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>)
  return %0#0, %0#1 : tensor<4x3xf32>, tensor<4x3xi32>
}

// What JAX prints (shared/testdata/stablehlo_jax), pretty and generic.
// CHECK-LABEL: func.func @jax_forms
// CHECK: chlo.top_k(%arg0, k = 3) : tensor<4x10xf32> -> (tensor<4x3xf32>, tensor<4x3xi32>)
// CHECK: chlo.top_k(%arg0, k = 3) : tensor<4x10xf32> -> (tensor<4x3xf32>, tensor<4x3xi32>)
// CHECK: chlo.erfc %arg1 : tensor<64xf32> -> tensor<64xf32>
// CHECK: chlo.erfc %{{.*}} : tensor<64xf32> -> tensor<64xf32>
// GENERIC-LABEL: "jax_forms"
// GENERIC: "chlo.top_k"(%arg0) <{is_stable = true, k = 3 : i64}> : (tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>)
// GENERIC: "chlo.erfc"(%arg1) : (tensor<64xf32>) -> tensor<64xf32>
func.func @jax_forms(%arg0: tensor<4x10xf32>, %arg1: tensor<64xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>, tensor<64xf32>) {
  %values, %indices = chlo.top_k(%arg0, k = 3) : tensor<4x10xf32> -> (tensor<4x3xf32>, tensor<4x3xi32>)
  %0:2 = "chlo.top_k"(%arg0) <{is_stable = true, k = 3 : i64}> : (tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>)
  %5 = chlo.erfc %arg1 : tensor<64xf32> -> tensor<64xf32>
  %7 = "chlo.erfc"(%5) : (tensor<64xf32>) -> tensor<64xf32>
  return %values, %0#1, %7 : tensor<4x3xf32>, tensor<4x3xi32>, tensor<64xf32>
}
