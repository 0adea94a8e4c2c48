//===- Reduce.cpp - stablehlo.reduce to linalg.reduce ---------------------===//
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;

namespace {

/// Each result starts as its init value broadcast (linalg.fill); linalg.reduce
/// then folds the inputs in with the body lowered to scalars. The stablehlo
/// body takes (accumulators..., elements...); linalg.reduce's block takes
/// (elements..., accumulators...).
struct ReduceConverter final : OpConversionPattern<stablehlo::ReduceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(stablehlo::ReduceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs(), inits = adaptor.getInitValues();
    size_t n = inputs.size();
    ArrayRef<int64_t> dims = op.getDimensions();
    auto inType = dyn_cast<RankedTensorType>(inputs.front().getType());
    if (!inType)
      return unsupported(op, "unranked inputs");
    for (Value init : inits) {
      auto t = dyn_cast<RankedTensorType>(init.getType());
      if (!t || t.getRank() != 0)
        return unsupported(op, "non-scalar init values");
    }
    if (failed(checkScalarRegion(op.getBody(), op)))
      return failure();

    SmallVector<int64_t> sortedDims(dims);
    llvm::sort(sortedDims);
    SmallVector<Value> outs;
    for (auto [i, result] : llvm::enumerate(op.getResults())) {
      RankedTensorType type = convertedTensorType(*getTypeConverter(), result.getType());
      if (!type)
        return unsupported(op, "unranked results");
      // Dynamic result dims come from the kept input dims, in order.
      SmallVector<Value> dyn;
      int64_t r = 0;
      for (int64_t d = 0; d < inType.getRank(); ++d) {
        if (llvm::is_contained(dims, d))
          continue;
        if (type.isDynamicDim(r))
          dyn.push_back(tensor::DimOp::create(rewriter, loc, inputs.front(), d));
        ++r;
      }
      Value scalar = extractScalar(rewriter, loc, inits[i]);
      outs.push_back(fillTensor(rewriter, loc, scalar, emptyTensor(rewriter, loc, type, dyn)));
    }

    bool ok = true;
    auto reduce = linalg::ReduceOp::create(
        rewriter, loc, inputs, outs, sortedDims, [&](OpBuilder &b, Location l, ValueRange args) {
          SmallVector<Value> bodyArgs(args.drop_front(n));
          bodyArgs.append(args.begin(), args.begin() + n);
          FailureOr<SmallVector<Value>> res = convertScalarRegion(b, op.getBody(), bodyArgs);
          ok = succeeded(res);
          linalg::YieldOp::create(b, l, ok ? ValueRange(*res) : ValueRange{});
        });
    if (!ok)
      return failure();
    rewriter.replaceOp(op, reduce.getResults());
    return success();
  }
};

} // namespace

void mlir::byteir::hlo_linalg::populateReducePatterns(TypeConverter &converter,
                                                     RewritePatternSet &patterns) {
  patterns.add<ReduceConverter>(converter, patterns.getContext());
}
