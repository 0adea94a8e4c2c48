//===- IndexingOps.cpp - scatter, GatherND, TopK --------------------------===//
#include "Converter.h"

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

/// `idx` normalized to [0, dims[last coordinate]) where negative.
Value wrapNegative(NodeContext &c, Value idx, ArrayRef<int64_t> dimPerElement) {
  idx = convert(c.b, c.loc, idx, c.b.getI64Type());
  auto type = tensorType(idx);
  Value dims = intConst(c.b, c.loc, type.getShape(), dimPerElement, c.b.getI64Type());
  Value neg = compare(c.b, c.loc, hlo::ComparisonDirection::LT, idx, splat(c.b, c.loc, type, 0));
  return hlo::SelectOp::create(c.b, c.loc, neg, hlo::AddOp::create(c.b, c.loc, idx, dims), idx);
}

LogicalResult scatterBody(NodeContext &c, hlo::ScatterOp op, Type elem) {
  std::string red = c.getString("reduction", "none");
  OpBuilder::InsertionGuard g(c.b);
  auto scalar = RankedTensorType::get({}, elem);
  Block *blk = c.b.createBlock(&op.getUpdateComputation(), {}, {scalar, scalar}, {c.loc, c.loc});
  Value cur = blk->getArgument(0), upd = blk->getArgument(1), r;
  if (red == "none")
    r = upd;
  else if (red == "add")
    r = hlo::AddOp::create(c.b, c.loc, cur, upd);
  else if (red == "mul")
    r = hlo::MulOp::create(c.b, c.loc, cur, upd);
  else if (red == "max")
    r = hlo::MaxOp::create(c.b, c.loc, cur, upd);
  else if (red == "min")
    r = hlo::MinOp::create(c.b, c.loc, cur, upd);
  else
    return c.unsupported("reduction='" + red + "'");
  hlo::ReturnOp::create(c.b, c.loc, ValueRange{r});
  return success();
}

LogicalResult convertScatterElements(NodeContext &c) {
  Value x = c.in(0), idx = c.in(1), upd = c.in(2);
  if (!x || !idx || !upd)
    return c.invalid("expects data, indices, updates");
  int64_t r = rankOf(x);
  int64_t axis = normAxis(c.getInt("axis", 0), r);
  if (axis < 0 || rankOf(idx) != r || shapeOf(idx) != shapeOf(upd))
    return c.invalid("bad axis or indices/updates shapes");
  ArrayRef<int64_t> is = shapeOf(idx);
  SmallVector<int64_t> dimv(numElements(is), shapeOf(x)[axis]);
  idx = wrapNegative(c, idx, dimv);
  SmallVector<int64_t> one(is);
  one.push_back(1);
  auto oneType = RankedTensorType::get(one, c.b.getI64Type());
  SmallVector<Value> parts;
  for (int64_t d = 0; d < r; ++d)
    parts.push_back(d == axis ? reshape(c.b, c.loc, idx, one)
                              : Value(hlo::IotaOp::create(c.b, c.loc, oneType, d)));
  Value full = r == 1 ? parts[0] : Value(hlo::ConcatenateOp::create(c.b, c.loc, parts, r));
  SmallVector<int64_t> all;
  for (int64_t d = 0; d < r; ++d)
    all.push_back(d);
  auto dn = hlo::ScatterDimensionNumbersAttr::get(c.b.getContext(), {}, all, {}, {}, all, r);
  auto op = hlo::ScatterOp::create(c.b, c.loc, TypeRange{x.getType()}, ValueRange{x}, full,
                                   ValueRange{upd}, dn, c.b.getBoolAttr(false),
                                   c.b.getBoolAttr(false));
  if (failed(scatterBody(c, op, elemType(x))))
    return failure();
  c.results.push_back(op.getResult(0));
  return success();
}

/// indices [..., k] (last dim indexes the first k dims of data).
Value wrapNegativeND(NodeContext &c, Value idx, ArrayRef<int64_t> dataShape) {
  ArrayRef<int64_t> is = shapeOf(idx);
  int64_t k = is.back();
  SmallVector<int64_t> dimv;
  for (int64_t i = 0; i < numElements(is); ++i)
    dimv.push_back(dataShape[i % k]);
  return wrapNegative(c, idx, dimv);
}

LogicalResult convertScatterND(NodeContext &c) {
  Value x = c.in(0), idx = c.in(1), upd = c.in(2);
  if (!x || !idx || !upd)
    return c.invalid("expects data, indices, updates");
  int64_t r = rankOf(x), q = rankOf(idx);
  int64_t k = shapeOf(idx).back();
  if (k > r)
    return c.invalid("indices' last dimension exceeds the data rank");
  idx = wrapNegativeND(c, idx, shapeOf(x));
  SmallVector<int64_t> window, inserted;
  for (int64_t i = 0; i < r - k; ++i)
    window.push_back(q - 1 + i);
  for (int64_t i = 0; i < k; ++i)
    inserted.push_back(i);
  auto dn = hlo::ScatterDimensionNumbersAttr::get(c.b.getContext(), window, inserted, {}, {},
                                                  inserted, q - 1);
  auto op = hlo::ScatterOp::create(c.b, c.loc, TypeRange{x.getType()}, ValueRange{x}, idx,
                                   ValueRange{upd}, dn, c.b.getBoolAttr(false),
                                   c.b.getBoolAttr(false));
  if (failed(scatterBody(c, op, elemType(x))))
    return failure();
  c.results.push_back(op.getResult(0));
  return success();
}

LogicalResult convertGatherND(NodeContext &c) {
  Value x = c.in(0), idx = c.in(1);
  if (!x || !idx)
    return c.invalid("expects data and indices");
  int64_t r = rankOf(x), q = rankOf(idx);
  int64_t k = shapeOf(idx).back(), batch = c.getInt("batch_dims", 0);
  if (batch < 0 || batch >= q || batch + k > r ||
      shapeOf(x).take_front(batch) != shapeOf(idx).take_front(batch))
    return c.invalid("batch_dims and the indices' last dimension do not fit the data");
  // The leading `batch` dims of data and indices are batching dims of the gather.
  idx = wrapNegativeND(c, idx, shapeOf(x).drop_front(batch));
  SmallVector<int64_t> offset, batching, collapsed, sizes(batch, 1),
      outShape(shapeOf(idx).drop_back());
  for (int64_t i = 0; i < batch; ++i)
    batching.push_back(i);
  for (int64_t i = batch; i < batch + k; ++i) {
    collapsed.push_back(i);
    sizes.push_back(1);
  }
  for (int64_t i = batch + k; i < r; ++i) {
    offset.push_back(q - 1 + i - batch - k);
    sizes.push_back(shapeOf(x)[i]);
    outShape.push_back(shapeOf(x)[i]);
  }
  auto dn = hlo::GatherDimensionNumbersAttr::get(c.b.getContext(), offset, collapsed,
                                                 batching, batching, collapsed, q - 1);
  c.results.push_back(hlo::GatherOp::create(c.b, c.loc,
                                            RankedTensorType::get(outShape, elemType(x)), x, idx,
                                            dn, c.b.getDenseI64ArrayAttr(sizes), false));
  return success();
}

LogicalResult convertTopK(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  int64_t k;
  if (c.opset < 10) {
    k = c.getInt("k", 0);
  } else {
    auto kv = c.constIntInput(1, "K");
    if (failed(kv))
      return failure();
    if (kv->size() != 1)
      return c.invalid("K must hold one value");
    k = (*kv)[0];
  }
  int64_t axis = normAxis(c.getInt("axis", -1), r);
  if (axis < 0 || k < 0 || k > shapeOf(x)[axis])
    return c.invalid("bad axis or K");
  bool largest = c.getInt("largest", 1);
  auto itype = RankedTensorType::get(shapeOf(x), c.b.getI64Type());
  Value iota = hlo::IotaOp::create(c.b, c.loc, itype, axis);
  auto sort = hlo::SortOp::create(c.b, c.loc, TypeRange{x.getType(), itype}, ValueRange{x, iota},
                                  c.b.getI64IntegerAttr(axis), c.b.getBoolAttr(true));
  {
    OpBuilder::InsertionGuard g(c.b);
    auto s = RankedTensorType::get({}, elemType(x));
    auto si = RankedTensorType::get({}, c.b.getI64Type());
    Block *blk = c.b.createBlock(&sort.getComparator(), {}, {s, s, si, si},
                                 {c.loc, c.loc, c.loc, c.loc});
    Value cmp = compare(c.b, c.loc,
                        largest ? hlo::ComparisonDirection::GT : hlo::ComparisonDirection::LT,
                        blk->getArgument(0), blk->getArgument(1));
    hlo::ReturnOp::create(c.b, c.loc, ValueRange{cmp});
  }
  SmallVector<int64_t> start(r, 0), limit(shapeOf(x)), strides(r, 1);
  limit[axis] = k;
  c.results.push_back(hlo::SliceOp::create(c.b, c.loc, sort.getResult(0), start, limit, strides));
  c.results.push_back(hlo::SliceOp::create(c.b, c.loc, sort.getResult(1), start, limit, strides));
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerIndexingOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"ScatterElements", 11, M, convertScatterElements, "axis,reduction", ""},
      {"Scatter", 9, 10, convertScatterElements, "axis", ""},
      {"ScatterND", 11, M, convertScatterND, "reduction", ""},
      {"GatherND", 11, M, convertGatherND, "batch_dims", ""},
      {"TopK", 1, M, convertTopK, "axis,k,largest,sorted", "K must be constant"},
  });
}
