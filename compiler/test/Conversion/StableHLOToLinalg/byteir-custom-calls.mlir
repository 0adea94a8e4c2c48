// RUN: byteir-opt %s -split-input-file --stablehlo-legalize-to-linalg | FileCheck %s

// softmax: max reduction in f32; exp(x - max) (a polynomial, no libm call) and its
// sum in one pass; then e / sum, rounded once.
// CHECK-DAG: #[[FULL:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @softmax
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[MINIT:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<4xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<4x8xf16>) outs(%[[MINIT]] : tensor<4xf32>)
// CHECK:   arith.extf
// CHECK:   arith.maximumf
// CHECK: %[[ES:.*]]:2 = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]], #[[FULL]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%arg0, %[[MAX]] : tensor<4x8xf16>, tensor<4xf32>) outs(%{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4xf32>)
// CHECK:   arith.subf
// CHECK-NOT: math.exp
// CHECK:   math.floor
// CHECK:   arith.bitcast %{{.*}} : i32 to f32
// CHECK:   arith.select
// CHECK:   arith.cmpf uno
// CHECK:   %[[E:.*]] = arith.select
// CHECK:   %[[ACC:.*]] = arith.addf %{{.*}}, %[[E]] : f32
// CHECK:   linalg.yield %[[E]], %[[ACC]] : f32, f32
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]], #[[FULL]]], iterator_types = ["parallel", "parallel"]} ins(%[[ES]]#0, %[[ES]]#1 : tensor<4x8xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<4x8xf16>)
// CHECK:   arith.divf
// CHECK:   arith.truncf %{{.*}} : f32 to f16
// CHECK: return %[[R]]
func.func @softmax(%x: tensor<4x8xf16>) -> tensor<4x8xf16> {
  %0 = stablehlo.custom_call @byteir.softmax(%x) {byteir_attrs = {axis = 1 : i64}} : (tensor<4x8xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}

// -----

// layer norm over the two trailing axes with scale and bias.
// CHECK-DAG: #[[FULL:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1, d2) -> (d0)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[PARAM:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-LABEL: func.func @layer_norm
// CHECK: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%arg0 : tensor<4x2x8xf32>)
// CHECK: %[[MEAN:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel"]} ins(%[[SUM]] : tensor<4xf32>)
// CHECK:   arith.constant 1.600000e+01 : f32
// CHECK:   arith.divf
// CHECK: %[[SQ:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]], #[[ROW]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%arg0, %[[MEAN]] : tensor<4x2x8xf32>, tensor<4xf32>)
// CHECK: %[[RSTD:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel"]} ins(%[[SQ]] : tensor<4xf32>)
// CHECK:   arith.constant 9.99999974E-6 : f32
// CHECK:   math.rsqrt
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[FULL]], #[[ROW]], #[[ROW]], #[[PARAM]], #[[PARAM]], #[[FULL]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %[[MEAN]], %[[RSTD]], %arg1, %arg2 : {{.*}}) outs(%{{.*}} : tensor<4x2x8xf32>)
// CHECK:   arith.subf
// CHECK:   arith.mulf
// CHECK:   arith.mulf
// CHECK:   arith.addf
// CHECK: return %[[R]]
func.func @layer_norm(%x: tensor<4x2x8xf32>, %g: tensor<2x8xf32>, %b: tensor<2x8xf32>) -> tensor<4x2x8xf32> {
  %0 = stablehlo.custom_call @byteir.layer_norm(%x, %g, %b) {byteir_attrs = {axis = [1, 2], epsilon = 1.0e-5 : f64}} : (tensor<4x2x8xf32>, tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<4x2x8xf32>
  return %0 : tensor<4x2x8xf32>
}

// -----

// layer norm without parameters.
// CHECK-LABEL: func.func @layer_norm_plain
// CHECK-COUNT-5: linalg.generic
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @layer_norm_plain(%x: tensor<3x5xbf16>) -> tensor<3x5xbf16> {
  %0 = stablehlo.custom_call @byteir.layer_norm(%x) {byteir_attrs = {axis = [1], epsilon = 1.0e-6 : f64}} : (tensor<3x5xbf16>) -> tensor<3x5xbf16>
  return %0 : tensor<3x5xbf16>
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
