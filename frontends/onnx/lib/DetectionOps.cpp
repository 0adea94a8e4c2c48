//===- DetectionOps.cpp - RoiAlign ----------------------------------------===//
//
// RoiAlign with run-time boxes: bilinear sampling is separable, so each box's sample
// rows are gathered (y interpolation as a weighted sum of the two neighbour rows) and
// the x interpolation is a batched product with a per-box [W, samples] weight matrix
// built from one-hot comparisons. Average pooling over each bin's samples follows.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

struct Axis {
  Value low, high;      // [R, S] i64 neighbour indices
  Value wLow, wHigh;    // [R, S] weights (0 where the sample lies outside)
};

/// Sample positions start + bin * (p + (i + 0.5) / grid) along one axis of `size`
/// pixels for every box ([R, 1] start and bin), with the ONNX/ORT border rules.
Axis sampleAxis(OpBuilder &b, Location loc, Value start, Value bin, int64_t pooled,
                int64_t grid, int64_t size) {
  Type elem = elemType(start);
  int64_t r = shapeOf(start)[0], s = pooled * grid;
  auto type = RankedTensorType::get({r, s}, elem);
  SmallVector<Attribute> offs;
  for (int64_t p = 0; p < pooled; ++p)
    for (int64_t i = 0; i < grid; ++i)
      offs.push_back(FloatAttr::get(elem, (double)p + ((double)i + 0.5) / (double)grid));
  Value off = hlo::ConstantOp::create(
      b, loc, DenseElementsAttr::get(RankedTensorType::get({1, s}, elem), offs));
  auto bc = [&](Value v) { return broadcastTo(b, loc, v, {r, s}); };
  auto k = [&](double v) { return splat(b, loc, type, v); };
  Value pos = hlo::AddOp::create(b, loc, bc(start), hlo::MulOp::create(b, loc, bc(bin), bc(off)));
  // Samples beyond one pixel outside the image contribute nothing.
  Value inside = hlo::AndOp::create(
      b, loc, compare(b, loc, hlo::ComparisonDirection::GE, pos, k(-1)),
      compare(b, loc, hlo::ComparisonDirection::LE, pos, k((double)size)));
  Value p = hlo::MaxOp::create(b, loc, pos, k(0));
  Value fl = hlo::FloorOp::create(b, loc, p);
  Value atEdge = compare(b, loc, hlo::ComparisonDirection::GE, fl, k((double)size - 1));
  Value low = hlo::SelectOp::create(b, loc, atEdge, k((double)size - 1), fl);
  Value high = hlo::SelectOp::create(b, loc, atEdge, k((double)size - 1),
                                     hlo::AddOp::create(b, loc, fl, k(1)));
  Value frac = hlo::SelectOp::create(b, loc, atEdge, k(0), hlo::SubtractOp::create(b, loc, p, fl));
  Value valid = hlo::ConvertOp::create(b, loc, type, inside);
  Axis a;
  a.low = convert(b, loc, low, b.getI64Type());
  a.high = convert(b, loc, high, b.getI64Type());
  a.wLow = hlo::MulOp::create(b, loc, hlo::SubtractOp::create(b, loc, k(1), frac), valid);
  a.wHigh = hlo::MulOp::create(b, loc, frac, valid);
  return a;
}

/// X[batch[r], :, rows[r, s], :] as [R, C, S, W].
Value gatherRows(OpBuilder &b, Location loc, Value x, Value batch, Value rows) {
  int64_t r = shapeOf(rows)[0], s = shapeOf(rows)[1];
  int64_t c = shapeOf(x)[1], w = shapeOf(x)[3];
  auto i64 = [&](ArrayRef<int64_t> shape) { return RankedTensorType::get(shape, b.getI64Type()); };
  Value bIdx = hlo::BroadcastInDimOp::create(b, loc, i64({r, s, 1}), batch,
                                             SmallVector<int64_t>{0});
  Value idx = hlo::ConcatenateOp::create(
      b, loc, ValueRange{bIdx, reshape(b, loc, rows, {r, s, 1})}, 2);
  auto dn = hlo::GatherDimensionNumbersAttr::get(b.getContext(), {1, 3}, {0, 2}, {}, {},
                                                 {0, 2}, 2);
  return hlo::GatherOp::create(b, loc, RankedTensorType::get({r, c, s, w}, elemType(x)), x,
                               idx, dn, b.getDenseI64ArrayAttr({1, c, 1, w}), false);
}

/// The [R, W, S] matrix interpolating W pixels at the S sample columns of each box.
Value columnWeights(OpBuilder &b, Location loc, const Axis &a, int64_t width) {
  int64_t r = shapeOf(a.low)[0], s = shapeOf(a.low)[1];
  auto type = RankedTensorType::get({r, width, s}, elemType(a.wLow));
  auto i64 = RankedTensorType::get({r, width, s}, b.getI64Type());
  Value col = hlo::IotaOp::create(b, loc, i64, 1);
  auto spread = [&](Value v, Type t) {
    return hlo::BroadcastInDimOp::create(b, loc, cast<RankedTensorType>(t), v,
                                         SmallVector<int64_t>{0, 2});
  };
  auto term = [&](Value idx, Value wt) {
    Value hit = compare(b, loc, hlo::ComparisonDirection::EQ, col, spread(idx, i64));
    return hlo::SelectOp::create(b, loc, hit, spread(wt, type), splat(b, loc, type, 0));
  };
  return hlo::AddOp::create(b, loc, term(a.low, a.wLow), term(a.high, a.wHigh));
}

LogicalResult convertRoiAlign(NodeContext &c) {
  Value x = c.in(0), rois = c.in(1), batch = c.in(2);
  if (!x || !rois || !batch || rankOf(x) != 4 || rankOf(rois) != 2 || shapeOf(rois)[1] != 4)
    return c.invalid("expects X [N, C, H, W], rois [R, 4] and batch_indices [R]");
  if (c.getString("mode", "avg") != "avg")
    return c.unsupported("mode='max'");
  int64_t ratio = c.getInt("sampling_ratio", 0);
  if (ratio <= 0)
    return c.unsupported("sampling_ratio 0 (an adaptive grid depends on run-time boxes)");
  // Opset 10 has no attribute and behaves as output_half_pixel.
  std::string mode = c.getString("coordinate_transformation_mode",
                                 c.opset < 16 ? "output_half_pixel" : "half_pixel");
  if (mode != "half_pixel" && mode != "output_half_pixel")
    return c.invalid("coordinate_transformation_mode '" + mode + "'");
  int64_t oh = c.getInt("output_height", 1), ow = c.getInt("output_width", 1);
  int64_t h = shapeOf(x)[2], w = shapeOf(x)[3], ch = shapeOf(x)[1], r = shapeOf(rois)[0];
  Type elem = elemType(x);
  OpBuilder &b = c.b;
  Location loc = c.loc;
  rois = convert(b, loc, rois, elem);
  auto col = [&](int64_t i) {
    Value s = hlo::SliceOp::create(b, loc, rois, SmallVector<int64_t>{0, i},
                                   SmallVector<int64_t>{r, i + 1}, SmallVector<int64_t>{1, 1});
    auto t = RankedTensorType::get({r, 1}, elem);
    Value scaled = hlo::MulOp::create(b, loc, s, splat(b, loc, t, c.getFloat("spatial_scale", 1)));
    return Value(hlo::SubtractOp::create(b, loc, scaled,
                                         splat(b, loc, t, mode == "half_pixel" ? 0.5 : 0)));
  };
  auto binSize = [&](Value start, Value end, int64_t pooled) {
    auto t = RankedTensorType::get({r, 1}, elem);
    Value len = hlo::SubtractOp::create(b, loc, end, start);
    // The legacy mode makes boxes at least one pixel wide.
    if (mode == "output_half_pixel")
      len = hlo::MaxOp::create(b, loc, len, splat(b, loc, t, 1));
    return Value(hlo::DivOp::create(b, loc, len, splat(b, loc, t, (double)pooled)));
  };
  Value x1 = col(0), y1 = col(1), x2 = col(2), y2 = col(3);
  Axis ay = sampleAxis(b, loc, y1, binSize(y1, y2, oh), oh, ratio, h);
  Axis ax = sampleAxis(b, loc, x1, binSize(x1, x2, ow), ow, ratio, w);
  Value bIdx = convert(b, loc, batch, b.getI64Type());
  int64_t sh = oh * ratio, sw = ow * ratio;
  auto rowsType = RankedTensorType::get({r, ch, sh, w}, elem);
  auto wy = [&](Value v) {
    return hlo::BroadcastInDimOp::create(b, loc, rowsType, v, SmallVector<int64_t>{0, 2});
  };
  Value rows = hlo::AddOp::create(
      b, loc, hlo::MulOp::create(b, loc, gatherRows(b, loc, x, bIdx, ay.low), wy(ay.wLow)),
      hlo::MulOp::create(b, loc, gatherRows(b, loc, x, bIdx, ay.high), wy(ay.wHigh)));
  // [R, C*S_h, W] x [R, W, S_w] -> [R, C*S_h, S_w].
  Value lhs = reshape(b, loc, rows, {r, ch * sh, w});
  auto dn = hlo::DotDimensionNumbersAttr::get(b.getContext(), {0}, {0}, {2}, {1});
  Value samples = hlo::DotGeneralOp::create(
      b, loc, RankedTensorType::get({r, ch * sh, sw}, elem), lhs,
      columnWeights(b, loc, ax, w), dn, nullptr, nullptr);
  Value grid = reshape(b, loc, samples, {r, ch, oh, ratio, ow, ratio});
  Value sum = reduce(b, loc, grid, {3, 5}, ReduceKind::Sum, false);
  auto outType = RankedTensorType::get({r, ch, oh, ow}, elem);
  c.results.push_back(hlo::DivOp::create(b, loc, sum,
                                         splat(b, loc, outType, (double)(ratio * ratio))));
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerDetectionOps(Registry &r) {
  r.insert(r.end(), {
      {"RoiAlign", 10, kMaxOpset, convertRoiAlign,
       "coordinate_transformation_mode,mode,output_height,output_width,sampling_ratio,"
       "spatial_scale",
       "mode=avg; sampling_ratio > 0"},
  });
}
