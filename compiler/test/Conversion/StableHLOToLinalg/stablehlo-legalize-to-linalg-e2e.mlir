// Numerical checks of stablehlo-legalize-to-linalg (part-1 ops): the lowered
// code is bufferized and run on the CPU with upstream mlir-opt / mlir-runner,
// and every result is compared with numpy (op-level cases with edge values,
// Inputs/e2e_part1_cases.py) or with JAX's own outputs (exported models).
// Floats are compared through their bits (no printing round-off), signed
// zeros and NaNs included; integers exactly.

// RUN: %python %S/Inputs/e2e_part1.py ops %S/Inputs/e2e_part1_cases.py --byteir-opt byteir-opt \
// RUN:   | FileCheck %s --check-prefix=OPS --implicit-check-not=FAIL
// RUN: %python %S/Inputs/e2e_part1.py jax --byteir-opt byteir-opt \
// RUN:   %testdata/stablehlo_jax/mlp %testdata/stablehlo_jax/softmax \
// RUN:   %testdata/stablehlo_jax/layernorm %testdata/stablehlo_jax/batched_matmul \
// RUN:   %testdata/stablehlo_jax/reductions %testdata/stablehlo_jax/shape_ops \
// RUN:   %testdata/stablehlo_jax/mixed_dtypes %testdata/stablehlo_jax/dynamic_slice \
// RUN:   %testdata/stablehlo_jax/causal_attention \
// RUN:   | FileCheck %s --check-prefix=JAX --implicit-check-not=FAIL

// OPS-DAG: PASS divide_i32
// OPS-DAG: PASS divide_ui32
// OPS-DAG: PASS remainder_i32
// OPS-DAG: PASS shift_left_i32
// OPS-DAG: PASS shift_right_arithmetic_i32
// OPS-DAG: PASS power_i32
// OPS-DAG: PASS maximum_f32
// OPS-DAG: PASS compare_LT_totalorder
// OPS-DAG: PASS convert_f32_i32
// OPS-DAG: PASS convert_f32_ui8
// OPS-DAG: PASS reduce_precision_bf16
// OPS-DAG: PASS complex_mul_add
// OPS-DAG: PASS pad_interior
// OPS-DAG: PASS dynamic_slice_clamped
// OPS-DAG: PASS dot_general_batched_general
// OPS-DAG: PASS reduce_argmin
// OPS-DAG: PASS dyn_dot_reduce
// OPS-DAG: PASS dyn_dynamic_slice_update
// OPS: SUMMARY: 156 passed, 0 failed

// JAX: PASS mlp
// JAX: PASS softmax
// JAX: PASS layernorm
// JAX: PASS batched_matmul
// JAX: PASS reductions
// JAX: PASS shape_ops
// JAX: PASS mixed_dtypes
// JAX: PASS dynamic_slice
// JAX: PASS causal_attention
// JAX: SUMMARY: 9 passed, 0 failed
