//===- ControlFlowOps.cpp - If, Loop, Scan --------------------------------===//
//
// Subgraphs are imported into the regions of stablehlo.if / stablehlo.while; they see
// the values of the enclosing graphs. Every loop-carried or branch value keeps one
// static type; scan outputs need a static trip count.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

#include <memory>

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

/// Imports the argument-less `graph` into a new single-block region terminated by
/// stablehlo.return of its outputs.
FailureOr<std::unique_ptr<Region>> importRegion(NodeContext &c, const onnx::GraphProto &graph) {
  auto region = std::make_unique<Region>();
  Block *block = new Block();
  region->push_back(block);
  OpBuilder::InsertionGuard guard(c.b);
  c.b.setInsertionPointToStart(block);
  FailureOr<SmallVector<Value>> outs = c.subgraphs->importSubgraph(c, graph, {});
  if (failed(outs))
    return failure();
  hlo::ReturnOp::create(c.b, c.loc, *outs);
  return region;
}

/// The output types of `graph` given arguments made by `makeArgs` from block
/// arguments of `argTypes`, found by importing it into a scratch region; `inspect`
/// (optional) sees the arguments and outputs before the region goes.
FailureOr<SmallVector<Type>>
probeOutputTypes(NodeContext &c, const onnx::GraphProto &graph, TypeRange argTypes,
                 function_ref<SmallVector<Value>(ValueRange)> makeArgs,
                 function_ref<void(ValueRange args, ValueRange outs)> inspect = {}) {
  Region scratch;
  Block *block = new Block();
  scratch.push_back(block);
  for (Type t : argTypes)
    block->addArgument(t, c.loc);
  OpBuilder::InsertionGuard guard(c.b);
  c.b.setInsertionPointToStart(block);
  SmallVector<Value> args = makeArgs(block->getArguments());
  FailureOr<SmallVector<Value>> outs = c.subgraphs->importSubgraph(c, graph, args);
  if (failed(outs))
    return failure();
  if (inspect)
    inspect(args, *outs);
  return SmallVector<Type>(ValueRange(*outs).getTypes());
}

FailureOr<const onnx::GraphProto *> graphAttr(NodeContext &c, StringRef name) {
  const onnx::AttributeProto *a = c.attr(name);
  if (!a || a->type() != onnx::AttributeProto::GRAPH) {
    (void)c.invalid("missing subgraph attribute '" + name + "'");
    return failure();
  }
  if (!c.subgraphs) {
    (void)c.unsupported("subgraphs in this context");
    return failure();
  }
  return &a->g();
}

/// A one-element boolean as tensor<i1>.
Value predicate(OpBuilder &b, Location loc, Value v) { return reshape(b, loc, v, {}); }

Value scalarI64(OpBuilder &b, Location loc, int64_t v) {
  return intConst(b, loc, {}, {v}, b.getI64Type());
}

LogicalResult convertIf(NodeContext &c) {
  Value cond = c.in(0);
  if (!cond || numElements(shapeOf(cond)) != 1 || !elemType(cond).isInteger(1))
    return c.invalid("cond must be a one-element bool tensor");
  auto thenG = graphAttr(c, "then_branch"), elseG = graphAttr(c, "else_branch");
  if (failed(thenG) || failed(elseG))
    return failure();
  // An import-time condition (e.g. from shapes) selects the branch now.
  auto inlineTaken = [&](bool taken) {
    auto outs = c.subgraphs->importSubgraph(c, taken ? **thenG : **elseG, {});
    if (failed(outs))
      return failure();
    c.results = *outs;
    return success();
  };
  if (auto v = foldToConstant(cond))
    return inlineTaken((*intsOf(*v))[0]);
  auto thenR = importRegion(c, **thenG);
  if (failed(thenR))
    return failure();
  auto elseR = importRegion(c, **elseG);
  if (failed(elseR))
    return failure();
  TypeRange thenTypes = (*thenR)->front().getTerminator()->getOperandTypes();
  TypeRange elseTypes = (*elseR)->front().getTerminator()->getOperandTypes();
  // Branches of different types need the condition at import time (specialized).
  if (thenTypes != elseTypes) {
    auto v = c.constIntInput(0, "cond (the branches produce different types)");
    return failed(v) ? failure() : inlineTaken((*v)[0]);
  }
  auto op = hlo::IfOp::create(c.b, c.loc, thenTypes, predicate(c.b, c.loc, cond));
  op.getTrueBranch().takeBody(**thenR);
  op.getFalseBranch().takeBody(**elseR);
  c.results.assign(op->result_begin(), op->result_end());
  return success();
}

/// Builds stablehlo.while over `init`; `cond` and `body` fill the regions (whose
/// blocks take the carried values) and return the values they yield.
FailureOr<hlo::WhileOp>
buildWhile(NodeContext &c, ValueRange init,
           function_ref<Value(ValueRange carried)> cond,
           function_ref<FailureOr<SmallVector<Value>>(ValueRange carried)> body) {
  auto op = hlo::WhileOp::create(c.b, c.loc, init.getTypes(), init);
  OpBuilder::InsertionGuard guard(c.b);
  SmallVector<Location> locs(init.size(), c.loc);
  Block *condBlock = c.b.createBlock(&op.getCond(), {}, init.getTypes(), locs);
  hlo::ReturnOp::create(c.b, c.loc, cond(condBlock->getArguments()));
  Block *bodyBlock = c.b.createBlock(&op.getBody(), {}, init.getTypes(), locs);
  FailureOr<SmallVector<Value>> next = body(bodyBlock->getArguments());
  if (failed(next))
    return failure();
  if (ValueRange(*next).getTypes() != init.getTypes()) {
    (void)c.unsupported("a loop-carried value changes type across iterations (dynamic "
                        "shapes are unsupported)");
    return failure();
  }
  hlo::ReturnOp::create(c.b, c.loc, *next);
  return op;
}

/// `acc` with `slice` (one row, `axis` dropped) written at row `index` of `axis`.
Value writeRow(OpBuilder &b, Location loc, Value acc, Value slice, Value index,
               int64_t axis) {
  SmallVector<int64_t> rowShape(shapeOf(slice));
  rowShape.insert(rowShape.begin() + axis, 1);
  SmallVector<Value> starts(rankOf(acc), scalarI64(b, loc, 0));
  starts[axis] = index;
  return hlo::DynamicUpdateSliceOp::create(b, loc, acc, reshape(b, loc, slice, rowShape),
                                           starts);
}

/// Row `index` of `x` along `axis`, with that axis dropped.
Value readRow(OpBuilder &b, Location loc, Value x, Value index, int64_t axis) {
  SmallVector<int64_t> sizes(shapeOf(x));
  sizes[axis] = 1;
  SmallVector<Value> starts(rankOf(x), scalarI64(b, loc, 0));
  starts[axis] = index;
  Value row = hlo::DynamicSliceOp::create(b, loc, x, starts, sizes);
  SmallVector<int64_t> shape(sizes);
  shape.erase(shape.begin() + axis);
  return reshape(b, loc, row, shape);
}

// Loop: carried (iteration, condition, v..., scan accumulators...).
LogicalResult convertLoop(NodeContext &c) {
  auto bodyG = graphAttr(c, "body");
  if (failed(bodyG))
    return failure();
  const onnx::GraphProto &g = **bodyG;
  Value maxTrip = c.in(0), condIn = c.in(1);
  unsigned numCarried = c.inputs.size() > 2 ? c.inputs.size() - 2 : 0;
  int numScans = g.output_size() - 1 - (int)numCarried;
  if (numScans < 0 || g.input_size() != (int)numCarried + 2)
    return c.invalid("the body's inputs and outputs do not match the loop-carried values");
  OpBuilder &b = c.b;
  Location loc = c.loc;
  Type i1 = b.getI1Type();
  SmallVector<Value> init{scalarI64(b, loc, 0),
                          condIn ? predicate(b, loc, condIn)
                                 : intConst(b, loc, {}, {1}, i1)};
  for (unsigned i = 0; i < numCarried; ++i)
    init.push_back(c.inputs[2 + i]);
  auto bodyArgs = [&](ValueRange carried) {
    SmallVector<Value> args{carried[0], carried[1]};
    // The body's declared iteration/condition inputs may be 1-element tensors.
    for (int i = 0; i < 2; ++i) {
      const auto &tt = g.input(i).type().tensor_type();
      if (tt.has_shape() && tt.shape().dim_size() == 1)
        args[i] = reshape(b, loc, args[i], {1});
    }
    args.append(carried.begin() + 2, carried.begin() + 2 + numCarried);
    return args;
  };
  // Scan outputs: the types of their slices come from a first, scratch import. They
  // are [trips, ...]: the loop must run exactly M times, so M and the initial
  // condition are needed at import time and the body must keep the condition true.
  if (numScans) {
    bool mayStop = true;
    auto types = probeOutputTypes(c, g, ValueRange(init).getTypes(), bodyArgs,
                                  [&](ValueRange args, ValueRange outs) {
                                    auto v = intValues(outs[0]);
                                    mayStop = outs[0] != args[1] && !(v && (*v)[0]);
                                  });
    if (failed(types))
      return failure();
    if (mayStop)
      return c.unsupported("scan outputs with a loop condition that may stop early "
                           "(dynamic shapes are unsupported)");
    auto trips = c.constIntInput(0, "M");
    if (failed(trips))
      return failure();
    if (condIn) {
      auto initial = c.constIntInput(1, "cond");
      if (failed(initial))
        return failure();
      if (!(*initial)[0])
        return c.unsupported("scan outputs of a loop that runs no iteration");
    }
    if ((*trips)[0] < 1 || (*trips)[0] > (int64_t(1) << 31))
      return c.unsupported("scan outputs of a loop with trip count " +
                           std::to_string((*trips)[0]));
    for (int s = 0; s < numScans; ++s) {
      auto t = cast<RankedTensorType>((*types)[1 + numCarried + s]);
      SmallVector<int64_t> shape{(*trips)[0]};
      shape.append(t.getShape().begin(), t.getShape().end());
      init.push_back(splat(b, loc, RankedTensorType::get(shape, t.getElementType()), 0));
    }
  }
  auto cond = [&](ValueRange carried) -> Value {
    Value go = carried[1];
    if (maxTrip) {
      Value limit = reshape(b, loc, convert(b, loc, maxTrip, b.getI64Type()), {});
      Value inRange = compare(b, loc, hlo::ComparisonDirection::LT, carried[0], limit);
      go = hlo::AndOp::create(b, loc, go, inRange);
    }
    return go;
  };
  auto body = [&](ValueRange carried) -> FailureOr<SmallVector<Value>> {
    auto outs = c.subgraphs->importSubgraph(c, g, bodyArgs(carried));
    if (failed(outs))
      return failure();
    SmallVector<Value> next{
        hlo::AddOp::create(b, loc, carried[0], scalarI64(b, loc, 1)),
        predicate(b, loc, (*outs)[0])};
    for (unsigned i = 0; i < numCarried; ++i)
      next.push_back((*outs)[1 + i]);
    for (int s = 0; s < numScans; ++s)
      next.push_back(writeRow(b, loc, carried[2 + numCarried + s],
                              (*outs)[1 + numCarried + s], carried[0], 0));
    return next;
  };
  auto op = buildWhile(c, init, cond, body);
  if (failed(op))
    return failure();
  for (unsigned i = 0; i < numCarried + numScans; ++i)
    c.results.push_back((*op)->getResult(2 + i));
  return success();
}

/// How a Scan walks its inputs and writes its outputs (axes normalized by scanLoop).
struct ScanLayout {
  SmallVector<int64_t> inAxes, inDirs, outAxes, outDirs;
};

/// The Scan loop: carried (iteration, states..., scan accumulators...). Returns the
/// final states and the scan outputs.
FailureOr<SmallVector<Value>> scanLoop(NodeContext &c, const onnx::GraphProto &g,
                                       ValueRange states, ValueRange scanIns,
                                       ScanLayout l) {
  OpBuilder &b = c.b;
  Location loc = c.loc;
  int64_t numStates = states.size(), numIn = scanIns.size();
  int64_t numOut = g.output_size() - numStates;
  int64_t trips = -1;
  for (int64_t i = 0; i < numIn; ++i) {
    l.inAxes[i] = normAxis(l.inAxes[i], rankOf(scanIns[i]));
    if (l.inAxes[i] < 0)
      return c.invalid("scan_input_axes out of range");
    int64_t n = shapeOf(scanIns[i])[l.inAxes[i]];
    if (trips >= 0 && n != trips)
      return c.invalid("scan inputs have different lengths");
    trips = n;
  }
  // Reverse directions index from the end.
  auto rowIndex = [&](Value iter, bool reverse) -> Value {
    if (!reverse)
      return iter;
    return hlo::SubtractOp::create(b, loc, scalarI64(b, loc, trips - 1), iter);
  };
  auto sliceArgs = [&](ValueRange carried) {
    SmallVector<Value> args(carried.begin() + 1, carried.begin() + 1 + numStates);
    for (int64_t i = 0; i < numIn; ++i)
      args.push_back(
          readRow(b, loc, scanIns[i], rowIndex(carried[0], l.inDirs[i]), l.inAxes[i]));
    return args;
  };
  SmallVector<Value> init{scalarI64(b, loc, 0)};
  init.append(states.begin(), states.end());
  // The types of the output slices come from a first, scratch import.
  auto types = probeOutputTypes(c, g, ValueRange(init).getTypes(), sliceArgs);
  if (failed(types))
    return failure();
  for (int64_t s = 0; s < numOut; ++s) {
    auto t = cast<RankedTensorType>((*types)[numStates + s]);
    SmallVector<int64_t> shape(t.getShape());
    l.outAxes[s] = normAxis(l.outAxes[s], (int64_t)shape.size() + 1);
    if (l.outAxes[s] < 0)
      return c.invalid("scan_output_axes out of range");
    shape.insert(shape.begin() + l.outAxes[s], trips);
    init.push_back(splat(b, loc, RankedTensorType::get(shape, t.getElementType()), 0));
  }
  auto cond = [&](ValueRange carried) -> Value {
    return compare(b, loc, hlo::ComparisonDirection::LT, carried[0],
                   scalarI64(b, loc, trips));
  };
  auto body = [&](ValueRange carried) -> FailureOr<SmallVector<Value>> {
    auto outs = c.subgraphs->importSubgraph(c, g, sliceArgs(carried));
    if (failed(outs))
      return failure();
    SmallVector<Value> next{hlo::AddOp::create(b, loc, carried[0], scalarI64(b, loc, 1))};
    next.append(outs->begin(), outs->begin() + numStates);
    for (int64_t s = 0; s < numOut; ++s)
      next.push_back(writeRow(b, loc, carried[1 + numStates + s], (*outs)[numStates + s],
                              rowIndex(carried[0], l.outDirs[s]), l.outAxes[s]));
    return next;
  };
  auto op = buildWhile(c, init, cond, body);
  if (failed(op))
    return failure();
  return SmallVector<Value>((*op)->result_begin() + 1, (*op)->result_end());
}

/// The Scan body, the number of scan inputs and of states, checked against the node.
LogicalResult scanShape(NodeContext &c, int64_t numInputs, const onnx::GraphProto *&g,
                        int64_t &numIn, int64_t &numStates) {
  auto bodyG = graphAttr(c, "body");
  if (failed(bodyG))
    return failure();
  g = *bodyG;
  numIn = c.getInt("num_scan_inputs", 0);
  numStates = numInputs - numIn;
  if (numIn < 1 || numStates < 0 || g->output_size() < numStates)
    return c.invalid("num_scan_inputs does not match the inputs");
  return success();
}

SmallVector<int64_t> intsOrZeros(NodeContext &c, StringRef name, int64_t n) {
  SmallVector<int64_t> v = c.getInts(name);
  v.resize(n, 0);
  return v;
}

// Scan (opset 9+): scan inputs are walked along their scan axes.
LogicalResult convertScan(NodeContext &c) {
  const onnx::GraphProto *g;
  int64_t numIn, numStates;
  if (failed(scanShape(c, c.inputs.size(), g, numIn, numStates)))
    return failure();
  int64_t numOut = g->output_size() - numStates;
  ScanLayout l{intsOrZeros(c, "scan_input_axes", numIn),
               intsOrZeros(c, "scan_input_directions", numIn),
               intsOrZeros(c, "scan_output_axes", numOut),
               intsOrZeros(c, "scan_output_directions", numOut)};
  ValueRange ins(c.inputs);
  auto results = scanLoop(c, *g, ins.take_front(numStates), ins.drop_front(numStates), l);
  if (failed(results))
    return failure();
  c.results = *results;
  return success();
}

// Scan-8: every input has a leading batch axis, scanned along axis 1; one loop per
// batch entry, results stacked back along the batch axis.
LogicalResult convertScan8(NodeContext &c) {
  const onnx::GraphProto *g;
  int64_t numIn, numStates;
  if (c.inputs.empty() || failed(scanShape(c, c.inputs.size() - 1, g, numIn, numStates)))
    return failure();
  ValueRange ins = ValueRange(c.inputs).drop_front();
  int64_t batch = shapeOf(ins[0])[0], trips = shapeOf(ins.back())[1];
  if (c.in(0)) {
    auto lens = c.constIntInput(0, "sequence_lens");
    if (failed(lens))
      return failure();
    if (llvm::any_of(*lens, [&](int64_t n) { return n != trips; }))
      return c.unsupported("sequence_lens other than the full sequence");
  }
  int64_t numOut = g->output_size() - numStates;
  ScanLayout l{SmallVector<int64_t>(numIn, 0), intsOrZeros(c, "directions", numIn),
               SmallVector<int64_t>(numOut, 0), SmallVector<int64_t>(numOut, 0)};
  SmallVector<SmallVector<Value>> perBatch(numStates + numOut);
  for (int64_t i = 0; i < batch; ++i) {
    SmallVector<Value> rows;
    for (Value v : ins)
      rows.push_back(readRow(c.b, c.loc, v, scalarI64(c.b, c.loc, i), 0));
    ValueRange rowRange(rows);
    auto results = scanLoop(c, *g, rowRange.take_front(numStates),
                            rowRange.drop_front(numStates), l);
    if (failed(results))
      return failure();
    for (auto [k, r] : llvm::enumerate(*results)) {
      SmallVector<int64_t> shape{1};
      shape.append(shapeOf(r).begin(), shapeOf(r).end());
      perBatch[k].push_back(reshape(c.b, c.loc, r, shape));
    }
  }
  for (auto &parts : perBatch)
    c.results.push_back(parts.size() == 1
                            ? parts[0]
                            : hlo::ConcatenateOp::create(c.b, c.loc, parts, 0).getResult());
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerControlFlowOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"If", 11, M, convertIf, "then_branch,else_branch",
       "stablehlo.if; branches of different types need cond constant or specialized"},
      {"Loop", 11, M, convertLoop, "body",
       "stablehlo.while; loop-carried values keep static types; scan outputs need a "
       "constant trip count and a loop that does not stop early"},
      {"Scan", 8, 8, convertScan8, "body,directions,num_scan_inputs",
       "stablehlo.while per batch entry; full sequence_lens"},
      {"Scan", 9, M, convertScan,
       "body,num_scan_inputs,scan_input_axes,scan_input_directions,scan_output_axes,"
       "scan_output_directions",
       "stablehlo.while over the static scan length"},
  });
}
