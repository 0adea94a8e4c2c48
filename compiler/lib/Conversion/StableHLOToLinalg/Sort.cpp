//===- Sort.cpp - stablehlo.sort to linalg_ext.sort ------------------------===//
//
// stablehlo.sort becomes linalg_ext.sort on the same operands (sorted in place;
// bufferization copies operands that are still read elsewhere). The comparator
// region is lowered to scalar arith ops on the (lhs_0, rhs_0, lhs_1, rhs_1, ...)
// block arguments. linalg_ext.sort is always stable, which also satisfies
// is_stable = false.
//
//===----------------------------------------------------------------------===//
#include "Part2Common.h"
#include "Patterns.h"
#include "ScalarBody.h"

#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

using namespace mlir;
using namespace mlir::byteir::shlo_part2;
namespace hl = mlir::byteir::hlo_linalg;
namespace linalg_ext = mlir::byteir::linalg_ext;

namespace {

struct SortLowering : OpConversionPattern<stablehlo::SortOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult matchAndRewrite(stablehlo::SortOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    auto type = cast<RankedTensorType>(inputs[0].getType());
    if (!type.hasStaticShape())
      return hl::unsupported(op, "a dynamic shape");
    if (failed(hl::checkScalarRegion(op.getComparator(), op)))
      return failure();
    int64_t dim = op.getDimension();
    if (dim < 0)
      dim += type.getRank();
    if (type.getDimSize(dim) <= 1) {
      rewriter.replaceOp(op, inputs);
      return success();
    }
    auto sort = linalg_ext::SortOp::create(rewriter, loc, inputs.getTypes(), inputs, dim);
    SmallVector<Type> argTypes;
    for (Value v : inputs) {
      Type elem = cast<RankedTensorType>(v.getType()).getElementType();
      argTypes.append({elem, elem});
    }
    OpBuilder::InsertionGuard guard(rewriter);
    Block *block = rewriter.createBlock(&sort.getComparator(), {}, argTypes,
                                        SmallVector<Location>(argTypes.size(), loc));
    FailureOr<SmallVector<Value>> less =
        emitScalarRegion(rewriter, loc, op.getComparator(), block->getArguments());
    if (failed(less) || less->size() != 1)
      return hl::unsupported(op, "a comparator without one scalar result");
    linalg_ext::YieldOp::create(rewriter, loc, (*less)[0]);
    rewriter.replaceOp(op, sort.getResults());
    return success();
  }
};

} // namespace

void mlir::byteir::shlo_part2::populateSortPatterns(const TypeConverter &tc,
                                                    RewritePatternSet &patterns) {
  patterns.add<SortLowering>(tc, patterns.getContext());
}
