//===- BufferizableOpInterfaceImpl.cpp - bufferization of linalg_ext ------===//
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/IR/DstBufferizableOpInterfaceImpl.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/DialectRegistry.h"

using namespace mlir;
using namespace mlir::bufferization;
using namespace mlir::byteir::linalg_ext;

namespace {

/// Reads of all operands, writes of the `outs`, results equivalent to the `outs`
/// (from the destination-style base); bufferize clones the op onto buffers.
template <typename OpTy>
struct LinalgExtOpInterface
    : DstBufferizableOpInterfaceExternalModel<LinalgExtOpInterface<OpTy>, OpTy> {
  LogicalResult bufferize(Operation *op, RewriterBase &rewriter,
                          const BufferizationOptions &options, BufferizationState &state) const {
    auto dps = cast<DestinationStyleOpInterface>(op);
    SmallVector<Value> operands, initBuffers;
    for (OpOperand &operand : op->getOpOperands()) {
      FailureOr<Value> buffer = getBuffer(rewriter, operand.get(), options, state);
      if (failed(buffer))
        return failure();
      operands.push_back(*buffer);
      if (dps.isDpsInit(&operand))
        initBuffers.push_back(*buffer);
    }
    rewriter.setInsertionPoint(op);
    mlir::clone(rewriter, op, TypeRange{}, operands);
    replaceOpWithBufferizedValues(rewriter, op, initBuffers);
    return success();
  }
};

template <typename... Ops> void attach(MLIRContext *ctx) {
  (Ops::template attachInterface<LinalgExtOpInterface<Ops>>(*ctx), ...);
}

} // namespace

void mlir::byteir::linalg_ext::registerBufferizableOpInterfaceExternalModels(
    DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *ctx, LinalgExtDialect *) {
    attach<SoftmaxOp, LayerNormOp, TopkOp, ScanOp, SortOp, GatherOp, ScatterOp>(ctx);
  });
}
