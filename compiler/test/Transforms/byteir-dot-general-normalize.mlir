// RUN: byteir-opt %s -split-input-file -byteir-dot-general-normalize | FileCheck %s

// Two contracting dims are merged into one by reshapes; no transpose is needed.
// CHECK-LABEL: func.func @two_contracting_dims
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf32>, %[[B:.*]]: tensor<3x4x5xf32>)
// CHECK: %[[L:.*]] = stablehlo.reshape %[[A]] : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK: %[[R:.*]] = stablehlo.reshape %[[B]] : (tensor<3x4x5xf32>) -> tensor<12x5xf32>
// CHECK: %[[D:.*]] = stablehlo.dot_general %[[L]], %[[R]], contracting_dims = [1] x [0] : (tensor<2x12xf32>, tensor<12x5xf32>) -> tensor<2x5xf32>
// CHECK: return %[[D]]
func.func @two_contracting_dims(%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>) -> tensor<2x5xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1, 2] x [0, 1] : (tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// Batch dims not leading are moved to the front.
// CHECK-LABEL: func.func @batch_not_leading
// CHECK: %[[L:.*]] = stablehlo.transpose %{{.*}}, dims = [1, 0, 2] : (tensor<3x2x4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[R:.*]] = stablehlo.transpose %{{.*}}, dims = [1, 0, 2] : (tensor<4x2x5xf32>) -> tensor<2x4x5xf32>
// CHECK: stablehlo.dot_general %[[L]], %[[R]], batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
func.func @batch_not_leading(%a: tensor<3x2x4xf32>, %b: tensor<4x2x5xf32>) -> tensor<2x3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [1] x [1], contracting_dims = [2] x [0] : (tensor<3x2x4xf32>, tensor<4x2x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// Einsum "bhqd,bkhd->bhqk": two batch dims, rhs batch dims out of order; several
// free dims on the lhs are merged, and the result is reshaped back.
// CHECK-LABEL: func.func @einsum_like
// CHECK: %[[R:.*]] = stablehlo.transpose %{{.*}}, dims = [0, 2, 3, 1] : (tensor<2x5x3x4xf32>) -> tensor<2x3x4x5xf32>
// CHECK: stablehlo.dot_general %{{.*}}, %[[R]], batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [2] : (tensor<2x3x6x4xf32>, tensor<2x3x4x5xf32>) -> tensor<2x3x6x5xf32>
// CHECK-NOT: stablehlo.reshape
func.func @einsum_like(%q: tensor<2x3x6x4xf32>, %k: tensor<2x5x3x4xf32>) -> tensor<2x3x6x5xf32> {
  %0 = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 2], contracting_dims = [3] x [3] : (tensor<2x3x6x4xf32>, tensor<2x5x3x4xf32>) -> tensor<2x3x6x5xf32>
  return %0 : tensor<2x3x6x5xf32>
}

// -----

// Several free dims on both sides and a transposed lhs ([K, M] is used as is).
// CHECK-LABEL: func.func @merged_free_dims
// CHECK: %[[L:.*]] = stablehlo.reshape %{{.*}} : (tensor<4x2x3xf32>) -> tensor<4x6xf32>
// CHECK: %[[R:.*]] = stablehlo.reshape %{{.*}} : (tensor<4x5x7xf32>) -> tensor<4x35xf32>
// CHECK: %[[D:.*]] = stablehlo.dot_general %[[L]], %[[R]], contracting_dims = [0] x [0] : (tensor<4x6xf32>, tensor<4x35xf32>) -> tensor<6x35xf32>
// CHECK: stablehlo.reshape %[[D]] : (tensor<6x35xf32>) -> tensor<2x3x5x7xf32>
func.func @merged_free_dims(%a: tensor<4x2x3xf32>, %b: tensor<4x5x7xf32>) -> tensor<2x3x5x7xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [0] x [0] : (tensor<4x2x3xf32>, tensor<4x5x7xf32>) -> tensor<2x3x5x7xf32>
  return %0 : tensor<2x3x5x7xf32>
}

// -----

// Canonical dots (rhs as [B, N, K] too), dynamically shaped dots, dots with an
// operand without free dims (matrix-vector, two contracting dims) and dots without
// contracting dims are left alone.
// CHECK-LABEL: func.func @unchanged
// CHECK-NOT: stablehlo.transpose
// CHECK-NOT: stablehlo.reshape
// CHECK: stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [0], contracting_dims = [2] x [2]
// CHECK: stablehlo.dot_general %arg2, %arg3, contracting_dims = [1] x [0]
// CHECK: stablehlo.dot_general %arg4, %arg4, contracting_dims = [1] x [1]
// CHECK: stablehlo.dot_general %arg5, %arg6, contracting_dims = [1, 2] x [0, 1]
// CHECK: stablehlo.dot_general %arg3, %arg3, batching_dims = [0] x [0], contracting_dims = [] x [] :
func.func @unchanged(%a: tensor<2x3x4xf32>, %b: tensor<2x5x4xf32>, %c: tensor<?x6xf32>, %d: tensor<6x5xf32>, %e: tensor<3x4xi32>, %f: tensor<6x2x3xf32>, %g: tensor<2x3xf32>) -> (tensor<2x3x5xf32>, tensor<?x5xf32>, tensor<3x3xi32>, tensor<6xf32>, tensor<6x5x5xf32>) {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [2] : (tensor<2x3x4xf32>, tensor<2x5x4xf32>) -> tensor<2x3x5xf32>
  %1 = stablehlo.dot_general %c, %d, contracting_dims = [1] x [0] : (tensor<?x6xf32>, tensor<6x5xf32>) -> tensor<?x5xf32>
  %2 = stablehlo.dot_general %e, %e, contracting_dims = [1] x [1] : (tensor<3x4xi32>, tensor<3x4xi32>) -> tensor<3x3xi32>
  %3 = stablehlo.dot_general %f, %g, contracting_dims = [1, 2] x [0, 1] : (tensor<6x2x3xf32>, tensor<2x3xf32>) -> tensor<6xf32>
  %4 = stablehlo.dot_general %d, %d, batching_dims = [0] x [0], contracting_dims = [] x [] : (tensor<6x5xf32>, tensor<6x5xf32>) -> tensor<6x5x5xf32>
  return %0, %1, %2, %3, %4 : tensor<2x3x5xf32>, tensor<?x5xf32>, tensor<3x3xi32>, tensor<6xf32>, tensor<6x5x5xf32>
}
