// RUN: byteir-opt %s -split-input-file --stablehlo-legalize-to-linalg | FileCheck %s

func.func @add_dynamic(%a: tensor<4x?xf32>, %b: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %0 = stablehlo.add %a, %b : tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
// CHECK-LABEL: func.func @add_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<4x?xf32>, %[[B:.*]]: tensor<4x?xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<4x?xf32>
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<4x?xf32>
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel"]{{.*}} ins(%[[A]], %[[B]] : {{.*}}) outs(%[[E]] : tensor<4x?xf32>)
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK: linalg.yield %[[S]] : f32

// -----

func.func @add_i1(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = stablehlo.add %a, %b : tensor<4xi1>
  %1 = stablehlo.multiply %0, %b : tensor<4xi1>
  return %1 : tensor<4xi1>
}
// CHECK-LABEL: func.func @add_i1
// CHECK: arith.ori %{{.*}}, %{{.*}} : i1
// CHECK: arith.andi %{{.*}}, %{{.*}} : i1

// -----

func.func @unary_float(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.abs %a : tensor<4xf32>
  %1 = stablehlo.cbrt %0 : tensor<4xf32>
  %2 = stablehlo.ceil %1 : tensor<4xf32>
  %3 = stablehlo.cosine %2 : tensor<4xf32>
  %4 = stablehlo.exponential %3 : tensor<4xf32>
  %5 = stablehlo.exponential_minus_one %4 : tensor<4xf32>
  %6 = stablehlo.floor %5 : tensor<4xf32>
  %7 = stablehlo.log %6 : tensor<4xf32>
  %8 = stablehlo.log_plus_one %7 : tensor<4xf32>
  %9 = stablehlo.negate %8 : tensor<4xf32>
  %10 = stablehlo.round_nearest_afz %9 : tensor<4xf32>
  %11 = stablehlo.round_nearest_even %10 : tensor<4xf32>
  %12 = stablehlo.rsqrt %11 : tensor<4xf32>
  %13 = stablehlo.sine %12 : tensor<4xf32>
  %14 = stablehlo.sqrt %13 : tensor<4xf32>
  %15 = stablehlo.tan %14 : tensor<4xf32>
  %16 = stablehlo.tanh %15 : tensor<4xf32>
  return %16 : tensor<4xf32>
}
// CHECK-LABEL: func.func @unary_float
// CHECK: math.absf
// CHECK: math.cbrt
// CHECK: math.ceil
// CHECK: math.cos
// CHECK: math.exp
// CHECK: math.expm1
// CHECK: math.floor
// CHECK: math.log
// CHECK: math.log1p
// CHECK: arith.negf
// CHECK: math.round
// CHECK: math.roundeven
// CHECK: math.rsqrt
// CHECK: math.sin
// CHECK: math.sqrt
// CHECK: math.tan
// CHECK: math.tanh

// -----

func.func @logistic(%a: tensor<4xf16>) -> tensor<4xf16> {
  %0 = stablehlo.logistic %a : tensor<4xf16>
  return %0 : tensor<4xf16>
}
// CHECK-LABEL: func.func @logistic
// CHECK: ^bb0(%[[X:.*]]: f16, %{{.*}}: f16):
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f16
// CHECK: %[[N:.*]] = arith.negf %[[X]] : f16
// CHECK: %[[E:.*]] = math.exp %[[N]] : f16
// CHECK: %[[D:.*]] = arith.addf %[[ONE]], %[[E]] : f16
// CHECK: arith.divf %[[ONE]], %[[D]] : f16

// -----

func.func @sign_f32(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.sign %a : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @sign_f32
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[ZN:.*]] = arith.cmpf ueq, %[[X]], %{{.*}} : f32
// CHECK: %[[S:.*]] = math.copysign %{{.*}}, %[[X]] : f32
// CHECK: arith.select %[[ZN]], %[[X]], %[[S]] : f32

// -----

func.func @sign_i32(%a: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.sign %a : tensor<4xi32>
  return %0 : tensor<4xi32>
}
// CHECK-LABEL: func.func @sign_i32
// CHECK: arith.shrsi %{{.*}}, %c31_i32
// CHECK: arith.cmpi sgt
// CHECK: arith.extui
// CHECK: arith.ori

// -----

func.func @int_unary(%a: tensor<4xi16>) -> tensor<4xi16> {
  %0 = stablehlo.abs %a : tensor<4xi16>
  %1 = stablehlo.count_leading_zeros %0 : tensor<4xi16>
  %2 = stablehlo.popcnt %1 : tensor<4xi16>
  %3 = stablehlo.not %2 : tensor<4xi16>
  %4 = stablehlo.negate %3 : tensor<4xi16>
  return %4 : tensor<4xi16>
}
// CHECK-LABEL: func.func @int_unary
// CHECK: math.absi %{{.*}} : i16
// CHECK: math.ctlz %{{.*}} : i16
// CHECK: math.ctpop %{{.*}} : i16
// CHECK: arith.xori %{{.*}}, %c-1_i16 : i16
// CHECK: arith.subi %c0_i16, %{{.*}} : i16

// -----

func.func @not_i1(%a: tensor<4xi1>) -> tensor<4xi1> {
  %0 = stablehlo.not %a : tensor<4xi1>
  return %0 : tensor<4xi1>
}
// CHECK-LABEL: func.func @not_i1
// CHECK: arith.xori %{{.*}}, %true : i1

// -----

func.func @is_finite(%a: tensor<4xf32>) -> tensor<4xi1> {
  %0 = stablehlo.is_finite %a : (tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}
// CHECK-LABEL: func.func @is_finite
// CHECK: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: %[[ABS:.*]] = math.absf
// CHECK: arith.cmpf olt, %[[ABS]], %[[INF]] : f32
// CHECK: -> tensor<4xi1>

// -----

func.func @div_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.divide %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}
// CHECK-LABEL: func.func @div_i32
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: %[[M1:.*]] = arith.constant -1 : i32
// CHECK: %[[BYZERO:.*]] = arith.cmpi eq, %[[Y]], %{{.*}} : i32
// CHECK: %[[MIN:.*]] = arith.constant -2147483648 : i32
// CHECK: %[[ISMIN:.*]] = arith.cmpi eq, %[[X]], %[[MIN]] : i32
// CHECK: %[[ISM1:.*]] = arith.cmpi eq, %[[Y]], %[[M1]] : i32
// CHECK: %[[OVF:.*]] = arith.andi %[[ISMIN]], %[[ISM1]] : i1
// CHECK: %[[UNSAFE:.*]] = arith.ori %[[BYZERO]], %[[OVF]] : i1
// CHECK: %[[SAFE:.*]] = arith.select %[[UNSAFE]], %[[ONE]], %[[Y]] : i32
// CHECK: %[[Q:.*]] = arith.divsi %[[X]], %[[SAFE]] : i32
// CHECK: %[[Q2:.*]] = arith.select %[[OVF]], %[[MIN]], %[[Q]] : i32
// CHECK: %[[R:.*]] = arith.select %[[BYZERO]], %[[M1]], %[[Q2]] : i32
// CHECK: linalg.yield %[[R]] : i32

// -----

func.func @div_ui32(%a: tensor<4xui32>, %b: tensor<4xui32>) -> tensor<4xui32> {
  %0 = stablehlo.divide %a, %b : tensor<4xui32>
  return %0 : tensor<4xui32>
}
// CHECK-LABEL: func.func @div_ui32
// CHECK-SAME: (%{{.*}}: tensor<4xi32>, %{{.*}}: tensor<4xi32>) -> tensor<4xi32>
// CHECK: arith.divui
// CHECK: arith.select %{{.*}}, %c-1_i32, %{{.*}} : i32
// CHECK-NOT: divsi

// -----

func.func @rem_i64(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = stablehlo.remainder %a, %b : tensor<4xi64>
  return %0 : tensor<4xi64>
}
// CHECK-LABEL: func.func @rem_i64
// CHECK: ^bb0(%[[X:.*]]: i64, %[[Y:.*]]: i64, %{{.*}}: i64):
// CHECK: %[[BYZERO:.*]] = arith.cmpi eq, %[[Y]], %{{.*}} : i64
// CHECK: %[[R:.*]] = arith.remsi %[[X]], %{{.*}} : i64
// CHECK: arith.select %[[BYZERO]], %[[X]], %[[R]] : i64

// -----

func.func @rem_f32(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.remainder %a, %b : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @rem_f32
// CHECK: arith.remf %{{.*}}, %{{.*}} : f32

// -----

func.func @minmax_f32(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.maximum %a, %b : tensor<4xf32>
  %1 = stablehlo.minimum %0, %b : tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @minmax_f32
// CHECK: arith.maximumf
// CHECK: arith.minimumf

// -----

func.func @minmax_ui8(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %0 = stablehlo.maximum %a, %b : tensor<4xui8>
  %1 = stablehlo.minimum %0, %b : tensor<4xui8>
  return %1 : tensor<4xui8>
}
// CHECK-LABEL: func.func @minmax_ui8
// CHECK-SAME: tensor<4xi8>
// CHECK: arith.maxui %{{.*}}, %{{.*}} : i8
// CHECK: arith.minui %{{.*}}, %{{.*}} : i8

// -----

func.func @minmax_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.maximum %a, %b : tensor<4xi32>
  %1 = stablehlo.minimum %0, %b : tensor<4xi32>
  return %1 : tensor<4xi32>
}
// CHECK-LABEL: func.func @minmax_i32
// CHECK: arith.maxsi
// CHECK: arith.minsi

// -----

func.func @pow_f32(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.power %a, %b : tensor<4xf32>
  %1 = stablehlo.atan2 %0, %b : tensor<4xf32>
  return %1 : tensor<4xf32>
}
// CHECK-LABEL: func.func @pow_f32
// CHECK: math.powf
// CHECK: math.atan2

// -----

func.func @pow_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.power %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}
// CHECK-LABEL: func.func @pow_i32
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[L:.*]]:3 = scf.for %{{.*}} = %c0 to %c32 step %c1 iter_args(%{{.*}} = %c1_i32, %{{.*}} = %[[X]], %{{.*}} = %[[Y]]) -> (i32, i32, i32)
// CHECK: arith.muli
// CHECK: arith.shrui
// CHECK: scf.yield
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[Y]], %c0_i32 : i32
// CHECK: %[[R:.*]] = arith.select %[[NEG]], %{{.*}}, %[[L]]#0 : i32
// CHECK: linalg.yield %[[R]] : i32

// -----

func.func @shifts(%a: tensor<4xi32>, %b: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %0 = stablehlo.shift_left %a, %b : tensor<4xi32>
  %1 = stablehlo.shift_right_logical %a, %b : tensor<4xi32>
  %2 = stablehlo.shift_right_arithmetic %a, %b : tensor<4xi32>
  return %0, %1, %2 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}
// CHECK-LABEL: func.func @shifts
// CHECK: ^bb0(%[[X:.*]]: i32, %[[Y:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[Y]], %c32_i32 : i32
// CHECK: %[[SAFE:.*]] = arith.select %[[IN]], %[[Y]], %c0_i32 : i32
// CHECK: %[[SH:.*]] = arith.shli %[[X]], %[[SAFE]] : i32
// CHECK: arith.select %[[IN]], %[[SH]], %c0_i32 : i32
// CHECK: arith.shrui
// CHECK: ^bb0(%[[X2:.*]]: i32, %[[Y2:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[IN2:.*]] = arith.cmpi ult, %[[Y2]], %c32_i32 : i32
// CHECK: %[[AMT:.*]] = arith.select %[[IN2]], %[[Y2]], %c31_i32 : i32
// CHECK: arith.shrsi %[[X2]], %[[AMT]] : i32

// -----

func.func @bitwise(%a: tensor<4xui16>, %b: tensor<4xui16>) -> tensor<4xui16> {
  %0 = stablehlo.and %a, %b : tensor<4xui16>
  %1 = stablehlo.or %0, %b : tensor<4xui16>
  %2 = stablehlo.xor %1, %b : tensor<4xui16>
  %3 = stablehlo.subtract %2, %b : tensor<4xui16>
  return %3 : tensor<4xui16>
}
// CHECK-LABEL: func.func @bitwise
// CHECK-SAME: tensor<4xi16>
// CHECK: arith.andi
// CHECK: arith.ori
// CHECK: arith.xori
// CHECK: arith.subi

// -----

func.func @compare_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare EQ, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = stablehlo.compare NE, %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %2 = stablehlo.compare GE, %a, %b, FLOAT : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}
// CHECK-LABEL: func.func @compare_float
// CHECK: arith.cmpf oeq
// CHECK: arith.cmpf une
// CHECK: arith.cmpf oge

// -----

func.func @compare_totalorder(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xi1> {
  %0 = stablehlo.compare LT, %a, %b, TOTALORDER : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}
// CHECK-LABEL: func.func @compare_totalorder
// CHECK: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: i1):
// CHECK: %[[XB:.*]] = arith.bitcast %[[X]] : f32 to i32
// CHECK: %[[XN:.*]] = arith.cmpi slt, %[[XB]], %{{.*}} : i32
// CHECK: %[[XF:.*]] = arith.xori %[[XB]], %{{.*}} : i32
// CHECK: %[[XK:.*]] = arith.select %[[XN]], %[[XF]], %[[XB]] : i32
// CHECK: %[[YB:.*]] = arith.bitcast %[[Y]] : f32 to i32
// CHECK: %[[YK:.*]] = arith.select %{{.*}}, %{{.*}}, %[[YB]] : i32
// CHECK: arith.cmpi slt, %[[XK]], %[[YK]] : i32

// -----

func.func @compare_int(%a: tensor<4xi32>, %b: tensor<4xi32>, %c: tensor<4xui32>, %d: tensor<4xui32>) -> (tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare GT, %a, %b, SIGNED : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  %1 = stablehlo.compare LE, %c, %d : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xi1>
  return %0, %1 : tensor<4xi1>, tensor<4xi1>
}
// CHECK-LABEL: func.func @compare_int
// CHECK: arith.cmpi sgt
// CHECK: arith.cmpi ule

// -----

func.func @select_scalar_pred(%p: tensor<i1>, %a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.select %p, %a, %b : (tensor<i1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @select_scalar_pred
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]], #[[ID]], #[[ID]]]
// CHECK: ^bb0(%[[P:.*]]: i1, %[[T:.*]]: f32, %[[F:.*]]: f32, %{{.*}}: f32):
// CHECK: arith.select %[[P]], %[[T]], %[[F]] : f32

// -----

func.func @select_tensor_pred(%p: tensor<2x3xi1>, %a: tensor<2x3xi8>, %b: tensor<2x3xi8>) -> tensor<2x3xi8> {
  %0 = stablehlo.select %p, %a, %b : tensor<2x3xi1>, tensor<2x3xi8>
  return %0 : tensor<2x3xi8>
}
// CHECK-LABEL: func.func @select_tensor_pred
// CHECK: arith.select %{{.*}}, %{{.*}}, %{{.*}} : i8

// -----

func.func @clamp_scalar(%lo: tensor<f32>, %a: tensor<4xf32>, %hi: tensor<f32>) -> tensor<4xf32> {
  %0 = stablehlo.clamp %lo, %a, %hi : (tensor<f32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0) -> ()>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @clamp_scalar
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]], #[[SCALAR]], #[[ID]]]
// CHECK: ^bb0(%[[LO:.*]]: f32, %[[X:.*]]: f32, %[[HI:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[M:.*]] = arith.maximumf %[[X]], %[[LO]] : f32
// CHECK: arith.minimumf %[[M]], %[[HI]] : f32

// -----

func.func @clamp_ui32(%lo: tensor<4xui32>, %a: tensor<4xui32>, %hi: tensor<4xui32>) -> tensor<4xui32> {
  %0 = stablehlo.clamp %lo, %a, %hi : tensor<4xui32>
  return %0 : tensor<4xui32>
}
// CHECK-LABEL: func.func @clamp_ui32
// CHECK: arith.maxui
// CHECK: arith.minui

// -----

func.func @convert_f32_i32(%a: tensor<4xf32>) -> tensor<4xi32> {
  %0 = stablehlo.convert %a : (tensor<4xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
// CHECK-LABEL: func.func @convert_f32_i32
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: i32):
// CHECK: %[[T:.*]] = arith.fptosi %[[X]] : f32 to i32
// CHECK: %[[BIG:.*]] = arith.cmpf oge, %[[X]], %{{.*}} : f32
// CHECK: %[[SMALL:.*]] = arith.cmpf olt, %[[X]], %{{.*}} : f32
// CHECK: %[[S1:.*]] = arith.select %[[BIG]], %c2147483647_i32, %[[T]] : i32
// CHECK: %[[S2:.*]] = arith.select %[[SMALL]], %c-2147483648_i32, %[[S1]] : i32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: arith.select %[[NAN]], %{{.*}}, %[[S2]] : i32

// -----

func.func @convert_f32_ui8(%a: tensor<4xf32>) -> tensor<4xui8> {
  %0 = stablehlo.convert %a : (tensor<4xf32>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}
// CHECK-LABEL: func.func @convert_f32_ui8
// CHECK-SAME: -> tensor<4xi8>
// CHECK: arith.fptoui %{{.*}} : f32 to i8
// CHECK: arith.constant 2.560000e+02 : f32

// -----

func.func @convert_to_bool(%a: tensor<4xi32>, %b: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.convert %a : (tensor<4xi32>) -> tensor<4xi1>
  %1 = stablehlo.convert %b : (tensor<4xf32>) -> tensor<4xi1>
  return %0, %1 : tensor<4xi1>, tensor<4xi1>
}
// CHECK-LABEL: func.func @convert_to_bool
// CHECK: arith.cmpi ne, %{{.*}}, %c0_i32 : i32
// CHECK: arith.cmpf une, %{{.*}}, %{{.*}} : f32

// -----

func.func @convert_from_bool(%a: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = stablehlo.convert %a : (tensor<4xi1>) -> tensor<4xf32>
  %1 = stablehlo.convert %a : (tensor<4xi1>) -> tensor<4xi32>
  return %0, %1 : tensor<4xf32>, tensor<4xi32>
}
// CHECK-LABEL: func.func @convert_from_bool
// CHECK: arith.uitofp %{{.*}} : i1 to f32
// CHECK: arith.extui %{{.*}} : i1 to i32

// -----

func.func @convert_ints(%a: tensor<4xui8>, %b: tensor<4xi8>, %c: tensor<4xi64>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xf32>) {
  %0 = stablehlo.convert %a : (tensor<4xui8>) -> tensor<4xi32>
  %1 = stablehlo.convert %b : (tensor<4xi8>) -> tensor<4xi32>
  %2 = stablehlo.convert %c : (tensor<4xi64>) -> tensor<4xi32>
  %3 = stablehlo.convert %a : (tensor<4xui8>) -> tensor<4xf32>
  return %0, %1, %2, %3 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xf32>
}
// CHECK-LABEL: func.func @convert_ints
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: arith.trunci %{{.*}} : i64 to i32
// CHECK: arith.uitofp %{{.*}} : i8 to f32

// -----

func.func @convert_floats(%a: tensor<4xf32>, %b: tensor<4xf16>) -> (tensor<4xbf16>, tensor<4xf64>, tensor<4xbf16>) {
  %0 = stablehlo.convert %a : (tensor<4xf32>) -> tensor<4xbf16>
  %1 = stablehlo.convert %a : (tensor<4xf32>) -> tensor<4xf64>
  %2 = stablehlo.convert %b : (tensor<4xf16>) -> tensor<4xbf16>
  return %0, %1, %2 : tensor<4xbf16>, tensor<4xf64>, tensor<4xbf16>
}
// CHECK-LABEL: func.func @convert_floats
// CHECK: arith.truncf %{{.*}} : f32 to bf16
// CHECK: arith.extf %{{.*}} : f32 to f64
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK: arith.truncf %[[W]] : f32 to bf16

// -----

func.func @convert_same_width_sign(%a: tensor<4xi32>) -> tensor<4xui32> {
  %0 = stablehlo.convert %a : (tensor<4xi32>) -> tensor<4xui32>
  return %0 : tensor<4xui32>
}
// CHECK-LABEL: func.func @convert_same_width_sign
// CHECK-SAME: (%[[A:.*]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK-NEXT: return %[[A]] : tensor<4xi32>

// -----

func.func @bitcast_convert(%a: tensor<4xf32>) -> tensor<4xi32> {
  %0 = stablehlo.bitcast_convert %a : (tensor<4xf32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}
// CHECK-LABEL: func.func @bitcast_convert
// CHECK: arith.bitcast %{{.*}} : f32 to i32

// -----

func.func @reduce_precision(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.reduce_precision %a, format = e5m10 : tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @reduce_precision
// CHECK: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK: arith.bitcast %[[X]] : f32 to i32
// CHECK: arith.constant 8192 : i32
// CHECK: arith.constant 4095 : i32
// CHECK: arith.constant -8192 : i32
// CHECK: arith.cmpi ugt
// CHECK: arith.cmpi ule
// CHECK: %[[Y:.*]] = arith.bitcast %{{.*}} : i32 to f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[X]], %[[X]] : f32
// CHECK: arith.select %[[NAN]], %[[X]], %[[Y]] : f32

// -----

func.func @complex_ops(%re: tensor<4xf32>, %im: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.complex %re, %im : tensor<4xcomplex<f32>>
  %1 = stablehlo.multiply %0, %0 : tensor<4xcomplex<f32>>
  %2 = stablehlo.exponential %1 : tensor<4xcomplex<f32>>
  %3 = stablehlo.real %2 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  %4 = stablehlo.imag %2 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  %5 = stablehlo.abs %2 : (tensor<4xcomplex<f32>>) -> tensor<4xf32>
  return %3, %4, %5 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
// CHECK-LABEL: func.func @complex_ops
// CHECK: complex.create %{{.*}}, %{{.*}} : complex<f32>
// CHECK: complex.mul
// CHECK: complex.exp
// CHECK: complex.re
// CHECK: complex.im
// CHECK: complex.abs

// -----

func.func @constant_ui8() -> tensor<2xui8> {
  %0 = stablehlo.constant dense<[1, 255]> : tensor<2xui8>
  return %0 : tensor<2xui8>
}
// CHECK-LABEL: func.func @constant_ui8
// CHECK-SAME: -> tensor<2xi8>
// CHECK: arith.constant dense<[1, -1]> : tensor<2xi8>

// -----

func.func @iota() -> (tensor<2x3xf32>, tensor<4xui8>) {
  %0 = stablehlo.iota dim = 1 : tensor<2x3xf32>
  %1 = stablehlo.iota dim = 0 : tensor<4xui8>
  return %0, %1 : tensor<2x3xf32>, tensor<4xui8>
}
// CHECK-LABEL: func.func @iota
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK: arith.sitofp %[[I64]] : i64 to f32
// CHECK: linalg.index 0 : index
// CHECK: arith.trunci %{{.*}} : i64 to i8

// -----

func.func @broadcast_in_dim_named(%a: tensor<3xf32>) -> tensor<2x3x5xf32> {
  %0 = stablehlo.broadcast_in_dim %a, dims = [1] : (tensor<3xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}
// CHECK-LABEL: func.func @broadcast_in_dim_named
// CHECK: linalg.broadcast ins(%{{.*}} : tensor<3xf32>) outs(%{{.*}} : tensor<2x3x5xf32>) dimensions = [0, 2]

// -----

func.func @broadcast_in_dim_expand(%a: tensor<1x3xf32>) -> tensor<2x4x3xf32> {
  %0 = stablehlo.broadcast_in_dim %a, dims = [0, 2] : (tensor<1x3xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (0, d2)>
// CHECK-LABEL: func.func @broadcast_in_dim_expand
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #{{.*}}]
// CHECK-SAME: ins(%{{.*}} : tensor<1x3xf32>) outs(%{{.*}} : tensor<2x4x3xf32>)

// -----

func.func @broadcast_in_dim_scalar(%a: tensor<f32>) -> tensor<2x4xf32> {
  %0 = stablehlo.broadcast_in_dim %a, dims = [] : (tensor<f32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
// CHECK-LABEL: func.func @broadcast_in_dim_scalar
// CHECK: linalg.broadcast ins(%{{.*}} : tensor<f32>) outs(%{{.*}} : tensor<2x4xf32>) dimensions = [0, 1]

// -----

func.func @broadcast_in_dim_dynamic(%a: tensor<?xf32>) -> tensor<2x?xf32> {
  %0 = stablehlo.broadcast_in_dim %a, dims = [1] : (tensor<?xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}
// CHECK-LABEL: func.func @broadcast_in_dim_dynamic
// CHECK: %[[D:.*]] = tensor.dim %{{.*}}, %c0 : tensor<?xf32>
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<2x?xf32>
// CHECK: linalg.broadcast ins(%{{.*}} : tensor<?xf32>) outs(%[[E]] : tensor<2x?xf32>) dimensions = [0]

// -----

func.func @broadcast(%a: tensor<3xi32>) -> tensor<2x4x3xi32> {
  %0 = stablehlo.broadcast %a, sizes = [2, 4] : (tensor<3xi32>) -> tensor<2x4x3xi32>
  return %0 : tensor<2x4x3xi32>
}
// CHECK-LABEL: func.func @broadcast
// CHECK: linalg.broadcast ins(%{{.*}} : tensor<3xi32>) outs(%{{.*}} : tensor<2x4x3xi32>) dimensions = [0, 1]

// -----

func.func @transpose(%a: tensor<2x3x?xf32>) -> tensor<?x2x3xf32> {
  %0 = stablehlo.transpose %a, dims = [2, 0, 1] : (tensor<2x3x?xf32>) -> tensor<?x2x3xf32>
  return %0 : tensor<?x2x3xf32>
}
// CHECK-LABEL: func.func @transpose
// CHECK: %[[D:.*]] = tensor.dim %{{.*}}, %c2 : tensor<2x3x?xf32>
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<?x2x3xf32>
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3x?xf32>) outs(%[[E]] : tensor<?x2x3xf32>) permutation = [2, 0, 1]

// -----

func.func @reshape_collapse(%a: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %0 = stablehlo.reshape %a : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}
// CHECK-LABEL: func.func @reshape_collapse
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>

// -----

func.func @reshape_expand(%a: tensor<6xf32>) -> tensor<2x1x3xf32> {
  %0 = stablehlo.reshape %a : (tensor<6xf32>) -> tensor<2x1x3xf32>
  return %0 : tensor<2x1x3xf32>
}
// CHECK-LABEL: func.func @reshape_expand
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1, 2]] output_shape [2, 1, 3] : tensor<6xf32> into tensor<2x1x3xf32>

// -----

func.func @reshape_general(%a: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = stablehlo.reshape %a : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
// CHECK-LABEL: func.func @reshape_general
// CHECK: %[[C:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: tensor.expand_shape %[[C]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>

// -----

func.func @reshape_scalar(%a: tensor<1x1xf32>) -> tensor<f32> {
  %0 = stablehlo.reshape %a : (tensor<1x1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}
// CHECK-LABEL: func.func @reshape_scalar
// CHECK: tensor.collapse_shape %{{.*}} [] : tensor<1x1xf32> into tensor<f32>

// -----

func.func @reverse(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.reverse %a, dims = [1] : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
// CHECK-DAG: #[[REV:.*]] = affine_map<(d0, d1) -> (d0, -d1 + 2)>
// CHECK-LABEL: func.func @reverse
// CHECK: linalg.generic {indexing_maps = [#[[REV]], #{{.*}}]

// -----

func.func @slice(%a: tensor<6x8xf32>) -> tensor<3x2xf32> {
  %0 = stablehlo.slice %a [1:6:2, 0:8:4] : (tensor<6x8xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
// CHECK-LABEL: func.func @slice
// CHECK: tensor.extract_slice %{{.*}}[1, 0] [3, 2] [2, 4] : tensor<6x8xf32> to tensor<3x2xf32>

// -----

func.func @concatenate(%a: tensor<2x1xf32>, %b: tensor<2x3xf32>) -> tensor<2x5xf32> {
  %0 = stablehlo.concatenate %a, %b, %a, dim = 1 : (tensor<2x1xf32>, tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}
// CHECK-LABEL: func.func @concatenate
// CHECK-SAME: (%[[A:.*]]: tensor<2x1xf32>, %[[B:.*]]: tensor<2x3xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x5xf32>
// CHECK: %[[I0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0] [2, 1] [1, 1]
// CHECK: %[[I1:.*]] = tensor.insert_slice %[[B]] into %[[I0]][0, 1] [2, 3] [1, 1]
// CHECK: %[[I2:.*]] = tensor.insert_slice %[[A]] into %[[I1]][0, 4] [2, 1] [1, 1]
// CHECK: return %[[I2]]

// -----

func.func @concatenate_dynamic(%a: tensor<?x4xf32>, %b: tensor<2x4xf32>) -> tensor<?x4xf32> {
  %0 = stablehlo.concatenate %a, %b, dim = 0 : (tensor<?x4xf32>, tensor<2x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
// CHECK-LABEL: func.func @concatenate_dynamic
// CHECK: %[[D:.*]] = tensor.dim %{{.*}}, %{{.*}} : tensor<?x4xf32>
// CHECK: %[[E:.*]] = tensor.empty(%{{.*}}) : tensor<?x4xf32>
// CHECK: tensor.insert_slice %{{.*}} into %[[E]][0, 0] [%{{.*}}, 4] [1, 1] : tensor<?x4xf32> into tensor<?x4xf32>
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[%{{.*}}, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<?x4xf32>

// -----

func.func @pad_edge(%a: tensor<3x4xf32>, %v: tensor<f32>) -> tensor<6x8xf32> {
  %0 = stablehlo.pad %a, %v, low = [1, 2], high = [2, 2], interior = [0, 0] : (tensor<3x4xf32>, tensor<f32>) -> tensor<6x8xf32>
  return %0 : tensor<6x8xf32>
}
// CHECK-LABEL: func.func @pad_edge
// CHECK: %[[V:.*]] = tensor.extract %{{.*}}[] : tensor<f32>
// CHECK: tensor.pad %{{.*}} low[1, 2] high[2, 2]
// CHECK: tensor.yield %[[V]] : f32
// CHECK: tensor<3x4xf32> to tensor<6x8xf32>

// -----

func.func @pad_negative(%a: tensor<3x4xf32>, %v: tensor<f32>) -> tensor<3x4xf32> {
  %0 = stablehlo.pad %a, %v, low = [-1, 2], high = [1, -2], interior = [0, 0] : (tensor<3x4xf32>, tensor<f32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @pad_negative
// CHECK: %[[S:.*]] = tensor.extract_slice %{{.*}}[1, 0] [2, 2] [1, 1] : tensor<3x4xf32> to tensor<2x2xf32>
// CHECK: tensor.pad %[[S]] low[0, 2] high[1, 0]
// CHECK: tensor<2x2xf32> to tensor<3x4xf32>

// -----

func.func @pad_interior(%a: tensor<3x4xf32>, %v: tensor<f32>) -> tensor<4x9xf32> {
  %0 = stablehlo.pad %a, %v, low = [1, -1], high = [-2, 0], interior = [1, 2] : (tensor<3x4xf32>, tensor<f32>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}
// CHECK-LABEL: func.func @pad_interior
// CHECK: %[[V:.*]] = tensor.extract %{{.*}}[] : tensor<f32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<6x10xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[E]] : tensor<6x10xf32>)
// CHECK: %[[I:.*]] = tensor.insert_slice %{{.*}} into %[[F]][1, 0] [3, 4] [2, 3] : tensor<3x4xf32> into tensor<6x10xf32>
// CHECK: tensor.extract_slice %[[I]][0, 1] [4, 9] [1, 1] : tensor<6x10xf32> to tensor<4x9xf32>

// -----

func.func @dynamic_slice(%a: tensor<10x4xf32>, %i: tensor<i32>, %j: tensor<ui32>) -> tensor<3x4xf32> {
  %0 = stablehlo.dynamic_slice %a, %i, %j, sizes = [3, 4] : (tensor<10x4xf32>, tensor<i32>, tensor<ui32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}
// CHECK-LABEL: func.func @dynamic_slice
// CHECK: %[[I:.*]] = tensor.extract %{{.*}}[] : tensor<i32>
// CHECK: %[[II:.*]] = arith.index_cast %[[I]] : i32 to index
// CHECK: %[[MIN0:.*]] = arith.minsi %[[II]], %{{.*}} : index
// CHECK: %[[S0:.*]] = arith.maxsi %[[MIN0]], %{{.*}} : index
// CHECK: %[[J:.*]] = tensor.extract %{{.*}}[] : tensor<i32>
// CHECK: %[[JJ:.*]] = arith.index_castui %[[J]] : i32 to index
// CHECK: %[[MIN1:.*]] = arith.minsi %[[JJ]], %{{.*}} : index
// CHECK: %[[S1:.*]] = arith.maxsi %[[MIN1]], %{{.*}} : index
// CHECK: tensor.extract_slice %{{.*}}[%[[S0]], %[[S1]]] [3, 4] [1, 1] : tensor<10x4xf32> to tensor<3x4xf32>

// -----

func.func @dynamic_update_slice(%a: tensor<10x4xf32>, %u: tensor<2x4xf32>, %i: tensor<i64>, %j: tensor<i64>) -> tensor<10x4xf32> {
  %0 = stablehlo.dynamic_update_slice %a, %u, %i, %j : (tensor<10x4xf32>, tensor<2x4xf32>, tensor<i64>, tensor<i64>) -> tensor<10x4xf32>
  return %0 : tensor<10x4xf32>
}
// CHECK-LABEL: func.func @dynamic_update_slice
// CHECK: arith.index_cast %{{.*}} : i64 to index
// CHECK: arith.minsi
// CHECK: arith.maxsi
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[%{{.*}}, %{{.*}}] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<10x4xf32>

// -----

func.func @get_dimension_size(%a: tensor<10x?xf32>) -> (tensor<i32>, tensor<i32>) {
  %0 = stablehlo.get_dimension_size %a, dim = 0 : (tensor<10x?xf32>) -> tensor<i32>
  %1 = stablehlo.get_dimension_size %a, dim = 1 : (tensor<10x?xf32>) -> tensor<i32>
  return %0, %1 : tensor<i32>, tensor<i32>
}
// CHECK-LABEL: func.func @get_dimension_size
// CHECK: %[[C:.*]] = arith.constant dense<10> : tensor<i32>
// CHECK: %[[D:.*]] = tensor.dim %{{.*}}, %c1 : tensor<10x?xf32>
// CHECK: %[[I:.*]] = arith.index_cast %[[D]] : index to i32
// CHECK: %[[T:.*]] = tensor.from_elements %[[I]] : tensor<i32>
// CHECK: return %[[C]], %[[T]]

// -----

func.func @dot_matmul(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = stablehlo.dot %a, %b : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
// CHECK-LABEL: func.func @dot_matmul
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[E:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<3x5xf32>)
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<4x5xf32>) outs(%[[F]] : tensor<3x5xf32>)

// -----

func.func @dot_vectors(%a: tensor<3x4xf32>, %v: tensor<4xf32>, %w: tensor<3xf32>) -> (tensor<3xf32>, tensor<4xf32>, tensor<f32>) {
  %0 = stablehlo.dot %a, %v : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>
  %1 = stablehlo.dot %w, %a : (tensor<3xf32>, tensor<3x4xf32>) -> tensor<4xf32>
  %2 = stablehlo.dot %v, %v : (tensor<4xf32>, tensor<4xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<3xf32>, tensor<4xf32>, tensor<f32>
}
// CHECK-LABEL: func.func @dot_vectors
// CHECK: linalg.matvec ins(%{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<4xf32>)
// CHECK: linalg.vecmat ins(%{{.*}}, %{{.*}} : tensor<3xf32>, tensor<3x4xf32>)
// CHECK: linalg.dot ins(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<f32>)

// -----

func.func @dot_general_batch_matmul(%a: tensor<2x3x4xbf16>, %b: tensor<2x4x5xbf16>) -> tensor<2x3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, DEFAULT] : (tensor<2x3x4xbf16>, tensor<2x4x5xbf16>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}
// CHECK-LABEL: func.func @dot_general_batch_matmul
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<2x3x4xbf16>, tensor<2x4x5xbf16>) outs(%{{.*}} : tensor<2x3x5xf32>)

// -----

func.func @dot_general_transposed(%a: tensor<3x4xf32>, %b: tensor<5x4xf32>) -> tensor<3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [1] : (tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @dot_general_transposed
// CHECK: linalg.matmul indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]] ins(%{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<5x4xf32>) outs(%{{.*}} : tensor<3x5xf32>)

// -----

func.func @dot_general_lhs_transposed(%a: tensor<4x3xf32>, %b: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [0] x [0] : (tensor<4x3xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-LABEL: func.func @dot_general_lhs_transposed
// CHECK: linalg.matmul indexing_maps = [#[[LHS]], #{{.*}}, #{{.*}}] ins(%{{.*}}, %{{.*}} : tensor<4x3xf32>, tensor<4x5xf32>)

// -----

func.func @dot_general_two_batch_dims(%q: tensor<2x4x16x32xf32>, %k: tensor<2x4x8x32xf32>) -> tensor<2x4x16x8xf32> {
  %0 = stablehlo.dot_general %q, %k, batching_dims = [0, 1] x [0, 1], contracting_dims = [3] x [3] : (tensor<2x4x16x32xf32>, tensor<2x4x8x32xf32>) -> tensor<2x4x16x8xf32>
  return %0 : tensor<2x4x16x8xf32>
}
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-LABEL: func.func @dot_general_two_batch_dims
// CHECK-SAME: (%[[Q:.*]]: tensor<2x4x16x32xf32>, %[[K:.*]]: tensor<2x4x8x32xf32>)
// CHECK: %[[F:.*]] = linalg.fill
// CHECK: %[[CQ:.*]] = tensor.collapse_shape %[[Q]] {{\[}}[0, 1], [2], [3]] : tensor<2x4x16x32xf32> into tensor<8x16x32xf32>
// CHECK: %[[CK:.*]] = tensor.collapse_shape %[[K]] {{\[}}[0, 1], [2], [3]] : tensor<2x4x8x32xf32> into tensor<8x8x32xf32>
// CHECK: %[[CF:.*]] = tensor.collapse_shape %[[F]] {{\[}}[0, 1], [2], [3]] : tensor<2x4x16x8xf32> into tensor<8x16x8xf32>
// CHECK: %[[MM:.*]] = linalg.batch_matmul indexing_maps = [#{{.*}}, #[[RHS]], #{{.*}}] ins(%[[CQ]], %[[CK]] : {{.*}}) outs(%[[CF]] : tensor<8x16x8xf32>)
// CHECK: tensor.expand_shape %[[MM]] {{\[}}[0, 1], [2], [3]] output_shape [2, 4, 16, 8] : tensor<8x16x8xf32> into tensor<2x4x16x8xf32>

// -----

func.func @dot_general_general(%a: tensor<4x2x3x5xf32>, %b: tensor<5x6x2x4xf32>) -> tensor<2x3x6xf32> {
  %0 = stablehlo.dot_general %a, %b, batching_dims = [1] x [2], contracting_dims = [0, 3] x [3, 0] : (tensor<4x2x3x5xf32>, tensor<5x6x2x4xf32>) -> tensor<2x3x6xf32>
  return %0 : tensor<2x3x6xf32>
}
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d3, d0, d1, d4)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d4, d2, d0, d3)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @dot_general_general
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]}

// -----

func.func @dot_general_ui8(%a: tensor<3x4xui8>, %b: tensor<4x5xui8>) -> tensor<3x5xui32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<3x4xui8>, tensor<4x5xui8>) -> tensor<3x5xui32>
  return %0 : tensor<3x5xui32>
}
// CHECK-LABEL: func.func @dot_general_ui8
// CHECK-SAME: -> tensor<3x5xi32>
// CHECK: linalg.generic
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.muli
// CHECK: arith.addi

// -----

func.func @dot_general_dynamic(%a: tensor<?x4xf32>, %b: tensor<4x?xf32>) -> tensor<?x?xf32> {
  %0 = stablehlo.dot_general %a, %b, contracting_dims = [1] x [0] : (tensor<?x4xf32>, tensor<4x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
// CHECK-LABEL: func.func @dot_general_dynamic
// CHECK: %[[M:.*]] = tensor.dim %{{.*}}, %c0 : tensor<?x4xf32>
// CHECK: %[[N:.*]] = tensor.dim %{{.*}}, %c1 : tensor<4x?xf32>
// CHECK: tensor.empty(%[[M]], %[[N]]) : tensor<?x?xf32>
// CHECK: linalg.matmul

// -----

func.func @reduce_sum(%a: tensor<3x4x5xf32>) -> tensor<4xf32> {
  %z = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = stablehlo.reduce(%a init: %z) applies stablehlo.add across dimensions = [2, 0] : (tensor<3x4x5xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK-LABEL: func.func @reduce_sum
// CHECK: %[[C:.*]] = arith.constant dense<0.000000e+00> : tensor<f32>
// CHECK: %[[I:.*]] = tensor.extract %[[C]][] : tensor<f32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4xf32>
// CHECK: %[[F:.*]] = linalg.fill ins(%[[I]] : f32) outs(%[[E]] : tensor<4xf32>)
// CHECK: linalg.reduce { arith.addf } ins(%{{.*}} : tensor<3x4x5xf32>) outs(%[[F]] : tensor<4xf32>) dimensions = [0, 2]

// -----

func.func @reduce_argmax(%a: tensor<4x7xf32>, %i: tensor<4x7xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %inf = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %zero = stablehlo.constant dense<0> : tensor<i32>
  %0:2 = stablehlo.reduce(%a init: %inf), (%i init: %zero) across dimensions = [1] : (tensor<4x7xf32>, tensor<4x7xi32>, tensor<f32>, tensor<i32>) -> (tensor<4xf32>, tensor<4xi32>)
   reducer(%x: tensor<f32>, %y: tensor<f32>) (%xi: tensor<i32>, %yi: tensor<i32>) {
    %gt = stablehlo.compare GT, %x, %y, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v = stablehlo.select %gt, %x, %y : tensor<i1>, tensor<f32>
    %k = stablehlo.select %gt, %xi, %yi : tensor<i1>, tensor<i32>
    stablehlo.return %v, %k : tensor<f32>, tensor<i32>
  }
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}
// CHECK-LABEL: func.func @reduce_argmax
// CHECK: %[[R:.*]]:2 = linalg.reduce ins(%{{.*}}, %{{.*}} : tensor<4x7xf32>, tensor<4x7xi32>) outs(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xi32>) dimensions = [1]
// CHECK: (%[[IN:.*]]: f32, %[[INI:.*]]: i32, %[[ACC:.*]]: f32, %[[ACCI:.*]]: i32) {
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[ACC]], %[[IN]] : f32
// CHECK: %[[V:.*]] = arith.select %[[GT]], %[[ACC]], %[[IN]] : f32
// CHECK: %[[K:.*]] = arith.select %[[GT]], %[[ACCI]], %[[INI]] : i32
// CHECK: linalg.yield %[[V]], %[[K]] : f32, i32
// CHECK: return %[[R]]#0, %[[R]]#1

// -----

func.func @reduce_dynamic_ui32(%a: tensor<?x5xui32>) -> tensor<?xui32> {
  %z = stablehlo.constant dense<0> : tensor<ui32>
  %0 = stablehlo.reduce(%a init: %z) applies stablehlo.maximum across dimensions = [1] : (tensor<?x5xui32>, tensor<ui32>) -> tensor<?xui32>
  return %0 : tensor<?xui32>
}
// CHECK-LABEL: func.func @reduce_dynamic_ui32
// CHECK-SAME: (%[[A:.*]]: tensor<?x5xi32>) -> tensor<?xi32>
// CHECK: %[[D:.*]] = tensor.dim %[[A]], %c0 : tensor<?x5xi32>
// CHECK: tensor.empty(%[[D]]) : tensor<?xi32>
// CHECK: linalg.reduce { arith.maxui }

// -----

func.func @optimization_barrier(%a: tensor<4xf32>, %b: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0:2 = stablehlo.optimization_barrier %a, %b : tensor<4xf32>, tensor<4xi32>
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}
// CHECK-LABEL: func.func @optimization_barrier
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xi32>)
// CHECK-NEXT: return %[[A]], %[[B]]

// -----

func.func @call_ui(%a: tensor<4xui32>) -> tensor<4xui32> {
  %0 = call @callee(%a) : (tensor<4xui32>) -> tensor<4xui32>
  return %0 : tensor<4xui32>
}
func.func private @callee(%a: tensor<4xui32>) -> tensor<4xui32> {
  %0 = stablehlo.add %a, %a : tensor<4xui32>
  return %0 : tensor<4xui32>
}
// CHECK-LABEL: func.func @call_ui
// CHECK-SAME: (%[[A:.*]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK: call @callee(%[[A]]) : (tensor<4xi32>) -> tensor<4xi32>
// CHECK-LABEL: func.func private @callee
// CHECK-SAME: (%{{.*}}: tensor<4xi32>) -> tensor<4xi32>
// CHECK: arith.addi %{{.*}}, %{{.*}} : i32
