// RUN: byteir-opt %s -split-input-file -byteir-arith-fastmath | FileCheck %s

// CHECK-LABEL: func.func @flags
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc,contract> : f32
// CHECK: arith.mulf %{{.*}}, %{{.*}} fastmath<reassoc,nnan,contract> : f32
// CHECK: arith.addi %{{.*}}, %{{.*}} : i32
func.func @flags(%a: f32, %b: f32, %i: i32) -> (f32, f32, i32) {
  %0 = arith.addf %a, %b : f32
  %1 = arith.mulf %a, %b fastmath<nnan> : f32
  %2 = arith.addi %i, %i : i32
  return %0, %1, %2 : f32, f32, i32
}

// -----

// min/max keep their signed-zero and NaN semantics.
// CHECK-LABEL: func.func @minmax
// CHECK-NOT: fastmath
// CHECK: arith.maximumf
// CHECK-NOT: fastmath
func.func @minmax(%a: f32, %b: f32) -> f32 {
  %0 = arith.maximumf %a, %b : f32
  return %0 : f32
}

// -----

// Conversions keep their rounding (no `contract` that would fold extf(truncf(x))).
// CHECK-LABEL: func.func @conversions
// CHECK-NOT: fastmath
// CHECK: arith.truncf
// CHECK-NOT: fastmath
// CHECK: arith.extf
// CHECK-NOT: fastmath
func.func @conversions(%a: f32) -> f32 {
  %0 = arith.truncf %a : f32 to bf16
  %1 = arith.extf %0 : bf16 to f32
  return %1 : f32
}
