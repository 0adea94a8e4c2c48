//===- TensorOps.cpp - shape, data movement and constant ONNX ops ---------===//
//
// Reshape-like ops need their shape operands to be import-time constants; integer
// tensors computed from constants (Shape -> Gather -> Concat -> Reshape chains) are
// folded on the host so shapes stay static.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

#include <cmath>
#include <functional>

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

constexpr int64_t kFoldLimit = 1 << 16;

int64_t flatIndex(ArrayRef<int64_t> coords, ArrayRef<int64_t> shape) {
  int64_t idx = 0;
  for (size_t d = 0; d < shape.size(); ++d)
    idx = idx * shape[d] + coords[d];
  return idx;
}

/// Builds an integer constant of `shape` whose element at each coordinate is fn(coords).
Value buildInts(NodeContext &c, ArrayRef<int64_t> shape, Type elem,
                const std::function<int64_t(ArrayRef<int64_t>)> &fn) {
  int64_t n = numElements(shape);
  SmallVector<int64_t> out, coords(shape.size(), 0);
  out.reserve(n);
  for (int64_t i = 0; i < n; ++i) {
    out.push_back(fn(coords));
    for (int64_t d = (int64_t)shape.size() - 1; d >= 0; --d) {
      if (++coords[d] < shape[d])
        break;
      coords[d] = 0;
    }
  }
  return intConst(c.b, c.loc, shape, out, elem);
}

bool foldable(Value v) {
  return intValues(v).has_value() && numElements(shapeOf(v)) <= kFoldLimit;
}

/// Constant integer operand `i` (e.g. a shape or axes input).
FailureOr<SmallVector<int64_t>> constInts(NodeContext &c, unsigned i, StringRef what) {
  return c.constIntInput(i, what);
}

/// Axes from the attribute (before `inputSince`) or the optional input `index`.
FailureOr<std::optional<SmallVector<int64_t>>> axesOf(NodeContext &c, int64_t inputSince,
                                                      unsigned index) {
  if (c.opset < inputSince) {
    if (!c.has("axes"))
      return std::optional<SmallVector<int64_t>>();
    return std::optional<SmallVector<int64_t>>(c.getInts("axes"));
  }
  if (!c.in(index))
    return std::optional<SmallVector<int64_t>>();
  auto v = constInts(c, index, "axes");
  if (failed(v))
    return failure();
  return std::optional<SmallVector<int64_t>>(*v);
}

LogicalResult convertConstant(NodeContext &c) {
  MLIRContext *ctx = c.b.getContext();
  if (const auto *a = c.attr("value")) {
    std::string err;
    auto attr = tensorToAttr(ctx, a->t(), c.modelDir, err);
    if (failed(attr))
      return c.unsupported(err);
    c.results.push_back(attrConst(c.b, c.loc, *attr));
  } else if (c.has("value_float")) {
    c.results.push_back(scalarConst(c.b, c.loc, c.b.getF32Type(), c.getFloat("value_float", 0)));
  } else if (c.has("value_int")) {
    c.results.push_back(intConst(c.b, c.loc, {}, {c.getInt("value_int", 0)}, c.b.getI64Type()));
  } else if (c.has("value_ints")) {
    auto v = c.getInts("value_ints");
    c.results.push_back(intConst(c.b, c.loc, {(int64_t)v.size()}, v, c.b.getI64Type()));
  } else if (c.has("value_floats")) {
    auto v = c.getFloats("value_floats");
    auto type = RankedTensorType::get({(int64_t)v.size()}, c.b.getF32Type());
    c.results.push_back(attrConst(c.b, c.loc, DenseElementsAttr::get(type, ArrayRef<float>(v))));
  } else {
    return c.unsupported("a Constant without value/value_float(s)/value_int(s)");
  }
  return success();
}

LogicalResult convertConstantOfShape(NodeContext &c) {
  auto shape = constInts(c, 0, "input");
  if (failed(shape))
    return failure();
  for (int64_t d : *shape)
    if (d < 0)
      return c.invalid("negative dimension");
  MLIRContext *ctx = c.b.getContext();
  DenseElementsAttr value;
  if (const auto *a = c.attr("value")) {
    std::string err;
    auto attr = tensorToAttr(ctx, a->t(), c.modelDir, err);
    if (failed(attr))
      return c.unsupported(err);
    if (attr->getNumElements() != 1)
      return c.invalid("value must hold one element");
    value = *attr;
  } else {
    value = DenseElementsAttr::get(RankedTensorType::get({1}, c.b.getF32Type()), 0.0f);
  }
  auto type = RankedTensorType::get(*shape, value.getElementType());
  c.results.push_back(
      attrConst(c.b, c.loc, DenseElementsAttr::get(type, *value.value_begin<Attribute>())));
  return success();
}

LogicalResult convertShape(NodeContext &c) {
  ArrayRef<int64_t> s = shapeOf(c.in(0));
  int64_t rank = s.size();
  int64_t start = c.getInt("start", 0), end = c.getInt("end", rank);
  if (start < 0)
    start += rank;
  if (end < 0)
    end += rank;
  start = std::clamp<int64_t>(start, 0, rank);
  end = std::clamp<int64_t>(end, 0, rank);
  SmallVector<int64_t> dims;
  for (int64_t i = start; i < end; ++i)
    dims.push_back(s[i]);
  c.results.push_back(intConst(c.b, c.loc, {(int64_t)dims.size()}, dims, c.b.getI64Type()));
  return success();
}

LogicalResult convertSize(NodeContext &c) {
  c.results.push_back(
      intConst(c.b, c.loc, {}, {numElements(shapeOf(c.in(0)))}, c.b.getI64Type()));
  return success();
}

LogicalResult convertReshape(NodeContext &c) {
  Value x = c.in(0);
  auto target = constInts(c, 1, "shape");
  if (failed(target))
    return failure();
  bool allowZero = c.getInt("allowzero", 0);
  SmallVector<int64_t> shape;
  int64_t inferred = -1, known = 1;
  for (size_t i = 0; i < target->size(); ++i) {
    int64_t d = (*target)[i];
    if (d == 0 && !allowZero) {
      if (i >= shapeOf(x).size())
        return c.invalid("shape copies a dimension the input lacks");
      d = shapeOf(x)[i];
    }
    if (d == -1) {
      if (inferred >= 0)
        return c.invalid("shape has more than one -1");
      inferred = i;
    } else if (d < 0) {
      return c.invalid("negative dimension in shape");
    } else {
      known *= d;
    }
    shape.push_back(d);
  }
  int64_t n = numElements(shapeOf(x));
  if (inferred >= 0) {
    if (known == 0 || n % known)
      return c.invalid("cannot infer the -1 dimension");
    shape[inferred] = n / known;
  } else if (known != n) {
    return c.invalid("shape has a different number of elements");
  }
  c.results.push_back(reshape(c.b, c.loc, x, shape));
  return success();
}

LogicalResult convertFlatten(NodeContext &c) {
  Value x = c.in(0);
  int64_t rank = rankOf(x);
  int64_t axis = c.getInt("axis", 1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank)
    return c.invalid("axis out of range");
  int64_t outer = 1, inner = 1;
  for (int64_t i = 0; i < rank; ++i)
    (i < axis ? outer : inner) *= shapeOf(x)[i];
  c.results.push_back(reshape(c.b, c.loc, x, {outer, inner}));
  return success();
}

LogicalResult convertTranspose(NodeContext &c) {
  Value x = c.in(0);
  int64_t rank = rankOf(x);
  SmallVector<int64_t> perm = c.getInts("perm");
  if (!c.has("perm"))
    for (int64_t i = rank - 1; i >= 0; --i)
      perm.push_back(i);
  if ((int64_t)perm.size() != rank)
    return c.invalid("perm has the wrong length");
  SmallVector<int64_t> shape;
  for (int64_t &p : perm) {
    if (p < 0)
      p += rank;
    if (p < 0 || p >= rank)
      return c.invalid("perm out of range");
    shape.push_back(shapeOf(x)[p]);
  }
  if (foldable(x)) {
    auto vals = *intValues(x);
    SmallVector<int64_t> in(shapeOf(x));
    c.results.push_back(buildInts(c, shape, elemType(x), [&](ArrayRef<int64_t> co) {
      SmallVector<int64_t> src(rank);
      for (int64_t i = 0; i < rank; ++i)
        src[perm[i]] = co[i];
      return vals[flatIndex(src, in)];
    }));
    return success();
  }
  c.results.push_back(hlo::TransposeOp::create(c.b, c.loc, x, perm));
  return success();
}

LogicalResult convertUnsqueeze(NodeContext &c) {
  Value x = c.in(0);
  auto axes = axesOf(c, 13, 1);
  if (failed(axes))
    return failure();
  if (!*axes)
    return c.invalid("missing axes");
  int64_t outRank = rankOf(x) + (*axes)->size();
  SmallVector<bool> inserted(outRank, false);
  for (int64_t a : **axes) {
    int64_t n = normAxis(a, outRank);
    if (n < 0 || inserted[n])
      return c.invalid("bad axes");
    inserted[n] = true;
  }
  SmallVector<int64_t> shape;
  unsigned k = 0;
  for (int64_t i = 0; i < outRank; ++i)
    shape.push_back(inserted[i] ? 1 : shapeOf(x)[k++]);
  c.results.push_back(reshape(c.b, c.loc, x, shape));
  return success();
}

LogicalResult convertSqueeze(NodeContext &c) {
  Value x = c.in(0);
  auto axes = axesOf(c, 13, 1);
  if (failed(axes))
    return failure();
  int64_t rank = rankOf(x);
  SmallVector<bool> drop(rank, false);
  if (*axes) {
    for (int64_t a : **axes) {
      int64_t n = normAxis(a, rank);
      if (n < 0 || shapeOf(x)[n] != 1)
        return c.invalid("squeezed axis is out of range or not of size 1");
      drop[n] = true;
    }
  } else {
    for (int64_t i = 0; i < rank; ++i)
      drop[i] = shapeOf(x)[i] == 1;
  }
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < rank; ++i)
    if (!drop[i])
      shape.push_back(shapeOf(x)[i]);
  c.results.push_back(reshape(c.b, c.loc, x, shape));
  return success();
}

LogicalResult convertConcat(NodeContext &c) {
  SmallVector<Value> vs;
  for (Value v : c.inputs)
    if (v)
      vs.push_back(v);
  if (vs.empty())
    return c.invalid("no inputs");
  int64_t rank = rankOf(vs[0]);
  int64_t axis = normAxis(c.getInt("axis", 0), rank);
  if (axis < 0)
    return c.invalid("axis out of range");
  SmallVector<int64_t> shape(shapeOf(vs[0]));
  shape[axis] = 0;
  for (Value v : vs) {
    if (rankOf(v) != rank || elemType(v) != elemType(vs[0]))
      return c.invalid("inputs differ in rank or element type");
    shape[axis] += shapeOf(v)[axis];
  }
  if (llvm::all_of(vs, foldable)) {
    SmallVector<SmallVector<int64_t>> vals;
    for (Value v : vs)
      vals.push_back(*intValues(v));
    c.results.push_back(buildInts(c, shape, elemType(vs[0]), [&](ArrayRef<int64_t> co) {
      SmallVector<int64_t> src(co);
      for (size_t k = 0; k < vs.size(); ++k) {
        int64_t size = shapeOf(vs[k])[axis];
        if (src[axis] < size)
          return vals[k][flatIndex(src, shapeOf(vs[k]))];
        src[axis] -= size;
      }
      return int64_t(0);
    }));
    return success();
  }
  // Empty inputs are legal in ONNX but not in stablehlo.concatenate.
  SmallVector<Value> nonEmpty;
  for (Value v : vs)
    if (shapeOf(v)[axis] != 0)
      nonEmpty.push_back(v);
  if (nonEmpty.empty())
    nonEmpty.push_back(vs[0]);
  if (nonEmpty.size() == 1)
    c.results.push_back(nonEmpty[0]);
  else
    c.results.push_back(hlo::ConcatenateOp::create(c.b, c.loc, nonEmpty, axis));
  return success();
}

Value normalizeIndices(NodeContext &c, Value idx, int64_t dim);

/// `v` as `base + offsets` (elementwise, in flat order), looking through reshapes,
/// integer conversions and additions/subtractions of constants.
std::pair<Value, SmallVector<int64_t>> baseAndOffsets(Value v) {
  int64_t n = numElements(shapeOf(v));
  Operation *op = v.getDefiningOp();
  if (isa_and_nonnull<hlo::ReshapeOp, hlo::ConvertOp>(op) &&
      isa<IntegerType>(elemType(op->getOperand(0))))
    return baseAndOffsets(op->getOperand(0));
  if (isa_and_nonnull<hlo::AddOp, hlo::SubtractOp>(op)) {
    // Addition commutes: the constant may be either operand.
    unsigned constIdx = isa<hlo::AddOp>(op) && intValues(op->getOperand(0)) ? 0 : 1;
    auto k = intValues(op->getOperand(constIdx));
    if (k && ((int64_t)k->size() == n || k->size() == 1)) {
      auto [base, offsets] = baseAndOffsets(op->getOperand(1 - constIdx));
      if ((int64_t)offsets.size() == n) {
        int64_t sign = isa<hlo::AddOp>(op) ? 1 : -1;
        for (int64_t i = 0; i < n; ++i)
          offsets[i] += sign * (*k)[k->size() == 1 ? 0 : i];
        return {base, offsets};
      }
    }
  }
  return {v, SmallVector<int64_t>(n, 0)};
}

/// Slice's optional `axes` and `steps` inputs (opset 10+), defaulting to the first
/// `n` axes and steps of 1.
LogicalResult sliceAxesAndSteps(NodeContext &c, size_t n, SmallVector<int64_t> &axes,
                                SmallVector<int64_t> &steps) {
  axes.clear();
  for (size_t i = 0; i < n; ++i)
    axes.push_back(i);
  steps.assign(n, 1);
  if (c.in(3)) {
    auto a = constInts(c, 3, "axes");
    if (failed(a))
      return failure();
    axes = *a;
  }
  if (c.in(4)) {
    auto st = constInts(c, 4, "steps");
    if (failed(st))
      return failure();
    steps = *st;
  }
  return success();
}

/// Slice whose starts are runtime data (e.g. a loop's iteration count) and whose ends
/// are the same value plus constants: stablehlo.dynamic_slice of the constant sizes.
/// Negative starts wrap once; the slice must lie inside the axis (dynamic_slice
/// clamps it there, where ONNX would return fewer elements).
FailureOr<Value> runtimeStartSlice(NodeContext &c) {
  Value x = c.in(0);
  auto [sBase, sOff] = baseAndOffsets(c.in(1));
  auto [eBase, eOff] = baseAndOffsets(c.in(2));
  if (sBase != eBase)
    return c.unsupported("input 'starts' is not an import-time constant and 'ends' is "
                         "not 'starts' plus constants");
  SmallVector<int64_t> axes, steps;
  if (failed(sliceAxesAndSteps(c, sOff.size(), axes, steps)))
    return failure();
  if (llvm::any_of(steps, [](int64_t v) { return v != 1; }))
    return c.unsupported("runtime starts with steps other than 1");
  if (axes.size() != sOff.size())
    return c.invalid("starts and axes differ in length");
  int64_t rank = rankOf(x);
  Value zero = intConst(c.b, c.loc, {}, {0}, c.b.getI64Type());
  SmallVector<Value> starts(rank, zero);
  SmallVector<int64_t> sizes(shapeOf(x));
  Value flat = reshape(c.b, c.loc, convert(c.b, c.loc, c.in(1), c.b.getI64Type()),
                       {(int64_t)axes.size()});
  for (size_t i = 0; i < axes.size(); ++i) {
    int64_t a = normAxis(axes[i], rank);
    if (a < 0)
      return c.invalid("axis out of range");
    int64_t size = eOff[i] - sOff[i];
    if (size <= 0 || size > sizes[a])
      return c.unsupported("runtime starts with a slice size outside the axis");
    Value start = reshape(c.b, c.loc,
                          hlo::SliceOp::create(c.b, c.loc, flat, {(int64_t)i},
                                               {(int64_t)i + 1}, {1}),
                          {});
    starts[a] = normalizeIndices(c, start, sizes[a]);
    sizes[a] = size;
  }
  return Value(hlo::DynamicSliceOp::create(c.b, c.loc, x, starts, sizes));
}

LogicalResult convertSlice(NodeContext &c) {
  Value x = c.in(0);
  int64_t rank = rankOf(x);
  SmallVector<int64_t> starts, ends, axes, steps;
  bool runtimeStarts = c.opset >= 10 && c.in(1) && c.in(2) && !foldToConstant(c.in(1)) &&
                       baseAndOffsets(c.in(1)).first == baseAndOffsets(c.in(2)).first;
  if (runtimeStarts) {
    auto y = runtimeStartSlice(c);
    if (failed(y))
      return failure();
    c.results.push_back(*y);
    return success();
  }
  if (c.opset < 10) {
    starts = c.getInts("starts");
    ends = c.getInts("ends");
    axes = c.getInts("axes");
  } else {
    auto s = constInts(c, 1, "starts"), e = constInts(c, 2, "ends");
    if (failed(s) || failed(e))
      return failure();
    starts = *s;
    ends = *e;
    if (failed(sliceAxesAndSteps(c, starts.size(), axes, steps)))
      return failure();
  }
  if (axes.empty())
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(i);
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return c.invalid("starts, ends, axes and steps differ in length");
  ArrayRef<int64_t> shape = shapeOf(x);
  SmallVector<int64_t> lo(rank, 0), step(rank, 1), count(shape);
  SmallVector<int64_t> reverseDims;
  for (size_t i = 0; i < starts.size(); ++i) {
    int64_t a = normAxis(axes[i], rank);
    if (a < 0)
      return c.invalid("axis out of range");
    int64_t dim = shape[a], st = steps[i];
    if (st == 0)
      return c.invalid("step 0");
    int64_t s = starts[i], e = ends[i];
    if (s < 0)
      s += dim;
    if (e < 0)
      e += dim;
    if (st > 0) {
      s = std::clamp<int64_t>(s, 0, dim);
      e = std::clamp<int64_t>(e, 0, dim);
      count[a] = e > s ? (e - s + st - 1) / st : 0;
    } else {
      s = std::clamp<int64_t>(s, 0, dim - 1);
      e = std::clamp<int64_t>(e, -1, dim - 1);
      count[a] = s > e ? (s - e + (-st) - 1) / (-st) : 0;
    }
    lo[a] = s;
    step[a] = st;
  }
  if (foldable(x)) {
    auto vals = *intValues(x);
    c.results.push_back(buildInts(c, count, elemType(x), [&](ArrayRef<int64_t> co) {
      SmallVector<int64_t> src(rank);
      for (int64_t d = 0; d < rank; ++d)
        src[d] = lo[d] + co[d] * step[d];
      return vals[flatIndex(src, shape)];
    }));
    return success();
  }
  // Negative steps: reverse those dims, then slice forward.
  SmallVector<int64_t> start(rank), limit(rank), strides(rank);
  for (int64_t d = 0; d < rank; ++d) {
    int64_t s = lo[d], st = step[d];
    if (st < 0) {
      reverseDims.push_back(d);
      s = shape[d] - 1 - s;
      st = -st;
    }
    if (count[d] == 0)
      s = 0;
    start[d] = s;
    strides[d] = st;
    limit[d] = count[d] ? s + (count[d] - 1) * st + 1 : s;
  }
  if (!reverseDims.empty())
    x = hlo::ReverseOp::create(c.b, c.loc, x, reverseDims);
  c.results.push_back(hlo::SliceOp::create(c.b, c.loc, x, start, limit, strides));
  return success();
}

/// Indices normalized to [0, dim): constants on the host, others with a select.
Value normalizeIndices(NodeContext &c, Value idx, int64_t dim) {
  if (auto v = intValues(idx)) {
    SmallVector<int64_t> out;
    for (int64_t i : *v)
      out.push_back(i < 0 ? i + dim : i);
    return intConst(c.b, c.loc, shapeOf(idx), out, c.b.getI64Type());
  }
  idx = convert(c.b, c.loc, idx, c.b.getI64Type());
  auto type = tensorType(idx);
  Value zero = splat(c.b, c.loc, type, 0);
  Value neg = compare(c.b, c.loc, hlo::ComparisonDirection::LT, idx, zero);
  Value wrapped = hlo::AddOp::create(c.b, c.loc, idx, splat(c.b, c.loc, type, (double)dim));
  return hlo::SelectOp::create(c.b, c.loc, neg, wrapped, idx);
}

LogicalResult convertGather(NodeContext &c) {
  Value x = c.in(0), idx = c.in(1);
  if (!x || !idx)
    return c.invalid("expects two inputs");
  int64_t r = rankOf(x), q = rankOf(idx);
  int64_t axis = normAxis(c.getInt("axis", 0), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  ArrayRef<int64_t> xs = shapeOf(x);
  idx = normalizeIndices(c, idx, xs[axis]);
  SmallVector<int64_t> outShape(xs.begin(), xs.begin() + axis);
  outShape.append(shapeOf(idx).begin(), shapeOf(idx).end());
  outShape.append(xs.begin() + axis + 1, xs.end());
  if (foldable(x) && foldable(idx)) {
    auto vals = *intValues(x), ids = *intValues(idx);
    for (int64_t i : ids)
      if (i < 0 || i >= xs[axis])
        return c.invalid("index out of range");
    c.results.push_back(buildInts(c, outShape, elemType(x), [&](ArrayRef<int64_t> co) {
      SmallVector<int64_t> src(co.begin(), co.begin() + axis);
      src.push_back(ids[flatIndex(co.slice(axis, q), shapeOf(idx))]);
      src.append(co.begin() + axis + q, co.end());
      return vals[flatIndex(src, xs)];
    }));
    return success();
  }
  SmallVector<int64_t> idxShape(shapeOf(idx));
  idxShape.push_back(1);
  Value starts = reshape(c.b, c.loc, idx, idxShape);
  SmallVector<int64_t> offsetDims, sliceSizes(xs);
  for (int64_t i = 0; i < axis; ++i)
    offsetDims.push_back(i);
  for (int64_t i = axis + 1; i < r; ++i)
    offsetDims.push_back(i + q - 1);
  sliceSizes[axis] = 1;
  auto dn = hlo::GatherDimensionNumbersAttr::get(c.b.getContext(), offsetDims, {axis}, {}, {},
                                                 {axis}, q);
  auto type = RankedTensorType::get(outShape, elemType(x));
  c.results.push_back(hlo::GatherOp::create(c.b, c.loc, type, x, starts, dn,
                                            c.b.getDenseI64ArrayAttr(sliceSizes), false));
  return success();
}

LogicalResult gatherElements(NodeContext &c, Value x, Value idx, int64_t axis);

LogicalResult convertGatherElements(NodeContext &c) {
  Value x = c.in(0), idx = c.in(1);
  if (!x || !idx)
    return c.invalid("expects two inputs");
  int64_t r = rankOf(x);
  if (rankOf(idx) != r)
    return c.invalid("indices rank differs from data rank");
  int64_t axis = normAxis(c.getInt("axis", 0), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  return gatherElements(c, x, idx, axis);
}

LogicalResult gatherElements(NodeContext &c, Value x, Value idx, int64_t axis) {
  int64_t r = rankOf(x);
  ArrayRef<int64_t> xs = shapeOf(x);
  idx = normalizeIndices(c, idx, xs[axis]);
  ArrayRef<int64_t> is = shapeOf(idx);
  if (foldable(x) && foldable(idx)) {
    auto vals = *intValues(x), ids = *intValues(idx);
    c.results.push_back(buildInts(c, is, elemType(x), [&](ArrayRef<int64_t> co) {
      SmallVector<int64_t> src(co);
      src[axis] = ids[flatIndex(co, is)];
      return vals[flatIndex(src, xs)];
    }));
    return success();
  }
  SmallVector<int64_t> one(is);
  one.push_back(1);
  auto oneType = RankedTensorType::get(one, c.b.getI64Type());
  SmallVector<Value> parts;
  for (int64_t d = 0; d < r; ++d) {
    if (d == axis)
      parts.push_back(reshape(c.b, c.loc, idx, one));
    else
      parts.push_back(hlo::IotaOp::create(c.b, c.loc, oneType, d));
  }
  Value full = r == 1 ? parts[0] : Value(hlo::ConcatenateOp::create(c.b, c.loc, parts, r));
  SmallVector<int64_t> all;
  for (int64_t d = 0; d < r; ++d)
    all.push_back(d);
  auto dn = hlo::GatherDimensionNumbersAttr::get(c.b.getContext(), {}, all, {}, {}, all, r);
  SmallVector<int64_t> ones(r, 1);
  c.results.push_back(hlo::GatherOp::create(c.b, c.loc, RankedTensorType::get(is, elemType(x)),
                                            x, full, dn, c.b.getDenseI64ArrayAttr(ones), false));
  return success();
}


LogicalResult convertReverseSequence(NodeContext &c) {
  Value x = c.in(0);
  auto lens = constInts(c, 1, "sequence_lens");
  if (failed(lens))
    return failure();
  int64_t r = rankOf(x);
  int64_t bAxis = normAxis(c.getInt("batch_axis", 1), r);
  int64_t tAxis = normAxis(c.getInt("time_axis", 0), r);
  if (r < 2 || bAxis < 0 || tAxis < 0 || bAxis == tAxis ||
      (int64_t)lens->size() != shapeOf(x)[bAxis])
    return c.invalid("bad axes or sequence_lens");
  // Source time index per element, then a GatherElements along the time axis.
  SmallVector<int64_t> shape(shapeOf(x));
  Value idx = buildInts(c, shape, c.b.getI64Type(), [&](ArrayRef<int64_t> co) {
    int64_t len = (*lens)[co[bAxis]], t = co[tAxis];
    return t < len ? len - 1 - t : t;
  });
  c.inputs = {x, idx};
  c.results.clear();
  return gatherElements(c, x, idx, tAxis);
}

LogicalResult convertExpand(NodeContext &c) {
  Value x = c.in(0);
  auto target = constInts(c, 1, "shape");
  if (failed(target))
    return failure();
  auto shape = broadcastShape(shapeOf(x), *target);
  if (failed(shape))
    return c.invalid("shape is not broadcast-compatible with the input");
  if (foldable(x) && numElements(*shape) <= kFoldLimit) {
    auto vals = *intValues(x);
    ArrayRef<int64_t> xs = shapeOf(x);
    int64_t off = shape->size() - xs.size();
    c.results.push_back(buildInts(c, *shape, elemType(x), [&](ArrayRef<int64_t> co) {
      SmallVector<int64_t> src;
      for (size_t d = 0; d < xs.size(); ++d)
        src.push_back(xs[d] == 1 ? 0 : co[d + off]);
      return vals[flatIndex(src, xs)];
    }));
    return success();
  }
  c.results.push_back(broadcastTo(c.b, c.loc, x, *shape));
  return success();
}

LogicalResult convertTile(NodeContext &c) {
  Value x = c.in(0);
  auto reps = constInts(c, 1, "repeats");
  if (failed(reps))
    return failure();
  int64_t r = rankOf(x);
  if ((int64_t)reps->size() != r)
    return c.invalid("repeats length differs from the input rank");
  SmallVector<int64_t> wide, dims, out;
  for (int64_t d = 0; d < r; ++d) {
    wide.push_back((*reps)[d]);
    wide.push_back(shapeOf(x)[d]);
    dims.push_back(2 * d + 1);
    out.push_back((*reps)[d] * shapeOf(x)[d]);
  }
  Value b = hlo::BroadcastInDimOp::create(c.b, c.loc, RankedTensorType::get(wide, elemType(x)),
                                          x, dims);
  c.results.push_back(reshape(c.b, c.loc, b, out));
  return success();
}

LogicalResult convertPad(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  std::string mode = c.getString("mode", "constant");
  if (mode != "constant" && mode != "edge" && mode != "reflect")
    return c.unsupported("mode='" + mode + "'");
  SmallVector<int64_t> pads;
  Value value;
  SmallVector<int64_t> axes;
  if (c.opset < 11) {
    pads = c.getInts("pads");
    value = scalarConst(c.b, c.loc, elemType(x), c.getFloat("value", 0));
  } else {
    auto p = constInts(c, 1, "pads");
    if (failed(p))
      return failure();
    pads = *p;
    if (c.in(2) && numElements(shapeOf(c.in(2))) == 1)
      value = reshape(c.b, c.loc, c.in(2), {});
    else
      value = scalarConst(c.b, c.loc, elemType(x), 0);
    if (c.in(3)) {
      auto a = constInts(c, 3, "axes");
      if (failed(a))
        return failure();
      axes = *a;
    }
  }
  if (axes.empty())
    for (int64_t i = 0; i < r; ++i)
      axes.push_back(i);
  if (pads.size() != 2 * axes.size())
    return c.invalid("pads has the wrong length");
  SmallVector<int64_t> lo(r, 0), hi(r, 0), interior(r, 0);
  for (size_t i = 0; i < axes.size(); ++i) {
    int64_t a = normAxis(axes[i], r);
    if (a < 0)
      return c.invalid("axis out of range");
    lo[a] = pads[i];
    hi[a] = pads[i + axes.size()];
  }
  if (mode == "constant") {
    c.results.push_back(hlo::PadOp::create(c.b, c.loc, x, value, lo, hi, interior));
    return success();
  }
  // edge / reflect: concatenate (reversed) slices per padded axis.
  auto sliceAxis = [&](Value v, int64_t axis, int64_t begin, int64_t end) {
    SmallVector<int64_t> start(rankOf(v), 0), limit(shapeOf(v)), strides(rankOf(v), 1);
    start[axis] = begin;
    limit[axis] = end;
    return Value(hlo::SliceOp::create(c.b, c.loc, v, start, limit, strides));
  };
  Value y = x;
  for (int64_t a = 0; a < r; ++a) {
    if (lo[a] == 0 && hi[a] == 0)
      continue;
    int64_t n = shapeOf(y)[a];
    if (lo[a] < 0 || hi[a] < 0)
      return c.unsupported("negative pads with mode='" + mode + "'");
    if (mode == "reflect" && (lo[a] >= n || hi[a] >= n))
      return c.unsupported("reflect pads not smaller than the dimension");
    SmallVector<Value> parts;
    auto extend = [&](Value edge, int64_t count) {
      SmallVector<int64_t> shape(shapeOf(edge));
      shape[a] = count;
      SmallVector<int64_t> dims;
      for (int64_t i = 0; i < r; ++i)
        dims.push_back(i);
      return Value(hlo::BroadcastInDimOp::create(
          c.b, c.loc, RankedTensorType::get(shape, elemType(edge)),
          reshape(c.b, c.loc, edge, shapeOf(edge)), dims));
    };
    if (lo[a] > 0)
      parts.push_back(mode == "edge"
                          ? extend(sliceAxis(y, a, 0, 1), lo[a])
                          : Value(hlo::ReverseOp::create(c.b, c.loc, sliceAxis(y, a, 1, lo[a] + 1),
                                                         SmallVector<int64_t>{a})));
    parts.push_back(y);
    if (hi[a] > 0)
      parts.push_back(mode == "edge"
                          ? extend(sliceAxis(y, a, n - 1, n), hi[a])
                          : Value(hlo::ReverseOp::create(
                                c.b, c.loc, sliceAxis(y, a, n - 1 - hi[a], n - 1),
                                SmallVector<int64_t>{a})));
    y = hlo::ConcatenateOp::create(c.b, c.loc, parts, a);
  }
  c.results.push_back(y);
  return success();
}

LogicalResult convertSplit(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  int64_t axis = normAxis(c.getInt("axis", 0), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  int64_t dim = shapeOf(x)[axis];
  SmallVector<int64_t> sizes;
  if (c.opset < 13 && c.has("split")) {
    sizes = c.getInts("split");
  } else if (c.opset >= 13 && c.in(1)) {
    auto s = constInts(c, 1, "split");
    if (failed(s))
      return failure();
    sizes = *s;
  } else {
    int64_t n = c.opset >= 18 && c.has("num_outputs") ? c.getInt("num_outputs", 1)
                                                      : c.numOutputs();
    int64_t chunk = (dim + n - 1) / n;
    for (int64_t i = 0; i < n; ++i)
      sizes.push_back(std::max<int64_t>(0, std::min(chunk, dim - i * chunk)));
  }
  int64_t offset = 0;
  for (int64_t s : sizes) {
    SmallVector<int64_t> start(r, 0), limit(shapeOf(x)), strides(r, 1);
    start[axis] = offset;
    limit[axis] = offset + s;
    offset += s;
    c.results.push_back(hlo::SliceOp::create(c.b, c.loc, x, start, limit, strides));
  }
  if (offset != dim)
    return c.invalid("split sizes do not add up to the axis size");
  return success();
}

LogicalResult convertRange(NodeContext &c) {
  auto s = c.constInput(0, "start"), l = c.constInput(1, "limit"), d = c.constInput(2, "delta");
  if (failed(s) || failed(l) || failed(d))
    return failure();
  Type elem = s->getElementType();
  auto get = [](DenseElementsAttr a) -> double {
    if (isa<FloatType>(a.getElementType()))
      return (*a.value_begin<APFloat>()).convertToDouble();
    return (double)(*a.value_begin<APInt>()).getSExtValue();
  };
  double start = get(*s), limit = get(*l), delta = get(*d);
  if (delta == 0)
    return c.invalid("delta is 0");
  int64_t n = std::max<int64_t>(0, (int64_t)std::ceil((limit - start) / delta));
  auto type = RankedTensorType::get({n}, elem);
  if (isa<IntegerType>(elem)) {
    SmallVector<int64_t> v;
    for (int64_t i = 0; i < n; ++i)
      v.push_back((int64_t)start + i * (int64_t)delta);
    c.results.push_back(intConst(c.b, c.loc, {n}, v, elem));
    return success();
  }
  SmallVector<Attribute> v;
  for (int64_t i = 0; i < n; ++i)
    v.push_back(FloatAttr::get(elem, start + i * delta));
  c.results.push_back(attrConst(c.b, c.loc, DenseElementsAttr::get(type, v)));
  return success();
}

LogicalResult convertDepthToSpace(NodeContext &c) {
  Value x = c.in(0);
  if (rankOf(x) != 4)
    return c.unsupported("input rank other than 4");
  int64_t b = c.getInt("blocksize", 0);
  auto s = shapeOf(x);
  int64_t n = s[0], ch = s[1], h = s[2], w = s[3];
  if (b <= 0 || ch % (b * b))
    return c.invalid("bad blocksize");
  bool dcr = c.getString("mode", "DCR") == "DCR";
  Value y = dcr ? reshape(c.b, c.loc, x, {n, b, b, ch / (b * b), h, w})
                : reshape(c.b, c.loc, x, {n, ch / (b * b), b, b, h, w});
  SmallVector<int64_t> perm = dcr ? SmallVector<int64_t>{0, 3, 4, 1, 5, 2}
                                  : SmallVector<int64_t>{0, 1, 4, 2, 5, 3};
  y = hlo::TransposeOp::create(c.b, c.loc, y, perm);
  c.results.push_back(reshape(c.b, c.loc, y, {n, ch / (b * b), h * b, w * b}));
  return success();
}

LogicalResult convertSpaceToDepth(NodeContext &c) {
  Value x = c.in(0);
  if (rankOf(x) != 4)
    return c.unsupported("input rank other than 4");
  int64_t b = c.getInt("blocksize", 0);
  auto s = shapeOf(x);
  int64_t n = s[0], ch = s[1], h = s[2], w = s[3];
  if (b <= 0 || h % b || w % b)
    return c.invalid("bad blocksize");
  Value y = reshape(c.b, c.loc, x, {n, ch, h / b, b, w / b, b});
  y = hlo::TransposeOp::create(c.b, c.loc, y, SmallVector<int64_t>{0, 3, 5, 1, 2, 4});
  c.results.push_back(reshape(c.b, c.loc, y, {n, ch * b * b, h / b, w / b}));
  return success();
}

LogicalResult convertTrilu(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  if (r < 2)
    return c.invalid("rank < 2");
  auto itype = RankedTensorType::get(shapeOf(x), c.b.getI64Type());
  // k may be runtime data: it selects elements, it changes no shape.
  Value k = splat(c.b, c.loc, itype, 0);
  if (c.in(1)) {
    if (numElements(shapeOf(c.in(1))) != 1)
      return c.invalid("k must hold one value");
    Value k0 = reshape(c.b, c.loc, convert(c.b, c.loc, c.in(1), c.b.getI64Type()), {});
    k = broadcastTo(c.b, c.loc, k0, itype.getShape());
  }
  bool upper = c.getInt("upper", 1);
  Value row = hlo::IotaOp::create(c.b, c.loc, itype, r - 2);
  Value col = hlo::IotaOp::create(c.b, c.loc, itype, r - 1);
  // upper: keep col - row >= k; lower: keep col - row <= k.
  Value diff = hlo::SubtractOp::create(c.b, c.loc, col, row);
  Value keep = compare(c.b, c.loc,
                       upper ? hlo::ComparisonDirection::GE : hlo::ComparisonDirection::LE,
                       diff, k);
  c.results.push_back(
      hlo::SelectOp::create(c.b, c.loc, keep, x, splat(c.b, c.loc, tensorType(x), 0)));
  return success();
}

LogicalResult convertEyeLike(NodeContext &c) {
  Value x = c.in(0);
  if (rankOf(x) != 2)
    return c.invalid("input must be 2-D");
  Type elem = elemType(x);
  if (c.has("dtype")) {
    elem = elementTypeOf(c.b.getContext(), c.getInt("dtype", 0));
    if (!elem)
      return c.unsupported("dtype");
  }
  auto itype = RankedTensorType::get(shapeOf(x), c.b.getI64Type());
  Value row = hlo::IotaOp::create(c.b, c.loc, itype, 0);
  Value col = hlo::IotaOp::create(c.b, c.loc, itype, 1);
  Value diff = hlo::SubtractOp::create(c.b, c.loc, col, row);
  Value eq = compare(c.b, c.loc, hlo::ComparisonDirection::EQ, diff,
                     splat(c.b, c.loc, itype, (double)c.getInt("k", 0)));
  c.results.push_back(
      hlo::ConvertOp::create(c.b, c.loc, RankedTensorType::get(shapeOf(x), elem), eq));
  return success();
}

LogicalResult convertOneHot(NodeContext &c) {
  Value idx = c.in(0), values = c.in(2);
  auto depthAttr = c.constInput(1, "depth");
  if (failed(depthAttr))
    return failure();
  if (depthAttr->getNumElements() != 1)
    return c.invalid("depth must hold one value");
  int64_t depth = isa<FloatType>(depthAttr->getElementType())
                      ? (int64_t)(*depthAttr->value_begin<APFloat>()).convertToDouble()
                      : (*depthAttr->value_begin<APInt>()).getSExtValue();
  if (!values || numElements(shapeOf(values)) != 2)
    return c.invalid("values must hold [off, on]");
  int64_t r = rankOf(idx) + 1;
  int64_t axis = normAxis(c.getInt("axis", -1), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  SmallVector<int64_t> shape(shapeOf(idx));
  shape.insert(shape.begin() + axis, depth);
  auto i64 = c.b.getI64Type();
  Value ids = isa<FloatType>(elemType(idx))
                  ? Value(hlo::ConvertOp::create(
                        c.b, c.loc, RankedTensorType::get(shapeOf(idx), i64), idx))
                  : convert(c.b, c.loc, idx, i64);
  // Negative indices count from the end.
  auto itype = tensorType(ids);
  Value neg = compare(c.b, c.loc, hlo::ComparisonDirection::LT, ids, splat(c.b, c.loc, itype, 0));
  ids = hlo::SelectOp::create(c.b, c.loc, neg,
                              hlo::AddOp::create(c.b, c.loc, ids, splat(c.b, c.loc, itype, (double)depth)),
                              ids);
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < r; ++i)
    if (i != axis)
      dims.push_back(i);
  auto otype = RankedTensorType::get(shape, i64);
  Value ib = hlo::BroadcastInDimOp::create(c.b, c.loc, otype, ids, dims);
  Value iota = hlo::IotaOp::create(c.b, c.loc, otype, axis);
  Value eq = compare(c.b, c.loc, hlo::ComparisonDirection::EQ, iota, ib);
  Value flat = reshape(c.b, c.loc, values, {2});
  Value off = hlo::SliceOp::create(c.b, c.loc, flat, SmallVector<int64_t>{0},
                                   SmallVector<int64_t>{1}, SmallVector<int64_t>{1});
  Value on = hlo::SliceOp::create(c.b, c.loc, flat, SmallVector<int64_t>{1},
                                  SmallVector<int64_t>{2}, SmallVector<int64_t>{1});
  off = broadcastTo(c.b, c.loc, reshape(c.b, c.loc, off, {}), shape);
  on = broadcastTo(c.b, c.loc, reshape(c.b, c.loc, on, {}), shape);
  c.results.push_back(hlo::SelectOp::create(c.b, c.loc, eq, on, off));
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerTensorOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"Constant", 1, M, convertConstant,
       "value,value_float,value_floats,value_int,value_ints", "no sparse or string values"},
      {"ConstantOfShape", 9, M, convertConstantOfShape, "value", "shape must be constant"},
      {"Shape", 1, M, convertShape, "start,end", "folded to a constant"},
      {"Size", 1, M, convertSize, "", "folded to a constant"},
      {"Reshape", 5, M, convertReshape, "allowzero", "shape must be constant"},
      {"Flatten", 1, M, convertFlatten, "axis", ""},
      {"Transpose", 1, M, convertTranspose, "perm", ""},
      {"Unsqueeze", 1, M, convertUnsqueeze, "axes", "axes must be constant"},
      {"Squeeze", 1, M, convertSqueeze, "axes", "axes must be constant"},
      {"Concat", 4, M, convertConcat, "axis", "folded for integer constants"},
      {"Slice", 1, M, convertSlice, "starts,ends,axes",
       "starts/ends/axes/steps constant or specialized, or runtime starts with ends = "
       "starts + constants (dynamic_slice)"},
      {"Gather", 1, M, convertGather, "axis", "negative indices handled"},
      {"GatherElements", 11, M, convertGatherElements, "axis", ""},
      {"ReverseSequence", 10, M, convertReverseSequence, "batch_axis,time_axis",
       "sequence_lens must be constant"},
      {"Expand", 8, M, convertExpand, "", "shape must be constant"},
      {"Tile", 6, M, convertTile, "", "repeats must be constant"},
      {"Pad", 2, M, convertPad, "mode,pads,value", "constant, edge, reflect; pads must be constant"},
      {"Split", 2, M, convertSplit, "axis,split,num_outputs", "split must be constant"},
      {"Range", 11, M, convertRange, "", "inputs must be constant"},
      {"DepthToSpace", 1, M, convertDepthToSpace, "blocksize,mode", "4-D"},
      {"SpaceToDepth", 1, M, convertSpaceToDepth, "blocksize", "4-D"},
      {"Trilu", 14, M, convertTrilu, "upper", "k may be runtime data"},
      {"EyeLike", 9, M, convertEyeLike, "dtype,k", "2-D"},
      {"OneHot", 9, M, convertOneHot, "axis", "depth must be constant"},
  });
}
