//===- RecognizeCustomCalls.cpp - softmax / layer norm / gelu recognition -===//
//
// byteir-hlo-fusion-recognition: rewrites the StableHLO that JAX and PyTorch
// exporters produce for softmax, layer norm and gelu into `byteir.*` custom calls
// (see the pass description in Passes.td for the forms and the attributes).
//
// Each matcher starts at the last op of a pattern and walks up its operands,
// collecting the ops it consumes. A match is rewritten only when no consumed op has
// a user outside the pattern (other than the root), shapes are static and the
// element type is f32, f16 or bf16. Splat constants (possibly broadcast) are leaves
// and never consumed, so sharing them is fine.
//
// gelu's erf form is matched on chlo.erf / chlo.erfc: after chlo legalization erf is
// a long polynomial that is not worth recognizing. The frontend pipeline therefore
// runs this pass before chlo-legalize-to-stablehlo, and once more after
// canonicalize/cse (where softmax / layer norm written with duplicated subexpressions
// have been merged).
//
//===----------------------------------------------------------------------===//
#include "byteir/Transforms/Passes.h"

#include "byteir/Dialect/CHLO/IR/CHLOOps.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

#include <cmath>
#include <optional>

namespace mlir::byteir {
#define GEN_PASS_DEF_HLOFUSIONRECOGNITION
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;
using namespace mlir::stablehlo;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The value of a splat floating-point constant, looking through broadcasts and
/// reshapes of it.
std::optional<double> splatValue(Value v) {
  while (Operation *def = v.getDefiningOp()) {
    if (auto b = dyn_cast<BroadcastInDimOp>(def))
      v = b.getOperand();
    else if (auto r = dyn_cast<ReshapeOp>(def))
      v = r.getOperand();
    else
      break;
  }
  DenseElementsAttr attr;
  if (!matchPattern(v, m_Constant(&attr)) || !attr.isSplat() ||
      !isa<FloatType>(attr.getElementType()))
    return std::nullopt;
  APFloat f = attr.getSplatValue<APFloat>();
  bool lost = false;
  f.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
  return f.convertToDouble();
}

bool near(std::optional<double> v, double want, double rel = 2e-3) {
  return v && std::abs(*v - want) <= rel * std::abs(want);
}

bool isSplat(Value v, double want) {
  std::optional<double> s = splatValue(v);
  if (!s)
    return false;
  if (std::isinf(want))
    return *s == want;
  return want == 0.0 ? *s == 0.0 : near(s, want, 1e-6);
}

/// A statically shaped tensor of f32, f16 or bf16.
RankedTensorType supportedType(Type t) {
  auto type = dyn_cast<RankedTensorType>(t);
  if (!type || !type.hasStaticShape())
    return nullptr;
  Type e = type.getElementType();
  if (!e.isF32() && !e.isF16() && !e.isBF16())
    return nullptr;
  return type;
}

/// The ops a match consumes; the root is replaced, the others erased.
struct Match {
  Operation *root = nullptr;
  llvm::SetVector<Operation *> ops;

  void add(Operation *op) { ops.insert(op); }
  void add(Value v) {
    if (Operation *op = v.getDefiningOp())
      ops.insert(op);
  }
  /// No consumed op other than the root has a user outside the match.
  bool closed() const {
    for (Operation *op : ops) {
      if (op == root)
        continue;
      for (Operation *user : op->getUsers())
        if (!ops.contains(user))
          return false;
    }
    return true;
  }
};

/// Follows reshapes and order-preserving broadcast_in_dims that keep the element
/// count (unit dims added or removed): the same values in the same order.
Value skipRowReshape(Value v, Match &m) {
  while (Operation *def = v.getDefiningOp()) {
    if (auto r = dyn_cast<ReshapeOp>(def)) {
      m.add(def);
      v = r.getOperand();
      continue;
    }
    if (auto b = dyn_cast<BroadcastInDimOp>(def)) {
      auto in = cast<ShapedType>(b.getOperand().getType());
      auto out = cast<ShapedType>(b.getType());
      if (!in.hasStaticShape() || !out.hasStaticShape() ||
          in.getNumElements() != out.getNumElements() ||
          !llvm::is_sorted(b.getBroadcastDimensions()))
        break;
      m.add(def);
      v = b.getOperand();
      continue;
    }
    break;
  }
  return v;
}

/// Peels the broadcast_in_dim / reshape chain that produces `full` from a smaller
/// value; succeeds when the non-unit dims of that value map, in order, exactly onto
/// the non-unit dims among `kept` of `full` (every other dim of `full` is broadcast).
/// Returns that value in `base`.
bool peelBroadcast(Value full, ArrayRef<int64_t> kept, Value &base, Match &m) {
  auto fullType = dyn_cast<RankedTensorType>(full.getType());
  if (!fullType || !fullType.hasStaticShape())
    return false;
  Value cur = full;
  SmallVector<int64_t> map = llvm::to_vector(llvm::seq<int64_t>(0, fullType.getRank()));
  SmallVector<Operation *> chain;
  while (Operation *def = cur.getDefiningOp()) {
    auto curType = cast<RankedTensorType>(cur.getType());
    if (auto b = dyn_cast<BroadcastInDimOp>(def)) {
      auto in = dyn_cast<RankedTensorType>(b.getOperand().getType());
      if (!in || !in.hasStaticShape())
        return false;
      SmallVector<int64_t> next;
      for (auto [i, d] : llvm::enumerate(b.getBroadcastDimensions())) {
        bool expanded = in.getDimSize(i) == 1 && curType.getDimSize(d) != 1;
        next.push_back(expanded ? -1 : map[d]);
      }
      map = next;
      chain.push_back(def);
      cur = b.getOperand();
      continue;
    }
    if (auto r = dyn_cast<ReshapeOp>(def)) {
      auto in = dyn_cast<RankedTensorType>(r.getOperand().getType());
      if (!in || !in.hasStaticShape())
        return false;
      // Only unit dims may be added or removed.
      SmallVector<int64_t> outNonUnit, inNonUnit;
      for (int64_t d = 0; d < curType.getRank(); ++d)
        if (curType.getDimSize(d) != 1)
          outNonUnit.push_back(d);
      for (int64_t d = 0; d < in.getRank(); ++d)
        if (in.getDimSize(d) != 1)
          inNonUnit.push_back(d);
      if (outNonUnit.size() != inNonUnit.size())
        break;
      bool same = true;
      for (auto [o, i] : llvm::zip(outNonUnit, inNonUnit))
        same &= curType.getDimSize(o) == in.getDimSize(i);
      if (!same)
        break;
      SmallVector<int64_t> next(in.getRank(), -1);
      for (auto [o, i] : llvm::zip(outNonUnit, inNonUnit))
        next[i] = map[o];
      map = next;
      chain.push_back(def);
      cur = r.getOperand();
      continue;
    }
    break;
  }
  auto baseType = cast<RankedTensorType>(cur.getType());
  SmallVector<int64_t> got, want;
  for (int64_t d = 0; d < baseType.getRank(); ++d) {
    if (baseType.getDimSize(d) == 1)
      continue;
    if (map[d] < 0)
      return false;
    got.push_back(map[d]);
  }
  for (int64_t d : kept)
    if (fullType.getDimSize(d) != 1)
      want.push_back(d);
  if (got != want)
    return false;
  for (Operation *op : chain)
    m.add(op);
  base = cur;
  return true;
}

SmallVector<int64_t> complement(int64_t rank, ArrayRef<int64_t> dims) {
  SmallVector<int64_t> out;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(dims, d))
      out.push_back(d);
  return out;
}

/// `row` is `reduce(input) across dims` with an add (or maximum) body and the
/// neutral init value.
template <typename BodyOp>
ReduceOp matchReduce(Value row, Match &m) {
  auto reduce = row.getDefiningOp<ReduceOp>();
  if (!reduce || reduce.getInputs().size() != 1)
    return nullptr;
  Block &body = reduce.getBody().front();
  if (body.getOperations().size() != 2)
    return nullptr;
  auto op = dyn_cast<BodyOp>(&body.front());
  if (!op || op->getNumOperands() != 2)
    return nullptr;
  auto ret = dyn_cast<ReturnOp>(body.getTerminator());
  if (!ret || ret->getNumOperands() != 1 || ret->getOperand(0) != op->getResult(0))
    return nullptr;
  bool args = (op->getOperand(0) == body.getArgument(0) &&
               op->getOperand(1) == body.getArgument(1)) ||
              (op->getOperand(0) == body.getArgument(1) &&
               op->getOperand(1) == body.getArgument(0));
  if (!args)
    return nullptr;
  Value init = reduce.getInitValues().front();
  if (std::is_same_v<BodyOp, AddOp>) {
    if (!isSplat(init, 0.0))
      return nullptr;
  } else {
    std::optional<double> s = splatValue(init);
    if (!s || !(*s == -INFINITY || *s <= -3.0e38))
      return nullptr;
  }
  m.add(reduce.getOperation());
  return reduce;
}

std::optional<SmallVector<int64_t>> sortedDims(ReduceOp reduce) {
  SmallVector<int64_t> dims(reduce.getDimensions());
  llvm::sort(dims);
  return dims;
}

//===----------------------------------------------------------------------===//
// Rewriting
//===----------------------------------------------------------------------===//

/// Erases `op` and records it, and the ops nested in its regions (a reduce's body
/// holds candidate adds), so the pass never visits them again.
void eraseAndRecord(Operation *op, llvm::DenseSet<Operation *> &erased) {
  op->walk([&](Operation *nested) { erased.insert(nested); });
  op->erase();
}

void replaceWithCall(Match &m, StringRef target, ValueRange operands,
                     ArrayRef<NamedAttribute> attrs, llvm::DenseSet<Operation *> &erased) {
  OpBuilder b(m.root);
  MLIRContext *ctx = b.getContext();
  SmallVector<NamedAttribute> callAttrs = {
      b.getNamedAttr("call_target_name", b.getStringAttr(target)),
      b.getNamedAttr("byteir_attrs", DictionaryAttr::get(ctx, attrs))};
  auto call = CustomCallOp::create(b, m.root->getLoc(), m.root->getResultTypes(), operands,
                                   callAttrs);
  m.root->replaceAllUsesWith(call->getResults());
  // Erase what became dead, users first.
  // Constants (and their broadcasts) the pattern used may die with it.
  llvm::SetVector<Operation *> maybeDead;
  for (Operation *op : m.ops)
    for (Value v : op->getOperands())
      if (Operation *def = v.getDefiningOp(); def && !m.ops.contains(def))
        maybeDead.insert(def);
  for (Operation *op : m.ops)
    erased.insert(op);
  SmallVector<Operation *> ops(m.ops.begin(), m.ops.end());
  llvm::erase(ops, m.root);
  eraseAndRecord(m.root, erased);
  bool changed = true;
  while (changed) {
    changed = false;
    for (Operation *&op : ops) {
      if (op && op->use_empty()) {
        eraseAndRecord(op, erased);
        op = nullptr;
        changed = true;
      }
    }
  }
  for (size_t i = 0; i < maybeDead.size(); ++i) {
    Operation *op = maybeDead[i];
    if (erased.contains(op) || !isOpTriviallyDead(op))
      continue;
    for (Value v : op->getOperands())
      if (Operation *def = v.getDefiningOp())
        maybeDead.insert(def);
    eraseAndRecord(op, erased);
  }
}

//===----------------------------------------------------------------------===//
// softmax: exp(x - max(x)) / sum(exp(x - max(x))) along one axis
//===----------------------------------------------------------------------===//

bool matchSoftmax(DivOp div, Value &x, int64_t &axis, Match &m) {
  m.add(div.getOperation());
  Value e = div.getLhs();
  // The denominator: a broadcast of sum(e) along one axis.
  Value sumRow;
  auto type = cast<RankedTensorType>(div.getType());
  {
    // Find the reduce first to learn the axis, then check the broadcast.
    Match probe;
    Value cur = div.getRhs();
    while (Operation *def = cur.getDefiningOp()) {
      if (isa<BroadcastInDimOp, ReshapeOp>(def))
        cur = def->getOperand(0);
      else
        break;
    }
    ReduceOp sum = matchReduce<AddOp>(cur, probe);
    if (!sum || sum.getDimensions().size() != 1 || sum.getInputs().front() != e)
      return false;
    axis = sum.getDimensions().front();
  }
  if (!peelBroadcast(div.getRhs(), complement(type.getRank(), {axis}), sumRow, m))
    return false;
  sumRow = skipRowReshape(sumRow, m);
  ReduceOp sum = matchReduce<AddOp>(sumRow, m);
  if (!sum || sum.getInputs().front() != e)
    return false;
  auto exp = e.getDefiningOp<ExpOp>();
  if (!exp)
    return false;
  m.add(exp.getOperation());
  auto sub = exp.getOperand().getDefiningOp<SubtractOp>();
  if (!sub)
    return false;
  m.add(sub.getOperation());
  x = sub.getLhs();
  Value maxRow;
  if (!peelBroadcast(sub.getRhs(), complement(type.getRank(), {axis}), maxRow, m))
    return false;
  maxRow = skipRowReshape(maxRow, m);
  // JAX writes max(-inf, reduce_max(x)).
  if (auto mx = maxRow.getDefiningOp<MaxOp>()) {
    Value other;
    if (isSplat(mx.getLhs(), -INFINITY))
      other = mx.getRhs();
    else if (isSplat(mx.getRhs(), -INFINITY))
      other = mx.getLhs();
    else
      return false;
    m.add(mx.getOperation());
    maxRow = skipRowReshape(other, m);
  }
  ReduceOp max = matchReduce<MaxOp>(maxRow, m);
  if (!max || max.getInputs().front() != x || max.getDimensions().size() != 1 ||
      max.getDimensions().front() != axis)
    return false;
  return x.getType() == div.getType();
}

//===----------------------------------------------------------------------===//
// layer norm
//===----------------------------------------------------------------------===//

struct LayerNorm {
  Value x;
  SmallVector<int64_t> axes;
  double epsilon = 0;
  Value scale, bias;
};

/// `row` is mean(input) over `axes`: sum / N or sum * (1/N). When `axes` is empty
/// it is set from the reduce (trailing axes only).
bool matchMean(Value row, Value input, SmallVector<int64_t> &axes, Match &m) {
  row = skipRowReshape(row, m);
  Value sumRow;
  std::optional<double> divisor, factor;
  if (auto div = row.getDefiningOp<DivOp>()) {
    divisor = splatValue(div.getRhs());
    sumRow = div.getLhs();
    m.add(div.getOperation());
  } else if (auto mul = row.getDefiningOp<MulOp>()) {
    if ((factor = splatValue(mul.getRhs())))
      sumRow = mul.getLhs();
    else if ((factor = splatValue(mul.getLhs())))
      sumRow = mul.getRhs();
    m.add(mul.getOperation());
  }
  if (!sumRow || (!divisor && !factor))
    return false;
  ReduceOp sum = matchReduce<AddOp>(skipRowReshape(sumRow, m), m);
  if (!sum || sum.getInputs().front() != input)
    return false;
  SmallVector<int64_t> dims = *sortedDims(sum);
  auto type = cast<RankedTensorType>(input.getType());
  if (!type.hasStaticShape() || dims.empty())
    return false;
  // Trailing axes only.
  for (auto [i, d] : llvm::enumerate(dims))
    if (d != type.getRank() - static_cast<int64_t>(dims.size()) + static_cast<int64_t>(i))
      return false;
  if (!axes.empty() && axes != dims)
    return false;
  axes = dims;
  double n = 1;
  for (int64_t d : dims)
    n *= type.getDimSize(d);
  return divisor ? near(divisor, n, 1e-6) : near(factor, 1.0 / n, 1e-5);
}

/// `c` is x - broadcast(mean(x)); sets x (when null) and axes.
bool matchCentered(Value c, Value &x, SmallVector<int64_t> &axes, Match &m) {
  auto sub = c.getDefiningOp<SubtractOp>();
  if (!sub || (x && sub.getLhs() != x))
    return false;
  Value in = sub.getLhs();
  auto type = dyn_cast<RankedTensorType>(in.getType());
  if (!type)
    return false;
  m.add(sub.getOperation());
  // The axes come from the mean's reduce: look through the broadcast loosely first.
  Value cur = sub.getRhs();
  SmallVector<int64_t> found = axes;
  {
    Match probe;
    while (Operation *def = cur.getDefiningOp())
      if (isa<BroadcastInDimOp, ReshapeOp>(def))
        cur = def->getOperand(0);
      else
        break;
    if (!matchMean(cur, in, found, probe))
      return false;
  }
  Value row;
  if (!peelBroadcast(sub.getRhs(), complement(type.getRank(), found), row, m) ||
      !matchMean(row, in, found, m))
    return false;
  x = in;
  axes = found;
  return true;
}

/// A per-feature parameter broadcast along the leading (non-normalized) dims. Its
/// broadcasts are leaves, not consumed: they may be shared (e.g. after CSE).
Value matchParam(Value v, const LayerNorm &ln, Match &) {
  Value base;
  Match leaves;
  if (!peelBroadcast(v, ln.axes, base, leaves))
    return nullptr;
  auto type = cast<RankedTensorType>(base.getType());
  auto xType = cast<RankedTensorType>(ln.x.getType());
  if (type.getElementType() != xType.getElementType() || !type.hasStaticShape())
    return nullptr;
  return base;
}

/// var(x) over ln.axes, as mean((x - mean)^2) or E[x^2] - E[x]^2 (optionally
/// max(0, .)); `c` is the centered value used by the normalization.
bool matchVariance(Value row, Value c, LayerNorm &ln, Match &m) {
  row = skipRowReshape(row, m);
  if (auto mx = row.getDefiningOp<MaxOp>()) {
    if (isSplat(mx.getLhs(), 0.0))
      row = skipRowReshape(mx.getRhs(), m);
    else if (isSplat(mx.getRhs(), 0.0))
      row = skipRowReshape(mx.getLhs(), m);
    else
      return false;
    m.add(mx.getOperation());
  }
  // E[x^2] - E[x]^2
  if (auto sub = row.getDefiningOp<SubtractOp>()) {
    m.add(sub.getOperation());
    Value lhs = skipRowReshape(sub.getLhs(), m);
    Value sq = lhs;
    {
      Match probe;
      Value cur = lhs;
      if (auto d = cur.getDefiningOp<DivOp>())
        cur = d.getLhs();
      else if (auto mm = cur.getDefiningOp<MulOp>())
        cur = splatValue(mm.getRhs()) ? mm.getLhs() : mm.getRhs();
      auto reduce = skipRowReshape(cur, probe).getDefiningOp<ReduceOp>();
      if (!reduce)
        return false;
      sq = reduce.getInputs().front();
    }
    auto square = sq.getDefiningOp<MulOp>();
    if (!square || square.getLhs() != ln.x || square.getRhs() != ln.x)
      return false;
    m.add(square.getOperation());
    SmallVector<int64_t> axes = ln.axes;
    if (!matchMean(lhs, sq, axes, m))
      return false;
    auto meanSq = skipRowReshape(sub.getRhs(), m).getDefiningOp<MulOp>();
    if (!meanSq)
      return false;
    m.add(meanSq.getOperation());
    return matchMean(meanSq.getLhs(), ln.x, axes, m) &&
           matchMean(meanSq.getRhs(), ln.x, axes, m);
  }
  // mean((x - mean)^2)
  Value sq;
  {
    Match probe;
    Value cur = row;
    if (auto d = cur.getDefiningOp<DivOp>())
      cur = d.getLhs();
    else if (auto mm = cur.getDefiningOp<MulOp>())
      cur = splatValue(mm.getRhs()) ? mm.getLhs() : mm.getRhs();
    auto reduce = skipRowReshape(cur, probe).getDefiningOp<ReduceOp>();
    if (!reduce)
      return false;
    sq = reduce.getInputs().front();
  }
  Value c1;
  if (auto square = sq.getDefiningOp<MulOp>()) {
    if (square.getLhs() != square.getRhs())
      return false;
    c1 = square.getLhs();
    m.add(square.getOperation());
  } else if (auto pow = sq.getDefiningOp<PowOp>()) {
    if (!isSplat(pow.getRhs(), 2.0))
      return false;
    c1 = pow.getLhs();
    m.add(pow.getOperation());
  } else {
    return false;
  }
  if (c1 != c) {
    // Before CSE the centered value may be computed twice.
    Value x = ln.x;
    SmallVector<int64_t> axes = ln.axes;
    if (!matchCentered(c1, x, axes, m))
      return false;
  }
  SmallVector<int64_t> axes = ln.axes;
  return matchMean(row, sq, axes, m);
}

/// rsqrt(var + eps) (or 1 / sqrt(var + eps) when `sqrtForm`) as a row value.
bool matchInvStd(Value row, Value c, bool sqrtForm, LayerNorm &ln, Match &m) {
  row = skipRowReshape(row, m);
  Value arg;
  if (sqrtForm) {
    auto s = row.getDefiningOp<SqrtOp>();
    if (!s)
      return false;
    m.add(s.getOperation());
    arg = s.getOperand();
  } else {
    auto r = row.getDefiningOp<RsqrtOp>();
    if (!r)
      return false;
    m.add(r.getOperation());
    arg = r.getOperand();
  }
  arg = skipRowReshape(arg, m);
  auto add = arg.getDefiningOp<AddOp>();
  if (!add)
    return false;
  m.add(add.getOperation());
  Value var;
  std::optional<double> eps;
  if ((eps = splatValue(add.getRhs())))
    var = add.getLhs();
  else if ((eps = splatValue(add.getLhs())))
    var = add.getRhs();
  if (!eps || *eps <= 0.0)
    return false;
  ln.epsilon = *eps;
  return matchVariance(var, c, ln, m);
}

/// The normalized value, optionally with the scale folded into the inverse std
/// (flax: (x - mean) * (rsqrt(var + eps) * scale)).
bool matchNormalized(Value n, LayerNorm &ln, Match &m) {
  Operation *def = n.getDefiningOp();
  if (!def)
    return false;
  bool sqrtForm = isa<DivOp>(def);
  if (!isa<MulOp, DivOp>(def))
    return false;
  for (int order = 0; order < (sqrtForm ? 1 : 2); ++order) {
    Match trial = m;
    LayerNorm t = ln;
    trial.add(def);
    Value c = def->getOperand(order), f = def->getOperand(1 - order);
    if (!matchCentered(c, t.x, t.axes, trial))
      continue;
    auto type = cast<RankedTensorType>(n.getType());
    SmallVector<int64_t> rowDims = complement(type.getRank(), t.axes);
    Value row;
    if (peelBroadcast(f, rowDims, row, trial) && matchInvStd(row, c, sqrtForm, t, trial)) {
      m = trial;
      ln = t;
      return true;
    }
    if (sqrtForm)
      continue;
    // (rsqrt(var + eps) broadcast) * (scale broadcast)
    auto mul = f.getDefiningOp<MulOp>();
    if (!mul)
      continue;
    trial.add(mul.getOperation());
    for (int o2 = 0; o2 < 2; ++o2) {
      Match t2 = trial;
      LayerNorm ln2 = t;
      Value r;
      if (!peelBroadcast(mul->getOperand(o2), rowDims, r, t2) ||
          !matchInvStd(r, c, false, ln2, t2))
        continue;
      Value scale = matchParam(mul->getOperand(1 - o2), ln2, t2);
      if (!scale)
        continue;
      ln2.scale = scale;
      m = t2;
      ln = ln2;
      return true;
    }
  }
  return false;
}

bool matchScaled(Value v, LayerNorm &ln, Match &m) {
  if (auto mul = v.getDefiningOp<MulOp>()) {
    for (int order = 0; order < 2; ++order) {
      Match trial = m;
      LayerNorm t = ln;
      trial.add(mul.getOperation());
      if (!matchNormalized(mul->getOperand(order), t, trial) || t.scale)
        continue;
      Value scale = matchParam(mul->getOperand(1 - order), t, trial);
      if (!scale)
        continue;
      t.scale = scale;
      m = trial;
      ln = t;
      return true;
    }
  }
  Match trial = m;
  LayerNorm t = ln;
  if (matchNormalized(v, t, trial) && t.scale) {
    m = trial;
    ln = t;
    return true;
  }
  return false;
}

bool matchLayerNorm(Operation *root, LayerNorm &ln, Match &m) {
  Value v = root->getResult(0);
  if (auto add = dyn_cast<AddOp>(root)) {
    for (int order = 0; order < 2; ++order) {
      Match trial;
      trial.root = root;
      LayerNorm t;
      trial.add(root);
      if (!matchScaled(add->getOperand(order), t, trial))
        continue;
      Value bias = matchParam(add->getOperand(1 - order), t, trial);
      if (!bias)
        continue;
      t.bias = bias;
      if (!trial.closed())
        continue;
      m = trial;
      ln = t;
      return true;
    }
    return false;
  }
  // Without a bias: a scaled, else a bare normalization.
  for (auto matcher : {matchScaled, matchNormalized}) {
    Match trial;
    trial.root = root;
    LayerNorm t;
    if (matcher(v, t, trial) && trial.closed()) {
      m = trial;
      ln = t;
      return true;
    }
  }
  return false;
}

//===----------------------------------------------------------------------===//
// gelu
//===----------------------------------------------------------------------===//

/// Flattens a tree of multiplies (and negations) into non-constant leaves and the
/// product of its splat-constant leaves.
void flattenProduct(Value v, SmallVectorImpl<Value> &leaves, double &constant, Match &m,
                    bool isRoot = false) {
  if (std::optional<double> s = splatValue(v)) {
    constant *= *s;
    return;
  }
  Operation *def = v.getDefiningOp();
  if (def && (isRoot || def->hasOneUse())) {
    if (auto mul = dyn_cast<MulOp>(def)) {
      m.add(def);
      flattenProduct(mul.getLhs(), leaves, constant, m);
      flattenProduct(mul.getRhs(), leaves, constant, m);
      return;
    }
    if (auto neg = dyn_cast<NegOp>(def)) {
      m.add(def);
      constant = -constant;
      flattenProduct(neg.getOperand(), leaves, constant, m);
      return;
    }
    if (auto div = dyn_cast<DivOp>(def)) {
      if (std::optional<double> s = splatValue(div.getRhs()); s && *s != 0.0) {
        m.add(def);
        constant /= *s;
        flattenProduct(div.getLhs(), leaves, constant, m);
        return;
      }
    }
  }
  leaves.push_back(v);
}

/// `v` is `c * x` for a constant c near `want`.
bool isScaled(Value v, Value x, double want, Match &m) {
  SmallVector<Value> leaves;
  double c = 1.0;
  flattenProduct(v, leaves, c, m, /*isRoot=*/true);
  return leaves.size() == 1 && leaves.front() == x && near(c, want);
}

/// `v` is `1 + f` for one of the unary ops OpT; returns f's operand.
template <typename OpT>
Value matchOnePlus(Value v, Match &m) {
  auto add = v.getDefiningOp<AddOp>();
  if (!add || !add->hasOneUse())
    return nullptr;
  Value other;
  if (isSplat(add.getLhs(), 1.0))
    other = add.getRhs();
  else if (isSplat(add.getRhs(), 1.0))
    other = add.getLhs();
  else
    return nullptr;
  auto f = other.getDefiningOp<OpT>();
  if (!f)
    return nullptr;
  m.add(add.getOperation());
  m.add(f.getOperation());
  return f->getOperand(0);
}

/// The cdf factor of gelu at x; sets `approximate`.
bool matchGeluCdf(Value t, Value x, StringRef &approximate, Match &m) {
  constexpr double kInvSqrt2 = 0.70710678118654752;
  constexpr double kSqrt2OverPi = 0.79788456080286536;
  {
    Match trial = m;
    if (Value arg = matchOnePlus<chlo::ErfOp>(t, trial)) {
      if (isScaled(arg, x, kInvSqrt2, trial)) {
        m = trial;
        approximate = "none";
        return true;
      }
    }
  }
  if (auto erfc = t.getDefiningOp<chlo::ErfcOp>()) {
    Match trial = m;
    trial.add(erfc.getOperation());
    if (isScaled(erfc.getOperand(), x, -kInvSqrt2, trial)) {
      m = trial;
      approximate = "none";
      return true;
    }
  }
  Match trial = m;
  Value arg = matchOnePlus<TanhOp>(t, trial);
  if (!arg)
    return false;
  SmallVector<Value> leaves;
  double k = 1.0;
  flattenProduct(arg, leaves, k, trial, /*isRoot=*/true);
  if (leaves.size() != 1 || !near(k, kSqrt2OverPi))
    return false;
  auto inner = leaves.front().getDefiningOp<AddOp>();
  if (!inner)
    return false;
  trial.add(inner.getOperation());
  for (int order = 0; order < 2; ++order) {
    if (inner->getOperand(order) != x)
      continue;
    Match t2 = trial;
    SmallVector<Value> cube;
    double c = 1.0;
    flattenProduct(inner->getOperand(1 - order), cube, c, t2, /*isRoot=*/true);
    if (!near(c, 0.044715))
      continue;
    bool ok = false;
    if (cube.size() == 3)
      ok = llvm::all_of(cube, [&](Value v) { return v == x; });
    else if (cube.size() == 1)
      if (auto pow = cube.front().getDefiningOp<PowOp>()) {
        ok = pow.getLhs() == x && isSplat(pow.getRhs(), 3.0);
        t2.add(pow.getOperation());
      }
    if (!ok)
      continue;
    m = t2;
    approximate = "tanh";
    return true;
  }
  return false;
}

bool matchGelu(MulOp root, Value &x, StringRef &approximate, Match &m) {
  m.root = root;
  SmallVector<Value> leaves;
  double c = 1.0;
  flattenProduct(root.getResult(), leaves, c, m, /*isRoot=*/true);
  if (leaves.size() != 2)
    return false;
  // 0.5 * x * cdf, or x * (0.5 * cdf) with the 0.5 folded into the cdf product.
  for (int order = 0; order < 2; ++order) {
    Match trial = m;
    x = leaves[order];
    if (x.getType() != root.getType())
      continue;
    if (near(c, 0.5) && matchGeluCdf(leaves[1 - order], x, approximate, trial) &&
        trial.closed()) {
      m = trial;
      return true;
    }
  }
  return false;
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct HloFusionRecognitionPass
    : byteir::impl::HloFusionRecognitionBase<HloFusionRecognitionPass> {
  void runOnOperation() override {
    SmallVector<Operation *> candidates;
    getOperation().walk([&](Operation *op) {
      if (isa<DivOp, MulOp, AddOp>(op) && supportedType(op->getResult(0).getType()))
        candidates.push_back(op);
    });
    llvm::DenseSet<Operation *> erased;
    // Last ops first, so that a layer norm's bias add is seen before its core.
    for (Operation *op : llvm::reverse(candidates)) {
      if (erased.contains(op))
        continue;
      Match m;
      m.root = op;
      OpBuilder b(op);
      if (auto div = dyn_cast<DivOp>(op)) {
        Value x;
        int64_t axis;
        if (matchSoftmax(div, x, axis, m) && m.closed()) {
          replaceWithCall(m, "byteir.softmax", {x},
                          {b.getNamedAttr("axis", b.getI64IntegerAttr(axis))}, erased);
          continue;
        }
      }
      LayerNorm ln;
      m = Match();
      m.root = op;
      if (matchLayerNorm(op, ln, m) && ln.x.getType() == op->getResult(0).getType()) {
        auto xType = cast<RankedTensorType>(ln.x.getType());
        SmallVector<int64_t> shape;
        for (int64_t d : ln.axes)
          shape.push_back(xType.getDimSize(d));
        auto paramType = RankedTensorType::get(shape, xType.getElementType());
        auto asParam = [&](Value p) -> Value {
          if (p.getType() == paramType)
            return p;
          return ReshapeOp::create(b, op->getLoc(), paramType, p);
        };
        SmallVector<Value> operands = {ln.x};
        if (ln.scale)
          operands.push_back(asParam(ln.scale));
        if (ln.scale && ln.bias)
          operands.push_back(asParam(ln.bias));
        bool biasOutside = ln.bias && !ln.scale;
        if (!biasOutside) {
          replaceWithCall(m, "byteir.layer_norm", operands,
                          {b.getNamedAttr("axis", b.getI64ArrayAttr(ln.axes)),
                           b.getNamedAttr("epsilon", b.getF64FloatAttr(ln.epsilon))},
                          erased);
          continue;
        }
      }
      if (auto mul = dyn_cast<MulOp>(op)) {
        m = Match();
        Value x;
        StringRef approximate;
        if (matchGelu(mul, x, approximate, m)) {
          replaceWithCall(m, "byteir.gelu", {x},
                          {b.getNamedAttr("approximate", b.getStringAttr(approximate))},
                          erased);
          continue;
        }
      }
    }
  }
};

} // namespace
