//===- LpNormOps.cpp - LpNormalization, GlobalLpPool, LpPool --------------===//
//
// All are an Lp norm (sum |x|^p)^(1/p): LpNormalization divides x by it along one
// axis, GlobalLpPool keeps it per channel over the spatial dims, LpPool over sliding
// windows (reduce_window of |x|^p; padding contributes 0).
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

/// |x|^p; p = 1 and 2 avoid the general power.
Value absPow(OpBuilder &b, Location loc, Value x, int64_t p) {
  Value a = hlo::AbsOp::create(b, loc, x);
  if (p == 2)
    return hlo::MulOp::create(b, loc, a, a);
  if (p == 1)
    return a;
  return hlo::PowOp::create(b, loc, a, splat(b, loc, tensorType(x), (double)p));
}

/// s^(1/p).
Value root(OpBuilder &b, Location loc, Value s, int64_t p) {
  if (p == 2)
    return hlo::SqrtOp::create(b, loc, s);
  if (p == 1)
    return s;
  return hlo::PowOp::create(b, loc, s, splat(b, loc, tensorType(s), 1.0 / (double)p));
}

/// (sum over `dims` of |x|^p)^(1/p), the reduced dims kept as size 1.
Value lpNorm(OpBuilder &b, Location loc, Value x, ArrayRef<int64_t> dims, int64_t p) {
  Value sum = reduce(b, loc, absPow(b, loc, x, p), dims, ReduceKind::Sum, /*keepDims=*/true);
  return root(b, loc, sum, p);
}

FailureOr<int64_t> order(NodeContext &c) {
  int64_t p = c.getInt("p", 2);
  if (p < 1) {
    (void)c.invalid("p must be positive");
    return failure();
  }
  if (!isa<FloatType>(elemType(c.in(0)))) {
    (void)c.invalid("X must be floating point");
    return failure();
  }
  return p;
}

LogicalResult convertLpNormalization(NodeContext &c) {
  Value x = c.in(0);
  auto p = order(c);
  if (failed(p))
    return failure();
  if (*p > 2)
    return c.invalid("p must be 1 or 2");
  int64_t axis = normAxis(c.getInt("axis", -1), rankOf(x));
  if (axis < 0)
    return c.invalid("axis out of range");
  Value norm = broadcastTo(c.b, c.loc, lpNorm(c.b, c.loc, x, {axis}, *p), shapeOf(x));
  c.results.push_back(hlo::DivOp::create(c.b, c.loc, x, norm));
  return success();
}

LogicalResult convertGlobalLpPool(NodeContext &c) {
  Value x = c.in(0);
  if (rankOf(x) < 3)
    return c.invalid("X must have rank >= 3");
  auto p = order(c);
  if (failed(p))
    return failure();
  SmallVector<int64_t> spatial;
  for (int64_t d = 2; d < rankOf(x); ++d)
    spatial.push_back(d);
  c.results.push_back(lpNorm(c.b, c.loc, x, spatial, *p));
  return success();
}

LogicalResult convertLpPool(NodeContext &c) {
  Value x = c.in(0);
  if (rankOf(x) < 3)
    return c.invalid("X must have rank >= 3");
  auto p = order(c);
  if (failed(p))
    return failure();
  std::string autoPad = c.getString("auto_pad", "NOTSET");
  if (autoPad != "NOTSET" && autoPad != "VALID")
    return c.unsupported("auto_pad='" + autoPad + "'");
  if (c.getInt("ceil_mode", 0))
    return c.unsupported("ceil_mode=1");
  int64_t n = rankOf(x) - 2;
  SmallVector<int64_t> kernel = c.getInts("kernel_shape"), strides = c.getInts("strides"),
                       dil = c.getInts("dilations"), pads = c.getInts("pads");
  if (strides.empty()) strides.assign(n, 1);
  if (dil.empty()) dil.assign(n, 1);
  if (pads.empty() || autoPad == "VALID") pads.assign(2 * n, 0);
  if ((int64_t)kernel.size() != n || (int64_t)strides.size() != n ||
      (int64_t)dil.size() != n || (int64_t)pads.size() != 2 * n)
    return c.invalid("kernel_shape, strides, dilations and pads must match the spatial rank");
  SmallVector<int64_t> win{1, 1}, str{1, 1}, wdil{1, 1}, outShape(shapeOf(x).take_front(2));
  SmallVector<int64_t> padding(4, 0);
  for (int64_t i = 0; i < n; ++i) {
    int64_t span = dil[i] * (kernel[i] - 1) + 1;
    int64_t padded = shapeOf(x)[i + 2] + pads[i] + pads[i + n];
    if (padded < span)
      return c.invalid("the window is larger than the padded input");
    outShape.push_back((padded - span) / strides[i] + 1);
    win.push_back(kernel[i]);
    str.push_back(strides[i]);
    wdil.push_back(dil[i]);
    padding.push_back(pads[i]);
    padding.push_back(pads[i + n]);
  }
  Type elem = elemType(x);
  auto padType = RankedTensorType::get({n + 2, 2}, c.b.getI64Type());
  Value init = reduceInit(c.b, c.loc, elem, ReduceKind::Sum);
  auto op = hlo::ReduceWindowOp::create(
      c.b, c.loc, TypeRange{RankedTensorType::get(outShape, elem)},
      ValueRange{absPow(c.b, c.loc, x, *p)}, ValueRange{init},
      c.b.getDenseI64ArrayAttr(win), c.b.getDenseI64ArrayAttr(str),
      c.b.getDenseI64ArrayAttr(SmallVector<int64_t>(n + 2, 1)), c.b.getDenseI64ArrayAttr(wdil),
      DenseIntElementsAttr::get(padType, padding));
  buildReduceBody(c.b, c.loc, op.getBody(), elem, ReduceKind::Sum);
  c.results.push_back(root(c.b, c.loc, op.getResult(0), *p));
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerLpNormOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"LpNormalization", 1, M, convertLpNormalization, "axis,p", "p = 1 or 2"},
      {"GlobalLpPool", 2, M, convertGlobalLpPool, "p", ""},
      {"LpPool", 2, M, convertLpPool, "auto_pad,ceil_mode,dilations,kernel_shape,p,pads,strides",
       "auto_pad NOTSET or VALID; ceil_mode=0"},
  });
}
