//===- Pass.cpp - the stablehlo-legalize-to-linalg pass -------------------===//
#include "byteir/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"

#include "Patterns.h"
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_STABLEHLOLEGALIZETOLINALG
#include "byteir/Conversion/StableHLOToLinalg/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

void mlir::byteir::populateStableHLOToLinalgPatterns(TypeConverter &typeConverter,
                                                     RewritePatternSet &patterns) {
  hlo_linalg::populateElementwisePatterns(typeConverter, patterns);
  hlo_linalg::populateShapePatterns(typeConverter, patterns);
  hlo_linalg::populateSlicePatterns(typeConverter, patterns);
  hlo_linalg::populateContractionPatterns(typeConverter, patterns);
  hlo_linalg::populateReducePatterns(typeConverter, patterns);
  hlo_linalg::populateByteIRCustomCallPatterns(typeConverter, patterns);
}

namespace {

bool isStableHLO(Operation *op) { return isa<stablehlo::StableHLODialect>(op->getDialect()); }

struct StableHLOLegalizeToLinalgPass
    : byteir::impl::StableHLOLegalizeToLinalgBase<StableHLOLegalizeToLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *context = &getContext();
    byteir::StableHLOToLinalgTypeConverter converter;
    RewritePatternSet patterns(context);
    byteir::populateStableHLOToLinalgPatterns(converter, patterns);
#ifdef BYTEIR_STABLEHLO_TO_LINALG_PART2
    byteir::populateStableHLOToLinalgPart2Patterns(converter, patterns);
#endif
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns, converter);
    populateCallOpTypeConversionPattern(patterns, converter);
    populateReturnOpTypeConversionPattern(patterns, converter);

    ConversionTarget target(*context);
    target.addLegalDialect<arith::ArithDialect, byteir::linalg_ext::LinalgExtDialect,
                           complex::ComplexDialect,
                           linalg::LinalgDialect, math::MathDialect, scf::SCFDialect,
                           tensor::TensorDialect>();
    target.addLegalOp<ModuleOp, UnrealizedConversionCastOp>();
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp f) {
      return converter.isSignatureLegal(f.getFunctionType()) &&
             converter.isLegal(&f.getBody());
    });
    target.addDynamicallyLegalOp<func::CallOp, func::ReturnOp>(
        [&](Operation *op) { return converter.isLegal(op); });
    // Ops in the regions of stablehlo ops are lowered by their parent's pattern.
    auto nestedInStableHLO = [](Operation *op) -> std::optional<bool> {
      Operation *parent = op->getParentOp();
      return parent && isStableHLO(parent);
    };
    if (allowPartial) {
      // Unknown ops are attempted, and left in place when no pattern applies.
      target.addDynamicallyLegalDialect<stablehlo::StableHLODialect>(
          [&](Operation *op) -> std::optional<bool> {
            if (*nestedInStableHLO(op))
              return true;
            return std::nullopt;
          });
    } else {
      target.addDynamicallyLegalDialect<stablehlo::StableHLODialect>(nestedInStableHLO);
      target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    }

    std::optional<ScopedDiagnosticHandler> silence;
    if (allowPartial)
      silence.emplace(context, [](Diagnostic &) { return success(); });
    if (failed(applyPartialConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
