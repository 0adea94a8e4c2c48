//===- HloFoldConstants.cpp - reductions of constants, empty tensors ------===//
//
// Runs with the StableHLO folders and canonicalization patterns, so that what a
// rewrite here makes constant folds further in the same pass.
//
//===----------------------------------------------------------------------===//
#include "byteir/Transforms/Passes.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_HLOFOLDCONSTANTS
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;
namespace hlo = mlir::stablehlo;

namespace {
bool isEmpty(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() && tensor.getNumElements() == 0;
}

// An empty tensor a dense constant can hold (not quantized or token-like types).
bool isEmptyDense(Type type) {
  return isEmpty(type) &&
         isa<IntegerType, FloatType, ComplexType>(cast<RankedTensorType>(type).getElementType());
}

bool isNonEmptyStatic(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() && tensor.getNumElements() > 0;
}

Value zerosOf(PatternRewriter &rewriter, Location loc, RankedTensorType type) {
  return hlo::ConstantOp::create(
      rewriter, loc, DenseElementsAttr::get(type, rewriter.getZeroAttr(type.getElementType())));
}

//===----------------------------------------------------------------------===//
// Zero-element tensors
//===----------------------------------------------------------------------===//

// A side-effect free StableHLO op whose results have no elements: empty constants.
struct EmptyResults : RewritePattern {
  EmptyResults(MLIRContext *ctx) : RewritePattern(MatchAnyOpTypeTag(), 1, ctx) {}

  LogicalResult matchAndRewrite(Operation *op, PatternRewriter &rewriter) const override {
    if (!isa<hlo::StableHLODialect>(op->getDialect()) || isa<hlo::ConstantOp>(op) ||
        op->getNumResults() == 0 || !llvm::all_of(op->getResultTypes(), isEmptyDense) ||
        !isMemoryEffectFree(op))
      return failure();
    SmallVector<Value> empties;
    for (Type type : op->getResultTypes())
      empties.push_back(hlo::ConstantOp::create(
          rewriter, op->getLoc(),
          DenseElementsAttr::get(cast<RankedTensorType>(type), ArrayRef<Attribute>{})));
    rewriter.replaceOp(op, empties);
    return success();
  }
};

// A reduction over a zero-sized dim yields its init values.
struct ReduceOverEmpty : OpRewritePattern<hlo::ReduceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(hlo::ReduceOp op, PatternRewriter &rewriter) const override {
    if (!llvm::all_of(op.getInputs().getTypes(), isEmpty) ||
        !llvm::all_of(op->getResultTypes(), isNonEmptyStatic))
      return failure();
    SmallVector<Value> results;
    for (auto [init, type] : llvm::zip(op.getInitValues(), op->getResultTypes()))
      results.push_back(
          hlo::BroadcastInDimOp::create(rewriter, op.getLoc(), type, init, ArrayRef<int64_t>{}));
    rewriter.replaceOp(op, results);
    return success();
  }
};

// dot_general / convolution with an empty operand and a non-empty result: every
// result element is an empty sum (or all padding).
template <typename ContractionOp> struct ContractionOverEmpty : OpRewritePattern<ContractionOp> {
  using OpRewritePattern<ContractionOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(ContractionOp op, PatternRewriter &rewriter) const override {
    if (!isNonEmptyStatic(op.getType()) ||
        !(isEmpty(op.getLhs().getType()) || isEmpty(op.getRhs().getType())))
      return failure();
    rewriter.replaceOp(op, zerosOf(rewriter, op.getLoc(), op.getType()));
    return success();
  }
};

struct PadEmpty : OpRewritePattern<hlo::PadOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(hlo::PadOp op, PatternRewriter &rewriter) const override {
    if (!isEmpty(op.getOperand().getType()) || !isNonEmptyStatic(op.getType()))
      return failure();
    rewriter.replaceOpWithNewOp<hlo::BroadcastInDimOp>(op, op.getType(), op.getPaddingValue(),
                                                       ArrayRef<int64_t>{});
    return success();
  }
};

struct UpdateSliceEmpty : OpRewritePattern<hlo::DynamicUpdateSliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(hlo::DynamicUpdateSliceOp op,
                                PatternRewriter &rewriter) const override {
    if (!isEmpty(op.getUpdate().getType()) || op.getOperand().getType() != op.getType())
      return failure();
    rewriter.replaceOp(op, op.getOperand());
    return success();
  }
};

// A scatter with no update elements leaves its inputs unchanged.
struct ScatterEmpty : OpRewritePattern<hlo::ScatterOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(hlo::ScatterOp op, PatternRewriter &rewriter) const override {
    if (!llvm::all_of(op.getUpdates().getTypes(), isEmpty) ||
        op.getInputs().getTypes() != op->getResultTypes())
      return failure();
    rewriter.replaceOp(op, op.getInputs());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// reduce of constants
//===----------------------------------------------------------------------===//

enum class Combiner { Add, Mul, Max, Min, And, Or };

// The combiner of a body that is one binary op of its two arguments.
std::optional<Combiner> combinerOf(Region &body) {
  Block &block = body.front();
  if (block.getNumArguments() != 2 || !llvm::hasSingleElement(block.without_terminator()))
    return std::nullopt;
  Operation &op = block.front();
  Operation *term = block.getTerminator();
  if (op.getNumOperands() != 2 || term->getNumOperands() != 1 ||
      term->getOperand(0) != op.getResult(0))
    return std::nullopt;
  ValueRange args = block.getArguments();
  if (!((op.getOperand(0) == args[0] && op.getOperand(1) == args[1]) ||
        (op.getOperand(0) == args[1] && op.getOperand(1) == args[0])))
    return std::nullopt;
  return llvm::TypeSwitch<Operation *, std::optional<Combiner>>(&op)
      .Case([](hlo::AddOp) { return Combiner::Add; })
      .Case([](hlo::MulOp) { return Combiner::Mul; })
      .Case([](hlo::MaxOp) { return Combiner::Max; })
      .Case([](hlo::MinOp) { return Combiner::Min; })
      .Case([](hlo::AndOp) { return Combiner::And; })
      .Case([](hlo::OrOp) { return Combiner::Or; })
      .Default([](Operation *) { return std::nullopt; });
}

std::optional<APInt> combineInts(Combiner c, const APInt &a, const APInt &b, bool isUnsigned) {
  // Booleans: add is or, mul is and (StableHLO spec).
  if (a.getBitWidth() == 1 && c == Combiner::Add)
    c = Combiner::Or;
  if (a.getBitWidth() == 1 && c == Combiner::Mul)
    c = Combiner::And;
  switch (c) {
  case Combiner::Add:
    return a + b;
  case Combiner::Mul:
    return a * b;
  case Combiner::Max:
    return (isUnsigned ? a.ugt(b) : a.sgt(b)) ? a : b;
  case Combiner::Min:
    return (isUnsigned ? a.ult(b) : a.slt(b)) ? a : b;
  case Combiner::And:
    return a & b;
  case Combiner::Or:
    return a | b;
  }
  return std::nullopt;
}

std::optional<APFloat> combineFloats(Combiner c, const APFloat &a, const APFloat &b) {
  APFloat r = a;
  switch (c) {
  case Combiner::Add:
    r.add(b, APFloat::rmNearestTiesToEven);
    return r;
  case Combiner::Mul:
    r.multiply(b, APFloat::rmNearestTiesToEven);
    return r;
  case Combiner::Max:
    return llvm::maximum(a, b);
  case Combiner::Min:
    return llvm::minimum(a, b);
  default:
    return std::nullopt;
  }
}

// Linear index of each input element's result element (reduced dims dropped).
SmallVector<int64_t> resultIndices(RankedTensorType in, ArrayRef<int64_t> reduced) {
  SmallVector<int64_t> out(in.getNumElements());
  SmallVector<int64_t> idx(in.getRank(), 0);
  for (int64_t n = 0, e = in.getNumElements(); n < e; ++n) {
    int64_t r = 0;
    for (int64_t d = 0; d < in.getRank(); ++d)
      if (!llvm::is_contained(reduced, d))
        r = r * in.getDimSize(d) + idx[d];
    out[n] = r;
    for (int64_t d = in.getRank() - 1; d >= 0; --d) {
      if (++idx[d] < in.getDimSize(d))
        break;
      idx[d] = 0;
    }
  }
  return out;
}

// Accumulates `values` into `acc` (pre-filled with the init value) in index order.
template <typename T, typename Fn>
bool accumulate(SmallVector<T> &acc, ArrayRef<int64_t> target, const SmallVector<T> &values,
                Fn combine) {
  for (auto [t, v] : llvm::zip_equal(target, values)) {
    std::optional<T> r = combine(acc[t], v);
    if (!r)
      return false;
    acc[t] = *r;
  }
  return true;
}

struct ReduceConstant : OpRewritePattern<hlo::ReduceOp> {
  ReduceConstant(MLIRContext *ctx, int64_t sizeLimit)
      : OpRewritePattern(ctx), sizeLimit(sizeLimit) {}

  LogicalResult matchAndRewrite(hlo::ReduceOp op, PatternRewriter &rewriter) const override {
    DenseElementsAttr input, init;
    if (op.getInputs().size() != 1 || !matchPattern(op.getInputs()[0], m_Constant(&input)) ||
        !matchPattern(op.getInitValues()[0], m_Constant(&init)))
      return failure();
    auto inType = cast<RankedTensorType>(input.getType());
    auto resultType = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    std::optional<Combiner> c = combinerOf(op.getBody());
    if (!c || !resultType || !resultType.hasStaticShape() || inType.getNumElements() == 0 ||
        inType.getNumElements() > sizeLimit)
      return failure();
    SmallVector<int64_t> target = resultIndices(inType, op.getDimensions());
    int64_t count = resultType.getNumElements();
    Type elem = inType.getElementType();
    DenseElementsAttr folded;
    if (auto intType = dyn_cast<IntegerType>(elem)) {
      bool isUnsigned = intType.isUnsigned() || intType.getWidth() == 1;
      SmallVector<APInt> acc(count, init.getSplatValue<APInt>());
      auto combine = [&](const APInt &a, const APInt &b) {
        return combineInts(*c, a, b, isUnsigned);
      };
      if (!accumulate(acc, target, SmallVector<APInt>(input.getValues<APInt>()), combine))
        return failure();
      folded = DenseElementsAttr::get(resultType, acc);
    } else if (isa<FloatType>(elem)) {
      SmallVector<APFloat> acc(count, init.getSplatValue<APFloat>());
      auto combine = [&](const APFloat &a, const APFloat &b) { return combineFloats(*c, a, b); };
      if (!accumulate(acc, target, SmallVector<APFloat>(input.getValues<APFloat>()), combine))
        return failure();
      folded = DenseElementsAttr::get(resultType, acc);
    } else {
      return failure();
    }
    rewriter.replaceOpWithNewOp<hlo::ConstantOp>(op, folded);
    return success();
  }

private:
  int64_t sizeLimit;
};

struct HloFoldConstantsPass : public byteir::impl::HloFoldConstantsBase<HloFoldConstantsPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns
        .add<EmptyResults, ReduceOverEmpty, ContractionOverEmpty<hlo::DotGeneralOp>,
             ContractionOverEmpty<hlo::ConvolutionOp>, PadEmpty, UpdateSliceEmpty, ScatterEmpty>(
            ctx);
    patterns.add<ReduceConstant>(ctx, sizeLimit);
    for (RegisteredOperationName name : ctx->getRegisteredOperations())
      if (name.getDialectNamespace() == hlo::StableHLODialect::getDialectNamespace())
        name.getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
