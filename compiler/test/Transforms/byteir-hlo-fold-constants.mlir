// RUN: byteir-opt %s -split-input-file -byteir-hlo-fold-constants | FileCheck %s
// RUN: byteir-opt %s -split-input-file -byteir-hlo-fold-constants=size-limit=4 | FileCheck %s --check-prefix=LIMIT

// Reductions of constants: integer sum, float max with NaN propagation, boolean
// and, boolean add (= or), unsigned min, float sum in index order.
// CHECK-LABEL: func.func @reduce_constants
// CHECK-DAG: stablehlo.constant dense<[6, 15]> : tensor<2xi32>
// CHECK-DAG: stablehlo.constant dense<[4.000000e+00, 0x7FC00000, 3.000000e+00]> : tensor<3xf32>
// CHECK-DAG: stablehlo.constant dense<false> : tensor<i1>
// CHECK-DAG: stablehlo.constant dense<true> : tensor<i1>
// CHECK-DAG: stablehlo.constant dense<200> : tensor<ui8>
// CHECK-DAG: stablehlo.constant dense<0.000000e+00> : tensor<f32>
// CHECK-NOT: stablehlo.reduce
// LIMIT-LABEL: func.func @reduce_constants
// LIMIT: stablehlo.reduce
func.func @reduce_constants() -> (tensor<2xi32>, tensor<3xf32>, tensor<i1>, tensor<i1>, tensor<ui8>, tensor<f32>) {
  %c = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %f = stablehlo.constant dense<[[1.0, 2.0, 3.0], [4.0, 0x7FC00000, -6.0]]> : tensor<2x3xf32>
  %b = stablehlo.constant dense<[true, false, true]> : tensor<3xi1>
  %u = stablehlo.constant dense<[250, 200, 255]> : tensor<3xui8>
  %s = stablehlo.constant dense<[1.0e+8, 1.0, -1.0e+8]> : tensor<3xf32>
  %z = stablehlo.constant dense<0> : tensor<i32>
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %t = stablehlo.constant dense<true> : tensor<i1>
  %fa = stablehlo.constant dense<false> : tensor<i1>
  %umax = stablehlo.constant dense<255> : tensor<ui8>
  %fz = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = stablehlo.reduce(%c init: %z) applies stablehlo.add across dimensions = [1] : (tensor<2x3xi32>, tensor<i32>) -> tensor<2xi32>
  %1 = stablehlo.reduce(%f init: %ninf) applies stablehlo.maximum across dimensions = [0] : (tensor<2x3xf32>, tensor<f32>) -> tensor<3xf32>
  %2 = stablehlo.reduce(%b init: %t) applies stablehlo.and across dimensions = [0] : (tensor<3xi1>, tensor<i1>) -> tensor<i1>
  %3 = stablehlo.reduce(%b init: %fa) applies stablehlo.add across dimensions = [0] : (tensor<3xi1>, tensor<i1>) -> tensor<i1>
  %4 = stablehlo.reduce(%u init: %umax) applies stablehlo.minimum across dimensions = [0] : (tensor<3xui8>, tensor<ui8>) -> tensor<ui8>
  // In index order 1e8 + 1 rounds to 1e8 in f32, then 1e8 - 1e8 = 0.
  %5 = stablehlo.reduce(%s init: %fz) applies stablehlo.add across dimensions = [0] : (tensor<3xf32>, tensor<f32>) -> tensor<f32>
  return %0, %1, %2, %3, %4, %5 : tensor<2xi32>, tensor<3xf32>, tensor<i1>, tensor<i1>, tensor<ui8>, tensor<f32>
}

// -----

// A folded reduction folds further with the StableHLO folders.
// CHECK-LABEL: func.func @cascade
// CHECK: %[[C:.*]] = stablehlo.constant dense<[7, 16]> : tensor<2xi32>
// CHECK: return %[[C]]
func.func @cascade() -> tensor<2xi32> {
  %c = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %z = stablehlo.constant dense<0> : tensor<i32>
  %one = stablehlo.constant dense<1> : tensor<2xi32>
  %0 = stablehlo.reduce(%c init: %z) applies stablehlo.add across dimensions = [1] : (tensor<2x3xi32>, tensor<i32>) -> tensor<2xi32>
  %1 = stablehlo.add %0, %one : tensor<2xi32>
  return %1 : tensor<2xi32>
}

// -----

// Bodies other than one binary op of the two arguments, and non-constant
// inputs, are not folded.
// CHECK-LABEL: func.func @not_folded
// CHECK-COUNT-2: stablehlo.reduce
func.func @not_folded(%x: tensor<3xf32>) -> (tensor<f32>, tensor<f32>) {
  %c = stablehlo.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %z = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = stablehlo.reduce(%c init: %z) across dimensions = [0] : (tensor<3xf32>, tensor<f32>) -> tensor<f32>
   reducer(%a: tensor<f32>, %b: tensor<f32>) {
    %s = stablehlo.add %a, %b : tensor<f32>
    %t = stablehlo.multiply %s, %s : tensor<f32>
    stablehlo.return %t : tensor<f32>
  }
  %1 = stablehlo.reduce(%x init: %z) applies stablehlo.add across dimensions = [0] : (tensor<3xf32>, tensor<f32>) -> tensor<f32>
  return %0, %1 : tensor<f32>, tensor<f32>
}

// -----

// Zero-element tensors: ops producing them become empty constants; a reduce
// over an empty dim is its init; a contraction over an empty dim is zeros; a
// pad of an empty operand is the padding value; an empty update changes nothing;
// concatenate drops empty inputs.
// CHECK-LABEL: func.func @empty
// CHECK-SAME: (%[[A:.*]]: tensor<0x4xf32>, %[[B:.*]]: tensor<4x0xf32>, %[[C:.*]]: tensor<3x4xf32>)
// CHECK-DAG: %[[E:.*]] = stablehlo.constant dense<> : tensor<0x4xf32>
// CHECK-DAG: %[[ONES:.*]] = stablehlo.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK-DAG: %[[ZEROS:.*]] = stablehlo.constant dense<0.000000e+00> : tensor<4x4xf32>
// CHECK-DAG: %[[PAD:.*]] = stablehlo.constant dense<1.000000e+00> : tensor<2x4xf32>
// CHECK-DAG: %[[EI:.*]] = stablehlo.constant dense<> : tensor<4x0xi32>
// CHECK: return %[[E]], %[[ONES]], %[[ZEROS]], %[[PAD]], %[[C]], %[[C]], %[[EI]]
func.func @empty(%a: tensor<0x4xf32>, %b: tensor<4x0xf32>, %c: tensor<3x4xf32>) -> (tensor<0x4xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<2x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<4x0xi32>) {
  %0 = stablehlo.exponential %a : tensor<0x4xf32>
  %one = stablehlo.constant dense<1.0> : tensor<f32>
  %1 = stablehlo.reduce(%a init: %one) applies stablehlo.multiply across dimensions = [0] : (tensor<0x4xf32>, tensor<f32>) -> tensor<4xf32>
  %2 = stablehlo.dot_general %b, %a, contracting_dims = [1] x [0] : (tensor<4x0xf32>, tensor<0x4xf32>) -> tensor<4x4xf32>
  %3 = stablehlo.pad %a, %one, low = [1, 0], high = [1, 0], interior = [0, 0] : (tensor<0x4xf32>, tensor<f32>) -> tensor<2x4xf32>
  %i = stablehlo.constant dense<1> : tensor<i32>
  %4 = stablehlo.dynamic_update_slice %c, %a, %i, %i : (tensor<3x4xf32>, tensor<0x4xf32>, tensor<i32>, tensor<i32>) -> tensor<3x4xf32>
  %5 = stablehlo.concatenate %a, %c, dim = 0 : (tensor<0x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  %6 = stablehlo.convert %b : (tensor<4x0xf32>) -> tensor<4x0xi32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<0x4xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<2x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>, tensor<4x0xi32>
}

// -----

// A scatter without update elements returns its input.
// CHECK-LABEL: func.func @scatter_empty
// CHECK-NOT: stablehlo.scatter
// CHECK: return %arg0
func.func @scatter_empty(%x: tensor<5x3xf32>, %i: tensor<0x1xi32>, %u: tensor<0x3xf32>) -> tensor<5x3xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<5x3xf32>, tensor<0x1xi32>, tensor<0x3xf32>) -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}

// -----

// Ops with side effects keep their empty results.
// CHECK-LABEL: func.func @side_effects
// CHECK: stablehlo.custom_call @foo
func.func @side_effects(%a: tensor<0xf32>) -> tensor<0xf32> {
  %0 = stablehlo.custom_call @foo(%a) {has_side_effect = true} : (tensor<0xf32>) -> tensor<0xf32>
  return %0 : tensor<0xf32>
}
