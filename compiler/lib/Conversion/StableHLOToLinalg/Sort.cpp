//===- Sort.cpp - stablehlo.sort to scf loops ------------------------------===//
//
// A stable insertion sort of every 1-d slice along the sort dimension, on
// tensors: scf.for loops over the other dimensions and over i = 1..n, and an
// scf.while that moves element i left while comparator(elem[j], elem[j-1])
// holds, swapping the elements of all inputs together. Equal elements never
// swap, so the sort is stable whatever is_stable says. Correctness first: this
// is O(n^2) per slice.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;

namespace {

struct SortLowering : OpConversionPattern<stablehlo::SortOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    auto type = cast<RankedTensorType>(inputs[0].getType());
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    if (failed(hl::checkScalarRegion(op.getComparator(), op)))
      return failure();
    int64_t rank = type.getRank();
    int64_t dim = op.getDimension();
    if (dim < 0)
      dim += rank;
    int64_t n = type.getDimSize(dim);
    int64_t numInputs = inputs.size();
    if (n <= 1) {
      rewriter.replaceOp(op, inputs);
      return success();
    }
    Region &comparator = op.getComparator();

    Value c0 = indexConst(rewriter, loc, 0), c1 = indexConst(rewriter, loc, 1);
    // Loops over every dimension but the sorted one.
    SmallVector<Value> lbs, steps, ubs;
    for (int64_t d = 0; d < rank; ++d) {
      if (d == dim)
        continue;
      lbs.push_back(c0);
      steps.push_back(c1);
      ubs.push_back(indexConst(rewriter, loc, type.getDimSize(d)));
    }
    Value cn = indexConst(rewriter, loc, n);

    scf::LoopNest nest = scf::buildLoopNest(
        rewriter, loc, lbs, ubs, steps, inputs,
        [&](OpBuilder &b, Location l, ValueRange outerIvs,
            ValueRange tensors) -> scf::ValueVector {
          auto at = [&](Value j) {
            SmallVector<Value> idx(outerIvs.begin(), outerIvs.end());
            idx.insert(idx.begin() + dim, j);
            return idx;
          };
          auto forOp = scf::ForOp::create(
              b, l, c1, cn, c1, tensors,
              [&](OpBuilder &fb, Location fl, Value i, ValueRange ts) {
                SmallVector<Value> state = {i};
                state.append(ts.begin(), ts.end());
                SmallVector<Type> stateTypes = llvm::to_vector(ValueRange(state).getTypes());
                auto whileOp = scf::WhileOp::create(
                    fb, fl, stateTypes, state,
                    [&](OpBuilder &wb, Location wl, ValueRange args) {
                      Value j = args[0];
                      Value positive =
                          arith::CmpIOp::create(wb, wl, arith::CmpIPredicate::sgt, j, c0);
                      auto ifOp = scf::IfOp::create(wb, wl, TypeRange{wb.getI1Type()},
                                                    positive, /*withElseRegion=*/true);
                      {
                        OpBuilder::InsertionGuard g(wb);
                        wb.setInsertionPointToStart(ifOp.thenBlock());
                        Value jm1 = arith::SubIOp::create(wb, wl, j, c1);
                        SmallVector<Value> cmpArgs;
                        for (int64_t k = 0; k < numInputs; ++k) {
                          cmpArgs.push_back(
                              tensor::ExtractOp::create(wb, wl, args[1 + k], at(j)));
                          cmpArgs.push_back(
                              tensor::ExtractOp::create(wb, wl, args[1 + k], at(jm1)));
                        }
                        auto less = emitScalarRegion(wb, wl, comparator, cmpArgs);
                        Value lt = succeeded(less)
                                       ? (*less)[0]
                                       : arith::ConstantOp::create(wb, wl,
                                                                   wb.getBoolAttr(false))
                                             .getResult();
                        scf::YieldOp::create(wb, wl, lt);
                        wb.setInsertionPointToStart(ifOp.elseBlock());
                        scf::YieldOp::create(
                            wb, wl,
                            arith::ConstantOp::create(wb, wl, wb.getBoolAttr(false))
                                .getResult());
                      }
                      scf::ConditionOp::create(wb, wl, ifOp.getResult(0), args);
                    },
                    [&](OpBuilder &wb, Location wl, ValueRange args) {
                      Value j = args[0];
                      Value jm1 = arith::SubIOp::create(wb, wl, j, c1);
                      SmallVector<Value> next = {jm1};
                      for (int64_t k = 0; k < numInputs; ++k) {
                        Value t = args[1 + k];
                        Value a = tensor::ExtractOp::create(wb, wl, t, at(j));
                        Value bv = tensor::ExtractOp::create(wb, wl, t, at(jm1));
                        t = tensor::InsertOp::create(wb, wl, a, t, at(jm1));
                        t = tensor::InsertOp::create(wb, wl, bv, t, at(j));
                        next.push_back(t);
                      }
                      scf::YieldOp::create(wb, wl, next);
                    });
                scf::YieldOp::create(fb, fl, whileOp.getResults().drop_front());
              });
          return scf::ValueVector(forOp.getResults().begin(), forOp.getResults().end());
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
