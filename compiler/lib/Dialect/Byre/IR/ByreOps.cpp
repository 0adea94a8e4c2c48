//===- ByreOps.cpp - byre dialect -----------------------------------------===//
#include "byteir/Dialect/Byre/IR/ByreOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::byre;

#include "byteir/Dialect/Byre/IR/ByreDialect.cpp.inc"
#include "byteir/Dialect/Byre/IR/ByreEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "byteir/Dialect/Byre/IR/ByreAttrs.cpp.inc"

#define GET_OP_CLASSES
#include "byteir/Dialect/Byre/IR/ByreOps.cpp.inc"

void ByreDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "byteir/Dialect/Byre/IR/ByreAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "byteir/Dialect/Byre/IR/ByreOps.cpp.inc"
      >();
}

namespace {
// Every argument of an entry function is a statically shaped memref with a unique
// name and a kind.
LogicalResult verifyEntryPoint(func::FuncOp fn) {
  llvm::StringSet<> names;
  for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i) {
    auto type = dyn_cast<MemRefType>(fn.getArgument(i).getType());
    if (!type || !type.hasStaticShape())
      return fn.emitOpError("entry point argument ")
             << i << " must be a statically shaped memref";
    auto name = fn.getArgAttrOfType<StringAttr>(i, ByreDialect::kArgNameAttr);
    if (!name)
      return fn.emitOpError("entry point argument ")
             << i << " needs a string '" << ByreDialect::kArgNameAttr << "'";
    if (!names.insert(name.getValue()).second)
      return fn.emitOpError("duplicate argument name '") << name.getValue() << "'";
    if (!fn.getArgAttrOfType<ArgTypeAttr>(i, ByreDialect::kArgTypeAttr))
      return fn.emitOpError("entry point argument ")
             << i << " needs '" << ByreDialect::kArgTypeAttr << "'";
  }
  if (fn.getNumResults() != 0)
    return fn.emitOpError("an entry point returns nothing: outputs are arguments");
  return success();
}
} // namespace

LogicalResult ByreDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  if (attr.getName() != kEntryPointAttr)
    return op->emitError("unknown byre attribute '") << attr.getName() << "'";
  auto fn = dyn_cast<func::FuncOp>(op);
  if (!fn || !isa<UnitAttr>(attr.getValue()))
    return op->emitError("'") << kEntryPointAttr << "' is a unit attribute of func.func";
  return verifyEntryPoint(fn);
}

LogicalResult ComputeOp::verify() {
  if (getCallee().empty())
    return emitOpError("callee must not be empty");
  if (getOutputs().empty())
    return emitOpError("'") << getCallee() << "' writes no output buffer";
  return success();
}

LogicalResult CopyOp::verify() {
  auto source = cast<MemRefType>(getSource().getType());
  auto target = cast<MemRefType>(getTarget().getType());
  if (source.getElementType() != target.getElementType())
    return emitOpError("source and target element types differ");
  return success();
}

LogicalResult AliasOp::verify() {
  auto source = cast<MemRefType>(getSource().getType());
  auto result = cast<MemRefType>(getResult().getType());
  if (!source.hasStaticShape() || !result.hasStaticShape())
    return emitOpError("aliases need static shapes");
  if (static_cast<int64_t>(getOffset()) + getByteSize(result) > getByteSize(source))
    return emitOpError("alias of ") << getByteSize(result) << " bytes at offset " << getOffset()
                                    << " exceeds its source of " << getByteSize(source)
                                    << " bytes";
  if (source.getMemorySpace() != result.getMemorySpace())
    return emitOpError("an alias stays in its source's memory space");
  return success();
}
