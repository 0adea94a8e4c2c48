// RUN: byteir-opt %s -split-input-file --byteir-linalg-ext-to-loops --canonicalize --cse | FileCheck %s

// One loop per parallel dim; the scalar implementation covers the reduced dim:
// max, exp(x - max) (a polynomial) kept in the f32 output with its sum, then
// the division.
// CHECK-LABEL: func.func @softmax
// CHECK-SAME: (%[[X:.*]]: memref<4x8xf32>, %[[Y:.*]]: memref<4x8xf32>)
// CHECK: scf.for %[[I:[a-z0-9_]+]] =
// CHECK:   %[[MAX:.*]] = scf.for %[[K:[a-z0-9_]+]] = {{.*}} iter_args(%[[M:.*]] = %{{.*}}) -> (f32)
// CHECK:     memref.load %[[X]][%[[I]], %[[K]]]
// CHECK:     arith.maximumf
// CHECK:   %[[SUM:.*]] = scf.for
// CHECK:     arith.subf %{{.*}}, %[[MAX]] fastmath<reassoc,contract>
// CHECK-NOT: math.exp
// CHECK:     math.floor
// CHECK:     memref.store %{{.*}}, %[[Y]]
// CHECK:     arith.addf %{{.*}} fastmath<reassoc,contract>
// CHECK:   scf.for
// CHECK:     memref.load %[[Y]]
// CHECK:     arith.divf %{{.*}}, %[[SUM]] fastmath<reassoc,contract>
// CHECK:     memref.store %{{.*}}, %[[Y]]
// CHECK-NOT: linalg_ext
func.func @softmax(%x: memref<4x8xf32>, %y: memref<4x8xf32>) {
  linalg_ext.softmax dimension(1) ins(%x : memref<4x8xf32>) outs(%y : memref<4x8xf32>)
  return
}

// -----

// bf16: computed in f32, the exponentials recomputed in the last pass so that
// the output is rounded once.
// CHECK-LABEL: func.func @softmax_bf16
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:     arith.extf
// CHECK:   scf.for
// CHECK-NOT: memref.store
// CHECK:   scf.for
// CHECK:     math.floor
// CHECK:     arith.divf
// CHECK:     arith.truncf %{{.*}} : f32 to bf16
// CHECK:     memref.store
func.func @softmax_bf16(%x: memref<4x8xbf16>, %y: memref<4x8xbf16>) {
  linalg_ext.softmax dimension(0) ins(%x : memref<4x8xbf16>) outs(%y : memref<4x8xbf16>)
  return
}

// -----

// Layer norm over two trailing dims: a loop over dim 0, nests of two loops for
// the sum, the squared deviations and the output.
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: memref<6x2x8xf32>, %[[G:.*]]: memref<2x8xf32>, %[[B:.*]]: memref<2x8xf32>, %[[Y:.*]]: memref<6x2x8xf32>)
// CHECK-DAG: %[[N:.*]] = arith.constant 1.600000e+01 : f32
// CHECK: scf.for %[[I:[a-z0-9_]+]] =
// CHECK:   scf.for
// CHECK:     scf.for
// CHECK:       arith.addf
// CHECK:   %[[MEAN:.*]] = arith.divf %{{.*}}, %[[N]]
// CHECK:   scf.for
// CHECK:     scf.for
// CHECK:       arith.subf %{{.*}}, %[[MEAN]]
// CHECK:   math.rsqrt
// CHECK:   scf.for %[[J:[a-z0-9_]+]] =
// CHECK:     scf.for %[[K:[a-z0-9_]+]] =
// CHECK:       memref.load %[[G]][%[[J]], %[[K]]]
// CHECK:       memref.load %[[B]][%[[J]], %[[K]]]
// CHECK:       memref.store %{{.*}}, %[[Y]][%[[I]], %[[J]], %[[K]]]
func.func @layer_norm(%x: memref<6x2x8xf32>, %g: memref<2x8xf32>, %b: memref<2x8xf32>, %y: memref<6x2x8xf32>) {
  linalg_ext.layer_norm axes([1, 2]) epsilon(1.0e-5) ins(%x, %g, %b : memref<6x2x8xf32>, memref<2x8xf32>, memref<2x8xf32>) outs(%y : memref<6x2x8xf32>)
  return
}

// -----

// topk: one pass over the row; an accepted element is inserted after shifting
// the worse ones (scf.while).
// CHECK-LABEL: func.func @topk
// CHECK: scf.for %[[I:[a-z0-9_]+]] =
// CHECK:   scf.for %[[J:[a-z0-9_]+]] = {{.*}} iter_args(%[[COUNT:.*]] = %{{.*}}) -> (index)
// CHECK:     arith.cmpf ogt
// CHECK:     scf.if
// CHECK:       %[[P:.*]] = scf.while
// CHECK:       memref.store %{{.*}}, %{{.*}}[%[[I]], %[[P]]] : memref<4x3xf32>
// CHECK:       %[[IDX:.*]] = arith.index_cast %[[J]] : index to i32
// CHECK:       memref.store %[[IDX]], %{{.*}}[%[[I]], %[[P]]] : memref<4x3xi32>
func.func @topk(%x: memref<4x10xf32>, %v: memref<4x3xf32>, %i: memref<4x3xi32>) {
  linalg_ext.topk dimension(1) largest(true) ins(%x : memref<4x10xf32>) outs(%v, %i : memref<4x3xf32>, memref<4x3xi32>)
  return
}

// -----

// Exclusive reverse scan: the running value starts at the identity and is
// stored before the element is combined, from the end of the row.
// CHECK-LABEL: func.func @scan
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: scf.for %[[I:[a-z0-9_]+]] =
// CHECK:   scf.for %[[J:[a-z0-9_]+]] = {{.*}} iter_args(%[[ACC:.*]] = %[[ZERO]]) -> (i32)
// CHECK:     %[[P:.*]] = arith.subi %[[C4]], %[[J]]
// CHECK:     %[[V:.*]] = memref.load %{{.*}}[%[[I]], %[[P]]]
// CHECK:     %[[NEXT:.*]] = arith.addi %[[ACC]], %[[V]]
// CHECK:     memref.store %[[ACC]], %{{.*}}[%[[I]], %[[P]]]
// CHECK:     scf.yield %[[NEXT]]
func.func @scan(%x: memref<3x5xi32>, %y: memref<3x5xi32>) {
  linalg_ext.scan dimension(1) kind(add) {exclusive, reverse} ins(%x : memref<3x5xi32>) outs(%y : memref<3x5xi32>)
  return
}

// -----

// Float max scan starts at -inf.
// CHECK-LABEL: func.func @scan_max
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[NINF]]) -> (f32)
// CHECK:   arith.maximumf
func.func @scan_max(%x: memref<8xf32>, %y: memref<8xf32>) {
  linalg_ext.scan dimension(0) kind(max) ins(%x : memref<8xf32>) outs(%y : memref<8xf32>)
  return
}

// -----

// sort: the row is copied into scratch buffers, merged bottom-up between them
// (the comparator inlined), copied back, and the scratch freed.
// CHECK-LABEL: func.func @sort
// CHECK-SAME: (%[[K:.*]]: memref<4x10xf32>, %[[V:.*]]: memref<4x10xi32>)
// CHECK: scf.for %[[I:[a-z0-9_]+]] =
// CHECK-COUNT-4: memref.alloc()
// CHECK:   scf.for
// CHECK:     memref.load %[[K]][%[[I]], %{{.*}}]
// CHECK:   %[[S:.*]]:5 = scf.while
// CHECK:   } do {
// CHECK:     scf.for
// CHECK:       scf.for {{.*}} -> (index, index)
// CHECK:         arith.cmpf olt
// CHECK:   scf.for
// CHECK:     memref.load %[[S]]#1
// CHECK:     memref.store %{{.*}}, %[[K]][%[[I]], %{{.*}}]
// CHECK-COUNT-4: memref.dealloc
func.func @sort(%k: memref<4x10xf32>, %v: memref<4x10xi32>) {
  linalg_ext.sort dimension(1) outs(%k, %v : memref<4x10xf32>, memref<4x10xi32>) {
  ^bb0(%a: f32, %b: f32, %c: i32, %d: i32):
    %lt = arith.cmpf olt, %a, %b : f32
    linalg_ext.yield %lt : i1
  }
  return
}

// -----

// gather: a loop per batch dim reads the (unsigned) start index once and clamps
// it so that the slice fits; the offset dim loop copies the slice.
// CHECK-LABEL: func.func @gather
// CHECK-SAME: (%[[W:.*]]: memref<50x16xf32>, %[[I:.*]]: memref<8x1xi32>, %[[O:.*]]: memref<8x16xf32>)
// CHECK-DAG: %[[C49:.*]] = arith.constant 49 : index
// CHECK: scf.for %[[B:[a-z0-9_]+]] =
// CHECK:   %[[S:.*]] = memref.load %[[I]][%[[B]], %{{.*}}]
// CHECK:   %[[SI:.*]] = arith.index_castui %[[S]] : i32 to index
// CHECK:   %[[LO:.*]] = arith.maxsi %[[SI]]
// CHECK:   %[[ROW:.*]] = arith.minsi %[[LO]], %[[C49]]
// CHECK:   scf.for %[[K:[a-z0-9_]+]] =
// CHECK:     %[[V:.*]] = memref.load %[[W]][%[[ROW]], %[[K]]]
// CHECK:     memref.store %[[V]], %[[O]][%[[B]], %[[K]]]
func.func @gather(%w: memref<50x16xf32>, %i: memref<8x1xi32>, %o: memref<8x16xf32>) {
  linalg_ext.gather {collapsed_slice_dims = array<i64: 0>, index_vector_dim = 1 : i64, offset_dims = array<i64: 1>, operand_batching_dims = array<i64>, slice_sizes = array<i64: 1, 16>, start_index_map = array<i64: 0>, start_indices_batching_dims = array<i64>, unsigned_indices} ins(%w, %i : memref<50x16xf32>, memref<8x1xi32>) outs(%o : memref<8x16xf32>)
  return
}

// -----

// scatter: loops over all update dims in order; in-bounds elements combine the
// current value with the update through the inlined region.
// CHECK-LABEL: func.func @scatter
// CHECK-SAME: (%[[I:.*]]: memref<6x1xi32>, %[[U:.*]]: memref<6x3xf32>, %[[X:.*]]: memref<10x3xf32>)
// CHECK: scf.for %[[A:[a-z0-9_]+]] =
// CHECK:   scf.for %[[B:[a-z0-9_]+]] =
// CHECK:     %[[S:.*]] = memref.load %[[I]][%[[A]], %{{.*}}]
// CHECK:     %[[R:.*]] = arith.index_cast %[[S]] : i32 to index
// CHECK:     arith.cmpi ult, %[[R]]
// CHECK:     scf.if
// CHECK:       %[[OLD:.*]] = memref.load %[[X]][%[[R]], %[[B]]]
// CHECK:       %[[UPD:.*]] = memref.load %[[U]][%[[A]], %[[B]]]
// CHECK:       %[[NEW:.*]] = arith.addf %[[OLD]], %[[UPD]]
// CHECK:       memref.store %[[NEW]], %[[X]][%[[R]], %[[B]]]
func.func @scatter(%i: memref<6x1xi32>, %u: memref<6x3xf32>, %x: memref<10x3xf32>) {
  linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%i, %u : memref<6x1xi32>, memref<6x3xf32>) outs(%x : memref<10x3xf32>) {
  ^bb0(%a: f32, %b: f32):
    %s = arith.addf %a, %b : f32
    linalg_ext.yield %s : f32
  }
  return
}
