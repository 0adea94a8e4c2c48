// RUN: byteir-opt %s -split-input-file -byteir-cpu-kernel-entry="function=main" -verify-diagnostics | FileCheck %s

// CHECK-LABEL: llvm.func internal @main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// CHECK: llvm.func @main_entry(%[[BUFFERS:.*]]: !llvm.ptr)
// CHECK:   %[[P0:.*]] = llvm.getelementptr %[[BUFFERS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK:   %[[A0:.*]] = llvm.load %[[P0]] : !llvm.ptr -> !llvm.ptr
// CHECK:   %[[P1:.*]] = llvm.getelementptr %[[BUFFERS]][1] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// CHECK:   %[[A1:.*]] = llvm.load %[[P1]] : !llvm.ptr -> !llvm.ptr
// CHECK:   llvm.call @main(%[[A0]], %[[A1]]) : (!llvm.ptr, !llvm.ptr) -> ()
// CHECK:   llvm.return
module {
  llvm.func @main(%in: !llvm.ptr, %out: !llvm.ptr) {
    llvm.return
  }
}

// -----

// expected-error @+1 {{no LLVM function 'main' to wrap}}
module {
  llvm.func @other(%in: !llvm.ptr) {
    llvm.return
  }
}

// -----

module {
  // expected-error @+1 {{kernel must take only pointers and return nothing}}
  llvm.func @main(%in: i64) -> i64 {
    llvm.return %in : i64
  }
}

