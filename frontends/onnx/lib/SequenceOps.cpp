//===- SequenceOps.cpp - sequences and optionals resolved at import time --===//
//
// byteir has no sequence type at run time: a sequence whose length and element
// shapes are static is kept by the importer as its list of tensor values
// (SequenceValue), and every sequence op becomes list manipulation at import time
// (positions must be import-time constants). Only the tensors read out of a sequence
// (SequenceAt, ConcatFromSequence, SequenceLength) reach the StableHLO program.
// Optionals are resolved the same way: a present optional is its contents, an empty
// one a SequenceValue marked isNone.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

/// The sequence operand `i`, or an error when the input is a tensor or an empty
/// optional.
FailureOr<const SequenceValue *> seqOperand(NodeContext &c, unsigned i) {
  const SequenceValue *s = c.seqIn(i);
  if (!s || s->isNone) {
    (void)c.invalid("input " + Twine(i) + " is not a sequence");
    return failure();
  }
  return s;
}

/// The scalar position operand `i` normalized into [0, size) (or [0, size] when
/// `inclusiveEnd`, for insertion); `def` when the input is absent.
FailureOr<int64_t> position(NodeContext &c, unsigned i, int64_t size, int64_t def,
                            bool inclusiveEnd) {
  if (!c.in(i))
    return def;
  auto vals = c.constIntInput(i, "position");
  if (failed(vals))
    return failure();
  if (vals->size() != 1) {
    (void)c.invalid("position must be a scalar");
    return failure();
  }
  int64_t p = (*vals)[0];
  int64_t hi = inclusiveEnd ? size : size - 1;
  if (p < -size || p > hi) {
    (void)c.invalid("position " + Twine(p) + " is out of range for a sequence of " +
                    Twine(size) + " tensors");
    return failure();
  }
  return p < 0 ? p + size : p;
}

LogicalResult setSequence(NodeContext &c, Type elem, SmallVector<Value> elements) {
  c.seqResults.resize(1);
  c.seqResults[0] = SequenceValue{elem, std::move(elements), false};
  return success();
}

LogicalResult checkElement(NodeContext &c, const SequenceValue &s, Value t) {
  if (!t)
    return c.invalid("a sequence element must be a tensor");
  if (s.elemType && elemType(t) != s.elemType)
    return c.invalid("tensor element type differs from the sequence's");
  return success();
}

LogicalResult convertSequenceEmpty(NodeContext &c) {
  Type elem = elementTypeOf(c.b.getContext(), c.getInt("dtype", onnx::TensorProto::FLOAT));
  if (!elem)
    return c.unsupported("dtype " + Twine(c.getInt("dtype", 0)));
  return setSequence(c, elem, {});
}

LogicalResult convertSequenceConstruct(NodeContext &c) {
  if (c.inputs.empty() || !c.in(0))
    return c.invalid("SequenceConstruct needs at least one tensor");
  SequenceValue s{elemType(c.in(0)), {}, false};
  for (Value v : c.inputs)
    if (failed(checkElement(c, s, v)))
      return failure();
  return setSequence(c, s.elemType, SmallVector<Value>(c.inputs));
}

LogicalResult convertSequenceInsert(NodeContext &c) {
  auto s = seqOperand(c, 0);
  if (failed(s) || failed(checkElement(c, **s, c.in(1))))
    return failure();
  int64_t n = (*s)->elements.size();
  auto pos = position(c, 2, n, n, /*inclusiveEnd=*/true);
  if (failed(pos))
    return failure();
  SmallVector<Value> elements((*s)->elements);
  elements.insert(elements.begin() + *pos, c.in(1));
  return setSequence(c, elemType(c.in(1)), std::move(elements));
}

LogicalResult convertSequenceErase(NodeContext &c) {
  auto s = seqOperand(c, 0);
  if (failed(s))
    return failure();
  int64_t n = (*s)->elements.size();
  if (n == 0)
    return c.invalid("erase from an empty sequence");
  auto pos = position(c, 1, n, n - 1, /*inclusiveEnd=*/false);
  if (failed(pos))
    return failure();
  SmallVector<Value> elements((*s)->elements);
  elements.erase(elements.begin() + *pos);
  return setSequence(c, (*s)->elemType, std::move(elements));
}

LogicalResult convertSequenceAt(NodeContext &c) {
  auto s = seqOperand(c, 0);
  if (failed(s))
    return failure();
  int64_t n = (*s)->elements.size();
  if (!c.in(1))
    return c.invalid("missing input 'position'");
  auto pos = position(c, 1, n, 0, /*inclusiveEnd=*/false);
  if (failed(pos))
    return failure();
  c.results.push_back((*s)->elements[*pos]);
  return success();
}

LogicalResult convertSequenceLength(NodeContext &c) {
  auto s = seqOperand(c, 0);
  if (failed(s))
    return failure();
  c.results.push_back(intConst(c.b, c.loc, {}, {(int64_t)(*s)->elements.size()},
                               c.b.getIntegerType(64)));
  return success();
}

/// Chunk sizes of SplitToSequence: one per element when `split` is absent, equal
/// chunks (the last one smaller) for a scalar, the given lengths for a 1-D tensor.
FailureOr<SmallVector<int64_t>> splitSizes(NodeContext &c, int64_t dim) {
  Value split = c.in(1);
  if (!split)
    return SmallVector<int64_t>(dim, 1);
  auto vals = c.constIntInput(1, "split");
  if (failed(vals))
    return failure();
  if (rankOf(split) == 1)
    return *vals;
  if (vals->size() != 1) {
    (void)c.invalid("split must be a scalar or 1-D");
    return failure();
  }
  int64_t chunk = (*vals)[0];
  if (chunk <= 0) {
    (void)c.invalid("split must be positive");
    return failure();
  }
  SmallVector<int64_t> sizes;
  for (int64_t off = 0; off < dim; off += chunk)
    sizes.push_back(std::min(chunk, dim - off));
  return sizes;
}

LogicalResult convertSplitToSequence(NodeContext &c) {
  Value x = c.in(0);
  int64_t r = rankOf(x);
  int64_t axis = normAxis(c.getInt("axis", 0), r);
  if (axis < 0)
    return c.invalid("axis out of range");
  int64_t dim = shapeOf(x)[axis];
  auto sizes = splitSizes(c, dim);
  if (failed(sizes))
    return failure();
  // keepdims only applies when split is absent (the chunks are then of size 1).
  bool squeeze = !c.in(1) && c.getInt("keepdims", 1) == 0;
  SmallVector<Value> elements;
  int64_t offset = 0;
  for (int64_t s : *sizes) {
    if (s < 0 || offset + s > dim)
      return c.invalid("split sizes exceed the axis size");
    SmallVector<int64_t> start(r, 0), limit(shapeOf(x)), strides(r, 1);
    start[axis] = offset;
    limit[axis] = offset + s;
    offset += s;
    Value part = hlo::SliceOp::create(c.b, c.loc, x, start, limit, strides);
    if (squeeze) {
      SmallVector<int64_t> shape(shapeOf(part));
      shape.erase(shape.begin() + axis);
      part = reshape(c.b, c.loc, part, shape);
    }
    elements.push_back(part);
  }
  if (offset != dim)
    return c.invalid("split sizes do not add up to the axis size");
  return setSequence(c, elemType(x), std::move(elements));
}

LogicalResult convertConcatFromSequence(NodeContext &c) {
  auto s = seqOperand(c, 0);
  if (failed(s))
    return failure();
  if ((*s)->elements.empty())
    return c.invalid("ConcatFromSequence of an empty sequence");
  bool newAxis = c.getInt("new_axis", 0) != 0;
  int64_t r = rankOf((*s)->elements[0]);
  int64_t axis = normAxis(c.getInt("axis", 0), newAxis ? r + 1 : r);
  if (axis < 0 || !c.has("axis"))
    return c.invalid("missing or out-of-range axis");
  SmallVector<Value> parts;
  for (Value v : (*s)->elements) {
    if (rankOf(v) != r)
      return c.invalid("sequence elements differ in rank");
    if (newAxis) {
      SmallVector<int64_t> shape(shapeOf(v));
      shape.insert(shape.begin() + axis, 1);
      v = reshape(c.b, c.loc, v, shape);
    }
    parts.push_back(v);
  }
  c.results.push_back(parts.size() == 1
                          ? parts[0]
                          : Value(hlo::ConcatenateOp::create(c.b, c.loc, parts, axis)));
  return success();
}

/// Body argument `i` for iteration `k`: the k-th element of a sequence input, a tensor
/// input as is.
Value mapArgument(NodeContext &c, unsigned i, size_t k) {
  const SequenceValue *s = c.seqIn(i);
  return s ? s->elements[k] : c.in(i);
}

/// SequenceMap: the body is imported once per element (unrolled at import time); each
/// body output collects into a sequence.
LogicalResult convertSequenceMap(NodeContext &c) {
  auto s = seqOperand(c, 0);
  if (failed(s))
    return failure();
  const onnx::AttributeProto *body = c.attr("body");
  if (!body || body->type() != onnx::AttributeProto::GRAPH)
    return c.invalid("missing subgraph attribute 'body'");
  if (!c.subgraphs)
    return c.unsupported("subgraphs in this context");
  size_t n = (*s)->elements.size();
  for (unsigned i = 1; i < c.inputs.size(); ++i)
    if ((c.seqIn(i) && c.seqIn(i)->elements.size() != n) || (!c.seqIn(i) && !c.in(i)))
      return c.invalid("input " + Twine(i) + " is not a tensor or a sequence of " +
                       Twine(n) + " tensors");
  const onnx::GraphProto &g = body->g();
  if (g.output_size() != (int)c.numOutputs())
    return c.invalid("the body's outputs do not match the node's");
  c.seqResults.resize(c.numOutputs());
  for (unsigned j = 0; j < c.numOutputs(); ++j)
    c.seqResults[j] = SequenceValue{
        elementTypeOf(c.b.getContext(), g.output(j).type().tensor_type().elem_type()), {},
        false};
  for (size_t k = 0; k < n; ++k) {
    SmallVector<Value> args;
    for (unsigned i = 0; i < c.inputs.size(); ++i)
      args.push_back(mapArgument(c, i, k));
    auto outs = c.subgraphs->importSubgraph(c, g, args);
    if (failed(outs))
      return failure();
    for (unsigned j = 0; j < c.numOutputs(); ++j) {
      c.seqResults[j]->elements.push_back((*outs)[j]);
      c.seqResults[j]->elemType = elemType((*outs)[j]);
    }
  }
  return success();
}

/// Optional(x) is x; Optional() without input is the empty optional.
LogicalResult convertOptional(NodeContext &c) {
  if (const SequenceValue *s = c.seqIn(0)) {
    c.seqResults.resize(1);
    c.seqResults[0] = *s;
    return success();
  }
  if (Value v = c.in(0)) {
    c.results.push_back(v);
    return success();
  }
  c.seqResults.resize(1);
  c.seqResults[0] = SequenceValue{Type(), {}, /*isNone=*/true};
  return success();
}

LogicalResult convertOptionalHasElement(NodeContext &c) {
  const SequenceValue *s = c.seqIn(0);
  bool present = s ? !s->isNone : (bool)c.in(0);
  c.results.push_back(intConst(c.b, c.loc, {}, {present ? 1 : 0}, c.b.getI1Type()));
  return success();
}

LogicalResult convertOptionalGetElement(NodeContext &c) {
  const SequenceValue *s = c.seqIn(0);
  if (s && s->isNone)
    return c.invalid("OptionalGetElement of an empty optional");
  if (s) {
    c.seqResults.resize(1);
    c.seqResults[0] = *s;
    return success();
  }
  if (!c.in(0))
    return c.invalid("missing input");
  c.results.push_back(c.in(0));
  return success();
}

} // namespace

bool mlir::byteir::onnxfe::forwardSequence(NodeContext &c) {
  if (c.node.op_type() != "Identity" || !c.seqIn(0))
    return false;
  c.seqResults.assign(1, *c.seqIn(0));
  return true;
}

bool mlir::byteir::onnxfe::takesSequences(StringRef opType) {
  return llvm::is_contained({"Identity", "SequenceInsert", "SequenceErase", "SequenceAt",
                             "SequenceLength", "ConcatFromSequence", "SequenceMap", "Optional",
                             "OptionalHasElement", "OptionalGetElement"},
                            opType);
}

void mlir::byteir::onnxfe::registerSequenceOps(Registry &r) {
  const int M = kMaxOpset;
  const char *pos = "position must be an import-time constant";
  r.insert(r.end(), {
      {"SequenceEmpty", 11, M, convertSequenceEmpty, "dtype", "resolved at import time"},
      {"SequenceConstruct", 11, M, convertSequenceConstruct, "", "resolved at import time"},
      {"SequenceInsert", 11, M, convertSequenceInsert, "", pos},
      {"SequenceErase", 11, M, convertSequenceErase, "", pos},
      {"SequenceAt", 11, M, convertSequenceAt, "", pos},
      {"SequenceLength", 11, M, convertSequenceLength, "", "a constant"},
      {"SplitToSequence", 11, M, convertSplitToSequence, "axis,keepdims",
       "split must be an import-time constant"},
      {"ConcatFromSequence", 11, M, convertConcatFromSequence, "axis,new_axis", ""},
      {"SequenceMap", 17, M, convertSequenceMap, "body", "unrolled at import time"},
      {"Optional", 15, M, convertOptional, "type", "resolved at import time"},
      {"OptionalHasElement", 15, M, convertOptionalHasElement, "", "a constant"},
      {"OptionalGetElement", 15, M, convertOptionalGetElement, "", "resolved at import time"},
  });
}
