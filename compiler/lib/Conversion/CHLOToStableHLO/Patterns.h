//===- Patterns.h - chlo-to-stablehlo rewrite patterns -----------*- C++ -*-===//
//
// Internal to CHLOToStableHLO: the pattern groups and the helpers they share.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_PATTERNS_H
#define BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_PATTERNS_H

#include "Decompositions.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::byteir::chlo_lowering {

using UnaryFn = Value (*)(ExprBuilder &, Value);
using BinaryFn = Value (*)(ExprBuilder &, Value, Value);

/// Evaluates `fn` on float operands of one shape and element type; f16, bf16
/// and other floats narrower than 32 bits are computed in f32 and converted back.
Value computeWidened(OpBuilder &b, Location loc, ValueRange operands,
                     function_ref<Value(ExprBuilder &, ValueRange)> fn);
Value computeUnary(OpBuilder &b, Location loc, Value x, UnaryFn fn);
Value computeBinary(OpBuilder &b, Location loc, Value x, Value y, BinaryFn fn,
                    bool widen);

/// Broadcasts `value` (whose dimension i maps to result dimension dims[i]) to
/// `shape`; `runtimeShape` (1-D i32) is required when `shape` is dynamic.
Value broadcastTo(OpBuilder &b, Location loc, Value value, ArrayRef<int64_t> shape,
                  ArrayRef<int64_t> dims, Value runtimeShape);

void populateElementwisePatterns(MLIRContext *ctx, RewritePatternSet &patterns);
void populateBroadcastPatterns(MLIRContext *ctx, RewritePatternSet &patterns);
void populateMiscPatterns(MLIRContext *ctx, RewritePatternSet &patterns);

} // namespace mlir::byteir::chlo_lowering

#endif // BYTEIR_LIB_CONVERSION_CHLOTOSTABLEHLO_PATTERNS_H
