//===- CPUOutlineParallel.cpp - scf.forall -> runtime thread-pool calls ---===//
//
// The parallel-loop kernel ABI (docs/runtime.md): every scf.forall on buffers is
// outlined into `void body(i64 begin, i64 end, void *captures)` and called through
// the function pointer `__brt_parallel_for` that the runtime sets at load, or
// directly on the whole range while it is null.
//
//===----------------------------------------------------------------------===//
#include "byteir/Transforms/Passes.h"

#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir::byteir {
#define GEN_PASS_DEF_CPUOUTLINEPARALLEL
#include "byteir/Transforms/Passes.h.inc"
} // namespace mlir::byteir

using namespace mlir;

namespace {
constexpr llvm::StringLiteral kParallelForSymbol = "__brt_parallel_for";

// Values crossing into the body: how each is stored in the captures struct.
struct Captures {
  SetVector<Value> values;
  SmallVector<Type> fieldTypes;
  LLVM::LLVMStructType structType;
};

// The type a captured value has in the captures struct, or null if it cannot be
// captured.
Type fieldTypeOf(Value value, const LLVMTypeConverter &converter) {
  Type type = value.getType();
  if (isa<MemRefType>(type))
    return converter.convertType(type);
  if (isa<IndexType>(type))
    return IntegerType::get(type.getContext(), 64);
  if (LLVM::isCompatibleType(type))
    return type;
  return nullptr;
}

// Defining ops the body clones instead of capturing their values.
bool isClonedIntoBody(Value value) {
  Operation *def = value.getDefiningOp();
  return def && (def->hasTrait<OpTrait::ConstantLike>() || isa<memref::GetGlobalOp>(def));
}

// `__brt_parallel_for`: an exported, null-initialized pointer.
void declareParallelFor(ModuleOp module) {
  if (module.lookupSymbol(kParallelForSymbol))
    return;
  OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
  Location loc = module.getLoc();
  auto ptrType = LLVM::LLVMPointerType::get(module.getContext());
  auto global = LLVM::GlobalOp::create(builder, loc, ptrType, /*isConstant=*/false,
                                       LLVM::Linkage::External, kParallelForSymbol,
                                       Attribute(), /*alignment=*/8);
  Block *init = builder.createBlock(&global.getInitializerRegion());
  builder.setInsertionPointToStart(init);
  Value null = LLVM::ZeroOp::create(builder, loc, ptrType);
  LLVM::ReturnOp::create(builder, loc, null);
}

class Outliner {
public:
  Outliner(ModuleOp module)
      : module(module), symbols(module), converter(module.getContext()) {}

  // Outlines `loop`, a loop of `parent`; returns the body function.
  FailureOr<func::FuncOp> outline(scf::ForallOp loop, func::FuncOp parent) {
    if (loop.getNumResults() != 0)
      return loop.emitError("only scf.forall on buffers (without results) can run in "
                            "parallel; bufferize first");
    OpBuilder builder(loop);
    SmallVector<Value> lbs, steps, trips;
    Value total = tripCounts(builder, loop, lbs, steps, trips);
    FailureOr<Captures> captures = collectCaptures(loop, lbs, steps, trips);
    if (failed(captures))
      return failure();
    func::FuncOp body = buildBody(loop, parent, *captures, lbs, steps, trips);
    Value capturesPtr = storeCaptures(builder, loop.getLoc(), parent, *captures);
    callParallelFor(builder, loop.getLoc(), body, total, capturesPtr);
    loop.erase();
    return body;
  }

private:
  // Per-dimension lower bounds, steps and trip counts (index values before the
  // loop) and their product.
  Value tripCounts(OpBuilder &builder, scf::ForallOp loop, SmallVector<Value> &lbs,
                   SmallVector<Value> &steps, SmallVector<Value> &trips) {
    Location loc = loop.getLoc();
    Value total = arith::ConstantIndexOp::create(builder, loc, 1);
    for (auto [lb, ub, step] : llvm::zip(loop.getMixedLowerBound(), loop.getMixedUpperBound(),
                                         loop.getMixedStep())) {
      Value lbValue = getValueOrCreateConstantIndexOp(builder, loc, lb);
      Value ubValue = getValueOrCreateConstantIndexOp(builder, loc, ub);
      Value stepValue = getValueOrCreateConstantIndexOp(builder, loc, step);
      // Folded: static loops get constant trip counts, which the body clones.
      Value span = builder.createOrFold<arith::SubIOp>(loc, ubValue, lbValue);
      Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
      Value trip = builder.createOrFold<arith::MaxSIOp>(
          loc, builder.createOrFold<arith::CeilDivSIOp>(loc, span, stepValue), zero);
      lbs.push_back(lbValue);
      steps.push_back(stepValue);
      trips.push_back(trip);
      total = builder.createOrFold<arith::MulIOp>(loc, total, trip);
    }
    return total;
  }

  FailureOr<Captures> collectCaptures(scf::ForallOp loop, ArrayRef<Value> lbs,
                                      ArrayRef<Value> steps, ArrayRef<Value> trips) {
    SetVector<Value> used;
    getUsedValuesDefinedAbove(loop.getRegion(), used);
    for (ArrayRef<Value> values : {lbs, steps, trips})
      used.insert(values.begin(), values.end());
    Captures captures;
    for (Value value : used) {
      if (isClonedIntoBody(value))
        continue;
      Type field = fieldTypeOf(value, converter);
      if (!field)
        return loop.emitError("cannot pass a value of type ")
               << value.getType() << " to a parallel loop body";
      captures.values.insert(value);
      captures.fieldTypes.push_back(field);
    }
    captures.structType =
        LLVM::LLVMStructType::getLiteral(module.getContext(), captures.fieldTypes);
    return captures;
  }

  func::FuncOp buildBody(scf::ForallOp loop, func::FuncOp parent, const Captures &captures,
                         ArrayRef<Value> lbs, ArrayRef<Value> steps, ArrayRef<Value> trips) {
    MLIRContext *ctx = module.getContext();
    Location loc = loop.getLoc();
    Type i64 = IntegerType::get(ctx, 64);
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    OpBuilder builder(ctx);
    auto body = func::FuncOp::create(loc, (parent.getName() + "_parallel").str(),
                                     builder.getFunctionType({i64, i64, ptrType}, {}));
    body.setPrivate();
    // Internal: not a kernel entry, and free for LLVM to inline or specialize.
    body->setAttr("llvm.linkage", LLVM::LinkageAttr::get(ctx, LLVM::Linkage::Internal));
    // Inserted detached, so that a name in use gets a unique suffix.
    symbols.insert(body, std::next(Block::iterator(parent)));
    Block *entry = body.addEntryBlock();
    builder.setInsertionPointToStart(entry);

    IRMapping mapping;
    loadCaptures(builder, loc, captures, entry->getArgument(2), mapping);
    auto import = [&](Value value) {
      if (Value mapped = mapping.lookupOrNull(value))
        return mapped;
      Value cloned = builder.clone(*value.getDefiningOp())->getResult(0);
      mapping.map(value, cloned);
      return cloned;
    };
    SmallVector<Value> lbValues, stepValues, tripValues;
    for (auto [lb, step, trip] : llvm::zip(lbs, steps, trips)) {
      lbValues.push_back(import(lb));
      stepValues.push_back(import(step));
      tripValues.push_back(import(trip));
    }
    // Constants the body uses, cloned before the loop.
    SetVector<Value> used;
    getUsedValuesDefinedAbove(loop.getRegion(), used);
    for (Value value : used)
      import(value);

    Type index = builder.getIndexType();
    Value begin = arith::IndexCastOp::create(builder, loc, index, entry->getArgument(0));
    Value end = arith::IndexCastOp::create(builder, loc, index, entry->getArgument(1));
    Value one = arith::ConstantIndexOp::create(builder, loc, 1);
    auto iterations = scf::ForOp::create(builder, loc, begin, end, one);
    builder.setInsertionPointToStart(iterations.getBody());
    // Row-major delinearization: the last dimension varies fastest.
    Value rest = iterations.getInductionVar();
    SmallVector<Value> ivs(trips.size());
    for (int64_t dim = static_cast<int64_t>(trips.size()) - 1; dim >= 0; --dim) {
      Value position = dim == 0 ? rest
                                : arith::RemUIOp::create(builder, loc, rest, tripValues[dim]);
      if (dim > 0)
        rest = arith::DivUIOp::create(builder, loc, rest, tripValues[dim]);
      Value offset = arith::MulIOp::create(builder, loc, position, stepValues[dim]);
      ivs[dim] = arith::AddIOp::create(builder, loc, lbValues[dim], offset);
    }
    mapping.map(loop.getInductionVars(), ivs);
    for (Operation &op : loop.getBody()->without_terminator())
      builder.clone(op, mapping);
    builder.setInsertionPointToEnd(entry);
    func::ReturnOp::create(builder, loc);
    return body;
  }

  // In the body: each captured value read back from the struct.
  void loadCaptures(OpBuilder &builder, Location loc, const Captures &captures,
                    Value capturesPtr, IRMapping &mapping) {
    auto ptrType = LLVM::LLVMPointerType::get(module.getContext());
    for (auto [i, value] : llvm::enumerate(captures.values)) {
      auto slot = LLVM::GEPOp::create(
          builder, loc, ptrType, captures.structType, capturesPtr,
          ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
      Value field = LLVM::LoadOp::create(builder, loc, captures.fieldTypes[i], slot);
      Value restored = field;
      if (isa<MemRefType>(value.getType()))
        restored = UnrealizedConversionCastOp::create(builder, loc, value.getType(), field)
                       .getResult(0);
      else if (isa<IndexType>(value.getType()))
        restored = arith::IndexCastOp::create(builder, loc, value.getType(), field);
      mapping.map(value, restored);
    }
  }

  // Before the loop: the captures stored into a struct on the parent's stack
  // (allocated once, in its entry block); null when nothing is captured.
  Value storeCaptures(OpBuilder &builder, Location loc, func::FuncOp parent,
                      const Captures &captures) {
    auto ptrType = LLVM::LLVMPointerType::get(module.getContext());
    if (captures.values.empty())
      return LLVM::ZeroOp::create(builder, loc, ptrType);
    Value storage;
    {
      OpBuilder::InsertionGuard guard(builder);
      builder.setInsertionPointToStart(&parent.getBody().front());
      Value one = LLVM::ConstantOp::create(builder, loc, builder.getI64Type(),
                                           builder.getI64IntegerAttr(1));
      storage = LLVM::AllocaOp::create(builder, loc, ptrType, captures.structType, one);
    }
    for (auto [i, value] : llvm::enumerate(captures.values)) {
      Value field = value;
      if (isa<MemRefType>(value.getType()))
        field = UnrealizedConversionCastOp::create(builder, loc, captures.fieldTypes[i], value)
                    .getResult(0);
      else if (isa<IndexType>(value.getType()))
        field = arith::IndexCastOp::create(builder, loc, captures.fieldTypes[i], value);
      auto slot = LLVM::GEPOp::create(builder, loc, ptrType, captures.structType, storage,
                                      ArrayRef<LLVM::GEPArg>{0, static_cast<int32_t>(i)});
      LLVM::StoreOp::create(builder, loc, field, slot);
    }
    return storage;
  }

  // if (__brt_parallel_for) __brt_parallel_for(n, body, captures);
  // else body(0, n, captures);
  void callParallelFor(OpBuilder &builder, Location loc, func::FuncOp body, Value total,
                       Value capturesPtr) {
    MLIRContext *ctx = module.getContext();
    auto ptrType = LLVM::LLVMPointerType::get(ctx);
    Type i64 = builder.getI64Type();
    Value n = arith::IndexCastOp::create(builder, loc, i64, total);
    Value slot = LLVM::AddressOfOp::create(builder, loc, ptrType, kParallelForSymbol);
    Value pool = LLVM::LoadOp::create(builder, loc, ptrType, slot);
    Value null = LLVM::ZeroOp::create(builder, loc, ptrType);
    Value serial = LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::eq, pool, null);
    auto branch = scf::IfOp::create(builder, loc, serial, /*withElseRegion=*/true);
    builder.setInsertionPointToStart(branch.thenBlock());
    Value zero = arith::ConstantIntOp::create(builder, loc, i64, 0);
    func::CallOp::create(builder, loc, body, ValueRange{zero, n, capturesPtr});
    builder.setInsertionPointToStart(branch.elseBlock());
    Value function = func::ConstantOp::create(builder, loc, body.getFunctionType(),
                                              SymbolRefAttr::get(body));
    Value bodyPtr =
        UnrealizedConversionCastOp::create(builder, loc, ptrType, function).getResult(0);
    auto type = LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx),
                                            {i64, ptrType, ptrType});
    LLVM::CallOp::create(builder, loc, type, ValueRange{pool, n, bodyPtr, capturesPtr});
  }

  ModuleOp module;
  SymbolTable symbols;
  LLVMTypeConverter converter;
};

// The outermost scf.forall ops of `function` (nested ones move into the bodies).
SmallVector<scf::ForallOp> outermostLoops(func::FuncOp function) {
  SmallVector<scf::ForallOp> loops;
  function.walk<WalkOrder::PreOrder>([&](scf::ForallOp loop) {
    loops.push_back(loop);
    return WalkResult::skip();
  });
  return loops;
}

struct CPUOutlineParallelPass
    : public byteir::impl::CPUOutlineParallelBase<CPUOutlineParallelPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> worklist(module.getOps<func::FuncOp>());
    Outliner outliner(module);
    bool any = false;
    while (!worklist.empty()) {
      func::FuncOp function = worklist.pop_back_val();
      for (scf::ForallOp loop : outermostLoops(function)) {
        FailureOr<func::FuncOp> body = outliner.outline(loop, function);
        if (failed(body))
          return signalPassFailure();
        worklist.push_back(*body);
        any = true;
      }
    }
    if (any)
      declareParallelFor(module);
  }
};
} // namespace
