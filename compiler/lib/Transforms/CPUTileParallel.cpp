//===- CPUTileParallel.cpp - parallel dims into scf.forall ----------------===//
//
// Each tileable op on tensors (linalg, linalg_ext) whose result leaves the graph
// of such ops (a "root") is tiled along its parallel dimensions into an
// scf.forall of about `tasks` iterations, and the tileable ops producing its
// operands are fused into the loop when the slice they must compute is smaller
// than their whole result (so no work is repeated across iterations). Producers
// left outside become roots.
//
//===----------------------------------------------------------------------===//
#include "byteir/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_CPUTILEPARALLEL
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

namespace {
// The smallest divisor of `size` that is at least `atLeast`, so that every tile
// has the same static shape.
int64_t divisorAtLeast(int64_t size, int64_t atLeast) {
  for (int64_t d = std::max<int64_t>(atLeast, 1); d < size; ++d)
    if (size % d == 0)
      return d;
  return size;
}

// The static iteration-domain sizes of `op`, or nullopt if some is dynamic.
std::optional<SmallVector<int64_t>> staticDomain(OpBuilder &builder, TilingInterface op) {
  // With static operand shapes the domain folds to constants and creates no ops.
  auto isStatic = [](Type type) {
    auto shaped = dyn_cast<ShapedType>(type);
    return !shaped || shaped.hasStaticShape();
  };
  if (!llvm::all_of(op->getOperandTypes(), isStatic) ||
      !llvm::all_of(op->getResultTypes(), isStatic))
    return std::nullopt;
  SmallVector<int64_t> sizes;
  for (Range range : op.getIterationDomain(builder)) {
    std::optional<int64_t> lb = getConstantIntValue(range.offset);
    std::optional<int64_t> size = getConstantIntValue(range.size);
    std::optional<int64_t> stride = getConstantIntValue(range.stride);
    if (!lb || !size || !stride || *lb != 0 || *stride != 1)
      return std::nullopt;
    sizes.push_back(*size);
  }
  return sizes;
}

// Tile sizes for the parallel dimensions, outermost first, that split the domain
// into about `tasks` tiles (0 = not tiled); empty if it would not split.
SmallVector<int64_t> parallelTileSizes(ArrayRef<int64_t> domain,
                                       ArrayRef<utils::IteratorType> iterators,
                                       int64_t tasks) {
  SmallVector<int64_t> sizes(domain.size(), 0);
  int64_t remaining = tasks, tiles = 1;
  for (auto [dim, range] : llvm::enumerate(domain)) {
    if (remaining <= 1)
      break;
    if (iterators[dim] != utils::IteratorType::parallel || range <= 1)
      continue;
    if (range >= remaining) {
      int64_t size = divisorAtLeast(range, llvm::divideCeil(range, remaining));
      if (size < range) {
        sizes[dim] = size;
        tiles *= range / size;
      }
      break;
    }
    sizes[dim] = 1;
    tiles *= range;
    remaining = llvm::divideCeil(remaining, range);
  }
  if (tiles <= 1)
    return {};
  return sizes;
}

// Ops this pass tiles: destination-style ops on tensors with a tiling interface
// (linalg and linalg_ext ops).
bool isTileable(Operation *op) {
  auto dps = dyn_cast<DestinationStyleOpInterface>(op);
  return dps && isa<TilingInterface>(op) && dps.hasPureTensorSemantics() &&
         !op->getParentOfType<scf::ForallOp>();
}

// Fuse a producer only for a slice smaller than its result: a whole-result slice
// would recompute the producer in every iteration.
std::optional<scf::SCFTileAndFuseOptions::ControlFnResult>
fuseProperSlices(tensor::ExtractSliceOp slice, OpResult producer, bool) {
  if (!isa<TilingInterface>(producer.getOwner()))
    return std::nullopt;
  auto sourceType = cast<RankedTensorType>(slice.getSourceType());
  if (slice.getResultType().getShape() == sourceType.getShape() &&
      sourceType.hasStaticShape())
    return std::nullopt;
  return scf::SCFTileAndFuseOptions::ControlFnResult{};
}

struct CPUTileParallelPass
    : public byteir::impl::CPUTileParallelBase<CPUTileParallelPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isTileable(op))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    // Consumers first: by the time a producer is visited, every consumer has
    // been tiled, and the producer is dead (fused everywhere) or a root.
    for (Operation *op : llvm::reverse(ops)) {
      if (isOpTriviallyDead(op)) {
        rewriter.eraseOp(op);
        continue;
      }
      if (llvm::any_of(op->getUsers(), isTileable))
        continue;
      if (failed(tileRoot(rewriter, cast<TilingInterface>(op))))
        return signalPassFailure();
    }
  }

  LogicalResult tileRoot(RewriterBase &rewriter, TilingInterface op) {
    rewriter.setInsertionPoint(op);
    std::optional<SmallVector<int64_t>> domain = staticDomain(rewriter, op);
    if (!domain)
      return success();
    int64_t work = 1;
    for (int64_t size : *domain)
      work *= size;
    if (work < minWork)
      return success();
    SmallVector<int64_t> sizes =
        parallelTileSizes(*domain, op.getLoopIteratorTypes(), tasks);
    if (sizes.empty())
      return success();
    scf::SCFTilingOptions tiling;
    tiling.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp)
        .setTileSizes(getAsIndexOpFoldResult(&getContext(), sizes));
    scf::SCFTileAndFuseOptions options;
    options.setTilingOptions(tiling).setFusionControlFn(fuseProperSlices);
    FailureOr<scf::SCFTileAndFuseResult> result =
        scf::tileConsumerAndFuseProducersUsingSCF(rewriter, op, options);
    if (failed(result))
      return op->emitError("cannot tile the parallel dimensions into scf.forall");
    for (OpResult value : op->getResults())
      rewriter.replaceAllUsesWith(value, result->replacements.lookup(value));
    rewriter.eraseOp(op);
    // Fusion leaves the slices of the original producers behind; without them
    // the producers are dead, not roots.
    for (LoopLikeOpInterface loop : result->loops)
      (void)runRegionDCE(rewriter, loop->getRegions());
    return success();
  }
};
} // namespace
