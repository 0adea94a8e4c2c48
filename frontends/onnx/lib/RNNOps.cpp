//===- RNNOps.cpp - RNN, GRU, LSTM (unrolled over the static sequence) ----===//
#include "Converter.h"

using namespace mlir;
using namespace mlir::byteir::onnxfe;

namespace {

enum class Cell { RNN, GRU, LSTM };

struct Rnn {
  NodeContext &c;
  Type elem;
  Value slice(Value v, int64_t dim, int64_t begin, int64_t end) {
    SmallVector<int64_t> start(rankOf(v), 0), limit(shapeOf(v)), strides(rankOf(v), 1);
    start[dim] = begin;
    limit[dim] = end;
    return hlo::SliceOp::create(c.b, c.loc, v, start, limit, strides);
  }
  /// a [B, K] x w [N, K]^T -> [B, N]
  Value matmulT(Value a, Value w) {
    auto dn = hlo::DotDimensionNumbersAttr::get(c.b.getContext(), {}, {}, {1}, {1});
    auto type = RankedTensorType::get({shapeOf(a)[0], shapeOf(w)[0]}, elem);
    return hlo::DotGeneralOp::create(c.b, c.loc, type, a, w, dn, nullptr, nullptr);
  }
  Value add(Value a, Value b) { return hlo::AddOp::create(c.b, c.loc, a, b); }
  Value mul(Value a, Value b) { return hlo::MulOp::create(c.b, c.loc, a, b); }
  Value rowVector(Value v, int64_t batch) { // [N] -> [B, N]
    auto type = RankedTensorType::get({batch, shapeOf(v)[0]}, elem);
    return hlo::BroadcastInDimOp::create(c.b, c.loc, type, v, SmallVector<int64_t>{1});
  }
  FailureOr<Value> act(StringRef name, Value x) {
    if (name == "Sigmoid")
      return Value(hlo::LogisticOp::create(c.b, c.loc, x.getType(), x));
    if (name == "Tanh")
      return Value(hlo::TanhOp::create(c.b, c.loc, x.getType(), x));
    if (name == "Relu")
      return Value(hlo::MaxOp::create(c.b, c.loc, x, splat(c.b, c.loc, tensorType(x), 0)));
    return (void)c.unsupported("activation '" + name + "'"), failure();
  }
};

LogicalResult convertRecurrent(NodeContext &c, Cell cell) {
  Value x = c.in(0), w = c.in(1), rw = c.in(2), bias = c.in(3), seqLens = c.in(4),
        h0 = c.in(5), c0 = cell == Cell::LSTM ? c.in(6) : Value(),
        peep = cell == Cell::LSTM ? c.in(7) : Value();
  if (!x || !w || !rw)
    return c.invalid("expects X, W, R");
  if (c.has("clip"))
    return c.unsupported("clip");
  if (cell == Cell::LSTM && c.getInt("input_forget", 0))
    return c.unsupported("input_forget=1");
  bool batchFirst = c.getInt("layout", 0) == 1;
  if (batchFirst) {
    x = hlo::TransposeOp::create(c.b, c.loc, x, SmallVector<int64_t>{1, 0, 2});
    for (Value *s : {&h0, &c0})
      if (*s)
        *s = hlo::TransposeOp::create(c.b, c.loc, *s, SmallVector<int64_t>{1, 0, 2});
  }
  int64_t seq = shapeOf(x)[0], batch = shapeOf(x)[1];
  int64_t hidden = c.getInt("hidden_size", shapeOf(rw)[2]);
  if (seqLens) {
    auto lens = c.constIntInput(4, "sequence_lens");
    if (failed(lens))
      return failure();
    if (llvm::any_of(*lens, [&](int64_t l) { return l != seq; }))
      return c.unsupported("sequence_lens other than the full sequence");
  }
  std::string direction = c.getString("direction", "forward");
  int64_t dirs = direction == "bidirectional" ? 2 : 1;
  int gates = cell == Cell::RNN ? 1 : cell == Cell::GRU ? 3 : 4;
  SmallVector<std::string> acts;
  for (const auto &s : c.attr("activations") ? c.attr("activations")->strings()
                                             : decltype(c.attr("activations")->strings()){})
    acts.push_back(s);
  int perDir = cell == Cell::RNN ? 1 : cell == Cell::GRU ? 2 : 3;
  if (acts.empty())
    for (int d = 0; d < dirs; ++d) {
      if (cell == Cell::RNN)
        acts.push_back("Tanh");
      else if (cell == Cell::GRU)
        acts.append({"Sigmoid", "Tanh"});
      else
        acts.append({"Sigmoid", "Tanh", "Tanh"});
    }
  if ((int64_t)acts.size() != perDir * dirs)
    return c.invalid("wrong number of activations");
  if (c.has("activation_alpha") || c.has("activation_beta"))
    return c.unsupported("activation_alpha/beta");
  Rnn R{c, elemType(x)};
  bool lbr = c.getInt("linear_before_reset", 0);
  auto stype = RankedTensorType::get({batch, hidden}, R.elem);
  SmallVector<Value> ys(seq * dirs), hs, cs;
  for (int64_t d = 0; d < dirs; ++d) {
    bool reverse = direction == "reverse" || d == 1;
    Value wd = reshape(c.b, c.loc, R.slice(w, 0, d, d + 1), {gates * hidden, shapeOf(w)[2]});
    Value rd = reshape(c.b, c.loc, R.slice(rw, 0, d, d + 1), {gates * hidden, hidden});
    Value wb, rb;
    if (bias) {
      Value bd = reshape(c.b, c.loc, R.slice(bias, 0, d, d + 1), {2 * gates * hidden});
      wb = R.rowVector(R.slice(bd, 0, 0, gates * hidden), batch);
      rb = R.rowVector(R.slice(bd, 0, gates * hidden, 2 * gates * hidden), batch);
    }
    Value h = h0 ? reshape(c.b, c.loc, R.slice(h0, 0, d, d + 1), {batch, hidden})
                 : splat(c.b, c.loc, stype, 0);
    Value cst = c0 ? reshape(c.b, c.loc, R.slice(c0, 0, d, d + 1), {batch, hidden})
                   : splat(c.b, c.loc, stype, 0);
    Value pi, po, pf;
    if (peep) {
      Value pd = reshape(c.b, c.loc, R.slice(peep, 0, d, d + 1), {3 * hidden});
      pi = R.rowVector(R.slice(pd, 0, 0, hidden), batch);
      po = R.rowVector(R.slice(pd, 0, hidden, 2 * hidden), batch);
      pf = R.rowVector(R.slice(pd, 0, 2 * hidden, 3 * hidden), batch);
    }
    ArrayRef<std::string> a(acts.begin() + d * perDir, acts.begin() + (d + 1) * perDir);
    for (int64_t s = 0; s < seq; ++s) {
      int64_t t = reverse ? seq - 1 - s : s;
      Value xt = reshape(c.b, c.loc, R.slice(x, 0, t, t + 1), {batch, shapeOf(x)[2]});
      Value xw = R.matmulT(xt, wd);
      if (wb)
        xw = R.add(xw, wb);
      auto gate = [&](Value v, int g) { return R.slice(v, 1, g * hidden, (g + 1) * hidden); };
      if (cell == Cell::RNN) {
        Value hr = R.matmulT(h, rd);
        if (rb)
          hr = R.add(hr, rb);
        auto r = R.act(a[0], R.add(xw, hr));
        if (failed(r))
          return failure();
        h = *r;
      } else if (cell == Cell::GRU) {
        // Gates z, r, h.
        Value hr = R.matmulT(h, rd); // includes all three gates of R
        Value hrb = rb ? R.add(hr, rb) : hr;
        auto z = R.act(a[0], R.add(gate(xw, 0), gate(hrb, 0)));
        auto rg = R.act(a[0], R.add(gate(xw, 1), gate(hrb, 1)));
        if (failed(z) || failed(rg))
          return failure();
        Value cand;
        if (lbr) {
          cand = R.add(gate(xw, 2), R.mul(*rg, gate(hrb, 2)));
        } else {
          Value rh = R.matmulT(R.mul(*rg, h), R.slice(rd, 0, 2 * hidden, 3 * hidden));
          if (rb)
            rh = R.add(rh, gate(rb, 2));
          cand = R.add(gate(xw, 2), rh);
        }
        auto hh = R.act(a[1], cand);
        if (failed(hh))
          return failure();
        Value one = splat(c.b, c.loc, stype, 1);
        h = R.add(R.mul(hlo::SubtractOp::create(c.b, c.loc, one, *z), *hh), R.mul(*z, h));
      } else {
        // Gates i, o, f, c.
        Value hr = R.matmulT(h, rd);
        if (rb)
          hr = R.add(hr, rb);
        Value pre = R.add(xw, hr);
        Value iv = gate(pre, 0), ov = gate(pre, 1), fv = gate(pre, 2), cv = gate(pre, 3);
        if (peep) {
          iv = R.add(iv, R.mul(pi, cst));
          fv = R.add(fv, R.mul(pf, cst));
        }
        auto ig = R.act(a[0], iv), fg = R.act(a[0], fv), cg = R.act(a[1], cv);
        if (failed(ig) || failed(fg) || failed(cg))
          return failure();
        cst = R.add(R.mul(*fg, cst), R.mul(*ig, *cg));
        if (peep)
          ov = R.add(ov, R.mul(po, cst));
        auto og = R.act(a[0], ov), hc = R.act(a[2], cst);
        if (failed(og) || failed(hc))
          return failure();
        h = R.mul(*og, *hc);
      }
      ys[t * dirs + d] = reshape(c.b, c.loc, h, {1, 1, batch, hidden});
    }
    hs.push_back(reshape(c.b, c.loc, h, {1, batch, hidden}));
    cs.push_back(reshape(c.b, c.loc, cst, {1, batch, hidden}));
  }
  // Y: [seq, dirs, batch, hidden]
  SmallVector<Value> steps;
  for (int64_t t = 0; t < seq; ++t) {
    SmallVector<Value> perDirY(ys.begin() + t * dirs, ys.begin() + (t + 1) * dirs);
    steps.push_back(dirs == 1 ? perDirY[0]
                              : Value(hlo::ConcatenateOp::create(c.b, c.loc, perDirY, 1)));
  }
  Value y = seq == 1 ? steps[0] : Value(hlo::ConcatenateOp::create(c.b, c.loc, steps, 0));
  Value yh = dirs == 1 ? hs[0] : Value(hlo::ConcatenateOp::create(c.b, c.loc, hs, 0));
  Value yc = dirs == 1 ? cs[0] : Value(hlo::ConcatenateOp::create(c.b, c.loc, cs, 0));
  if (batchFirst) {
    y = hlo::TransposeOp::create(c.b, c.loc, y, SmallVector<int64_t>{2, 0, 1, 3});
    yh = hlo::TransposeOp::create(c.b, c.loc, yh, SmallVector<int64_t>{1, 0, 2});
    yc = hlo::TransposeOp::create(c.b, c.loc, yc, SmallVector<int64_t>{1, 0, 2});
  }
  c.results.push_back(y);
  c.results.push_back(yh);
  if (cell == Cell::LSTM)
    c.results.push_back(yc);
  return success();
}

} // namespace

void mlir::byteir::onnxfe::registerRNNOps(Registry &r) {
  const int M = kMaxOpset;
  r.insert(r.end(), {
      {"RNN", 7, M, [](NodeContext &c) { return convertRecurrent(c, Cell::RNN); },
       "activation_alpha,activation_beta,activations,clip,direction,hidden_size,layout",
       "unrolled; Tanh/Sigmoid/Relu; no clip; full sequence_lens"},
      {"GRU", 7, M, [](NodeContext &c) { return convertRecurrent(c, Cell::GRU); },
       "activation_alpha,activation_beta,activations,clip,direction,hidden_size,layout,"
       "linear_before_reset",
       "unrolled; Tanh/Sigmoid/Relu; no clip; full sequence_lens"},
      {"LSTM", 7, M, [](NodeContext &c) { return convertRecurrent(c, Cell::LSTM); },
       "activation_alpha,activation_beta,activations,clip,direction,hidden_size,"
       "input_forget,layout",
       "unrolled; Tanh/Sigmoid/Relu; no clip; full sequence_lens"},
  });
}
