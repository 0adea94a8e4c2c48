// RUN: byteir-opt %s -split-input-file -byteir-cpu-partition | FileCheck %s
// RUN: byteir-opt %s -split-input-file -byteir-cpu-partition="use-libraries=false" | FileCheck %s --check-prefix=NOLIB
// RUN: byteir-opt %s -split-input-file -byteir-dot-general-normalize -byteir-cpu-partition | FileCheck %s --check-prefix=NORM

// A matmul between two elementwise runs: library call in the middle, two kernels.
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[X:.*]]: tensor<4x8xf32>, %[[W:.*]]: tensor<8x16xf32>)
// CHECK:   %[[K0:.*]] = call @main_kernel_0(%[[X]]) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK:   %[[MM:.*]] = stablehlo.dot_general %[[K0]], %[[W]]
// CHECK-SAME: byteir.library_attrs = {lhs_transpose = false, rhs_transpose = false}, byteir.library_call = "MatmulOp"
// CHECK:   %[[K1:.*]] = call @main_kernel_1(%[[MM]]) : (tensor<4x16xf32>) -> tensor<4x16xf32>
// CHECK:   return %[[K1]]
// CHECK: func.func @main_kernel_0(%{{.*}}: tensor<4x8xf32> {bufferization.writable = false}) -> tensor<4x8xf32> attributes {byteir.kernel}
// CHECK:   stablehlo.exponential
// CHECK: func.func @main_kernel_1(%{{.*}}: tensor<4x16xf32> {bufferization.writable = false}) -> tensor<4x16xf32> attributes {byteir.kernel}
// The constant is cloned into the kernel that uses it.
// CHECK:   stablehlo.constant dense<0.000000e+00>
// CHECK:   stablehlo.maximum
// NOLIB-LABEL: func.func @main(
// NOLIB-NEXT:   %[[K:.*]] = call @main_kernel_0
// NOLIB-NEXT:   return %[[K]]
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<4x16xf32>
  %0 = stablehlo.exponential %x : tensor<4x8xf32>
  %1 = stablehlo.dot_general %0, %w, contracting_dims = [1] x [0] : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %2 = stablehlo.maximum %1, %zero : tensor<4x16xf32>
  return %2 : tensor<4x16xf32>
}

// -----

// Batched and transposed operands map onto the matmul contract; convolutions in
// NHWC/HWIO onto the conv contract.
// CHECK-LABEL: func.func @main(
// CHECK: stablehlo.dot_general {{.*}}byteir.library_attrs = {lhs_transpose = true, rhs_transpose = true}, byteir.library_call = "MatmulOp"
// CHECK: stablehlo.convolution{{.*}}byteir.library_attrs = {dilations = array<i64: 1, 1>, feature_group_count = 1 : i64, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}, byteir.library_call = "ConvOp"
func.func @main(%a: tensor<2x8x4xf32>, %b: tensor<2x16x8xf32>, %x: tensor<1x8x8x3xf32>, %k: tensor<3x3x3x4xf32>) -> (tensor<2x4x16xf32>, tensor<1x4x4x4xf32>) {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [1] x [2] : (tensor<2x8x4xf32>, tensor<2x16x8xf32>) -> tensor<2x4x16xf32>
  %1 = stablehlo.convolution(%x, %k) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
  return %0, %1 : tensor<2x4x16xf32>, tensor<1x4x4x4xf32>
}

// -----

// Not library-shaped (integer matmul, NCHW convolution): generated code.
// CHECK-LABEL: func.func @main(
// CHECK-NOT: byteir.library_call
// CHECK: call @main_kernel_0
func.func @main(%a: tensor<4x8xi32>, %b: tensor<8x2xi32>, %x: tensor<1x3x8x8xf32>, %k: tensor<4x3x3x3xf32>) -> (tensor<4x2xi32>, tensor<1x4x6x6xf32>) {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<4x8xi32>, tensor<8x2xi32>) -> tensor<4x2xi32>
  %1 = stablehlo.convolution(%x, %k) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0, %1 : tensor<4x2xi32>, tensor<1x4x6x6xf32>
}

// -----

// Zero-element values never cross a kernel boundary: inside the kernel an empty
// input is an empty constant, an empty result is an empty constant in the entry
// (byteir-hlo-fold-constants has normally folded such ops away before).
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %{{.*}}: tensor<0x4xf32>, %[[B:.*]]: tensor<3x4xf32>
// CHECK-DAG: %[[E0:.*]] = stablehlo.constant dense<> : tensor<0x4xf32>
// CHECK-DAG: %[[E1:.*]] = stablehlo.constant dense<> : tensor<0x4xf32>
// CHECK-DAG: %[[K:.*]] = call @main_kernel_0(%[[B]]) : (tensor<3x4xf32>) -> tensor<3x4xf32>
// CHECK: return %{{.*}}, %[[K]], %{{.*}} : tensor<0x4xf32>, tensor<3x4xf32>, tensor<0x4xf32>
// CHECK: func.func @main_kernel_0(%{{.*}}: tensor<3x4xf32> {bufferization.writable = false}) -> tensor<3x4xf32>
// CHECK: %[[KE:.*]] = stablehlo.constant dense<> : tensor<0x4xf32>
// CHECK: %[[EXP:.*]] = stablehlo.exponential %[[KE]]
// CHECK: stablehlo.concatenate %[[EXP]], %{{.*}}, dim = 0
// CHECK: stablehlo.dot_general %[[KE]]
// CHECK-NOT: byteir.library_call
func.func @main(%a: tensor<0x4xf32>, %b: tensor<3x4xf32>) -> (tensor<0x4xf32>, tensor<3x4xf32>, tensor<0x4xf32>) {
  %0 = stablehlo.exponential %a : tensor<0x4xf32>
  %1 = stablehlo.concatenate %0, %b, dim = 0 : (tensor<0x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %2 = stablehlo.add %1, %1 : tensor<3x4xf32>
  %3 = stablehlo.dot_general %a, %2, contracting_dims = [1] x [1] : (tensor<0x4xf32>, tensor<3x4xf32>) -> tensor<0x3xf32>
  %4 = stablehlo.negate %0 : tensor<0x4xf32>
  return %4, %2, %0 : tensor<0x4xf32>, tensor<3x4xf32>, tensor<0x4xf32>
}

// -----

// Only empty values: no kernel at all.
// CHECK-LABEL: func.func @main(
// CHECK: %[[E:.*]] = stablehlo.constant dense<> : tensor<2x0xf32>
// CHECK: return %[[E]]
// CHECK-NOT: func.func
func.func @main(%a: tensor<0x2xf32>) -> tensor<2x0xf32> {
  %0 = stablehlo.transpose %a, dims = [1, 0] : (tensor<0x2xf32>) -> tensor<2x0xf32>
  %1 = stablehlo.abs %0 : tensor<2x0xf32>
  return %1 : tensor<2x0xf32>
}

// -----

// Dots the matcher does not take as they are (batch dims not leading, attention
// scores with two batch dims, two contracting dims) are matmuls after
// byteir-dot-general-normalize.
// CHECK-LABEL: func.func @main(
// CHECK-NOT: byteir.library_call
// NORM-LABEL: func.func @main(
// NORM-COUNT-3: byteir.library_call = "MatmulOp"
func.func @main(%q: tensor<2x5x3x8xf32>, %k: tensor<2x7x3x8xf32>, %a: tensor<5x3x4xf32>, %b: tensor<4x3x6xf32>, %m: tensor<6x2x5xf32>, %v: tensor<2x5x3xf32>) -> (tensor<2x3x5x7xf32>, tensor<3x5x6xf32>, tensor<6x3xf32>) {
  %0 = stablehlo.dot_general %q, %k, batching_dims = [0, 2] x [0, 2], contracting_dims = [3] x [3] : (tensor<2x5x3x8xf32>, tensor<2x7x3x8xf32>) -> tensor<2x3x5x7xf32>
  %1 = stablehlo.dot_general %a, %b, batching_dims = [1] x [1], contracting_dims = [2] x [0] : (tensor<5x3x4xf32>, tensor<4x3x6xf32>) -> tensor<3x5x6xf32>
  %2 = stablehlo.dot_general %m, %v, contracting_dims = [1, 2] x [0, 1] : (tensor<6x2x5xf32>, tensor<2x5x3xf32>) -> tensor<6x3xf32>
  return %0, %1, %2 : tensor<2x3x5x7xf32>, tensor<3x5x6xf32>, tensor<6x3xf32>
}

// -----

// Vector operands are not matmul-shaped (generated code), and do not crash the matcher.
// CHECK-LABEL: func.func @main(
// CHECK-NOT: byteir.library_call
// CHECK: call @main_kernel_0
func.func @main(%a: tensor<5xf32>, %b: tensor<6x5xf32>) -> (tensor<6xf32>, tensor<f32>) {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [0] x [1] : (tensor<5xf32>, tensor<6x5xf32>) -> tensor<6xf32>
  %1 = stablehlo.dot_general %a, %a, contracting_dims = [0] x [0] : (tensor<5xf32>, tensor<5xf32>) -> tensor<f32>
  return %0, %1 : tensor<6xf32>, tensor<f32>
}
