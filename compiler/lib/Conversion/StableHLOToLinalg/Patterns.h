//===- Patterns.h - part-1 pattern groups and shared helpers ----*- C++ -*-===//
#ifndef BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_PATTERNS_H
#define BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_PATTERNS_H

#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::byteir::hlo_linalg {

void populateElementwisePatterns(TypeConverter &converter, RewritePatternSet &patterns);
void populateShapePatterns(TypeConverter &converter, RewritePatternSet &patterns);
void populateSlicePatterns(TypeConverter &converter, RewritePatternSet &patterns);
void populateContractionPatterns(TypeConverter &converter, RewritePatternSet &patterns);
void populateReducePatterns(TypeConverter &converter, RewritePatternSet &patterns);
/// byteir.softmax / byteir.layer_norm / byteir.gelu custom calls (ByteIRCustomCalls.cpp).
void populateByteIRCustomCallPatterns(TypeConverter &converter, RewritePatternSet &patterns);

/// The converted (signless) ranked tensor type of `v`'s or `t`'s type, or null.
RankedTensorType convertedTensorType(const TypeConverter &converter, Type t);

/// tensor.empty of `type`; its dynamic sizes are `dims` (one per dynamic dim).
Value emptyTensor(OpBuilder &b, Location loc, RankedTensorType type, ValueRange dynSizes);

/// tensor.empty of `type` whose dynamic sizes are those of `like` (same rank).
Value emptyTensorLike(OpBuilder &b, Location loc, RankedTensorType type, Value like);

/// linalg.fill of `tensor` with `scalar`.
Value fillTensor(OpBuilder &b, Location loc, Value scalar, Value tensor);

/// The only element of a one-element tensor (tensor.extract).
Value extractScalar(OpBuilder &b, Location loc, Value tensor);

/// Size of dim `d` of `v` as an index value (constant when static).
Value dimSize(OpBuilder &b, Location loc, Value v, int64_t d);

SmallVector<utils::IteratorType> parallelIterators(int64_t n);

/// Emits "<op>: <what> is not supported by stablehlo-legalize-to-linalg" and
/// returns failure.
LogicalResult unsupported(Operation *op, const Twine &what);

} // namespace mlir::byteir::hlo_linalg

#endif // BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_PATTERNS_H
