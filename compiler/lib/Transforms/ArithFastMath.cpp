//===- ArithFastMath.cpp - reassociation and contraction for arith --------===//
#include "byteir/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_ARITHFASTMATH
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

namespace {
struct ArithFastMathPass : public byteir::impl::ArithFastMathBase<ArithFastMathPass> {
  void runOnOperation() override {
    // Only the arithmetic that reductions and multiply-adds are made of: conversions
    // keep their rounding (with `contract`, extf(truncf(x)) folds to x) and
    // min/max/compare keep their exact NaN and signed-zero semantics.
    getOperation()->walk([](Operation *op) {
      if (!isa<arith::AddFOp, arith::SubFOp, arith::MulFOp, arith::DivFOp>(op))
        return;
      auto fastMath = cast<arith::ArithFastMathInterface>(op);
      arith::FastMathFlags flags = fastMath.getFastMathFlagsAttr().getValue();
      op->setAttr(fastMath.getFastMathAttrName(),
                  arith::FastMathFlagsAttr::get(op->getContext(),
                                                flags | arith::FastMathFlags::reassoc |
                                                    arith::FastMathFlags::contract));
    });
  }
};
} // namespace
