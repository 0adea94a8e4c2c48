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
  /// tf_crop_and_resize: output positions whose source lies outside the input.
  SmallVector<bool> outside;               // [out]
};

struct ResizeParams {
  std::string mode, coord, nearest;
  double cubicA = -0.75;
  bool excludeOutside = false;
  /// tf_crop_and_resize: the region of interest per axis (starts..., ends...).
  std::vector<double> roi;
  double extrapolation = 0;
};

double sourceCoord(const ResizeParams &p, int64_t axis, int64_t x, double scale, int64_t in,
                   int64_t out, double outLen) {
  if (p.coord == "tf_crop_and_resize") {
    int64_t rank = p.roi.size() / 2;
    double start = p.roi[axis], end = p.roi[rank + axis];
    return out > 1 ? start * (in - 1) + x * (end - start) * (in - 1) / (out - 1)
                   : 0.5 * (start + end) * (in - 1);
  }
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

Taps computeTaps(const ResizeParams &p, int64_t axis, int64_t in, int64_t out, double scale,
                 double outLen) {
  Taps t;
  t.outside.assign(out, false);
  t.count = p.mode == "nearest" ? 1 : p.mode == "linear" ? 2 : 4;
  t.index.assign(t.count, std::vector<int64_t>(out));
  t.weight.assign(t.count, std::vector<double>(out));
  auto clampIdx = [&](int64_t i) { return std::clamp<int64_t>(i, 0, in - 1); };
  for (int64_t o = 0; o < out; ++o) {
    double x = sourceCoord(p, axis, o, scale, in, out, outLen);
    t.outside[o] = x < 0 || x > in - 1;
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
  // The gathered (batch) dim lands at `axis` when the offset dims are all the others.
  SmallVector<int64_t> offsetDims, sliceSizes(xs), outShape;
  for (int64_t i = 0; i < r; ++i) {
    outShape.push_back(i == axis ? n : xs[i]);
    if (i != axis)
      offsetDims.push_back(i);
  }
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

/// `acc` (or nothing) or'ed with the outside-mask of `axis`, as a tensor of `shape`.
Value orOutside(NodeContext &c, Value acc, ArrayRef<bool> outside, int64_t axis,
                ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(shape, c.b.getI1Type());
  auto line = DenseElementsAttr::get(
      RankedTensorType::get({(int64_t)outside.size()}, c.b.getI1Type()), outside);
  Value mask = hlo::BroadcastInDimOp::create(c.b, c.loc, type, attrConst(c.b, c.loc, line),
                                             SmallVector<int64_t>{axis});
  return acc ? Value(hlo::OrOp::create(c.b, c.loc, acc, mask)) : mask;
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
  bool crop = p.coord == "tf_crop_and_resize";
  if (crop && (int64_t)p.roi.size() != 2 * r)
    return c.invalid("roi must hold 2 * rank values");
  Value y = x, outside;
  for (int64_t i = 0; i < r; ++i) {
    bool fullRoi = !crop || (p.roi[i] == 0 && p.roi[r + i] == 1);
    if (sizes[i] == xs[i] && scales[i] == 1.0 && fullRoi)
      continue;
    if (sizes[i] <= 0)
      return c.invalid("empty output");
    Taps taps = computeTaps(p, i, xs[i], sizes[i], scales[i],
                            fromScales ? xs[i] * scales[i] : (double)sizes[i]);
    y = resampleAxis(c, y, i, taps);
    if (crop)
      outside = orOutside(c, outside, taps.outside, i, sizes);
  }
  // Positions sampled outside the input take extrapolation_value.
  if (outside)
    y = hlo::SelectOp::create(c.b, c.loc, outside,
                              splat(c.b, c.loc, tensorType(y), p.extrapolation), y);
  c.results.push_back(y);
  return success();
}

std::optional<SmallVector<double>> floatValues(DenseElementsAttr a) {
  if (!isa<FloatType>(a.getElementType()))
    return std::nullopt;
  SmallVector<double> out;
  for (const APFloat &f : a.getValues<APFloat>())
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
  if (p.coord == "tf_crop_and_resize") {
    auto roi = c.constInput(1, "roi");
    if (failed(roi))
      return failure();
    auto values = floatValues(*roi);
    if (!values)
      return c.invalid("roi must be a float tensor");
    p.roi.assign(values->begin(), values->end());
    p.extrapolation = c.getFloat("extrapolation_value", 0.0f);
  }
  if (c.getInt("antialias", 0))
    return c.unsupported("antialias=1");
  if (c.has("axes") || c.has("keep_aspect_ratio_policy"))
    return c.unsupported("axes / keep_aspect_ratio_policy");
  Value scalesV = c.opset < 11 ? c.in(1) : c.in(2);
  Value sizesV = c.opset < 11 ? Value() : c.in(3);
  SmallVector<double> scales;
  SmallVector<int64_t> sizes;
  if (sizesV && numElements(shapeOf(sizesV)) > 0) {
    auto s = c.constIntInput(3, "sizes");
    if (failed(s))
      return failure();
    sizes = *s;
  } else if (scalesV) {
    auto attr = c.constInput(c.opset < 11 ? 1 : 2, "scales");
    if (failed(attr))
      return failure();
    auto s = floatValues(*attr);
    if (!s)
      return c.invalid("scales must be a float tensor");
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
    auto attr = c.constInput(1, "scales");
    if (failed(attr))
      return failure();
    auto s = floatValues(*attr);
    if (!s)
      return c.invalid("scales must be a float tensor");
    scales = *s;
  }
  return resize(c, c.in(0), scales, {}, p);
}

/// GridSample (4-D): per output location, the taps (n, y, x) are gathered from X as
/// [N, Ho, Wo, C] slices, weighted and summed, then transposed to [N, C, Ho, Wo].
/// Padding follows PyTorch's grid_sample: bilinear/nearest pad the source coordinate,
/// bicubic pads each tap index; taps outside the input contribute zero.
LogicalResult convertGridSample(NodeContext &c) {
  Value x = c.in(0), grid = c.in(1);
  if (!x || !grid || rankOf(x) != 4 || rankOf(grid) != 4 || shapeOf(grid)[3] != 2)
    return c.unsupported("inputs other than X [N,C,H,W] and grid [N,Ho,Wo,2]");
  std::string mode = c.getString("mode", "bilinear");
  std::string pad = c.getString("padding_mode", "zeros");
  bool align = c.getInt("align_corners", 0);
  if (mode != "bilinear" && mode != "nearest" && mode != "bicubic")
    return c.unsupported("mode='" + mode + "'");
  if (pad != "zeros" && pad != "border" && pad != "reflection")
    return c.unsupported("padding_mode='" + pad + "'");
  Type ft = elemType(x);
  if (elemType(grid) != ft)
    return c.invalid("grid element type differs from X");
  int64_t n = shapeOf(x)[0], ch = shapeOf(x)[1], h = shapeOf(x)[2], w = shapeOf(x)[3];
  int64_t ho = shapeOf(grid)[1], wo = shapeOf(grid)[2];
  auto ftype = RankedTensorType::get({n, ho, wo}, ft);
  auto itype = RankedTensorType::get({n, ho, wo}, c.b.getI64Type());
  auto cst = [&](double v) { return splat(c.b, c.loc, ftype, v); };
  auto icst = [&](double v) { return splat(c.b, c.loc, itype, v); };
  auto add = [&](Value a, Value b) { return Value(hlo::AddOp::create(c.b, c.loc, a, b)); };
  auto sub = [&](Value a, Value b) { return Value(hlo::SubtractOp::create(c.b, c.loc, a, b)); };
  auto mul = [&](Value a, Value b) { return Value(hlo::MulOp::create(c.b, c.loc, a, b)); };
  auto clip = [&](Value v, int64_t size) {
    return Value(hlo::MinOp::create(c.b, c.loc, hlo::MaxOp::create(c.b, c.loc, v, cst(0)),
                                    cst(size - 1)));
  };
  auto reflect = [&](Value v, int64_t size) {
    double lo2 = align ? 0 : -1, hi2 = align ? 2.0 * (size - 1) : 2.0 * size - 1;
    if (lo2 == hi2)
      return cst(0);
    double mn = lo2 / 2, span = (hi2 - lo2) / 2;
    Value a = hlo::AbsOp::create(c.b, c.loc, sub(v, cst(mn)));
    Value flips = hlo::FloorOp::create(c.b, c.loc, ftype,
                                       hlo::DivOp::create(c.b, c.loc, a, cst(span)));
    Value extra = sub(a, mul(flips, cst(span)));
    Value even = compare(c.b, c.loc, hlo::ComparisonDirection::EQ,
                         hlo::RemOp::create(c.b, c.loc, flips, cst(2)), cst(0));
    Value r = hlo::SelectOp::create(c.b, c.loc, even, add(extra, cst(mn)),
                                    add(sub(cst(span), extra), cst(mn)));
    return align ? r : clip(r, size);
  };
  auto padCoord = [&](Value v, int64_t size) {
    if (pad == "border")
      return clip(v, size);
    if (pad == "reflection")
      return reflect(v, size);
    return v;
  };
  auto comp = [&](int64_t k, int64_t size) {
    SmallVector<int64_t> start{0, 0, 0, k}, limit{n, ho, wo, k + 1}, strides(4, 1);
    Value g = reshape(c.b, c.loc,
                      hlo::SliceOp::create(c.b, c.loc, grid, start, limit, strides),
                      {n, ho, wo});
    // Unnormalize from [-1, 1].
    Value v = add(g, cst(1));
    if (align)
      return mul(v, cst((size - 1) / 2.0));
    return Value(hlo::DivOp::create(c.b, c.loc, sub(mul(v, cst(size)), cst(1)), cst(2)));
  };
  Value gx = comp(0, w), gy = comp(1, h);
  struct Tap { Value yi, xi, weight; };
  SmallVector<Tap> taps;
  auto toInt = [&](Value v) { return Value(hlo::ConvertOp::create(c.b, c.loc, itype, v)); };
  if (mode == "nearest") {
    gx = padCoord(gx, w);
    gy = padCoord(gy, h);
    taps.push_back({toInt(hlo::RoundNearestEvenOp::create(c.b, c.loc, ftype, gy)),
                    toInt(hlo::RoundNearestEvenOp::create(c.b, c.loc, ftype, gx)), cst(1)});
  } else if (mode == "bilinear") {
    gx = padCoord(gx, w);
    gy = padCoord(gy, h);
    Value x0 = hlo::FloorOp::create(c.b, c.loc, ftype, gx);
    Value y0 = hlo::FloorOp::create(c.b, c.loc, ftype, gy);
    Value wx1 = sub(gx, x0), wy1 = sub(gy, y0);
    Value wx0 = sub(cst(1), wx1), wy0 = sub(cst(1), wy1);
    Value xi0 = toInt(x0), yi0 = toInt(y0);
    Value xi1 = add(xi0, icst(1)), yi1 = add(yi0, icst(1));
    taps.push_back({yi0, xi0, mul(wy0, wx0)});
    taps.push_back({yi0, xi1, mul(wy0, wx1)});
    taps.push_back({yi1, xi0, mul(wy1, wx0)});
    taps.push_back({yi1, xi1, mul(wy1, wx1)});
  } else {
    // Bicubic (A = -0.75) over 4x4 taps; each tap index is padded.
    const double A = -0.75;
    auto coeffs = [&](Value t) {
      auto far = [&](Value d) { // ((A*d - 5A)*d + 8A)*d - 4A
        Value r = sub(mul(cst(A), d), cst(5 * A));
        r = add(mul(r, d), cst(8 * A));
        return sub(mul(r, d), cst(4 * A));
      };
      auto near = [&](Value d) { // ((A+2)*d - (A+3))*d*d + 1
        Value r = sub(mul(cst(A + 2), d), cst(A + 3));
        return add(mul(mul(r, d), d), cst(1));
      };
      Value one = cst(1);
      return SmallVector<Value>{far(add(t, one)), near(t), near(sub(one, t)),
                                far(sub(cst(2), t))};
    };
    Value x0 = hlo::FloorOp::create(c.b, c.loc, ftype, gx);
    Value y0 = hlo::FloorOp::create(c.b, c.loc, ftype, gy);
    auto cx = coeffs(sub(gx, x0)), cy = coeffs(sub(gy, y0));
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) {
        Value yi = toInt(padCoord(add(y0, cst(i - 1)), h));
        Value xi = toInt(padCoord(add(x0, cst(j - 1)), w));
        taps.push_back({yi, xi, mul(cy[i], cx[j])});
      }
  }
  auto oneType = RankedTensorType::get({n, ho, wo, 1}, c.b.getI64Type());
  Value nIdx = hlo::IotaOp::create(c.b, c.loc, oneType, 0);
  auto dn = hlo::GatherDimensionNumbersAttr::get(c.b.getContext(), {3}, {0, 2, 3}, {}, {},
                                                 {0, 2, 3}, 3);
  auto gtype = RankedTensorType::get({n, ho, wo, ch}, ft);
  Value acc;
  for (const Tap &t : taps) {
    auto inRange = [&](Value i, int64_t size) {
      Value ge = compare(c.b, c.loc, hlo::ComparisonDirection::GE, i, icst(0));
      Value lt = compare(c.b, c.loc, hlo::ComparisonDirection::LT, i, icst(size));
      return Value(hlo::AndOp::create(c.b, c.loc, ge, lt));
    };
    Value valid = hlo::AndOp::create(c.b, c.loc, inRange(t.yi, h), inRange(t.xi, w));
    auto clampI = [&](Value i, int64_t size) {
      return Value(hlo::MinOp::create(c.b, c.loc, hlo::MaxOp::create(c.b, c.loc, i, icst(0)),
                                      icst(size - 1)));
    };
    Value idx = hlo::ConcatenateOp::create(
        c.b, c.loc,
        ValueRange{nIdx, reshape(c.b, c.loc, clampI(t.yi, h), {n, ho, wo, 1}),
                   reshape(c.b, c.loc, clampI(t.xi, w), {n, ho, wo, 1})},
        3);
    Value g = hlo::GatherOp::create(c.b, c.loc, gtype, x, idx, dn,
                                    c.b.getDenseI64ArrayAttr({1, ch, 1, 1}), false);
    Value wv = hlo::SelectOp::create(c.b, c.loc, valid, t.weight, cst(0));
    wv = hlo::BroadcastInDimOp::create(c.b, c.loc, gtype, wv, SmallVector<int64_t>{0, 1, 2});
    g = hlo::MulOp::create(c.b, c.loc, g, wv);
    acc = acc ? Value(hlo::AddOp::create(c.b, c.loc, acc, g)) : g;
  }
  c.results.push_back(
      hlo::TransposeOp::create(c.b, c.loc, acc, SmallVector<int64_t>{0, 3, 1, 2}));
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerResizeOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"Resize", 10, M, convertResize,
       "antialias,axes,coordinate_transformation_mode,cubic_coeff_a,exclude_outside,"
       "extrapolation_value,keep_aspect_ratio_policy,mode,nearest_mode",
       "nearest/linear/cubic; scales, sizes and roi constant or specialized; no antialias, axes"},
      {"Upsample", 7, 9, convertUpsample, "mode,scales", "nearest/linear"},
      {"GridSample", 16, M, convertGridSample, "align_corners,mode,padding_mode",
       "4-D; PyTorch grid_sample semantics"},
  });
}
