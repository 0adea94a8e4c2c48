// RUN: byteir-opt %s -split-input-file -canonicalize | FileCheck %s
// Folders and canonicalization patterns of the stablehlo dialect, with negative
// cases (rewrites that would not be exact and must not fire).

// CHECK-LABEL: func.func @add_fold_int(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[3, -2147483648]> : tensor<2xi32>
// CHECK-NEXT: return [[VC]] : tensor<2xi32>

func.func @add_fold_int() -> tensor<2xi32> {
  %0 = stablehlo.constant dense<[1, 2147483647]> : tensor<2xi32>
  %1 = stablehlo.constant dense<[2, 1]> : tensor<2xi32>
  %2 = stablehlo.add %0, %1 : tensor<2xi32>
  return %2 : tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @add_fold_float(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[3.750000e+00, 0.000000e+00]> : tensor<2xf32>
// CHECK-NEXT: return [[VCST]] : tensor<2xf32>
func.func @add_fold_float() -> tensor<2xf32> {
  %0 = stablehlo.constant dense<[1.5, -0.0]> : tensor<2xf32>
  %1 = stablehlo.constant dense<[2.25, 0.0]> : tensor<2xf32>
  %2 = stablehlo.add %0, %1 : tensor<2xf32>
  return %2 : tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @add_pred(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[true, false]> : tensor<2xi1>
// CHECK-NEXT: return [[VC]] : tensor<2xi1>
func.func @add_pred() -> tensor<2xi1> {
  %0 = stablehlo.constant dense<[true, false]> : tensor<2xi1>
  %1 = stablehlo.constant dense<true> : tensor<2xi1>
  %2 = stablehlo.add %0, %1 : tensor<2xi1>
  %3 = stablehlo.multiply %0, %1 : tensor<2xi1>
  %4 = stablehlo.and %2, %3 : tensor<2xi1>
  return %4 : tensor<2xi1>
}

// -----

// CHECK-LABEL: func.func @add_zero_int(
// CHECK-NEXT: return %arg0 : tensor<4xi32>
func.func @add_zero_int(%arg0: tensor<4xi32>) -> tensor<4xi32> {
  %0 = stablehlo.constant dense<0> : tensor<4xi32>
  %1 = stablehlo.add %arg0, %0 : tensor<4xi32>
  %2 = stablehlo.add %0, %1 : tensor<4xi32>
  %3 = stablehlo.subtract %2, %0 : tensor<4xi32>
  return %3 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @add_negzero_float(
// CHECK-NEXT: return %arg0 : tensor<4xf32>
func.func @add_negzero_float(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.constant dense<-0.0> : tensor<4xf32>
  %1 = stablehlo.add %arg0, %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// x + 0.0 is not x when x = -0.0: must not fold.
// CHECK-LABEL: func.func @add_poszero_float_nofold(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.add %arg0, [[VCST]] : tensor<4xf32>
// CHECK-NEXT: return [[V0]] : tensor<4xf32>
func.func @add_poszero_float_nofold(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = stablehlo.constant dense<0.0> : tensor<4xf32>
  %1 = stablehlo.add %arg0, %0 : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sub_zero_float(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<-0.000000e+00> : tensor<4xf32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.subtract %arg1, [[VCST]] : tensor<4xf32>
// CHECK-NEXT: return %arg0, [[V0]] : tensor<4xf32>, tensor<4xf32>
func.func @sub_zero_float(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.constant dense<0.0> : tensor<4xf32>
  %1 = stablehlo.subtract %arg0, %0 : tensor<4xf32>
  %2 = stablehlo.constant dense<-0.0> : tensor<4xf32>
  %3 = stablehlo.subtract %arg1, %2 : tensor<4xf32>
  return %1, %3 : tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @sub_self(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<0> : tensor<4xi32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.subtract %arg1, %arg1 : tensor<4xf32>
// CHECK-NEXT: return [[VC]], [[V0]] : tensor<4xi32>, tensor<4xf32>
func.func @sub_self(%arg0: tensor<4xi32>, %arg1: tensor<4xf32>) -> (tensor<4xi32>, tensor<4xf32>) {
  %0 = stablehlo.subtract %arg0, %arg0 : tensor<4xi32>
  %1 = stablehlo.subtract %arg1, %arg1 : tensor<4xf32>
  return %0, %1 : tensor<4xi32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @mul_one(
// CHECK-NEXT: return %arg0, %arg1 : tensor<4xf32>, tensor<4xi32>
func.func @mul_one(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = stablehlo.constant dense<1.0> : tensor<4xf32>
  %1 = stablehlo.multiply %arg0, %0 : tensor<4xf32>
  %2 = stablehlo.constant dense<1> : tensor<4xi32>
  %3 = stablehlo.multiply %2, %arg1 : tensor<4xi32>
  return %1, %3 : tensor<4xf32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mul_zero(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<0> : tensor<4xi32>
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.multiply %arg0, [[VCST]] : tensor<4xf32>
// CHECK-NEXT: return [[V0]], [[VC]] : tensor<4xf32>, tensor<4xi32>
func.func @mul_zero(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = stablehlo.constant dense<0.0> : tensor<4xf32>
  %1 = stablehlo.multiply %arg0, %0 : tensor<4xf32>
  %2 = stablehlo.constant dense<0> : tensor<4xi32>
  %3 = stablehlo.multiply %arg1, %2 : tensor<4xi32>
  return %1, %3 : tensor<4xf32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @mul_wrap(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<16> : tensor<i8>
// CHECK-NEXT: return [[VC]] : tensor<i8>
func.func @mul_wrap() -> tensor<i8> {
  %0 = stablehlo.constant dense<100> : tensor<i8>
  %1 = stablehlo.multiply %0, %0 : tensor<i8>
  return %1 : tensor<i8>
}

// -----

// CHECK-LABEL: func.func @div_one(
// CHECK-NEXT: return %arg0, %arg1 : tensor<4xf32>, tensor<4xi32>
func.func @div_one(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = stablehlo.constant dense<1.0> : tensor<4xf32>
  %1 = stablehlo.divide %arg0, %0 : tensor<4xf32>
  %2 = stablehlo.constant dense<1> : tensor<4xi32>
  %3 = stablehlo.divide %arg1, %2 : tensor<4xi32>
  return %1, %3 : tensor<4xf32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @div_rem_int(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[3, -3, -3, 3]> : tensor<4xi32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<[1, -1, 1, -1]> : tensor<4xi32>
// CHECK-NEXT: [[VC_1:%[^ ]+]] = stablehlo.constant dense<[66, 3]> : tensor<2xui8>
// CHECK-NEXT: return [[VC]], [[VC_0]], [[VC_1]] : tensor<4xi32>, tensor<4xi32>, tensor<2xui8>
func.func @div_rem_int() -> (tensor<4xi32>, tensor<4xi32>, tensor<2xui8>) {
  %0 = stablehlo.constant dense<[7, -7, 7, -7]> : tensor<4xi32>
  %1 = stablehlo.constant dense<[2, 2, -2, -2]> : tensor<4xi32>
  %2 = stablehlo.divide %0, %1 : tensor<4xi32>
  %3 = stablehlo.remainder %0, %1 : tensor<4xi32>
  %4 = stablehlo.constant dense<[200, 7]> : tensor<2xui8>
  %5 = stablehlo.constant dense<[3, 2]> : tensor<2xui8>
  %6 = stablehlo.divide %4, %5 : tensor<2xui8>
  return %2, %3, %6 : tensor<4xi32>, tensor<4xi32>, tensor<2xui8>
}

// -----

// Division by zero and INT_MIN / -1 are not folded.
// CHECK-LABEL: func.func @div_nofold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<-1> : tensor<i32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<-2147483648> : tensor<i32>
// CHECK-NEXT: [[VC_1:%[^ ]+]] = stablehlo.constant dense<7> : tensor<i32>
// CHECK-NEXT: [[VC_2:%[^ ]+]] = stablehlo.constant dense<0> : tensor<i32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.divide [[VC_1]], [[VC_2]] : tensor<i32>
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.divide [[VC_0]], [[VC]] : tensor<i32>
// CHECK-NEXT: [[V2:%[^ ]+]] = stablehlo.remainder [[VC_1]], [[VC_2]] : tensor<i32>
// CHECK-NEXT: return [[V0]], [[V1]], [[V2]] : tensor<i32>, tensor<i32>, tensor<i32>
func.func @div_nofold() -> (tensor<i32>, tensor<i32>, tensor<i32>) {
  %0 = stablehlo.constant dense<7> : tensor<i32>
  %1 = stablehlo.constant dense<0> : tensor<i32>
  %2 = stablehlo.divide %0, %1 : tensor<i32>
  %3 = stablehlo.constant dense<-2147483648> : tensor<i32>
  %4 = stablehlo.constant dense<-1> : tensor<i32>
  %5 = stablehlo.divide %3, %4 : tensor<i32>
  %6 = stablehlo.remainder %0, %1 : tensor<i32>
  return %2, %5, %6 : tensor<i32>, tensor<i32>, tensor<i32>
}

// -----

// CHECK-LABEL: func.func @float_div_rem(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[0x7F800000, 0xFF800000, 0x7FC00000]> : tensor<3xf32>
// CHECK-NEXT: [[VCST_0:%[^ ]+]] = stablehlo.constant dense<[1.500000e+00, -1.500000e+00]> : tensor<2xf32>
// CHECK-NEXT: return [[VCST]], [[VCST_0]] : tensor<3xf32>, tensor<2xf32>
func.func @float_div_rem() -> (tensor<3xf32>, tensor<2xf32>) {
  %0 = stablehlo.constant dense<[1.0, -1.0, 0.0]> : tensor<3xf32>
  %1 = stablehlo.constant dense<[0.0, 0.0, 0.0]> : tensor<3xf32>
  %2 = stablehlo.divide %0, %1 : tensor<3xf32>
  %3 = stablehlo.constant dense<[5.5, -5.5]> : tensor<2xf32>
  %4 = stablehlo.constant dense<[2.0, 2.0]> : tensor<2xf32>
  %5 = stablehlo.remainder %3, %4 : tensor<2xf32>
  return %2, %5 : tensor<3xf32>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @max_min_nan(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[0x7FC00000, 2.000000e+00, 0.000000e+00]> : tensor<3xf32>
// CHECK-NEXT: [[VCST_0:%[^ ]+]] = stablehlo.constant dense<[0x7FC00000, 1.000000e+00, -0.000000e+00]> : tensor<3xf32>
// CHECK-NEXT: return [[VCST]], [[VCST_0]] : tensor<3xf32>, tensor<3xf32>
func.func @max_min_nan() -> (tensor<3xf32>, tensor<3xf32>) {
  %0 = stablehlo.constant dense<[0x7FC00000, 1.0, -0.0]> : tensor<3xf32>
  %1 = stablehlo.constant dense<[1.0, 2.0, 0.0]> : tensor<3xf32>
  %2 = stablehlo.maximum %0, %1 : tensor<3xf32>
  %3 = stablehlo.minimum %0, %1 : tensor<3xf32>
  return %2, %3 : tensor<3xf32>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @max_min_int(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[2, 3]> : tensor<2xi32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<[2, 3]> : tensor<2xui32>
// CHECK-NEXT: return [[VC]], [[VC_0]], %arg0 : tensor<2xi32>, tensor<2xui32>, tensor<4xf32>
func.func @max_min_int(%arg0: tensor<4xf32>) -> (tensor<2xi32>, tensor<2xui32>, tensor<4xf32>) {
  %0 = stablehlo.constant dense<[-1, 3]> : tensor<2xi32>
  %1 = stablehlo.constant dense<[2, -5]> : tensor<2xi32>
  %2 = stablehlo.maximum %0, %1 : tensor<2xi32>
  %3 = stablehlo.constant dense<[4294967295, 3]> : tensor<2xui32>
  %4 = stablehlo.constant dense<[2, 5]> : tensor<2xui32>
  %5 = stablehlo.minimum %3, %4 : tensor<2xui32>
  %6 = stablehlo.maximum %arg0, %arg0 : tensor<4xf32>
  return %2, %5, %6 : tensor<2xi32>, tensor<2xui32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @shifts(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[0, 0, -64]> : tensor<3xi8>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<[64, 0, 60]> : tensor<3xi8>
// CHECK-NEXT: [[VC_1:%[^ ]+]] = stablehlo.constant dense<[-64, 0, -4]> : tensor<3xi8>
// CHECK-NEXT: return [[VC]], [[VC_0]], [[VC_1]] : tensor<3xi8>, tensor<3xi8>, tensor<3xi8>
func.func @shifts() -> (tensor<3xi8>, tensor<3xi8>, tensor<3xi8>) {
  %0 = stablehlo.constant dense<[-128, 1, -16]> : tensor<3xi8>
  %1 = stablehlo.constant dense<[1, 8, 2]> : tensor<3xi8>
  %2 = stablehlo.shift_left %0, %1 : tensor<3xi8>
  %3 = stablehlo.shift_right_logical %0, %1 : tensor<3xi8>
  %4 = stablehlo.constant dense<[1, 9, 2]> : tensor<3xi8>
  %5 = stablehlo.shift_right_arithmetic %0, %4 : tensor<3xi8>
  return %2, %3, %5 : tensor<3xi8>, tensor<3xi8>, tensor<3xi8>
}

// -----

// CHECK-LABEL: func.func @power_int(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<-1> : tensor<i32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<2> : tensor<i32>
// CHECK-NEXT: [[VC_1:%[^ ]+]] = stablehlo.constant dense<[81, -8]> : tensor<2xi32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.power [[VC_0]], [[VC]] : tensor<i32>
// CHECK-NEXT: return [[VC_1]], [[V0]] : tensor<2xi32>, tensor<i32>
func.func @power_int() -> (tensor<2xi32>, tensor<i32>) {
  %0 = stablehlo.constant dense<[3, -2]> : tensor<2xi32>
  %1 = stablehlo.constant dense<[4, 3]> : tensor<2xi32>
  %2 = stablehlo.power %0, %1 : tensor<2xi32>
  %3 = stablehlo.constant dense<2> : tensor<i32>
  %4 = stablehlo.constant dense<-1> : tensor<i32>
  %5 = stablehlo.power %3, %4 : tensor<i32>
  return %2, %5 : tensor<2xi32>, tensor<i32>
}

// -----

// CHECK-LABEL: func.func @logical(
// CHECK-NEXT: return %arg0, %arg0, %arg1, %arg0 : tensor<4xi32>, tensor<4xi32>, tensor<4xi1>, tensor<4xi32>
func.func @logical(%arg0: tensor<4xi32>, %arg1: tensor<4xi1>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi1>, tensor<4xi32>) {
  %0 = stablehlo.and %arg0, %arg0 : tensor<4xi32>
  %1 = stablehlo.or %arg0, %arg0 : tensor<4xi32>
  %c = stablehlo.constant dense<true> : tensor<4xi1>
  %2 = stablehlo.and %arg1, %c : tensor<4xi1>
  %z = stablehlo.constant dense<0> : tensor<4xi32>
  %3 = stablehlo.xor %arg0, %z : tensor<4xi32>
  return %0, %1, %2, %3 : tensor<4xi32>, tensor<4xi32>, tensor<4xi1>, tensor<4xi32>
}

// -----

// and/or identities and absorbing elements, on either side, and constant operands.
// CHECK-LABEL: func.func @and_or_duals(
// CHECK-DAG: %[[ZERO:.*]] = stablehlo.constant dense<0> : tensor<4xi32>
// CHECK-DAG: %[[ONES:.*]] = stablehlo.constant dense<-1> : tensor<4xi32>
// CHECK-DAG: %[[FOLDED:.*]] = stablehlo.constant dense<[1, 2, 0, 4]> : tensor<4xi32>
// CHECK: return %arg0, %[[ONES]], %arg0, %[[ZERO]], %[[FOLDED]]
func.func @and_or_duals(%arg0: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %z = stablehlo.constant dense<0> : tensor<4xi32>
  %o = stablehlo.constant dense<-1> : tensor<4xi32>
  %0 = stablehlo.or %z, %arg0 : tensor<4xi32>
  %1 = stablehlo.or %arg0, %o : tensor<4xi32>
  %2 = stablehlo.and %o, %arg0 : tensor<4xi32>
  %3 = stablehlo.and %arg0, %z : tensor<4xi32>
  %a = stablehlo.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %b = stablehlo.constant dense<[1, 2, 7, 8]> : tensor<4xi32>
  %c = stablehlo.and %a, %b : tensor<4xi32>
  %d = stablehlo.constant dense<[0, 0, 3, 0]> : tensor<4xi32>
  %4 = stablehlo.and %c, %d : tensor<4xi32>
  %5 = stablehlo.or %4, %a : tensor<4xi32>
  %6 = stablehlo.xor %5, %d : tensor<4xi32>
  return %0, %1, %2, %3, %6 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @unary_fold(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[-1.000000e+00, 0.000000e+00, 0xFFC00000]> : tensor<3xf32>
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[-2147483648, 3, 0]> : tensor<3xi32>
// CHECK-NEXT: [[VCST_0:%[^ ]+]] = stablehlo.constant dense<[3.000000e+00, -3.000000e+00, 1.000000e+00, -2.000000e+00]> : tensor<4xf32>
// CHECK-NEXT: [[VCST_1:%[^ ]+]] = stablehlo.constant dense<[2.000000e+00, -2.000000e+00, 0.000000e+00, -2.000000e+00]> : tensor<4xf32>
// CHECK-NEXT: [[VCST_2:%[^ ]+]] = stablehlo.constant dense<[2.000000e+00, -3.000000e+00, 0.000000e+00, -2.000000e+00]> : tensor<4xf32>
// CHECK-NEXT: [[VCST_3:%[^ ]+]] = stablehlo.constant dense<[3.000000e+00, -2.000000e+00, 1.000000e+00, -1.000000e+00]> : tensor<4xf32>
// CHECK-NEXT: return [[VCST]], [[VC]], [[VCST_0]], [[VCST_1]], [[VCST_2]], [[VCST_3]] : tensor<3xf32>, tensor<3xi32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
func.func @unary_fold() -> (tensor<3xf32>, tensor<3xi32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = stablehlo.constant dense<[1.0, -0.0, 0x7FC00000]> : tensor<3xf32>
  %1 = stablehlo.negate %0 : tensor<3xf32>
  %2 = stablehlo.constant dense<[-2147483648, -3, 0]> : tensor<3xi32>
  %3 = stablehlo.abs %2 : tensor<3xi32>
  %4 = stablehlo.constant dense<[2.5, -2.5, 0.5, -1.5]> : tensor<4xf32>
  %5 = stablehlo.round_nearest_afz %4 : tensor<4xf32>
  %6 = stablehlo.round_nearest_even %4 : tensor<4xf32>
  %7 = stablehlo.floor %4 : tensor<4xf32>
  %8 = stablehlo.ceil %4 : tensor<4xf32>
  return %1, %3, %5, %6, %7, %8 : tensor<3xf32>, tensor<3xi32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @unary_int(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[32, 31, 0]> : tensor<3xi32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<[0, 1, 32]> : tensor<3xi32>
// CHECK-NEXT: [[VC_1:%[^ ]+]] = stablehlo.constant dense<[-1, -2, 0]> : tensor<3xi32>
// CHECK-NEXT: [[VC_2:%[^ ]+]] = stablehlo.constant dense<[0, 1, -1]> : tensor<3xi32>
// CHECK-NEXT: return [[VC]], [[VC_0]], [[VC_1]], [[VC_2]] : tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>
func.func @unary_int() -> (tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) {
  %0 = stablehlo.constant dense<[0, 1, -1]> : tensor<3xi32>
  %1 = stablehlo.count_leading_zeros %0 : tensor<3xi32>
  %2 = stablehlo.popcnt %0 : tensor<3xi32>
  %3 = stablehlo.not %0 : tensor<3xi32>
  %4 = stablehlo.sign %0 : tensor<3xi32>
  return %1, %2, %3, %4 : tensor<3xi32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>
}

// -----

// CHECK-LABEL: func.func @sign_sqrt_float(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[-1.000000e+00, -0.000000e+00, 1.000000e+00, 0x7FC00000]> : tensor<4xf32>
// CHECK-NEXT: [[VCST_0:%[^ ]+]] = stablehlo.constant dense<[2.000000e+00, 1.41421354, 5.000000e-01]> : tensor<3xf32>
// CHECK-NEXT: return [[VCST]], [[VCST_0]] : tensor<4xf32>, tensor<3xf32>
func.func @sign_sqrt_float() -> (tensor<4xf32>, tensor<3xf32>) {
  %0 = stablehlo.constant dense<[-2.0, -0.0, 3.0, 0x7FC00000]> : tensor<4xf32>
  %1 = stablehlo.sign %0 : tensor<4xf32>
  %2 = stablehlo.constant dense<[4.0, 2.0, 0.25]> : tensor<3xf32>
  %3 = stablehlo.sqrt %2 : tensor<3xf32>
  return %1, %3 : tensor<4xf32>, tensor<3xf32>
}

// -----

// Transcendental functions are not folded.
// CHECK-LABEL: func.func @exp_nofold(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.exponential [[VCST]] : tensor<f32>
// CHECK-NEXT: return [[V0]] : tensor<f32>
func.func @exp_nofold() -> tensor<f32> {
  %0 = stablehlo.constant dense<1.0> : tensor<f32>
  %1 = stablehlo.exponential %0 : tensor<f32>
  return %1 : tensor<f32>
}

// -----

// CHECK-LABEL: func.func @double_negate_not(
// CHECK-NEXT: return %arg0, %arg1 : tensor<4xf32>, tensor<4xi32>
func.func @double_negate_not(%arg0: tensor<4xf32>, %arg1: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = stablehlo.negate %arg0 : tensor<4xf32>
  %1 = stablehlo.negate %0 : tensor<4xf32>
  %2 = stablehlo.not %arg1 : tensor<4xi32>
  %3 = stablehlo.not %2 : tensor<4xi32>
  return %1, %3 : tensor<4xf32>, tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @compare_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[true, false, false]> : tensor<3xi1>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<[true, true, false]> : tensor<3xi1>
// CHECK-NEXT: [[VC_1:%[^ ]+]] = stablehlo.constant dense<[true, false]> : tensor<2xi1>
// CHECK-NEXT: [[VC_2:%[^ ]+]] = stablehlo.constant dense<false> : tensor<2xi1>
// CHECK-NEXT: return [[VC]], [[VC_0]], [[VC_1]], [[VC_2]] : tensor<3xi1>, tensor<3xi1>, tensor<2xi1>, tensor<2xi1>
func.func @compare_fold() -> (tensor<3xi1>, tensor<3xi1>, tensor<2xi1>, tensor<2xi1>) {
  %0 = stablehlo.constant dense<[1.0, 0x7FC00000, -0.0]> : tensor<3xf32>
  %1 = stablehlo.constant dense<[2.0, 0x7FC00000, 0.0]> : tensor<3xf32>
  %2 = stablehlo.compare LT, %0, %1 : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %3 = stablehlo.compare NE, %0, %1 : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %4 = stablehlo.constant dense<[-1, 2]> : tensor<2xi32>
  %5 = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  %6 = stablehlo.compare LT, %4, %5, SIGNED : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi1>
  %7 = stablehlo.constant dense<[255, 2]> : tensor<2xui8>
  %8 = stablehlo.constant dense<[1, 2]> : tensor<2xui8>
  %9 = stablehlo.compare LT, %7, %8, UNSIGNED : (tensor<2xui8>, tensor<2xui8>) -> tensor<2xi1>
  return %2, %3, %6, %9 : tensor<3xi1>, tensor<3xi1>, tensor<2xi1>, tensor<2xi1>
}

// -----

// CHECK-LABEL: func.func @compare_self(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<true> : tensor<4xi1>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<false> : tensor<4xi1>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.compare EQ, %arg1, %arg1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
// CHECK-NEXT: return [[VC]], [[VC_0]], [[V0]] : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
func.func @compare_self(%arg0: tensor<4xi32>, %arg1: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = stablehlo.compare GE, %arg0, %arg0 : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  %1 = stablehlo.compare LT, %arg0, %arg0 : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  %2 = stablehlo.compare EQ, %arg1, %arg1 : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @select_fold(
// CHECK-NEXT: return %arg0, %arg1, %arg0 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
func.func @select_fold(%arg0: tensor<4xf32>, %arg1: tensor<4xf32>, %arg2: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %t = stablehlo.constant dense<true> : tensor<i1>
  %f = stablehlo.constant dense<false> : tensor<4xi1>
  %0 = stablehlo.select %t, %arg0, %arg1 : tensor<i1>, tensor<4xf32>
  %1 = stablehlo.select %f, %arg0, %arg1 : tensor<4xi1>, tensor<4xf32>
  %2 = stablehlo.select %arg2, %arg0, %arg0 : tensor<4xi1>, tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @select_const(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[1, 5, 3]> : tensor<3xi32>
// CHECK-NEXT: return [[VC]] : tensor<3xi32>
func.func @select_const() -> tensor<3xi32> {
  %p = stablehlo.constant dense<[true, false, true]> : tensor<3xi1>
  %a = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %b = stablehlo.constant dense<[4, 5, 6]> : tensor<3xi32>
  %0 = stablehlo.select %p, %a, %b : tensor<3xi1>, tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// CHECK-LABEL: func.func @convert_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[1, -1, 2, 0]> : tensor<4xi32>
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[1.000000e+00, 0x7C00, 9.997550e-02]> : tensor<3xf16>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<[false, false, true]> : tensor<3xi1>
// CHECK-NEXT: [[VCST_1:%[^ ]+]] = stablehlo.constant dense<[2.550000e+02, 0x4B800000]> : tensor<2xf32>
// CHECK-NEXT: [[VC_2:%[^ ]+]] = stablehlo.constant dense<[-1, 300]> : tensor<2xi32>
// CHECK-NEXT: return %arg0, [[VC]], [[VCST]], [[VC_0]], [[VCST_1]], [[VC_2]] : tensor<4xf32>, tensor<4xi32>, tensor<3xf16>, tensor<3xi1>, tensor<2xf32>, tensor<2xi32>
func.func @convert_fold(%arg0: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi32>, tensor<3xf16>, tensor<3xi1>, tensor<2xf32>, tensor<2xi32>) {
  %0 = stablehlo.convert %arg0 : tensor<4xf32>
  %1 = stablehlo.constant dense<[1.9, -1.9, 2.5, -0.5]> : tensor<4xf32>
  %2 = stablehlo.convert %1 : (tensor<4xf32>) -> tensor<4xi32>
  %3 = stablehlo.constant dense<[1.0, 65520.0, 0.1]> : tensor<3xf32>
  %4 = stablehlo.convert %3 : (tensor<3xf32>) -> tensor<3xf16>
  %5 = stablehlo.constant dense<[0.0, -0.0, 0x7FC00000]> : tensor<3xf32>
  %6 = stablehlo.convert %5 : (tensor<3xf32>) -> tensor<3xi1>
  %7 = stablehlo.constant dense<[255, 16777217]> : tensor<2xui32>
  %8 = stablehlo.convert %7 : (tensor<2xui32>) -> tensor<2xf32>
  %9 = stablehlo.constant dense<[-1, 300]> : tensor<2xi64>
  %10 = stablehlo.convert %9 : (tensor<2xi64>) -> tensor<2xi32>
  return %0, %2, %4, %6, %8, %10 : tensor<4xf32>, tensor<4xi32>, tensor<3xf16>, tensor<3xi1>, tensor<2xf32>, tensor<2xi32>
}

// -----

// Out-of-range float to int conversion is implementation-defined: not folded.
// CHECK-LABEL: func.func @convert_nofold(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<0x7FC00000> : tensor<f32>
// CHECK-NEXT: [[VCST_0:%[^ ]+]] = stablehlo.constant dense<3.000000e+02> : tensor<f32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.convert [[VCST_0]] : (tensor<f32>) -> tensor<i8>
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.convert [[VCST]] : (tensor<f32>) -> tensor<i32>
// CHECK-NEXT: return [[V0]], [[V1]] : tensor<i8>, tensor<i32>
func.func @convert_nofold() -> (tensor<i8>, tensor<i32>) {
  %0 = stablehlo.constant dense<300.0> : tensor<f32>
  %1 = stablehlo.convert %0 : (tensor<f32>) -> tensor<i8>
  %2 = stablehlo.constant dense<0x7FC00000> : tensor<f32>
  %3 = stablehlo.convert %2 : (tensor<f32>) -> tensor<i32>
  return %1, %3 : tensor<i8>, tensor<i32>
}

// -----

// CHECK-LABEL: func.func @reshape_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: return %arg0, [[V0]], [[VC]] : tensor<2x3xf32>, tensor<3x2xf32>, tensor<3x2xi32>
func.func @reshape_fold(%arg0: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<3x2xf32>, tensor<3x2xi32>) {
  %0 = stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<6xf32>
  %2 = stablehlo.reshape %1 : (tensor<6xf32>) -> tensor<3x2xf32>
  %3 = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %4 = stablehlo.reshape %3 : (tensor<2x3xi32>) -> tensor<3x2xi32>
  return %0, %2, %4 : tensor<2x3xf32>, tensor<3x2xf32>, tensor<3x2xi32>
}

// -----

// CHECK-LABEL: func.func @transpose_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}1, 4], [2, 5], [3, 6]]> : tensor<3x2xi32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.transpose %arg0, dims = [2, 0, 1] : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: return %arg0, [[V0]], %arg0, [[VC]] : tensor<2x3x4xf32>, tensor<4x2x3xf32>, tensor<2x3x4xf32>, tensor<3x2xi32>
func.func @transpose_fold(%arg0: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<4x2x3xf32>, tensor<2x3x4xf32>, tensor<3x2xi32>) {
  %0 = stablehlo.transpose %arg0, dims = [0, 1, 2] : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %1 = stablehlo.transpose %arg0, dims = [1, 0, 2] : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %2 = stablehlo.transpose %1, dims = [2, 1, 0] : (tensor<3x2x4xf32>) -> tensor<4x2x3xf32>
  %3 = stablehlo.transpose %1, dims = [1, 0, 2] : (tensor<3x2x4xf32>) -> tensor<2x3x4xf32>
  %4 = stablehlo.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %5 = stablehlo.transpose %4, dims = [1, 0] : (tensor<2x3xi32>) -> tensor<3x2xi32>
  return %0, %2, %3, %5 : tensor<2x3x4xf32>, tensor<4x2x3xf32>, tensor<2x3x4xf32>, tensor<3x2xi32>
}

// -----

// CHECK-LABEL: func.func @broadcast_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}1, 1, 1], [2, 2, 2]]> : tensor<2x3xi32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}1, 2, 3], [1, 2, 3]]> : tensor<2x3xi32>
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<7.000000e+00> : tensor<2x3xf32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.broadcast_in_dim %arg0, dims = [2] : (tensor<3xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: return %arg1, [[V0]], [[VCST]], [[VC_0]], [[VC]] : tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>
func.func @broadcast_fold(%arg0: tensor<3xf32>, %arg1: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>) {
  %0 = stablehlo.broadcast_in_dim %arg1, dims = [0, 1] : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = stablehlo.broadcast_in_dim %arg0, dims = [1] : (tensor<3xf32>) -> tensor<2x3xf32>
  %2 = stablehlo.broadcast_in_dim %1, dims = [1, 2] : (tensor<2x3xf32>) -> tensor<4x2x3xf32>
  %3 = stablehlo.constant dense<7.0> : tensor<f32>
  %4 = stablehlo.broadcast_in_dim %3, dims = [] : (tensor<f32>) -> tensor<2x3xf32>
  %5 = stablehlo.constant dense<[1, 2, 3]> : tensor<3xi32>
  %6 = stablehlo.broadcast_in_dim %5, dims = [1] : (tensor<3xi32>) -> tensor<2x3xi32>
  %7 = stablehlo.constant dense<[[1], [2]]> : tensor<2x1xi32>
  %8 = stablehlo.broadcast_in_dim %7, dims = [0, 1] : (tensor<2x1xi32>) -> tensor<2x3xi32>
  return %0, %2, %4, %6, %8 : tensor<2x3xf32>, tensor<4x2x3xf32>, tensor<2x3xf32>, tensor<2x3xi32>, tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @slice_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}4, 6], [8, 10]]> : tensor<2x2xi32>
// CHECK-NEXT: return %arg0, [[VC]] : tensor<4x4xf32>, tensor<2x2xi32>
func.func @slice_fold(%arg0: tensor<4x4xf32>) -> (tensor<4x4xf32>, tensor<2x2xi32>) {
  %0 = stablehlo.slice %arg0 [0:4, 0:4] : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = stablehlo.constant dense<[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]> : tensor<3x4xi32>
  %2 = stablehlo.slice %1 [1:3, 0:4:2] : (tensor<3x4xi32>) -> tensor<2x2xi32>
  return %0, %2 : tensor<4x4xf32>, tensor<2x2xi32>
}

// -----

// CHECK-LABEL: func.func @concat_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}1, 3, 4], [2, 5, 6]]> : tensor<2x3xi32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.concatenate %arg0, %arg2, dim = 0 : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
// CHECK-NEXT: return %arg0, [[V0]], [[VC]] : tensor<2x3xf32>, tensor<3x3xf32>, tensor<2x3xi32>
func.func @concat_fold(%arg0: tensor<2x3xf32>, %arg1: tensor<0x3xf32>, %arg2: tensor<1x3xf32>) -> (tensor<2x3xf32>, tensor<3x3xf32>, tensor<2x3xi32>) {
  %0 = stablehlo.concatenate %arg0, dim = 0 : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = stablehlo.concatenate %arg0, %arg1, %arg2, dim = 0 : (tensor<2x3xf32>, tensor<0x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
  %2 = stablehlo.constant dense<[[1], [2]]> : tensor<2x1xi32>
  %3 = stablehlo.constant dense<[[3, 4], [5, 6]]> : tensor<2x2xi32>
  %4 = stablehlo.concatenate %2, %3, dim = 1 : (tensor<2x1xi32>, tensor<2x2xi32>) -> tensor<2x3xi32>
  return %0, %1, %4 : tensor<2x3xf32>, tensor<3x3xf32>, tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @concat_drop_empty(
// CHECK-NEXT: return %arg0 : tensor<2x3xf32>
func.func @concat_drop_empty(%arg0: tensor<2x3xf32>, %arg1: tensor<0x3xf32>) -> tensor<2x3xf32> {
  %0 = stablehlo.concatenate %arg1, %arg0, dim = 0 : (tensor<0x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @iota_reverse_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}0, 1, 2], [0, 1, 2]]> : tensor<2x3xi32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<{{\[\[}}2, 1, 0], [2, 1, 0]]> : tensor<2x3xi32>
// CHECK-NEXT: return [[VC]], [[VC_0]], %arg0 : tensor<2x3xi32>, tensor<2x3xi32>, tensor<1x4xf32>
func.func @iota_reverse_fold(%arg0: tensor<1x4xf32>) -> (tensor<2x3xi32>, tensor<2x3xi32>, tensor<1x4xf32>) {
  %0 = stablehlo.iota dim = 1 : tensor<2x3xi32>
  %1 = stablehlo.reverse %0, dims = [1] : tensor<2x3xi32>
  %2 = stablehlo.reverse %arg0, dims = [0] : tensor<1x4xf32>
  return %0, %1, %2 : tensor<2x3xi32>, tensor<2x3xi32>, tensor<1x4xf32>
}

// -----

// CHECK-LABEL: func.func @pad_fold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[0, 1, 0, 2, 0, 0]> : tensor<6xi32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<[2, 3]> : tensor<2xi32>
// CHECK-NEXT: return %arg0, [[VC]], [[VC_0]] : tensor<2x3xf32>, tensor<6xi32>, tensor<2xi32>
func.func @pad_fold(%arg0: tensor<2x3xf32>, %arg1: tensor<f32>) -> (tensor<2x3xf32>, tensor<6xi32>, tensor<2xi32>) {
  %0 = stablehlo.pad %arg0, %arg1, low = [0, 0], high = [0, 0], interior = [0, 0] : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = stablehlo.constant dense<[1, 2]> : tensor<2xi32>
  %2 = stablehlo.constant dense<0> : tensor<i32>
  %3 = stablehlo.pad %1, %2, low = [1], high = [2], interior = [1] : (tensor<2xi32>, tensor<i32>) -> tensor<6xi32>
  %4 = stablehlo.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %5 = stablehlo.pad %4, %2, low = [-1], high = [-1], interior = [0] : (tensor<4xi32>, tensor<i32>) -> tensor<2xi32>
  return %0, %3, %5 : tensor<2x3xf32>, tensor<6xi32>, tensor<2xi32>
}

// -----

// CHECK-LABEL: func.func @dynamic_slice_const(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.slice %arg0 [1:3, 2:4] : (tensor<4x4xf32>) -> tensor<2x2xf32>
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.slice %arg0 [0:2, 1:3] : (tensor<4x4xf32>) -> tensor<2x2xf32>
// CHECK-NEXT: return [[V0]], [[V1]] : tensor<2x2xf32>, tensor<2x2xf32>
func.func @dynamic_slice_const(%arg0: tensor<4x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>) {
  %0 = stablehlo.constant dense<1> : tensor<i32>
  %1 = stablehlo.constant dense<7> : tensor<i32>
  %2 = stablehlo.constant dense<-3> : tensor<i32>
  %3 = stablehlo.dynamic_slice %arg0, %0, %1, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
  %4 = stablehlo.dynamic_slice %arg0, %2, %0, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
  return %3, %4 : tensor<2x2xf32>, tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_slice_nofold(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<1> : tensor<i32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.dynamic_slice %arg0, [[VC]], %arg1, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
// CHECK-NEXT: return [[V0]] : tensor<2x2xf32>
func.func @dynamic_slice_nofold(%arg0: tensor<4x4xf32>, %arg1: tensor<i32>) -> tensor<2x2xf32> {
  %0 = stablehlo.constant dense<1> : tensor<i32>
  %1 = stablehlo.dynamic_slice %arg0, %0, %arg1, sizes = [2, 2] : (tensor<4x4xf32>, tensor<i32>, tensor<i32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// -----

// CHECK-LABEL: func.func @get_dimension_size(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<4> : tensor<i32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.get_dimension_size %arg0, dim = 1 : (tensor<4x?xf32>) -> tensor<i32>
// CHECK-NEXT: return [[VC]], [[V0]] : tensor<i32>, tensor<i32>
func.func @get_dimension_size(%arg0: tensor<4x?xf32>) -> (tensor<i32>, tensor<i32>) {
  %0 = stablehlo.get_dimension_size %arg0, dim = 0 : (tensor<4x?xf32>) -> tensor<i32>
  %1 = stablehlo.get_dimension_size %arg0, dim = 1 : (tensor<4x?xf32>) -> tensor<i32>
  return %0, %1 : tensor<i32>, tensor<i32>
}

// -----

// CHECK-LABEL: func.func @dynamic_to_static(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.reshape %arg0 : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.broadcast_in_dim %arg1, dims = [1] : (tensor<3xf32>) -> tensor<4x3xf32>
// CHECK-NEXT: return [[V0]], [[V1]] : tensor<3x2xf32>, tensor<4x3xf32>
func.func @dynamic_to_static(%arg0: tensor<2x3xf32>, %arg1: tensor<3xf32>) -> (tensor<3x2xf32>, tensor<4x3xf32>) {
  %0 = stablehlo.constant dense<[3, 2]> : tensor<2xi64>
  %1 = stablehlo.dynamic_reshape %arg0, %0 : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  %2 = stablehlo.constant dense<[4, 3]> : tensor<2xi64>
  %3 = stablehlo.dynamic_broadcast_in_dim %arg1, %2, dims = [1] : (tensor<3xf32>, tensor<2xi64>) -> tensor<4x3xf32>
  return %1, %3 : tensor<3x2xf32>, tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_nofold(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.dynamic_reshape %arg0, %arg1 : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
// CHECK-NEXT: return [[V0]] : tensor<3x2xf32>
func.func @dynamic_nofold(%arg0: tensor<2x3xf32>, %arg1: tensor<2xi64>) -> tensor<3x2xf32> {
  %0 = stablehlo.dynamic_reshape %arg0, %arg1 : (tensor<2x3xf32>, tensor<2xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @dot_general_transpose(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.dot_general %arg0, %arg1, contracting_dims = [0] x [1] : (tensor<64x8xf32>, tensor<16x64xf32>) -> tensor<8x16xf32>
// CHECK-NEXT: return [[V0]] : tensor<8x16xf32>
func.func @dot_general_transpose(%arg0: tensor<64x8xf32>, %arg1: tensor<16x64xf32>) -> tensor<8x16xf32> {
  %0 = stablehlo.transpose %arg0, dims = [1, 0] : (tensor<64x8xf32>) -> tensor<8x64xf32>
  %1 = stablehlo.transpose %arg1, dims = [1, 0] : (tensor<16x64xf32>) -> tensor<64x16xf32>
  %2 = stablehlo.dot_general %0, %1, contracting_dims = [1] x [0] : (tensor<8x64xf32>, tensor<64x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}

// -----

// CHECK-LABEL: func.func @dot_general_transpose_batch(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.dot_general %arg0, %arg1, batching_dims = [1] x [0], contracting_dims = [2] x [1] : (tensor<5x3x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
// CHECK-NEXT: return [[V0]] : tensor<3x5x2xf32>
func.func @dot_general_transpose_batch(%arg0: tensor<5x3x7xf32>, %arg1: tensor<3x7x2xf32>) -> tensor<3x5x2xf32> {
  %0 = stablehlo.transpose %arg0, dims = [1, 0, 2] : (tensor<5x3x7xf32>) -> tensor<3x5x7xf32>
  %1 = stablehlo.dot_general %0, %arg1, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  return %1 : tensor<3x5x2xf32>
}

// -----

// The transpose swaps two free dims: folding it would change the result layout.
// CHECK-LABEL: func.func @dot_general_transpose_nofold(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.transpose %arg0, dims = [1, 0, 2] : (tensor<4x5x7xf32>) -> tensor<5x4x7xf32>
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.dot_general [[V0]], %arg1, contracting_dims = [2] x [0] : (tensor<5x4x7xf32>, tensor<7x2xf32>) -> tensor<5x4x2xf32>
// CHECK-NEXT: return [[V1]] : tensor<5x4x2xf32>
func.func @dot_general_transpose_nofold(%arg0: tensor<4x5x7xf32>, %arg1: tensor<7x2xf32>) -> tensor<5x4x2xf32> {
  %0 = stablehlo.transpose %arg0, dims = [1, 0, 2] : (tensor<4x5x7xf32>) -> tensor<5x4x7xf32>
  %1 = stablehlo.dot_general %0, %arg1, contracting_dims = [2] x [0] : (tensor<5x4x7xf32>, tensor<7x2xf32>) -> tensor<5x4x2xf32>
  return %1 : tensor<5x4x2xf32>
}

// -----

// CHECK-LABEL: func.func @if_const(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.negate %arg0 : tensor<4xf32>
// CHECK-NEXT: return [[V0]] : tensor<4xf32>
func.func @if_const(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %c = stablehlo.constant dense<false> : tensor<i1>
  %0 = "stablehlo.if"(%c) ({
    stablehlo.return %arg0 : tensor<4xf32>
  }, {
    %1 = stablehlo.negate %arg0 : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @case_const(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.negate %arg0 : tensor<4xf32>
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.abs %arg0 : tensor<4xf32>
// CHECK-NEXT: return [[V0]], [[V1]] : tensor<4xf32>, tensor<4xf32>
func.func @case_const(%arg0: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %c1 = stablehlo.constant dense<1> : tensor<i32>
  %c9 = stablehlo.constant dense<9> : tensor<i32>
  %0 = "stablehlo.case"(%c1) ({
    stablehlo.return %arg0 : tensor<4xf32>
  }, {
    %1 = stablehlo.negate %arg0 : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }, {
    %1 = stablehlo.abs %arg0 : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i32>) -> tensor<4xf32>
  %2 = "stablehlo.case"(%c9) ({
    stablehlo.return %arg0 : tensor<4xf32>
  }, {
    %1 = stablehlo.negate %arg0 : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }, {
    %1 = stablehlo.abs %arg0 : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i32>) -> tensor<4xf32>
  return %0, %2 : tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @if_nofold(
// CHECK-NEXT: [[V0:%[^ ]+]] = "stablehlo.if"(%arg0) ({
// CHECK-NEXT: stablehlo.return %arg1 : tensor<4xf32>
// CHECK-NEXT: }, {
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.negate %arg1 : tensor<4xf32>
// CHECK-NEXT: stablehlo.return [[V1]] : tensor<4xf32>
// CHECK-NEXT: }) : (tensor<i1>) -> tensor<4xf32>
// CHECK-NEXT: return [[V0]] : tensor<4xf32>
func.func @if_nofold(%p: tensor<i1>, %arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.if"(%p) ({
    stablehlo.return %arg0 : tensor<4xf32>
  }, {
    %1 = stablehlo.negate %arg0 : tensor<4xf32>
    stablehlo.return %1 : tensor<4xf32>
  }) : (tensor<i1>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Large non-splat results are not materialized.
// CHECK-LABEL: func.func @size_limit(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.iota dim = 0 : tensor<300x300xi32>
// CHECK-NEXT: return [[V0]] : tensor<300x300xi32>
func.func @size_limit() -> tensor<300x300xi32> {
  %0 = stablehlo.iota dim = 0 : tensor<300x300xi32>
  return %0 : tensor<300x300xi32>
}

// -----

// CHECK-LABEL: func.func @clamp_fold(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[0.000000e+00, 3.000000e+00, 6.000000e+00, 0x7FC00000]> : tensor<4xf32>
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<[0, 4, 8]> : tensor<3xi32>
// CHECK-NEXT: return [[VCST]], [[VC]] : tensor<4xf32>, tensor<3xi32>
func.func @clamp_fold() -> (tensor<4xf32>, tensor<3xi32>) {
  %lo = stablehlo.constant dense<0.0> : tensor<f32>
  %hi = stablehlo.constant dense<6.0> : tensor<f32>
  %x = stablehlo.constant dense<[-1.0, 3.0, 7.0, 0x7FC00000]> : tensor<4xf32>
  %0 = stablehlo.clamp %lo, %x, %hi : (tensor<f32>, tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %a = stablehlo.constant dense<[0, 5, -5]> : tensor<3xi32>
  %b = stablehlo.constant dense<[-10, 3, 8]> : tensor<3xi32>
  %c = stablehlo.constant dense<[1, 4, 9]> : tensor<3xi32>
  %1 = stablehlo.clamp %a, %b, %c : tensor<3xi32>
  return %0, %1 : tensor<4xf32>, tensor<3xi32>
}

// -----

// CHECK-LABEL: func.func @half_fold(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[0x7C00, 1.000980e+00]> : tensor<2xf16>
// CHECK-NEXT: [[VCST_0:%[^ ]+]] = stablehlo.constant dense<[3.339840e-01, 4.277340e-01]> : tensor<2xbf16>
// CHECK-NEXT: return [[VCST]], [[VCST_0]] : tensor<2xf16>, tensor<2xbf16>
func.func @half_fold() -> (tensor<2xf16>, tensor<2xbf16>) {
  %0 = stablehlo.constant dense<[65504.0, 1.0]> : tensor<2xf16>
  %1 = stablehlo.constant dense<[65504.0, 0.000976562]> : tensor<2xf16>
  %2 = stablehlo.add %0, %1 : tensor<2xf16>
  %3 = stablehlo.constant dense<[1.0, 3.0]> : tensor<2xbf16>
  %4 = stablehlo.constant dense<[3.0, 7.0]> : tensor<2xbf16>
  %5 = stablehlo.divide %3, %4 : tensor<2xbf16>
  return %2, %5 : tensor<2xf16>, tensor<2xbf16>
}

// -----

// Only f16/bf16/f32/f64 arithmetic is folded.
// CHECK-LABEL: func.func @f8_nofold(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf8E4M3FN>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.add [[VCST]], [[VCST]] : tensor<2xf8E4M3FN>
// CHECK-NEXT: return [[V0]] : tensor<2xf8E4M3FN>
func.func @f8_nofold() -> tensor<2xf8E4M3FN> {
  %0 = stablehlo.constant dense<[1.0, 2.0]> : tensor<2xf8E4M3FN>
  %1 = stablehlo.add %0, %0 : tensor<2xf8E4M3FN>
  return %1 : tensor<2xf8E4M3FN>
}

// -----

// Splats are folded whatever their size.
// CHECK-LABEL: func.func @splat_big(
// CHECK-NEXT: [[VCST:%[^ ]+]] = stablehlo.constant dense<6.000000e+00> : tensor<1024x1024xf32>
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.add %arg0, [[VCST]] : tensor<1024x1024xf32>
// CHECK-NEXT: return [[V0]] : tensor<1024x1024xf32>
func.func @splat_big(%arg0: tensor<1024x1024xf32>) -> tensor<1024x1024xf32> {
  %0 = stablehlo.constant dense<2.0> : tensor<f32>
  %1 = stablehlo.broadcast_in_dim %0, dims = [] : (tensor<f32>) -> tensor<1024x1024xf32>
  %2 = stablehlo.constant dense<3.0> : tensor<1024x1024xf32>
  %3 = stablehlo.multiply %1, %2 : tensor<1024x1024xf32>
  %4 = stablehlo.add %arg0, %3 : tensor<1024x1024xf32>
  return %4 : tensor<1024x1024xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_shapes_nofold(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.subtract %arg0, %arg0 : tensor<?xi32>
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.add %arg0, %arg0 : tensor<?xi32>
// CHECK-NEXT: return [[V0]], [[V1]] : tensor<?xi32>, tensor<?xi32>
func.func @dynamic_shapes_nofold(%arg0: tensor<?xi32>) -> (tensor<?xi32>, tensor<?xi32>) {
  %0 = stablehlo.subtract %arg0, %arg0 : tensor<?xi32>
  %c = stablehlo.constant dense<0> : tensor<1xi32>
  %1 = stablehlo.add %arg0, %arg0 : tensor<?xi32>
  return %0, %1 : tensor<?xi32>, tensor<?xi32>
}

// -----

// CHECK-LABEL: func.func @dot_general_rhs_batch(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.dot_general %arg0, %arg1, batching_dims = [0] x [1], contracting_dims = [2] x [0], precision = [DEFAULT, DEFAULT] : (tensor<3x5x7xf32>, tensor<7x3x2xf32>) -> tensor<3x5x2xf32>
// CHECK-NEXT: return [[V0]] : tensor<3x5x2xf32>
func.func @dot_general_rhs_batch(%arg0: tensor<3x5x7xf32>, %arg1: tensor<7x3x2xf32>) -> tensor<3x5x2xf32> {
  %0 = stablehlo.transpose %arg1, dims = [1, 0, 2] : (tensor<7x3x2xf32>) -> tensor<3x7x2xf32>
  %1 = stablehlo.dot_general %arg0, %0, batching_dims = [0] x [0], contracting_dims = [2] x [1], precision = [DEFAULT, DEFAULT] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  return %1 : tensor<3x5x2xf32>
}

// -----

// A loop-invariant carried value is replaced by its initial value and dropped;
// an unused carried value is dropped.
// CHECK-LABEL: func.func @while_simplify(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<1> : tensor<i32>
// CHECK-NEXT: [[VC_0:%[^ ]+]] = stablehlo.constant dense<5> : tensor<i32>
// CHECK-NEXT: [[V0:%[^ ]+]]:2 = stablehlo.while([[VITERARG:%[^ ]+]] = %arg0, [[VITERARG_1:%[^ ]+]] = %arg2) : tensor<i32>, tensor<4xf32>
// CHECK-NEXT: cond {
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.compare LT, [[VITERARG]], [[VC_0]], SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
// CHECK-NEXT: stablehlo.return [[V1]] : tensor<i1>
// CHECK-NEXT: } do {
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.add [[VITERARG]], [[VC]] : tensor<i32>
// CHECK-NEXT: [[V2:%[^ ]+]] = stablehlo.add [[VITERARG_1]], %arg1 : tensor<4xf32>
// CHECK-NEXT: stablehlo.return [[V1]], [[V2]] : tensor<i32>, tensor<4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return [[V0]]#0 : tensor<i32>
func.func @while_simplify(%arg0: tensor<i32>, %arg1: tensor<4xf32>, %arg2: tensor<4xf32>, %arg3: tensor<f32>) -> tensor<i32> {
  %0:4 = stablehlo.while(%i = %arg0, %x = %arg1, %y = %arg2, %z = %arg3) : tensor<i32>, tensor<4xf32>, tensor<4xf32>, tensor<f32>
  cond {
    %c = stablehlo.constant dense<5> : tensor<i32>
    %1 = stablehlo.compare LT, %i, %c, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  } do {
    %c = stablehlo.constant dense<1> : tensor<i32>
    %1 = stablehlo.add %i, %c : tensor<i32>
    %2 = stablehlo.add %y, %x : tensor<4xf32>
    stablehlo.return %1, %x, %2, %z : tensor<i32>, tensor<4xf32>, tensor<4xf32>, tensor<f32>
  }
  return %0#0 : tensor<i32>
}

// -----

// A carried value read by the condition is kept.
// CHECK-LABEL: func.func @while_keep(
// CHECK-NEXT: [[VC:%[^ ]+]] = stablehlo.constant dense<1> : tensor<i32>
// CHECK-NEXT: [[V0:%[^ ]+]]:2 = stablehlo.while([[VITERARG:%[^ ]+]] = %arg0, [[VITERARG_0:%[^ ]+]] = %arg1) : tensor<i32>, tensor<i32>
// CHECK-NEXT: cond {
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.compare LT, [[VITERARG]], [[VITERARG_0]], SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
// CHECK-NEXT: stablehlo.return [[V1]] : tensor<i1>
// CHECK-NEXT: } do {
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.add [[VITERARG]], [[VC]] : tensor<i32>
// CHECK-NEXT: [[V2:%[^ ]+]] = stablehlo.add [[VITERARG_0]], [[VC]] : tensor<i32>
// CHECK-NEXT: stablehlo.return [[V1]], [[V2]] : tensor<i32>, tensor<i32>
// CHECK-NEXT: }
// CHECK-NEXT: return [[V0]]#0 : tensor<i32>
func.func @while_keep(%arg0: tensor<i32>, %arg1: tensor<i32>) -> tensor<i32> {
  %0:2 = stablehlo.while(%i = %arg0, %n = %arg1) : tensor<i32>, tensor<i32>
  cond {
    %1 = stablehlo.compare LT, %i, %n, SIGNED : (tensor<i32>, tensor<i32>) -> tensor<i1>
    stablehlo.return %1 : tensor<i1>
  } do {
    %c = stablehlo.constant dense<1> : tensor<i32>
    %1 = stablehlo.add %i, %c : tensor<i32>
    %2 = stablehlo.add %n, %c : tensor<i32>
    stablehlo.return %1, %2 : tensor<i32>, tensor<i32>
  }
  return %0#0 : tensor<i32>
}

// -----

// Quantized negate(negate x) may saturate: not folded.
// CHECK-LABEL: func.func @negate_quant_nofold(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.negate %arg0
// CHECK-NEXT: [[V1:%[^ ]+]] = stablehlo.negate [[V0]]
// CHECK-NEXT: return [[V1]]
func.func @negate_quant_nofold(%arg0: tensor<4x!quant.uniform<i8:f32, 0.5:-3>>) -> tensor<4x!quant.uniform<i8:f32, 0.5:-3>> {
  %0 = stablehlo.negate %arg0 : tensor<4x!quant.uniform<i8:f32, 0.5:-3>>
  %1 = stablehlo.negate %0 : tensor<4x!quant.uniform<i8:f32, 0.5:-3>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 0.5:-3>>
}

// -----

// Transposes absorbed on both sides of a batched matmul.
// CHECK-LABEL: func.func @dot_general_both(
// CHECK-NEXT: [[V0:%[^ ]+]] = stablehlo.dot_general %arg0, %arg1, batching_dims = [1] x [2], contracting_dims = [2] x [1] : (tensor<5x3x7xf32>, tensor<2x7x3xf32>) -> tensor<3x5x2xf32>
// CHECK-NEXT: return [[V0]] : tensor<3x5x2xf32>
func.func @dot_general_both(%arg0: tensor<5x3x7xf32>, %arg1: tensor<2x7x3xf32>) -> tensor<3x5x2xf32> {
  %0 = stablehlo.transpose %arg0, dims = [1, 0, 2] : (tensor<5x3x7xf32>) -> tensor<3x5x7xf32>
  %1 = stablehlo.transpose %arg1, dims = [2, 1, 0] : (tensor<2x7x3xf32>) -> tensor<3x7x2xf32>
  %2 = stablehlo.dot_general %0, %1, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<3x5x7xf32>, tensor<3x7x2xf32>) -> tensor<3x5x2xf32>
  return %2 : tensor<3x5x2xf32>
}

// -----

// slice(concatenate) -> slice of the one input the slice lies in (strides kept);
// a slice across two inputs stays.
// CHECK-LABEL: func.func @slice_of_concatenate
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x5xf32>)
// CHECK: %[[C:.*]] = stablehlo.concatenate
// CHECK: %[[S0:.*]] = stablehlo.slice %[[B]] [0:2, 1:5:2] : (tensor<2x5xf32>) -> tensor<2x2xf32>
// CHECK: %[[S1:.*]] = stablehlo.slice %[[A]] [1:2, 0:3] : (tensor<2x3xf32>) -> tensor<1x3xf32>
// CHECK: %[[S2:.*]] = stablehlo.slice %[[C]] [0:2, 2:4]
// CHECK: return %[[S0]], %[[S1]], %[[S2]]
func.func @slice_of_concatenate(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>) -> (tensor<2x2xf32>, tensor<1x3xf32>, tensor<2x2xf32>) {
  %0 = stablehlo.concatenate %a, %b, dim = 1 : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %1 = stablehlo.slice %0 [0:2, 4:8:2] : (tensor<2x8xf32>) -> tensor<2x2xf32>
  %2 = stablehlo.slice %0 [1:2, 0:3] : (tensor<2x8xf32>) -> tensor<1x3xf32>
  %3 = stablehlo.slice %0 [0:2, 2:4] : (tensor<2x8xf32>) -> tensor<2x2xf32>
  return %1, %2, %3 : tensor<2x2xf32>, tensor<1x3xf32>, tensor<2x2xf32>
}

// -----

// transpose(broadcast_in_dim) -> one broadcast_in_dim whose dims follow the
// permutation; a broadcast with other uses stays.
// CHECK-LABEL: func.func @transpose_of_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>, %[[Y:.*]]: tensor<3xf32>)
// CHECK: %[[B0:.*]] = stablehlo.broadcast_in_dim %[[X]], dims = [2, 0] : (tensor<3x4xf32>) -> tensor<4x2x3xf32>
// CHECK: %[[B1:.*]] = stablehlo.broadcast_in_dim %[[Y]], dims = [0]
// CHECK: %[[T:.*]] = stablehlo.transpose %[[B1]]
// CHECK: return %[[B0]], %[[B1]], %[[T]]
func.func @transpose_of_broadcast(%x: tensor<3x4xf32>, %y: tensor<3xf32>) -> (tensor<4x2x3xf32>, tensor<3x5xf32>, tensor<5x3xf32>) {
  %0 = stablehlo.broadcast_in_dim %x, dims = [0, 2] : (tensor<3x4xf32>) -> tensor<3x2x4xf32>
  %1 = stablehlo.transpose %0, dims = [2, 1, 0] : (tensor<3x2x4xf32>) -> tensor<4x2x3xf32>
  %2 = stablehlo.broadcast_in_dim %y, dims = [0] : (tensor<3xf32>) -> tensor<3x5xf32>
  %3 = stablehlo.transpose %2, dims = [1, 0] : (tensor<3x5xf32>) -> tensor<5x3xf32>
  return %1, %2, %3 : tensor<4x2x3xf32>, tensor<3x5xf32>, tensor<5x3xf32>
}
