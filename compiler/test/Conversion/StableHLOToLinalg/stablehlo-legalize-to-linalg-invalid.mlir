// RUN: byteir-opt %s -split-input-file --stablehlo-legalize-to-linalg -verify-diagnostics

func.func @reshape_dynamic(%a: tensor<?x4xf32>) -> tensor<?xf32> {
  // expected-error @+2 {{'stablehlo.reshape': a dynamic shape is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.reshape'}}
  %0 = stablehlo.reshape %a : (tensor<?x4xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @bitcast_width(%a: tensor<2xf32>) -> tensor<2x2xf16> {
  // expected-error @+2 {{'stablehlo.bitcast_convert': bitcast_convert between element types of different widths is not supported}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.bitcast_convert'}}
  %0 = stablehlo.bitcast_convert %a : (tensor<2xf32>) -> tensor<2x2xf16>
  return %0 : tensor<2x2xf16>
}

// -----

func.func @cbrt_complex(%a: tensor<2xcomplex<f32>>) -> tensor<2xcomplex<f32>> {
  // expected-error @+2 {{'stablehlo.cbrt': this element type is not supported}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.cbrt'}}
  %0 = stablehlo.cbrt %a : tensor<2xcomplex<f32>>
  return %0 : tensor<2xcomplex<f32>>
}

// -----

func.func @quantized_add(%a: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  // expected-error @+2 {{'stablehlo.add': this element type is not supported}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.add'}}
  %0 = stablehlo.add %a, %a : tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %0 : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

func.func @reverse_dynamic(%a: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+2 {{'stablehlo.reverse': reversing a dynamic dimension is not supported}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.reverse'}}
  %0 = stablehlo.reverse %a, dims = [0] : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @broadcast_unknown_size(%a: tensor<1xf32>) -> tensor<?xf32> {
  // expected-error @+2 {{'stablehlo.broadcast_in_dim': a dynamic result dimension not given by the operand is not supported}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.broadcast_in_dim'}}
  %0 = stablehlo.broadcast_in_dim %a, dims = [0] : (tensor<1xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @pad_dynamic_interior(%a: tensor<?xf32>, %v: tensor<f32>) -> tensor<?xf32> {
  // expected-error @+2 {{'stablehlo.pad': interior or negative padding of a dynamic shape is not supported}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.pad'}}
  %0 = stablehlo.pad %a, %v, low = [1], high = [1], interior = [1] : (tensor<?xf32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @dynamic_update_slice_dynamic(%a: tensor<10xf32>, %u: tensor<?xf32>, %i: tensor<i32>) -> tensor<10xf32> {
  // expected-error @+2 {{'stablehlo.dynamic_update_slice': a dynamic update shape is not supported}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.dynamic_update_slice'}}
  %0 = stablehlo.dynamic_update_slice %a, %u, %i : (tensor<10xf32>, tensor<?xf32>, tensor<i32>) -> tensor<10xf32>
  return %0 : tensor<10xf32>
}

// -----

func.func @reduce_body_not_scalar(%a: tensor<4xf32>, %z: tensor<f32>) -> tensor<f32> {
  // expected-error @+2 {{cannot lower 'stablehlo.custom_call' inside the region of 'stablehlo.reduce' to scalar operations}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.reduce'}}
  %0 = stablehlo.reduce(%a init: %z) across dimensions = [0] : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
   reducer(%x: tensor<f32>, %y: tensor<f32>) {
    %s = stablehlo.custom_call @foo(%x, %y) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    stablehlo.return %s : tensor<f32>
  }
  return %0 : tensor<f32>
}

// -----

func.func @top_k_k_mismatch(%x: tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>) {
  // expected-error @+2 {{'stablehlo.custom_call': byteir.top_k with these types or byteir_attrs is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.custom_call'}}
  %0:2 = stablehlo.custom_call @byteir.top_k(%x) {byteir_attrs = {k = 4 : i64}} : (tensor<4x10xf32>) -> (tensor<4x3xf32>, tensor<4x3xi32>)
  return %0#0, %0#1 : tensor<4x3xf32>, tensor<4x3xi32>
}

// -----

func.func @layer_norm_leading_axis(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error @+2 {{'stablehlo.custom_call': byteir.layer_norm with these operands or byteir_attrs is not supported by stablehlo-legalize-to-linalg}}
  // expected-error @+1 {{failed to legalize operation 'stablehlo.custom_call'}}
  %0 = stablehlo.custom_call @byteir.layer_norm(%x) {byteir_attrs = {axis = [0], epsilon = 1.0e-5 : f64}} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
