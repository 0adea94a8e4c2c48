// RUN: byteir-opt %s -byteir-cpu-kernel-entry | FileCheck %s

// Without a function name, every defined exported function gets an entry.
// CHECK-LABEL: module
// CHECK: llvm.func internal @k0(
// CHECK: llvm.func internal @k1(
// CHECK: llvm.func @helper_decl(!llvm.ptr)
// CHECK: llvm.func @k0_entry(
// CHECK: llvm.func @k1_entry(
// CHECK-NOT: helper_decl_entry
module {
  llvm.func @k0(%a: !llvm.ptr) {
    llvm.return
  }
  llvm.func @k1(%a: !llvm.ptr, %b: !llvm.ptr) {
    llvm.return
  }
  llvm.func @helper_decl(!llvm.ptr)
}
