//===- DotGeneralNormalize.cpp - dot_general as a batched matmul ----------===//
#include "byteir/Transforms/Passes.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_DOTGENERALNORMALIZE
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;
namespace hlo = mlir::stablehlo;

namespace {
int64_t product(RankedTensorType type, ArrayRef<int64_t> dims) {
  int64_t p = 1;
  for (int64_t d : dims)
    p *= type.getDimSize(d);
  return p;
}

// The dims of a `rank`-d operand that are neither batch nor contracting dims.
SmallVector<int64_t> freeDims(int64_t rank, ArrayRef<int64_t> batch, ArrayRef<int64_t> contract) {
  SmallVector<int64_t> free;
  for (int64_t d = 0; d < rank; ++d)
    if (!llvm::is_contained(batch, d) && !llvm::is_contained(contract, d))
      free.push_back(d);
  return free;
}

bool isIdentity(ArrayRef<int64_t> perm) {
  for (auto [i, p] : llvm::enumerate(perm))
    if (p != static_cast<int64_t>(i))
      return false;
  return true;
}

// One operand as [batch.., X, Y] with {X, Y} = {free dims merged, contracting
// dims merged}. `contractLast` is the preferred order; the other order is used
// when it needs no transpose and the preferred one does.
struct Arranged {
  Value value;
  int64_t contractingDim;
  bool changed;
};

Arranged arrange(PatternRewriter &rewriter, Location loc, Value operand, ArrayRef<int64_t> batch,
                 ArrayRef<int64_t> contract, bool contractLast) {
  auto type = cast<RankedTensorType>(operand.getType());
  SmallVector<int64_t> free = freeDims(type.getRank(), batch, contract);
  auto order = [&](bool last) {
    SmallVector<int64_t> perm(batch);
    llvm::append_range(perm, last ? ArrayRef<int64_t>(free) : contract);
    llvm::append_range(perm, last ? contract : ArrayRef<int64_t>(free));
    return perm;
  };
  if (!isIdentity(order(contractLast)) && isIdentity(order(!contractLast)))
    contractLast = !contractLast;
  SmallVector<int64_t> perm = order(contractLast);
  Value value = operand;
  bool changed = false;
  if (!isIdentity(perm)) {
    value = hlo::TransposeOp::create(rewriter, loc, value, perm);
    changed = true;
  }
  SmallVector<int64_t> shape;
  for (int64_t b : batch)
    shape.push_back(type.getDimSize(b));
  int64_t m = product(type, free), k = product(type, contract);
  shape.push_back(contractLast ? m : k);
  shape.push_back(contractLast ? k : m);
  auto shaped = RankedTensorType::get(shape, type.getElementType());
  if (shaped != value.getType()) {
    value = hlo::ReshapeOp::create(rewriter, loc, shaped, value);
    changed = true;
  }
  int64_t rank = static_cast<int64_t>(shape.size());
  return {value, contractLast ? rank - 1 : rank - 2, changed};
}

bool isStatic(Value v) { return cast<RankedTensorType>(v.getType()).hasStaticShape(); }

// Matrix-vector (and outer) products stay as they are: generated loops beat a
// library matmul with a unit dim there (docs/compiler.md).
bool hasFreeDim(Value v, ArrayRef<int64_t> batch, ArrayRef<int64_t> contract) {
  int64_t rank = cast<RankedTensorType>(v.getType()).getRank();
  return !freeDims(rank, batch, contract).empty();
}

struct NormalizeDotGeneral : OpRewritePattern<hlo::DotGeneralOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(hlo::DotGeneralOp op, PatternRewriter &rewriter) const override {
    if (!isStatic(op.getLhs()) || !isStatic(op.getRhs()) || !isStatic(op.getResult()))
      return failure();
    hlo::DotDimensionNumbersAttr dims = op.getDotDimensionNumbers();
    if (dims.getLhsContractingDimensions().empty() ||
        !hasFreeDim(op.getLhs(), dims.getLhsBatchingDimensions(),
                    dims.getLhsContractingDimensions()) ||
        !hasFreeDim(op.getRhs(), dims.getRhsBatchingDimensions(),
                    dims.getRhsContractingDimensions()))
      return failure();
    Location loc = op.getLoc();
    Arranged lhs = arrange(rewriter, loc, op.getLhs(), dims.getLhsBatchingDimensions(),
                           dims.getLhsContractingDimensions(), /*contractLast=*/true);
    Arranged rhs = arrange(rewriter, loc, op.getRhs(), dims.getRhsBatchingDimensions(),
                           dims.getRhsContractingDimensions(), /*contractLast=*/false);
    auto batch = llvm::to_vector(
        llvm::seq<int64_t>(0, static_cast<int64_t>(dims.getLhsBatchingDimensions().size())));
    auto newDims = hlo::DotDimensionNumbersAttr::get(op.getContext(), batch, batch,
                                                     {lhs.contractingDim}, {rhs.contractingDim});
    auto lhsType = cast<RankedTensorType>(lhs.value.getType());
    auto rhsType = cast<RankedTensorType>(rhs.value.getType());
    SmallVector<int64_t> shape(lhsType.getShape().take_front(batch.size()));
    shape.push_back(lhsType.getDimSize(lhsType.getRank() * 2 - 3 - lhs.contractingDim));
    shape.push_back(rhsType.getDimSize(rhsType.getRank() * 2 - 3 - rhs.contractingDim));
    auto resultType = RankedTensorType::get(shape, op.getType().getElementType());
    // Unchanged operands mean nothing was created: the dot is already canonical.
    if (!lhs.changed && !rhs.changed && resultType == op.getType() && newDims == dims)
      return failure();
    Value dot = hlo::DotGeneralOp::create(rewriter, loc, resultType, lhs.value, rhs.value, newDims,
                                          op.getPrecisionConfigAttr(), op.getAlgorithmAttr());
    if (resultType != op.getType())
      dot = hlo::ReshapeOp::create(rewriter, loc, op.getType(), dot);
    rewriter.replaceOp(op, dot);
    return success();
  }
};

struct DotGeneralNormalizePass
    : public byteir::impl::DotGeneralNormalizeBase<DotGeneralNormalizePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<NormalizeDotGeneral>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
