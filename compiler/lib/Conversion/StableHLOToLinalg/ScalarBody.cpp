//===- ScalarBody.cpp - stablehlo regions and ops on scalars --------------===//
#include "ScalarInternal.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"

#include <memory>

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;
using namespace mlir::byteir::hlo_linalg::scalar_impl;

Type mlir::byteir::hlo_linalg::toSignless(Type type) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.clone(toSignless(shaped.getElementType()));
  if (auto it = dyn_cast<IntegerType>(type); it && !it.isSignless())
    return IntegerType::get(type.getContext(), it.getWidth());
  return type;
}

bool mlir::byteir::hlo_linalg::isUnsignedElement(Type type) {
  auto it = dyn_cast<IntegerType>(getElementTypeOrSelf(type));
  return it && it.isUnsigned();
}

namespace {

OrigTypes origTypes(Operation *op) {
  OrigTypes t;
  for (Type type : op->getOperandTypes())
    t.operands.push_back(getElementTypeOrSelf(type));
  t.result = getElementTypeOrSelf(op->getResult(0).getType());
  return t;
}

bool isScalarOpCandidate(Operation *op) {
  return op->getNumResults() == 1 && op->getNumRegions() == 0 &&
         op->getNumOperands() >= 1 && op->getNumOperands() <= 3 &&
         isa<stablehlo::StableHLODialect>(op->getDialect());
}

/// A tensor with exactly one element (0-d or all dims 1) stands for a scalar.
bool isOneElementTensor(Type type) {
  auto rt = dyn_cast<RankedTensorType>(type);
  return rt && rt.hasStaticShape() && rt.getNumElements() == 1;
}

/// Scalar arith.constant for the one-element stablehlo constant `op`.
Value scalarConstant(OpBuilder &b, stablehlo::ConstantOp op) {
  auto attr = dyn_cast<DenseElementsAttr>(op.getValue());
  if (!attr || !isOneElementTensor(attr.getType()))
    return {};
  Type elem = toSignless(attr.getElementType());
  TypedAttr value;
  if (auto it = dyn_cast<IntegerType>(elem))
    value = b.getIntegerAttr(elem, *attr.getValues<APInt>().begin());
  else if (isa<FloatType>(elem))
    value = b.getFloatAttr(elem, *attr.getValues<APFloat>().begin());
  else
    return {};
  return arith::ConstantOp::create(b, op.getLoc(), value);
}

} // namespace

FailureOr<Value> mlir::byteir::hlo_linalg::emitScalarOp(OpBuilder &b, Location loc,
                                                         Operation *op, ValueRange args) {
  if (!isScalarOpCandidate(op) || args.size() != op->getNumOperands())
    return failure();
  OrigTypes t = origTypes(op);
  Value result;
  if (args.size() == 1)
    result = emitUnary(b, loc, op, t, args[0]);
  if (!result && args.size() == 2)
    result = emitBinary(b, loc, op, t, args[0], args[1]);
  if (!result)
    result = emitMisc(b, loc, op, t, args);
  if (!result)
    return failure();
  return result;
}

bool mlir::byteir::hlo_linalg::hasScalarLowering(Operation *op) {
  if (!isScalarOpCandidate(op))
    return false;
  // Dry run into a detached block; nothing reaches the caller's IR.
  auto block = std::make_unique<Block>();
  for (Type type : op->getOperandTypes())
    block->addArgument(toSignless(getElementTypeOrSelf(type)), op->getLoc());
  OpBuilder b(op->getContext());
  b.setInsertionPointToStart(block.get());
  return succeeded(emitScalarOp(b, op->getLoc(), op, block->getArguments()));
}

namespace {

/// Lowers the block's ops at b's insertion point; errors are emitted on diagOp.
FailureOr<SmallVector<Value>> lowerBlock(OpBuilder &b, Block &block, ValueRange args,
                                         Operation *diagOp) {
  if (block.getNumArguments() != args.size()) {
    diagOp->emitError("scalar region expects ")
        << block.getNumArguments() << " arguments, got " << args.size();
    return failure();
  }
  IRMapping map;
  map.map(block.getArguments(), args);
  auto lookup = [&](Value v) -> Value {
    if (Value m = map.lookupOrNull(v))
      return m;
    // Captured from outside the region.
    if (!isa<RankedTensorType>(v.getType()))
      return v;
    if (!isOneElementTensor(v.getType()) || isUnsignedElement(v.getType()))
      return {};
    auto rt = cast<RankedTensorType>(v.getType());
    SmallVector<Value> zeros;
    if (rt.getRank() > 0)
      zeros.assign(rt.getRank(), arith::ConstantIndexOp::create(b, v.getLoc(), 0));
    Value s = tensor::ExtractOp::create(b, v.getLoc(), v, zeros);
    map.map(v, s);
    return s;
  };
  for (Operation &op : block) {
    SmallVector<Value> ins;
    for (Value operand : op.getOperands()) {
      Value m = lookup(operand);
      if (!m) {
        diagOp->emitError("scalar region of '")
            << diagOp->getName() << "' uses a non-scalar value from outside the region";
        return failure();
      }
      ins.push_back(m);
    }
    if (isa<stablehlo::ReturnOp>(op))
      return SmallVector<Value>(ins);
    Value result;
    if (auto c = dyn_cast<stablehlo::ConstantOp>(op)) {
      result = scalarConstant(b, c);
    } else if (isa<stablehlo::BroadcastInDimOp, stablehlo::ReshapeOp, stablehlo::BroadcastOp>(
                   op) &&
               isOneElementTensor(op.getResult(0).getType())) {
      result = ins[0];
    } else if (!isa<stablehlo::StableHLODialect>(op.getDialect()) && op.getNumRegions() == 0 &&
               llvm::all_of(op.getResultTypes(), [](Type t) { return t.isIntOrIndexOrFloat(); })) {
      // Already scalar (e.g. arith ops mixed in by earlier rewrites): clone.
      Operation *clone = b.clone(op, map);
      for (auto [from, to] : llvm::zip(op.getResults(), clone->getResults()))
        map.map(from, to);
      continue;
    } else if (llvm::all_of(op.getResultTypes(), isOneElementTensor)) {
      FailureOr<Value> r = emitScalarOp(b, op.getLoc(), &op, ins);
      if (succeeded(r))
        result = *r;
    }
    if (!result) {
      diagOp->emitError("cannot lower '")
          << op.getName() << "' inside the region of '" << diagOp->getName()
          << "' to scalar operations";
      return failure();
    }
    map.map(op.getResult(0), result);
  }
  diagOp->emitError("scalar region has no stablehlo.return terminator");
  return failure();
}

} // namespace

LogicalResult mlir::byteir::hlo_linalg::checkScalarRegion(Region &region, Operation *diagOp) {
  if (!region.hasOneBlock())
    return diagOp->emitError("expected a single-block region");
  Block &body = region.front();
  auto block = std::make_unique<Block>();
  for (BlockArgument arg : body.getArguments())
    block->addArgument(toSignless(getElementTypeOrSelf(arg.getType())), arg.getLoc());
  OpBuilder b(diagOp->getContext());
  b.setInsertionPointToStart(block.get());
  return lowerBlock(b, body, block->getArguments(), diagOp);
}

FailureOr<SmallVector<Value>> mlir::byteir::hlo_linalg::convertScalarRegion(OpBuilder &b,
                                                                           Region &region,
                                                                           ValueRange args) {
  Operation *parent = region.getParentOp();
  if (!region.hasOneBlock()) {
    parent->emitError("expected a single-block region");
    return failure();
  }
  return lowerBlock(b, region.front(), args, parent);
}
