// RUN: byteir-opt %s -split-input-file -byteir-cpu-outline-parallel -verify-diagnostics | FileCheck %s

// A loop over row tiles: memrefs are passed as descriptors, constants cloned.
// CHECK:       llvm.mlir.global external @__brt_parallel_for() {{.*}} : !llvm.ptr {
// CHECK-NEXT:    %[[NULL:.*]] = llvm.mlir.zero : !llvm.ptr
// CHECK-NEXT:    llvm.return %[[NULL]] : !llvm.ptr
// CHECK-LABEL: func.func @rows(
// CHECK-SAME:      %[[A:.*]]: memref<64x16xf32>, %[[B:.*]]: memref<64x16xf32>)
// CHECK:         %[[CAPS:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>, struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>)>
// CHECK:         %[[DA:.*]] = builtin.unrealized_conversion_cast %[[A]] : memref<64x16xf32> to !llvm.struct
// CHECK:         %[[SA:.*]] = llvm.getelementptr %[[CAPS]][0, 0]
// CHECK:         llvm.store %[[DA]], %[[SA]]
// CHECK:         %[[DB:.*]] = builtin.unrealized_conversion_cast %[[B]] : memref<64x16xf32> to !llvm.struct
// CHECK:         %[[SB:.*]] = llvm.getelementptr %[[CAPS]][0, 1]
// CHECK:         llvm.store %[[DB]], %[[SB]]
// CHECK:         %[[N:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK:         %[[SLOT:.*]] = llvm.mlir.addressof @__brt_parallel_for : !llvm.ptr
// CHECK:         %[[POOL:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// CHECK:         %[[SERIAL:.*]] = llvm.icmp "eq" %[[POOL]], %{{.*}} : !llvm.ptr
// CHECK:         scf.if %[[SERIAL]] {
// CHECK:           %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK:           func.call @rows_parallel(%[[ZERO]], %[[N]], %[[CAPS]])
// CHECK:         } else {
// CHECK:           %[[F:.*]] = func.constant @rows_parallel : (i64, i64, !llvm.ptr) -> ()
// CHECK:           %[[FP:.*]] = builtin.unrealized_conversion_cast %[[F]] : (i64, i64, !llvm.ptr) -> () to !llvm.ptr
// CHECK:           llvm.call %[[POOL]](%[[N]], %[[FP]], %[[CAPS]]) : !llvm.ptr, (i64, !llvm.ptr, !llvm.ptr) -> ()
// CHECK-NOT:     scf.forall
// CHECK-LABEL: func.func private @rows_parallel(
// CHECK-SAME:      %[[BEGIN:.*]]: i64, %[[END:.*]]: i64, %[[PTR:.*]]: !llvm.ptr) attributes {llvm.linkage = #llvm.linkage<internal>}
// CHECK:         %[[LA:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.struct
// CHECK:         %[[MA:.*]] = builtin.unrealized_conversion_cast %[[LA]] {{.*}} to memref<64x16xf32>
// CHECK:         %[[LB:.*]] = llvm.load %{{.*}} : !llvm.ptr -> !llvm.struct
// CHECK:         %[[MB:.*]] = builtin.unrealized_conversion_cast %[[LB]] {{.*}} to memref<64x16xf32>
// CHECK-DAG:     %[[C16:.*]] = arith.constant 16 : index
// CHECK-DAG:     %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-DAG:     %[[LO:.*]] = arith.index_cast %[[BEGIN]] : i64 to index
// CHECK-DAG:     %[[HI:.*]] = arith.index_cast %[[END]] : i64 to index
// CHECK:         scf.for %[[IT:.*]] = %[[LO]] to %[[HI]]
// CHECK:           %[[OFF:.*]] = arith.muli %[[IT]], %[[C16]]
// CHECK:           %[[ROW:.*]] = arith.addi %{{.*}}, %[[OFF]]
// CHECK:           memref.subview %[[MA]][%[[ROW]], 0] [16, 16] [1, 1]
// CHECK:           memref.subview %[[MB]][%[[ROW]], 0] [16, 16] [1, 1]
// CHECK:           arith.mulf %{{.*}}, %[[TWO]]
func.func @rows(%a: memref<64x16xf32>, %b: memref<64x16xf32>) {
  %two = arith.constant 2.0 : f32
  scf.forall (%i) = (0) to (64) step (16) {
    %sa = memref.subview %a[%i, 0] [16, 16] [1, 1] : memref<64x16xf32> to memref<16x16xf32, strided<[16, 1], offset: ?>>
    %sb = memref.subview %b[%i, 0] [16, 16] [1, 1] : memref<64x16xf32> to memref<16x16xf32, strided<[16, 1], offset: ?>>
    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
        ins(%sa : memref<16x16xf32, strided<[16, 1], offset: ?>>) outs(%sb : memref<16x16xf32, strided<[16, 1], offset: ?>>) {
    ^bb0(%x: f32, %o: f32):
      %m = arith.mulf %x, %two : f32
      linalg.yield %m : f32
    }
  }
  return
}

// -----

// Two dimensions, one with a dynamic upper bound (captured) and a step.
// CHECK-LABEL: func.func @two_dims(
// CHECK-SAME:      %{{.*}}: memref<8x?xf32>, %[[N:.*]]: index, %[[V:.*]]: f32)
// CHECK:         %[[TRIPS:.*]] = arith.ceildivsi %[[N]], %{{.*}} : index
// CHECK:         %[[TRIP:.*]] = arith.maxsi %[[TRIPS]], %{{.*}} : index
// CHECK:         %[[TOTAL:.*]] = arith.muli %[[TRIP]], %{{.*}} : index
// CHECK:         llvm.store %[[V]], %{{.*}} : f32, !llvm.ptr
// CHECK:         %[[TRIP64:.*]] = arith.index_cast %[[TRIP]] : index to i64
// CHECK:         llvm.store %[[TRIP64]], %{{.*}} : i64, !llvm.ptr
// CHECK:         arith.index_cast %[[TOTAL]] : index to i64
// CHECK-LABEL: func.func private @two_dims_parallel(
// CHECK:         %[[VAL:.*]] = llvm.load %{{.*}} : !llvm.ptr -> f32
// CHECK:         %[[INNER64:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i64
// CHECK:         %[[INNER:.*]] = arith.index_cast %[[INNER64]] : i64 to index
// CHECK-DAG:     %[[C4:.*]] = arith.constant 4 : index
// CHECK:         scf.for %[[IT:.*]] =
// CHECK:           %[[J:.*]] = arith.remui %[[IT]], %[[INNER]] : index
// CHECK:           %[[I:.*]] = arith.divui %[[IT]], %[[INNER]] : index
// CHECK:           arith.muli %[[J]], %[[C4]] : index
// CHECK:           memref.store %[[VAL]]
func.func @two_dims(%a: memref<8x?xf32>, %n: index, %v: f32) {
  scf.forall (%i, %j) = (0, 0) to (8, %n) step (1, 4) {
    memref.store %v, %a[%i, %j] : memref<8x?xf32>
  }
  return
}

// -----

// Nested loops: the outer body calls the pool again for the inner loop.
// CHECK-LABEL: func.func @nested(
// CHECK:         func.call @nested_parallel(
// CHECK:         llvm.call
// CHECK-LABEL: func.func private @nested_parallel(
// CHECK:         %[[CAPS:.*]] = llvm.alloca
// CHECK:         scf.for
// CHECK:           func.call @nested_parallel_parallel(%{{.*}}, %{{.*}}, %[[CAPS]])
// CHECK:           llvm.call
// CHECK-LABEL: func.func private @nested_parallel_parallel(
// CHECK:         scf.for
// CHECK:           memref.store
func.func @nested(%a: memref<4x4xf32>, %v: f32) {
  scf.forall (%i) in (4) {
    scf.forall (%j) in (4) {
      memref.store %v, %a[%i, %j] : memref<4x4xf32>
    }
  }
  return
}

// -----

func.func @on_tensors(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{only scf.forall on buffers (without results) can run in parallel; bufferize first}}
  %0 = scf.forall (%i) in (4) shared_outs(%o = %t) -> (tensor<4xf32>) {
    scf.forall.in_parallel {
    }
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @uncapturable(%a: memref<4xf32>, %t: tensor<4xf32>) {
  // expected-error @+1 {{cannot pass a value of type 'tensor<4xf32>' to a parallel loop body}}
  scf.forall (%i) in (4) {
    %c0 = arith.constant 0 : index
    %x = tensor.extract %t[%c0] : tensor<4xf32>
    memref.store %x, %a[%i] : memref<4xf32>
  }
  return
}

// -----

// Two loops in one function get two bodies with distinct names.
// CHECK-LABEL: func.func @two_loops(
// CHECK:         func.call @two_loops_parallel(
// CHECK:         func.call @two_loops_parallel_0(
// CHECK-DAG:   func.func private @two_loops_parallel(
// CHECK-DAG:   func.func private @two_loops_parallel_0(
func.func @two_loops(%a: memref<4xf32>, %v: f32) {
  scf.forall (%i) in (4) {
    memref.store %v, %a[%i] : memref<4xf32>
  }
  scf.forall (%i) in (4) {
    memref.store %v, %a[%i] : memref<4xf32>
  }
  return
}
