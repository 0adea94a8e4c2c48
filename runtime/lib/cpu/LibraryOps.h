// The library ops' contracts (MatmulOp, ConvOp): checking an op against its
// contract gives a plan, the sizes a library needs to run it. No library here; the
// oneDNN side is DnnlOps.cpp.
#pragma once

#include <cstdint>

#include "CpuProvider.h"

namespace brt::cpu {

inline constexpr std::string_view kMatmulOpCallee = "MatmulOp";
inline constexpr std::string_view kConvOpCallee = "ConvOp";

// MatmulOp: inputs [A, B], outputs [C], f32.
//   A [batch..., M, K] ([batch..., K, M] when lhs_transpose)
//   B [batch..., K, N] ([batch..., N, K] when rhs_transpose)
//   C [batch..., M, N] = op(A) x op(B); the batch dims (0 or more) are the same in all three.
struct MatmulPlan {
  int64_t batch = 1;  // product of the batch dims
  int64_t m = 0, n = 0, k = 0;
  bool lhsTranspose = false, rhsTranspose = false;
};
StatusOr<MatmulPlan> planMatmul(const OpContext& ctx);

// ConvOp: inputs [X, W], outputs [Y], f32.
//   X [N, H, W, C] (NHWC), W [KH, KW, C/groups, O] (HWIO), Y [N, OH, OW, O] (NHWC)
//   strides [sh, sw] >= 1, padding [top, bottom, left, right] >= 0,
//   dilations [dh, dw] >= 1 (1 = dense), feature_group_count = groups >= 1;
//   OH = (H + top + bottom - (dh * (KH - 1) + 1)) / sh + 1 (0 if the window does not fit),
//   likewise OW.
struct ConvPlan {
  int64_t n = 0, h = 0, w = 0, c = 0;  // X
  int64_t kh = 0, kw = 0, o = 0;       // W (its input channels are c / groups)
  int64_t oh = 0, ow = 0;              // Y
  int64_t groups = 1;
  int64_t strideH = 1, strideW = 1;
  int64_t padTop = 0, padBottom = 0, padLeft = 0, padRight = 0;
  int64_t dilationH = 1, dilationW = 1;
};
StatusOr<ConvPlan> planConv(const OpContext& ctx);

}  // namespace brt::cpu
