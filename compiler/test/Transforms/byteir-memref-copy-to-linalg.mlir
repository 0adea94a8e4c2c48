// RUN: byteir-opt %s -byteir-memref-copy-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @strided_copy
// CHECK-SAME: (%[[SRC:.*]]: memref<4xf32>, %[[DST:.*]]: memref<4xf32, strided<[2]>>)
// CHECK-NOT: memref.copy
// CHECK: linalg.copy ins(%[[SRC]] : memref<4xf32>) outs(%[[DST]] : memref<4xf32, strided<[2]>>)
func.func @strided_copy(%src: memref<4xf32>, %dst: memref<4xf32, strided<[2]>>) {
  memref.copy %src, %dst : memref<4xf32> to memref<4xf32, strided<[2]>>
  return
}
