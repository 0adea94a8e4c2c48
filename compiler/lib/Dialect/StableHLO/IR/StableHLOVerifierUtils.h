//===- StableHLOVerifierUtils.h - helpers shared by op verifiers ----------===//
//
// Private to lib/Dialect/StableHLO/IR. Small checks that the op verifiers of
// StableHLOVerifiers*.cpp share: dimension lists (range, uniqueness, order),
// dynamic-dimension-aware shape comparison, element type promotion, region
// signatures, window arithmetic and collective replica groups. Every check emits
// an op error that names the violated constraint and returns failure.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_LIB_DIALECT_STABLEHLO_IR_STABLEHLOVERIFIERUTILS_H
#define BYTEIR_LIB_DIALECT_STABLEHLO_IR_STABLEHLOVERIFIERUTILS_H

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

#include <optional>
#include <string>

namespace mlir::stablehlo::verify {

//===----------------------------------------------------------------------===//
// Dimensions and shapes
//===----------------------------------------------------------------------===//

inline bool isDyn(int64_t d) { return ShapedType::isDynamic(d); }
/// Two sizes agree unless both are static and differ.
inline bool compatibleDim(int64_t a, int64_t b) {
  return isDyn(a) || isDyn(b) || a == b;
}

/// `?` for a dynamic size, the number otherwise.
std::string dimStr(int64_t d);
/// `[2, ?, 4]`.
std::string dimsStr(ArrayRef<int64_t> dims);
/// Type as MLIR prints it, for messages.
std::string typeStr(Type t);

/// Every value of `dims` lies in [lo, hi): "<name> value (v) must be in [lo, hi)".
LogicalResult checkInRange(Operation *op, StringRef name, ArrayRef<int64_t> dims,
                           int64_t lo, int64_t hi);
/// No value occurs twice: "<name> must not contain duplicates (v)".
LogicalResult checkUnique(Operation *op, StringRef name, ArrayRef<int64_t> dims);
/// Ascending order: "<name> must be sorted".
LogicalResult checkSorted(Operation *op, StringRef name, ArrayRef<int64_t> dims);
/// Range and uniqueness together (the usual "dimension list" constraint).
LogicalResult checkDimList(Operation *op, StringRef name, ArrayRef<int64_t> dims,
                           int64_t rank);
/// Each value > 0: "<name> values must be positive, got v".
LogicalResult checkPositive(Operation *op, StringRef name, ArrayRef<int64_t> values);
/// "<name> size (n) must equal <what> (expected)".
LogicalResult checkSize(Operation *op, StringRef name, int64_t size,
                        int64_t expected, StringRef what);
/// Shapes of equal rank that agree on every static size.
bool compatibleShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b);

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

/// Same element type and compatible shape for tensors, element-wise for tuples,
/// equality otherwise (tokens). Bounds encodings are ignored.
bool compatibleTypes(Type a, Type b);
bool compatibleTypes(TypeRange a, TypeRange b);
/// Element type of a shaped type, else the type itself.
Type elemType(Type t);
/// Number of bits of an element type (complex counts both parts, quantized its
/// storage type); 0 when unknown.
int64_t bitWidth(Type elementType);
/// Spec `is_promotable(from, to)`: same kind of element and `to` not narrower.
bool isPromotable(Type from, Type to);
/// Values of an integer elements attribute of any width, sign-extended.
SmallVector<int64_t> toI64(DenseIntElementsAttr attr);
/// 0-d tensor of `elementType`.
RankedTensorType scalarOf(Type elementType);

//===----------------------------------------------------------------------===//
// Regions
//===----------------------------------------------------------------------===//

/// The terminator of the region's single block, or null.
Operation *regionTerminator(Region &region);
/// The region's single block takes `args` and its terminator returns values of
/// `results` (compatible types). Messages name the region: "<name> argument #i ...".
LogicalResult checkRegionSignature(Operation *op, Region &region, StringRef name,
                                   TypeRange args, TypeRange results);
/// A reduction body over `inputElemTypes.size()` = N tensors: it takes
/// (tensor<E0>, ..., tensor<EN-1>, tensor<E0>, ..., tensor<EN-1>) and returns
/// (tensor<E0>, ..., tensor<EN-1>) with is_promotable(inputElemTypes[i], Ei).
/// On success `bodyElemTypes` holds E0..EN-1.
LogicalResult checkReducerBody(Operation *op, Region &body, StringRef name,
                               ArrayRef<Type> inputElemTypes,
                               SmallVectorImpl<Type> &bodyElemTypes);

//===----------------------------------------------------------------------===//
// Windows (reduce_window, select_and_scatter, convolution)
//===----------------------------------------------------------------------===//

/// `padding` is a [rank, 2] tensor; fills `lo`/`hi` (zeros when absent).
LogicalResult checkPadding(Operation *op, std::optional<DenseIntElementsAttr> padding,
                           int64_t rank, SmallVectorImpl<int64_t> &lo,
                           SmallVectorImpl<int64_t> &hi);
/// An optional per-dimension list: size `rank` (named `what` in messages), values
/// > 0; fills `out` with ones when absent.
LogicalResult checkWindowList(Operation *op, StringRef name,
                              std::optional<ArrayRef<int64_t>> values, int64_t rank,
                              StringRef what, SmallVectorImpl<int64_t> &out);
/// Spec num_windows for one dimension; dynamic when the input size is dynamic.
int64_t numWindows(int64_t inputDim, int64_t baseDilation, int64_t padLow,
                   int64_t padHigh, int64_t windowDim, int64_t windowDilation,
                   int64_t stride);

//===----------------------------------------------------------------------===//
// Collectives
//===----------------------------------------------------------------------===//

/// `groups` is a rank-2 tensor of process ids >= 0 (or -1 padding), each id at
/// most once. `groupSize` is its second dimension.
LogicalResult checkReplicaGroups(Operation *op, DenseIntElementsAttr groups,
                                 StringRef name, int64_t &groupSize);
/// use_global_device_ids needs a channel_handle with handle > 0.
LogicalResult checkGlobalDeviceIds(Operation *op, bool useGlobalDeviceIds,
                                   std::optional<ChannelHandleAttr> channel);
/// [N, 2] source/target pairs with unique sources and unique targets, ids >= 0.
LogicalResult checkSourceTargetPairs(Operation *op, DenseIntElementsAttr pairs);

} // namespace mlir::stablehlo::verify

#endif // BYTEIR_LIB_DIALECT_STABLEHLO_IR_STABLEHLOVERIFIERUTILS_H
