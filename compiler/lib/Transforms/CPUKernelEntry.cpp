//===- CPUKernelEntry.cpp - `void f_entry(void **buffers)` wrappers -------===//
#include "byteir/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_CPUKERNELENTRY
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

namespace {
struct CPUKernelEntryPass
    : public byteir::impl::CPUKernelEntryBase<CPUKernelEntryPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<LLVM::LLVMFuncOp> kernels;
    if (!functionName.empty()) {
      auto kernel = module.lookupSymbol<LLVM::LLVMFuncOp>(functionName);
      if (!kernel) {
        module.emitError("no LLVM function '") << functionName << "' to wrap";
        return signalPassFailure();
      }
      kernels.push_back(kernel);
    } else {
      for (auto fn : module.getOps<LLVM::LLVMFuncOp>())
        if (!fn.isExternal() && fn.getLinkage() == LLVM::Linkage::External)
          kernels.push_back(fn);
    }
    for (LLVM::LLVMFuncOp kernel : kernels)
      if (failed(wrap(module, kernel)))
        return signalPassFailure();
  }

  LogicalResult wrap(ModuleOp module, LLVM::LLVMFuncOp kernel) {
    LLVM::LLVMFunctionType type = kernel.getFunctionType();
    auto ptrType = LLVM::LLVMPointerType::get(&getContext());
    if (!isa<LLVM::LLVMVoidType>(type.getReturnType()) ||
        llvm::any_of(type.getParams(), [&](Type t) { return t != ptrType; }))
      return kernel.emitError("kernel must take only pointers and return nothing "
                              "(static shapes, bare-pointer calling convention, "
                              "results as out parameters)");
    buildEntry(module, kernel, ptrType);
    // Only entries are exported: a kernel named like a symbol of the loading
    // process (`main`) must not bind to it.
    kernel.setLinkage(LLVM::Linkage::Internal);
    return success();
  }

  void buildEntry(ModuleOp module, LLVM::LLVMFuncOp kernel, Type ptrType) {
    Location loc = kernel.getLoc();
    OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
    auto voidType = LLVM::LLVMVoidType::get(&getContext());
    auto entry = LLVM::LLVMFuncOp::create(
        builder, loc, (kernel.getName() + "_entry").str(),
        LLVM::LLVMFunctionType::get(voidType, {ptrType}));
    Block *block = entry.addEntryBlock(builder);
    builder.setInsertionPointToStart(block);
    Value buffers = block->getArgument(0);
    SmallVector<Value> args;
    for (unsigned i = 0, e = kernel.getNumArguments(); i < e; ++i) {
      auto slot = LLVM::GEPOp::create(builder, loc, ptrType, ptrType, buffers,
                                      ArrayRef<LLVM::GEPArg>{static_cast<int32_t>(i)});
      args.push_back(LLVM::LoadOp::create(builder, loc, ptrType, slot));
    }
    LLVM::CallOp::create(builder, loc, kernel, args);
    LLVM::ReturnOp::create(builder, loc, ValueRange());
  }
};
} // namespace
