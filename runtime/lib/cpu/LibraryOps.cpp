#include "LibraryOps.h"

#include "OpChecks.h"

namespace brt::cpu {

namespace {
std::string transposed(bool transpose) { return transpose ? " (transposed)" : ""; }

// The size of one spatial output dim; 0 when the dilated window does not fit.
StatusOr<int64_t> convOutputSize(const char* dim, int64_t in, int64_t padBefore,
                                 int64_t padAfter, int64_t window, int64_t dilation,
                                 int64_t stride) {
  int64_t padded = 0, span = 0;
  if (__builtin_add_overflow(in, padBefore, &padded) ||
      __builtin_add_overflow(padded, padAfter, &padded) ||
      __builtin_mul_overflow(dilation, window - 1, &span) ||
      __builtin_add_overflow(span, 1, &span))
    return outOfRangeError("the padded ", dim, " or the dilated window is too large");
  return padded < span ? 0 : (padded - span) / stride + 1;
}
}  // namespace

StatusOr<MatmulPlan> planMatmul(const OpContext& ctx) {
  BRT_RETURN_IF_ERROR(checkOperandCount(ctx, 2, 1));
  BRT_RETURN_IF_ERROR(checkKnownAttrs(ctx, {"lhs_transpose", "rhs_transpose"}));
  BRT_RETURN_IF_ERROR(checkDTypes(ctx, DType::F32, {"A", "B", "C"}));
  MatmulPlan plan;
  BRT_ASSIGN_OR_RETURN(plan.lhsTranspose, boolAttr(ctx, "lhs_transpose", false));
  BRT_ASSIGN_OR_RETURN(plan.rhsTranspose, boolAttr(ctx, "rhs_transpose", false));
  const BufferDesc &bufA = ctx.input(0), &bufB = ctx.input(1), &bufC = ctx.output(0);
  const Shape &a = bufA.shape, &b = bufB.shape, &c = bufC.shape;
  size_t rank = a.size();
  if (rank < 2) return corruptError("A is ", typeOf(bufA), "; it needs rank 2 or more");
  if (b.size() != rank || c.size() != rank)
    return corruptError("A, B and C have ranks ", a.size(), ", ", b.size(), " and ",
                        c.size(), "; they must be equal");
  for (size_t d = 0; d + 2 < rank; ++d) {
    if (b[d] != a[d] || c[d] != a[d])
      return corruptError("batch dim ", d, " differs: A is ", typeOf(bufA), ", B is ",
                          typeOf(bufB), ", C is ", typeOf(bufC));
    if (__builtin_mul_overflow(plan.batch, a[d], &plan.batch))
      return outOfRangeError("the batch of A ", typeOf(bufA), " is too large");
  }
  plan.m = plan.lhsTranspose ? a[rank - 1] : a[rank - 2];
  plan.k = plan.lhsTranspose ? a[rank - 2] : a[rank - 1];
  int64_t kB = plan.rhsTranspose ? b[rank - 1] : b[rank - 2];
  plan.n = plan.rhsTranspose ? b[rank - 2] : b[rank - 1];
  if (kB != plan.k)
    return corruptError("A ", typeOf(bufA), transposed(plan.lhsTranspose), " and B ",
                        typeOf(bufB), transposed(plan.rhsTranspose),
                        " do not contract: K is ", plan.k, " in A and ", kB, " in B");
  if (c[rank - 2] != plan.m || c[rank - 1] != plan.n) {
    Shape expected(a.begin(), a.end() - 2);
    expected.push_back(plan.m);
    expected.push_back(plan.n);
    return corruptError("C is ", typeOf(bufC), " but op(A) x op(B) is ",
                        typeToString(DType::F32, expected));
  }
  BRT_RETURN_IF_ERROR(checkOutputsDisjoint(ctx, {"A", "B", "C"}));
  return plan;
}

StatusOr<ConvPlan> planConv(const OpContext& ctx) {
  BRT_RETURN_IF_ERROR(checkOperandCount(ctx, 2, 1));
  BRT_RETURN_IF_ERROR(
      checkKnownAttrs(ctx, {"strides", "padding", "dilations", "feature_group_count"}));
  BRT_RETURN_IF_ERROR(checkDTypes(ctx, DType::F32, {"X", "W", "Y"}));
  const BufferDesc &bufX = ctx.input(0), &bufW = ctx.input(1), &bufY = ctx.output(0);
  if (bufX.shape.size() != 4)
    return corruptError("X is ", typeOf(bufX), "; it must be NHWC (rank 4)");
  if (bufW.shape.size() != 4)
    return corruptError("W is ", typeOf(bufW), "; it must be HWIO (rank 4)");
  if (bufY.shape.size() != 4)
    return corruptError("Y is ", typeOf(bufY), "; it must be NHWC (rank 4)");

  ConvPlan plan;
  BRT_ASSIGN_OR_RETURN(std::vector<int64_t> strides, intArrayAttr(ctx, "strides", 2));
  BRT_ASSIGN_OR_RETURN(std::vector<int64_t> padding, intArrayAttr(ctx, "padding", 4));
  BRT_ASSIGN_OR_RETURN(std::vector<int64_t> dilations, intArrayAttr(ctx, "dilations", 2));
  BRT_ASSIGN_OR_RETURN(plan.groups, intAttr(ctx, "feature_group_count"));
  if (strides[0] < 1 || strides[1] < 1)
    return corruptError("strides ", shapeToString(strides), " must be >= 1");
  if (dilations[0] < 1 || dilations[1] < 1)
    return corruptError("dilations ", shapeToString(dilations), " must be >= 1");
  for (int64_t p : padding)
    if (p < 0)
      return unsupportedError("negative padding ", shapeToString(padding),
                              " is not supported");
  if (plan.groups < 1)
    return corruptError("feature_group_count ", plan.groups, " must be >= 1");
  plan.strideH = strides[0];
  plan.strideW = strides[1];
  plan.padTop = padding[0];
  plan.padBottom = padding[1];
  plan.padLeft = padding[2];
  plan.padRight = padding[3];
  plan.dilationH = dilations[0];
  plan.dilationW = dilations[1];

  const Shape &x = bufX.shape, &w = bufW.shape, &y = bufY.shape;
  plan.n = x[0], plan.h = x[1], plan.w = x[2], plan.c = x[3];
  plan.kh = w[0], plan.kw = w[1], plan.o = w[3];
  if (plan.c % plan.groups != 0 || plan.o % plan.groups != 0)
    return corruptError("feature_group_count ", plan.groups, " does not divide the ",
                        plan.c, " input and ", plan.o, " output channels");
  if (w[2] != plan.c / plan.groups)
    return corruptError("W is ", typeOf(bufW), " but X ", typeOf(bufX), " in ", plan.groups,
                        plan.groups == 1 ? " group" : " groups", " has ",
                        plan.c / plan.groups, " input channels per group");
  if (plan.kh < 1 || plan.kw < 1)
    return unsupportedError("W is ", typeOf(bufW), ": an empty window is not supported");
  BRT_ASSIGN_OR_RETURN(plan.oh, convOutputSize("height", plan.h, plan.padTop, plan.padBottom,
                                               plan.kh, plan.dilationH, plan.strideH));
  BRT_ASSIGN_OR_RETURN(plan.ow, convOutputSize("width", plan.w, plan.padLeft, plan.padRight,
                                               plan.kw, plan.dilationW, plan.strideW));
  Shape expected = {plan.n, plan.oh, plan.ow, plan.o};
  if (y != expected)
    return corruptError("Y is ", typeOf(bufY), " but the convolution of X ", typeOf(bufX),
                        " by W ", typeOf(bufW), " gives ", typeToString(DType::F32, expected),
                        " (strides ", shapeToString(strides), ", padding ",
                        shapeToString(padding), ", dilations ", shapeToString(dilations), ")");
  BRT_RETURN_IF_ERROR(checkOutputsDisjoint(ctx, {"X", "W", "Y"}));
  return plan;
}

}  // namespace brt::cpu
