// RUN: byteir-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(byteir-cpu-tile-parallel))' | FileCheck %s

// generateResultTileValue: a row tile of the consumer needs whole softmax rows,
// so the softmax is fused into the consumer's loop, on the same rows.
// CHECK-LABEL: func.func @softmax_then_square
// CHECK: scf.forall (%[[I:.*]]) =
// CHECK:   %[[X:.*]] = tensor.extract_slice %{{.*}}[%[[I]], 0] [[[N:[0-9]+]], 768] [1, 1]
// CHECK:   %[[S:.*]] = linalg_ext.softmax dimension(1) ins(%[[X]] : tensor<[[N]]x768xf32>)
// CHECK:   linalg.generic {{.*}} ins(%[[S]] : tensor<[[N]]x768xf32>)
// CHECK-NOT: scf.forall (
#map = affine_map<(d0, d1) -> (d0, d1)>
func.func @softmax_then_square(%x: tensor<512x768xf32>) -> tensor<512x768xf32> {
  %e = tensor.empty() : tensor<512x768xf32>
  %s = linalg_ext.softmax dimension(1) ins(%x : tensor<512x768xf32>) outs(%e : tensor<512x768xf32>) -> tensor<512x768xf32>
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%s : tensor<512x768xf32>) outs(%e : tensor<512x768xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.mulf %a, %a : f32
    linalg.yield %m : f32
  } -> tensor<512x768xf32>
  return %r : tensor<512x768xf32>
}

// -----

// A column tile of the transpose would need part of each softmax row: the
// softmax is not fused (no diagnostic) and is tiled over its rows on its own.
// CHECK-LABEL: func.func @softmax_then_transpose
// CHECK: %[[S:.*]] = scf.forall
// CHECK:   linalg_ext.softmax dimension(1) ins(%{{.*}} : tensor<{{[0-9]+}}x768xf32>)
// CHECK: scf.forall
// CHECK:   tensor.extract_slice %[[S]][0, %{{.*}}] [512, {{[0-9]+}}]
// CHECK-NOT: linalg_ext.softmax
// CHECK:   linalg.generic
#t = affine_map<(d0, d1) -> (d1, d0)>
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @softmax_then_transpose(%x: tensor<512x768xf32>) -> tensor<768x512xf32> {
  %e = tensor.empty() : tensor<512x768xf32>
  %s = linalg_ext.softmax dimension(1) ins(%x : tensor<512x768xf32>) outs(%e : tensor<512x768xf32>) -> tensor<512x768xf32>
  %t = tensor.empty() : tensor<768x512xf32>
  %r = linalg.generic {indexing_maps = [#t, #id], iterator_types = ["parallel", "parallel"]} ins(%s : tensor<512x768xf32>) outs(%t : tensor<768x512xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<768x512xf32>
  return %r : tensor<768x512xf32>
}

// -----

// topk as a producer: a row tile of its values needs all k of those rows, which
// come from whole input rows.
// CHECK-LABEL: func.func @topk_then_negate
// CHECK: scf.forall (%[[I:.*]]) =
// CHECK:   %[[X:.*]] = tensor.extract_slice %{{.*}}[%[[I]], 0] [[[N:[0-9]+]], 1024] [1, 1]
// CHECK:   %{{.*}}:2 = linalg_ext.topk dimension(1) largest(true) ins(%[[X]] : tensor<[[N]]x1024xf32>) outs(%{{.*}}, %{{.*}} : tensor<[[N]]x8xf32>, tensor<[[N]]x8xi32>)
// CHECK:   linalg.generic
#rows = affine_map<(d0, d1) -> (d0, d1)>
func.func @topk_then_negate(%x: tensor<4096x1024xf32>) -> tensor<4096x8xf32> {
  %v = tensor.empty() : tensor<4096x8xf32>
  %i = tensor.empty() : tensor<4096x8xi32>
  %t:2 = linalg_ext.topk dimension(1) largest(true) ins(%x : tensor<4096x1024xf32>) outs(%v, %i : tensor<4096x8xf32>, tensor<4096x8xi32>) -> tensor<4096x8xf32>, tensor<4096x8xi32>
  %r = linalg.generic {indexing_maps = [#rows, #rows], iterator_types = ["parallel", "parallel"]} ins(%t#0 : tensor<4096x8xf32>) outs(%v : tensor<4096x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %n = arith.negf %a : f32
    linalg.yield %n : f32
  } -> tensor<4096x8xf32>
  return %r : tensor<4096x8xf32>
}
