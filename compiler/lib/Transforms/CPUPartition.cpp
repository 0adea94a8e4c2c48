//===- CPUPartition.cpp - library calls and outlined kernels --------------===//
#include "byteir/Transforms/Passes.h"

#include "byteir/Dialect/StableHLO/IR/StableHLOOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_CPUPARTITION
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;
using namespace mlir::stablehlo;

namespace {
constexpr StringLiteral kLibraryCall = "byteir.library_call";
constexpr StringLiteral kLibraryAttrs = "byteir.library_attrs";
constexpr StringLiteral kKernel = "byteir.kernel";

bool isStaticF32(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() && tensor.getElementType().isF32();
}

bool allStaticF32(Operation *op) {
  return llvm::all_of(op->getOperandTypes(), isStaticF32) &&
         llvm::all_of(op->getResultTypes(), isStaticF32);
}

// Zero-element tensors never cross a kernel or library boundary: they carry no
// data, and kernels cannot take zero-sized buffers.
bool isEmptyTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() && tensor.getNumElements() == 0;
}

bool touchesEmptyTensor(Operation *op) {
  return llvm::any_of(op->getOperandTypes(), isEmptyTensor) ||
         llvm::any_of(op->getResultTypes(), isEmptyTensor);
}

Value emptyConstant(OpBuilder &builder, Location loc, Type type) {
  return stablehlo::ConstantOp::create(
      builder, loc, DenseElementsAttr::get(cast<ShapedType>(type), ArrayRef<Attribute>{}));
}

bool isEmptyConstant(Operation *op) {
  return isa<stablehlo::ConstantOp>(op) && isEmptyTensor(op->getResult(0).getType());
}

bool hasConstantOperand(Operation *op) {
  return llvm::any_of(op->getOperands(), [](Value v) {
    return v.getDefiningOp<stablehlo::ConstantOp>() != nullptr;
  });
}

// C = op(A) x op(B) with leading batch dims: the MatmulOp library contract.
std::optional<DictionaryAttr> matmulAttrs(DotGeneralOp dot) {
  auto lhs = cast<RankedTensorType>(dot.getLhs().getType());
  auto rhs = cast<RankedTensorType>(dot.getRhs().getType());
  int64_t rank = lhs.getRank();
  if (rank < 2 || rhs.getRank() != rank)
    return std::nullopt;
  DotDimensionNumbersAttr dims = dot.getDotDimensionNumbers();
  SmallVector<int64_t> batch = llvm::to_vector(llvm::seq<int64_t>(0, rank - 2));
  if (dims.getLhsBatchingDimensions() != ArrayRef(batch) ||
      dims.getRhsBatchingDimensions() != ArrayRef(batch) ||
      dims.getLhsContractingDimensions().size() != 1 ||
      dims.getRhsContractingDimensions().size() != 1)
    return std::nullopt;
  int64_t lhsK = dims.getLhsContractingDimensions()[0];
  int64_t rhsK = dims.getRhsContractingDimensions()[0];
  if ((lhsK != rank - 1 && lhsK != rank - 2) || (rhsK != rank - 1 && rhsK != rank - 2))
    return std::nullopt;
  Builder b(dot.getContext());
  return b.getDictionaryAttr(
      {b.getNamedAttr("lhs_transpose", b.getBoolAttr(lhsK == rank - 2)),
       b.getNamedAttr("rhs_transpose", b.getBoolAttr(rhsK == rank - 1))});
}

// NHWC x HWIO -> NHWC 2-d convolution: the ConvOp library contract.
std::optional<DictionaryAttr> convAttrs(ConvolutionOp conv) {
  ConvDimensionNumbersAttr d = conv.getDimensionNumbers();
  auto isOne = [](std::optional<ArrayRef<int64_t>> values) {
    return !values || llvm::all_of(*values, [](int64_t v) { return v == 1; });
  };
  if (cast<RankedTensorType>(conv.getLhs().getType()).getRank() != 4 ||
      d.getInputBatchDimension() != 0 || d.getInputFeatureDimension() != 3 ||
      d.getInputSpatialDimensions() != ArrayRef<int64_t>{1, 2} ||
      d.getKernelSpatialDimensions() != ArrayRef<int64_t>{0, 1} ||
      d.getKernelInputFeatureDimension() != 2 ||
      d.getKernelOutputFeatureDimension() != 3 || d.getOutputBatchDimension() != 0 ||
      d.getOutputFeatureDimension() != 3 ||
      d.getOutputSpatialDimensions() != ArrayRef<int64_t>{1, 2} ||
      conv.getBatchGroupCount() != 1 || !isOne(conv.getLhsDilation()))
    return std::nullopt;
  if (auto reversal = conv.getWindowReversal())
    if (llvm::is_contained(*reversal, true))
      return std::nullopt;
  SmallVector<int64_t> padding(4, 0);
  if (auto pad = conv.getPadding()) {
    SmallVector<int64_t> flat(pad->getValues<int64_t>());
    if (flat.size() != 4 || llvm::any_of(flat, [](int64_t p) { return p < 0; }))
      return std::nullopt;
    padding = flat;  // [[top, bottom], [left, right]]
  }
  Builder b(conv.getContext());
  auto orOnes = [&](std::optional<ArrayRef<int64_t>> values) {
    return b.getDenseI64ArrayAttr(values ? *values : ArrayRef<int64_t>{1, 1});
  };
  return b.getDictionaryAttr(
      {b.getNamedAttr("strides", orOnes(conv.getWindowStrides())),
       b.getNamedAttr("padding", b.getDenseI64ArrayAttr(padding)),
       b.getNamedAttr("dilations", orOnes(conv.getRhsDilation())),
       b.getNamedAttr("feature_group_count",
                      b.getI64IntegerAttr(conv.getFeatureGroupCount()))});
}

// Marks `op` as a library call when a library serves it; returns whether it did.
bool markLibraryCall(Operation *op) {
  if (!allStaticF32(op) || hasConstantOperand(op) || touchesEmptyTensor(op))
    return false;
  std::optional<DictionaryAttr> attrs;
  StringRef callee;
  if (auto dot = dyn_cast<DotGeneralOp>(op)) {
    attrs = matmulAttrs(dot);
    callee = "MatmulOp";
  } else if (auto conv = dyn_cast<ConvolutionOp>(op)) {
    attrs = convAttrs(conv);
    callee = "ConvOp";
  }
  if (!attrs)
    return false;
  op->setAttr(kLibraryCall, StringAttr::get(op->getContext(), callee));
  op->setAttr(kLibraryAttrs, *attrs);
  return true;
}

// A constant that only kernels use is cloned into each of them.
bool isKernelLocalConstant(Operation *op) {
  return isa<stablehlo::ConstantOp>(op) && llvm::none_of(op->getUsers(), [](Operation *u) {
           return isa<func::ReturnOp>(u) || u->hasAttr(kLibraryCall);
         });
}

class Outliner {
public:
  Outliner(ModuleOp module, func::FuncOp entry) : module(module), entry(entry) {}

  void outline(ArrayRef<Operation *> group) {
    llvm::SetVector<Value> inputs, outputs, empties, emptyOutputs;
    llvm::SetVector<Operation *> constants;
    llvm::SmallPtrSet<Operation *, 16> inGroup(group.begin(), group.end());
    for (Operation *op : group) {
      op->walk([&](Operation *nested) {
        for (Value operand : nested->getOperands()) {
          Operation *def = operand.getDefiningOp();
          if (def && (inGroup.contains(def) || def->getParentOp() != entry))
            continue;
          if (def && isKernelLocalConstant(def))
            constants.insert(def);
          else if (isDefinedInside(operand, op))
            continue;
          else if (isEmptyTensor(operand.getType()))
            empties.insert(operand);
          else
            inputs.insert(operand);
        }
      });
      for (Value result : op->getResults())
        if (llvm::any_of(result.getUsers(),
                         [&](Operation *u) { return !inGroup.contains(u); }))
          (isEmptyTensor(result.getType()) ? emptyOutputs : outputs).insert(result);
    }
    OpBuilder builder(group.back());
    for (Value empty : emptyOutputs)
      empty.replaceUsesWithIf(emptyConstant(builder, empty.getLoc(), empty.getType()),
                              [&](OpOperand &use) { return !inGroup.contains(use.getOwner()); });
    if (outputs.empty()) {
      eraseIfDead(group);
      return;
    }
    func::FuncOp kernel = createKernel(group, inputs, outputs, constants, empties);
    builder.setInsertionPointAfter(group.back());
    auto call = func::CallOp::create(builder, group.front()->getLoc(), kernel,
                                     inputs.getArrayRef());
    for (auto [output, result] : llvm::zip(outputs, call.getResults()))
      Value(output).replaceAllUsesWith(result);
    for (Operation *op : llvm::reverse(group))
      op->erase();
  }

private:
  // Block arguments of `op`'s own regions are not kernel inputs.
  static bool isDefinedInside(Value value, Operation *op) {
    return op->isAncestor(value.getParentRegion()->getParentOp());
  }

  // A group whose results are all empty is dead once its empty results are
  // replaced; side-effecting ops stay.
  static void eraseIfDead(ArrayRef<Operation *> group) {
    for (Operation *op : llvm::reverse(group))
      if (op->use_empty() && isMemoryEffectFree(op))
        op->erase();
  }

  func::FuncOp createKernel(ArrayRef<Operation *> group, const llvm::SetVector<Value> &inputs,
                            const llvm::SetVector<Value> &outputs,
                            const llvm::SetVector<Operation *> &constants,
                            const llvm::SetVector<Value> &empties) {
    OpBuilder builder(module.getBodyRegion());
    builder.setInsertionPointToEnd(module.getBody());
    auto type = builder.getFunctionType(TypeRange(inputs.getArrayRef()),
                                        TypeRange(outputs.getArrayRef()));
    std::string name = (entry.getName() + "_kernel_" + Twine(counter++)).str();
    auto kernel = func::FuncOp::create(builder, group.front()->getLoc(), name, type);
    kernel->setAttr(kKernel, builder.getUnitAttr());
    // Arguments are model inputs or buffers other ops still read: bufferization
    // must copy rather than update them in place.
    for (unsigned i = 0, e = kernel.getNumArguments(); i < e; ++i)
      kernel.setArgAttr(i, "bufferization.writable", builder.getBoolAttr(false));
    Block *body = kernel.addEntryBlock();
    builder.setInsertionPointToStart(body);
    IRMapping mapping;
    mapping.map(inputs.getArrayRef(), body->getArguments());
    for (Operation *constant : constants)
      builder.clone(*constant, mapping);
    for (Value empty : empties)
      mapping.map(empty, emptyConstant(builder, empty.getLoc(), empty.getType()));
    for (Operation *op : group)
      builder.clone(*op, mapping);
    SmallVector<Value> results;
    for (Value output : outputs)
      results.push_back(mapping.lookup(output));
    func::ReturnOp::create(builder, group.back()->getLoc(), results);
    return kernel;
  }

  ModuleOp module;
  func::FuncOp entry;
  unsigned counter = 0;
};

struct CPUPartitionPass : public byteir::impl::CPUPartitionBase<CPUPartitionPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto entryFn = module.lookupSymbol<func::FuncOp>(entry);
    if (!entryFn || entryFn.isExternal()) {
      module.emitError("no entry function '") << entry << "' to partition";
      return signalPassFailure();
    }
    if (!entryFn.getBody().hasOneBlock()) {
      entryFn.emitOpError("must have a single block to be partitioned");
      return signalPassFailure();
    }
    SmallVector<SmallVector<Operation *>> groups(1);
    for (Operation &op : entryFn.getBody().front().without_terminator()) {
      if (useLibraries && markLibraryCall(&op)) {
        groups.emplace_back();
        continue;
      }
      if (!isKernelLocalConstant(&op) && !isEmptyConstant(&op))
        groups.back().push_back(&op);
    }
    Outliner outliner(module, entryFn);
    for (ArrayRef<Operation *> group : groups)
      if (!group.empty())
        outliner.outline(group);
    // Constants now used by nobody (cloned into every kernel) go away.
    for (Operation &op : llvm::make_early_inc_range(entryFn.getBody().front()))
      if (isa<stablehlo::ConstantOp>(op) && op.use_empty())
        op.erase();
  }
};
} // namespace
