//===- TypeConversion.cpp - stablehlo types to signless types -------------===//
#include "byteir/Conversion/StableHLOToLinalg/StableHLOToLinalg.h"

#include "ScalarBody.h"
#include "mlir/IR/BuiltinOps.h"

using namespace mlir;

namespace {
Value castValues(OpBuilder &b, Type type, ValueRange inputs, Location loc) {
  if (inputs.size() != 1)
    return {};
  return UnrealizedConversionCastOp::create(b, loc, type, inputs).getResult(0);
}
} // namespace

byteir::StableHLOToLinalgTypeConverter::StableHLOToLinalgTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](IntegerType type) -> Type { return byteir::hlo_linalg::toSignless(type); });
  addConversion([](RankedTensorType type) -> Type {
    return byteir::hlo_linalg::toSignless(type);
  });
  addConversion([](UnrankedTensorType type) -> Type {
    return byteir::hlo_linalg::toSignless(type);
  });
  addSourceMaterialization(castValues);
  addTargetMaterialization(castValues);
}
