//===- SharedObject.cpp - LLVM dialect module to an ELF shared object -----===//
#include "byteir/Target/CPU/SharedObject.h"

#include "mlir/Target/LLVMIR/Export.h"
#include "lld/Common/Driver.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"

LLD_HAS_DRIVER(elf)

using namespace mlir;

namespace {
std::unique_ptr<llvm::TargetMachine> createTargetMachine(const std::string &triple,
                                                         const std::string &cpu,
                                                         std::string &error) {
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(llvm::Triple(triple), error);
  if (!target)
    return nullptr;
  llvm::TargetOptions options;
  return std::unique_ptr<llvm::TargetMachine>(target->createTargetMachine(
      llvm::Triple(triple), cpu, "", options, llvm::Reloc::PIC_, std::nullopt,
      llvm::CodeGenOptLevel::Aggressive));
}

void optimize(llvm::Module &module, llvm::TargetMachine &machine, unsigned optLevel) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = optLevel >= 3   ? llvm::OptimizationLevel::O3
                                  : optLevel == 2 ? llvm::OptimizationLevel::O2
                                  : optLevel == 1 ? llvm::OptimizationLevel::O1
                                                  : llvm::OptimizationLevel::O0;
  llvm::ModulePassManager passes = level == llvm::OptimizationLevel::O0
                                       ? builder.buildO0DefaultPipeline(level)
                                       : builder.buildPerModuleDefaultPipeline(level);
  passes.run(module, mam);
}

// A temporary file that is removed when this goes out of scope.
struct TempFile {
  llvm::SmallString<128> path;
  explicit TempFile(StringRef suffix) {
    if (llvm::sys::fs::createTemporaryFile("byteir-kernel", suffix, path))
      path.clear();
  }
  ~TempFile() {
    if (!path.empty())
      llvm::sys::fs::remove(path);
  }
};

FailureOr<std::string> linkSharedObject(StringRef object, Location loc) {
  TempFile objectFile("o"), sharedFile("so");
  if (objectFile.path.empty() || sharedFile.path.empty())
    return emitError(loc, "cannot create temporary files for linking");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(objectFile.path, ec);
    if (ec)
      return emitError(loc, "cannot write ") << objectFile.path << ": " << ec.message();
    os << object;
  }
  // Kernels call libm (expf, erff, ...) and libc (malloc/free): record both.
  const char *args[] = {"ld.lld",        "-shared",   "--as-needed", "-Bsymbolic",
                        "-o",            sharedFile.path.c_str(),
                        objectFile.path.c_str(), "-lm", "-lc",
                        "-L/lib/x86_64-linux-gnu", "-L/usr/lib/x86_64-linux-gnu"};
  std::string diagnostics;
  llvm::raw_string_ostream diag(diagnostics);
  lld::Result result = lld::lldMain(args, diag, diag, {{lld::Gnu, &lld::elf::link}});
  if (result.retCode != 0)
    return emitError(loc, "linking the CPU kernels failed: ") << diagnostics;
  auto buffer = llvm::MemoryBuffer::getFile(sharedFile.path);
  if (!buffer)
    return emitError(loc, "cannot read the linked kernels: ")
           << buffer.getError().message();
  return (*buffer)->getBuffer().str();
}
} // namespace

std::string mlir::byteir::cpuTargetTriple() {
  return llvm::Triple::normalize(llvm::sys::getDefaultTargetTriple());
}

FailureOr<std::string>
mlir::byteir::emitSharedObject(ModuleOp module, const CPUTargetOptions &options) {
  Location loc = module.getLoc();
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> llvmModule = translateModuleToLLVMIR(module, context);
  if (!llvmModule)
    return emitError(loc, "cannot translate the kernels to LLVM IR");
  std::string error, triple = cpuTargetTriple();
  std::unique_ptr<llvm::TargetMachine> machine =
      createTargetMachine(triple, options.cpu, error);
  if (!machine)
    return emitError(loc, "no LLVM target for ") << triple << ": " << error;
  llvmModule->setTargetTriple(llvm::Triple(triple));
  llvmModule->setDataLayout(machine->createDataLayout());
  optimize(*llvmModule, *machine, options.optLevel);

  llvm::SmallString<0> object;
  llvm::raw_svector_ostream os(object);
  llvm::legacy::PassManager codegen;
  if (machine->addPassesToEmitFile(codegen, os, nullptr,
                                   llvm::CodeGenFileType::ObjectFile))
    return emitError(loc, "the LLVM target cannot emit object files");
  codegen.run(*llvmModule);
  return linkSharedObject(object, loc);
}
