// RUN: byteir-opt %s -split-input-file --byteir-linalg-ext-to-loops -verify-diagnostics

func.func @not_bufferized(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error @+1 {{must be bufferized before byteir-linalg-ext-to-loops}}
  %0 = linalg_ext.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%y : tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
