// RUN: byteir-opt %s -split-input-file --byteir-linalg-ext-tile="tile-sizes=2,4,8" | FileCheck %s

// The reduced dim (1) is never tiled: one loop over dim 0, whole rows per tile.
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>, %[[INIT:.*]]: tensor<4x8xf32>)
// CHECK: %[[C2:.*]] = arith.constant 2 : index
// CHECK: %[[R:.*]] = scf.for %[[I:[a-z0-9_]+]] = %{{.*}} to %{{.*}} step %[[C2]] iter_args(%[[ACC:.*]] = %[[INIT]]) -> (tensor<4x8xf32>)
// CHECK:   %[[XS:.*]] = tensor.extract_slice %[[X]][%[[I]], 0] [2, 8] [1, 1] : tensor<4x8xf32> to tensor<2x8xf32>
// CHECK:   %[[YS:.*]] = tensor.extract_slice %[[ACC]][%[[I]], 0] [2, 8] [1, 1] : tensor<4x8xf32> to tensor<2x8xf32>
// CHECK:   %[[T:.*]] = linalg_ext.softmax dimension(1) ins(%[[XS]] : tensor<2x8xf32>) outs(%[[YS]] : tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK:   %[[INS:.*]] = tensor.insert_slice %[[T]] into %[[ACC]][%[[I]], 0] [2, 8] [1, 1]
// CHECK:   scf.yield %[[INS]]
// CHECK-NOT: scf.for
// CHECK: return %[[R]]
func.func @softmax(%x: tensor<4x8xf32>, %init: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg_ext.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

// Scanned along dim 0: dims 1 and 2 are tiled by 4 and 8.
// CHECK-LABEL: func.func @scan_dim0
// CHECK: scf.for %[[I:[a-z0-9_]+]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
// CHECK:   scf.for %[[J:[a-z0-9_]+]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args
// CHECK:     tensor.extract_slice %{{.*}}[0, %[[I]], %[[J]]] [6, 4, 8] [1, 1, 1] : tensor<6x8x16xi32> to tensor<6x4x8xi32>
// CHECK:     linalg_ext.scan dimension(0) kind(mul) {exclusive} ins(%{{.*}} : tensor<6x4x8xi32>) outs(%{{.*}} : tensor<6x4x8xi32>) -> tensor<6x4x8xi32>
func.func @scan_dim0(%x: tensor<6x8x16xi32>, %init: tensor<6x8x16xi32>) -> tensor<6x8x16xi32> {
  %0 = linalg_ext.scan dimension(0) kind(mul) {exclusive} ins(%x : tensor<6x8x16xi32>) outs(%init : tensor<6x8x16xi32>) -> tensor<6x8x16xi32>
  return %0 : tensor<6x8x16xi32>
}

// -----

// topk: the outputs keep all k along the reduced dim; the last tile is partial.
// CHECK-LABEL: func.func @topk
// CHECK: scf.for %[[I:[a-z0-9_]+]] = {{.*}} -> (tensor<5x3xf32>, tensor<5x3xi32>)
// CHECK:   affine.min
// CHECK:   tensor.extract_slice %{{.*}}[%[[I]], 0] [%{{.*}}, 10] [1, 1] : tensor<5x10xf32> to tensor<?x10xf32>
// CHECK:   tensor.extract_slice %{{.*}}[%[[I]], 0] [%{{.*}}, 3] [1, 1] : tensor<5x3xf32> to tensor<?x3xf32>
// CHECK:   tensor.extract_slice %{{.*}}[%[[I]], 0] [%{{.*}}, 3] [1, 1] : tensor<5x3xi32> to tensor<?x3xi32>
// CHECK:   linalg_ext.topk dimension(1) largest(true) ins(%{{.*}} : tensor<?x10xf32>) outs(%{{.*}}, %{{.*}} : tensor<?x3xf32>, tensor<?x3xi32>) -> tensor<?x3xf32>, tensor<?x3xi32>
func.func @topk(%x: tensor<5x10xf32>, %v: tensor<5x3xf32>, %i: tensor<5x3xi32>) -> (tensor<5x3xf32>, tensor<5x3xi32>) {
  %0:2 = linalg_ext.topk dimension(1) largest(true) ins(%x : tensor<5x10xf32>) outs(%v, %i : tensor<5x3xf32>, tensor<5x3xi32>) -> tensor<5x3xf32>, tensor<5x3xi32>
  return %0#0, %0#1 : tensor<5x3xf32>, tensor<5x3xi32>
}

// -----

// layer_norm on buffers: subviews of input and output, the parameters whole.
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: memref<6x2x8xf32>, %[[G:.*]]: memref<2x8xf32>, %[[Y:.*]]: memref<6x2x8xf32>)
// CHECK: scf.for %[[I:[a-z0-9_]+]] =
// CHECK:   %[[XS:.*]] = memref.subview %[[X]][%[[I]], 0, 0] [2, 2, 8] [1, 1, 1]
// CHECK:   %[[YS:.*]] = memref.subview %[[Y]][%[[I]], 0, 0] [2, 2, 8] [1, 1, 1]
// CHECK:   linalg_ext.layer_norm axes([1, 2]) epsilon(0.000000e+00) ins(%[[XS]], %[[G]] : {{.*}}) outs(%[[YS]] : {{.*}})
func.func @layer_norm(%x: memref<6x2x8xf32>, %g: memref<2x8xf32>, %y: memref<6x2x8xf32>) {
  linalg_ext.layer_norm axes([1, 2]) epsilon(0.0) ins(%x, %g : memref<6x2x8xf32>, memref<2x8xf32>) outs(%y : memref<6x2x8xf32>)
  return
}

// -----

// sort along dim 0 of a 2-d operand: dim 1 tiled by 4.
// CHECK-LABEL: func.func @sort
// CHECK: scf.for %[[J:[a-z0-9_]+]] = {{.*}} -> (tensor<5x8xi32>)
// CHECK:   tensor.extract_slice %{{.*}}[0, %[[J]]] [5, 4] [1, 1] : tensor<5x8xi32> to tensor<5x4xi32>
// CHECK:   linalg_ext.sort dimension(0) outs(%{{.*}} : tensor<5x4xi32>)
// CHECK:     arith.cmpi slt
// CHECK:   tensor.insert_slice
func.func @sort(%k: tensor<5x8xi32>) -> tensor<5x8xi32> {
  %0 = linalg_ext.sort dimension(0) outs(%k : tensor<5x8xi32>) {
  ^bb0(%a: i32, %b: i32):
    %lt = arith.cmpi slt, %a, %b : i32
    linalg_ext.yield %lt : i1
  } -> tensor<5x8xi32>
  return %0 : tensor<5x8xi32>
}

// -----

// gather: the batch dims tile (indices sliced with them, the operand along its
// batching dim), the offset dim (2) stays whole.
// CHECK-LABEL: func.func @gather_batching
// CHECK-SAME: (%[[X:.*]]: tensor<6x5x3xf32>, %[[I:.*]]: tensor<6x4x1xi32>, %[[INIT:.*]]: tensor<6x4x3xf32>)
// CHECK: scf.for %[[B:[a-z0-9_]+]] =
// CHECK:   scf.for %[[J:[a-z0-9_]+]] =
// CHECK:     %[[XS:.*]] = tensor.extract_slice %[[X]][%[[B]], 0, 0] [2, 5, 3] [1, 1, 1]
// CHECK:     %[[IS:.*]] = tensor.extract_slice %[[I]][%[[B]], %[[J]], 0] [2, 4, 1] [1, 1, 1]
// CHECK:     %[[OS:.*]] = tensor.extract_slice %{{.*}}[%[[B]], %[[J]], 0] [2, 4, 3] [1, 1, 1]
// CHECK:     linalg_ext.gather {{{.*}}} ins(%[[XS]], %[[IS]] : tensor<2x5x3xf32>, tensor<2x4x1xi32>) outs(%[[OS]] : tensor<2x4x3xf32>)
func.func @gather_batching(%x: tensor<6x5x3xf32>, %i: tensor<6x4x1xi32>, %init: tensor<6x4x3xf32>) -> tensor<6x4x3xf32> {
  %0 = linalg_ext.gather {collapsed_slice_dims = array<i64: 1>, index_vector_dim = 2 : i64, offset_dims = array<i64: 2>, operand_batching_dims = array<i64: 0>, slice_sizes = array<i64: 1, 1, 3>, start_index_map = array<i64: 1>, start_indices_batching_dims = array<i64: 0>} ins(%x, %i : tensor<6x5x3xf32>, tensor<6x4x1xi32>) outs(%init : tensor<6x4x3xf32>) -> tensor<6x4x3xf32>
  return %0 : tensor<6x4x3xf32>
}

// -----

// scatter: every loop is a reduction (updates may collide): not tiled.
// CHECK-LABEL: func.func @scatter
// CHECK-NOT: scf.for
// CHECK: linalg_ext.scatter
func.func @scatter(%i: tensor<6x1xi32>, %u: tensor<6x3xf32>, %x: tensor<10x3xf32>) -> tensor<10x3xf32> {
  %0 = linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%i, %u : tensor<6x1xi32>, tensor<6x3xf32>) outs(%x : tensor<10x3xf32>) {
  ^bb0(%a: f32, %b: f32):
    %s = arith.addf %a, %b : f32
    linalg_ext.yield %s : f32
  } -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}
