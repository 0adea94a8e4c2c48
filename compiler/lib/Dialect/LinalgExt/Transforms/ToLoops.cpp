//===- ToLoops.cpp - byteir-linalg-ext-to-loops ---------------------------===//
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/LinalgExt/Transforms/Passes.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::byteir::linalg_ext {
#define GEN_PASS_DEF_LINALGEXTTOLOOPS
#include "byteir/Dialect/LinalgExt/Transforms/Passes.h.inc"
} // namespace mlir::byteir::linalg_ext

using namespace mlir;
using namespace mlir::byteir::linalg_ext;

namespace {

/// scf.for loops over the parallel dims of `op`'s domain; the reduction dims
/// take their lower bound (the scalar implementation covers them whole).
LogicalResult lowerToLoops(RewriterBase &rewriter, TilingInterface op) {
  auto dps = cast<DestinationStyleOpInterface>(op.getOperation());
  if (!dps.hasPureBufferSemantics())
    return op->emitOpError("must be bufferized before byteir-linalg-ext-to-loops");
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  SmallVector<Range> domain = op.getIterationDomain(rewriter);
  SmallVector<utils::IteratorType> iterators = op.getLoopIteratorTypes();
  SmallVector<Value> lbs, ubs, steps;
  for (auto [range, it] : llvm::zip(domain, iterators)) {
    if (it != utils::IteratorType::parallel)
      continue;
    lbs.push_back(getValueOrCreateConstantIndexOp(rewriter, loc, range.offset));
    ubs.push_back(getValueOrCreateConstantIndexOp(rewriter, loc, range.size));
    steps.push_back(getValueOrCreateConstantIndexOp(rewriter, loc, range.stride));
  }
  LogicalResult result = success();
  scf::buildLoopNest(rewriter, loc, lbs, ubs, steps,
                     [&](OpBuilder &b, Location l, ValueRange parallelIvs) {
                       SmallVector<Value> ivs;
                       auto next = parallelIvs.begin();
                       for (auto [range, it] : llvm::zip(domain, iterators))
                         ivs.push_back(it == utils::IteratorType::parallel
                                           ? *next++
                                           : getValueOrCreateConstantIndexOp(b, l, range.offset));
                       result = op.generateScalarImplementation(b, l, ivs);
                     });
  if (failed(result))
    return op->emitOpError("has no scalar implementation");
  rewriter.eraseOp(op);
  return success();
}

struct LinalgExtToLoopsPass
    : mlir::byteir::linalg_ext::impl::LinalgExtToLoopsBase<LinalgExtToLoopsPass> {
  void runOnOperation() override {
    SmallVector<TilingInterface> ops;
    getOperation().walk([&](TilingInterface op) {
      if (isa<LinalgExtDialect>(op->getDialect()))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (TilingInterface op : ops)
      if (failed(lowerToLoops(rewriter, op)))
        return signalPassFailure();
  }
};

} // namespace
