//===- LinalgExtOps.cpp - linalg_ext dialect, verifiers, effects ----------===//
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace mlir::byteir::linalg_ext;

#include "byteir/Dialect/LinalgExt/IR/LinalgExtDialect.cpp.inc"
#include "byteir/Dialect/LinalgExt/IR/LinalgExtEnums.cpp.inc"

#define GET_OP_CLASSES
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.cpp.inc"

void LinalgExtDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "byteir/Dialect/LinalgExt/IR/LinalgExtOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Shared verification and memory effects
//===----------------------------------------------------------------------===//

namespace {

/// Operands all ranked tensors (one result per init, of its type) or all
/// memrefs (no results).
LogicalResult verifyDestinationStyle(Operation *op) {
  auto dps = cast<DestinationStyleOpInterface>(op);
  bool tensors = llvm::all_of(op->getOperandTypes(), llvm::IsaPred<RankedTensorType>);
  bool buffers = llvm::all_of(op->getOperandTypes(), llvm::IsaPred<MemRefType>);
  if (!tensors && !buffers)
    return op->emitOpError("expects all operands to be ranked tensors or all memrefs");
  if (buffers) {
    if (op->getNumResults() != 0)
      return op->emitOpError("on memrefs has no results");
    return success();
  }
  if (op->getNumResults() != dps.getNumDpsInits())
    return op->emitOpError("expects one result per outs operand");
  for (auto [init, result] : llvm::zip(dps.getDpsInits(), op->getResults()))
    if (init.getType() != result.getType())
      return op->emitOpError("expects result types to match the outs operand types");
  return success();
}

ShapedType shapedOf(Value v) { return cast<ShapedType>(v.getType()); }

LogicalResult verifyDimension(Operation *op, int64_t dim, int64_t rank) {
  if (dim < 0 || dim >= rank)
    return op->emitOpError("dimension ") << dim << " is out of range for rank " << rank;
  return success();
}

LogicalResult verifySameShapeAndElement(Operation *op, Value a, Value b, StringRef what) {
  if (shapedOf(a).getShape() != shapedOf(b).getShape() ||
      shapedOf(a).getElementType() != shapedOf(b).getElementType())
    return op->emitOpError("expects ")
           << what << " to have the shape and element type of the input";
  return success();
}

bool isIntOrFloat(Type t) { return isa<FloatType>(t) || t.isSignlessInteger(); }

/// Inputs are read; outs are read and written (memref operands only).
void addEffects(Operation *op,
                SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>> &effects) {
  auto dps = cast<DestinationStyleOpInterface>(op);
  for (OpOperand &operand : op->getOpOperands()) {
    if (!isa<MemRefType>(operand.get().getType()))
      continue;
    effects.emplace_back(MemoryEffects::Read::get(), &operand, /*stage=*/0,
                         /*effectOnFullRegion=*/true, SideEffects::DefaultResource::get());
    if (dps.isDpsInit(&operand))
      effects.emplace_back(MemoryEffects::Write::get(), &operand, /*stage=*/0,
                           /*effectOnFullRegion=*/true, SideEffects::DefaultResource::get());
  }
}

} // namespace

#define LINALG_EXT_EFFECTS(OP)                                                                     \
  void OP::getEffects(                                                                             \
      SmallVectorImpl<SideEffects::EffectInstance<MemoryEffects::Effect>> &effects) {              \
    addEffects(getOperation(), effects);                                                           \
  }
LINALG_EXT_EFFECTS(SoftmaxOp)
LINALG_EXT_EFFECTS(LayerNormOp)
LINALG_EXT_EFFECTS(TopkOp)
LINALG_EXT_EFFECTS(ScanOp)
LINALG_EXT_EFFECTS(SortOp)
LINALG_EXT_EFFECTS(GatherOp)
LINALG_EXT_EFFECTS(ScatterOp)
#undef LINALG_EXT_EFFECTS

//===----------------------------------------------------------------------===//
// Verifiers
//===----------------------------------------------------------------------===//

LogicalResult SoftmaxOp::verify() {
  if (failed(verifyDestinationStyle(*this)) ||
      failed(verifySameShapeAndElement(*this, getInput(), getOutput(), "the output")))
    return failure();
  if (!isa<FloatType>(shapedOf(getInput()).getElementType()))
    return emitOpError("expects a floating-point element type");
  return verifyDimension(*this, getDimension(), shapedOf(getInput()).getRank());
}

LogicalResult LayerNormOp::verify() {
  if (failed(verifyDestinationStyle(*this)))
    return failure();
  if (getInputs().empty() || getInputs().size() > 3)
    return emitOpError("expects the input, then optionally scale and bias");
  if (failed(verifySameShapeAndElement(*this, getInput(), getOutput(), "the output")))
    return failure();
  ShapedType type = shapedOf(getInput());
  if (!isa<FloatType>(type.getElementType()))
    return emitOpError("expects a floating-point element type");
  ArrayRef<int64_t> axes = getAxes();
  int64_t rank = type.getRank();
  if (axes.empty() || static_cast<int64_t>(axes.size()) > rank)
    return emitOpError("expects between 1 and rank axes");
  for (auto [i, axis] : llvm::enumerate(axes))
    if (axis != rank - static_cast<int64_t>(axes.size() - i))
      return emitOpError("expects the axes to be the trailing dims in increasing order");
  ArrayRef<int64_t> normShape = type.getShape().take_back(axes.size());
  for (Value param : getInputs().drop_front())
    if (shapedOf(param).getShape() != normShape ||
        shapedOf(param).getElementType() != type.getElementType())
      return emitOpError(
          "expects scale and bias of the normalized dims' shape and the input's element type");
  if (getEpsilon().convertToDouble() < 0)
    return emitOpError("expects a non-negative epsilon");
  return success();
}

LogicalResult TopkOp::verify() {
  if (failed(verifyDestinationStyle(*this)))
    return failure();
  ShapedType in = shapedOf(getInput()), values = shapedOf(getValues()),
             indices = shapedOf(getIndices());
  if (failed(verifyDimension(*this, getDimension(), in.getRank())))
    return failure();
  if (!isIntOrFloat(in.getElementType()) || values.getElementType() != in.getElementType())
    return emitOpError("expects values of the input's (integer or float) element type");
  if (!indices.getElementType().isSignlessInteger())
    return emitOpError("expects integer indices");
  if (values.getShape() != indices.getShape())
    return emitOpError("expects values and indices of the same shape");
  int64_t dim = getDimension();
  for (int64_t d = 0; d < in.getRank(); ++d)
    if (d != dim && values.getDimSize(d) != in.getDimSize(d))
      return emitOpError("expects outputs of the input's shape outside dimension ") << dim;
  int64_t k = values.getDimSize(dim), n = in.getDimSize(dim);
  if (ShapedType::isDynamic(k) || k < 1 || (!ShapedType::isDynamic(n) && k > n))
    return emitOpError("expects a static k in [1, ") << n << "], got " << k;
  return success();
}

LogicalResult ScanOp::verify() {
  if (failed(verifyDestinationStyle(*this)) ||
      failed(verifySameShapeAndElement(*this, getInput(), getOutput(), "the output")))
    return failure();
  if (!isIntOrFloat(shapedOf(getInput()).getElementType()))
    return emitOpError("expects an integer or floating-point element type");
  return verifyDimension(*this, getDimension(), shapedOf(getInput()).getRank());
}

LogicalResult SortOp::verify() {
  if (failed(verifyDestinationStyle(*this)))
    return failure();
  if (getOutputs().empty())
    return emitOpError("expects at least one operand to sort");
  ShapedType first = shapedOf(getOutputs().front());
  if (failed(verifyDimension(*this, getDimension(), first.getRank())))
    return failure();
  for (Value v : getOutputs())
    if (shapedOf(v).getShape() != first.getShape())
      return emitOpError("expects all operands to have the same shape");
  Block &block = getComparator().front();
  if (block.getNumArguments() != 2 * getOutputs().size())
    return emitOpError("expects the comparator to take two scalars per operand");
  for (auto [i, v] : llvm::enumerate(getOutputs())) {
    Type elem = shapedOf(v).getElementType();
    if (block.getArgument(2 * i).getType() != elem ||
        block.getArgument(2 * i + 1).getType() != elem)
      return emitOpError("expects comparator arguments ")
             << 2 * i << " and " << 2 * i + 1 << " of type " << elem;
  }
  auto yield = dyn_cast<YieldOp>(block.getTerminator());
  if (!yield || yield.getValues().size() != 1 || !yield.getValues()[0].getType().isInteger(1))
    return emitOpError("expects the comparator to yield one i1");
  return success();
}

namespace {

bool allInRange(ArrayRef<int64_t> dims, int64_t rank) {
  return llvm::all_of(dims, [&](int64_t d) { return d >= 0 && d < rank; });
}

/// Entries per index vector: the size of `indices` along `indexVectorDim`, 1
/// when that is its rank (each index element is a vector of one).
int64_t indexVectorSize(ShapedType indices, int64_t indexVectorDim) {
  return indexVectorDim == indices.getRank() ? 1 : indices.getDimSize(indexVectorDim);
}

/// Integer indices with an index_vector_dim in [0, rank]; returns the number of
/// batch dims of the indices.
FailureOr<int64_t> verifyIndices(Operation *op, ShapedType indices, int64_t indexVectorDim) {
  if (!indices.getElementType().isSignlessInteger())
    return op->emitOpError("expects integer indices");
  if (indexVectorDim < 0 || indexVectorDim > indices.getRank())
    return op->emitOpError("expects index_vector_dim in [0, ") << indices.getRank() << "]";
  return indices.getRank() - (indexVectorDim < indices.getRank() ? 1 : 0);
}

} // namespace

SmallVector<int64_t> GatherOp::getBatchDims() {
  SmallVector<int64_t> dims;
  for (int64_t d = 0, e = shapedOf(getOutput()).getRank(); d < e; ++d)
    if (!llvm::is_contained(getOffsetDims(), d))
      dims.push_back(d);
  return dims;
}

LogicalResult GatherOp::verify() {
  if (failed(verifyDestinationStyle(*this)))
    return failure();
  ShapedType operand = shapedOf(getOperand()), indices = shapedOf(getIndices()),
             result = shapedOf(getOutput());
  FailureOr<int64_t> batchRank = verifyIndices(*this, indices, getIndexVectorDim());
  if (failed(batchRank))
    return failure();
  if (result.getElementType() != operand.getElementType())
    return emitOpError("expects a result of the operand's element type");
  int64_t rank = operand.getRank();
  if (static_cast<int64_t>(getSliceSizes().size()) != rank)
    return emitOpError("expects one slice size per operand dim");
  if (result.getRank() != *batchRank + static_cast<int64_t>(getOffsetDims().size()))
    return emitOpError("expects a result of rank ") << *batchRank + getOffsetDims().size();
  if (!allInRange(getOffsetDims(), result.getRank()) ||
      !allInRange(getCollapsedSliceDims(), rank) || !allInRange(getOperandBatchingDims(), rank) ||
      !allInRange(getStartIndexMap(), rank) ||
      !allInRange(getStartIndicesBatchingDims(), indices.getRank()))
    return emitOpError("expects dimension numbers in range");
  if (getOperandBatchingDims().size() != getStartIndicesBatchingDims().size())
    return emitOpError("expects as many operand as start indices batching dims");
  if (static_cast<int64_t>(getStartIndexMap().size()) !=
      indexVectorSize(indices, getIndexVectorDim()))
    return emitOpError("expects one start_index_map entry per index vector element");
  if (getOffsetDims().size() + getCollapsedSliceDims().size() + getOperandBatchingDims().size() !=
      static_cast<size_t>(rank))
    return emitOpError("expects every operand dim to be an offset, collapsed or batching dim");
  for (auto [d, size] : llvm::enumerate(getSliceSizes()))
    if (size < 0 || (!operand.isDynamicDim(d) && size > operand.getDimSize(d)))
      return emitOpError("expects slice size ") << size << " of dim " << d << " to fit the operand";
  return success();
}

LogicalResult ScatterOp::verify() {
  if (failed(verifyDestinationStyle(*this)))
    return failure();
  size_t n = getOutputs().size();
  if (n == 0 || getUpdates().size() != n)
    return emitOpError("expects as many updates as outs operands, at least one");
  ShapedType out0 = shapedOf(getOutputs().front()), upd0 = shapedOf(getUpdates().front());
  for (auto [out, upd] : llvm::zip(getOutputs(), getUpdates()))
    if (shapedOf(out).getShape() != out0.getShape() ||
        shapedOf(upd).getShape() != upd0.getShape() ||
        shapedOf(upd).getElementType() != shapedOf(out).getElementType())
      return emitOpError(
          "expects outs of one shape, updates of one shape and matching element types");
  FailureOr<int64_t> batchRank = verifyIndices(*this, shapedOf(getIndices()), getIndexVectorDim());
  if (failed(batchRank))
    return failure();
  int64_t rank = out0.getRank();
  if (upd0.getRank() != *batchRank + static_cast<int64_t>(getUpdateWindowDims().size()))
    return emitOpError("expects updates of rank ") << *batchRank + getUpdateWindowDims().size();
  if (!allInRange(getUpdateWindowDims(), upd0.getRank()) ||
      !allInRange(getInsertedWindowDims(), rank) || !allInRange(getInputBatchingDims(), rank) ||
      !allInRange(getScatterDimsToOperandDims(), rank) ||
      !allInRange(getScatterIndicesBatchingDims(), shapedOf(getIndices()).getRank()))
    return emitOpError("expects dimension numbers in range");
  if (getInputBatchingDims().size() != getScatterIndicesBatchingDims().size())
    return emitOpError("expects as many input as scatter indices batching dims");
  if (static_cast<int64_t>(getScatterDimsToOperandDims().size()) !=
      indexVectorSize(shapedOf(getIndices()), getIndexVectorDim()))
    return emitOpError("expects one scatter_dims_to_operand_dims entry per index vector element");
  if (getUpdateWindowDims().size() + getInsertedWindowDims().size() +
          getInputBatchingDims().size() !=
      static_cast<size_t>(rank))
    return emitOpError("expects every output dim to be a window, inserted or batching dim");
  Block &block = getUpdateComputation().front();
  if (block.getNumArguments() != 2 * n)
    return emitOpError("expects the update computation to take two scalars per output");
  auto yield = dyn_cast<YieldOp>(block.getTerminator());
  if (!yield || yield.getValues().size() != n)
    return emitOpError("expects the update computation to yield one value per output");
  for (auto [i, out] : llvm::enumerate(getOutputs())) {
    Type elem = shapedOf(out).getElementType();
    if (block.getArgument(i).getType() != elem || block.getArgument(n + i).getType() != elem ||
        yield.getValues()[i].getType() != elem)
      return emitOpError("expects update computation arguments and results of the element types");
  }
  return success();
}
