//===- ONNXImporter.h - ONNX ModelProto to StableHLO -----------*- C++ -*-===//
//
// Imports an ONNX model file into a module holding `func.func @main` in StableHLO
// (plus a few chlo ops for special functions, which byteir's frontend decomposes).
// Graph inputs that are not initializers become the arguments, initializers become
// stablehlo.constant, graph outputs the results. Every op is located at its ONNX node
// name fused with the model path.
//
//===----------------------------------------------------------------------===//
#ifndef BYTEIR_FRONTENDS_ONNX_ONNXIMPORTER_H
#define BYTEIR_FRONTENDS_ONNX_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Support/LLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <string>
#include <vector>

namespace mlir {
class DialectRegistry;
class MLIRContext;
namespace byteir {

/// Static shapes for graph inputs with symbolic or unknown dimensions, by input name.
using ONNXInputShapes = std::map<std::string, std::vector<int64_t>>;

/// Parses one `NAME=D0xD1x...` option (a scalar is `NAME=`) into `shapes`.
LogicalResult parseONNXInputShape(StringRef option, ONNXInputShapes &shapes,
                                  std::string &error);

/// A value offered for a graph input (`--input-value NAME=FILE`): the importer uses
/// it only where a converter needs an import-time constant computed from that input
/// (a shape, axes, K, scales, ...); the input then stays an argument of @main, tagged
/// `byteir.specialized_value` with the value, and is a constant inside the body.
struct ONNXInputValue {
  int dataType = 0;            ///< onnx::TensorProto::DataType
  std::vector<int64_t> shape;
  std::string bytes;           ///< little-endian, row-major
};
using ONNXInputValues = std::map<std::string, ONNXInputValue>;

/// The ONNX data type of a numpy dtype string (`<f4`, `|b1`, `<i8`, ...), or 0.
int onnxDataTypeOfNumpy(StringRef descr);

/// Parses one `NAME=FILE` option: FILE is a `.npy` array or a serialized ONNX
/// TensorProto (`.pb`).
LogicalResult parseONNXInputValue(StringRef option, ONNXInputValues &values,
                                  std::string &error);

/// Registers the dialects the importer creates (func, stablehlo, chlo).
void registerONNXImporterDialects(DialectRegistry &registry);

/// Imports the model at `path` (external data files are looked up next to it).
/// Errors are emitted as diagnostics on `context`.
FailureOr<OwningOpRef<ModuleOp>> importONNXFile(StringRef path, MLIRContext &context,
                                                const ONNXInputShapes &shapes = {},
                                                const ONNXInputValues &values = {});

/// Prints the supported-op table (markdown) generated from the converter registry.
void printONNXSupportedOps(llvm::raw_ostream &os);

} // namespace byteir
} // namespace mlir

#endif // BYTEIR_FRONTENDS_ONNX_ONNXIMPORTER_H
