//===- StableHLOToLinalg.h - stablehlo to linalg conversion ------*- C++ -*-===//
//
// The `stablehlo-legalize-to-linalg` pass (ModuleOp) and its patterns.
// Register with mlir::byteir::registerStableHLOToLinalgPasses().
//
// Part 1 (this library's own files): elementwise ops, constant, iota, shape and
// slicing ops, dot/dot_general, reduce. Part 2 (convolution, windows,
// gather/scatter, sort, control flow, ...) is added through
// populateStableHLOToLinalgPart2Patterns.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
#define BYTEIR_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Transforms/DialectConversion.h"

#include <memory>

namespace mlir::byteir {

#define GEN_PASS_DECL
#include "byteir/Conversion/StableHLOToLinalg/Passes.h.inc"

/// Maps stablehlo types to the types linalg-on-tensors code uses: signed and
/// unsigned integers (ui8, si32, also as tensor elements) become signless
/// integers of the same width; every other type is kept. Casts between the two
/// are builtin.unrealized_conversion_cast.
class StableHLOToLinalgTypeConverter : public TypeConverter {
public:
  StableHLOToLinalgTypeConverter();
};

/// Adds the part-1 patterns: elementwise ops, constant, iota, broadcast(_in_dim),
/// transpose, reshape, reverse, slice, concatenate, pad, dynamic_slice,
/// dynamic_update_slice, get_dimension_size, dot, dot_general, reduce,
/// optimization_barrier.
void populateStableHLOToLinalgPatterns(TypeConverter &typeConverter,
                                       RewritePatternSet &patterns);

/// Adds the part-2 patterns (convolution, reduce_window, select_and_scatter,
/// gather, scatter, sort, while/if/case, map, rng_bit_generator, batch_norm_*,
/// custom_call, ...). Defined by the part-2 files of this library.
void populateStableHLOToLinalgPart2Patterns(TypeConverter &typeConverter,
                                            RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "byteir/Conversion/StableHLOToLinalg/Passes.h.inc"

} // namespace mlir::byteir

#endif // BYTEIR_CONVERSION_STABLEHLOTOLINALG_STABLEHLOTOLINALG_H
