// RUN: byteir-opt %s -split-input-file -verify-diagnostics

func.func @mixed_tensor_memref(%x: tensor<4x8xf32>, %y: memref<4x8xf32>) {
  // expected-error @+1 {{expects all operands to be ranked tensors or all memrefs}}
  linalg_ext.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%y : memref<4x8xf32>)
  return
}

// -----

func.func @memref_with_result(%x: memref<4x8xf32>, %y: memref<4x8xf32>) {
  // expected-error @+1 {{on memrefs has no results}}
  %0 = "linalg_ext.softmax"(%x, %y) <{dimension = 1 : i64}> : (memref<4x8xf32>, memref<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @result_type_mismatch(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) {
  // expected-error @+1 {{expects result types to match the outs operand types}}
  %0 = "linalg_ext.softmax"(%x, %y) <{dimension = 1 : i64}> : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<8x4xf32>
  return
}

// -----

func.func @softmax_dim(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) {
  // expected-error @+1 {{dimension 2 is out of range for rank 2}}
  %0 = linalg_ext.softmax dimension(2) ins(%x : tensor<4x8xf32>) outs(%y : tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @softmax_int(%x: tensor<4x8xi32>, %y: tensor<4x8xi32>) {
  // expected-error @+1 {{expects a floating-point element type}}
  %0 = linalg_ext.softmax dimension(1) ins(%x : tensor<4x8xi32>) outs(%y : tensor<4x8xi32>) -> tensor<4x8xi32>
  return
}

// -----

func.func @softmax_shape(%x: tensor<4x8xf32>, %y: tensor<4x4xf32>) {
  // expected-error @+1 {{expects the output to have the shape and element type of the input}}
  %0 = linalg_ext.softmax dimension(1) ins(%x : tensor<4x8xf32>) outs(%y : tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @layer_norm_leading_axis(%x: tensor<4x8xf32>, %y: tensor<4x8xf32>) {
  // expected-error @+1 {{expects the axes to be the trailing dims in increasing order}}
  %0 = linalg_ext.layer_norm axes([0]) epsilon(1.0e-5) ins(%x : tensor<4x8xf32>) outs(%y : tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @layer_norm_scale_shape(%x: tensor<4x8xf32>, %g: tensor<4xf32>, %y: tensor<4x8xf32>) {
  // expected-error @+1 {{expects scale and bias of the normalized dims' shape}}
  %0 = linalg_ext.layer_norm axes([1]) epsilon(1.0e-5) ins(%x, %g : tensor<4x8xf32>, tensor<4xf32>) outs(%y : tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @layer_norm_too_many(%x: tensor<8xf32>, %g: tensor<8xf32>, %y: tensor<8xf32>) {
  // expected-error @+1 {{expects the input, then optionally scale and bias}}
  %0 = linalg_ext.layer_norm axes([0]) epsilon(1.0e-5) ins(%x, %g, %g, %g : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) outs(%y : tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @layer_norm_negative_epsilon(%x: tensor<8xf32>, %y: tensor<8xf32>) {
  // expected-error @+1 {{expects a non-negative epsilon}}
  %0 = linalg_ext.layer_norm axes([0]) epsilon(-1.0) ins(%x : tensor<8xf32>) outs(%y : tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @topk_k_too_large(%x: tensor<4x3xf32>, %v: tensor<4x5xf32>, %i: tensor<4x5xi32>) {
  // expected-error @+1 {{expects a static k in [1, 3], got 5}}
  %0:2 = linalg_ext.topk dimension(1) largest(true) ins(%x : tensor<4x3xf32>) outs(%v, %i : tensor<4x5xf32>, tensor<4x5xi32>) -> tensor<4x5xf32>, tensor<4x5xi32>
  return
}

// -----

func.func @topk_float_indices(%x: tensor<4x10xf32>, %v: tensor<4x3xf32>, %i: tensor<4x3xf32>) {
  // expected-error @+1 {{expects integer indices}}
  %0:2 = linalg_ext.topk dimension(1) largest(true) ins(%x : tensor<4x10xf32>) outs(%v, %i : tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<4x3xf32>, tensor<4x3xf32>
  return
}

// -----

func.func @topk_other_dim(%x: tensor<4x10xf32>, %v: tensor<2x3xf32>, %i: tensor<2x3xi32>) {
  // expected-error @+1 {{expects outputs of the input's shape outside dimension 1}}
  %0:2 = linalg_ext.topk dimension(1) largest(true) ins(%x : tensor<4x10xf32>) outs(%v, %i : tensor<2x3xf32>, tensor<2x3xi32>) -> tensor<2x3xf32>, tensor<2x3xi32>
  return
}

// -----

func.func @scan_type(%x: tensor<8xf32>, %y: tensor<8xf16>) {
  // expected-error @+1 {{expects the output to have the shape and element type of the input}}
  %0 = linalg_ext.scan dimension(0) kind(add) ins(%x : tensor<8xf32>) outs(%y : tensor<8xf16>) -> tensor<8xf16>
  return
}

// -----

func.func @scan_kind(%x: tensor<8xf32>, %y: tensor<8xf32>) {
  // expected-error @+1 {{expected string or keyword containing one of the following enum values for attribute 'kind' [add, mul, max, min]}}
  %0 = linalg_ext.scan dimension(0) kind(sum) ins(%x : tensor<8xf32>) outs(%y : tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @sort_shapes(%k: tensor<4x10xf32>, %v: tensor<4x9xi32>) {
  // expected-error @+1 {{expects all operands to have the same shape}}
  %0:2 = linalg_ext.sort dimension(1) outs(%k, %v : tensor<4x10xf32>, tensor<4x9xi32>) {
  ^bb0(%a: f32, %b: f32, %c: i32, %d: i32):
    %lt = arith.cmpf olt, %a, %b : f32
    linalg_ext.yield %lt : i1
  } -> tensor<4x10xf32>, tensor<4x9xi32>
  return
}

// -----

func.func @sort_comparator_args(%k: tensor<10xf32>) {
  // expected-error @+1 {{expects the comparator to take two scalars per operand}}
  %0 = linalg_ext.sort dimension(0) outs(%k : tensor<10xf32>) {
  ^bb0(%a: f32):
    %t = arith.constant true
    linalg_ext.yield %t : i1
  } -> tensor<10xf32>
  return
}

// -----

func.func @sort_comparator_types(%k: tensor<10xf32>) {
  // expected-error @+1 {{expects comparator arguments 0 and 1 of type 'f32'}}
  %0 = linalg_ext.sort dimension(0) outs(%k : tensor<10xf32>) {
  ^bb0(%a: f16, %b: f16):
    %lt = arith.cmpf olt, %a, %b : f16
    linalg_ext.yield %lt : i1
  } -> tensor<10xf32>
  return
}

// -----

func.func @sort_comparator_yield(%k: tensor<10xf32>) {
  // expected-error @+1 {{expects the comparator to yield one i1}}
  %0 = linalg_ext.sort dimension(0) outs(%k : tensor<10xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg_ext.yield %a : f32
  } -> tensor<10xf32>
  return
}

// -----

func.func @gather_float_indices(%w: tensor<50x16xf32>, %i: tensor<8x1xf32>, %o: tensor<8x16xf32>) {
  // expected-error @+1 {{expects integer indices}}
  %0 = linalg_ext.gather {collapsed_slice_dims = array<i64: 0>, index_vector_dim = 1 : i64, offset_dims = array<i64: 1>, operand_batching_dims = array<i64>, slice_sizes = array<i64: 1, 16>, start_index_map = array<i64: 0>, start_indices_batching_dims = array<i64>} ins(%w, %i : tensor<50x16xf32>, tensor<8x1xf32>) outs(%o : tensor<8x16xf32>) -> tensor<8x16xf32>
  return
}

// -----

func.func @gather_result_rank(%w: tensor<50x16xf32>, %i: tensor<8x1xi32>, %o: tensor<8x1x16xf32>) {
  // expected-error @+1 {{expects a result of rank 2}}
  %0 = linalg_ext.gather {collapsed_slice_dims = array<i64: 0>, index_vector_dim = 1 : i64, offset_dims = array<i64: 1>, operand_batching_dims = array<i64>, slice_sizes = array<i64: 1, 16>, start_index_map = array<i64: 0>, start_indices_batching_dims = array<i64>} ins(%w, %i : tensor<50x16xf32>, tensor<8x1xi32>) outs(%o : tensor<8x1x16xf32>) -> tensor<8x1x16xf32>
  return
}

// -----

func.func @gather_slice_too_big(%w: tensor<50x16xf32>, %i: tensor<8x1xi32>, %o: tensor<8x17xf32>) {
  // expected-error @+1 {{expects slice size 17 of dim 1 to fit the operand}}
  %0 = linalg_ext.gather {collapsed_slice_dims = array<i64: 0>, index_vector_dim = 1 : i64, offset_dims = array<i64: 1>, operand_batching_dims = array<i64>, slice_sizes = array<i64: 1, 17>, start_index_map = array<i64: 0>, start_indices_batching_dims = array<i64>} ins(%w, %i : tensor<50x16xf32>, tensor<8x1xi32>) outs(%o : tensor<8x17xf32>) -> tensor<8x17xf32>
  return
}

// -----

func.func @gather_index_map(%w: tensor<50x16xf32>, %i: tensor<8x1xi32>, %o: tensor<8x16xf32>) {
  // expected-error @+1 {{expects one start_index_map entry per index vector element}}
  %0 = linalg_ext.gather {collapsed_slice_dims = array<i64: 0>, index_vector_dim = 1 : i64, offset_dims = array<i64: 1>, operand_batching_dims = array<i64>, slice_sizes = array<i64: 1, 16>, start_index_map = array<i64: 0, 1>, start_indices_batching_dims = array<i64>} ins(%w, %i : tensor<50x16xf32>, tensor<8x1xi32>) outs(%o : tensor<8x16xf32>) -> tensor<8x16xf32>
  return
}

// -----

func.func @scatter_counts(%i: tensor<6x1xi32>, %u: tensor<6x3xf32>, %x: tensor<10x3xf32>, %y: tensor<10x3xf32>) {
  // expected-error @+1 {{expects as many updates as outs operands, at least one}}
  %0:2 = linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%i, %u : tensor<6x1xi32>, tensor<6x3xf32>) outs(%x, %y : tensor<10x3xf32>, tensor<10x3xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32, %d: f32):
    linalg_ext.yield %a, %b : f32, f32
  } -> tensor<10x3xf32>, tensor<10x3xf32>
  return
}

// -----

func.func @scatter_dims(%i: tensor<6x1xi32>, %u: tensor<6x3xf32>, %x: tensor<10x3xf32>) {
  // expected-error @+1 {{expects every output dim to be a window, inserted or batching dim}}
  %0 = linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0, 1>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%i, %u : tensor<6x1xi32>, tensor<6x3xf32>) outs(%x : tensor<10x3xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg_ext.yield %b : f32
  } -> tensor<10x3xf32>
  return
}

// -----

func.func @scatter_region(%i: tensor<6x1xi32>, %u: tensor<6x3xf32>, %x: tensor<10x3xf32>) {
  // expected-error @+1 {{expects the update computation to take two scalars per output}}
  %0 = linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%i, %u : tensor<6x1xi32>, tensor<6x3xf32>) outs(%x : tensor<10x3xf32>) {
  ^bb0(%a: f32):
    linalg_ext.yield %a : f32
  } -> tensor<10x3xf32>
  return
}

// -----

func.func @scatter_yield_type(%i: tensor<6x1xi32>, %u: tensor<6x3xf32>, %x: tensor<10x3xf32>) {
  // expected-error @+1 {{expects update computation arguments and results of the element types}}
  %0 = linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%i, %u : tensor<6x1xi32>, tensor<6x3xf32>) outs(%x : tensor<10x3xf32>) {
  ^bb0(%a: f32, %b: f32):
    %c = arith.constant 1 : i32
    linalg_ext.yield %c : i32
  } -> tensor<10x3xf32>
  return
}
