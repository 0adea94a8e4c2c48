// RUN: byteir-opt %s -byteir-expand-bf16-conversions | FileCheck %s

// CHECK-LABEL: func.func @convert
// CHECK-NOT: arith.truncf
// CHECK-NOT: arith.extf
// CHECK: arith.bitcast
// Min/max are left as they are.
// CHECK: arith.maximumf
func.func @convert(%a: f32, %b: f32) -> (f32, f32) {
  %0 = arith.truncf %a : f32 to bf16
  %1 = arith.extf %0 : bf16 to f32
  %2 = arith.maximumf %a, %b : f32
  return %1, %2 : f32, f32
}
