//===- Utils.cpp - helpers shared by the part-1 patterns ------------------===//
#include "Patterns.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::byteir::hlo_linalg;

RankedTensorType mlir::byteir::hlo_linalg::convertedTensorType(const TypeConverter &converter,
                                                                Type t) {
  return dyn_cast_or_null<RankedTensorType>(converter.convertType(t));
}

Value mlir::byteir::hlo_linalg::emptyTensor(OpBuilder &b, Location loc, RankedTensorType type,
                                            ValueRange dynSizes) {
  return tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType(), dynSizes,
                                 type.getEncoding());
}

Value mlir::byteir::hlo_linalg::emptyTensorLike(OpBuilder &b, Location loc,
                                                RankedTensorType type, Value like) {
  SmallVector<Value> dyn;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      dyn.push_back(tensor::DimOp::create(b, loc, like, d));
  return emptyTensor(b, loc, type, dyn);
}

Value mlir::byteir::hlo_linalg::fillTensor(OpBuilder &b, Location loc, Value scalar,
                                           Value tensor) {
  return linalg::FillOp::create(b, loc, ValueRange{scalar}, ValueRange{tensor}).getResult(0);
}

Value mlir::byteir::hlo_linalg::extractScalar(OpBuilder &b, Location loc, Value tensor) {
  auto rt = cast<RankedTensorType>(tensor.getType());
  SmallVector<Value> zeros;
  if (rt.getRank() > 0)
    zeros.assign(rt.getRank(), arith::ConstantIndexOp::create(b, loc, 0));
  return tensor::ExtractOp::create(b, loc, tensor, zeros);
}

Value mlir::byteir::hlo_linalg::dimSize(OpBuilder &b, Location loc, Value v, int64_t d) {
  auto rt = cast<RankedTensorType>(v.getType());
  if (!rt.isDynamicDim(d))
    return arith::ConstantIndexOp::create(b, loc, rt.getDimSize(d));
  return tensor::DimOp::create(b, loc, v, d);
}

SmallVector<utils::IteratorType> mlir::byteir::hlo_linalg::parallelIterators(int64_t n) {
  return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
}

LogicalResult mlir::byteir::hlo_linalg::unsupported(Operation *op, const Twine &what) {
  return op->emitError() << "'" << op->getName() << "': " << what
                         << " is not supported by stablehlo-legalize-to-linalg";
}
