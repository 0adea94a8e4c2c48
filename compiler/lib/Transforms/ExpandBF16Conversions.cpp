//===- ExpandBF16Conversions.cpp - f32<->bf16 without a compiler runtime --===//
#include "byteir/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_EXPANDBF16CONVERSIONS
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

namespace {
struct ExpandBF16ConversionsPass
    : public byteir::impl::ExpandBF16ConversionsBase<ExpandBF16ConversionsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    arith::populateExpandBFloat16Patterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
