// RUN: byteir-opt %s -split-input-file --stablehlo-legalize-to-linalg -verify-diagnostics

// Part-2 ops the lowering does not support yet fail with a message naming the op.

func.func @conv_dynamic(%a: tensor<?x8x8x3xf32>, %b: tensor<3x3x3x4xf32>) -> tensor<?x6x6x4xf32> {
  // expected-error @+2 {{'stablehlo.convolution': a dynamic shape is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.convolution'}}
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<?x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<?x6x6x4xf32>
  return %0 : tensor<?x6x6x4xf32>
}

// -----

func.func @conv_complex(%a: tensor<1x4x2xcomplex<f32>>, %b: tensor<2x2x2xcomplex<f32>>) -> tensor<1x3x2xcomplex<f32>> {
  // expected-error @+2 {{'stablehlo.convolution': this element type is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.convolution'}}
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, f]x[0, i, o]->[b, 0, f], window = {} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x4x2xcomplex<f32>>, tensor<2x2x2xcomplex<f32>>) -> tensor<1x3x2xcomplex<f32>>
  return %0 : tensor<1x3x2xcomplex<f32>>
}

// -----

func.func @sort_dynamic(%a: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+2 {{'stablehlo.sort': a dynamic shape is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.sort'}}
  %0 = "stablehlo.sort"(%a) <{dimension = 0 : i64}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %p = stablehlo.compare LT, %x, %y, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @gather_dynamic(%w: tensor<?x16xf32>, %i: tensor<4x1xi32>) -> tensor<4x16xf32> {
  // expected-error @+2 {{'stablehlo.gather': a dynamic shape is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.gather'}}
  %0 = "stablehlo.gather"(%w, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 16>}> : (tensor<?x16xf32>, tensor<4x1xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_gather_sizes(%w: tensor<50x16xf32>, %i: tensor<4x1xi32>, %sizes: tensor<2xi32>) -> tensor<4x16xf32> {
  // expected-error @+2 {{'stablehlo.dynamic_gather': a non-constant slice_sizes operand is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.dynamic_gather'}}
  %0 = "stablehlo.dynamic_gather"(%w, %i, %sizes) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @dynamic_iota_dynamic(%s: tensor<1xi32>) -> tensor<?xi32> {
  // expected-error @+2 {{'stablehlo.dynamic_iota': a dynamic shape is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.dynamic_iota'}}
  %0 = stablehlo.dynamic_iota %s, dim = 0 : (tensor<1xi32>) -> tensor<?xi32>
  return %0 : tensor<?xi32>
}

// -----

func.func @rng_state_u32(%s: tensor<4xui32>) -> (tensor<4xui32>, tensor<8xui32>) {
  // expected-error @+2 {{'stablehlo.rng_bit_generator': a dynamic output or a state other than ui64[2] or ui64[3] is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.rng_bit_generator'}}
  %0:2 = stablehlo.rng_bit_generator %s, algorithm = DEFAULT : (tensor<4xui32>) -> (tensor<4xui32>, tensor<8xui32>)
  return %0#0, %0#1 : tensor<4xui32>, tensor<8xui32>
}
