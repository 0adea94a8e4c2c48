// RUN: byteir-opt %s | FileCheck %s
// RUN: byteir-opt %s | byteir-opt | FileCheck %s
// RUN: byteir-opt %s --mlir-print-op-generic | byteir-opt | FileCheck %s

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: memref<4x8xf32> {byre.argname = "input_0", byre.argtype = #byre<argtype input>},
// CHECK-SAME:  %[[W:.*]]: memref<8xf32> {byre.argname = "weight_0", byre.argtype = #byre<argtype weight>},
// CHECK-SAME:  %[[Y:.*]]: memref<4x8xf32> {byre.argname = "output_0", byre.argtype = #byre<argtype output>})
// CHECK-SAME: attributes {byre.entry_point}
func.func @main(%x: memref<4x8xf32> {byre.argname = "input_0", byre.argtype = #byre<argtype input>},
                %w: memref<8xf32> {byre.argname = "weight_0", byre.argtype = #byre<argtype weight>},
                %y: memref<4x8xf32> {byre.argname = "output_0", byre.argtype = #byre<argtype output>})
    attributes {byre.entry_point} {
  // CHECK: byre.compute "LLVMKernelOp" ins(%[[X]], %[[W]] : memref<4x8xf32>, memref<8xf32>) outs(%[[Y]] : memref<4x8xf32>) {kernel = "cpu_kernels", kernel_name = "main_entry"}
  byre.compute "LLVMKernelOp" ins(%x, %w : memref<4x8xf32>, memref<8xf32>) outs(%y : memref<4x8xf32>) {kernel = "cpu_kernels", kernel_name = "main_entry"}
  // CHECK: %[[V:.*]] = byre.alias %[[Y]][64] : memref<4x8xf32> -> memref<16xf32>
  %v = byre.alias %y[64] : memref<4x8xf32> -> memref<16xf32>
  // CHECK: byre.copy(%[[X]], %[[Y]]) : memref<4x8xf32>, memref<4x8xf32>
  byre.copy(%x, %y) : memref<4x8xf32>, memref<4x8xf32>
  // CHECK: byre.custom "dnnl_matmul" ins(%[[X]] : memref<4x8xf32>) outs(%[[V]] : memref<16xf32>)
  byre.custom "dnnl_matmul" ins(%x : memref<4x8xf32>) outs(%v : memref<16xf32>)
  return
}
