//===- CHLODialect.cpp - chlo dialect registration -------------------------===//
#include "byteir/Dialect/CHLO/IR/CHLOOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::chlo;

#include "byteir/Dialect/CHLO/IR/CHLODialect.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "byteir/Dialect/CHLO/IR/CHLOAttrs.cpp.inc"

void ChloDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "byteir/Dialect/CHLO/IR/CHLOOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "byteir/Dialect/CHLO/IR/CHLOAttrs.cpp.inc"
      >();
}

Operation *ChloDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, type, elements);
}
