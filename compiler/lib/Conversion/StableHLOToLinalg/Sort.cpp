//===- Sort.cpp - stablehlo.sort to scf loops ------------------------------===//
//
// A stable bottom-up merge sort of every 1-d slice along the sort dimension,
// on tensors:
//   scf.for over the other dimensions (carrying the inputs):
//     row_i    = tensor.extract_slice of input i (1-d)
//     scratch_i = tensor.empty
//     scf.while width < n:
//       scf.for lo = 0 to n step 2*width:      merge [lo, mid) and [mid, hi)
//         scf.for k = lo to hi (carrying the read positions i, j):
//           take the right element iff it remains and either the left run is
//           exhausted or comparator(right, left) holds (ties keep the left
//           one, so the sort is stable whatever is_stable says);
//           scratch_*[k] = that element of every input
//       row_* = linalg.copy scratch_* ; width *= 2
//     tensor.insert_slice of the sorted rows back.
// O(n log n) comparisons per slice. The comparator gets the interleaved
// (lhs_0, rhs_0, lhs_1, rhs_1, ...) scalars of all inputs, as the spec says.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;

namespace {

/// Merges the sorted runs [lo, mid) and [mid, hi) of `src` into `dst`
/// (positions lo..hi-1) for every input; returns the updated `dst` tensors.
SmallVector<Value> emitMerge(OpBuilder &b, Location loc, Region &comparator,
                             ValueRange src, ValueRange dst, Value lo, Value mid,
                             Value hi, Value last) {
  Value c1 = indexConst(b, loc, 1);
  SmallVector<Value> init = {lo, mid};
  init.append(dst.begin(), dst.end());
  int64_t numInputs = src.size();
  auto loop = scf::ForOp::create(
      b, loc, lo, hi, c1, init,
      [&](OpBuilder &fb, Location fl, Value k, ValueRange args) {
        Value i = args[0], j = args[1];
        // Clamped reads: the comparator may look at a stale element when a
        // run is exhausted; its answer is then ignored.
        Value ic = arith::MinSIOp::create(fb, fl, i, last);
        Value jc = arith::MinSIOp::create(fb, fl, j, last);
        SmallVector<Value> lefts, rights, cmpArgs;
        for (int64_t t = 0; t < numInputs; ++t) {
          rights.push_back(tensor::ExtractOp::create(fb, fl, src[t], ValueRange{jc}));
          lefts.push_back(tensor::ExtractOp::create(fb, fl, src[t], ValueRange{ic}));
          cmpArgs.push_back(rights.back());
          cmpArgs.push_back(lefts.back());
        }
        auto less = emitScalarRegion(fb, fl, comparator, cmpArgs);
        Value rightFirst =
            succeeded(less) ? (*less)[0]
                            : arith::ConstantOp::create(fb, fl, fb.getBoolAttr(false))
                                  .getResult();
        Value leftDone = arith::CmpIOp::create(fb, fl, arith::CmpIPredicate::sge, i, mid);
        Value rightLeft = arith::CmpIOp::create(fb, fl, arith::CmpIPredicate::slt, j, hi);
        Value takeRight = arith::AndIOp::create(
            fb, fl, rightLeft, arith::OrIOp::create(fb, fl, leftDone, rightFirst));
        SmallVector<Value> next = {
            arith::SelectOp::create(fb, fl, takeRight, i,
                                    arith::AddIOp::create(fb, fl, i, c1)),
            arith::SelectOp::create(fb, fl, takeRight,
                                    arith::AddIOp::create(fb, fl, j, c1), j)};
        for (int64_t t = 0; t < numInputs; ++t) {
          Value v = arith::SelectOp::create(fb, fl, takeRight, rights[t], lefts[t]);
          next.push_back(
              tensor::InsertOp::create(fb, fl, v, args[2 + t], ValueRange{k}));
        }
        scf::YieldOp::create(fb, fl, next);
      });
  return SmallVector<Value>(loop.getResults().drop_front(2));
}

/// Sorts the 1-d tensors `rows` together; returns the sorted rows.
SmallVector<Value> emitMergeSort(OpBuilder &b, Location loc, Region &comparator,
                                 ValueRange rows, int64_t n) {
  int64_t numInputs = rows.size();
  Value c0 = indexConst(b, loc, 0), c1 = indexConst(b, loc, 1);
  Value cn = indexConst(b, loc, n), last = indexConst(b, loc, n - 1);
  SmallVector<Value> state = {c1};
  state.append(rows.begin(), rows.end());
  for (Value r : rows) {
    auto t = cast<RankedTensorType>(r.getType());
    state.push_back(tensor::EmptyOp::create(b, loc, t.getShape(), t.getElementType()));
  }
  SmallVector<Type> stateTypes = llvm::to_vector(ValueRange(state).getTypes());
  auto whileOp = scf::WhileOp::create(
      b, loc, stateTypes, state,
      [&](OpBuilder &wb, Location wl, ValueRange args) {
        Value more = arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::slt, args[0], cn);
        scf::ConditionOp::create(wb, wl, more, args);
      },
      [&](OpBuilder &wb, Location wl, ValueRange args) {
        Value width = args[0];
        ValueRange src = args.slice(1, numInputs);
        ValueRange scratch = args.slice(1 + numInputs, numInputs);
        Value twice = arith::AddIOp::create(wb, wl, width, width);
        auto pass = scf::ForOp::create(
            wb, wl, c0, cn, twice, scratch,
            [&](OpBuilder &fb, Location fl, Value lo, ValueRange dst) {
              Value mid = arith::MinSIOp::create(
                  fb, fl, arith::AddIOp::create(fb, fl, lo, width), cn);
              Value hi = arith::MinSIOp::create(
                  fb, fl, arith::AddIOp::create(fb, fl, lo, twice), cn);
              scf::YieldOp::create(
                  fb, fl,
                  emitMerge(fb, fl, comparator, src, dst, lo, mid, hi, last));
            });
        SmallVector<Value> next = {twice};
        for (int64_t t = 0; t < numInputs; ++t)
          next.push_back(linalg::CopyOp::create(wb, wl, ValueRange{pass.getResult(t)},
                                                ValueRange{src[t]})
                             .getResult(0));
        next.append(pass.getResults().begin(), pass.getResults().end());
        scf::YieldOp::create(wb, wl, next);
      });
  return SmallVector<Value>(whileOp.getResults().slice(1, numInputs));
}

struct SortLowering : OpConversionPattern<stablehlo::SortOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    auto type = cast<RankedTensorType>(inputs[0].getType());
    if (!type.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    if (failed(hl::checkScalarRegion(op.getComparator(), op)))
      return failure();
    int64_t rank = type.getRank();
    int64_t dim = op.getDimension();
    if (dim < 0)
      dim += rank;
    int64_t n = type.getDimSize(dim);
    if (n <= 1) {
      rewriter.replaceOp(op, inputs);
      return success();
    }
    Region &comparator = op.getComparator();

    // Loops over every dimension but the sorted one.
    Value c0 = indexConst(rewriter, loc, 0), c1 = indexConst(rewriter, loc, 1);
    SmallVector<Value> lbs, steps, ubs;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == dim)
        continue;
      lbs.push_back(c0);
      steps.push_back(c1);
      ubs.push_back(indexConst(rewriter, loc, type.getDimSize(d)));
    }

    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, lbs, ubs, steps, inputs,
        [&](OpBuilder &b, Location l, ValueRange outerIvs,
            ValueRange tensors) -> scf::ValueVector {
          SmallVector<OpFoldResult> offsets, sizes, strides;
          for (int64_t d = 0, o = 0; d < rank; ++d) {
            offsets.push_back(d == dim ? OpFoldResult(b.getIndexAttr(0))
                                       : OpFoldResult(outerIvs[o++]));
            sizes.push_back(b.getIndexAttr(d == dim ? n : 1));
            strides.push_back(b.getIndexAttr(1));
          }
          SmallVector<Value> rows;
          for (Value t : tensors) {
            auto rowType = RankedTensorType::get(
                {n}, cast<RankedTensorType>(t.getType()).getElementType());
            rows.push_back(tensor::ExtractSliceOp::create(b, l, rowType, t, offsets,
                                                          sizes, strides));
          }
          SmallVector<Value> sorted = emitMergeSort(b, l, comparator, rows, n);
          scf::ValueVector results;
          for (auto [row, t] : llvm::zip(sorted, tensors))
            results.push_back(
                tensor::InsertSliceOp::create(b, l, row, t, offsets, sizes, strides));
          return results;
        });
    rewriter.replaceOp(op, nest.results);
    return success();
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateSortPatterns(const TypeConverter &tc,
                                                    RewritePatternSet &patterns) {
  patterns.add<SortLowering>(tc, patterns.getContext());
}
