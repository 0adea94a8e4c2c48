// RUN: byteir-opt %s -split-input-file --byteir-hlo-fusion-recognition | FileCheck %s

// softmax as JAX writes it: max(-inf, reduce_max), keepdims broadcasts.
// CHECK-LABEL: func.func @softmax_jax
// CHECK-NEXT: %[[R:.*]] = stablehlo.custom_call @byteir.softmax(%arg0) {byteir_attrs = {axis = 1 : i64}} : (tensor<16x100xf32>) -> tensor<16x100xf32>
// CHECK-NEXT: return %[[R]]
func.func @softmax_jax(%arg0: tensor<16x100xf32>) -> tensor<16x100xf32> {
  %cst = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %0 = stablehlo.reduce(%arg0 init: %cst) applies stablehlo.maximum across dimensions = [1] : (tensor<16x100xf32>, tensor<f32>) -> tensor<16xf32>
  %1 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<16xf32>
  %2 = stablehlo.maximum %1, %0 : tensor<16xf32>
  %3 = stablehlo.broadcast_in_dim %2, dims = [0] : (tensor<16xf32>) -> tensor<16x1xf32>
  %4 = stablehlo.broadcast_in_dim %3, dims = [0, 1] : (tensor<16x1xf32>) -> tensor<16x100xf32>
  %5 = stablehlo.subtract %arg0, %4 : tensor<16x100xf32>
  %6 = stablehlo.exponential %5 : tensor<16x100xf32>
  %cst_1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %7 = stablehlo.reduce(%6 init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<16x100xf32>, tensor<f32>) -> tensor<16xf32>
  %8 = stablehlo.broadcast_in_dim %7, dims = [0] : (tensor<16xf32>) -> tensor<16x1xf32>
  %9 = stablehlo.broadcast_in_dim %8, dims = [0, 1] : (tensor<16x1xf32>) -> tensor<16x100xf32>
  %10 = stablehlo.divide %6, %9 : tensor<16x100xf32>
  return %10 : tensor<16x100xf32>
}

// -----

// softmax along a middle axis, f16, PyTorch style (no max(-inf, .)).
// CHECK-LABEL: func.func @softmax_axis1_f16
// CHECK-NEXT: stablehlo.custom_call @byteir.softmax(%arg0) {byteir_attrs = {axis = 1 : i64}} : (tensor<2x8x4xf16>) -> tensor<2x8x4xf16>
// CHECK-NEXT: return
func.func @softmax_axis1_f16(%x: tensor<2x8x4xf16>) -> tensor<2x8x4xf16> {
  %ninf = stablehlo.constant dense<0xFC00> : tensor<f16>
  %zero = stablehlo.constant dense<0.0> : tensor<f16>
  %m = stablehlo.reduce(%x init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<2x8x4xf16>, tensor<f16>) -> tensor<2x4xf16>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0, 2] : (tensor<2x4xf16>) -> tensor<2x8x4xf16>
  %d = stablehlo.subtract %x, %mb : tensor<2x8x4xf16>
  %e = stablehlo.exponential %d : tensor<2x8x4xf16>
  %s = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<2x8x4xf16>, tensor<f16>) -> tensor<2x4xf16>
  %sr = stablehlo.reshape %s : (tensor<2x4xf16>) -> tensor<2x1x4xf16>
  %sb = stablehlo.broadcast_in_dim %sr, dims = [0, 1, 2] : (tensor<2x1x4xf16>) -> tensor<2x8x4xf16>
  %r = stablehlo.divide %e, %sb : tensor<2x8x4xf16>
  return %r : tensor<2x8x4xf16>
}

// -----

// Negative: exp(x - max) is also returned.
// CHECK-LABEL: func.func @softmax_multi_use
// CHECK-NOT: custom_call
// CHECK: stablehlo.divide
func.func @softmax_multi_use(%x: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %m = stablehlo.reduce(%x init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
  %d = stablehlo.subtract %x, %mb : tensor<4x8xf32>
  %e = stablehlo.exponential %d : tensor<4x8xf32>
  %s = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
  %r = stablehlo.divide %e, %sb : tensor<4x8xf32>
  return %r, %e : tensor<4x8xf32>, tensor<4x8xf32>
}

// -----

// Negative: the max and the sum run along different axes.
// CHECK-LABEL: func.func @softmax_wrong_axis
// CHECK-NOT: custom_call
// CHECK: stablehlo.divide
func.func @softmax_wrong_axis(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %m = stablehlo.reduce(%x init: %ninf) applies stablehlo.maximum across dimensions = [0] : (tensor<8x8xf32>, tensor<f32>) -> tensor<8xf32>
  %mb = stablehlo.broadcast_in_dim %m, dims = [1] : (tensor<8xf32>) -> tensor<8x8xf32>
  %d = stablehlo.subtract %x, %mb : tensor<8x8xf32>
  %e = stablehlo.exponential %d : tensor<8x8xf32>
  %s = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x8xf32>, tensor<f32>) -> tensor<8xf32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [0] : (tensor<8xf32>) -> tensor<8x8xf32>
  %r = stablehlo.divide %e, %sb : tensor<8x8xf32>
  return %r : tensor<8x8xf32>
}

// -----

// Negative: not the numerically stable form (no max subtraction).
// CHECK-LABEL: func.func @softmax_unstable
// CHECK-NOT: custom_call
func.func @softmax_unstable(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %e = stablehlo.exponential %x : tensor<4x8xf32>
  %s = stablehlo.reduce(%e init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<4x8xf32>, tensor<f32>) -> tensor<4xf32>
  %sb = stablehlo.broadcast_in_dim %s, dims = [0] : (tensor<4xf32>) -> tensor<4x8xf32>
  %r = stablehlo.divide %e, %sb : tensor<4x8xf32>
  return %r : tensor<4x8xf32>
}

// -----

// layer norm as JAX writes it before CSE (the centered value computed twice).
// CHECK-LABEL: func.func @layernorm_jax
// CHECK-NEXT: %[[R:.*]] = stablehlo.custom_call @byteir.layer_norm(%arg0, %arg1, %arg2) {byteir_attrs = {axis = [1], epsilon = 9.9999997473787516E-6 : f64}} : (tensor<32x256xf32>, tensor<256xf32>, tensor<256xf32>) -> tensor<32x256xf32>
// CHECK-NEXT: return %[[R]]
func.func @layernorm_jax(%arg0: tensor<32x256xf32>, %arg1: tensor<256xf32>, %arg2: tensor<256xf32>) -> tensor<32x256xf32> {
  %cst = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %0 = stablehlo.reduce(%arg0 init: %cst) applies stablehlo.add across dimensions = [1] : (tensor<32x256xf32>, tensor<f32>) -> tensor<32xf32>
  %1 = stablehlo.broadcast_in_dim %0, dims = [0] : (tensor<32xf32>) -> tensor<32x1xf32>
  %cst_0 = stablehlo.constant dense<2.560000e+02> : tensor<f32>
  %2 = stablehlo.broadcast_in_dim %cst_0, dims = [] : (tensor<f32>) -> tensor<32x1xf32>
  %3 = stablehlo.divide %1, %2 : tensor<32x1xf32>
  %4 = stablehlo.broadcast_in_dim %3, dims = [0, 1] : (tensor<32x1xf32>) -> tensor<32x256xf32>
  %5 = stablehlo.subtract %arg0, %4 : tensor<32x256xf32>
  %6 = stablehlo.multiply %5, %5 : tensor<32x256xf32>
  %cst_1 = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %7 = stablehlo.reduce(%6 init: %cst_1) applies stablehlo.add across dimensions = [1] : (tensor<32x256xf32>, tensor<f32>) -> tensor<32xf32>
  %8 = stablehlo.broadcast_in_dim %7, dims = [0] : (tensor<32xf32>) -> tensor<32x1xf32>
  %cst_2 = stablehlo.constant dense<2.560000e+02> : tensor<f32>
  %9 = stablehlo.broadcast_in_dim %cst_2, dims = [] : (tensor<f32>) -> tensor<32x1xf32>
  %10 = stablehlo.divide %8, %9 : tensor<32x1xf32>
  %11 = stablehlo.broadcast_in_dim %3, dims = [0, 1] : (tensor<32x1xf32>) -> tensor<32x256xf32>
  %12 = stablehlo.subtract %arg0, %11 : tensor<32x256xf32>
  %cst_3 = stablehlo.constant dense<9.99999974E-6> : tensor<f32>
  %13 = stablehlo.broadcast_in_dim %cst_3, dims = [] : (tensor<f32>) -> tensor<32x1xf32>
  %14 = stablehlo.add %10, %13 : tensor<32x1xf32>
  %15 = stablehlo.rsqrt %14 : tensor<32x1xf32>
  %16 = stablehlo.broadcast_in_dim %15, dims = [0, 1] : (tensor<32x1xf32>) -> tensor<32x256xf32>
  %17 = stablehlo.multiply %12, %16 : tensor<32x256xf32>
  %18 = stablehlo.broadcast_in_dim %arg1, dims = [1] : (tensor<256xf32>) -> tensor<1x256xf32>
  %19 = stablehlo.broadcast_in_dim %18, dims = [0, 1] : (tensor<1x256xf32>) -> tensor<32x256xf32>
  %20 = stablehlo.multiply %17, %19 : tensor<32x256xf32>
  %21 = stablehlo.broadcast_in_dim %arg2, dims = [1] : (tensor<256xf32>) -> tensor<1x256xf32>
  %22 = stablehlo.broadcast_in_dim %21, dims = [0, 1] : (tensor<1x256xf32>) -> tensor<32x256xf32>
  %23 = stablehlo.add %20, %22 : tensor<32x256xf32>
  return %23 : tensor<32x256xf32>
}

// -----

// flax style: var = max(0, E[x^2] - E[x]^2), mean as sum * (1/N), scale folded into
// the inverse std, over two trailing axes, no bias.
// CHECK-LABEL: func.func @layernorm_flax
// CHECK-NEXT: %[[R:.*]] = stablehlo.custom_call @byteir.layer_norm(%arg0, %arg1) {byteir_attrs = {axis = [1, 2], epsilon = 9.9999999747524271E-7 : f64}} : (tensor<4x2x8xf32>, tensor<2x8xf32>) -> tensor<4x2x8xf32>
// CHECK-NEXT: return %[[R]]
func.func @layernorm_flax(%x: tensor<4x2x8xf32>, %g: tensor<2x8xf32>) -> tensor<4x2x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %inv = stablehlo.constant dense<0.0625> : tensor<4xf32>
  %eps = stablehlo.constant dense<1.0e-6> : tensor<4xf32>
  %z4 = stablehlo.constant dense<0.0> : tensor<4xf32>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x2x8xf32>, tensor<f32>) -> tensor<4xf32>
  %mean = stablehlo.multiply %s, %inv : tensor<4xf32>
  %xx = stablehlo.multiply %x, %x : tensor<4x2x8xf32>
  %s2 = stablehlo.reduce(%xx init: %zero) applies stablehlo.add across dimensions = [1, 2] : (tensor<4x2x8xf32>, tensor<f32>) -> tensor<4xf32>
  %mean2 = stablehlo.multiply %s2, %inv : tensor<4xf32>
  %mm = stablehlo.multiply %mean, %mean : tensor<4xf32>
  %v0 = stablehlo.subtract %mean2, %mm : tensor<4xf32>
  %var = stablehlo.maximum %z4, %v0 : tensor<4xf32>
  %ve = stablehlo.add %var, %eps : tensor<4xf32>
  %rs = stablehlo.rsqrt %ve : tensor<4xf32>
  %rsb = stablehlo.broadcast_in_dim %rs, dims = [0] : (tensor<4xf32>) -> tensor<4x2x8xf32>
  %gb = stablehlo.broadcast_in_dim %g, dims = [1, 2] : (tensor<2x8xf32>) -> tensor<4x2x8xf32>
  %mul = stablehlo.multiply %rsb, %gb : tensor<4x2x8xf32>
  %mb = stablehlo.broadcast_in_dim %mean, dims = [0] : (tensor<4xf32>) -> tensor<4x2x8xf32>
  %xc = stablehlo.subtract %x, %mb : tensor<4x2x8xf32>
  %y = stablehlo.multiply %xc, %mul : tensor<4x2x8xf32>
  return %y : tensor<4x2x8xf32>
}

// -----

// PyTorch style without affine parameters: (x - mean) / sqrt(var + eps).
// CHECK-LABEL: func.func @layernorm_plain
// CHECK-NEXT: stablehlo.custom_call @byteir.layer_norm(%arg0) {byteir_attrs = {axis = [1], epsilon = 1.0013580322265625E-5 : f64}} : (tensor<8x16xbf16>) -> tensor<8x16xbf16>
// CHECK-NEXT: return
func.func @layernorm_plain(%x: tensor<8x16xbf16>) -> tensor<8x16xbf16> {
  %zero = stablehlo.constant dense<0.0> : tensor<bf16>
  %n = stablehlo.constant dense<16.0> : tensor<8xbf16>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<8x1xbf16>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xbf16>, tensor<bf16>) -> tensor<8xbf16>
  %mean = stablehlo.divide %s, %n : tensor<8xbf16>
  %mb = stablehlo.broadcast_in_dim %mean, dims = [0] : (tensor<8xbf16>) -> tensor<8x16xbf16>
  %xc = stablehlo.subtract %x, %mb : tensor<8x16xbf16>
  %two = stablehlo.constant dense<2.0> : tensor<8x16xbf16>
  %sq = stablehlo.power %xc, %two : tensor<8x16xbf16>
  %vs = stablehlo.reduce(%sq init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xbf16>, tensor<bf16>) -> tensor<8xbf16>
  %var = stablehlo.divide %vs, %n : tensor<8xbf16>
  %vr = stablehlo.reshape %var : (tensor<8xbf16>) -> tensor<8x1xbf16>
  %ve = stablehlo.add %vr, %eps : tensor<8x1xbf16>
  %sd = stablehlo.sqrt %ve : tensor<8x1xbf16>
  %sdb = stablehlo.broadcast_in_dim %sd, dims = [0, 1] : (tensor<8x1xbf16>) -> tensor<8x16xbf16>
  %y = stablehlo.divide %xc, %sdb : tensor<8x16xbf16>
  return %y : tensor<8x16xbf16>
}

// -----

// Negative: no epsilon.
// CHECK-LABEL: func.func @layernorm_no_epsilon
// CHECK-NOT: custom_call
// CHECK: stablehlo.rsqrt
func.func @layernorm_no_epsilon(%x: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %n = stablehlo.constant dense<16.0> : tensor<8xf32>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xf32>, tensor<f32>) -> tensor<8xf32>
  %mean = stablehlo.divide %s, %n : tensor<8xf32>
  %mb = stablehlo.broadcast_in_dim %mean, dims = [0] : (tensor<8xf32>) -> tensor<8x16xf32>
  %xc = stablehlo.subtract %x, %mb : tensor<8x16xf32>
  %sq = stablehlo.multiply %xc, %xc : tensor<8x16xf32>
  %vs = stablehlo.reduce(%sq init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xf32>, tensor<f32>) -> tensor<8xf32>
  %var = stablehlo.divide %vs, %n : tensor<8xf32>
  %rs = stablehlo.rsqrt %var : tensor<8xf32>
  %rb = stablehlo.broadcast_in_dim %rs, dims = [0] : (tensor<8xf32>) -> tensor<8x16xf32>
  %y = stablehlo.multiply %xc, %rb : tensor<8x16xf32>
  return %y : tensor<8x16xf32>
}

// -----

// Negative: normalized over the leading axis (not trailing).
// CHECK-LABEL: func.func @layernorm_leading_axis
// CHECK-NOT: custom_call
// CHECK: stablehlo.rsqrt
func.func @layernorm_leading_axis(%x: tensor<16x8xf32>) -> tensor<16x8xf32> {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %n = stablehlo.constant dense<16.0> : tensor<8xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<8xf32>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<16x8xf32>, tensor<f32>) -> tensor<8xf32>
  %mean = stablehlo.divide %s, %n : tensor<8xf32>
  %mb = stablehlo.broadcast_in_dim %mean, dims = [1] : (tensor<8xf32>) -> tensor<16x8xf32>
  %xc = stablehlo.subtract %x, %mb : tensor<16x8xf32>
  %sq = stablehlo.multiply %xc, %xc : tensor<16x8xf32>
  %vs = stablehlo.reduce(%sq init: %zero) applies stablehlo.add across dimensions = [0] : (tensor<16x8xf32>, tensor<f32>) -> tensor<8xf32>
  %var = stablehlo.divide %vs, %n : tensor<8xf32>
  %ve = stablehlo.add %var, %eps : tensor<8xf32>
  %rs = stablehlo.rsqrt %ve : tensor<8xf32>
  %rb = stablehlo.broadcast_in_dim %rs, dims = [1] : (tensor<8xf32>) -> tensor<16x8xf32>
  %y = stablehlo.multiply %xc, %rb : tensor<16x8xf32>
  return %y : tensor<16x8xf32>
}

// -----

// Negative: the variance is also returned.
// CHECK-LABEL: func.func @layernorm_multi_use
// CHECK-NOT: custom_call
// CHECK: stablehlo.rsqrt
func.func @layernorm_multi_use(%x: tensor<8x16xf32>) -> (tensor<8x16xf32>, tensor<8xf32>) {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %n = stablehlo.constant dense<16.0> : tensor<8xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<8xf32>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xf32>, tensor<f32>) -> tensor<8xf32>
  %mean = stablehlo.divide %s, %n : tensor<8xf32>
  %mb = stablehlo.broadcast_in_dim %mean, dims = [0] : (tensor<8xf32>) -> tensor<8x16xf32>
  %xc = stablehlo.subtract %x, %mb : tensor<8x16xf32>
  %sq = stablehlo.multiply %xc, %xc : tensor<8x16xf32>
  %vs = stablehlo.reduce(%sq init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xf32>, tensor<f32>) -> tensor<8xf32>
  %var = stablehlo.divide %vs, %n : tensor<8xf32>
  %ve = stablehlo.add %var, %eps : tensor<8xf32>
  %rs = stablehlo.rsqrt %ve : tensor<8xf32>
  %rb = stablehlo.broadcast_in_dim %rs, dims = [0] : (tensor<8xf32>) -> tensor<8x16xf32>
  %y = stablehlo.multiply %xc, %rb : tensor<8x16xf32>
  return %y, %var : tensor<8x16xf32>, tensor<8xf32>
}

// -----

// gelu as jax.nn.gelu(approximate=False) writes it: 0.5 x erfc(-x / sqrt 2).
// CHECK-LABEL: func.func @gelu_jax_erfc
// CHECK-NEXT: %[[R:.*]] = stablehlo.custom_call @byteir.gelu(%arg0) {byteir_attrs = {approximate = "none"}} : (tensor<64xf32>) -> tensor<64xf32>
// CHECK-NEXT: return %[[R]]
func.func @gelu_jax_erfc(%arg0: tensor<64xf32>) -> tensor<64xf32> {
  %cst = stablehlo.constant dense<5.000000e-01> : tensor<f32>
  %0 = stablehlo.broadcast_in_dim %cst, dims = [] : (tensor<f32>) -> tensor<64xf32>
  %1 = stablehlo.multiply %0, %arg0 : tensor<64xf32>
  %2 = stablehlo.negate %arg0 : tensor<64xf32>
  %cst_0 = stablehlo.constant dense<0.707106769> : tensor<f32>
  %3 = stablehlo.broadcast_in_dim %cst_0, dims = [] : (tensor<f32>) -> tensor<64xf32>
  %4 = stablehlo.multiply %2, %3 : tensor<64xf32>
  %5 = chlo.erfc %4 : tensor<64xf32> -> tensor<64xf32>
  %6 = stablehlo.multiply %1, %5 : tensor<64xf32>
  return %6 : tensor<64xf32>
}

// -----

// gelu as PyTorch writes it: x * 0.5 * (1 + erf(x / sqrt 2)).
// CHECK-LABEL: func.func @gelu_torch_erf
// CHECK-NEXT: stablehlo.custom_call @byteir.gelu(%arg0) {byteir_attrs = {approximate = "none"}} : (tensor<2x8xf16>) -> tensor<2x8xf16>
// CHECK-NEXT: return
func.func @gelu_torch_erf(%x: tensor<2x8xf16>) -> tensor<2x8xf16> {
  %half = stablehlo.constant dense<0.5> : tensor<2x8xf16>
  %one = stablehlo.constant dense<1.0> : tensor<2x8xf16>
  %sqrt2 = stablehlo.constant dense<1.41421354> : tensor<2x8xf16>
  %0 = stablehlo.multiply %x, %half : tensor<2x8xf16>
  %1 = stablehlo.divide %x, %sqrt2 : tensor<2x8xf16>
  %2 = chlo.erf %1 : tensor<2x8xf16> -> tensor<2x8xf16>
  %3 = stablehlo.add %2, %one : tensor<2x8xf16>
  %4 = stablehlo.multiply %0, %3 : tensor<2x8xf16>
  return %4 : tensor<2x8xf16>
}

// -----

// gelu, tanh approximation as jax.nn.gelu(approximate=True) writes it.
// CHECK-LABEL: func.func @gelu_tanh
// CHECK-NEXT: stablehlo.custom_call @byteir.gelu(%arg0) {byteir_attrs = {approximate = "tanh"}} : (tensor<4x32xf32>) -> tensor<4x32xf32>
// CHECK-NEXT: return
func.func @gelu_tanh(%x: tensor<4x32xf32>) -> tensor<4x32xf32> {
  %c0 = stablehlo.constant dense<0.044715> : tensor<4x32xf32>
  %k = stablehlo.constant dense<0.797884583> : tensor<4x32xf32>
  %one = stablehlo.constant dense<1.0> : tensor<4x32xf32>
  %half = stablehlo.constant dense<0.5> : tensor<4x32xf32>
  %x2 = stablehlo.multiply %x, %x : tensor<4x32xf32>
  %x3 = stablehlo.multiply %x2, %x : tensor<4x32xf32>
  %a = stablehlo.multiply %c0, %x3 : tensor<4x32xf32>
  %b = stablehlo.add %x, %a : tensor<4x32xf32>
  %c = stablehlo.multiply %k, %b : tensor<4x32xf32>
  %t = stablehlo.tanh %c : tensor<4x32xf32>
  %d = stablehlo.add %one, %t : tensor<4x32xf32>
  %e = stablehlo.multiply %half, %d : tensor<4x32xf32>
  %r = stablehlo.multiply %x, %e : tensor<4x32xf32>
  return %r : tensor<4x32xf32>
}

// -----

// Negative: 0.5 x (1 + erf(x)) is not gelu (wrong scale inside erf).
// CHECK-LABEL: func.func @gelu_wrong_constant
// CHECK-NOT: custom_call
// CHECK: chlo.erf
func.func @gelu_wrong_constant(%x: tensor<8xf32>) -> tensor<8xf32> {
  %half = stablehlo.constant dense<0.5> : tensor<8xf32>
  %one = stablehlo.constant dense<1.0> : tensor<8xf32>
  %0 = stablehlo.multiply %x, %half : tensor<8xf32>
  %2 = chlo.erf %x : tensor<8xf32> -> tensor<8xf32>
  %3 = stablehlo.add %2, %one : tensor<8xf32>
  %4 = stablehlo.multiply %0, %3 : tensor<8xf32>
  return %4 : tensor<8xf32>
}

// -----

// Negative: the erf term is used twice.
// CHECK-LABEL: func.func @gelu_multi_use
// CHECK-NOT: custom_call
// CHECK: chlo.erf
func.func @gelu_multi_use(%x: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %half = stablehlo.constant dense<0.5> : tensor<8xf32>
  %one = stablehlo.constant dense<1.0> : tensor<8xf32>
  %c = stablehlo.constant dense<0.707106769> : tensor<8xf32>
  %0 = stablehlo.multiply %x, %half : tensor<8xf32>
  %1 = stablehlo.multiply %x, %c : tensor<8xf32>
  %2 = chlo.erf %1 : tensor<8xf32> -> tensor<8xf32>
  %3 = stablehlo.add %2, %one : tensor<8xf32>
  %4 = stablehlo.multiply %0, %3 : tensor<8xf32>
  return %4, %3 : tensor<8xf32>, tensor<8xf32>
}

// -----

// Negative: dynamic shapes are left alone.
// CHECK-LABEL: func.func @softmax_dynamic
// CHECK-NOT: custom_call
func.func @softmax_dynamic(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %ninf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %m = stablehlo.reduce(%x init: %ninf) applies stablehlo.maximum across dimensions = [1] : (tensor<?x8xf32>, tensor<f32>) -> tensor<?xf32>
  %e = stablehlo.exponential %x : tensor<?x8xf32>
  return %e : tensor<?x8xf32>
}

// -----

// The broadcast scale is shared with another op: it stays, the layer norm takes %g.
// CHECK-LABEL: func.func @layernorm_shared_scale
// CHECK: %[[GB:.*]] = stablehlo.broadcast_in_dim %arg1
// CHECK: %[[LN:.*]] = stablehlo.custom_call @byteir.layer_norm(%arg0, %arg1) {byteir_attrs = {axis = [1], epsilon = 9.9999997473787516E-6 : f64}}
// CHECK: %[[O:.*]] = stablehlo.add %arg0, %[[GB]]
// CHECK: return %[[LN]], %[[O]]
func.func @layernorm_shared_scale(%x: tensor<8x16xf32>, %g: tensor<16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %zero = stablehlo.constant dense<0.0> : tensor<f32>
  %n = stablehlo.constant dense<16.0> : tensor<8xf32>
  %eps = stablehlo.constant dense<1.0e-5> : tensor<8xf32>
  %s = stablehlo.reduce(%x init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xf32>, tensor<f32>) -> tensor<8xf32>
  %mean = stablehlo.divide %s, %n : tensor<8xf32>
  %mb = stablehlo.broadcast_in_dim %mean, dims = [0] : (tensor<8xf32>) -> tensor<8x16xf32>
  %xc = stablehlo.subtract %x, %mb : tensor<8x16xf32>
  %sq = stablehlo.multiply %xc, %xc : tensor<8x16xf32>
  %vs = stablehlo.reduce(%sq init: %zero) applies stablehlo.add across dimensions = [1] : (tensor<8x16xf32>, tensor<f32>) -> tensor<8xf32>
  %var = stablehlo.divide %vs, %n : tensor<8xf32>
  %ve = stablehlo.add %var, %eps : tensor<8xf32>
  %rs = stablehlo.rsqrt %ve : tensor<8xf32>
  %rb = stablehlo.broadcast_in_dim %rs, dims = [0] : (tensor<8xf32>) -> tensor<8x16xf32>
  %y = stablehlo.multiply %xc, %rb : tensor<8x16xf32>
  %gb = stablehlo.broadcast_in_dim %g, dims = [1] : (tensor<16xf32>) -> tensor<8x16xf32>
  %y2 = stablehlo.multiply %y, %gb : tensor<8x16xf32>
  %o = stablehlo.add %x, %gb : tensor<8x16xf32>
  return %y2, %o : tensor<8x16xf32>, tensor<8x16xf32>
}
