//===- SelectionOps.cpp - Compress, MaxUnpool -----------------------------===//
//
// Ops that pick or place elements by position: Compress (condition must be an
// import-time constant, so it becomes a gather of known indices) and MaxUnpool (a
// scatter of the pooled values to the positions MaxPool recorded).
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

/// x gathered at the constant `indices` along `axis`.
Value gatherAxis(NodeContext &c, Value x, int64_t axis, ArrayRef<int64_t> indices) {
  int64_t n = indices.size();
  Value idx = intConst(c.b, c.loc, {n, 1}, indices, c.b.getI64Type());
  SmallVector<int64_t> outShape(shapeOf(x)), sizes(shapeOf(x)), offsetDims;
  outShape[axis] = n;
  sizes[axis] = 1;
  // Output dims: the gathered positions (batch dim 0 -> axis) and x's other dims.
  for (int64_t d = 0; d < rankOf(x); ++d)
    if (d != axis)
      offsetDims.push_back(d);
  auto dn = hlo::GatherDimensionNumbersAttr::get(c.b.getContext(), offsetDims, {axis}, {},
                                                 {}, {axis}, 1);
  Value g = hlo::GatherOp::create(c.b, c.loc, RankedTensorType::get(outShape, elemType(x)),
                                  x, idx, dn, c.b.getDenseI64ArrayAttr(sizes), false);
  return g;
}

LogicalResult convertCompress(NodeContext &c) {
  Value x = c.in(0);
  auto cond = c.constIntInput(1, "condition");
  if (failed(cond))
    return failure();
  int64_t axis = 0;
  if (c.has("axis")) {
    axis = normAxis(c.getInt("axis", 0), rankOf(x));
    if (axis < 0)
      return c.invalid("axis out of range");
  } else {
    x = reshape(c.b, c.loc, x, {numElements(shapeOf(x))});
  }
  if ((int64_t)cond->size() > shapeOf(x)[axis])
    return c.invalid("condition is longer than the axis");
  SmallVector<int64_t> picked;
  for (int64_t i = 0; i < (int64_t)cond->size(); ++i)
    if ((*cond)[i])
      picked.push_back(i);
  if (picked.empty())
    return c.unsupported("a condition that selects nothing (empty result)");
  c.results.push_back(gatherAxis(c, x, axis, picked));
  return success();
}

/// The [K, rank] coordinates in `shape` of the flat (row-major) indices `flat` [K].
Value unflatten(NodeContext &c, Value flat, ArrayRef<int64_t> shape) {
  int64_t k = shapeOf(flat)[0], r = shape.size();
  auto colType = RankedTensorType::get({k}, c.b.getI64Type());
  SmallVector<Value> cols;
  int64_t stride = 1;
  SmallVector<int64_t> strides(r);
  for (int64_t d = r - 1; d >= 0; --d) {
    strides[d] = stride;
    stride *= shape[d];
  }
  for (int64_t d = 0; d < r; ++d) {
    Value q = hlo::DivOp::create(c.b, c.loc, flat, splat(c.b, c.loc, colType, strides[d]));
    Value col = hlo::RemOp::create(c.b, c.loc, q, splat(c.b, c.loc, colType, shape[d]));
    cols.push_back(reshape(c.b, c.loc, col, {k, 1}));
  }
  return r == 1 ? cols[0] : Value(hlo::ConcatenateOp::create(c.b, c.loc, cols, 1));
}

/// MaxUnpool: zeros of the output shape with X's values at the positions in I. I
/// holds flat indices into the default output shape (as MaxPool computed them); an
/// explicit output_shape keeps those coordinates.
LogicalResult convertMaxUnpool(NodeContext &c) {
  Value x = c.in(0), idx = c.in(1);
  if (!x || !idx || shapeOf(x) != shapeOf(idx))
    return c.invalid("expects X and indices I of one shape");
  int64_t r = rankOf(x), spatial = r - 2;
  SmallVector<int64_t> kernel = c.getInts("kernel_shape"), strides = c.getInts("strides"),
                       pads = c.getInts("pads");
  if ((int64_t)kernel.size() != spatial)
    return c.invalid("kernel_shape must have one entry per spatial dimension");
  strides.resize(spatial, 1);
  pads.resize(2 * spatial, 0);
  SmallVector<int64_t> defShape(shapeOf(x).take_front(2));
  for (int64_t i = 0; i < spatial; ++i)
    defShape.push_back((shapeOf(x)[i + 2] - 1) * strides[i] - pads[i] - pads[i + spatial] +
                       kernel[i]);
  SmallVector<int64_t> outShape = defShape;
  if (c.in(2)) {
    auto given = c.constIntInput(2, "output_shape");
    if (failed(given))
      return failure();
    if ((int64_t)given->size() != r)
      return c.invalid("output_shape must have one entry per dimension");
    outShape = *given;
    for (int64_t d = 0; d < r; ++d)
      if (outShape[d] < defShape[d])
        return c.invalid("output_shape is smaller than the unpooled shape");
  }
  int64_t k = numElements(shapeOf(x));
  Value flat = reshape(c.b, c.loc, convert(c.b, c.loc, idx, c.b.getI64Type()), {k});
  Value coords = unflatten(c, flat, defShape);
  Value zeros = splat(c.b, c.loc, RankedTensorType::get(outShape, elemType(x)), 0);
  SmallVector<int64_t> all;
  for (int64_t d = 0; d < r; ++d)
    all.push_back(d);
  auto dn = hlo::ScatterDimensionNumbersAttr::get(c.b.getContext(), {}, all, {}, {}, all, 1);
  auto op = hlo::ScatterOp::create(c.b, c.loc, TypeRange{zeros.getType()}, ValueRange{zeros},
                                   coords, ValueRange{reshape(c.b, c.loc, x, {k})}, dn,
                                   c.b.getBoolAttr(false), c.b.getBoolAttr(false));
  {
    // Replace: the pooled value lands at its position.
    OpBuilder::InsertionGuard g(c.b);
    auto scalar = RankedTensorType::get({}, elemType(x));
    Block *blk = c.b.createBlock(&op.getUpdateComputation(), {}, {scalar, scalar},
                                 {c.loc, c.loc});
    hlo::ReturnOp::create(c.b, c.loc, ValueRange{blk->getArgument(1)});
  }
  c.results.push_back(op.getResult(0));
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerSelectionOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"Compress", 9, M, convertCompress, "axis",
       "condition must be an import-time constant"},
      {"MaxUnpool", 9, M, convertMaxUnpool, "kernel_shape,pads,strides",
       "output_shape must be an import-time constant"},
  });
}
