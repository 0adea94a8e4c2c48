//===- ScalarImplementation.cpp - linalg_ext ops as loops on buffers ------===//
//
// generateScalarImplementation of every op, on memrefs. `ivs` is a point of the
// iteration domain; its entries at reduced / sorted dims are ignored: one call
// computes the whole slice through that point along those dims (a softmax row,
// a layer-norm group, a sorted row), so the caller loops over parallel dims
// only. Float sums and products get fastmath<reassoc,contract> (as the rest of
// the CPU kernels) so that reductions vectorize.
//
//===----------------------------------------------------------------------===//
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"

#include <cmath>

using namespace mlir;
using namespace mlir::byteir::linalg_ext;

namespace {

Value index(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

Value f32(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(static_cast<float>(v)));
}

Value extent(OpBuilder &b, Location loc, Value memref, int64_t d) {
  return getValueOrCreateConstantIndexOp(b, loc, memref::getMixedSize(b, loc, memref, d));
}

arith::FastMathFlagsAttr fast(OpBuilder &b) {
  return arith::FastMathFlagsAttr::get(b.getContext(), arith::FastMathFlags::reassoc |
                                                           arith::FastMathFlags::contract);
}

Value toF32(OpBuilder &b, Location loc, Value v) {
  return v.getType().isF32() ? v : arith::ExtFOp::create(b, loc, b.getF32Type(), v);
}

Value fromF32(OpBuilder &b, Location loc, Value v, Type t) {
  return t.isF32() ? v : arith::TruncFOp::create(b, loc, t, v);
}

/// `ivs` with entry `dim` replaced by `k`.
SmallVector<Value> at(ValueRange ivs, int64_t dim, Value k) {
  SmallVector<Value> idx(ivs);
  idx[dim] = k;
  return idx;
}

/// `ivs` with its trailing entries replaced by `inner`.
SmallVector<Value> withTail(ValueRange ivs, ValueRange inner) {
  SmallVector<Value> idx(ivs);
  llvm::copy(inner, idx.end() - inner.size());
  return idx;
}

Value load(OpBuilder &b, Location loc, Value memref, ValueRange idx) {
  return memref::LoadOp::create(b, loc, memref, idx);
}

void store(OpBuilder &b, Location loc, Value v, Value memref, ValueRange idx) {
  memref::StoreOp::create(b, loc, v, memref, idx);
}

using LoopBody = function_ref<SmallVector<Value>(OpBuilder &, Location, Value, ValueRange)>;

/// scf.for k = 0 to ub carrying `inits`; returns the loop's results.
SmallVector<Value> forLoop(OpBuilder &b, Location loc, Value lb, Value ub, Value step,
                           ValueRange inits, LoopBody body) {
  auto loop = scf::ForOp::create(b, loc, lb, ub, step, inits,
                                 [&](OpBuilder &nb, Location l, Value iv, ValueRange args) {
                                   scf::YieldOp::create(nb, l, body(nb, l, iv, args));
                                 });
  return loop.getResults();
}

SmallVector<Value> forLoop(OpBuilder &b, Location loc, Value ub, ValueRange inits, LoopBody body) {
  return forLoop(b, loc, index(b, loc, 0), ub, index(b, loc, 1), inits, body);
}

/// A loop nest over [0, ubs) carrying `inits`; returns its results.
SmallVector<Value>
nest(OpBuilder &b, Location loc, ValueRange ubs, ValueRange inits,
     function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange, ValueRange)> body) {
  SmallVector<Value> lbs(ubs.size(), index(b, loc, 0)), steps(ubs.size(), index(b, loc, 1));
  scf::LoopNest loops = scf::buildLoopNest(
      b, loc, lbs, ubs, steps, inits,
      [&](OpBuilder &nb, Location l, ValueRange ivs, ValueRange args) -> scf::ValueVector {
        return body(nb, l, ivs, args);
      });
  return loops.results;
}

} // namespace

Value mlir::byteir::linalg_ext::expNonPositiveF32(OpBuilder &b, Location loc, Value d) {
  Value lo = f32(b, loc, -87.0);
  // maxnum/minnum drop NaN, so the integer conversion below never sees one.
  Value c = arith::MaxNumFOp::create(b, loc, d, lo);
  c = arith::MinNumFOp::create(b, loc, c, f32(b, loc, 88.0));
  Value fx = math::FmaOp::create(b, loc, c, f32(b, loc, 1.44269504088896341), f32(b, loc, 0.5));
  fx = math::FloorOp::create(b, loc, fx);
  Value r = math::FmaOp::create(b, loc, fx, f32(b, loc, -0.693359375), c);
  r = math::FmaOp::create(b, loc, fx, f32(b, loc, 2.12194440e-4), r);
  static constexpr double poly[] = {1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3,
                                    4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1};
  Value p = f32(b, loc, poly[0]);
  for (double k : ArrayRef<double>(poly).drop_front())
    p = math::FmaOp::create(b, loc, p, r, f32(b, loc, k));
  Value r2 = arith::MulFOp::create(b, loc, r, r);
  Value y = math::FmaOp::create(b, loc, p, r2, r);
  y = arith::AddFOp::create(b, loc, y, f32(b, loc, 1.0));
  // 2^fx through the exponent bits.
  Type i32 = b.getI32Type();
  Value n = arith::FPToSIOp::create(b, loc, i32, fx);
  n = arith::AddIOp::create(b, loc, n, arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(127)));
  n = arith::ShLIOp::create(b, loc, n, arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(23)));
  y = arith::MulFOp::create(b, loc, y, arith::BitcastOp::create(b, loc, b.getF32Type(), n));
  Value tiny = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, d, lo);
  y = arith::SelectOp::create(b, loc, tiny, f32(b, loc, 0.0), y);
  Value nan = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, d, d);
  return arith::SelectOp::create(b, loc, nan, d, y);
}

//===----------------------------------------------------------------------===//
// softmax: max, then exp(x - max) and its sum, then e / sum (three passes; the
// exponentials are kept in the output when it is f32, else recomputed so that
// the result is rounded once).
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::generateScalarImplementation(OpBuilder &b, Location loc, ValueRange ivs) {
  Value x = getInput(), y = getOutput();
  int64_t dim = getDimension();
  Type elem = cast<MemRefType>(y.getType()).getElementType();
  bool keepExp = elem.isF32();
  Value n = extent(b, loc, x, dim);
  Value max =
      forLoop(b, loc, n, {f32(b, loc, -INFINITY)},
              [&](OpBuilder &nb, Location l, Value k, ValueRange acc) -> SmallVector<Value> {
                Value v = toF32(nb, l, load(nb, l, x, at(ivs, dim, k)));
                return {arith::MaximumFOp::create(nb, l, acc[0], v)};
              })[0];
  auto expAt = [&](OpBuilder &nb, Location l, Value k) {
    Value v = toF32(nb, l, load(nb, l, x, at(ivs, dim, k)));
    return expNonPositiveF32(nb, l, arith::SubFOp::create(nb, l, v, max, fast(nb)));
  };
  Value sum =
      forLoop(b, loc, n, {f32(b, loc, 0.0)},
              [&](OpBuilder &nb, Location l, Value k, ValueRange acc) -> SmallVector<Value> {
                Value e = expAt(nb, l, k);
                if (keepExp)
                  store(nb, l, e, y, at(ivs, dim, k));
                return {arith::AddFOp::create(nb, l, acc[0], e, fast(nb))};
              })[0];
  forLoop(b, loc, n, {}, [&](OpBuilder &nb, Location l, Value k, ValueRange) -> SmallVector<Value> {
    Value e = keepExp ? load(nb, l, y, at(ivs, dim, k)) : expAt(nb, l, k);
    Value r = arith::DivFOp::create(nb, l, e, sum, fast(nb));
    store(nb, l, fromF32(nb, l, r, elem), y, at(ivs, dim, k));
    return {};
  });
  return success();
}

//===----------------------------------------------------------------------===//
// layer_norm: mean, then the mean of squared deviations (two-pass variance),
// then the normalized output.
//===----------------------------------------------------------------------===//

LogicalResult LayerNormOp::generateScalarImplementation(OpBuilder &b, Location loc,
                                                        ValueRange ivs) {
  Value x = getInput(), y = getOutput(), scale = getScale(), bias = getBias();
  Type elem = cast<MemRefType>(y.getType()).getElementType();
  SmallVector<Value> ubs;
  Value count = index(b, loc, 1);
  for (int64_t d : getAxes()) {
    ubs.push_back(extent(b, loc, x, d));
    count = arith::MulIOp::create(b, loc, count, ubs.back());
  }
  Value countI64 = arith::IndexCastOp::create(b, loc, b.getI64Type(), count);
  Value countF = arith::SIToFPOp::create(b, loc, b.getF32Type(), countI64);
  auto xAt = [&](OpBuilder &nb, Location l, ValueRange inner) {
    return toF32(nb, l, load(nb, l, x, withTail(ivs, inner)));
  };
  Value sum =
      nest(b, loc, ubs, {f32(b, loc, 0.0)},
           [&](OpBuilder &nb, Location l, ValueRange inner, ValueRange acc) -> SmallVector<Value> {
             return {arith::AddFOp::create(nb, l, acc[0], xAt(nb, l, inner), fast(nb))};
           })[0];
  Value mean = arith::DivFOp::create(b, loc, sum, countF, fast(b));
  Value sq =
      nest(b, loc, ubs, {f32(b, loc, 0.0)},
           [&](OpBuilder &nb, Location l, ValueRange inner, ValueRange acc) -> SmallVector<Value> {
             Value d = arith::SubFOp::create(nb, l, xAt(nb, l, inner), mean, fast(nb));
             Value d2 = arith::MulFOp::create(nb, l, d, d, fast(nb));
             return {arith::AddFOp::create(nb, l, acc[0], d2, fast(nb))};
           })[0];
  Value var = arith::DivFOp::create(b, loc, sq, countF, fast(b));
  Value eps = f32(b, loc, getEpsilon().convertToDouble());
  Value rstd = math::RsqrtOp::create(b, loc, arith::AddFOp::create(b, loc, var, eps, fast(b)));
  nest(b, loc, ubs, {}, [&](OpBuilder &nb, Location l, ValueRange inner, ValueRange) {
    Value d = arith::SubFOp::create(nb, l, xAt(nb, l, inner), mean, fast(nb));
    Value v = arith::MulFOp::create(nb, l, d, rstd, fast(nb));
    if (scale)
      v = arith::MulFOp::create(nb, l, v, toF32(nb, l, load(nb, l, scale, inner)), fast(nb));
    if (bias)
      v = arith::AddFOp::create(nb, l, v, toF32(nb, l, load(nb, l, bias, inner)), fast(nb));
    store(nb, l, fromF32(nb, l, v, elem), y, withTail(ivs, inner));
    return SmallVector<Value>{};
  });
  return success();
}

//===----------------------------------------------------------------------===//
// topk: one pass over the row keeping the best k, best first, in the outputs
// (insertion: an accepted element shifts the worse ones down by one).
//===----------------------------------------------------------------------===//

namespace {

/// Whether `a` goes before `c`: larger (smaller) first, NaN first (last).
Value ranksBefore(OpBuilder &b, Location loc, Value a, Value c, bool largest) {
  if (!isa<FloatType>(a.getType()))
    return arith::CmpIOp::create(
        b, loc, largest ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::slt, a, c);
  Value ordered = arith::CmpFOp::create(
      b, loc, largest ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT, a, c);
  Value aNan = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, a, a);
  Value cNum = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ORD, c, c);
  Value nanFirst = largest
                       ? arith::AndIOp::create(b, loc, aNan, cNum).getResult()
                       : arith::AndIOp::create(
                             b, loc, arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ORD, a, a),
                             arith::CmpFOp::create(b, loc, arith::CmpFPredicate::UNO, c, c))
                             .getResult();
  return arith::OrIOp::create(b, loc, ordered, nanFirst);
}

} // namespace

LogicalResult TopkOp::generateScalarImplementation(OpBuilder &b, Location loc, ValueRange ivs) {
  Value x = getInput(), values = getValues(), indices = getIndices();
  int64_t dim = getDimension();
  bool largest = getLargest();
  Type indexType = cast<MemRefType>(indices.getType()).getElementType();
  Value n = extent(b, loc, x, dim);
  Value c0 = index(b, loc, 0), c1 = index(b, loc, 1), k = index(b, loc, getK());
  Value lastSlot = index(b, loc, getK() - 1);
  forLoop(b, loc, n, {c0}, [&](OpBuilder &nb, Location l, Value j, ValueRange args) {
    Value count = args[0];
    Value v = load(nb, l, x, at(ivs, dim, j));
    Value hasRoom = arith::CmpIOp::create(nb, l, arith::CmpIPredicate::slt, count, k);
    // The k-th best is only read when the outputs are full.
    Value worst = load(nb, l, values, at(ivs, dim, lastSlot));
    Value beats = ranksBefore(nb, l, v, worst, largest);
    // A select, not an or: `beats` read an unwritten slot while there is room.
    Value accept = arith::SelectOp::create(nb, l, hasRoom, hasRoom, beats);
    Value slot = arith::SelectOp::create(nb, l, hasRoom, count, lastSlot);
    scf::IfOp::create(nb, l, accept, [&](OpBuilder &ib, Location il) {
      auto shift = scf::WhileOp::create(
          ib, il, TypeRange{ib.getIndexType()}, ValueRange{slot},
          [&](OpBuilder &wb, Location wl, ValueRange p) {
            Value positive = arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::sgt, p[0], c0);
            Value prev =
                arith::MaxSIOp::create(wb, wl, arith::SubIOp::create(wb, wl, p[0], c1), c0);
            Value before =
                ranksBefore(wb, wl, v, load(wb, wl, values, at(ivs, dim, prev)), largest);
            Value go = arith::SelectOp::create(wb, wl, positive, before, positive);
            scf::ConditionOp::create(wb, wl, go, p);
          },
          [&](OpBuilder &wb, Location wl, ValueRange p) {
            Value prev = arith::SubIOp::create(wb, wl, p[0], c1);
            for (Value out : {values, indices})
              store(wb, wl, load(wb, wl, out, at(ivs, dim, prev)), out, at(ivs, dim, p[0]));
            scf::YieldOp::create(wb, wl, prev);
          });
      Value p = shift.getResult(0);
      store(ib, il, v, values, at(ivs, dim, p));
      store(ib, il, arith::IndexCastOp::create(ib, il, indexType, j), indices, at(ivs, dim, p));
      scf::YieldOp::create(ib, il);
    });
    Value next =
        arith::SelectOp::create(nb, l, hasRoom, arith::AddIOp::create(nb, l, count, c1), count);
    return SmallVector<Value>{next};
  });
  return success();
}

//===----------------------------------------------------------------------===//
// scan: one pass carrying the running value, which starts at the identity.
//===----------------------------------------------------------------------===//

namespace {

Value scanIdentity(OpBuilder &b, Location loc, ScanKind kind, Type t) {
  if (auto ft = dyn_cast<FloatType>(t)) {
    // -0.0 so that an inclusive add keeps the sign of a leading -0.0.
    double v = kind == ScanKind::add   ? -0.0
               : kind == ScanKind::mul ? 1.0
               : kind == ScanKind::max ? -INFINITY
                                       : INFINITY;
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(ft, v));
  }
  unsigned width = t.getIntOrFloatBitWidth();
  APInt v = kind == ScanKind::add   ? APInt::getZero(width)
            : kind == ScanKind::mul ? APInt(width, 1)
            : kind == ScanKind::max ? APInt::getSignedMinValue(width)
                                    : APInt::getSignedMaxValue(width);
  return arith::ConstantOp::create(b, loc, b.getIntegerAttr(t, v));
}

Value scanCombine(OpBuilder &b, Location loc, ScanKind kind, Value acc, Value v) {
  bool isFloat = isa<FloatType>(v.getType());
  switch (kind) {
  case ScanKind::add:
    return isFloat ? arith::AddFOp::create(b, loc, acc, v).getResult()
                   : arith::AddIOp::create(b, loc, acc, v).getResult();
  case ScanKind::mul:
    return isFloat ? arith::MulFOp::create(b, loc, acc, v).getResult()
                   : arith::MulIOp::create(b, loc, acc, v).getResult();
  case ScanKind::max:
    return isFloat ? arith::MaximumFOp::create(b, loc, acc, v).getResult()
                   : arith::MaxSIOp::create(b, loc, acc, v).getResult();
  case ScanKind::min:
    return isFloat ? arith::MinimumFOp::create(b, loc, acc, v).getResult()
                   : arith::MinSIOp::create(b, loc, acc, v).getResult();
  }
  llvm_unreachable("unknown scan kind");
}

} // namespace

LogicalResult ScanOp::generateScalarImplementation(OpBuilder &b, Location loc, ValueRange ivs) {
  Value x = getInput(), y = getOutput();
  int64_t dim = getDimension();
  ScanKind kind = getKind();
  Type elem = cast<MemRefType>(x.getType()).getElementType();
  Value n = extent(b, loc, x, dim);
  Value last = arith::SubIOp::create(b, loc, n, index(b, loc, 1));
  bool exclusive = getExclusive(), reverse = getReverse();
  forLoop(b, loc, n, {scanIdentity(b, loc, kind, elem)},
          [&](OpBuilder &nb, Location l, Value j, ValueRange acc) -> SmallVector<Value> {
            Value p = reverse ? arith::SubIOp::create(nb, l, last, j).getResult() : j;
            Value next = scanCombine(nb, l, kind, acc[0], load(nb, l, x, at(ivs, dim, p)));
            store(nb, l, exclusive ? acc[0] : next, y, at(ivs, dim, p));
            return {next};
          });
  return success();
}

//===----------------------------------------------------------------------===//
// sort: a stable bottom-up merge sort of the row: runs of 16 sorted by
// insertion, then merged ping-ponging between two scratch buffers per operand
// (the row is copied in first and back at the end). O(n log n) comparisons; the
// comparator region is inlined at each compare.
//===----------------------------------------------------------------------===//

namespace {

/// The values `block` yields on `args`, its body cloned at the insertion point.
SmallVector<Value> inlineBlock(OpBuilder &b, Block &block, ValueRange args) {
  IRMapping map;
  map.map(block.getArguments(), args);
  for (Operation &op : block.without_terminator())
    b.clone(op, map);
  return llvm::map_to_vector(cast<YieldOp>(block.getTerminator()).getValues(),
                             [&](Value v) { return map.lookupOrDefault(v); });
}

/// Merges the sorted runs [lo, mid) and [mid, hi) of every `src` into `dst`.
/// Ties take the left element, which keeps the sort stable.
void emitMerge(OpBuilder &b, Location loc, Block &comparator, ValueRange src, ValueRange dst,
               Value lo, Value mid, Value hi, Value last) {
  Value c1 = index(b, loc, 1);
  forLoop(
      b, loc, lo, hi, c1, {lo, mid},
      [&](OpBuilder &fb, Location fl, Value k, ValueRange pos) -> SmallVector<Value> {
        Value i = pos[0], j = pos[1];
        // Clamped reads: a stale element is compared once a run is
        // exhausted, and the answer is then ignored.
        Value ic = arith::MinSIOp::create(fb, fl, i, last);
        Value jc = arith::MinSIOp::create(fb, fl, j, last);
        SmallVector<Value> lefts, rights, cmpArgs;
        for (Value s : src) {
          rights.push_back(load(fb, fl, s, jc));
          lefts.push_back(load(fb, fl, s, ic));
          cmpArgs.append({rights.back(), lefts.back()});
        }
        Value rightFirst = inlineBlock(fb, comparator, cmpArgs)[0];
        Value leftDone = arith::CmpIOp::create(fb, fl, arith::CmpIPredicate::sge, i, mid);
        Value rightLeft = arith::CmpIOp::create(fb, fl, arith::CmpIPredicate::slt, j, hi);
        Value takeRight = arith::AndIOp::create(fb, fl, rightLeft,
                                                arith::OrIOp::create(fb, fl, leftDone, rightFirst));
        for (auto [t, d] : llvm::enumerate(dst))
          store(fb, fl, arith::SelectOp::create(fb, fl, takeRight, rights[t], lefts[t]), d, k);
        return {
            arith::SelectOp::create(fb, fl, takeRight, i, arith::AddIOp::create(fb, fl, i, c1)),
            arith::SelectOp::create(fb, fl, takeRight, arith::AddIOp::create(fb, fl, j, c1), j)};
      });
}

/// Sorts each run [lo, lo + run) of `bufs` by insertion: an element moves
/// left past the elements it goes strictly before, which keeps ties in order.
void emitInsertionRuns(OpBuilder &b, Location loc, Block &comparator, ValueRange bufs, Value n,
                       int64_t run) {
  Value c0 = index(b, loc, 0), c1 = index(b, loc, 1);
  forLoop(b, loc, c0, n, index(b, loc, run), {},
          [&](OpBuilder &rb, Location rl, Value lo, ValueRange) -> SmallVector<Value> {
            Value hi = arith::MinSIOp::create(
                rb, rl, arith::AddIOp::create(rb, rl, lo, index(rb, rl, run)), n);
            Value first = arith::AddIOp::create(rb, rl, lo, c1);
            forLoop(rb, rl, first, hi, c1, {},
                    [&](OpBuilder &ib, Location il, Value i, ValueRange) -> SmallVector<Value> {
                      SmallVector<Value> moving = llvm::map_to_vector(
                          bufs, [&](Value buf) { return load(ib, il, buf, i); });
                      auto shift = scf::WhileOp::create(
                          ib, il, TypeRange{ib.getIndexType()}, ValueRange{i},
                          [&](OpBuilder &wb, Location wl, ValueRange p) {
                            Value inRun =
                                arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::sgt, p[0], lo);
                            Value prev = arith::MaxSIOp::create(
                                wb, wl, arith::SubIOp::create(wb, wl, p[0], c1), lo);
                            SmallVector<Value> args;
                            for (auto [buf, v] : llvm::zip(bufs, moving))
                              args.append({v, load(wb, wl, buf, prev)});
                            Value before = inlineBlock(wb, comparator, args)[0];
                            Value go = arith::SelectOp::create(wb, wl, inRun, before, inRun);
                            scf::ConditionOp::create(wb, wl, go, p);
                          },
                          [&](OpBuilder &wb, Location wl, ValueRange p) {
                            Value prev = arith::SubIOp::create(wb, wl, p[0], c1);
                            for (Value buf : bufs)
                              store(wb, wl, load(wb, wl, buf, prev), buf, p[0]);
                            scf::YieldOp::create(wb, wl, prev);
                          });
                      for (auto [buf, v] : llvm::zip(bufs, moving))
                        store(ib, il, v, buf, shift.getResult(0));
                      return {};
                    });
            return {};
          });
}

} // namespace

LogicalResult SortOp::generateScalarImplementation(OpBuilder &b, Location loc, ValueRange ivs) {
  SmallVector<Value> operands(getOutputs());
  int64_t dim = getDimension(), m = operands.size();
  Value n = extent(b, loc, operands.front(), dim);
  Value c0 = index(b, loc, 0), c1 = index(b, loc, 1);
  Value last = arith::SubIOp::create(b, loc, n, c1);
  // Static scratch shapes where the sorted dim is static: simpler addressing.
  int64_t staticN = cast<MemRefType>(operands.front().getType()).getDimSize(dim);
  SmallVector<Value> dynSize;
  if (ShapedType::isDynamic(staticN))
    dynSize.push_back(n);
  SmallVector<Value> bufA, bufB;
  for (Value v : operands) {
    auto type = MemRefType::get({staticN}, cast<MemRefType>(v.getType()).getElementType());
    bufA.push_back(memref::AllocOp::create(b, loc, type, dynSize));
    bufB.push_back(memref::AllocOp::create(b, loc, type, dynSize));
  }
  forLoop(b, loc, n, {}, [&](OpBuilder &nb, Location l, Value k, ValueRange) {
    for (auto [v, a] : llvm::zip(operands, bufA))
      store(nb, l, load(nb, l, v, at(ivs, dim, k)), a, k);
    return SmallVector<Value>{};
  });
  // Runs of 16 by insertion first: fewer, cheaper steps than the first four
  // merge passes.
  constexpr int64_t kRun = 16;
  emitInsertionRuns(b, loc, getComparator().front(), bufA, n, kRun);
  SmallVector<Value> state = {index(b, loc, kRun)};
  state.append(bufA);
  state.append(bufB);
  auto passes = scf::WhileOp::create(
      b, loc, ValueRange(state).getTypes(), state,
      [&](OpBuilder &wb, Location wl, ValueRange args) {
        Value more = arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::slt, args[0], n);
        scf::ConditionOp::create(wb, wl, more, args);
      },
      [&](OpBuilder &wb, Location wl, ValueRange args) {
        Value width = args[0];
        ValueRange src = args.slice(1, m), dst = args.slice(1 + m, m);
        Value twice = arith::AddIOp::create(wb, wl, width, width);
        forLoop(wb, wl, c0, n, twice, {},
                [&](OpBuilder &fb, Location fl, Value lo, ValueRange) -> SmallVector<Value> {
                  Value mid =
                      arith::MinSIOp::create(fb, fl, arith::AddIOp::create(fb, fl, lo, width), n);
                  Value hi =
                      arith::MinSIOp::create(fb, fl, arith::AddIOp::create(fb, fl, lo, twice), n);
                  emitMerge(fb, fl, getComparator().front(), src, dst, lo, mid, hi, last);
                  return {};
                });
        SmallVector<Value> next = {twice};
        next.append(dst.begin(), dst.end());
        next.append(src.begin(), src.end());
        scf::YieldOp::create(wb, wl, next);
      });
  ValueRange sorted = passes.getResults().slice(1, m);
  forLoop(b, loc, n, {}, [&](OpBuilder &nb, Location l, Value k, ValueRange) {
    for (auto [v, s] : llvm::zip(operands, sorted))
      store(nb, l, load(nb, l, s, k), v, at(ivs, dim, k));
    return SmallVector<Value>{};
  });
  for (Value buf : llvm::concat<Value>(bufA, bufB))
    memref::DeallocOp::create(b, loc, buf);
  return success();
}

//===----------------------------------------------------------------------===//
// gather and scatter: the operand / output index of each element computed as
// stablehlo specifies (index vectors read from the indices, batching dims,
// window / offset positions).
//===----------------------------------------------------------------------===//

namespace {

/// The index vector of `indices` at batch position `batchIdx` (its dims other
/// than `indexVectorDim`, in order), as `count` index values.
SmallVector<Value> readIndexVector(OpBuilder &b, Location loc, Value indices, ValueRange batchIdx,
                                   int64_t indexVectorDim, int64_t count, bool isUnsigned) {
  SmallVector<Value> result;
  for (int64_t k = 0; k < count; ++k) {
    SmallVector<Value> coords(batchIdx);
    if (indexVectorDim < cast<MemRefType>(indices.getType()).getRank())
      coords.insert(coords.begin() + indexVectorDim, index(b, loc, k));
    Value v = load(b, loc, indices, coords);
    result.push_back(isUnsigned
                         ? arith::IndexCastUIOp::create(b, loc, b.getIndexType(), v).getResult()
                         : arith::IndexCastOp::create(b, loc, b.getIndexType(), v).getResult());
  }
  return result;
}

/// slot += v, where a null slot stands for 0.
void accumulate(OpBuilder &b, Location loc, Value &slot, Value v) {
  slot = slot ? arith::AddIOp::create(b, loc, slot, v).getResult() : v;
}

/// The null entries of `idx` (nothing added) become constant 0.
SmallVector<Value> zeroFilled(OpBuilder &b, Location loc, ArrayRef<Value> idx) {
  return llvm::map_to_vector(idx, [&](Value v) { return v ? v : index(b, loc, 0); });
}

/// The dims of [0, rank) in none of `excluded`.
SmallVector<int64_t> otherDims(int64_t rank, ArrayRef<int64_t> a, ArrayRef<int64_t> c = {}) {
  SmallVector<int64_t> dims;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(a, d) && !llvm::is_contained(c, d))
      dims.push_back(d);
  return dims;
}

/// Position `sd` of the indices among their batch dims (index_vector_dim left out).
int64_t batchPosition(int64_t sd, int64_t indexVectorDim) {
  return sd < indexVectorDim ? sd : sd - 1;
}

} // namespace

LogicalResult GatherOp::generateScalarImplementation(OpBuilder &b, Location loc, ValueRange ivs) {
  Value operand = getOperand(), out = getOutput();
  int64_t ivd = getIndexVectorDim();
  ArrayRef<int64_t> offsetDims = getOffsetDims();
  SmallVector<Value> batchIdx =
      llvm::map_to_vector(getBatchDims(), [&](int64_t d) { return ivs[d]; });
  // The slice start depends on the batch point only: computed once per slice,
  // clamped so that the slice stays inside the operand.
  SmallVector<Value> start = readIndexVector(b, loc, getIndices(), batchIdx, ivd,
                                             getStartIndexMap().size(), getUnsignedIndices());
  SmallVector<Value> base(cast<MemRefType>(operand.getType()).getRank());
  for (auto [k, d] : llvm::enumerate(getStartIndexMap())) {
    Value hi = arith::SubIOp::create(b, loc, extent(b, loc, operand, d),
                                     index(b, loc, getSliceSizes()[d]));
    Value clamped = arith::MinSIOp::create(
        b, loc, arith::MaxSIOp::create(b, loc, start[k], index(b, loc, 0)), hi);
    accumulate(b, loc, base[d], clamped);
  }
  for (auto [d, sd] : llvm::zip(getOperandBatchingDims(), getStartIndicesBatchingDims()))
    accumulate(b, loc, base[d], batchIdx[batchPosition(sd, ivd)]);
  SmallVector<int64_t> sliceDims =
      otherDims(base.size(), getCollapsedSliceDims(), getOperandBatchingDims());
  SmallVector<Value> ubs =
      llvm::map_to_vector(offsetDims, [&](int64_t d) { return extent(b, loc, out, d); });
  nest(b, loc, ubs, {}, [&](OpBuilder &nb, Location l, ValueRange inner, ValueRange) {
    SmallVector<Value> idx(base), outIdx(ivs);
    for (auto [j, d] : llvm::enumerate(sliceDims)) {
      accumulate(nb, l, idx[d], inner[j]);
      outIdx[offsetDims[j]] = inner[j];
    }
    store(nb, l, load(nb, l, operand, zeroFilled(nb, l, idx)), out, outIdx);
    return SmallVector<Value>{};
  });
  return success();
}

LogicalResult ScatterOp::generateScalarImplementation(OpBuilder &b, Location loc, ValueRange) {
  SmallVector<Value> outputs(getOutputs()), updates(getUpdates());
  int64_t ivd = getIndexVectorDim();
  int64_t rank = cast<MemRefType>(outputs.front().getType()).getRank();
  int64_t updateRank = cast<MemRefType>(updates.front().getType()).getRank();
  ArrayRef<int64_t> windowDims = getUpdateWindowDims();
  SmallVector<int64_t> scatterDims = otherDims(updateRank, windowDims);
  SmallVector<int64_t> windowOutDims =
      otherDims(rank, getInsertedWindowDims(), getInputBatchingDims());
  SmallVector<Value> ubs;
  for (int64_t d = 0; d < updateRank; ++d)
    ubs.push_back(extent(b, loc, updates.front(), d));
  Block &body = getUpdateComputation().front();
  nest(b, loc, ubs, {}, [&](OpBuilder &nb, Location l, ValueRange uivs, ValueRange) {
    SmallVector<Value> scatterIdx =
        llvm::map_to_vector(scatterDims, [&](int64_t d) { return Value(uivs[d]); });
    SmallVector<Value> start =
        readIndexVector(nb, l, getIndices(), scatterIdx, ivd, getScatterDimsToOperandDims().size(),
                        getUnsignedIndices());
    SmallVector<Value> idx(rank);
    for (auto [k, d] : llvm::enumerate(getScatterDimsToOperandDims()))
      accumulate(nb, l, idx[d], start[k]);
    for (auto [d, sd] : llvm::zip(getInputBatchingDims(), getScatterIndicesBatchingDims()))
      accumulate(nb, l, idx[d], scatterIdx[batchPosition(sd, ivd)]);
    for (auto [j, d] : llvm::enumerate(windowOutDims))
      accumulate(nb, l, idx[d], uivs[windowDims[j]]);
    // 0 <= idx < size as one unsigned compare; out-of-bounds updates are skipped.
    Value inBounds = arith::ConstantOp::create(nb, l, nb.getBoolAttr(true)).getResult();
    for (int64_t d = 0; d < rank; ++d)
      if (idx[d])
        inBounds =
            arith::AndIOp::create(nb, l, inBounds,
                                  arith::CmpIOp::create(nb, l, arith::CmpIPredicate::ult, idx[d],
                                                        extent(nb, l, outputs.front(), d)));
    SmallVector<Value> at = zeroFilled(nb, l, idx);
    scf::IfOp::create(nb, l, inBounds, [&](OpBuilder &ib, Location il) {
      SmallVector<Value> args;
      for (Value out : outputs)
        args.push_back(load(ib, il, out, at));
      for (Value upd : updates)
        args.push_back(load(ib, il, upd, uivs));
      for (auto [v, out] : llvm::zip(inlineBlock(ib, body, args), outputs))
        store(ib, il, v, out, at);
      scf::YieldOp::create(ib, il);
    });
    return SmallVector<Value>{};
  });
  return success();
}
