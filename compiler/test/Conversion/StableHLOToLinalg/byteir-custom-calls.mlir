// RUN: byteir-opt %s -split-input-file --stablehlo-legalize-to-linalg | FileCheck %s

// softmax: linalg_ext.softmax along the normalized axis.
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf16>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<4x8xf16>
// CHECK: %[[R:.*]] = linalg_ext.softmax dimension(1) ins(%[[X]] : tensor<4x8xf16>) outs(%[[INIT]] : tensor<4x8xf16>) -> tensor<4x8xf16>
// CHECK: return %[[R]]
func.func @softmax(%x: tensor<4x8xf16>) -> tensor<4x8xf16> {
  %0 = stablehlo.custom_call @byteir.softmax(%x) {byteir_attrs = {axis = -1 : i64}} : (tensor<4x8xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}

// -----

// layer norm over the two trailing axes with scale and bias.
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: tensor<4x2x8xf32>, %[[G:.*]]: tensor<2x8xf32>, %[[B:.*]]: tensor<2x8xf32>)
// CHECK: %[[R:.*]] = linalg_ext.layer_norm axes([1, 2]) epsilon(1.000000e-05) ins(%[[X]], %[[G]], %[[B]] : tensor<4x2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>) outs(%{{.*}} : tensor<4x2x8xf32>) -> tensor<4x2x8xf32>
// CHECK: return %[[R]]
func.func @layer_norm(%x: tensor<4x2x8xf32>, %g: tensor<2x8xf32>, %b: tensor<2x8xf32>) -> tensor<4x2x8xf32> {
  %0 = stablehlo.custom_call @byteir.layer_norm(%x, %g, %b) {byteir_attrs = {axis = [2, 1], epsilon = 1.0e-5 : f64}} : (tensor<4x2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<4x2x8xf32>
  return %0 : tensor<4x2x8xf32>
}

// -----

// layer norm without parameters.
// CHECK-LABEL: func.func @layer_norm_plain
// CHECK: linalg_ext.layer_norm axes([1]) epsilon(9.9999999999999995E-7) ins(%{{.*}} : tensor<3x5xbf16>) outs(%{{.*}} : tensor<3x5xbf16>) -> tensor<3x5xbf16>
func.func @layer_norm_plain(%x: tensor<3x5xbf16>) -> tensor<3x5xbf16> {
  %0 = stablehlo.custom_call @byteir.layer_norm(%x) {byteir_attrs = {axis = [1], epsilon = 1.0e-6 : f64}} : (tensor<3x5xbf16>) -> tensor<3x5xbf16>
  return %0 : tensor<3x5xbf16>
}

// -----

// top_k: k from byteir_attrs (checked against the results), axis -1 by default,
// largest by default.
// CHECK-LABEL: func.func @top_k
// CHECK-SAME: (%[[X:.*]]: tensor<4x10xf32>)
// CHECK: %[[V0:.*]] = tensor.empty() : tensor<4x3xf32>
// CHECK: %[[I0:.*]] = tensor.empty() : tensor<4x3xi32>
// CHECK: %[[R:.*]]:2 = linalg_ext.topk dimension(1) largest(true) ins(%[[X]] : tensor<4x10xf32>) outs(%[[V0]], %[[I0]] : tensor<4x3xf32>, tensor<4x3xi32>)
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @top_k(%x: tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>) {
  %0:2 = stablehlo.custom_call @byteir.top_k(%x) {byteir_attrs = {k = 3 : i64}} : (tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>)
  return %0#0, %0#1 : tensor<4x3xf32>, tensor<4x3xi32>
}

// -----

// top_k, smallest along dim 0, i64 indices.
// CHECK-LABEL: func.func @top_k_smallest
// CHECK: linalg_ext.topk dimension(0) largest(false) ins(%{{.*}} : tensor<6x2xi32>) outs(%{{.*}}, %{{.*}} : tensor<2x2xi32>, tensor<2x2xi64>)
func.func @top_k_smallest(%x: tensor<6x2xi32>) -> (tensor<2x2xi32>, tensor<2x2xi64>) {
  %0:2 = stablehlo.custom_call @byteir.top_k(%x) {byteir_attrs = {k = 2 : i64, axis = 0 : i64, largest = false}} : (tensor<6x2xi32>) -> (tensor<2x2xi32>, tensor<2x2xi64>)
  return %0#0, %0#1 : tensor<2x2xi32>, tensor<2x2xi64>
}

// -----

// gelu, erf form: one elementwise generic with the erf approximation (no libm erf).
// CHECK-LABEL: func.func @gelu_erf
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<2x8xf32>)
// CHECK:   arith.constant 0.707106769 : f32
// CHECK:   arith.minimumf
// CHECK:   arith.maximumf
// CHECK:   math.fma
// CHECK-NOT: math.erf
// CHECK:   arith.divf
// CHECK:   arith.constant 5.000000e-01 : f32
// CHECK: return
func.func @gelu_erf(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %0 = stablehlo.custom_call @byteir.gelu(%x) {byteir_attrs = {approximate = "none"}} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

// gelu, tanh form.
// CHECK-LABEL: func.func @gelu_tanh
// CHECK: linalg.generic
// CHECK:   arith.constant 4.471500e-02 : f32
// CHECK:   arith.constant 0.797884583 : f32
// CHECK:   math.tanh
// CHECK: return
func.func @gelu_tanh(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = stablehlo.custom_call @byteir.gelu(%x) {byteir_attrs = {approximate = "tanh"}} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
