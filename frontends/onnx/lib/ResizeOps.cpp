//===- ResizeOps.cpp - Resize and Upsample --------------------------------===//
//
// Resizing is separable: for each resized axis the host computes, per output
// position, a few taps (input index, weight); the axis is then resampled as
// sum_k gather(x, index_k) * weight_k. Nearest has one tap, linear two, cubic four.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

#include <cmath>

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

struct Taps {
  int64_t count = 0;
  std::vector<std::vector<int64_t>> index; // [tap][out]
  std::vector<std::vector<double>> weight; // [tap][out]
};

struct ResizeParams {
  std::string mode, coord, nearest;
  double cubicA = -0.75;
  bool excludeOutside = false;
};

double sourceCoord(const ResizeParams &p, int64_t x, double scale, int64_t in, int64_t out,
                   double outLen) {
  if (p.coord == "half_pixel")
    return (x + 0.5) / scale - 0.5;
  if (p.coord == "pytorch_half_pixel")
    return out > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
  if (p.coord == "align_corners")
    return outLen == 1 ? 0.0 : x * (double)(in - 1) / (outLen - 1);
  if (p.coord == "asymmetric")
    return x / scale;
  if (p.coord == "tf_half_pixel_for_nn")
    return (x + 0.5) / scale;
  if (p.coord == "half_pixel_symmetric") {
    double adj = out / (scale * in);
    double center = in / 2.0;
    double offset = center * (1 - adj);
    return offset + (x + 0.5) / scale - 0.5;
  }
  return 0;
}

int64_t nearestIndex(const ResizeParams &p, double x) {
  double f = std::floor(x);
  bool half = std::fabs(x - f - 0.5) < 1e-9;
  if (p.nearest == "floor")
    return (int64_t)f;
  if (p.nearest == "ceil")
    return (int64_t)std::ceil(x);
  if (p.nearest == "round_prefer_ceil")
    return half ? (int64_t)f + 1 : (int64_t)std::round(x);
  // round_prefer_floor
  return half ? (int64_t)f : (int64_t)std::round(x);
}

Taps computeTaps(const ResizeParams &p, int64_t in, int64_t out, double scale,
                 double outLen) {
  Taps t;
  t.count = p.mode == "nearest" ? 1 : p.mode == "linear" ? 2 : 4;
  t.index.assign(t.count, std::vector<int64_t>(out));
  t.weight.assign(t.count, std::vector<double>(out));
  auto clampIdx = [&](int64_t i) { return std::clamp<int64_t>(i, 0, in - 1); };
  for (int64_t o = 0; o < out; ++o) {
    double x = sourceCoord(p, o, scale, in, out, outLen);
    if (p.mode == "nearest") {
      t.index[0][o] = clampIdx(nearestIndex(p, x));
      t.weight[0][o] = 1;
    } else if (p.mode == "linear") {
      if (p.coord != "tf_crop_and_resize")
        x = std::clamp(x, 0.0, (double)(in - 1));
      int64_t i0 = (int64_t)std::floor(x);
      double r = x - i0;
      t.index[0][o] = clampIdx(i0);
      t.index[1][o] = clampIdx(i0 + 1);
      t.weight[0][o] = 1 - r;
      t.weight[1][o] = r;
    } else {
      int64_t i0 = (int64_t)std::floor(x);
      double s = x - i0, a = p.cubicA;
      double w[4];
      auto far = [&](double d) { return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a; };
      auto near = [&](double d) { return ((a + 2) * d - (a + 3)) * d * d + 1; };
      w[0] = far(s + 1);
      w[1] = near(s);
      w[2] = near(1 - s);
      w[3] = far(2 - s);
      double total = 0;
      for (int k = 0; k < 4; ++k) {
        int64_t idx = i0 - 1 + k;
        if (p.excludeOutside && (idx < 0 || idx >= in))
          w[k] = 0;
        total += w[k];
      }
      for (int k = 0; k < 4; ++k) {
        t.index[k][o] = clampIdx(i0 - 1 + k);
        t.weight[k][o] = p.excludeOutside && total != 0 ? w[k] / total : w[k];
      }
    }
  }
  return t;
}

Value gatherAxis(NodeContext &c, Value x, int64_t axis, ArrayRef<int64_t> idx) {
  int64_t r = rankOf(x);
  ArrayRef<int64_t> xs = shapeOf(x);
  int64_t n = idx.size();
  Value starts = intConst(c.b, c.loc, {n, 1}, idx, c.b.getI64Type());
  SmallVector<int64_t> offsetDims, sliceSizes(xs), outShape;
  for (int64_t i = 0; i < r; ++i) {
    outShape.push_back(i == axis ? n : xs[i]);
    if (i != axis)
      offsetDims.push_back(i < axis ? i : i);
  }
  // Output dims: batch dim (the gathered one) lands at `axis` when the offset dims
  // are all others.
  offsetDims.clear();
  for (int64_t i = 0; i < r; ++i)
    if (i != axis)
      offsetDims.push_back(i);
  sliceSizes[axis] = 1;
  auto dn = hlo::GatherDimensionNumbersAttr::get(c.b.getContext(), offsetDims, {axis}, {}, {},
                                                 {axis}, 1);
  return hlo::GatherOp::create(c.b, c.loc, RankedTensorType::get(outShape, elemType(x)), x,
                               starts, dn, c.b.getDenseI64ArrayAttr(sliceSizes), false);
}

Value resampleAxis(NodeContext &c, Value x, int64_t axis, const Taps &t) {
  Value acc;
  for (int64_t k = 0; k < t.count; ++k) {
    Value g = gatherAxis(c, x, axis, t.index[k]);
    if (t.count > 1) {
      int64_t n = t.weight[k].size();
      SmallVector<Attribute> ws;
      for (double w : t.weight[k])
        ws.push_back(FloatAttr::get(elemType(x), w));
      Value wv = attrConst(c.b, c.loc,
                           DenseElementsAttr::get(RankedTensorType::get({n}, elemType(x)), ws));
      wv = hlo::BroadcastInDimOp::create(c.b, c.loc, tensorType(g), wv,
                                         SmallVector<int64_t>{axis});
      g = hlo::MulOp::create(c.b, c.loc, g, wv);
    }
    acc = acc ? Value(hlo::AddOp::create(c.b, c.loc, acc, g)) : g;
  }
  return acc;
}

LogicalResult resize(NodeContext &c, Value x, ArrayRef<double> scalesIn,
                     ArrayRef<int64_t> sizesIn, const ResizeParams &p) {
  int64_t r = rankOf(x);
  if (!isa<FloatType>(elemType(x)))
    return c.unsupported("non-float input");
  SmallVector<double> scales(scalesIn);
  SmallVector<int64_t> sizes(sizesIn);
  ArrayRef<int64_t> xs = shapeOf(x);
  // align_corners uses the unrounded output length in * scale when scales are given.
  bool fromScales = sizes.empty();
  if (!sizes.empty()) {
    if ((int64_t)sizes.size() != r)
      return c.invalid("sizes length differs from the input rank");
    scales.clear();
    for (int64_t i = 0; i < r; ++i)
      scales.push_back((double)sizes[i] / xs[i]);
  } else {
    if ((int64_t)scales.size() != r)
      return c.invalid("scales length differs from the input rank");
    for (int64_t i = 0; i < r; ++i)
      sizes.push_back((int64_t)std::floor(xs[i] * scales[i]));
  }
  Value y = x;
  for (int64_t i = 0; i < r; ++i) {
    if (sizes[i] == xs[i] && scales[i] == 1.0)
      continue;
    if (sizes[i] <= 0)
      return c.invalid("empty output");
    y = resampleAxis(c, y, i,
                     computeTaps(p, xs[i], sizes[i], scales[i],
                                 fromScales ? xs[i] * scales[i] : (double)sizes[i]));
  }
  c.results.push_back(y);
  return success();
}

std::optional<SmallVector<double>> floatValues(Value v) {
  auto a = constValue(v);
  if (!a || !isa<FloatType>(a->getElementType()))
    return std::nullopt;
  SmallVector<double> out;
  for (const APFloat &f : a->getValues<APFloat>())
    out.push_back(f.convertToDouble());
  return out;
}

LogicalResult convertResize(NodeContext &c) {
  Value x = c.in(0);
  ResizeParams p;
  p.mode = c.getString("mode", "nearest");
  p.coord = c.getString("coordinate_transformation_mode", c.opset < 11 ? "asymmetric" : "half_pixel");
  p.nearest = c.getString("nearest_mode", c.opset < 11 ? "floor" : "round_prefer_floor");
  p.cubicA = c.getFloat("cubic_coeff_a", -0.75f);
  p.excludeOutside = c.getInt("exclude_outside", 0);
  if (c.opset < 11)
    p.nearest = "floor";
  if (p.mode != "nearest" && p.mode != "linear" && p.mode != "cubic")
    return c.unsupported("mode='" + p.mode + "'");
  if (p.coord == "tf_crop_and_resize")
    return c.unsupported("coordinate_transformation_mode='tf_crop_and_resize'");
  if (c.getInt("antialias", 0))
    return c.unsupported("antialias=1");
  if (c.has("axes") || c.has("keep_aspect_ratio_policy"))
    return c.unsupported("axes / keep_aspect_ratio_policy");
  Value scalesV = c.opset < 11 ? c.in(1) : c.in(2);
  Value sizesV = c.opset < 11 ? Value() : c.in(3);
  SmallVector<double> scales;
  SmallVector<int64_t> sizes;
  if (sizesV && numElements(shapeOf(sizesV)) > 0) {
    auto s = intValues(sizesV);
    if (!s)
      return c.unsupported("sizes that are not an import-time constant");
    sizes = *s;
  } else if (scalesV) {
    auto s = floatValues(scalesV);
    if (!s)
      return c.unsupported("scales that are not an import-time constant");
    scales = *s;
  } else {
    return c.invalid("neither scales nor sizes");
  }
  return resize(c, x, scales, sizes, p);
}

LogicalResult convertUpsample(NodeContext &c) {
  ResizeParams p;
  p.mode = c.getString("mode", "nearest");
  p.coord = "asymmetric";
  p.nearest = "floor";
  if (p.mode != "nearest" && p.mode != "linear")
    return c.unsupported("mode='" + p.mode + "'");
  SmallVector<double> scales;
  if (c.opset < 9) {
    for (float f : c.getFloats("scales"))
      scales.push_back(f);
  } else {
    auto s = floatValues(c.in(1));
    if (!s)
      return c.unsupported("scales that are not an import-time constant");
    scales = *s;
  }
  return resize(c, c.in(0), scales, {}, p);
}

} // namespace

void mlir::byteir::onnxfe::registerResizeOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"Resize", 10, M, convertResize,
       "antialias,axes,coordinate_transformation_mode,cubic_coeff_a,exclude_outside,"
       "extrapolation_value,keep_aspect_ratio_policy,mode,nearest_mode",
       "nearest/linear/cubic; scales or sizes constant; no tf_crop_and_resize, antialias, axes"},
      {"Upsample", 7, 9, convertUpsample, "mode,scales", "nearest/linear"},
  });
}
