//===- Tile.cpp - byteir-linalg-ext-tile ----------------------------------===//
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"
#include "byteir/Dialect/LinalgExt/Transforms/Passes.h"

#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::byteir::linalg_ext {
#define GEN_PASS_DEF_LINALGEXTTILE
#include "byteir/Dialect/LinalgExt/Transforms/Passes.h.inc"
} // namespace mlir::byteir::linalg_ext

using namespace mlir;
using namespace mlir::byteir::linalg_ext;

namespace {

/// The requested sizes for `op`'s domain, with its reduction dims untiled.
SmallVector<OpFoldResult> tileSizesFor(TilingInterface op, ArrayRef<int64_t> requested) {
  Builder b(op.getContext());
  SmallVector<OpFoldResult> sizes;
  for (auto [d, it] : llvm::enumerate(op.getLoopIteratorTypes())) {
    int64_t size = d < requested.size() && it == utils::IteratorType::parallel ? requested[d] : 0;
    sizes.push_back(b.getIndexAttr(size));
  }
  return sizes;
}

struct LinalgExtTilePass : mlir::byteir::linalg_ext::impl::LinalgExtTileBase<LinalgExtTilePass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<TilingInterface> ops;
    getOperation().walk([&](TilingInterface op) {
      if (isa<LinalgExtDialect>(op->getDialect()))
        ops.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (TilingInterface op : ops) {
      SmallVector<OpFoldResult> sizes = tileSizesFor(op, tileSizes);
      if (llvm::all_of(sizes, isZeroInteger))
        continue;
      scf::SCFTilingOptions options;
      options.setTileSizes(sizes);
      rewriter.setInsertionPoint(op);
      FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(rewriter, op, options);
      if (failed(tiled))
        return signalPassFailure();
      rewriter.replaceOp(op, tiled->replacements);
    }
  }
};

} // namespace
