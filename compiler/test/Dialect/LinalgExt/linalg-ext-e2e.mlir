// Numerical end-to-end checks of linalg_ext ops: each case (random non-zero
// inputs, numpy reference) is bufferized, lowered with byteir-linalg-ext-to-loops
// and run with mlir-runner, once as written and once tiled first with
// byteir-linalg-ext-tile. See Inputs/e2e_linalg_ext.py.

// RUN: %python %S/Inputs/e2e_linalg_ext.py --byteir-opt byteir-opt \
// RUN:   | FileCheck %s --implicit-check-not=FAIL

// CHECK: PASS softmax_rows loops
// CHECK: PASS softmax_rows tiled
// CHECK: PASS softmax_dim0 loops
// CHECK: PASS softmax_dim0 tiled
// CHECK: PASS layer_norm_affine loops
// CHECK: PASS layer_norm_affine tiled
// CHECK: PASS layer_norm_2axes_scale loops
// CHECK: PASS layer_norm_2axes_scale tiled
// CHECK: PASS layer_norm_plain loops
// CHECK: PASS layer_norm_plain tiled
// CHECK: PASS topk_largest_f32 loops
// CHECK: PASS topk_largest_f32 tiled
// CHECK: PASS topk_smallest_dim0_i32 loops
// CHECK: PASS topk_smallest_dim0_i32 tiled
// CHECK: PASS topk_k_equals_n loops
// CHECK: PASS topk_k_equals_n tiled
// CHECK: PASS scan_add_f32 loops
// CHECK: PASS scan_add_f32 tiled
// CHECK: PASS scan_add_exclusive_reverse_i32 loops
// CHECK: PASS scan_add_exclusive_reverse_i32 tiled
// CHECK: PASS scan_mul_dim0_f32 loops
// CHECK: PASS scan_mul_dim0_f32 tiled
// CHECK: PASS scan_max_exclusive_i32 loops
// CHECK: PASS scan_max_exclusive_i32 tiled
// CHECK: PASS scan_min_f32 loops
// CHECK: PASS scan_min_f32 tiled
// CHECK: PASS sort_stable_rows loops
// CHECK: PASS sort_stable_rows tiled
// CHECK: PASS sort_stable_dim0 loops
// CHECK: PASS sort_stable_dim0 tiled
// CHECK: PASS gather_embedding_clamped loops
// CHECK: PASS gather_embedding_clamped tiled
// CHECK: PASS gather_batching loops
// CHECK: PASS gather_batching tiled
// CHECK: PASS gather_windows loops
// CHECK: PASS gather_windows tiled
// CHECK: PASS scatter_add_duplicates_oob loops
// CHECK: PASS scatter_add_duplicates_oob tiled
// CHECK: PASS scatter_pair_windows_partly_oob loops
// CHECK: PASS scatter_pair_windows_partly_oob tiled
