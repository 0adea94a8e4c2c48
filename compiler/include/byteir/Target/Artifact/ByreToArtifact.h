//===- ByreToArtifact.h - serialize a byre host program -------------------===//
#ifndef BYTEIR_TARGET_ARTIFACT_BYRETOARTIFACT_H
#define BYTEIR_TARGET_ARTIFACT_BYRETOARTIFACT_H

#include "brt/ArtifactDesc.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include <string>
#include <vector>

namespace mlir::byteir {

// A compiled kernel object that `byre.compute {kernel = "<name>"}` refers to.
struct KernelObject {
  std::string name;
  brt::KernelFormat format = brt::KernelFormat::SharedObject;
  std::string target;
  std::string bytes;
};

// Argument attributes of a byre entry point that the serializer reads:
// - on a `weight` argument, its value (a DenseElementsAttr of the argument's type),
//   stored in the artifact's weights blob;
// - on an `input` argument, the only value the program was compiled for (the ONNX
//   importer's specialization), stored as the argument's expected value, which the
//   runtime checks on every call.
inline constexpr llvm::StringLiteral kWeightValueAttr = "byteir.weight";
inline constexpr llvm::StringLiteral kExpectedValueAttr = "byteir.specialized_value";

// Writes the artifact for the entry function `entry` (a `byre.entry_point`) and the
// kernels it calls. Errors are reported at the op or argument they concern.
LogicalResult writeArtifact(func::FuncOp entry, ArrayRef<KernelObject> kernels,
                            const brt::Provenance &provenance, StringRef path);

} // namespace mlir::byteir

#endif // BYTEIR_TARGET_ARTIFACT_BYRETOARTIFACT_H
