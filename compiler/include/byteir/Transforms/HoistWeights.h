//===- HoistWeights.h - attribute names of weight arguments ---------------===//
#ifndef BYTEIR_TRANSFORMS_HOISTWEIGHTS_H
#define BYTEIR_TRANSFORMS_HOISTWEIGHTS_H

#include "llvm/ADT/StringRef.h"

namespace mlir::byteir {

// Argument attribute of the entry function (byteir-hoist-weights) and of the byre
// host program: the argument is a weight with this value (a DenseElementsAttr).
inline constexpr llvm::StringLiteral kWeightAttrName = "byteir.weight";

} // namespace mlir::byteir

#endif // BYTEIR_TRANSFORMS_HOISTWEIGHTS_H
