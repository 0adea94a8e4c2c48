//===- SignalOps.cpp - windows, DFT, STFT, MelWeightMatrix ----------------===//
//
// Sizes (window length, DFT length, frame step, mel parameters) must be import-time
// constants. Windows and the mel matrix become constants; DFT and STFT become real
// matrix products with cosine / sine matrices built at import time (the CPU backend
// has no FFT), accumulated in f64 so that bins whose exact value is 0 stay within the
// conformance tolerance.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

#include <cmath>

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

/// A constant of float element type `elem` from double values.
Value floatConst(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                 ArrayRef<double> values, Type elem) {
  const llvm::fltSemantics &sem = cast<FloatType>(elem).getFloatSemantics();
  SmallVector<APFloat> vals;
  for (double d : values) {
    APFloat f(d);
    bool lost;
    f.convert(sem, APFloat::rmNearestTiesToEven, &lost);
    vals.push_back(f);
  }
  return hlo::ConstantOp::create(
      b, loc, DenseElementsAttr::get(RankedTensorType::get(shape, elem), vals));
}

/// A scalar import-time constant operand `i` as a double.
FailureOr<double> constScalar(NodeContext &c, unsigned i, StringRef what) {
  auto attr = c.constInput(i, what);
  if (failed(attr))
    return failure();
  if (attr->getNumElements() != 1) {
    (void)c.invalid("input '" + what + "' must be a scalar");
    return failure();
  }
  if (isa<FloatType>(attr->getElementType()))
    return (*attr->value_begin<APFloat>()).convertToDouble();
  return (double)(*attr->value_begin<APInt>()).getSExtValue();
}

/// The element type named by the `output_datatype` attribute (float by default).
FailureOr<Type> outputType(NodeContext &c) {
  Type elem = elementTypeOf(c.b.getContext(),
                            c.getInt("output_datatype", onnx::TensorProto::FLOAT));
  if (!elem) {
    (void)c.unsupported("output_datatype " + Twine(c.getInt("output_datatype", 0)));
    return failure();
  }
  return elem;
}

//===----------------------------------------------------------------------===//
// Windows
//===----------------------------------------------------------------------===//

/// Generalized cosine window sum_k a_k cos(2 pi k n / D), D = N (periodic) or N - 1.
LogicalResult cosineWindow(NodeContext &c, ArrayRef<double> coeffs) {
  auto size = constScalar(c, 0, "size");
  auto elem = outputType(c);
  if (failed(size) || failed(elem))
    return failure();
  int64_t n = (int64_t)*size;
  if (n < 0)
    return c.invalid("negative window size");
  double denom = c.getInt("periodic", 1) ? (double)n : (double)(n - 1);
  SmallVector<double> w;
  for (int64_t i = 0; i < n; ++i) {
    double v = 0;
    for (size_t k = 0; k < coeffs.size(); ++k)
      v += coeffs[k] * std::cos(2 * M_PI * (double)k * (double)i / denom);
    w.push_back(v);
  }
  c.results.push_back(floatConst(c.b, c.loc, {n}, w, *elem));
  return success();
}

LogicalResult convertHannWindow(NodeContext &c) { return cosineWindow(c, {0.5, -0.5}); }
LogicalResult convertHammingWindow(NodeContext &c) {
  return cosineWindow(c, {25.0 / 46.0, -21.0 / 46.0});
}
LogicalResult convertBlackmanWindow(NodeContext &c) {
  return cosineWindow(c, {0.42, -0.5, 0.08});
}

//===----------------------------------------------------------------------===//
// DFT
//===----------------------------------------------------------------------===//

/// cos or sin of 2 pi m / length, exact at multiples of a quarter turn.
double unitCircle(int64_t m, int64_t length, bool sine) {
  m %= length;
  if ((4 * m) % length == 0) {
    static const double cosq[4] = {1, 0, -1, 0}, sinq[4] = {0, 1, 0, -1};
    int64_t q = 4 * m / length;
    return sine ? sinq[q] : cosq[q];
  }
  double a = 2 * M_PI * (double)m / (double)length;
  return sine ? std::sin(a) : std::cos(a);
}

/// x (contracting `axis`, `n` long) times the [n, bins] matrix `m`, with the bins
/// put back at `axis`.
Value contract(OpBuilder &b, Location loc, Value x, Value m, int64_t axis) {
  int64_t r = rankOf(x);
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < r; ++i)
    if (i != axis)
      shape.push_back(shapeOf(x)[i]);
  shape.push_back(shapeOf(m)[1]);
  auto dn = hlo::DotDimensionNumbersAttr::get(b.getContext(), {}, {}, {axis}, {0});
  Value d = hlo::DotGeneralOp::create(b, loc, RankedTensorType::get(shape, elemType(x)), x,
                                      m, dn, nullptr, nullptr);
  if (axis == r - 1)
    return d;
  // The bins (last) go to `axis`; the other dims keep their order.
  SmallVector<int64_t> perm;
  for (int64_t i = 0; i < r; ++i)
    perm.push_back(i < axis ? i : (i == axis ? r - 1 : i - 1));
  return hlo::TransposeOp::create(b, loc, d, perm);
}

/// The DFT of the complex signal (re, im) along `axis` (im null: real signal),
/// zero-padded or truncated to `length`, keeping the first `bins` bins.
std::pair<Value, Value> dft(OpBuilder &b, Location loc, Value re, Value im, int64_t axis,
                            int64_t length, int64_t bins, bool inverse) {
  int64_t n = std::min(shapeOf(re)[axis], length);
  if (n != shapeOf(re)[axis]) {
    SmallVector<int64_t> start(rankOf(re), 0), limit(shapeOf(re)), step(rankOf(re), 1);
    limit[axis] = n;
    re = hlo::SliceOp::create(b, loc, re, start, limit, step);
    if (im)
      im = hlo::SliceOp::create(b, loc, im, start, limit, step);
  }
  // W[t, k] = exp(-+ 2 pi i t k / length), scaled by 1 / length for the inverse.
  double scale = inverse ? 1.0 / (double)length : 1.0;
  double sign = inverse ? 1.0 : -1.0;
  SmallVector<double> cosv, sinv;
  for (int64_t t = 0; t < n; ++t)
    for (int64_t k = 0; k < bins; ++k) {
      cosv.push_back(scale * unitCircle(t * k, length, false));
      sinv.push_back(scale * sign * unitCircle(t * k, length, true));
    }
  Type elem = elemType(re);
  Value cm = floatConst(b, loc, {n, bins}, cosv, elem);
  Value sm = floatConst(b, loc, {n, bins}, sinv, elem);
  Value outRe = contract(b, loc, re, cm, axis);
  Value outIm = contract(b, loc, re, sm, axis);
  if (im) {
    outRe = hlo::SubtractOp::create(b, loc, outRe, contract(b, loc, im, sm, axis));
    outIm = hlo::AddOp::create(b, loc, outIm, contract(b, loc, im, cm, axis));
  }
  return {outRe, outIm};
}

/// Splits x [..., 1 or 2] into its real and imaginary parts (im null when real), in
/// f64.
FailureOr<std::pair<Value, Value>> complexParts(NodeContext &c, Value x) {
  int64_t r = rankOf(x);
  int64_t parts = shapeOf(x)[r - 1];
  if (parts != 1 && parts != 2) {
    (void)c.invalid("the last dimension must be 1 (real) or 2 (complex)");
    return failure();
  }
  if (!isa<FloatType>(elemType(x))) {
    (void)c.invalid("the signal must be floating point");
    return failure();
  }
  x = convert(c.b, c.loc, x, c.b.getF64Type());
  SmallVector<int64_t> shape(shapeOf(x).drop_back());
  auto part = [&](int64_t i) {
    SmallVector<int64_t> start(r, 0), limit(shapeOf(x)), step(r, 1);
    start[r - 1] = i;
    limit[r - 1] = i + 1;
    return reshape(c.b, c.loc, hlo::SliceOp::create(c.b, c.loc, x, start, limit, step),
                   shape);
  };
  return std::make_pair(part(0), parts == 2 ? part(1) : Value());
}

/// Stacks (re, im) into [..., 2] of element type `elem`.
Value stackComplex(NodeContext &c, Value re, Value im, Type elem) {
  SmallVector<int64_t> shape(shapeOf(re));
  shape.push_back(1);
  Value parts[] = {reshape(c.b, c.loc, re, shape), reshape(c.b, c.loc, im, shape)};
  Value r = hlo::ConcatenateOp::create(c.b, c.loc, parts, (int64_t)shape.size() - 1);
  return convert(c.b, c.loc, r, elem);
}

LogicalResult convertDFT(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  int64_t axis = c.getInt("axis", 1);
  if (c.opset >= 20) {
    axis = -2;
    if (c.in(2)) {
      auto a = constScalar(c, 2, "axis");
      if (failed(a))
        return failure();
      axis = (int64_t)*a;
    }
  }
  axis = normAxis(axis, r);
  if (axis < 0 || axis == r - 1)
    return c.invalid("axis out of range");
  int64_t length = shapeOf(x)[axis];
  if (c.in(1)) {
    auto l = constScalar(c, 1, "dft_length");
    if (failed(l))
      return failure();
    length = (int64_t)*l;
  }
  if (length <= 0)
    return c.invalid("dft_length must be positive");
  bool inverse = c.getInt("inverse", 0), onesided = c.getInt("onesided", 0);
  auto parts = complexParts(c, x);
  if (failed(parts))
    return failure();
  int64_t bins = onesided ? length / 2 + 1 : length;
  auto [re, im] = dft(c.b, c.loc, parts->first, parts->second, axis, length, bins, inverse);
  c.results.push_back(stackComplex(c, re, im, elemType(x)));
  return success();
}

//===----------------------------------------------------------------------===//
// STFT
//===----------------------------------------------------------------------===//

/// Frames [batch, count, length] of a [batch, samples] signal, hop `step`: the signal
/// is cut into hop-sized blocks; frame f is blocks f .. f + m - 1 (m = ceil(length /
/// step)) truncated to `length`, so m slices build all frames at once.
Value frames(OpBuilder &b, Location loc, Value x, int64_t count, int64_t step,
             int64_t length) {
  int64_t batch = shapeOf(x)[0], samples = shapeOf(x)[1];
  int64_t m = (length + step - 1) / step, blocks = count - 1 + m;
  int64_t need = blocks * step;
  if (need > samples) {
    Value zero = scalarConst(b, loc, elemType(x), 0);
    x = hlo::PadOp::create(b, loc, x, zero, SmallVector<int64_t>{0, 0},
                           SmallVector<int64_t>{0, need - samples},
                           SmallVector<int64_t>{0, 0});
  } else if (need < samples) {
    x = hlo::SliceOp::create(b, loc, x, SmallVector<int64_t>{0, 0},
                             SmallVector<int64_t>{batch, need}, SmallVector<int64_t>{1, 1});
  }
  Value cut = reshape(b, loc, x, {batch, blocks, step});
  SmallVector<Value> parts;
  for (int64_t j = 0; j < m; ++j)
    parts.push_back(hlo::SliceOp::create(b, loc, cut, SmallVector<int64_t>{0, j, 0},
                                         SmallVector<int64_t>{batch, j + count, step},
                                         SmallVector<int64_t>{1, 1, 1}));
  Value f = parts.size() == 1 ? parts[0] : Value(hlo::ConcatenateOp::create(b, loc, parts, 2));
  if (m * step == length)
    return f;
  return hlo::SliceOp::create(b, loc, f, SmallVector<int64_t>{0, 0, 0},
                              SmallVector<int64_t>{batch, count, length},
                              SmallVector<int64_t>{1, 1, 1});
}

LogicalResult convertSTFT(NodeContext &c) {
  Value x = c.in(0), window = c.in(2);
  if (rankOf(x) != 3)
    return c.invalid("the signal must be [batch, samples, 1 or 2]");
  auto step = constScalar(c, 1, "frame_step");
  if (failed(step))
    return failure();
  int64_t length = window ? shapeOf(window)[0] : 0;
  if (c.in(3)) {
    auto l = constScalar(c, 3, "frame_length");
    if (failed(l))
      return failure();
    if (window && (int64_t)*l != length)
      return c.invalid("frame_length differs from the window's length");
    length = (int64_t)*l;
  }
  int64_t samples = shapeOf(x)[1], hop = (int64_t)*step;
  if (length <= 0 || length > samples || hop <= 0)
    return c.invalid("frame_length must be in [1, samples] and frame_step positive");
  int64_t count = 1 + (samples - length) / hop;
  auto parts = complexParts(c, x);
  if (failed(parts))
    return failure();
  Value re = frames(c.b, c.loc, parts->first, count, hop, length);
  Value im = parts->second ? frames(c.b, c.loc, parts->second, count, hop, length) : Value();
  if (window) {
    Value w = broadcastTo(c.b, c.loc, convert(c.b, c.loc, window, c.b.getF64Type()),
                          shapeOf(re));
    re = hlo::MulOp::create(c.b, c.loc, re, w);
    if (im)
      im = hlo::MulOp::create(c.b, c.loc, im, w);
  }
  int64_t bins = c.getInt("onesided", 1) ? length / 2 + 1 : length;
  auto [yr, yi] = dft(c.b, c.loc, re, im, 2, length, bins, /*inverse=*/false);
  c.results.push_back(stackComplex(c, yr, yi, elemType(x)));
  return success();
}

//===----------------------------------------------------------------------===//
// MelWeightMatrix
//===----------------------------------------------------------------------===//

double hzToMel(double hz) { return 2595.0 * std::log10(1.0 + hz / 700.0); }
double melToHz(double mel) { return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0); }

/// Triangular filters on mel-spaced spectrogram bins, as the ONNX reference builds
/// them: num_mel_bins + 2 points from lower to upper edge, floored to bins.
LogicalResult convertMelWeightMatrix(NodeContext &c) {
  auto mels = constScalar(c, 0, "num_mel_bins"), dftLen = constScalar(c, 1, "dft_length");
  auto rate = constScalar(c, 2, "sample_rate");
  auto lo = constScalar(c, 3, "lower_edge_hertz"), hi = constScalar(c, 4, "upper_edge_hertz");
  auto elem = outputType(c);
  if (failed(mels) || failed(dftLen) || failed(rate) || failed(lo) || failed(hi) ||
      failed(elem))
    return failure();
  int64_t numMel = (int64_t)*mels, dftLength = (int64_t)*dftLen;
  if (numMel <= 0 || dftLength <= 0 || *rate <= 0)
    return c.invalid("num_mel_bins, dft_length and sample_rate must be positive");
  int64_t specBins = dftLength / 2 + 1;
  double loMel = hzToMel(*lo), step = (hzToMel(*hi) - loMel) / (double)(numMel + 2);
  SmallVector<int64_t> points;
  for (int64_t i = 0; i < numMel + 2; ++i) {
    double hz = melToHz((double)i * step + loMel);
    points.push_back((int64_t)std::floor((double)(dftLength + 1) * hz / *rate));
  }
  for (int64_t p : points)
    if (p < 0 || p >= specBins)
      return c.invalid("a mel band edge lies outside the spectrogram bins");
  SmallVector<double> w(specBins * numMel, 0.0);
  for (int64_t i = 0; i < numMel; ++i) {
    int64_t left = points[i], center = points[i + 1], right = points[i + 2];
    if (center == left)
      w[center * numMel + i] = 1;
    for (int64_t j = left; center > left && j <= center; ++j)
      w[j * numMel + i] = (double)(j - left) / (double)(center - left);
    for (int64_t j = center; j < right; ++j)
      w[j * numMel + i] = (double)(right - j) / (double)(right - center);
  }
  c.results.push_back(floatConst(c.b, c.loc, {specBins, numMel}, w, *elem));
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerSignalOps(Registry &r) {
  const int M = kMaxOpset;
  const char *size = "size must be an import-time constant";
  r.insert(r.end(), {
      {"HannWindow", 17, M, convertHannWindow, "output_datatype,periodic", size},
      {"HammingWindow", 17, M, convertHammingWindow, "output_datatype,periodic", size},
      {"BlackmanWindow", 17, M, convertBlackmanWindow, "output_datatype,periodic", size},
      {"DFT", 17, M, convertDFT, "axis,inverse,onesided",
       "dft_length and axis must be import-time constants; f64 matrix products"},
      {"STFT", 17, M, convertSTFT, "onesided",
       "frame_step and frame_length must be import-time constants"},
      {"MelWeightMatrix", 17, M, convertMelWeightMatrix, "output_datatype",
       "all inputs must be import-time constants"},
  });
}
