//===- NNOps.cpp - contractions, convolution, pooling, normalization ------===//
#include "Converter.h"

#include <cmath>
#include <limits>
#include <map>

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

Value like(NodeContext &c, Value v, double x) { return splat(c.b, c.loc, tensorType(v), x); }

/// Broadcasts a per-channel vector [C] along dim 1 of `shape`.
Value channelVector(NodeContext &c, Value v, ArrayRef<int64_t> shape) {
  auto type = RankedTensorType::get(shape, elemType(v));
  return hlo::BroadcastInDimOp::create(c.b, c.loc, type, v, SmallVector<int64_t>{1});
}

Value dot(NodeContext &c, Value a, Value d, int64_t batch) {
  // a: B x M x K, d: B x K x N
  SmallVector<int64_t> bd;
  for (int64_t i = 0; i < batch; ++i)
    bd.push_back(i);
  auto dn = hlo::DotDimensionNumbersAttr::get(c.b.getContext(), bd, bd, {batch + 1}, {batch});
  SmallVector<int64_t> shape(shapeOf(a).begin(), shapeOf(a).begin() + batch + 1);
  shape.push_back(shapeOf(d)[batch + 1]);
  return hlo::DotGeneralOp::create(c.b, c.loc, RankedTensorType::get(shape, elemType(a)), a, d,
                                   dn, nullptr, nullptr);
}

LogicalResult convertMatMul(NodeContext &c) {
  Value a = c.in(0), d = c.in(1);
  if (!a || !d)
    return c.invalid("expects two inputs");
  if (elemType(a) != elemType(d))
    return c.invalid("operand element types differ");
  int64_t ra = rankOf(a), rd = rankOf(d);
  if (ra == 0 || rd == 0)
    return c.invalid("scalar operand");
  bool vecA = ra == 1, vecD = rd == 1;
  if (vecA)
    a = reshape(c.b, c.loc, a, {1, shapeOf(a)[0]});
  if (vecD)
    d = reshape(c.b, c.loc, d, {shapeOf(d)[0], 1});
  ArrayRef<int64_t> sa = shapeOf(a), sd = shapeOf(d);
  if (sa.back() != sd[sd.size() - 2])
    return c.invalid("contracting dimensions differ");
  auto batch = broadcastShape(sa.drop_back(2), sd.drop_back(2));
  if (failed(batch))
    return c.invalid("batch dimensions do not broadcast");
  SmallVector<int64_t> ta(*batch), td(*batch);
  ta.append({sa[sa.size() - 2], sa.back()});
  td.append({sd[sd.size() - 2], sd.back()});
  a = broadcastTo(c.b, c.loc, a, ta);
  d = broadcastTo(c.b, c.loc, d, td);
  Value r = dot(c, a, d, batch->size());
  SmallVector<int64_t> out(*batch);
  if (!vecA)
    out.push_back(ta[ta.size() - 2]);
  if (!vecD)
    out.push_back(td.back());
  c.results.push_back(reshape(c.b, c.loc, r, out));
  return success();
}

Value transpose2d(NodeContext &c, Value v) {
  return hlo::TransposeOp::create(c.b, c.loc, v, SmallVector<int64_t>{1, 0});
}

LogicalResult convertGemm(NodeContext &c) {
  Value a = c.in(0), d = c.in(1), bias = c.in(2);
  if (!a || !d || rankOf(a) != 2 || rankOf(d) != 2)
    return c.invalid("A and B must be 2-D");
  if (c.getInt("transA", 0))
    a = transpose2d(c, a);
  if (c.getInt("transB", 0))
    d = transpose2d(c, d);
  if (shapeOf(a)[1] != shapeOf(d)[0])
    return c.invalid("contracting dimensions differ");
  Value r = dot(c, a, d, 0);
  float alpha = c.getFloat("alpha", 1.0f), beta = c.getFloat("beta", 1.0f);
  if (alpha != 1.0f)
    r = hlo::MulOp::create(c.b, c.loc, r, like(c, r, alpha));
  if (bias && beta != 0.0f) {
    auto s = broadcastShape(shapeOf(bias), shapeOf(r));
    if (failed(s) || *s != shapeOf(r))
      return c.invalid("C does not broadcast to the result");
    bias = broadcastTo(c.b, c.loc, bias, shapeOf(r));
    if (beta != 1.0f)
      bias = hlo::MulOp::create(c.b, c.loc, bias, like(c, bias, beta));
    r = hlo::AddOp::create(c.b, c.loc, r, bias);
  }
  c.results.push_back(r);
  return success();
}

struct Window {
  SmallVector<int64_t> kernel, strides, dilations, padLo, padHi, out;
};

/// Resolves kernel/strides/dilations/pads/auto_pad for `spatial` input dims.
LogicalResult window(NodeContext &c, ArrayRef<int64_t> spatial, ArrayRef<int64_t> kernel,
                     bool ceilMode, Window &w) {
  size_t n = spatial.size();
  w.kernel.assign(kernel.begin(), kernel.end());
  w.strides = c.getInts("strides");
  if (w.strides.empty())
    w.strides.assign(n, 1);
  w.dilations = c.getInts("dilations");
  if (w.dilations.empty())
    w.dilations.assign(n, 1);
  SmallVector<int64_t> pads = c.getInts("pads");
  if (pads.empty())
    pads.assign(2 * n, 0);
  if (w.kernel.size() != n || w.strides.size() != n || w.dilations.size() != n ||
      pads.size() != 2 * n)
    return c.invalid("kernel_shape/strides/dilations/pads do not match the spatial rank");
  std::string autoPad = c.getString("auto_pad", "NOTSET");
  for (size_t i = 0; i < n; ++i) {
    int64_t eff = w.dilations[i] * (w.kernel[i] - 1) + 1;
    int64_t lo = pads[i], hi = pads[i + n];
    if (autoPad == "VALID") {
      lo = hi = 0;
    } else if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      int64_t out = (spatial[i] + w.strides[i] - 1) / w.strides[i];
      int64_t total = std::max<int64_t>(0, (out - 1) * w.strides[i] + eff - spatial[i]);
      lo = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
      hi = total - lo;
    } else if (autoPad != "NOTSET") {
      return c.unsupported("auto_pad='" + autoPad + "'");
    }
    int64_t span = spatial[i] + lo + hi - eff;
    if (span < 0)
      return c.invalid("window larger than the padded input");
    int64_t out = ceilMode ? (span + w.strides[i] - 1) / w.strides[i] + 1
                           : span / w.strides[i] + 1;
    if (ceilMode && (out - 1) * w.strides[i] >= spatial[i] + lo)
      --out; // the last window must start inside the input or the low padding
    // Extra high padding so that the windowed op yields `out` elements.
    int64_t needHi = (out - 1) * w.strides[i] + eff - spatial[i] - lo;
    w.padLo.push_back(lo);
    w.padHi.push_back(std::max(hi, needHi));
    w.out.push_back(out);
  }
  return success();
}

DenseIntElementsAttr padAttr(OpBuilder &b, ArrayRef<int64_t> lo, ArrayRef<int64_t> hi,
                             size_t lead) {
  SmallVector<int64_t> flat;
  for (size_t i = 0; i < lead; ++i)
    flat.append({0, 0});
  for (size_t i = 0; i < lo.size(); ++i)
    flat.append({lo[i], hi[i]});
  auto type = RankedTensorType::get({(int64_t)(flat.size() / 2), 2}, b.getI64Type());
  return DenseIntElementsAttr::get(type, flat);
}

LogicalResult convertConv(NodeContext &c) {
  Value x = c.in(0), w = c.in(1), bias = c.in(2);
  if (!x || !w)
    return c.invalid("expects X and W");
  int64_t r = rankOf(x);
  if (r < 3 || rankOf(w) != r)
    return c.invalid("X and W must have the same rank >= 3");
  int64_t group = c.getInt("group", 1);
  ArrayRef<int64_t> xs = shapeOf(x), ws = shapeOf(w);
  SmallVector<int64_t> kernel = c.getInts("kernel_shape");
  if (kernel.empty())
    kernel.assign(ws.begin() + 2, ws.end());
  if (xs[1] != ws[1] * group)
    return c.invalid("channels do not match W and group");
  Window win;
  if (failed(window(c, xs.drop_front(2), kernel, false, win)))
    return failure();
  SmallVector<int64_t> spatialDims;
  for (int64_t i = 2; i < r; ++i)
    spatialDims.push_back(i);
  auto dn = hlo::ConvDimensionNumbersAttr::get(c.b.getContext(), 0, 1, spatialDims, 1, 0,
                                               spatialDims, 0, 1, spatialDims);
  SmallVector<int64_t> outShape{xs[0], ws[0]};
  outShape.append(win.out.begin(), win.out.end());
  auto type = RankedTensorType::get(outShape, elemType(x));
  SmallVector<int64_t> ones(r - 2, 1);
  Value y = hlo::ConvolutionOp::create(
      c.b, c.loc, type, x, w, c.b.getDenseI64ArrayAttr(win.strides),
      padAttr(c.b, win.padLo, win.padHi, 0), c.b.getDenseI64ArrayAttr(ones),
      c.b.getDenseI64ArrayAttr(win.dilations), nullptr, dn, c.b.getI64IntegerAttr(group),
      c.b.getI64IntegerAttr(1), nullptr);
  if (bias)
    y = hlo::AddOp::create(c.b, c.loc, y, channelVector(c, bias, outShape));
  c.results.push_back(y);
  return success();
}

LogicalResult convertConvTranspose(NodeContext &c) {
  Value x = c.in(0), w = c.in(1), bias = c.in(2);
  if (!x || !w)
    return c.invalid("expects X and W");
  int64_t r = rankOf(x);
  if (r < 3 || rankOf(w) != r)
    return c.invalid("X and W must have the same rank >= 3");
  if (c.getInt("group", 1) != 1)
    return c.unsupported("group != 1");
  std::string autoPad = c.getString("auto_pad", "NOTSET");
  if (autoPad != "NOTSET" && autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER" &&
      autoPad != "VALID")
    return c.unsupported("auto_pad='" + autoPad + "'");
  ArrayRef<int64_t> xs = shapeOf(x), ws = shapeOf(w);
  size_t n = r - 2;
  SmallVector<int64_t> kernel(ws.begin() + 2, ws.end());
  SmallVector<int64_t> strides = c.getInts("strides"), dil = c.getInts("dilations"),
                       pads = c.getInts("pads"), outPad = c.getInts("output_padding");
  if (strides.empty()) strides.assign(n, 1);
  if (dil.empty()) dil.assign(n, 1);
  if (pads.empty()) pads.assign(2 * n, 0);
  if (outPad.empty()) outPad.assign(n, 0);
  if (strides.size() != n || dil.size() != n || pads.size() != 2 * n || outPad.size() != n)
    return c.invalid("attributes do not match the spatial rank");
  // A requested output size (output_shape, or SAME auto_pad) determines the pads.
  SmallVector<int64_t> wantOut = c.getInts("output_shape");
  if (wantOut.size() == (size_t)r)
    wantOut.erase(wantOut.begin(), wantOut.begin() + 2);
  if (wantOut.empty() && (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER"))
    for (size_t i = 0; i < n; ++i)
      wantOut.push_back(xs[i + 2] * strides[i]);
  if (autoPad == "VALID")
    pads.assign(2 * n, 0);
  if (!wantOut.empty()) {
    if (wantOut.size() != n)
      return c.invalid("output_shape does not match the spatial rank");
    for (size_t i = 0; i < n; ++i) {
      int64_t total = strides[i] * (xs[i + 2] - 1) + outPad[i] +
                      (kernel[i] - 1) * dil[i] + 1 - wantOut[i];
      int64_t half = total >= 0 ? total / 2 : -((-total + 1) / 2); // floor(total / 2)
      if (autoPad == "SAME_UPPER") {
        pads[i] = half;
        pads[i + n] = total - half;
      } else {
        pads[i] = total - half;
        pads[i + n] = half;
      }
    }
  }
  SmallVector<int64_t> lo, hi, outShape{xs[0], ws[1]}, spatialDims;
  for (size_t i = 0; i < n; ++i) {
    int64_t eff = dil[i] * (kernel[i] - 1);
    lo.push_back(eff - pads[i]);
    hi.push_back(eff - pads[i + n] + outPad[i]);
    outShape.push_back((xs[i + 2] - 1) * strides[i] + outPad[i] + eff + 1 - pads[i] -
                       pads[i + n]);
    spatialDims.push_back(i + 2);
  }
  Value wr = hlo::ReverseOp::create(c.b, c.loc, w, spatialDims);
  // W is [C_in, C_out, k...]: kernel input feature dim 0, output feature dim 1.
  auto dn = hlo::ConvDimensionNumbersAttr::get(c.b.getContext(), 0, 1, spatialDims, 0, 1,
                                               spatialDims, 0, 1, spatialDims);
  SmallVector<int64_t> ones(n, 1);
  auto type = RankedTensorType::get(outShape, elemType(x));
  Value y = hlo::ConvolutionOp::create(
      c.b, c.loc, type, x, wr, c.b.getDenseI64ArrayAttr(ones), padAttr(c.b, lo, hi, 0),
      c.b.getDenseI64ArrayAttr(strides), c.b.getDenseI64ArrayAttr(dil), nullptr, dn,
      c.b.getI64IntegerAttr(1), c.b.getI64IntegerAttr(1), nullptr);
  if (bias)
    y = hlo::AddOp::create(c.b, c.loc, y, channelVector(c, bias, outShape));
  c.results.push_back(y);
  return success();
}

Value reduceWindow(NodeContext &c, Value x, const Window &w, ReduceKind kind) {
  int64_t r = rankOf(x);
  SmallVector<int64_t> dims{1, 1}, strides{1, 1}, dil{1, 1};
  dims.append(w.kernel.begin(), w.kernel.end());
  strides.append(w.strides.begin(), w.strides.end());
  dil.append(w.dilations.begin(), w.dilations.end());
  SmallVector<int64_t> outShape(shapeOf(x).take_front(2));
  outShape.append(w.out.begin(), w.out.end());
  Type elem = elemType(x);
  Value init = reduceInit(c.b, c.loc, elem, kind);
  SmallVector<int64_t> baseDil(r, 1);
  auto op = hlo::ReduceWindowOp::create(
      c.b, c.loc, TypeRange{RankedTensorType::get(outShape, elem)}, ValueRange{x},
      ValueRange{init}, c.b.getDenseI64ArrayAttr(dims), c.b.getDenseI64ArrayAttr(strides),
      c.b.getDenseI64ArrayAttr(baseDil), c.b.getDenseI64ArrayAttr(dil),
      padAttr(c.b, w.padLo, w.padHi, 2));
  buildReduceBody(c.b, c.loc, op.getBody(), elem, kind);
  return op.getResult(0);
}

LogicalResult poolWindow(NodeContext &c, Window &w) {
  Value x = c.in(0);
  if (!x || rankOf(x) < 3)
    return c.invalid("X must have rank >= 3");
  SmallVector<int64_t> kernel = c.getInts("kernel_shape");
  if (kernel.empty())
    return c.invalid("missing kernel_shape");
  return window(c, shapeOf(x).drop_front(2), kernel, c.getInt("ceil_mode", 0), w);
}

/// MaxPool with Indices: one strided slice per kernel tap of the padded input and of
/// its flat element indices, keeping the first maximum.
LogicalResult maxPoolWithIndices(NodeContext &c, const Window &w) {
  Value x = c.in(0);
  int64_t r = rankOf(x), n = r - 2;
  ArrayRef<int64_t> xs = shapeOf(x);
  auto itype = RankedTensorType::get(xs, c.b.getI64Type());
  // Flat index of each element (row-major; storage_order=1 makes spatial dims column-major).
  SmallVector<int64_t> strides(r);
  int64_t acc = 1;
  for (int64_t d = r - 1; d >= 2; --d) {
    strides[d] = acc;
    acc *= xs[d];
  }
  if (c.getInt("storage_order", 0) == 1) {
    acc = 1;
    for (int64_t d = 2; d < r; ++d) {
      strides[d] = acc;
      acc *= xs[d];
    }
  }
  strides[1] = acc;
  strides[0] = acc * xs[1];
  Value flat;
  for (int64_t d = 0; d < r; ++d) {
    Value term = hlo::MulOp::create(c.b, c.loc, hlo::IotaOp::create(c.b, c.loc, itype, d),
                                    splat(c.b, c.loc, itype, (double)strides[d]));
    flat = flat ? Value(hlo::AddOp::create(c.b, c.loc, flat, term)) : term;
  }
  SmallVector<int64_t> lo{0, 0}, hi{0, 0}, interior(r, 0);
  lo.append(w.padLo.begin(), w.padLo.end());
  hi.append(w.padHi.begin(), w.padHi.end());
  Value xp = hlo::PadOp::create(c.b, c.loc, x,
                                scalarConst(c.b, c.loc, elemType(x),
                                            -std::numeric_limits<double>::infinity()),
                                lo, hi, interior);
  Value fp = hlo::PadOp::create(c.b, c.loc, flat, scalarConst(c.b, c.loc, c.b.getI64Type(), -1),
                                lo, hi, interior);
  int64_t taps = numElements(w.kernel);
  Value best, bestIdx;
  for (int64_t t = 0; t < taps; ++t) {
    SmallVector<int64_t> start(r, 0), limit(shapeOf(xp)), step(r, 1);
    int64_t rem = t;
    for (int64_t d = n - 1; d >= 0; --d) {
      int64_t k = rem % w.kernel[d];
      rem /= w.kernel[d];
      start[d + 2] = k * w.dilations[d];
      limit[d + 2] = start[d + 2] + (w.out[d] - 1) * w.strides[d] + 1;
      step[d + 2] = w.strides[d];
    }
    Value v = hlo::SliceOp::create(c.b, c.loc, xp, start, limit, step);
    Value f = hlo::SliceOp::create(c.b, c.loc, fp, start, limit, step);
    if (!best) {
      best = v;
      bestIdx = f;
      continue;
    }
    Value gt = compare(c.b, c.loc, hlo::ComparisonDirection::GT, v, best);
    best = hlo::SelectOp::create(c.b, c.loc, gt, v, best);
    bestIdx = hlo::SelectOp::create(c.b, c.loc, gt, f, bestIdx);
  }
  c.results.push_back(best);
  c.results.push_back(bestIdx);
  return success();
}

LogicalResult convertMaxPool(NodeContext &c) {
  Window w;
  if (failed(poolWindow(c, w)))
    return failure();
  if (c.outputUsed(1))
    return maxPoolWithIndices(c, w);
  c.results.push_back(reduceWindow(c, c.in(0), w, ReduceKind::Max));
  return success();
}

LogicalResult convertAveragePool(NodeContext &c) {
  Window w;
  if (failed(poolWindow(c, w)))
    return failure();
  Value x = c.in(0);
  bool includePad = c.getInt("count_include_pad", 0);
  Value sum = reduceWindow(c, x, w, ReduceKind::Sum);
  // Element counts per output position, computed on the host.
  SmallVector<int64_t> pads = c.getInts("pads");
  size_t n = w.kernel.size();
  if (pads.empty())
    pads.assign(2 * n, 0);
  ArrayRef<int64_t> xs = shapeOf(x);
  std::vector<std::vector<double>> perDim(n);
  for (size_t i = 0; i < n; ++i) {
    // With count_include_pad, the explicit pads count (auto_pad pads as well);
    // the extra padding added for ceil_mode never does.
    int64_t lo = w.padLo[i];
    int64_t hiLimit = xs[i + 2] + (includePad ? w.padHi[i] - std::max<int64_t>(
                                                  0, w.padHi[i] - (c.getString("auto_pad", "NOTSET") == "NOTSET" ? pads[i + n] : w.padHi[i]))
                                              : 0);
    int64_t loLimit = includePad ? -lo : 0;
    for (int64_t o = 0; o < w.out[i]; ++o) {
      int64_t cnt = 0;
      for (int64_t j = 0; j < w.kernel[i]; ++j) {
        int64_t p = o * w.strides[i] - lo + j * w.dilations[i];
        if (p >= loLimit && p < hiLimit)
          ++cnt;
      }
      perDim[i].push_back((double)std::max<int64_t>(cnt, 1));
    }
  }
  SmallVector<int64_t> outSpatial(w.out);
  int64_t total = numElements(outSpatial);
  SmallVector<Attribute> counts;
  Type elem = elemType(x);
  SmallVector<int64_t> co(n, 0);
  for (int64_t k = 0; k < total; ++k) {
    double v = 1;
    for (size_t i = 0; i < n; ++i)
      v *= perDim[i][co[i]];
    counts.push_back(FloatAttr::get(elem, v));
    for (int64_t d = n - 1; d >= 0; --d) {
      if (++co[d] < outSpatial[d])
        break;
      co[d] = 0;
    }
  }
  Value cnt = attrConst(c.b, c.loc,
                        DenseElementsAttr::get(RankedTensorType::get(outSpatial, elem), counts));
  cnt = broadcastTo(c.b, c.loc, cnt, shapeOf(sum));
  c.results.push_back(hlo::DivOp::create(c.b, c.loc, sum, cnt));
  return success();
}

LogicalResult convertGlobalPool(NodeContext &c, bool avg) {
  Value x = c.in(0);
  if (!x || rankOf(x) < 3)
    return c.invalid("X must have rank >= 3");
  SmallVector<int64_t> dims;
  int64_t count = 1;
  for (int64_t i = 2; i < rankOf(x); ++i) {
    dims.push_back(i);
    count *= shapeOf(x)[i];
  }
  Value r = reduce(c.b, c.loc, x, dims, avg ? ReduceKind::Sum : ReduceKind::Max, true);
  if (avg)
    r = hlo::DivOp::create(c.b, c.loc, r, like(c, r, (double)count));
  c.results.push_back(r);
  return success();
}

LogicalResult convertBatchNorm(NodeContext &c) {
  if (c.getInt("spatial", 1) == 0)
    return c.unsupported("spatial=0");
  bool training = c.getInt("training_mode", 0);
  if (!training && c.numOutputs() > 1 && (c.outputUsed(1) || c.outputUsed(2)))
    return c.unsupported("running mean/var outputs without training_mode=1");
  Value x = c.in(0), scale = c.in(1), bias = c.in(2), mean = c.in(3), var = c.in(4);
  if (!x || !scale || !bias || !mean || !var)
    return c.invalid("expects five inputs");
  float eps = c.getFloat("epsilon", 1e-5f);
  ArrayRef<int64_t> s = shapeOf(x);
  Value runMean, runVar;
  if (training) {
    // Batch statistics (population variance); running stats blended with momentum.
    SmallVector<int64_t> dims{0};
    int64_t count = s[0];
    for (int64_t i = 2; i < (int64_t)s.size(); ++i) {
      dims.push_back(i);
      count *= s[i];
    }
    Value bm = reduce(c.b, c.loc, x, dims, ReduceKind::Sum, false);
    bm = hlo::DivOp::create(c.b, c.loc, bm, like(c, bm, (double)count));
    Value centered = hlo::SubtractOp::create(c.b, c.loc, x, channelVector(c, bm, s));
    Value bv = reduce(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, centered, centered), dims,
                      ReduceKind::Sum, false);
    bv = hlo::DivOp::create(c.b, c.loc, bv, like(c, bv, (double)count));
    double m = c.getFloat("momentum", 0.9f);
    auto blend = [&](Value run, Value cur) {
      return Value(hlo::AddOp::create(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, run, like(c, run, m)),
                                      hlo::MulOp::create(c.b, c.loc, cur, like(c, cur, 1 - m))));
    };
    runMean = blend(mean, bm);
    runVar = blend(var, bv);
    mean = bm;
    var = bv;
  }
  Value inv = hlo::RsqrtOp::create(c.b, c.loc, var.getType(),
                                   hlo::AddOp::create(c.b, c.loc, var, like(c, var, eps)));
  Value k = hlo::MulOp::create(c.b, c.loc, scale, inv);
  Value y = hlo::SubtractOp::create(c.b, c.loc, x, channelVector(c, mean, s));
  y = hlo::MulOp::create(c.b, c.loc, y, channelVector(c, k, s));
  y = hlo::AddOp::create(c.b, c.loc, y, channelVector(c, bias, s));
  c.results.push_back(y);
  if (training) {
    c.results.push_back(runMean);
    c.results.push_back(runVar);
  }
  return success();
}

/// Determinant by cofactor expansion along the first row (matrices up to 4x4).
Value det(NodeContext &c, Value m) {
  ArrayRef<int64_t> s = shapeOf(m);
  int64_t r = s.size(), n = s.back();
  SmallVector<int64_t> batch(s.drop_back(2));
  auto sl = [&](Value v, int64_t dim, int64_t b, int64_t e) {
    SmallVector<int64_t> start(rankOf(v), 0), limit(shapeOf(v)), st(rankOf(v), 1);
    start[dim] = b;
    limit[dim] = e;
    return Value(hlo::SliceOp::create(c.b, c.loc, v, start, limit, st));
  };
  if (n == 1)
    return reshape(c.b, c.loc, m, batch);
  Value rest = sl(m, r - 2, 1, n);
  Value acc;
  for (int64_t j = 0; j < n; ++j) {
    Value e = reshape(c.b, c.loc, sl(sl(m, r - 2, 0, 1), r - 1, j, j + 1), batch);
    SmallVector<Value> cols;
    if (j > 0)
      cols.push_back(sl(rest, r - 1, 0, j));
    if (j < n - 1)
      cols.push_back(sl(rest, r - 1, j + 1, n));
    Value minor = cols.size() == 1 ? cols[0]
                                   : Value(hlo::ConcatenateOp::create(c.b, c.loc, cols, r - 1));
    Value term = hlo::MulOp::create(c.b, c.loc, e, det(c, minor));
    if (!acc)
      acc = term;
    else if (j % 2)
      acc = hlo::SubtractOp::create(c.b, c.loc, acc, term);
    else
      acc = hlo::AddOp::create(c.b, c.loc, acc, term);
  }
  return acc;
}

LogicalResult convertDet(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  if (r < 2 || shapeOf(x)[r - 1] != shapeOf(x)[r - 2])
    return c.invalid("input must be [..., M, M]");
  if (shapeOf(x)[r - 1] > 4)
    return c.unsupported("matrices larger than 4x4");
  c.results.push_back(det(c, x));
  return success();
}

/// (x - mean) * rsqrt(var + eps) over `dims`; also returns mean and inv std (kept dims).
Value normalize(NodeContext &c, Value x, ArrayRef<int64_t> dims, double eps, Value *meanOut,
                Value *invOut) {
  int64_t n = 1;
  for (int64_t d : dims)
    n *= shapeOf(x)[d];
  Value mean = reduce(c.b, c.loc, x, dims, ReduceKind::Sum, true);
  mean = hlo::DivOp::create(c.b, c.loc, mean, like(c, mean, (double)n));
  Value centered = hlo::SubtractOp::create(c.b, c.loc, x, broadcastTo(c.b, c.loc, mean, shapeOf(x)));
  Value sq = hlo::MulOp::create(c.b, c.loc, centered, centered);
  Value var = reduce(c.b, c.loc, sq, dims, ReduceKind::Sum, true);
  var = hlo::DivOp::create(c.b, c.loc, var, like(c, var, (double)n));
  Value inv = hlo::RsqrtOp::create(c.b, c.loc, var.getType(),
                                   hlo::AddOp::create(c.b, c.loc, var, like(c, var, eps)));
  if (meanOut)
    *meanOut = mean;
  if (invOut)
    *invOut = inv;
  return hlo::MulOp::create(c.b, c.loc, centered, broadcastTo(c.b, c.loc, inv, shapeOf(x)));
}

LogicalResult convertLayerNorm(NodeContext &c) {
  Value x = c.in(0), scale = c.in(1), bias = c.in(2);
  if (!x || !scale)
    return c.invalid("expects X and Scale");
  int64_t r = rankOf(x);
  int64_t axis = normAxis(c.getInt("axis", -1), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  Type elem = elemType(x);
  bool stash = c.getInt("stash_type", 1) == 1 && (elem.isF16() || elem.isBF16());
  if (stash)
    x = convert(c.b, c.loc, x, c.b.getF32Type());
  SmallVector<int64_t> dims;
  for (int64_t i = axis; i < r; ++i)
    dims.push_back(i);
  Value mean, inv;
  Value y = normalize(c, x, dims, c.getFloat("epsilon", 1e-5f), &mean, &inv);
  if (stash)
    y = convert(c.b, c.loc, y, elem);
  auto s = broadcastShape(shapeOf(scale), shapeOf(y));
  if (failed(s) || *s != shapeOf(y))
    return c.invalid("Scale does not broadcast to X");
  y = hlo::MulOp::create(c.b, c.loc, y, broadcastTo(c.b, c.loc, scale, shapeOf(y)));
  if (bias) {
    auto sb = broadcastShape(shapeOf(bias), shapeOf(y));
    if (failed(sb) || *sb != shapeOf(y))
      return c.invalid("B does not broadcast to X");
    y = hlo::AddOp::create(c.b, c.loc, y, broadcastTo(c.b, c.loc, bias, shapeOf(y)));
  }
  c.results.push_back(y);
  c.results.push_back(mean);
  c.results.push_back(inv);
  return success();
}

LogicalResult convertInstanceNorm(NodeContext &c) {
  Value x = c.in(0), scale = c.in(1), bias = c.in(2);
  if (!x || !scale || !bias || rankOf(x) < 3)
    return c.invalid("expects input (rank >= 3), scale and B");
  SmallVector<int64_t> dims;
  for (int64_t i = 2; i < rankOf(x); ++i)
    dims.push_back(i);
  Value y = normalize(c, x, dims, c.getFloat("epsilon", 1e-5f), nullptr, nullptr);
  y = hlo::MulOp::create(c.b, c.loc, y, channelVector(c, scale, shapeOf(x)));
  y = hlo::AddOp::create(c.b, c.loc, y, channelVector(c, bias, shapeOf(x)));
  c.results.push_back(y);
  return success();
}

LogicalResult convertSoftmaxLike(NodeContext &c, bool log) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  bool legacy = c.opset < 13;
  int64_t axis = normAxis(c.getInt("axis", legacy ? 1 : -1), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  SmallVector<int64_t> orig(shapeOf(x));
  SmallVector<int64_t> dims{axis};
  if (legacy) {
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < r; ++i)
      (i < axis ? outer : inner) *= orig[i];
    x = reshape(c.b, c.loc, x, {outer, inner});
    dims = {1};
  }
  Value m = reduce(c.b, c.loc, x, dims, ReduceKind::Max, true);
  Value shifted = hlo::SubtractOp::create(c.b, c.loc, x, broadcastTo(c.b, c.loc, m, shapeOf(x)));
  Value e = hlo::ExpOp::create(c.b, c.loc, x.getType(), shifted);
  Value s = reduce(c.b, c.loc, e, dims, ReduceKind::Sum, true);
  Value y;
  if (log) {
    Value ls = hlo::LogOp::create(c.b, c.loc, s.getType(), s);
    y = hlo::SubtractOp::create(c.b, c.loc, shifted, broadcastTo(c.b, c.loc, ls, shapeOf(x)));
  } else {
    y = hlo::DivOp::create(c.b, c.loc, e, broadcastTo(c.b, c.loc, s, shapeOf(x)));
  }
  c.results.push_back(reshape(c.b, c.loc, y, orig));
  return success();
}

enum class RedOp { Sum, Mean, Max, Min, Prod, L1, L2, LogSum, LogSumExp, SumSquare };

LogicalResult convertReduce(NodeContext &c, RedOp op, int64_t axesInputSince) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  SmallVector<int64_t> axes;
  bool haveAxes = false;
  if (c.opset < axesInputSince) {
    haveAxes = c.has("axes");
    axes = c.getInts("axes");
  } else if (c.in(1)) {
    auto v = c.constIntInput(1, "axes");
    if (failed(v))
      return failure();
    axes = *v;
    haveAxes = true;
  }
  bool keep = c.getInt("keepdims", 1);
  if (axes.empty()) {
    if (c.getInt("noop_with_empty_axes", 0)) {
      c.results.push_back(x);
      return success();
    }
    for (int64_t i = 0; i < r; ++i)
      axes.push_back(i);
  }
  (void)haveAxes;
  int64_t count = 1;
  for (int64_t &a : axes) {
    a = normAxis(a, r);
    if (a < 0)
      return c.invalid("axis out of range");
  }
  {
    SmallVector<int64_t> u(axes);
    llvm::sort(u);
    u.erase(std::unique(u.begin(), u.end()), u.end());
    for (int64_t a : u)
      count *= shapeOf(x)[a];
  }
  Value y;
  switch (op) {
  case RedOp::Sum: y = reduce(c.b, c.loc, x, axes, ReduceKind::Sum, keep); break;
  case RedOp::Mean:
    y = reduce(c.b, c.loc, x, axes, ReduceKind::Sum, keep);
    y = hlo::DivOp::create(c.b, c.loc, y, like(c, y, (double)count));
    break;
  case RedOp::Max: y = reduce(c.b, c.loc, x, axes, ReduceKind::Max, keep); break;
  case RedOp::Min: y = reduce(c.b, c.loc, x, axes, ReduceKind::Min, keep); break;
  case RedOp::Prod: y = reduce(c.b, c.loc, x, axes, ReduceKind::Prod, keep); break;
  case RedOp::L1:
    y = reduce(c.b, c.loc, hlo::AbsOp::create(c.b, c.loc, x), axes, ReduceKind::Sum, keep);
    break;
  case RedOp::L2:
    y = reduce(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, x, x), axes, ReduceKind::Sum, keep);
    y = hlo::SqrtOp::create(c.b, c.loc, y.getType(), y);
    break;
  case RedOp::SumSquare:
    y = reduce(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, x, x), axes, ReduceKind::Sum, keep);
    break;
  case RedOp::LogSum:
    y = reduce(c.b, c.loc, x, axes, ReduceKind::Sum, keep);
    y = hlo::LogOp::create(c.b, c.loc, y.getType(), y);
    break;
  case RedOp::LogSumExp:
    y = reduce(c.b, c.loc, hlo::ExpOp::create(c.b, c.loc, x.getType(), x), axes,
               ReduceKind::Sum, keep);
    y = hlo::LogOp::create(c.b, c.loc, y.getType(), y);
    break;
  }
  c.results.push_back(y);
  return success();
}

/// Index of the first (or last) max/min along `axis`, as i64.
Value argExtreme(NodeContext &c, Value x, int64_t axis, bool isMax, bool last, bool keep) {
  ArrayRef<int64_t> shape = shapeOf(x);
  Value m = reduce(c.b, c.loc, x, {axis}, isMax ? ReduceKind::Max : ReduceKind::Min, true);
  Value eq = compare(c.b, c.loc, hlo::ComparisonDirection::EQ, x,
                     broadcastTo(c.b, c.loc, m, shape));
  auto itype = RankedTensorType::get(shape, c.b.getI64Type());
  Value iota = hlo::IotaOp::create(c.b, c.loc, itype, axis);
  Value other = splat(c.b, c.loc, itype, last ? -1.0 : (double)shape[axis]);
  Value sel = hlo::SelectOp::create(c.b, c.loc, eq, iota, other);
  return reduce(c.b, c.loc, sel, {axis}, last ? ReduceKind::Max : ReduceKind::Min, keep);
}

LogicalResult convertArg(NodeContext &c, bool isMax) {
  Value x = c.in(0);
  int64_t axis = normAxis(c.getInt("axis", 0), rankOf(x));
  if (axis < 0)
    return c.invalid("axis out of range");
  if (isa<IntegerType>(elemType(x)) && elemType(x).isInteger(1))
    return c.unsupported("bool input");
  c.results.push_back(argExtreme(c, x, axis, isMax, c.getInt("select_last_index", 0),
                                 c.getInt("keepdims", 1)));
  return success();
}

LogicalResult convertHardmax(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  bool legacy = c.opset < 13;
  int64_t axis = normAxis(c.getInt("axis", legacy ? 1 : -1), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  SmallVector<int64_t> orig(shapeOf(x));
  if (legacy) {
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < r; ++i)
      (i < axis ? outer : inner) *= orig[i];
    x = reshape(c.b, c.loc, x, {outer, inner});
    axis = 1;
  }
  Value idx = argExtreme(c, x, axis, true, false, true);
  auto itype = RankedTensorType::get(shapeOf(x), c.b.getI64Type());
  Value iota = hlo::IotaOp::create(c.b, c.loc, itype, axis);
  Value eq = compare(c.b, c.loc, hlo::ComparisonDirection::EQ, iota,
                     broadcastTo(c.b, c.loc, idx, shapeOf(x)));
  Value y = hlo::ConvertOp::create(c.b, c.loc, x.getType(), eq);
  c.results.push_back(reshape(c.b, c.loc, y, orig));
  return success();
}

LogicalResult convertCumSum(NodeContext &c) {
  Value x = c.in(0);
  auto ax = c.constIntInput(1, "axis");
  if (failed(ax))
    return failure();
  if (ax->size() != 1)
    return c.invalid("axis must hold one value");
  int64_t r = rankOf(x);
  int64_t axis = normAxis((*ax)[0], r);
  if (axis < 0)
    return c.invalid("axis out of range");
  bool reverse = c.getInt("reverse", 0), exclusive = c.getInt("exclusive", 0);
  if (reverse)
    x = hlo::ReverseOp::create(c.b, c.loc, x, SmallVector<int64_t>{axis});
  int64_t n = shapeOf(x)[axis];
  SmallVector<int64_t> dims(r, 1), ones(r, 1), pads(2 * r, 0);
  dims[axis] = n;
  pads[2 * axis] = n - 1;
  Type elem = elemType(x);
  auto padType = RankedTensorType::get({r, 2}, c.b.getI64Type());
  auto op = hlo::ReduceWindowOp::create(
      c.b, c.loc, TypeRange{x.getType()}, ValueRange{x},
      ValueRange{reduceInit(c.b, c.loc, elem, ReduceKind::Sum)}, c.b.getDenseI64ArrayAttr(dims),
      c.b.getDenseI64ArrayAttr(ones), c.b.getDenseI64ArrayAttr(ones),
      c.b.getDenseI64ArrayAttr(ones), DenseIntElementsAttr::get(padType, pads));
  buildReduceBody(c.b, c.loc, op.getBody(), elem, ReduceKind::Sum);
  Value y = op.getResult(0);
  if (exclusive)
    y = hlo::SubtractOp::create(c.b, c.loc, y, x);
  if (reverse)
    y = hlo::ReverseOp::create(c.b, c.loc, y, SmallVector<int64_t>{axis});
  c.results.push_back(y);
  return success();
}

Value logSoftmax(NodeContext &c, Value x, int64_t axis) {
  Value m = reduce(c.b, c.loc, x, {axis}, ReduceKind::Max, true);
  Value shifted = hlo::SubtractOp::create(c.b, c.loc, x, broadcastTo(c.b, c.loc, m, shapeOf(x)));
  Value e = hlo::ExpOp::create(c.b, c.loc, x.getType(), shifted);
  Value s = reduce(c.b, c.loc, e, {axis}, ReduceKind::Sum, true);
  Value ls = hlo::LogOp::create(c.b, c.loc, s.getType(), s);
  return hlo::SubtractOp::create(c.b, c.loc, shifted, broadcastTo(c.b, c.loc, ls, shapeOf(x)));
}

/// Negative log likelihood of `logp` [N, C, d...] at `target` [N, d...].
FailureOr<Value> nllLoss(NodeContext &c, Value logp, Value target, Value weight) {
  ArrayRef<int64_t> shape = shapeOf(logp);
  int64_t r = shape.size();
  if (r < 2 || rankOf(target) != r - 1)
    return (void)c.invalid("target rank must be input rank - 1"), failure();
  Type ft = elemType(logp);
  auto tt = RankedTensorType::get(shape, elemType(target));
  SmallVector<int64_t> tdims{0};
  for (int64_t i = 2; i < r; ++i)
    tdims.push_back(i);
  Value tb = hlo::BroadcastInDimOp::create(c.b, c.loc, tt, target, tdims);
  Value iota = hlo::IotaOp::create(c.b, c.loc, tt, 1);
  Value oh = hlo::ConvertOp::create(c.b, c.loc, logp.getType(),
                                    compare(c.b, c.loc, hlo::ComparisonDirection::EQ, iota, tb));
  Value picked = reduce(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, logp, oh), {1},
                        ReduceKind::Sum, false);
  Value wsel;
  if (weight) {
    Value wb = hlo::BroadcastInDimOp::create(c.b, c.loc, tensorType(logp), weight,
                                             SmallVector<int64_t>{1});
    wsel = reduce(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, wb, oh), {1}, ReduceKind::Sum, false);
  } else {
    wsel = reduce(c.b, c.loc, oh, {1}, ReduceKind::Sum, false);
  }
  if (c.has("ignore_index")) {
    Value keep = compare(c.b, c.loc, hlo::ComparisonDirection::NE, target,
                         splat(c.b, c.loc, tensorType(target), (double)c.getInt("ignore_index", 0)));
    wsel = hlo::MulOp::create(c.b, c.loc, wsel,
                              hlo::ConvertOp::create(c.b, c.loc, wsel.getType(), keep));
  }
  Value loss = hlo::NegOp::create(c.b, c.loc, picked.getType(),
                                  hlo::MulOp::create(c.b, c.loc, picked, wsel));
  std::string reduction = c.getString("reduction", "mean");
  SmallVector<int64_t> all;
  for (int64_t i = 0; i < r - 1; ++i)
    all.push_back(i);
  if (reduction == "none")
    return loss;
  Value sum = reduce(c.b, c.loc, loss, all, ReduceKind::Sum, false);
  if (reduction == "sum")
    return sum;
  if (reduction != "mean")
    return (void)c.unsupported("reduction='" + reduction + "'"), failure();
  Value den = reduce(c.b, c.loc, wsel, all, ReduceKind::Sum, false);
  (void)ft;
  return Value(hlo::DivOp::create(c.b, c.loc, sum, den));
}

LogicalResult convertNLL(NodeContext &c) {
  auto loss = nllLoss(c, c.in(0), c.in(1), c.in(2));
  if (failed(loss))
    return failure();
  c.results.push_back(*loss);
  return success();
}

LogicalResult convertSCE(NodeContext &c) {
  Value x = c.in(0);
  if (rankOf(x) < 2)
    return c.invalid("scores must have rank >= 2");
  Value logp = logSoftmax(c, x, 1);
  auto loss = nllLoss(c, logp, c.in(1), c.in(2));
  if (failed(loss))
    return failure();
  c.results.push_back(*loss);
  c.results.push_back(logp);
  return success();
}

/// A scale / zero point (scalar or 1-D along `axis`) broadcast to `shape`.
FailureOr<Value> quantParam(NodeContext &c, Value p, ArrayRef<int64_t> shape, int64_t axis) {
  auto type = RankedTensorType::get(shape, elemType(p));
  if (numElements(shapeOf(p)) == 1)
    return broadcastTo(c.b, c.loc, reshape(c.b, c.loc, p, {}), shape);
  if (rankOf(p) == 1 && axis >= 0 && shapeOf(p)[0] == shape[axis])
    return Value(hlo::BroadcastInDimOp::create(c.b, c.loc, type, p, SmallVector<int64_t>{axis}));
  return (void)c.unsupported("scale / zero point that is neither scalar nor per-axis"), failure();
}

LogicalResult convertDequantize(NodeContext &c) {
  Value x = c.in(0), scale = c.in(1), zp = c.in(2);
  int64_t axis = normAxis(c.getInt("axis", 1), rankOf(x));
  auto s = quantParam(c, scale, shapeOf(x), axis);
  if (failed(s))
    return failure();
  Type ft = elemType(scale);
  auto ftype = RankedTensorType::get(shapeOf(x), ft);
  Value y = hlo::ConvertOp::create(c.b, c.loc, ftype, x);
  if (zp) {
    auto z = quantParam(c, zp, shapeOf(x), axis);
    if (failed(z))
      return failure();
    y = hlo::SubtractOp::create(c.b, c.loc, y, hlo::ConvertOp::create(c.b, c.loc, ftype, *z));
  }
  c.results.push_back(hlo::MulOp::create(c.b, c.loc, y, *s));
  return success();
}

Value saturateToInt(NodeContext &c, Value v, Type intType) {
  auto it = cast<IntegerType>(intType);
  double lo = it.isUnsigned() ? 0 : -std::ldexp(1.0, it.getWidth() - 1);
  double hi = it.isUnsigned() ? std::ldexp(1.0, it.getWidth()) - 1
                              : std::ldexp(1.0, it.getWidth() - 1) - 1;
  v = hlo::MaxOp::create(c.b, c.loc, v, like(c, v, lo));
  v = hlo::MinOp::create(c.b, c.loc, v, like(c, v, hi));
  return hlo::ConvertOp::create(c.b, c.loc, RankedTensorType::get(shapeOf(v), intType), v);
}

LogicalResult convertQuantize(NodeContext &c) {
  Value x = c.in(0), scale = c.in(1), zp = c.in(2);
  int64_t axis = normAxis(c.getInt("axis", 1), rankOf(x));
  Type out = zp ? elemType(zp) : c.b.getIntegerType(8, false);
  if (!isa<IntegerType>(out))
    return c.unsupported("a non-integer output type");
  auto s = quantParam(c, scale, shapeOf(x), axis);
  if (failed(s))
    return failure();
  Value y = hlo::DivOp::create(c.b, c.loc, x, *s);
  y = hlo::RoundNearestEvenOp::create(c.b, c.loc, y.getType(), y);
  if (zp) {
    auto z = quantParam(c, zp, shapeOf(x), axis);
    if (failed(z))
      return failure();
    y = hlo::AddOp::create(c.b, c.loc, y, hlo::ConvertOp::create(c.b, c.loc, y.getType(), *z));
  }
  c.results.push_back(saturateToInt(c, y, out));
  return success();
}

LogicalResult convertDynamicQuantize(NodeContext &c) {
  Value x = c.in(0);
  SmallVector<int64_t> all;
  for (int64_t i = 0; i < rankOf(x); ++i)
    all.push_back(i);
  Value mx = reduce(c.b, c.loc, x, all, ReduceKind::Max, false);
  Value mn = reduce(c.b, c.loc, x, all, ReduceKind::Min, false);
  mx = hlo::MaxOp::create(c.b, c.loc, mx, like(c, mx, 0));
  mn = hlo::MinOp::create(c.b, c.loc, mn, like(c, mn, 0));
  Value scale = hlo::DivOp::create(c.b, c.loc, hlo::SubtractOp::create(c.b, c.loc, mx, mn),
                                   like(c, mx, 255));
  Value zpf = hlo::RoundNearestEvenOp::create(
      c.b, c.loc, mn.getType(),
      hlo::NegOp::create(c.b, c.loc, mn.getType(), hlo::DivOp::create(c.b, c.loc, mn, scale)));
  Type u8 = c.b.getIntegerType(8, false);
  Value zp = saturateToInt(c, zpf, u8);
  zpf = hlo::ConvertOp::create(c.b, c.loc, mn.getType(), zp);
  Value y = hlo::DivOp::create(c.b, c.loc, x, broadcastTo(c.b, c.loc, scale, shapeOf(x)));
  y = hlo::RoundNearestEvenOp::create(c.b, c.loc, y.getType(), y);
  y = hlo::AddOp::create(c.b, c.loc, y, broadcastTo(c.b, c.loc, zpf, shapeOf(x)));
  c.results.push_back(saturateToInt(c, y, u8));
  c.results.push_back(scale);
  c.results.push_back(zp);
  return success();
}

LogicalResult convertLRN(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x), size = c.getInt("size", 0);
  if (r < 3 || size <= 0)
    return c.invalid("needs rank >= 3 and size > 0");
  double alpha = c.getFloat("alpha", 1e-4f), beta = c.getFloat("beta", 0.75f),
         bias = c.getFloat("bias", 1.0f);
  Value sq = hlo::MulOp::create(c.b, c.loc, x, x);
  SmallVector<int64_t> dims(r, 1), ones(r, 1), pads(2 * r, 0);
  dims[1] = size;
  pads[2] = (size - 1) / 2;
  pads[3] = size - 1 - (size - 1) / 2;
  Type elem = elemType(x);
  auto padType = RankedTensorType::get({r, 2}, c.b.getI64Type());
  auto op = hlo::ReduceWindowOp::create(
      c.b, c.loc, TypeRange{x.getType()}, ValueRange{sq},
      ValueRange{reduceInit(c.b, c.loc, elem, ReduceKind::Sum)}, c.b.getDenseI64ArrayAttr(dims),
      c.b.getDenseI64ArrayAttr(ones), c.b.getDenseI64ArrayAttr(ones),
      c.b.getDenseI64ArrayAttr(ones), DenseIntElementsAttr::get(padType, pads));
  buildReduceBody(c.b, c.loc, op.getBody(), elem, ReduceKind::Sum);
  Value d = hlo::MulOp::create(c.b, c.loc, op.getResult(0), like(c, x, alpha / size));
  d = hlo::AddOp::create(c.b, c.loc, d, like(c, x, bias));
  d = hlo::PowOp::create(c.b, c.loc, d, like(c, x, beta));
  c.results.push_back(hlo::DivOp::create(c.b, c.loc, x, d));
  return success();
}

LogicalResult convertMVN(NodeContext &c) {
  Value x = c.in(0);
  SmallVector<int64_t> axes = c.getInts("axes");
  if (!c.has("axes"))
    axes = {0, 2, 3};
  int64_t n = 1;
  for (int64_t &a : axes) {
    a = normAxis(a, rankOf(x));
    if (a < 0)
      return c.invalid("axis out of range");
    n *= shapeOf(x)[a];
  }
  Value mean = reduce(c.b, c.loc, x, axes, ReduceKind::Sum, true);
  mean = hlo::DivOp::create(c.b, c.loc, mean, like(c, mean, (double)n));
  Value centered =
      hlo::SubtractOp::create(c.b, c.loc, x, broadcastTo(c.b, c.loc, mean, shapeOf(x)));
  Value var = reduce(c.b, c.loc, hlo::MulOp::create(c.b, c.loc, centered, centered), axes,
                     ReduceKind::Sum, true);
  var = hlo::DivOp::create(c.b, c.loc, var, like(c, var, (double)n));
  Value sd = hlo::AddOp::create(c.b, c.loc, hlo::SqrtOp::create(c.b, c.loc, var.getType(), var),
                                like(c, var, 1e-9));
  c.results.push_back(
      hlo::DivOp::create(c.b, c.loc, centered, broadcastTo(c.b, c.loc, sd, shapeOf(x))));
  return success();
}

/// Einsum without ellipsis or repeated labels within an operand: per-operand sums,
/// then one dot_general, then a transpose to the output order.
/// Replaces `...` in the operand specs and `out` by labels '0', '1', ... (digits are
/// never einsum letters), right-aligned across operands; returns the ellipsis labels.
std::string expandEllipsis(NodeContext &c, SmallVector<std::string> &specs,
                           std::string &out) {
  SmallVector<int64_t> counts;
  int64_t most = 0;
  for (size_t i = 0; i < specs.size(); ++i) {
    bool has = specs[i].find("...") != std::string::npos;
    int64_t n = has ? rankOf(c.in(i)) - ((int64_t)specs[i].size() - 3) : 0;
    counts.push_back(std::max<int64_t>(n, 0));
    most = std::max(most, counts.back());
  }
  std::string all;
  for (int64_t k = 0; k < most; ++k)
    all += (char)('0' + k);
  for (size_t i = 0; i < specs.size(); ++i) {
    size_t at = specs[i].find("...");
    if (at != std::string::npos)
      specs[i].replace(at, 3, all.substr(most - counts[i]));
  }
  size_t at = out.find("...");
  if (at != std::string::npos)
    out.replace(at, 3, all);
  return all;
}

/// Reduces a label repeated within `spec` to its diagonal: x[..i..j..] masked to
/// i == j and summed over j. Updates `v` and `spec`.
LogicalResult takeDiagonals(NodeContext &c, Value &v, std::string &spec) {
  for (size_t a = 0; a < spec.size(); ++a)
    for (size_t d = spec.size() - 1; d > a; --d) {
      if (spec[a] != spec[d])
        continue;
      if (shapeOf(v)[a] != shapeOf(v)[d])
        return c.invalid("a repeated label spans dimensions of different sizes");
      auto itype = RankedTensorType::get(shapeOf(v), c.b.getI64Type());
      Value same = compare(c.b, c.loc, hlo::ComparisonDirection::EQ,
                           hlo::IotaOp::create(c.b, c.loc, itype, a),
                           hlo::IotaOp::create(c.b, c.loc, itype, d));
      v = hlo::SelectOp::create(c.b, c.loc, same, v, splat(c.b, c.loc, tensorType(v), 0));
      v = reduce(c.b, c.loc, v, {(int64_t)d}, ReduceKind::Sum, false);
      spec.erase(d, 1);
    }
  return success();
}

LogicalResult convertEinsum(NodeContext &c) {
  std::string eq;
  for (char ch : c.getString("equation", ""))
    if (ch != ' ')
      eq += ch;
  std::string lhsSpec = eq, out;
  size_t arrow = eq.find("->");
  bool explicitOut = arrow != std::string::npos;
  if (explicitOut) {
    lhsSpec = eq.substr(0, arrow);
    out = eq.substr(arrow + 2);
  }
  SmallVector<std::string> specs;
  {
    SmallVector<StringRef> parts;
    StringRef(lhsSpec).split(parts, ',');
    for (StringRef part : parts)
      specs.push_back(part.str());
  }
  if (specs.size() != c.inputs.size() || specs.empty() || specs.size() > 2)
    return c.unsupported("einsum with other than one or two operands");
  std::string ellipsis = expandEllipsis(c, specs, out);
  if (!explicitOut) {
    // Implicit output: the ellipsis dims, then the labels used once, sorted.
    std::map<char, int> counts;
    for (auto &sp : specs)
      for (char ch : sp)
        counts[ch]++;
    out = ellipsis;
    for (auto [ch, n] : counts)
      if (n == 1 && ellipsis.find(ch) == std::string::npos)
        out += ch;
  }
  SmallVector<Value> ops;
  for (size_t i = 0; i < specs.size(); ++i) {
    Value v = c.in(i);
    if ((int64_t)specs[i].size() != rankOf(v))
      return c.invalid("equation does not match operand rank");
    if (failed(takeDiagonals(c, v, specs[i])))
      return failure();
    // Sum labels used nowhere else.
    std::string other = specs.size() == 2 ? specs[1 - i] : "";
    SmallVector<int64_t> sumDims;
    std::string kept;
    for (size_t a = 0; a < specs[i].size(); ++a) {
      char ch = specs[i][a];
      if (out.find(ch) == std::string::npos && other.find(ch) == std::string::npos)
        sumDims.push_back(a);
      else
        kept += ch;
    }
    if (!sumDims.empty())
      v = reduce(c.b, c.loc, v, sumDims, ReduceKind::Sum, false);
    specs[i] = kept;
    ops.push_back(v);
  }
  Value r;
  std::string labels;
  if (ops.size() == 1) {
    r = ops[0];
    labels = specs[0];
  } else {
    const std::string &l = specs[0], &rr = specs[1];
    SmallVector<int64_t> lb, rb, lc, rc;
    std::string batch, lfree, rfree;
    SmallVector<int64_t> shape;
    for (size_t a = 0; a < l.size(); ++a) {
      size_t j = rr.find(l[a]);
      if (j == std::string::npos)
        continue;
      if (shapeOf(ops[0])[a] != shapeOf(ops[1])[j])
        return c.unsupported("broadcasting of size-1 einsum dimensions");
      if (out.find(l[a]) != std::string::npos) {
        lb.push_back(a);
        rb.push_back(j);
        batch += l[a];
        shape.push_back(shapeOf(ops[0])[a]);
      } else {
        lc.push_back(a);
        rc.push_back(j);
      }
    }
    for (size_t a = 0; a < l.size(); ++a)
      if (rr.find(l[a]) == std::string::npos) {
        lfree += l[a];
        shape.push_back(shapeOf(ops[0])[a]);
      }
    for (size_t a = 0; a < rr.size(); ++a)
      if (l.find(rr[a]) == std::string::npos) {
        rfree += rr[a];
        shape.push_back(shapeOf(ops[1])[a]);
      }
    auto dn = hlo::DotDimensionNumbersAttr::get(c.b.getContext(), lb, rb, lc, rc);
    r = hlo::DotGeneralOp::create(c.b, c.loc, RankedTensorType::get(shape, elemType(ops[0])),
                                  ops[0], ops[1], dn, nullptr, nullptr);
    labels = batch + lfree + rfree;
  }
  if (labels.size() != out.size())
    return c.invalid("output labels do not match the operands");
  SmallVector<int64_t> perm;
  bool identity = true;
  for (size_t i = 0; i < out.size(); ++i) {
    size_t j = labels.find(out[i]);
    if (j == std::string::npos)
      return c.invalid("output label not in the operands");
    perm.push_back(j);
    identity &= j == i;
  }
  if (!identity)
    r = hlo::TransposeOp::create(c.b, c.loc, r, perm);
  c.results.push_back(r);
  return success();
}

/// i32(x) - i32(zp); zp is a scalar or a 1-D tensor along `axis` of x.
FailureOr<Value> centerInt(NodeContext &c, Value x, Value zp, int64_t axis) {
  auto i32 = c.b.getI32Type();
  Value y = hlo::ConvertOp::create(c.b, c.loc, RankedTensorType::get(shapeOf(x), i32), x);
  if (!zp)
    return y;
  auto z = quantParam(c, zp, shapeOf(x), axis);
  if (failed(z))
    return failure();
  Value zi = hlo::ConvertOp::create(c.b, c.loc, RankedTensorType::get(shapeOf(x), i32), *z);
  return Value(hlo::SubtractOp::create(c.b, c.loc, y, zi));
}

LogicalResult convertMatMulInteger(NodeContext &c) {
  Value a = c.in(0), b = c.in(1);
  if (!a || !b || rankOf(a) < 2 || rankOf(b) < 2)
    return c.unsupported("operands of rank < 2");
  auto ac = centerInt(c, a, c.in(2), rankOf(a) - 2);
  auto bc = centerInt(c, b, c.in(3), rankOf(b) - 1);
  if (failed(ac) || failed(bc))
    return failure();
  c.inputs = {*ac, *bc};
  return convertMatMul(c);
}

LogicalResult convertConvInteger(NodeContext &c) {
  Value x = c.in(0), w = c.in(1);
  if (!x || !w)
    return c.invalid("expects x and w");
  auto xc = centerInt(c, x, c.in(2), -1);
  auto wc = centerInt(c, w, c.in(3), 0);
  if (failed(xc) || failed(wc))
    return failure();
  c.inputs = {*xc, *wc};
  return convertConv(c);
}

/// Requantizes an i32 accumulator: saturate(round(acc * s) + zp), s = in scales / y scale.
FailureOr<Value> requantize(NodeContext &c, Value acc, Value scaleA, Value scaleB, int64_t axisB,
                            Value yScale, Value yZp) {
  Type f32 = c.b.getF32Type();
  auto ftype = RankedTensorType::get(shapeOf(acc), f32);
  Value r = hlo::ConvertOp::create(c.b, c.loc, ftype, acc);
  auto sa = quantParam(c, scaleA, shapeOf(acc), -1);
  auto sb = quantParam(c, scaleB, shapeOf(acc), axisB);
  auto sy = quantParam(c, yScale, shapeOf(acc), -1);
  if (failed(sa) || failed(sb) || failed(sy))
    return failure();
  r = hlo::MulOp::create(c.b, c.loc, r, hlo::MulOp::create(c.b, c.loc, *sa, *sb));
  r = hlo::DivOp::create(c.b, c.loc, r, *sy);
  r = hlo::RoundNearestEvenOp::create(c.b, c.loc, r.getType(), r);
  Type out = yZp ? elemType(yZp) : c.b.getIntegerType(8, false);
  if (yZp) {
    auto z = quantParam(c, yZp, shapeOf(acc), -1);
    if (failed(z))
      return failure();
    r = hlo::AddOp::create(c.b, c.loc, r, hlo::ConvertOp::create(c.b, c.loc, ftype, *z));
  }
  return saturateToInt(c, r, out);
}

LogicalResult convertQLinearMatMul(NodeContext &c) {
  Value a = c.in(0), as = c.in(1), azp = c.in(2), b = c.in(3), bs = c.in(4), bzp = c.in(5),
        ys = c.in(6), yzp = c.in(7);
  if (!a || !b || rankOf(a) < 2 || rankOf(b) < 2)
    return c.unsupported("operands of rank < 2");
  auto ac = centerInt(c, a, azp, rankOf(a) - 2);
  auto bc = centerInt(c, b, bzp, rankOf(b) - 1);
  if (failed(ac) || failed(bc))
    return failure();
  c.inputs = {*ac, *bc};
  if (failed(convertMatMul(c)))
    return failure();
  Value acc = c.results.pop_back_val();
  auto y = requantize(c, acc, as, bs, rankOf(acc) - 1, ys, yzp);
  if (failed(y))
    return failure();
  c.results.push_back(*y);
  return success();
}

LogicalResult convertQLinearConv(NodeContext &c) {
  Value x = c.in(0), xs = c.in(1), xzp = c.in(2), w = c.in(3), ws = c.in(4), wzp = c.in(5),
        ys = c.in(6), yzp = c.in(7), bias = c.in(8);
  auto xc = centerInt(c, x, xzp, -1);
  auto wc = centerInt(c, w, wzp, 0);
  if (failed(xc) || failed(wc))
    return failure();
  c.inputs = {*xc, *wc};
  if (bias)
    c.inputs.push_back(bias);
  if (failed(convertConv(c)))
    return failure();
  Value acc = c.results.pop_back_val();
  auto y = requantize(c, acc, xs, ws, 1, ys, yzp);
  if (failed(y))
    return failure();
  c.results.push_back(*y);
  return success();
}

#define REDUCE(NAME, OP, SINCE, NOTE)                                                      \
  {#NAME, 1, M, [](NodeContext &c) { return convertReduce(c, RedOp::OP, SINCE); },         \
   "axes,keepdims,noop_with_empty_axes", NOTE}

} // namespace

void mlir::byteir::onnxfe::registerNNOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"MatMul", 1, M, convertMatMul, "", "numpy batch broadcasting; 1-D operands"},
      {"Gemm", 6, M, convertGemm, "alpha,beta,broadcast,transA,transB", ""},
      {"Conv", 1, M, convertConv, "auto_pad,dilations,group,kernel_shape,pads,strides", ""},
      {"ConvTranspose", 1, M, convertConvTranspose,
       "auto_pad,dilations,group,kernel_shape,output_padding,output_shape,pads,strides",
       "group=1"},
      {"MaxPool", 1, M, convertMaxPool,
       "auto_pad,ceil_mode,dilations,kernel_shape,pads,storage_order,strides",
       "Indices output via per-tap slices"},
      {"AveragePool", 1, M, convertAveragePool,
       "auto_pad,ceil_mode,count_include_pad,dilations,kernel_shape,pads,strides", ""},
      {"GlobalAveragePool", 1, M, [](NodeContext &c) { return convertGlobalPool(c, true); },
       "", ""},
      {"GlobalMaxPool", 1, M, [](NodeContext &c) { return convertGlobalPool(c, false); }, "",
       ""},
      {"BatchNormalization", 6, M, convertBatchNorm,
       "epsilon,is_test,momentum,training_mode,spatial",
       "training_mode=1: batch statistics and running-stat outputs"},
      {"InstanceNormalization", 1, M, convertInstanceNorm, "epsilon", ""},
      {"LayerNormalization", 17, M, convertLayerNorm, "axis,epsilon,stash_type", ""},
      {"Softmax", 1, M, [](NodeContext &c) { return convertSoftmaxLike(c, false); }, "axis",
       "opset < 13: 2-D coercion at axis"},
      {"LogSoftmax", 1, M, [](NodeContext &c) { return convertSoftmaxLike(c, true); }, "axis",
       "opset < 13: 2-D coercion at axis"},
      {"ArgMax", 1, M, [](NodeContext &c) { return convertArg(c, true); },
       "axis,keepdims,select_last_index", ""},
      {"ArgMin", 1, M, [](NodeContext &c) { return convertArg(c, false); },
       "axis,keepdims,select_last_index", ""},
      {"Hardmax", 1, M, convertHardmax, "axis", ""},
      {"Det", 11, M, convertDet, "", "up to 4x4 (cofactor expansion)"},
      {"MatMulInteger", 10, M, convertMatMulInteger, "", "i32 accumulation"},
      {"ConvInteger", 10, M, convertConvInteger,
       "auto_pad,dilations,group,kernel_shape,pads,strides", "i32 accumulation"},
      {"QLinearMatMul", 10, M, convertQLinearMatMul, "", "rank >= 2"},
      {"QLinearConv", 10, M, convertQLinearConv,
       "auto_pad,dilations,group,kernel_shape,pads,strides", ""},
      {"Einsum", 12, M, convertEinsum, "equation",
       "one or two operands; ellipsis; diagonals (repeated labels)"},
      {"DequantizeLinear", 10, M, convertDequantize, "axis", "per-tensor or per-axis"},
      {"QuantizeLinear", 10, M, convertQuantize, "axis,saturate", "integer outputs"},
      {"DynamicQuantizeLinear", 11, M, convertDynamicQuantize, "", ""},
      {"LRN", 1, M, convertLRN, "alpha,beta,bias,size", ""},
      {"MeanVarianceNormalization", 9, M, convertMVN, "axes", ""},
      {"CumSum", 11, M, convertCumSum, "exclusive,reverse", "axis must be constant"},
      {"NegativeLogLikelihoodLoss", 12, M, convertNLL, "ignore_index,reduction", ""},
      {"SoftmaxCrossEntropyLoss", 12, M, convertSCE, "ignore_index,reduction", ""},
      REDUCE(ReduceSum, Sum, 13, "axes must be constant"),
      REDUCE(ReduceMean, Mean, 18, "axes must be constant"),
      REDUCE(ReduceMax, Max, 18, "axes must be constant"),
      REDUCE(ReduceMin, Min, 18, "axes must be constant"),
      REDUCE(ReduceProd, Prod, 18, "axes must be constant"),
      REDUCE(ReduceL1, L1, 18, "axes must be constant"),
      REDUCE(ReduceL2, L2, 18, "axes must be constant"),
      REDUCE(ReduceLogSum, LogSum, 18, "axes must be constant"),
      REDUCE(ReduceLogSumExp, LogSumExp, 18, "axes must be constant"),
      REDUCE(ReduceSumSquare, SumSquare, 18, "axes must be constant"),
  });
}
