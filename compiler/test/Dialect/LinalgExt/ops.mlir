// RUN: byteir-opt %s -split-input-file | FileCheck %s
// RUN: byteir-opt %s -split-input-file -mlir-print-op-generic | byteir-opt -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @softmax
// CHECK: %[[R:.*]] = linalg_ext.softmax dimension(1) ins(%{{.*}} : tensor<4x8xf32>) outs(%{{.*}} : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK: linalg_ext.softmax dimension(0) ins(%{{.*}} : memref<4x8xbf16>) outs(%{{.*}} : memref<4x8xbf16>)
// CHECK-NOT: ->
func.func @softmax(%x: tensor<4x8xf32>, %xb: memref<4x8xbf16>, %yb: memref<4x8xbf16>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %0 = linalg_ext.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  linalg_ext.softmax dimension(0) ins(%xb : memref<4x8xbf16>) outs(%yb : memref<4x8xbf16>)
  return %0 : tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @layer_norm
// CHECK: linalg_ext.layer_norm axes([1, 2]) epsilon(1.000000e-05) ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<2x3x4xf16>, tensor<3x4xf16>, tensor<3x4xf16>) outs(%{{.*}} : tensor<2x3x4xf16>) -> tensor<2x3x4xf16>
// CHECK: linalg_ext.layer_norm axes([1]) epsilon(0.000000e+00) ins(%{{.*}} : memref<2x3xf32>) outs(%{{.*}} : memref<2x3xf32>)
func.func @layer_norm(%x: tensor<2x3x4xf16>, %g: tensor<3x4xf16>, %b: tensor<3x4xf16>, %xb: memref<2x3xf32>, %yb: memref<2x3xf32>) -> tensor<2x3x4xf16> {
  %e = tensor.empty() : tensor<2x3x4xf16>
  %0 = linalg_ext.layer_norm axes([1, 2]) epsilon(1.0e-5) ins(%x, %g, %b : tensor<2x3x4xf16>, tensor<3x4xf16>, tensor<3x4xf16>) outs(%e : tensor<2x3x4xf16>) -> tensor<2x3x4xf16>
  linalg_ext.layer_norm axes([1]) epsilon(0.0) ins(%xb : memref<2x3xf32>) outs(%yb : memref<2x3xf32>)
  return %0 : tensor<2x3x4xf16>
}

// -----

// CHECK-LABEL: func.func @topk
// CHECK: %{{.*}}:2 = linalg_ext.topk dimension(0) largest(false) ins(%{{.*}} : tensor<10x4xi32>) outs(%{{.*}}, %{{.*}} : tensor<3x4xi32>, tensor<3x4xi64>) -> tensor<3x4xi32>, tensor<3x4xi64>
func.func @topk(%x: tensor<10x4xi32>, %v: tensor<3x4xi32>, %i: tensor<3x4xi64>) -> (tensor<3x4xi32>, tensor<3x4xi64>) {
  %0:2 = linalg_ext.topk dimension(0) largest(false) ins(%x : tensor<10x4xi32>) outs(%v, %i : tensor<3x4xi32>, tensor<3x4xi64>) -> tensor<3x4xi32>, tensor<3x4xi64>
  return %0#0, %0#1 : tensor<3x4xi32>, tensor<3x4xi64>
}

// -----

// CHECK-LABEL: func.func @scan
// CHECK: linalg_ext.scan dimension(1) kind(add) ins(%{{.*}} : tensor<4x8xf32>) outs(%{{.*}} : tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK: linalg_ext.scan dimension(0) kind(max) {exclusive, reverse} ins(%{{.*}} : memref<5xi64>) outs(%{{.*}} : memref<5xi64>)
func.func @scan(%x: tensor<4x8xf32>, %xb: memref<5xi64>, %yb: memref<5xi64>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %0 = linalg_ext.scan dimension(1) kind(add) ins(%x : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) -> tensor<4x8xf32>
  linalg_ext.scan dimension(0) kind(max) {exclusive, reverse} ins(%xb : memref<5xi64>) outs(%yb : memref<5xi64>)
  return %0 : tensor<4x8xf32>
}

// -----

// CHECK-LABEL: func.func @sort
// CHECK: %{{.*}}:2 = linalg_ext.sort dimension(1) outs(%{{.*}}, %{{.*}} : tensor<4x10xf32>, tensor<4x10xi32>) {
// CHECK: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: i32, %{{.*}}: i32):
// CHECK:   %[[LT:.*]] = arith.cmpf olt, %[[A]], %[[B]] : f32
// CHECK:   linalg_ext.yield %[[LT]] : i1
// CHECK: } -> tensor<4x10xf32>, tensor<4x10xi32>
func.func @sort(%k: tensor<4x10xf32>, %v: tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>) {
  %0:2 = linalg_ext.sort dimension(1) outs(%k, %v : tensor<4x10xf32>, tensor<4x10xi32>) {
  ^bb0(%a: f32, %b: f32, %c: i32, %d: i32):
    %lt = arith.cmpf olt, %a, %b : f32
    linalg_ext.yield %lt : i1
  } -> tensor<4x10xf32>, tensor<4x10xi32>
  return %0#0, %0#1 : tensor<4x10xf32>, tensor<4x10xi32>
}

// -----

// CHECK-LABEL: func.func @gather
// CHECK: linalg_ext.gather {collapsed_slice_dims = array<i64: 1>, index_vector_dim = 2 : i64, offset_dims = array<i64: 2>, operand_batching_dims = array<i64: 0>, slice_sizes = array<i64: 1, 1, 3>, start_index_map = array<i64: 1>, start_indices_batching_dims = array<i64: 0>, unsigned_indices} ins(%{{.*}}, %{{.*}} : tensor<2x5x3xf32>, tensor<2x4x1xi32>) outs(%{{.*}} : tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
func.func @gather(%x: tensor<2x5x3xf32>, %i: tensor<2x4x1xi32>, %init: tensor<2x4x3xf32>) -> tensor<2x4x3xf32> {
  %0 = linalg_ext.gather {collapsed_slice_dims = array<i64: 1>, index_vector_dim = 2 : i64, offset_dims = array<i64: 2>, operand_batching_dims = array<i64: 0>, slice_sizes = array<i64: 1, 1, 3>, start_index_map = array<i64: 1>, start_indices_batching_dims = array<i64: 0>, unsigned_indices} ins(%x, %i : tensor<2x5x3xf32>, tensor<2x4x1xi32>) outs(%init : tensor<2x4x3xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

// CHECK-LABEL: func.func @scatter
// CHECK: linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%{{.*}}, %{{.*}}, %{{.*}} : memref<6x1xi64>, memref<6x3xf32>, memref<6x3xi32>) outs(%{{.*}}, %{{.*}} : memref<10x3xf32>, memref<10x3xi32>) {
// CHECK: ^bb0(%{{.*}}: f32, %{{.*}}: i32, %{{.*}}: f32, %{{.*}}: i32):
// CHECK:   linalg_ext.yield %{{.*}}, %{{.*}} : f32, i32
// CHECK: }
func.func @scatter(%i: memref<6x1xi64>, %u: memref<6x3xf32>, %v: memref<6x3xi32>, %x: memref<10x3xf32>, %y: memref<10x3xi32>) {
  linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%i, %u, %v : memref<6x1xi64>, memref<6x3xf32>, memref<6x3xi32>) outs(%x, %y : memref<10x3xf32>, memref<10x3xi32>) {
  ^bb0(%a: f32, %b: i32, %c: f32, %d: i32):
    %s = arith.addf %a, %c : f32
    %t = arith.addi %b, %d : i32
    linalg_ext.yield %s, %t : f32, i32
  }
  return
}
