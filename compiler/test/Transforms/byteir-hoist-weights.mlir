// RUN: byteir-opt %s -split-input-file -verify-diagnostics -byteir-hoist-weights="min-bytes=64" | FileCheck %s
// RUN: byteir-opt %s -split-input-file -verify-diagnostics -byteir-hoist-weights | FileCheck %s --check-prefix=DEFAULT

// Non-splat constants of at least 64 bytes become trailing arguments carrying their
// value; identical values share one; splats and small constants stay.
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[X:[^:]*]]: tensor<4x4xf32>,
// CHECK-SAME: %[[W:[^:]*]]: tensor<4x4xf32> {byteir.weight = dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00], {{.*}}> : tensor<4x4xf32>},
// CHECK-SAME: %[[M:[^:]*]]: tensor<16xi32> {byteir.weight = dense<[0, 1, 2, {{.*}}]> : tensor<16xi32>})
// CHECK-NOT: byteir.weight
// CHECK-DAG: %[[SPLAT:.*]] = stablehlo.constant dense<1.000000e+00> : tensor<4x4xf32>
// CHECK-DAG: %[[SMALL:.*]] = stablehlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK: %[[A:.*]] = stablehlo.add %[[X]], %[[W]]
// CHECK: %[[B:.*]] = stablehlo.multiply %[[A]], %[[W]]
// CHECK: %[[C:.*]] = stablehlo.add %[[B]], %[[SPLAT]]
// CHECK: return %[[C]], %[[SMALL]], %[[M]]
// The default threshold is 256 bytes: nothing here is that large.
// DEFAULT-LABEL: func.func @main(
// DEFAULT-SAME: %{{.*}}: tensor<4x4xf32>) ->
// DEFAULT-NOT: byteir.weight
func.func @main(%x: tensor<4x4xf32>) -> (tensor<4x4xf32>, tensor<2xf32>, tensor<16xi32>) {
  %w = stablehlo.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]> : tensor<4x4xf32>
  %w2 = stablehlo.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]> : tensor<4x4xf32>
  %splat = stablehlo.constant dense<1.0> : tensor<4x4xf32>
  %small = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %m = stablehlo.constant dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]> : tensor<16xi32>
  %0 = stablehlo.add %x, %w : tensor<4x4xf32>
  %1 = stablehlo.multiply %0, %w2 : tensor<4x4xf32>
  %2 = stablehlo.add %1, %splat : tensor<4x4xf32>
  return %2, %small, %m : tensor<4x4xf32>, tensor<2xf32>, tensor<16xi32>
}

// -----

// Only the entry function is rewritten; a bool constant counts one byte per element
// (as the runtime stores it); complex and f8 constants have no runtime dtype.
// CHECK-LABEL: func.func private @helper(
// CHECK: stablehlo.constant dense<[0, 1, 2
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %{{.*}}: tensor<64xi1> {byteir.weight = dense<[true, false, {{.*}}]> : tensor<64xi1>})
// CHECK-DAG: stablehlo.constant dense<{{.*}}> : tensor<16xcomplex<f32>>
// CHECK-DAG: stablehlo.constant dense<{{.*}}> : tensor<64xf8E4M3FN>
func.func private @helper() -> tensor<16xi32> {
  %m = stablehlo.constant dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]> : tensor<16xi32>
  return %m : tensor<16xi32>
}
func.func @main() -> (tensor<64xi1>, tensor<16xcomplex<f32>>, tensor<64xf8E4M3FN>) {
  %b = stablehlo.constant dense<[true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, false, true, true]> : tensor<64xi1>
  %c = stablehlo.constant dense<[(1.0, 2.0), (3.0, 4.0), (1.0, 2.0), (3.0, 4.0), (1.0, 2.0), (3.0, 4.0), (1.0, 2.0), (3.0, 4.0), (1.0, 2.0), (3.0, 4.0), (1.0, 2.0), (3.0, 4.0), (1.0, 2.0), (3.0, 4.0), (1.0, 2.0), (3.0, 5.0)]> : tensor<16xcomplex<f32>>
  %f = stablehlo.constant dense<"0x0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F40"> : tensor<64xf8E4M3FN>
  return %b, %c, %f : tensor<64xi1>, tensor<16xcomplex<f32>>, tensor<64xf8E4M3FN>
}

// -----

// expected-error @below {{no entry function 'main' to hoist weights from}}
module {
  func.func private @main(tensor<4xf32>) -> tensor<4xf32>
}
