//===- Part2Common.h - shared helpers of the part-2 lowerings -----*- C++ -*-===//
//
// Private to lib/Conversion/StableHLOToLinalg. Declares the populate function of
// every part-2 file (convolution, windows, gather/scatter, sort, control flow,
// misc, rng) and small builders they share: index casts, filled tensors,
// padding with edge + interior amounts, and running a stablehlo region on
// scalars (through part 1's ScalarBody).
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_PART2COMMON_H
#define BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_PART2COMMON_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::byteir::shlo_part2 {

void populateConvolutionPatterns(const TypeConverter &tc, RewritePatternSet &patterns);
void populateWindowPatterns(const TypeConverter &tc, RewritePatternSet &patterns);
void populateGatherScatterPatterns(const TypeConverter &tc, RewritePatternSet &patterns);
void populateSortPatterns(const TypeConverter &tc, RewritePatternSet &patterns);
void populateControlFlowPatterns(const TypeConverter &tc, RewritePatternSet &patterns);
void populateMiscPatterns(const TypeConverter &tc, RewritePatternSet &patterns);
void populateRngPatterns(const TypeConverter &tc, RewritePatternSet &patterns);

/// arith.constant of value 0 (false for i1) of scalar type `t`.
Value zeroScalar(OpBuilder &b, Location loc, Type t);
Value indexConst(OpBuilder &b, Location loc, int64_t v);

/// Integer scalar (any width) to index, sign- or zero-extending.
Value toIndex(OpBuilder &b, Location loc, Value v, bool isUnsigned);

/// tensor.empty of `type` filled with the scalar `value` (linalg.fill).
Value createFilled(OpBuilder &b, Location loc, RankedTensorType type, Value value);

/// An all-parallel linalg.generic with no inputs that fills a fresh tensor.empty
/// of the static `type`; `body` yields each element (typically from
/// linalg.index). Returns the generic's result.
Value createIndexGeneric(OpBuilder &b, Location loc, RankedTensorType type,
                         function_ref<void(OpBuilder &, Location, ValueRange)> body);

/// Pads a statically shaped tensor: `low`/`high` edge amounts (may be negative:
/// the edge is cut) and `interior` amounts between elements, with the scalar
/// `padValue`. Uses tensor.pad when possible, else fill + strided insert_slice
/// (+ extract_slice for negative amounts). Empty arrays mean zero.
Value padStatic(OpBuilder &b, Location loc, Value src, Value padValue,
                ArrayRef<int64_t> low, ArrayRef<int64_t> high,
                ArrayRef<int64_t> interior);

/// Runs the single-block stablehlo `region` (whose ops work on 0-d tensors) on
/// the scalars `args` at the insertion point of `b`, returning the scalars it
/// returns. The region is left untouched (it is cloned). Fails on ops the
/// scalar lowering does not know.
FailureOr<SmallVector<Value>> emitScalarRegion(OpBuilder &b, Location loc,
                                               Region &region, ValueRange args);

/// The i64 values of an optional DenseI64ArrayAttr, or `rank` copies of `dflt`.
SmallVector<int64_t> valuesOr(std::optional<ArrayRef<int64_t>> attr, int64_t rank,
                              int64_t dflt);

/// The [rank, 2] padding attribute as (low, high); absent means zeros.
void splitPadding(std::optional<DenseIntElementsAttr> padding, int64_t rank,
                  SmallVectorImpl<int64_t> &low, SmallVectorImpl<int64_t> &high);

} // namespace mlir::byteir::shlo_part2

#endif // BYTEIR_LIB_CONVERSION_STABLEHLOTOLINALG_PART2COMMON_H
