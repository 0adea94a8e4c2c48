// RUN: byteir-opt %s -split-input-file -byteir-expand-bf16-conversions | FileCheck %s

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

// -----

// f64 -> f16: integer arithmetic on the f64 bits: rebias (1023 - 15) << 52, round
// away 42 mantissa bits to nearest even, clamp to infinity (0x7c00), subnormal
// results below exponent 1009, quiet NaN 0x7e00, sign at bit 15.
// CHECK-LABEL: func.func @f64_to_f16
// CHECK-DAG: arith.constant 4539628424389459968 : i64
// CHECK-DAG: arith.constant 31744 : i64
// CHECK-DAG: arith.constant 1009 : i64
// CHECK-DAG: arith.constant 32256 : i64
// CHECK: %[[BITS:.*]] = arith.bitcast %{{.*}} : f64 to i64
// CHECK: arith.minui
// CHECK: arith.select
// CHECK: %[[NARROW:.*]] = arith.trunci %{{.*}} : i64 to i16
// CHECK: arith.bitcast %[[NARROW]] : i16 to f16
// CHECK-NOT: arith.truncf
func.func @f64_to_f16(%a: f64) -> f16 {
  %0 = arith.truncf %a : f64 to f16
  return %0 : f16
}

// -----

// f64 -> bf16: rebias (1023 - 127) << 52, round away 45 bits, infinity 0x7f80,
// quiet NaN 0x7fc0; vectors are expanded element type-wise.
// CHECK-LABEL: func.func @f64_to_bf16
// CHECK-DAG: arith.constant dense<4035225266123964416> : vector<4xi64>
// CHECK-DAG: arith.constant dense<32640> : vector<4xi64>
// CHECK-DAG: arith.constant dense<32704> : vector<4xi64>
// CHECK: arith.bitcast %{{.*}} : vector<4xf64> to vector<4xi64>
// CHECK: arith.trunci %{{.*}} : vector<4xi64> to vector<4xi16>
// CHECK: arith.bitcast %{{.*}} : vector<4xi16> to vector<4xbf16>
// CHECK-NOT: arith.truncf
func.func @f64_to_bf16(%a: vector<4xf64>) -> vector<4xbf16> {
  %0 = arith.truncf %a : vector<4xf64> to vector<4xbf16>
  return %0 : vector<4xbf16>
}

// -----

// f32 -> f16 has an instruction (F16C) and is left alone.
// CHECK-LABEL: func.func @f32_to_f16
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @f32_to_f16(%a: f32) -> f16 {
  %0 = arith.truncf %a : f32 to f16
  return %0 : f16
}
