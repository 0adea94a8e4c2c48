//===- StableHLODialect.cpp - stablehlo dialect registration --------------===//
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"

#include "mlir/Transforms/InliningUtils.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::stablehlo;

#include "byteir/Dialect/StableHLO/IR/StableHLODialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "byteir/Dialect/StableHLO/IR/StableHLOTypes.cpp.inc"

namespace {
// StableHLO ops have no side effects on the enclosing function beyond their own
// semantics, so calls to functions of StableHLO ops can always be inlined.
struct StableHLOInlinerInterface : public DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
};
} // namespace

void StableHLODialect::initialize() {
  addInterfaces<StableHLOInlinerInterface>();
  registerAttributes();
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "byteir/Dialect/StableHLO/IR/StableHLOOps.cpp.inc"
      >();
}

void StableHLODialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "byteir/Dialect/StableHLO/IR/StableHLOTypes.cpp.inc"
      >();
}

Operation *StableHLODialect::materializeConstant(OpBuilder &builder, Attribute value,
                                                 Type type, Location loc) {
  auto elements = dyn_cast<ElementsAttr>(value);
  if (!elements || elements.getType() != type)
    return nullptr;
  return ConstantOp::create(builder, loc, elements);
}
