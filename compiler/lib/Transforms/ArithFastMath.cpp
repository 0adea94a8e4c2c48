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
    getOperation()->walk([](arith::ArithFastMathInterface op) {
      // Some ops (extf, truncf) carry the flags only when set.
      arith::FastMathFlagsAttr current = op.getFastMathFlagsAttr();
      arith::FastMathFlags flags =
          current ? current.getValue() : arith::FastMathFlags::none;
      op->setAttr(op.getFastMathAttrName(),
                  arith::FastMathFlagsAttr::get(op->getContext(),
                                                flags | arith::FastMathFlags::reassoc |
                                                    arith::FastMathFlags::contract));
    });
  }
};
} // namespace
