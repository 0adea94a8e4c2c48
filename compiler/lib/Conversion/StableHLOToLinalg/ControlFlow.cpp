//===- ControlFlow.cpp - while/if/case to scf ------------------------------===//
//
// stablehlo.while -> scf.while (cond region -> before, body -> after),
// stablehlo.if    -> scf.if,
// stablehlo.case  -> scf.index_switch with cases 0..n-2 and the last branch as
//                    default (an out-of-range index runs the last branch).
// The regions are moved, their block signatures converted with the type
// converter; the ordinary stablehlo ops inside are converted by the other
// patterns. A stablehlo.return whose parent is one of these scf ops becomes
// scf.condition (the before region of scf.while: pred read with tensor.extract,
// block arguments forwarded) or scf.yield.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;

namespace {

struct WhileLowering : OpConversionPattern<stablehlo::WhileOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::WhileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return hl::unsupported(op, "these result types");
    auto whileOp = scf::WhileOp::create(rewriter, op.getLoc(), resultTypes,
                                        adaptor.getOperand());
    rewriter.inlineRegionBefore(op.getCond(), whileOp.getBefore(),
                                whileOp.getBefore().end());
    rewriter.inlineRegionBefore(op.getBody(), whileOp.getAfter(),
                                whileOp.getAfter().end());
    if (failed(rewriter.convertRegionTypes(&whileOp.getBefore(), *getTypeConverter())) ||
        failed(rewriter.convertRegionTypes(&whileOp.getAfter(), *getTypeConverter())))
      return failure();
    rewriter.replaceOp(op, whileOp.getResults());
    return success();
  }
};

struct IfLowering : OpConversionPattern<stablehlo::IfOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::IfOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return hl::unsupported(op, "these result types");
    Location loc = op.getLoc();
    Value pred = tensor::ExtractOp::create(rewriter, loc, adaptor.getPred(), ValueRange{});
    auto ifOp = scf::IfOp::create(rewriter, loc, resultTypes, pred,
                                  /*addThenBlock=*/false, /*addElseBlock=*/false);
    rewriter.inlineRegionBefore(op.getTrueBranch(), ifOp.getThenRegion(),
                                ifOp.getThenRegion().end());
    rewriter.inlineRegionBefore(op.getFalseBranch(), ifOp.getElseRegion(),
                                ifOp.getElseRegion().end());
    rewriter.replaceOp(op, ifOp.getResults());
    return success();
  }
};

struct CaseLowering : OpConversionPattern<stablehlo::CaseOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::CaseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Type> resultTypes;
    if (failed(getTypeConverter()->convertTypes(op.getResultTypes(), resultTypes)))
      return hl::unsupported(op, "these result types");
    Location loc = op.getLoc();
    Value index =
        tensor::ExtractOp::create(rewriter, loc, adaptor.getIndex(), ValueRange{});
    index = arith::IndexCastOp::create(rewriter, loc, rewriter.getIndexType(), index);
    int64_t n = op.getBranches().size();
    SmallVector<int64_t> cases;
    for (int64_t i = 0; i + 1 < n; ++i)
      cases.push_back(i);
    auto sw = scf::IndexSwitchOp::create(rewriter, loc, resultTypes, index, cases,
                                         cases.size());
    for (int64_t i = 0; i < n; ++i) {
      Region &dest = i + 1 < n ? sw.getCaseRegions()[i] : sw.getDefaultRegion();
      rewriter.inlineRegionBefore(op.getBranches()[i], dest, dest.end());
    }
    rewriter.replaceOp(op, sw.getResults());
    return success();
  }
};

struct RegionReturnLowering : OpConversionPattern<stablehlo::ReturnOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(stablehlo::ReturnOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Operation *parent = op->getParentOp();
    Location loc = op.getLoc();
    if (auto whileOp = dyn_cast<scf::WhileOp>(parent)) {
      if (op->getParentRegion() == &whileOp.getBefore()) {
        if (adaptor.getResults().size() != 1)
          return failure();
        Value pred = tensor::ExtractOp::create(rewriter, loc, adaptor.getResults()[0],
                                               ValueRange{});
        scf::ConditionOp::create(rewriter, loc, pred, op->getBlock()->getArguments());
        rewriter.eraseOp(op);
        return success();
      }
    } else if (!isa<scf::IfOp, scf::IndexSwitchOp>(parent)) {
      return failure();
    }
    scf::YieldOp::create(rewriter, loc, adaptor.getResults());
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateControlFlowPatterns(const TypeConverter &tc,
                                                           RewritePatternSet &patterns) {
  patterns.add<WhileLowering, IfLowering, CaseLowering, RegionReturnLowering>(
      tc, patterns.getContext());
}
