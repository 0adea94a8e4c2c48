// Numerical end-to-end checks of stablehlo-legalize-to-linalg (part-2 ops):
// each case is lowered with byteir-opt, then to LLVM with mlir-opt
// (one-shot-bufferize, linalg-to-loops, ...) and run with mlir-runner; the
// printed results are compared with JAX's outputs (shared/testdata/stablehlo_jax)
// or numpy references (rtol 1e-4, atol 1e-5; integers exact). See Inputs/e2e_part2.py.

// RUN: %python %S/Inputs/e2e_part2.py --byteir-opt byteir-opt --testdata %testdata \
// RUN:   | FileCheck %s --implicit-check-not=FAIL

// CHECK: PASS jax_conv2d_relu
// CHECK: PASS jax_cumsum
// CHECK: PASS jax_embedding_gather
// CHECK: PASS jax_scatter_add
// CHECK: PASS jax_sort
// CHECK: PASS jax_fori_loop
// CHECK: PASS jax_cond
// CHECK: PASS jax_topk
// CHECK: PASS jax_dynamic_slice
// CHECK: PASS conv_grouped_dilated
// CHECK: PASS conv_batch_groups
// CHECK: PASS conv_nchw
// CHECK: PASS conv_depthwise_mult
// CHECK: PASS conv_depthwise
// CHECK: PASS conv1d_mixed_layout
// CHECK: PASS conv3d
// CHECK: PASS conv_ui8
// CHECK: PASS maxpool
// CHECK: PASS reduce_window_dilated
// CHECK: PASS reduce_window_argmax
// CHECK: PASS select_and_scatter
// CHECK: PASS select_and_scatter_padded
// CHECK: PASS gather_batching
// CHECK: PASS gather_windows
// CHECK: PASS scatter_variadic_oob
// CHECK: PASS scatter_window_partly_oob
// CHECK: PASS sort_pairs_dim0
// CHECK: PASS sort_3d_dim1
// CHECK: PASS sort_long
// CHECK: PASS sort_unsigned
// CHECK: PASS while_unsigned
// CHECK: PASS nested_control_flow
// CHECK: PASS case_index_0
// CHECK: PASS case_index_1
// CHECK: PASS case_index_2
// CHECK: PASS case_index_5
// CHECK: PASS case_index_-1
// CHECK: PASS if_true
// CHECK: PASS if_false
// CHECK: PASS map
// CHECK: PASS batch_norm_training
// CHECK: PASS batch_norm_inference
// CHECK: PASS batch_norm_grad
// CHECK: PASS dynamic_pad
// CHECK: PASS real_dynamic_slice
// CHECK: PASS dynamic_shape_ops
// CHECK: PASS rng_bit_generator_u32
// CHECK: PASS rng_bit_generator_u64_f32
// CHECK: PASS torch_index_select
// CHECK: PASS torch_index_select_batch
