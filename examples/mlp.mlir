// A two-layer MLP with an erf-based GELU, in the StableHLO text JAX prints.
module @mlp_gelu attributes {mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} {
  func.func public @main(%x: tensor<4x16xf32>, %w1: tensor<16x32xf32>, %b1: tensor<32xf32>,
                         %w2: tensor<32x8xf32>, %b2: tensor<8xf32>)
      -> (tensor<4x8xf32> {jax.result_info = "result"}) {
    %0 = stablehlo.dot_general %x, %w1, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x16xf32>, tensor<16x32xf32>) -> tensor<4x32xf32>
    %1 = stablehlo.broadcast_in_dim %b1, dims = [1] : (tensor<32xf32>) -> tensor<4x32xf32>
    %2 = stablehlo.add %0, %1 : tensor<4x32xf32>
    %3 = call @gelu(%2) : (tensor<4x32xf32>) -> tensor<4x32xf32>
    %4 = stablehlo.dot_general %3, %w2, contracting_dims = [1] x [0], precision = [DEFAULT, DEFAULT] : (tensor<4x32xf32>, tensor<32x8xf32>) -> tensor<4x8xf32>
    %5 = stablehlo.broadcast_in_dim %b2, dims = [1] : (tensor<8xf32>) -> tensor<4x8xf32>
    %6 = stablehlo.add %4, %5 : tensor<4x8xf32>
    return %6 : tensor<4x8xf32>
  }
  // gelu(x) = x * (1 + erf(x / sqrt(2))) / 2
  func.func private @gelu(%x: tensor<4x32xf32>) -> tensor<4x32xf32> {
    %rsqrt2 = stablehlo.constant dense<0.707106769> : tensor<4x32xf32>
    %half = stablehlo.constant dense<5.000000e-01> : tensor<4x32xf32>
    %one = stablehlo.constant dense<1.000000e+00> : tensor<4x32xf32>
    %0 = stablehlo.multiply %x, %rsqrt2 : tensor<4x32xf32>
    %1 = chlo.erf %0 : tensor<4x32xf32> -> tensor<4x32xf32>
    %2 = stablehlo.add %1, %one : tensor<4x32xf32>
    %3 = stablehlo.multiply %x, %2 : tensor<4x32xf32>
    %4 = stablehlo.multiply %3, %half : tensor<4x32xf32>
    return %4 : tensor<4x32xf32>
  }
}
