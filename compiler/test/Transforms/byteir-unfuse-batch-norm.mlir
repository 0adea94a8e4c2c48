// RUN: byteir-opt %s -split-input-file -byteir-unfuse-batch-norm | FileCheck %s

// y = (x - mean) * (scale * rsqrt(var + eps)) + offset, per feature (dim 1).
// CHECK-LABEL: func.func @inference
// CHECK-SAME: (%[[X:.*]]: tensor<4x3x2xf32>, %[[S:.*]]: tensor<3xf32>, %[[O:.*]]: tensor<3xf32>, %[[M:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<3xf32>)
// CHECK: %[[EPS:.*]] = stablehlo.constant dense<1.000000e-03> : tensor<3xf32>
// CHECK: %[[VE:.*]] = stablehlo.add %[[V]], %[[EPS]]
// CHECK: %[[INV:.*]] = stablehlo.rsqrt %[[VE]]
// CHECK: %[[MUL:.*]] = stablehlo.multiply %[[INV]], %[[S]]
// CHECK: %[[MB:.*]] = stablehlo.broadcast_in_dim %[[M]], dims = [1] : (tensor<3xf32>) -> tensor<4x3x2xf32>
// CHECK: %[[C:.*]] = stablehlo.subtract %[[X]], %[[MB]]
// CHECK: %[[MULB:.*]] = stablehlo.broadcast_in_dim %[[MUL]], dims = [1]
// CHECK: %[[Y:.*]] = stablehlo.multiply %[[C]], %[[MULB]]
// CHECK: %[[OB:.*]] = stablehlo.broadcast_in_dim %[[O]], dims = [1]
// CHECK: %[[R:.*]] = stablehlo.add %[[Y]], %[[OB]]
// CHECK: return %[[R]]
// CHECK-NOT: batch_norm
func.func @inference(%x: tensor<4x3x2xf32>, %s: tensor<3xf32>, %o: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> tensor<4x3x2xf32> {
  %0 = "stablehlo.batch_norm_inference"(%x, %s, %o, %m, %v) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}

// -----

// Mean and biased variance: sums over dims [0, 2] divided by 8 elements per feature.
// CHECK-LABEL: func.func @training
// CHECK-DAG: %[[N:.*]] = stablehlo.constant dense<8.000000e+00> : tensor<3xf32>
// CHECK: %[[SUM:.*]] = stablehlo.reduce(%arg0 init: %{{.*}}) applies stablehlo.add across dimensions = [0, 2] : (tensor<4x3x2xf32>, tensor<f32>) -> tensor<3xf32>
// CHECK: %[[MEAN:.*]] = stablehlo.divide %[[SUM]], %[[N]]
// CHECK: %[[C:.*]] = stablehlo.subtract %arg0, %{{.*}}
// CHECK: %[[SQ:.*]] = stablehlo.multiply %[[C]], %[[C]]
// CHECK: %[[SQSUM:.*]] = stablehlo.reduce(%[[SQ]] init: %{{.*}}) applies stablehlo.add across dimensions = [0, 2]
// CHECK: %[[VAR:.*]] = stablehlo.divide %[[SQSUM]], %[[N]]
// CHECK: stablehlo.rsqrt
// CHECK: return %{{.*}}, %[[MEAN]], %[[VAR]]
func.func @training(%x: tensor<4x3x2xf32>, %s: tensor<3xf32>, %o: tensor<3xf32>) -> (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0:3 = "stablehlo.batch_norm_training"(%x, %s, %o) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0, %0#1, %0#2 : tensor<4x3x2xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// grad_offset = sum(dy), grad_scale = sum(dy * x_hat); their means reuse the sums.
// CHECK-LABEL: func.func @grad
// CHECK: %[[INV:.*]] = stablehlo.rsqrt
// CHECK: %[[XHAT:.*]] = stablehlo.multiply %{{.*}}, %{{.*}} : tensor<2x3xf32>
// CHECK: %[[DYX:.*]] = stablehlo.multiply %arg4, %[[XHAT]]
// CHECK: %[[GOFS:.*]] = stablehlo.reduce(%arg4 init: %{{.*}}) applies stablehlo.add across dimensions = [0]
// CHECK: %[[GSC:.*]] = stablehlo.reduce(%[[DYX]] init: %{{.*}}) applies stablehlo.add across dimensions = [0]
// CHECK: stablehlo.divide %[[GOFS]]
// CHECK: stablehlo.divide %[[GSC]]
// CHECK-NOT: stablehlo.reduce
// CHECK: return %{{.*}}, %[[GSC]], %[[GOFS]]
func.func @grad(%x: tensor<2x3xf32>, %s: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>, %gy: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0:3 = "stablehlo.batch_norm_grad"(%x, %s, %m, %v, %gy) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0, %0#1, %0#2 : tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// The element count is needed: dynamic shapes are left as they are.
// CHECK-LABEL: func.func @dynamic
// CHECK: stablehlo.batch_norm_training
func.func @dynamic(%x: tensor<?x3xf32>, %s: tensor<3xf32>, %o: tensor<3xf32>) -> tensor<?x3xf32> {
  %0:3 = "stablehlo.batch_norm_training"(%x, %s, %o) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<?x3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<?x3xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0 : tensor<?x3xf32>
}

// -----

// f16 batch norm: computed in f32 (sums over the batch would lose precision in
// f16), results converted back.
// CHECK-LABEL: func.func @training_f16
// CHECK: %[[X:.*]] = stablehlo.convert %arg0 : (tensor<8x3xf16>) -> tensor<8x3xf32>
// CHECK: stablehlo.reduce(%[[X]] init: %{{.*}}) applies stablehlo.add across dimensions = [0] : (tensor<8x3xf32>, tensor<f32>) -> tensor<3xf32>
// CHECK: %[[Y:.*]] = stablehlo.convert %{{.*}} : (tensor<8x3xf32>) -> tensor<8x3xf16>
// CHECK: %[[M:.*]] = stablehlo.convert %{{.*}} : (tensor<3xf32>) -> tensor<3xf16>
// CHECK: %[[V:.*]] = stablehlo.convert %{{.*}} : (tensor<3xf32>) -> tensor<3xf16>
// CHECK: return %[[Y]], %[[M]], %[[V]]
// CHECK-NOT: batch_norm
func.func @training_f16(%x: tensor<8x3xf16>, %s: tensor<3xf16>, %o: tensor<3xf16>) -> (tensor<8x3xf16>, tensor<3xf16>, tensor<3xf16>) {
  %0:3 = "stablehlo.batch_norm_training"(%x, %s, %o) <{epsilon = 1.0e-3 : f32, feature_index = 1 : i64}> : (tensor<8x3xf16>, tensor<3xf16>, tensor<3xf16>) -> (tensor<8x3xf16>, tensor<3xf16>, tensor<3xf16>)
  return %0#0, %0#1, %0#2 : tensor<8x3xf16>, tensor<3xf16>, tensor<3xf16>
}
