//===- CHLOToStableHLO.cpp - the chlo-legalize-to-stablehlo pass ------------===//
#include "byteir/Conversion/CHLOToStableHLO/CHLOToStableHLO.h"

#include "Patterns.h"
#include "byteir/Dialect/CHLO/IR/CHLOOps.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_CHLOLEGALIZETOSTABLEHLO
#include "byteir/Conversion/CHLOToStableHLO/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

void mlir::byteir::populateChloToStableHLOPatterns(MLIRContext *context,
                                                   RewritePatternSet &patterns) {
  chlo_lowering::populateElementwisePatterns(context, patterns);
  chlo_lowering::populateBroadcastPatterns(context, patterns);
  chlo_lowering::populateMiscPatterns(context, patterns);
}

namespace {

struct ChloLegalizeToStableHLOPass
    : byteir::impl::ChloLegalizeToStableHLOBase<ChloLegalizeToStableHLOPass> {
  void runOnOperation() override {
    MLIRContext *context = &getContext();
    ConversionTarget target(*context);
    target.addIllegalDialect<chlo::ChloDialect>();
    target.addLegalDialect<stablehlo::StableHLODialect>();
    RewritePatternSet patterns(context);
    byteir::populateChloToStableHLOPatterns(context, patterns);
    if (failed(applyPartialConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
