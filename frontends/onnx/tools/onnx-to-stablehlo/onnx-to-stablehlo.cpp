//===- onnx-to-stablehlo.cpp - print an ONNX model as StableHLO -----------===//
//
//   onnx-to-stablehlo model.onnx [--input-shape NAME=1x3x224x224]...
//                     [--input-value NAME=FILE.npy]... [-o out.mlir]
//   onnx-to-stablehlo --list-ops      (markdown table of the supported ops)
//
//===----------------------------------------------------------------------===//
#include "byteir/Frontends/ONNX/ONNXImporter.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::opt<std::string> inputPath(cl::Positional, cl::desc("<model.onnx>"));
static cl::opt<std::string> outputPath("o", cl::desc("Output file"), cl::init("-"));
static cl::list<std::string> inputShapes(
    "input-shape", cl::desc("Static shape of a graph input: NAME=D0xD1x... (repeatable)"));
static cl::list<std::string> inputValues(
    "input-value",
    cl::desc("Value offered for a graph input, NAME=FILE (.npy or TensorProto .pb); "
             "used where a shape-like operand must be constant (repeatable)"));
static cl::opt<bool> listOps("list-ops",
                             cl::desc("Print the supported operators as markdown"));
static cl::opt<bool> debugInfo("mlir-print-debuginfo", cl::desc("Print locations"));

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "ONNX to StableHLO importer\n");
  if (listOps) {
    byteir::printONNXSupportedOps(llvm::outs());
    return 0;
  }
  if (inputPath.empty()) {
    llvm::errs() << "onnx-to-stablehlo: no input model\n";
    return 1;
  }
  byteir::ONNXInputShapes shapes;
  for (const std::string &opt : inputShapes) {
    std::string error;
    if (failed(byteir::parseONNXInputShape(opt, shapes, error))) {
      llvm::errs() << "onnx-to-stablehlo: " << error << "\n";
      return 1;
    }
  }
  byteir::ONNXInputValues values;
  for (const std::string &opt : inputValues) {
    std::string error;
    if (failed(byteir::parseONNXInputValue(opt, values, error))) {
      llvm::errs() << "onnx-to-stablehlo: " << error << "\n";
      return 1;
    }
  }
  DialectRegistry registry;
  byteir::registerONNXImporterDialects(registry);
  MLIRContext context(registry);
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  auto module = byteir::importONNXFile(inputPath, context, shapes, values);
  if (failed(module))
    return 1;
  std::string error;
  auto out = openOutputFile(outputPath, &error);
  if (!out) {
    llvm::errs() << "onnx-to-stablehlo: " << error << "\n";
    return 1;
  }
  OpPrintingFlags flags;
  if (debugInfo)
    flags.enableDebugInfo();
  (*module)->print(out->os(), flags);
  out->os() << "\n";
  out->keep();
  return 0;
}
