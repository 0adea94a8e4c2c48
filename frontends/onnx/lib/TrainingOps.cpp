//===- TrainingOps.cpp - ai.onnx.preview.training ops ---------------------===//
//
// Optimizers (Adagrad, Momentum, Adam) are the closed-form elementwise updates of
// the ONNX spec; the iteration count T is a run-time input, so its case split
// (T > 0) is a select. Gradient is reverse-mode differentiation of the forward
// graph, done at import time over the nodes between `xs` and `y`.
//
//===----------------------------------------------------------------------===//
#include "Converter.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <functional>

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

constexpr const char *kTraining = "ai.onnx.preview.training";

/// Elementwise arithmetic on tensors of one shape and element type; scalar operands
/// (R, T) are converted and broadcast.
struct Ew {
  OpBuilder &b;
  Location loc;
  SmallVector<int64_t> shape;
  Type elem;

  Value k(double v) { return splat(b, loc, RankedTensorType::get(shape, elem), v); }
  Value fit(Value v) { return broadcastTo(b, loc, convert(b, loc, v, elem), shape); }
  Value add(Value x, Value y) { return hlo::AddOp::create(b, loc, x, y); }
  Value sub(Value x, Value y) { return hlo::SubtractOp::create(b, loc, x, y); }
  Value mul(Value x, Value y) { return hlo::MulOp::create(b, loc, x, y); }
  Value div(Value x, Value y) { return hlo::DivOp::create(b, loc, x, y); }
  Value mul(double a, Value y) { return mul(k(a), y); }
  Value sqrt(Value x) { return hlo::SqrtOp::create(b, loc, x); }
  Value pow(Value x, Value y) { return hlo::PowOp::create(b, loc, x, y); }
  /// T > 0 ? a : c, with T the run-time iteration count.
  Value ifPositive(Value t, Value a, Value c) {
    Value tt = fit(t);
    Value gt = compare(b, loc, hlo::ComparisonDirection::GT, tt, k(0));
    return hlo::SelectOp::create(b, loc, gt, a, c);
  }
};

/// Splits the variadic tensors after R and T into `groups` equal groups (X, G, ...).
FailureOr<SmallVector<SmallVector<Value>>> optimizerGroups(NodeContext &c, int groups) {
  int64_t n = (int64_t)c.inputs.size() - 2;
  if (n <= 0 || n % groups || c.numOutputs() * groups != (unsigned)n * (groups - 1)) {
    (void)c.invalid("expects R, T and " + Twine(groups) + " groups of tensors");
    return failure();
  }
  int64_t per = n / groups;
  SmallVector<SmallVector<Value>> out(groups);
  for (int g = 0; g < groups; ++g)
    for (int64_t i = 0; i < per; ++i) {
      Value v = c.in(2 + g * per + i);
      if (!v || !isa<FloatType>(elemType(v))) {
        (void)c.invalid("optimizer tensors must be floating point");
        return failure();
      }
      out[g].push_back(v);
    }
  return out;
}

Ew ewFor(NodeContext &c, Value x) {
  return Ew{c.b, c.loc, SmallVector<int64_t>(shapeOf(x)), elemType(x)};
}

LogicalResult convertAdagrad(NodeContext &c) {
  auto groups = optimizerGroups(c, 3);
  if (failed(groups))
    return failure();
  double decay = c.getFloat("decay_factor", 0), eps = c.getFloat("epsilon", 1e-6f),
         norm = c.getFloat("norm_coefficient", 0);
  auto &xs = (*groups)[0], &gs = (*groups)[1], &hs = (*groups)[2];
  SmallVector<Value> newX, newH;
  for (size_t i = 0; i < xs.size(); ++i) {
    Ew e = ewFor(c, xs[i]);
    Value r = e.div(e.fit(c.in(0)), e.add(e.k(1), e.mul(decay, e.fit(c.in(1)))));
    Value g = e.add(e.mul(norm, xs[i]), gs[i]);
    Value h = e.add(hs[i], e.mul(g, g));
    Value adaptive = e.add(e.sqrt(h), e.k(eps));
    newX.push_back(e.sub(xs[i], e.div(e.mul(r, g), adaptive)));
    newH.push_back(h);
  }
  c.results.append(newX);
  c.results.append(newH);
  return success();
}

LogicalResult convertMomentum(NodeContext &c) {
  auto groups = optimizerGroups(c, 3);
  if (failed(groups))
    return failure();
  if (!c.has("alpha") || !c.has("beta") || !c.has("mode") || !c.has("norm_coefficient"))
    return c.invalid("alpha, beta, mode and norm_coefficient are required");
  double alpha = c.getFloat("alpha", 0), beta = c.getFloat("beta", 0),
         norm = c.getFloat("norm_coefficient", 0);
  std::string mode = c.getString("mode", "");
  if (mode != "standard" && mode != "nesterov")
    return c.invalid("mode '" + mode + "'");
  auto &xs = (*groups)[0], &gs = (*groups)[1], &vs = (*groups)[2];
  SmallVector<Value> newX, newV;
  for (size_t i = 0; i < xs.size(); ++i) {
    Ew e = ewFor(c, xs[i]);
    Value r = e.fit(c.in(0));
    Value g = e.add(e.mul(norm, xs[i]), gs[i]);
    // The first step (T == 0) takes the gradient unscaled.
    Value betaAdj = e.ifPositive(c.in(1), e.k(beta), e.k(1));
    Value v = e.add(e.mul(alpha, vs[i]), e.mul(betaAdj, g));
    Value step = mode == "standard" ? v : e.add(g, e.mul(alpha, v));
    newX.push_back(e.sub(xs[i], e.mul(r, step)));
    newV.push_back(v);
  }
  c.results.append(newX);
  c.results.append(newV);
  return success();
}

LogicalResult convertAdam(NodeContext &c) {
  auto groups = optimizerGroups(c, 4);
  if (failed(groups))
    return failure();
  double alpha = c.getFloat("alpha", 0.9), beta = c.getFloat("beta", 0.999),
         eps = c.getFloat("epsilon", 1e-6f), norm = c.getFloat("norm_coefficient", 0),
         post = c.getFloat("norm_coefficient_post", 0);
  auto &xs = (*groups)[0], &gs = (*groups)[1], &vs = (*groups)[2], &hs = (*groups)[3];
  SmallVector<Value> newX, newV, newH;
  for (size_t i = 0; i < xs.size(); ++i) {
    Ew e = ewFor(c, xs[i]);
    Value r = e.fit(c.in(0)), t = e.fit(c.in(1));
    Value g = e.add(e.mul(norm, xs[i]), gs[i]);
    Value v = e.add(e.mul(alpha, vs[i]), e.mul(1 - alpha, g));
    Value h = e.add(e.mul(beta, hs[i]), e.mul(1 - beta, e.mul(g, g)));
    Value hSqrt = e.add(e.sqrt(h), e.k(eps));
    // Bias correction of both moments once T > 0.
    Value corrected = e.div(e.mul(r, e.sqrt(e.sub(e.k(1), e.pow(e.k(beta), t)))),
                            e.sub(e.k(1), e.pow(e.k(alpha), t)));
    Value rAdj = e.ifPositive(c.in(1), corrected, r);
    Value x = e.sub(xs[i], e.mul(rAdj, e.div(v, hSqrt)));
    newX.push_back(e.mul(1 - post, x));
    newV.push_back(v);
    newH.push_back(h);
  }
  c.results.append(newX);
  c.results.append(newV);
  c.results.append(newH);
  return success();
}

//===----------------------------------------------------------------------===//
// Gradient
//===----------------------------------------------------------------------===//

/// Sums `adj` (of a broadcast result's shape) back to `shape`.
Value unbroadcast(OpBuilder &b, Location loc, Value adj, ArrayRef<int64_t> shape) {
  ArrayRef<int64_t> from = shapeOf(adj);
  if (from == shape)
    return adj;
  int64_t lead = (int64_t)from.size() - (int64_t)shape.size();
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < (int64_t)from.size(); ++i)
    if (i < lead || (shape[i - lead] == 1 && from[i] != 1))
      dims.push_back(i);
  return reshape(b, loc, reduce(b, loc, adj, dims, ReduceKind::Sum, false), shape);
}

/// Adds `contribution` to the adjoint of `name`.
void accumulate(OpBuilder &b, Location loc, llvm::StringMap<Value> &adjoints,
                StringRef name, Value contribution) {
  Value &slot = adjoints[name];
  slot = slot ? Value(hlo::AddOp::create(b, loc, slot, contribution)) : contribution;
}

/// Propagates the adjoint of `node`'s output to its inputs.
LogicalResult backprop(NodeContext &c, const onnx::NodeProto &node,
                       llvm::StringMap<Value> &adjoints) {
  Value adj = adjoints.lookup(node.output(0));
  if (!adj)
    return success();
  OpBuilder &b = c.b;
  Location loc = c.loc;
  StringRef op = node.op_type();
  auto in = [&](int i) { return c.lookup(node.input(i)); };
  auto give = [&](int i, Value v) {
    accumulate(b, loc, adjoints, node.input(i), unbroadcast(b, loc, v, shapeOf(in(i))));
  };
  if (op == "Identity") {
    give(0, adj);
  } else if (op == "Neg") {
    give(0, hlo::NegOp::create(b, loc, adj));
  } else if (op == "Add" || op == "Sub") {
    give(0, adj);
    give(1, op == "Add" ? adj : Value(hlo::NegOp::create(b, loc, adj)));
  } else if (op == "Mul" || op == "Div") {
    SmallVector<Value> ab{in(0), in(1)};
    if (failed(broadcastAll(c, ab)))
      return failure();
    if (op == "Mul") {
      give(0, hlo::MulOp::create(b, loc, adj, ab[1]));
      give(1, hlo::MulOp::create(b, loc, adj, ab[0]));
    } else {
      Value da = hlo::DivOp::create(b, loc, adj, ab[1]);
      Value q = hlo::DivOp::create(b, loc, ab[0], ab[1]);
      give(0, da);
      give(1, hlo::NegOp::create(b, loc, hlo::MulOp::create(b, loc, da, q)));
    }
  } else {
    return c.unsupported("differentiating op " + op.str() + " (Add, Sub, Mul, Div, Neg "
                         "and Identity are supported)");
  }
  return success();
}

/// The nodes computing `y` from `xs`, producers first.
FailureOr<SmallVector<const onnx::NodeProto *>>
forwardNodes(NodeContext &c, StringRef y, const llvm::StringSet<> &xs) {
  llvm::StringMap<const onnx::NodeProto *> producer;
  for (const auto &n : c.graph->node())
    for (const std::string &out : n.output())
      if (!out.empty())
        producer[out] = &n;
  SmallVector<const onnx::NodeProto *> order;
  llvm::DenseSet<const onnx::NodeProto *> seen;
  std::function<void(StringRef)> visit = [&](StringRef name) {
    const onnx::NodeProto *n = producer.lookup(name);
    if (xs.contains(name) || !n || !seen.insert(n).second)
      return;
    for (const std::string &in : n->input())
      if (!in.empty())
        visit(in);
    order.push_back(n);
  };
  visit(y);
  for (const onnx::NodeProto *n : order)
    for (const std::string &name : n->output())
      if (!name.empty() && !c.lookup(name)) {
        (void)c.unsupported("'" + name + "' is computed after the Gradient node");
        return failure();
      }
  return order;
}

LogicalResult convertGradient(NodeContext &c) {
  const onnx::AttributeProto *xsAttr = c.attr("xs");
  std::string y = c.getString("y", "");
  if (!xsAttr || y.empty() || !c.graph || !c.lookup(y))
    return c.invalid("xs and y must name tensors of the graph");
  llvm::StringSet<> xs;
  for (const std::string &x : xsAttr->strings())
    xs.insert(x);
  if ((int)c.numOutputs() != xsAttr->strings_size())
    return c.invalid("one output per entry of xs expected");
  auto nodes = forwardNodes(c, y, xs);
  if (failed(nodes))
    return failure();
  Value yv = c.lookup(y);
  if (!isa<FloatType>(elemType(yv)))
    return c.invalid("y must be floating point");
  llvm::StringMap<Value> adjoints;
  // The gradient of y with respect to itself: ones (the spec's implicit seed).
  adjoints[y] = splat(c.b, c.loc, tensorType(yv), 1);
  for (const onnx::NodeProto *n : llvm::reverse(*nodes))
    if (failed(backprop(c, *n, adjoints)))
      return failure();
  for (const std::string &x : xsAttr->strings()) {
    Value xv = c.lookup(x);
    if (!xv)
      return c.invalid("xs names '" + x + "', which is not a tensor of the graph");
    Value g = adjoints.lookup(x);
    c.results.push_back(g ? g : splat(c.b, c.loc, tensorType(xv), 0));
  }
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerTrainingOps(Registry &r) {
  r.insert(r.end(), {
      {"Adagrad", 1, 1, convertAdagrad, "decay_factor,epsilon,norm_coefficient", "",
       kTraining},
      {"Momentum", 1, 1, convertMomentum, "alpha,beta,mode,norm_coefficient", "",
       kTraining},
      {"Adam", 1, 1, convertAdam,
       "alpha,beta,epsilon,norm_coefficient,norm_coefficient_post", "", kTraining},
      {"Gradient", 1, 1, convertGradient, "xs,y",
       "import-time reverse mode through Add, Sub, Mul, Div, Neg, Identity", kTraining},
  });
}
