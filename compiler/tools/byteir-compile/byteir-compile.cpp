//===- byteir-compile.cpp - compile a model into a .byre artifact ---------===//
//
//   byteir-compile IN.mlir -o OUT.byre [--target cpu] [-O0..3]
//                  [--mlir-print-ir-after-all] [--timing]
//
// IN is StableHLO text (pretty or generic), MLIR bytecode, or an ONNX model
// (`.onnx`, imported by frontends/onnx; --input-shape NAME=D0xD1x... specializes
// symbolic input dimensions; --input-value NAME=FILE.npy offers a value for an input
// that feeds a shape-like operand, which is then specialized to it).
//
//===----------------------------------------------------------------------===//
#include "byteir/Compiler/Compile.h"
#include "byteir/Frontends/ONNX/ONNXImporter.h"
#include "byteir/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace mlir;
namespace cl = llvm::cl;

namespace {
cl::opt<std::string> inputPath(cl::Positional, cl::desc("<input model>"), cl::Required);
cl::opt<std::string> outputPath("o", cl::desc("Output artifact (.byre)"),
                                cl::value_desc("path"), cl::Required);
cl::opt<std::string> target("target", cl::desc("Target: cpu"), cl::init("cpu"));
enum OptLevel : unsigned { O0, O1, O2, O3 };
cl::opt<OptLevel> optLevel(cl::desc("Optimization level:"), cl::init(O3),
                           cl::values(clEnumVal(O0, "no optimization"),
                                      clEnumVal(O1, "light optimization"),
                                      clEnumVal(O2, "default optimization"),
                                      clEnumVal(O3, "aggressive optimization")));
cl::opt<std::string> cpuName("cpu", cl::desc("LLVM CPU to generate CPU kernels for"),
                             cl::init("x86-64-v3"));
cl::list<std::string> inputShapes(
    "input-shape", cl::desc("ONNX input: static shape of a graph input, NAME=D0xD1x..."));
cl::list<std::string> inputValues(
    "input-value",
    cl::desc("ONNX input: value offered for a graph input, NAME=FILE (.npy or TensorProto "
             ".pb); the input is specialized to it where a shape-like operand must be "
             "constant"));
cl::opt<bool> timing("timing", cl::desc("Print the time each compiler stage took"));
cl::opt<bool> useLibraries("libraries",
                           cl::desc("Run matmuls and convolutions with tuned libraries "
                                    "(oneDNN) instead of generated code"),
                           cl::init(true));

std::string sha256Hex(StringRef data) {
  std::array<uint8_t, 32> digest = llvm::SHA256::hash(
      ArrayRef<uint8_t>(reinterpret_cast<const uint8_t *>(data.data()), data.size()));
  return "sha256:" + llvm::toHex(digest, /*LowerCase=*/true);
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  std::string commandLine;
  for (int i = 1; i < argc; ++i)
    commandLine += (i > 1 ? " " : "") + std::string(argv[i]);
  cl::ParseCommandLineOptions(argc, argv, "byteir model compiler\n");

  DialectRegistry registry;
  byteir::registerAllDialects(registry);
  byteir::registerAllPasses();
  MLIRContext context(registry);

  auto file = llvm::MemoryBuffer::getFileOrSTDIN(inputPath);
  if (!file) {
    llvm::errs() << "byteir-compile: cannot read '" << inputPath
                 << "': " << file.getError().message() << "\n";
    return 1;
  }
  std::string hash = sha256Hex((*file)->getBuffer());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*file), SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module;
  if (StringRef(inputPath).ends_with(".onnx")) {
    byteir::ONNXInputShapes shapes;
    for (const std::string &opt : inputShapes) {
      std::string error;
      if (failed(byteir::parseONNXInputShape(opt, shapes, error))) {
        llvm::errs() << "byteir-compile: " << error << "\n";
        return 1;
      }
    }
    byteir::ONNXInputValues values;
    for (const std::string &opt : inputValues) {
      std::string error;
      if (failed(byteir::parseONNXInputValue(opt, values, error))) {
        llvm::errs() << "byteir-compile: " << error << "\n";
        return 1;
      }
    }
    auto imported = byteir::importONNXFile(inputPath, context, shapes, values);
    if (failed(imported))
      return 1;
    module = std::move(*imported);
  } else {
    module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  }
  if (!module)
    return 1;

  DefaultTimingManager timingManager;
  applyDefaultTimingManagerCLOptions(timingManager);
  if (timing)
    timingManager.setEnabled(true);
  TimingScope rootTiming = timingManager.getRootScope();

  byteir::CompileOptions options;
  options.target = target;
  options.cpu.cpu = cpuName;
  options.cpu.optLevel = optLevel;
  options.useLibraries = useLibraries;
  options.commandLine = commandLine;
  options.configurePassManager = [](PassManager &pm) {
    return applyPassManagerCLOptions(pm);
  };
  options.sourceHash = hash;
  // A copy: linking with lld resets every command-line option of the process.
  std::string output = outputPath;
  if (failed(byteir::compileToArtifact(*module, options, output, rootTiming)))
    return 1;
  return 0;
}
