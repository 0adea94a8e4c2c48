//===- HostProgram.cpp - the byre host program of a compiled model --------===//
#include "HostProgram.h"

#include "byteir/Dialect/Byre/IR/ByreOps.h"
#include "mlir/IR/Builders.h"

using namespace mlir;

namespace {
FailureOr<MemRefType> bufferType(Type type, Location loc, const Twine &name) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return emitError(loc, "'") << name << "' has type " << type
                               << "; this target needs statically shaped tensors";
  return MemRefType::get(tensor.getShape(), tensor.getElementType());
}
} // namespace

FailureOr<func::FuncOp> mlir::byteir::buildHostProgram(ModuleOp host, func::FuncOp entry,
                                                       StringRef kernelObject) {
  MLIRContext *ctx = host.getContext();
  ctx->getOrLoadDialect<byre::ByreDialect>();
  Location loc = entry.getLoc();
  SmallVector<Type> argTypes;
  SmallVector<DictionaryAttr> argAttrs;
  auto addArgs = [&](TypeRange types, StringRef prefix,
                     byre::ArgType kind) -> LogicalResult {
    for (auto [i, type] : llvm::enumerate(types)) {
      std::string name = (prefix + Twine(i)).str();
      FailureOr<MemRefType> memref = bufferType(type, loc, name);
      if (failed(memref))
        return failure();
      argTypes.push_back(*memref);
      NamedAttrList attrs;
      attrs.append(byre::ByreDialect::kArgNameAttr, StringAttr::get(ctx, name));
      attrs.append(byre::ByreDialect::kArgTypeAttr, byre::ArgTypeAttr::get(ctx, kind));
      argAttrs.push_back(attrs.getDictionary(ctx));
    }
    return success();
  };
  FunctionType signature = entry.getFunctionType();
  if (failed(addArgs(signature.getInputs(), "input_", byre::ArgType::Input)) ||
      failed(addArgs(signature.getResults(), "output_", byre::ArgType::Output)))
    return failure();

  OpBuilder builder = OpBuilder::atBlockEnd(host.getBody());
  auto fn = func::FuncOp::create(builder, loc, entry.getName(),
                                 FunctionType::get(ctx, argTypes, {}));
  fn.setAllArgAttrs(argAttrs);
  fn->setAttr(byre::ByreDialect::kEntryPointAttr, UnitAttr::get(ctx));
  Block *body = fn.addEntryBlock();
  builder.setInsertionPointToStart(body);
  ValueRange args = body->getArguments();
  unsigned numInputs = signature.getNumInputs();
  auto call = byre::ComputeOp::create(builder, loc, "LLVMKernelOp",
                                      args.take_front(numInputs),
                                      args.drop_front(numInputs));
  call->setAttr("kernel", StringAttr::get(ctx, kernelObject));
  call->setAttr("kernel_name", StringAttr::get(ctx, (entry.getName() + "_entry").str()));
  func::ReturnOp::create(builder, loc);
  return fn;
}
