// RUN: byteir-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(byteir-cpu-tile-parallel))' | FileCheck %s
// RUN: byteir-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(byteir-cpu-tile-parallel{tasks=4 min-work=0}))' | FileCheck %s --check-prefix=SMALL

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#col = affine_map<(d0, d1) -> (d1)>

// An elementwise op of 512x768 points: 16 tiles of 32 rows.
// CHECK-LABEL: func.func @elementwise
// CHECK:         %[[INIT:.*]] = tensor.empty() : tensor<512x768xf32>
// CHECK:         %[[LOOP:.*]] = scf.forall (%[[I:.*]]) = (0) to (512) step (32) shared_outs(%[[OUT:.*]] = %[[INIT]])
// CHECK-DAG:       tensor.extract_slice %arg0[%[[I]], 0] [32, 768] [1, 1]
// CHECK-DAG:       tensor.extract_slice %arg1[%[[I]], 0] [32, 768] [1, 1]
// CHECK:           %[[TILE:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<32x768xf32>)
// CHECK:           scf.forall.in_parallel
// CHECK-NEXT:        tensor.parallel_insert_slice %[[TILE]] into %[[OUT]][%[[I]], 0] [32, 768] [1, 1]
// CHECK:         return %[[LOOP]]
func.func @elementwise(%a: tensor<512x768xf32>, %b: tensor<512x768xf32>) -> tensor<512x768xf32> {
  %init = tensor.empty() : tensor<512x768xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %b : tensor<512x768xf32>, tensor<512x768xf32>) outs(%init : tensor<512x768xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<512x768xf32>
  return %0 : tensor<512x768xf32>
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>

// Row sums feed a row-wise consumer: the fill and the reduction are fused into
// the loop over rows and computed per tile.
// CHECK-LABEL: func.func @fuse_row_reduction
// CHECK-NOT:     linalg.
// CHECK:         scf.forall (%{{.*}}) = (0) to (512) step (32)
// CHECK:           linalg.fill {{.*}} -> tensor<32xf32>
// CHECK:           linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]{{.*}} outs(%{{.*}} : tensor<32xf32>)
// CHECK:           linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]{{.*}} outs(%{{.*}} : tensor<32x768xf32>)
// CHECK:           scf.forall.in_parallel
// CHECK-NOT:     scf.forall
// CHECK:         return
func.func @fuse_row_reduction(%a: tensor<512x768xf32>) -> tensor<512x768xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<512xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<512xf32>) -> tensor<512xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}
      ins(%a : tensor<512x768xf32>) outs(%fill : tensor<512xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<512xf32>
  %init = tensor.empty() : tensor<512x768xf32>
  %0 = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %sum : tensor<512x768xf32>, tensor<512xf32>) outs(%init : tensor<512x768xf32>) {
  ^bb0(%x: f32, %s: f32, %o: f32):
    %d = arith.subf %x, %s : f32
    linalg.yield %d : f32
  } -> tensor<512x768xf32>
  return %0 : tensor<512x768xf32>
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>

// Column sums are broadcast over rows: every row tile needs the whole result, so
// the reduction is not fused (it would be recomputed per tile) and is tiled on
// its own along its parallel (column) dimension.
// CHECK-LABEL: func.func @no_whole_slice_fusion
// CHECK:         %[[SUM:.*]] = scf.forall (%{{.*}}) = (0) to (768) step (48)
// CHECK:           linalg.fill {{.*}} -> tensor<48xf32>
// CHECK:           linalg.generic {{.*}}iterator_types = ["reduction", "parallel"]{{.*}} outs(%{{.*}} : tensor<48xf32>)
// CHECK:         scf.forall (%{{.*}}) = (0) to (512) step (32)
// CHECK:           tensor.extract_slice %[[SUM]][0] [768] [1]
// CHECK:           linalg.generic {{.*}} outs(%{{.*}} : tensor<32x768xf32>)
func.func @no_whole_slice_fusion(%a: tensor<512x768xf32>) -> tensor<512x768xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<768xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%e : tensor<768xf32>) -> tensor<768xf32>
  %sum = linalg.generic {indexing_maps = [#id, #col], iterator_types = ["reduction", "parallel"]}
      ins(%a : tensor<512x768xf32>) outs(%fill : tensor<768xf32>) {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<768xf32>
  %init = tensor.empty() : tensor<512x768xf32>
  %0 = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a, %sum : tensor<512x768xf32>, tensor<768xf32>) outs(%init : tensor<512x768xf32>) {
  ^bb0(%x: f32, %s: f32, %o: f32):
    %d = arith.subf %x, %s : f32
    linalg.yield %d : f32
  } -> tensor<512x768xf32>
  return %0 : tensor<512x768xf32>
}

// -----

#id = affine_map<(d0) -> (d0)>

// Below min-work: left alone.
// CHECK-LABEL: func.func @small
// CHECK-NOT:     scf.forall
// CHECK:         linalg.generic
func.func @small(%a: tensor<1024xf32>) -> tensor<1024xf32> {
  %init = tensor.empty() : tensor<1024xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : tensor<1024xf32>) outs(%init : tensor<1024xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.mulf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<1024xf32>
  return %0 : tensor<1024xf32>
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>

// Dynamic shapes: left alone.
// CHECK-LABEL: func.func @dynamic
// CHECK-NOT:     scf.forall
// CHECK:         linalg.generic
func.func @dynamic(%a: tensor<?x768xf32>, %init: tensor<?x768xf32>) -> tensor<?x768xf32> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<?x768xf32>) outs(%init : tensor<?x768xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.mulf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<?x768xf32>
  return %0 : tensor<?x768xf32>
}

// -----

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>

// Dimensions smaller than the task count are split completely, the next one into
// the tiles still needed if it divides evenly (3 does not split in 2: untiled).
// SMALL-LABEL: func.func @split_outer_dims
// SMALL:         scf.forall (%{{.*}}) in (2)
// SMALL:           linalg.generic {{.*}} outs(%{{.*}} : tensor<1x3x64xf32>)
func.func @split_outer_dims(%a: tensor<2x3x64xf32>) -> tensor<2x3x64xf32> {
  %init = tensor.empty() : tensor<2x3x64xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%a : tensor<2x3x64xf32>) outs(%init : tensor<2x3x64xf32>) {
  ^bb0(%x: f32, %o: f32):
    %s = arith.mulf %x, %x : f32
    linalg.yield %s : f32
  } -> tensor<2x3x64xf32>
  return %0 : tensor<2x3x64xf32>
}
