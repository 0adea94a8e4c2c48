// RUN: byteir-opt %s --stablehlo-legalize-to-linalg=allow-partial | FileCheck %s

// With allow-partial, ops without a lowering stay (here a dynamic reshape),
// the others are lowered, and unsigned values crossing the boundary are cast.

// CHECK-LABEL: func.func @partial
// CHECK-SAME: (%[[A:.*]]: tensor<?x4xi32>) -> tensor<?xi32>
// CHECK: %[[ADD:.*]] = linalg.generic
// CHECK: arith.addi
// CHECK: %[[CAST:.*]] = builtin.unrealized_conversion_cast %[[ADD]] : tensor<?x4xi32> to tensor<?x4xui32>
// CHECK: %[[R:.*]] = stablehlo.reshape %[[CAST]] : (tensor<?x4xui32>) -> tensor<?xui32>
// CHECK: %[[BACK:.*]] = builtin.unrealized_conversion_cast %[[R]] : tensor<?xui32> to tensor<?xi32>
// CHECK: return %[[BACK]] : tensor<?xi32>
func.func @partial(%a: tensor<?x4xui32>) -> tensor<?xui32> {
  %0 = stablehlo.add %a, %a : tensor<?x4xui32>
  %1 = stablehlo.reshape %0 : (tensor<?x4xui32>) -> tensor<?xui32>
  return %1 : tensor<?xui32>
}
