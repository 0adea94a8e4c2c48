// RUN: byteir-opt %s -split-input-file --stablehlo-legalize-to-linalg | FileCheck %s

// Part 2 of stablehlo-legalize-to-linalg: convolution, reduce_window,
// select_and_scatter, gather, scatter, sort, torch_index_select, while/if/case,
// map, and dynamic-shape ops with static result types (batch_norm_*: see
// byteir-unfuse-batch-norm).
// Numerical end-to-end checks of the same ops: stablehlo-legalize-to-linalg-part2-e2e.mlir.

// CHECK-LABEL: func.func @conv_nhwc
// CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: %[[INIT:.*]] = linalg.fill
// CHECK: linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PAD]], %{{.*}} : tensor<2x18x18x8xf32>, tensor<3x3x8x16xf32>) outs(%[[INIT]] : tensor<2x8x8x16xf32>)
func.func @conv_nhwc(%a: tensor<2x16x16x8xf32>, %b: tensor<3x3x8x16xf32>) -> tensor<2x8x8x16xf32> {
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 1], [1, 1]], rhs_dilate = [1, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x16x16x8xf32>, tensor<3x3x8x16xf32>) -> tensor<2x8x8x16xf32>
  return %0 : tensor<2x8x8x16xf32>
}

// -----

// CHECK-LABEL: func.func @conv_nchw
// CHECK: tensor.pad %{{.*}} low[0, 0, 0, 1] high[0, 0, 1, 0]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
func.func @conv_nchw(%a: tensor<1x2x7x7xf32>, %b: tensor<3x2x2x3xf32>) -> tensor<1x3x3x3xf32> {
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [2, 2], pad = [[0, 1], [1, 0]], rhs_dilate = [2, 1]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<1x2x7x7xf32>, tensor<3x2x2x3xf32>) -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @conv_depthwise
// CHECK: %[[K:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0], [1], [2, 3]] : tensor<3x3x1x4xf32> into tensor<3x3x4xf32>
// CHECK: linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %[[K]] : tensor<2x7x7x4xf32>, tensor<3x3x4xf32>)
func.func @conv_depthwise(%a: tensor<2x6x6x4xf32>, %b: tensor<3x3x1x4xf32>) -> tensor<2x3x3x4xf32> {
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 2], pad = [[1, 0], [1, 0]]} {batch_group_count = 1 : i64, feature_group_count = 4 : i64} : (tensor<2x6x6x4xf32>, tensor<3x3x1x4xf32>) -> tensor<2x3x3x4xf32>
  return %0 : tensor<2x3x3x4xf32>
}

// -----

// CHECK-LABEL: func.func @conv_depthwise_multiplier
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0], [1], [2, 3]] output_shape [3, 3, 3, 2]
// CHECK: %[[C:.*]] = linalg.depthwise_conv_2d_nhwc_hwcm {{.*}} -> tensor<1x5x5x3x2xf32>
// CHECK: tensor.collapse_shape %[[C]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x5x5x3x2xf32> into tensor<1x5x5x6xf32>
func.func @conv_depthwise_multiplier(%a: tensor<1x5x5x3xf32>, %b: tensor<3x3x1x6xf32>) -> tensor<1x5x5x6xf32> {
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [1, 1], pad = [[1, 1], [1, 1]]} {batch_group_count = 1 : i64, feature_group_count = 3 : i64} : (tensor<1x5x5x3xf32>, tensor<3x3x1x6xf32>) -> tensor<1x5x5x6xf32>
  return %0 : tensor<1x5x5x6xf32>
}

// -----

// lhs_dilation as a strided insert into the zero-filled padded tensor, the
// kernel reversed, feature groups exposed with expand_shape.
// CHECK-DAG: #[[REV:.*]] = affine_map<(d0, d1, d2, d3) -> (-d0 + 2, d1, d2, d3)>
// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d3 * 2 + d6 * 2, d4 + d7, d1, d5)>
// CHECK-DAG: #[[RHS:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d6, d7, d5, d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d3, d4, d1, d2)>
// CHECK-LABEL: func.func @conv_grouped_dilated
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 1, 0, 0] [1, 6, 7, 4] [1, 1, 2, 1] : tensor<1x6x7x4xf32> into tensor<1x8x14x4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[REV]], #{{.*}}]
// CHECK: tensor.expand_shape {{.*}} : tensor<1x8x14x4xf32> into tensor<1x8x14x2x2xf32>
// CHECK: tensor.expand_shape {{.*}} : tensor<3x3x2x6xf32> into tensor<3x3x2x2x3xf32>
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
// CHECK:   arith.mulf
// CHECK:   arith.addf
// CHECK: tensor.collapse_shape %[[G]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x2x12x2x3xf32> into tensor<1x2x12x6xf32>
func.func @conv_grouped_dilated(%a: tensor<1x6x7x4xf32>, %b: tensor<3x3x2x6xf32>) -> tensor<1x2x12x6xf32> {
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f], window = {stride = [2, 1], pad = [[1, 1], [0, 1]], lhs_dilate = [1, 2], rhs_dilate = [2, 1], reverse = [true, false]} {batch_group_count = 1 : i64, feature_group_count = 2 : i64} : (tensor<1x6x7x4xf32>, tensor<3x3x2x6xf32>) -> tensor<1x2x12x6xf32>
  return %0 : tensor<1x2x12x6xf32>
}

// -----

// CHECK-DAG: #[[LHS:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d1, d0, d5, d3 + d6, d4 + d7)>
// CHECK-LABEL: func.func @conv_batch_groups
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 2, 3, 5, 5]
// CHECK: linalg.generic {indexing_maps = [#[[LHS]],
// CHECK: tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2], [3], [4]] : tensor<2x2x2x4x4xf32> into tensor<2x4x4x4xf32>
func.func @conv_batch_groups(%a: tensor<4x3x5x5xf32>, %b: tensor<4x3x2x2xf32>) -> tensor<2x4x4x4xf32> {
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1], window = {stride = [1, 1]} {batch_group_count = 2 : i64, feature_group_count = 1 : i64} : (tensor<4x3x5x5xf32>, tensor<4x3x2x2xf32>) -> tensor<2x4x4x4xf32>
  return %0 : tensor<2x4x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @conv1d_mixed_int
// Negative padding cuts; i8 x i8 accumulates in i32.
// CHECK: tensor.insert_slice %{{.*}}[0, 0, 2] [2, 3, 8] [1, 1, 1] : tensor<2x3x8xi8> into tensor<2x3x10xi8>
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 0] [2, 3, 9] [1, 1, 1] : tensor<2x3x10xi8> to tensor<2x3x9xi8>
// CHECK: linalg.generic
// CHECK:   arith.extsi %{{.*}} : i8 to i32
// CHECK:   arith.extsi %{{.*}} : i8 to i32
// CHECK:   arith.muli
// CHECK:   arith.addi
func.func @conv1d_mixed_int(%a: tensor<2x3x8xi8>, %b: tensor<4x3x3xi8>) -> tensor<2x7x4xi32> {
  %0 = stablehlo.convolution(%a, %b) dim_numbers = [b, f, 0]x[o, i, 0]->[b, 0, f], window = {stride = [1], pad = [[2, -1]]} {batch_group_count = 1 : i64, feature_group_count = 1 : i64} : (tensor<2x3x8xi8>, tensor<4x3x3xi8>) -> tensor<2x7x4xi32>
  return %0 : tensor<2x7x4xi32>
}

// -----

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d4, d2 * 2 + d5, d3)>
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
// CHECK-LABEL: func.func @maxpool
// CHECK: %[[INIT:.*]] = tensor.extract %{{.*}}[] : tensor<f32>
// CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK:   tensor.yield %[[INIT]]
// CHECK: %[[W:.*]] = tensor.empty() : tensor<3x3xi8>
// CHECK: %[[FILL:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[PAD]], %[[W]] : tensor<1x8x8x2xf32>, tensor<3x3xi8>) outs(%[[FILL]] : tensor<1x3x3x2xf32>)
// CHECK:   arith.maximumf
func.func @maxpool(%x: tensor<1x6x6x2xf32>) -> tensor<1x3x3x2xf32> {
  %init = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[0, 0], [1, 1], [1, 1], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 3, 3, 1>, window_strides = array<i64: 1, 2, 2, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<1x6x6x2xf32>, tensor<f32>) -> tensor<1x3x3x2xf32>
  return %0 : tensor<1x3x3x2xf32>
}

// -----

// A cumulative scan (window = the whole axis, padding (n-1, 0), init = the
// identity of the body) becomes linalg_ext.scan.
// CHECK-LABEL: func.func @cumsum
// CHECK-SAME: (%[[X:.*]]: tensor<6x33xf32>)
// CHECK-NOT: tensor.pad
// CHECK-NOT: linalg.generic
// CHECK: %[[E:.*]] = tensor.empty() : tensor<6x33xf32>
// CHECK: %[[S:.*]] = linalg_ext.scan dimension(1) kind(add) ins(%[[X]] : tensor<6x33xf32>) outs(%[[E]] : tensor<6x33xf32>) -> tensor<6x33xf32>
// CHECK-NOT: reverse
// CHECK: return %[[S]]
func.func @cumsum(%x: tensor<6x33xf32>) -> tensor<6x33xf32> {
  %c = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %c) <{padding = dense<[[0, 0], [32, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 33>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

// Reverse scan: padding (0, n-1); the body's operands may come in either order.
// CHECK-LABEL: func.func @cumprod_reverse
// CHECK-SAME: (%[[X:.*]]: tensor<5x4xi32>)
// CHECK-NOT: linalg.generic
// CHECK: %[[E:.*]] = tensor.empty() : tensor<5x4xi32>
// CHECK: linalg_ext.scan dimension(0) kind(mul) {reverse} ins(%[[X]] : tensor<5x4xi32>) outs(%[[E]] : tensor<5x4xi32>) -> tensor<5x4xi32>
func.func @cumprod_reverse(%x: tensor<5x4xi32>) -> tensor<5x4xi32> {
  %c = stablehlo.constant dense<1> : tensor<i32>
  %0 = "stablehlo.reduce_window"(%x, %c) <{padding = dense<[[0, 4], [0, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 5, 1>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %s = stablehlo.multiply %b, %a : tensor<i32>
    stablehlo.return %s : tensor<i32>
  }) : (tensor<5x4xi32>, tensor<i32>) -> tensor<5x4xi32>
  return %0 : tensor<5x4xi32>
}

// -----

// Cumulative max with -inf as init.
// CHECK-LABEL: func.func @cummax
// CHECK: linalg_ext.scan dimension(1) kind(max) ins(
func.func @cummax(%x: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %init = stablehlo.constant dense<0xFF800000> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[0, 0], [6, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 7>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.maximum %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<3x7xf32>, tensor<f32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// -----

// Not a scan: the window is one short of the axis, so this stays a generic.
// CHECK-LABEL: func.func @cumsum_short_window
// CHECK-NOT: linalg_ext.scan
// CHECK: tensor.pad %{{.*}} low[0, 31] high[0, 0]
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<6x64xf32>, tensor<32xi8>) outs(%{{.*}} : tensor<6x33xf32>)
// CHECK:   arith.addf
// CHECK-NOT: linalg_ext.scan
func.func @cumsum_short_window(%x: tensor<6x33xf32>) -> tensor<6x33xf32> {
  %c = stablehlo.constant dense<0.000000e+00> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %c) <{padding = dense<[[0, 0], [31, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 32>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

// Not a scan: init 1 is not the identity of add, so this stays a generic.
// CHECK-LABEL: func.func @cumsum_nonidentity_init
// CHECK-NOT: linalg_ext.scan
// CHECK: linalg.generic
// CHECK-NOT: linalg_ext.scan
func.func @cumsum_nonidentity_init(%x: tensor<6x33xf32>) -> tensor<6x33xf32> {
  %c = stablehlo.constant dense<1.000000e+00> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %c) <{padding = dense<[[0, 0], [32, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 33>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<6x33xf32>, tensor<f32>) -> tensor<6x33xf32>
  return %0 : tensor<6x33xf32>
}

// -----

// Base dilation as interior padding, window dilation in the map.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0 + d2, d1 + d3 * 2)>
// CHECK-LABEL: func.func @reduce_window_dilated
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[1, 0] [5, 4] [2, 1] : tensor<5x4xf32> into tensor<10x5xf32>
// CHECK: linalg.generic {indexing_maps = [#[[IN]],
func.func @reduce_window_dilated(%x: tensor<5x4xf32>) -> tensor<9x3xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{base_dilations = array<i64: 2, 1>, padding = dense<[[1, 0], [0, 1]]> : tensor<2x2xi64>, window_dilations = array<i64: 1, 2>, window_dimensions = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<5x4xf32>, tensor<f32>) -> tensor<9x3xf32>
  return %0 : tensor<9x3xf32>
}

// -----

// CHECK-LABEL: func.func @select_and_scatter
// CHECK: %[[FILL:.*]] = linalg.fill
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[FILL]]) -> (tensor<4x6xf32>)
// CHECK:   scf.for {{.*}} -> (tensor<4x6xf32>)
// CHECK:     scf.for {{.*}} -> (f32, i1, index, index)
// CHECK:       scf.for {{.*}} -> (f32, i1, index, index)
// CHECK:         scf.if %{{.*}} -> (f32, i1, index, index)
// CHECK:           tensor.extract %{{.*}} : tensor<4x6xf32>
// CHECK:           arith.cmpf oge
// CHECK:     scf.if %{{.*}} -> (tensor<4x6xf32>)
// CHECK:       arith.addf
// CHECK:       tensor.insert
func.func @select_and_scatter(%x: tensor<4x6xf32>, %s: tensor<2x3xf32>) -> tensor<4x6xf32> {
  %init = stablehlo.constant dense<0.0> : tensor<f32>
  %0 = "stablehlo.select_and_scatter"(%x, %s, %init) <{window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %p = stablehlo.compare GE, %a, %b, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %t = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %t : tensor<f32>
  }) : (tensor<4x6xf32>, tensor<2x3xf32>, tensor<f32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

// CHECK-LABEL: func.func @gather_embedding
// CHECK-SAME: (%[[W:.*]]: tensor<50x16xf32>, %[[I:.*]]: tensor<4x7x1xi32>)
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<4x7x16xf32>
// CHECK: %[[R:.*]] = linalg_ext.gather {collapsed_slice_dims = array<i64: 0>, index_vector_dim = 2 : i64, offset_dims = array<i64: 2>, operand_batching_dims = array<i64>, slice_sizes = array<i64: 1, 16>, start_index_map = array<i64: 0>, start_indices_batching_dims = array<i64>} ins(%[[W]], %[[I]] : tensor<50x16xf32>, tensor<4x7x1xi32>) outs(%[[INIT]] : tensor<4x7x16xf32>) -> tensor<4x7x16xf32>
// CHECK: return %[[R]]
func.func @gather_embedding(%w: tensor<50x16xf32>, %i: tensor<4x7x1xi32>) -> tensor<4x7x16xf32> {
  %0 = "stablehlo.gather"(%w, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>}> : (tensor<50x16xf32>, tensor<4x7x1xi32>) -> tensor<4x7x16xf32>
  return %0 : tensor<4x7x16xf32>
}

// -----

// CHECK-LABEL: func.func @gather_batching_unsigned
// CHECK-SAME: %{{.*}}: tensor<2x4x1xi32>
// CHECK: linalg_ext.gather {{{.*}}operand_batching_dims = array<i64: 0>{{.*}}start_indices_batching_dims = array<i64: 0>, unsigned_indices}
func.func @gather_batching_unsigned(%x: tensor<2x5x3xf32>, %i: tensor<2x4x1xui32>) -> tensor<2x4x3xf32> {
  %0 = "stablehlo.gather"(%x, %i) <{dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 1, 1, 3>}> : (tensor<2x5x3xf32>, tensor<2x4x1xui32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

// CHECK-LABEL: func.func @scatter_add
// CHECK-SAME: (%[[X:.*]]: tensor<10x3xf32>, %[[I:.*]]: tensor<6x1xi32>, %[[U:.*]]: tensor<6x3xf32>)
// CHECK: %[[R:.*]] = linalg_ext.scatter {index_vector_dim = 1 : i64, input_batching_dims = array<i64>, inserted_window_dims = array<i64: 0>, scatter_dims_to_operand_dims = array<i64: 0>, scatter_indices_batching_dims = array<i64>, update_window_dims = array<i64: 1>} ins(%[[I]], %[[U]] : tensor<6x1xi32>, tensor<6x3xf32>) outs(%[[X]] : tensor<10x3xf32>) {
// CHECK: ^bb0(%[[OLD:.*]]: f32, %[[NEW:.*]]: f32):
// CHECK:   %[[S:.*]] = arith.addf %[[OLD]], %[[NEW]] : f32
// CHECK:   linalg_ext.yield %[[S]] : f32
// CHECK: } -> tensor<10x3xf32>
// CHECK: return %[[R]]
func.func @scatter_add(%x: tensor<10x3xf32>, %i: tensor<6x1xi32>, %u: tensor<6x3xf32>) -> tensor<10x3xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) <{scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = stablehlo.add %a, %b : tensor<f32>
    stablehlo.return %s : tensor<f32>
  }) : (tensor<10x3xf32>, tensor<6x1xi32>, tensor<6x3xf32>) -> tensor<10x3xf32>
  return %0 : tensor<10x3xf32>
}

// -----

// CHECK-LABEL: func.func @sort_pairs
// linalg_ext.sort in place on the operands; the comparator as scalar arith ops
// (TOTALORDER compares the sign-folded bit patterns).
// CHECK-SAME: (%[[K:.*]]: tensor<4x10xf32>, %[[V:.*]]: tensor<4x10xi32>)
// CHECK: %[[S:.*]]:2 = linalg_ext.sort dimension(1) outs(%[[K]], %[[V]] : tensor<4x10xf32>, tensor<4x10xi32>) {
// CHECK: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %{{.*}}: i32, %{{.*}}: i32):
// CHECK:   arith.bitcast %[[A]] : f32 to i32
// CHECK:   arith.bitcast %[[B]] : f32 to i32
// CHECK:   %[[GT:.*]] = arith.cmpi sgt
// CHECK:   linalg_ext.yield %[[GT]] : i1
// CHECK: } -> tensor<4x10xf32>, tensor<4x10xi32>
// CHECK: return %[[S]]#0, %[[S]]#1
func.func @sort_pairs(%k: tensor<4x10xf32>, %v: tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>) {
  %0:2 = "stablehlo.sort"(%k, %v) <{dimension = 1 : i64, is_stable = true}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<i32>, %d: tensor<i32>):
    %p = stablehlo.compare GT, %a, %b, TOTALORDER : (tensor<f32>, tensor<f32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  }) : (tensor<4x10xf32>, tensor<4x10xi32>) -> (tensor<4x10xf32>, tensor<4x10xi32>)
  return %0#0, %0#1 : tensor<4x10xf32>, tensor<4x10xi32>
}

// -----

// CHECK-LABEL: func.func @torch_index_select
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<4xi32>) outs(%{{.*}} : tensor<4x3xf32>)
// CHECK:   %[[R:.*]] = arith.index_cast
// CHECK:   %[[C:.*]] = linalg.index 1
// CHECK:   tensor.extract %{{.*}}[%[[R]], %[[C]]] : tensor<5x3xf32>
func.func @torch_index_select(%x: tensor<5x3xf32>, %i: tensor<4xi32>) -> tensor<4x3xf32> {
  %0 = "stablehlo.torch_index_select"(%x, %i) <{batch_dims = 0 : i64, dim = 0 : i64}> : (tensor<5x3xf32>, tensor<4xi32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @while_unsigned
// CHECK: scf.while (%[[I:.*]] = %{{.*}}, %[[V:.*]] = %{{.*}}) : (tensor<i32>, tensor<4xf32>) -> (tensor<i32>, tensor<4xf32>)
// CHECK:   linalg.generic
// CHECK:     arith.cmpi ult
// CHECK:   %[[P:.*]] = tensor.extract %{{.*}}[] : tensor<i1>
// CHECK:   scf.condition(%[[P]]) %[[I]], %[[V]] : tensor<i32>, tensor<4xf32>
// CHECK: } do {
// CHECK: ^bb0(%{{.*}}: tensor<i32>, %{{.*}}: tensor<4xf32>):
// CHECK:   scf.yield %{{.*}}, %{{.*}} : tensor<i32>, tensor<4xf32>
func.func @while_unsigned(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = stablehlo.constant dense<0> : tensor<ui32>
  %0:2 = stablehlo.while(%i = %c0, %v = %x) : tensor<ui32>, tensor<4xf32>
  cond {
    %n = stablehlo.constant dense<3> : tensor<ui32>
    %p = stablehlo.compare LT, %i, %n, UNSIGNED : (tensor<ui32>, tensor<ui32>) -> tensor<i1>
    stablehlo.return %p : tensor<i1>
  } do {
    %one = stablehlo.constant dense<1> : tensor<ui32>
    %i2 = stablehlo.add %i, %one : tensor<ui32>
    %v2 = stablehlo.add %v, %v : tensor<4xf32>
    stablehlo.return %i2, %v2 : tensor<ui32>, tensor<4xf32>
  }
  return %0#1 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @if
// CHECK: %[[P:.*]] = tensor.extract %{{.*}}[] : tensor<i1>
// CHECK: scf.if %[[P]] -> (tensor<3xf32>)
// CHECK:   arith.addf
// CHECK:   scf.yield
// CHECK: } else {
// CHECK:   arith.negf
// CHECK:   scf.yield
func.func @if(%p: tensor<i1>, %x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "stablehlo.if"(%p) ({
    %a = stablehlo.add %x, %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }, {
    %a = stablehlo.negate %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }) : (tensor<i1>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @case
// CHECK: %[[I:.*]] = tensor.extract %{{.*}}[] : tensor<i32>
// CHECK: %[[X:.*]] = arith.index_cast %[[I]] : i32 to index
// CHECK: scf.index_switch %[[X]] -> tensor<3xf32>
// CHECK: case 0 {
// CHECK:   arith.addf
// CHECK: case 1 {
// CHECK:   arith.mulf
// CHECK: default {
// CHECK:   arith.negf
func.func @case(%i: tensor<i32>, %x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = "stablehlo.case"(%i) ({
    %a = stablehlo.add %x, %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }, {
    %a = stablehlo.multiply %x, %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }, {
    %a = stablehlo.negate %x : tensor<3xf32>
    stablehlo.return %a : tensor<3xf32>
  }) : (tensor<i32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @map
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x3xf32>, tensor<2x3xf32>)
// CHECK:   arith.mulf
func.func @map(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "stablehlo.map"(%a, %b) <{dimensions = array<i64: 0, 1>}> ({
  ^bb0(%x: tensor<f32>, %y: tensor<f32>):
    %m = stablehlo.multiply %x, %y : tensor<f32>
    stablehlo.return %m : tensor<f32>
  }) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @real_dynamic_slice
// CHECK-SAME: (%[[X:.*]]: tensor<8x6xf32>, %[[S:.*]]: tensor<2xi32>, %{{.*}}: tensor<2xi32>, %[[ST:.*]]: tensor<2xi32>)
// CHECK: tensor.extract %[[S]]
// CHECK: tensor.extract %[[ST]]
// CHECK: tensor.extract_slice %[[X]][%{{.*}}, %{{.*}}] [3, 2] [%{{.*}}, %{{.*}}] : tensor<8x6xf32> to tensor<3x2xf32>
func.func @real_dynamic_slice(%x: tensor<8x6xf32>, %s: tensor<2xi32>, %l: tensor<2xi32>, %st: tensor<2xi32>) -> tensor<3x2xf32> {
  %0 = stablehlo.real_dynamic_slice %x, %s, %l, %st : (tensor<8x6xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_pad
// CHECK: %[[P:.*]] = tensor.extract %{{.*}}[] : tensor<f32>
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<6x3xf32>)
// CHECK:   arith.divsi
// CHECK:   arith.remsi
// CHECK:   %[[V:.*]] = tensor.extract %{{.*}} : tensor<3x2xf32>
// CHECK:   arith.select %{{.*}}, %[[V]], %[[P]] : f32
func.func @dynamic_pad(%x: tensor<3x2xf32>, %p: tensor<f32>, %lo: tensor<2xi64>, %hi: tensor<2xi64>, %in: tensor<2xi64>) -> tensor<6x3xf32> {
  %0 = stablehlo.dynamic_pad %x, %p, %lo, %hi, %in : (tensor<3x2xf32>, tensor<f32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<6x3xf32>
  return %0 : tensor<6x3xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_shape_ops
// CHECK: tensor.collapse_shape
// CHECK: tensor.expand_shape {{.*}} into tensor<3x2xf32>
// CHECK: linalg.broadcast ins(%{{.*}} : tensor<2x3xf32>) outs(%{{.*}} : tensor<2x2x3xf32>) dimensions = [0]
// CHECK: linalg.generic
// CHECK:   linalg.index 1
// CHECK: -> tensor<2x3xi32>
func.func @dynamic_shape_ops(%x: tensor<2x3xf32>, %s1: tensor<2xi32>, %s2: tensor<3xi32>) -> (tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xui32>) {
  %0 = stablehlo.dynamic_reshape %x, %s1 : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  %1 = stablehlo.dynamic_broadcast_in_dim %x, %s2, dims = [1, 2] : (tensor<2x3xf32>, tensor<3xi32>) -> tensor<2x2x3xf32>
  %2 = stablehlo.dynamic_iota %s1, dim = 1 : (tensor<2xi32>) -> tensor<2x3xui32>
  return %0, %1, %2 : tensor<3x2xf32>, tensor<2x2x3xf32>, tensor<2x3xui32>
}

// -----

// CHECK-LABEL: func.func @dynamic_gather
// CHECK: linalg_ext.gather {{{.*}}slice_sizes = array<i64: 1, 16>{{.*}}} ins(%{{.*}}, %{{.*}} : tensor<50x16xf32>, tensor<4x1xi32>) outs(%{{.*}} : tensor<4x16xf32>)
func.func @dynamic_gather(%w: tensor<50x16xf32>, %i: tensor<4x1xi32>) -> tensor<4x16xf32> {
  %sizes = stablehlo.constant dense<[1, 16]> : tensor<2xi32>
  %0 = "stablehlo.dynamic_gather"(%w, %i, %sizes) <{dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>}> : (tensor<50x16xf32>, tensor<4x1xi32>, tensor<2xi32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

// Philox-4x32-10 per output element; the counter advances by the blocks used
// (15 elements, 4 per block: 4 blocks).
// CHECK-LABEL: func.func @rng_bit_generator
// CHECK-SAME: (%[[S:.*]]: tensor<2xi64>) -> (tensor<2xi64>, tensor<3x5xi32>)
// CHECK: %[[CTR:.*]] = tensor.extract %[[S]][%c1{{.*}}] : tensor<2xi64>
// CHECK: %[[BITS:.*]] = linalg.generic
// CHECK-COUNT-20: arith.muli %{{.*}} : i64
// CHECK: %[[NEW:.*]] = arith.addi %[[CTR]], %c4_i64 : i64
// CHECK: %[[STATE:.*]] = tensor.insert %[[NEW]] into %[[S]]
// CHECK: return %[[STATE]], %[[BITS]]
func.func @rng_bit_generator(%s: tensor<2xui64>) -> (tensor<2xui64>, tensor<3x5xui32>) {
  %0:2 = stablehlo.rng_bit_generator %s, algorithm = THREE_FRY : (tensor<2xui64>) -> (tensor<2xui64>, tensor<3x5xui32>)
  return %0#0, %0#1 : tensor<2xui64>, tensor<3x5xui32>
}
