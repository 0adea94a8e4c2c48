//===- HoistWeights.cpp - large constants become weight arguments ---------===//
#include "byteir/Transforms/HoistWeights.h"
#include "byteir/Transforms/Passes.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_HOISTWEIGHTS
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

namespace {
// The bytes the runtime stores for `value` (one byte per i1 element), or
// std::nullopt when its element type has no runtime dtype.
std::optional<int64_t> weightByteSize(DenseElementsAttr value) {
  Type element = value.getElementType();
  bool runtimeFloat = element.isF16() || element.isBF16() || element.isF32() || element.isF64();
  auto integer = dyn_cast<IntegerType>(element);
  if (!runtimeFloat && !(integer && llvm::is_contained({1u, 8u, 16u, 32u, 64u},
                                                       integer.getWidth())))
    return std::nullopt;
  unsigned bits = element.getIntOrFloatBitWidth();
  return value.getNumElements() * std::max(bits / 8, 1u);
}

struct HoistWeightsPass : public byteir::impl::HoistWeightsBase<HoistWeightsPass> {
  using Base::Base;

  void runOnOperation() override {
    auto fn = getOperation().lookupSymbol<func::FuncOp>(entry);
    if (!fn || fn.isExternal()) {
      getOperation().emitError("no entry function '") << entry << "' to hoist weights from";
      return signalPassFailure();
    }
    // Identical values (uniqued attributes) share one argument.
    llvm::DenseMap<Attribute, Value> weights;
    for (Block &block : fn.getBody())
      for (auto constant : llvm::make_early_inc_range(block.getOps<stablehlo::ConstantOp>())) {
        auto value = dyn_cast<DenseElementsAttr>(constant.getValue());
        if (!value || !isWeight(value))
          continue;
        Value &arg = weights[value];
        if (!arg && !(arg = addArgument(fn, value, constant.getLoc())))
          return signalPassFailure();
        constant.replaceAllUsesWith(arg);
        constant.erase();
      }
  }

private:
  bool isWeight(DenseElementsAttr value) const {
    std::optional<int64_t> bytes = weightByteSize(value);
    return !value.isSplat() && bytes && *bytes > 0 && *bytes >= minBytes;
  }

  static Value addArgument(func::FuncOp fn, DenseElementsAttr value, Location loc) {
    unsigned index = fn.getNumArguments();
    Builder b(fn.getContext());
    DictionaryAttr attrs = b.getDictionaryAttr(b.getNamedAttr(byteir::kWeightAttrName, value));
    if (failed(fn.insertArgument(index, value.getType(), attrs, loc))) {
      fn.emitOpError("cannot take the weight argument ") << index;
      return nullptr;
    }
    return fn.getArgument(index);
  }
};
} // namespace
