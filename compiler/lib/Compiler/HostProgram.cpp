//===- HostProgram.cpp - the byre host program of a compiled model --------===//
#include "HostProgram.h"

#include "byteir/Dialect/Byre/IR/ByreOps.h"
#include "byteir/Target/Artifact/ByreToArtifact.h"
#include "byteir/Transforms/HoistWeights.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"

using namespace mlir;

namespace {
constexpr int64_t kArenaAlignment = 64;

FailureOr<MemRefType> bufferType(Type type, Location loc, const Twine &name) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || !tensor.hasStaticShape())
    return emitError(loc, "'") << name << "' has type " << type
                               << "; this target needs statically shaped tensors";
  return MemRefType::get(tensor.getShape(), tensor.getElementType());
}

// First-fit placement of buffers by liveness: two buffers share bytes only if no op
// uses both. Returns the arena size.
int64_t planArena(func::FuncOp fn) {
  SmallVector<Operation *> ops;
  llvm::DenseMap<Operation *, int64_t> index;
  for (Operation &op : fn.getBody().front())
    index[&op] = static_cast<int64_t>(ops.size()), ops.push_back(&op);
  struct Placed {
    int64_t begin, end, offset, size;
  };
  SmallVector<Placed> placed;
  int64_t arenaSize = 0;
  for (Operation *op : ops) {
    auto alloc = dyn_cast<memref::AllocOp>(op);
    if (!alloc)
      continue;
    int64_t begin = index[op], end = begin;
    for (Operation *user : alloc->getUsers())
      end = std::max(end, index[user]);
    int64_t size = llvm::alignTo(byre::getByteSize(alloc.getType()), kArenaAlignment);
    SmallVector<std::pair<int64_t, int64_t>> busy;  // [offset, offset + size)
    for (const Placed &p : placed)
      if (p.begin <= end && begin <= p.end)
        busy.emplace_back(p.offset, p.offset + p.size);
    llvm::sort(busy);
    int64_t offset = 0;
    for (auto [lo, hi] : busy) {
      if (offset + size <= lo)
        break;
      offset = std::max(offset, hi);
    }
    placed.push_back({begin, end, offset, size});
    arenaSize = std::max(arenaSize, offset + size);
    alloc->setAttr("byre.arena_offset",
                   IntegerAttr::get(IntegerType::get(fn.getContext(), 64), offset));
  }
  return arenaSize;
}

bool isEmpty(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape() && tensor.getNumElements() == 0;
}

bool isEmptyConstant(Operation &op) {
  return op.getNumResults() == 1 && op.getNumOperands() == 0 &&
         op.hasTrait<OpTrait::ConstantLike>() && isEmpty(op.getResult(0).getType());
}

class HostBuilder {
public:
  HostBuilder(func::FuncOp entry, StringRef kernelObject)
      : entry(entry), ctx(entry.getContext()), kernelObject(kernelObject) {}

  FailureOr<func::FuncOp> build(ModuleOp host) {
    if (failed(createSignature(host)))
      return failure();
    Block *body = fn.addEntryBlock();
    OpBuilder builder = OpBuilder::atBlockBegin(body);
    unsigned numInputs = entry.getNumArguments();
    for (auto [arg, hostArg] : llvm::zip(entry.getArguments(), body->getArguments()))
      buffers[arg] = hostArg;
    auto ret = cast<func::ReturnOp>(entry.getBody().front().getTerminator());
    // An output is written in place by the op producing it, once.
    for (auto [i, value] : llvm::enumerate(ret.getOperands()))
      if (value.getDefiningOp() && !directOutput.count(value))
        directOutput[value] = body->getArgument(numInputs + i);
    // Zero-element values (byteir-cpu-partition leaves them as empty constants)
    // have no bytes to compute or copy.
    for (Operation &op : entry.getBody().front().without_terminator())
      if (!isEmptyConstant(op) && failed(emit(builder, op)))
        return failure();
    for (auto [i, value] : llvm::enumerate(ret.getOperands())) {
      Value out = body->getArgument(numInputs + i);
      if (buffers.lookup(value) != out && !isEmpty(value.getType()))
        byre::CopyOp::create(builder, ret.getLoc(), buffers.lookup(value), out);
    }
    func::ReturnOp::create(builder, entry.getLoc());
    fn->setAttr("byre.arena_size",
                IntegerAttr::get(IntegerType::get(ctx, 64), planArena(fn)));
    return fn;
  }

private:
  LogicalResult createSignature(ModuleOp host) {
    SmallVector<Type> types;
    SmallVector<DictionaryAttr> attrs;
    auto add = [&](Type type, const Twine &name, byre::ArgType kind,
                   ArrayRef<NamedAttribute> extra) -> LogicalResult {
      FailureOr<MemRefType> memref = bufferType(type, entry.getLoc(), name);
      if (failed(memref))
        return failure();
      types.push_back(*memref);
      NamedAttrList list(extra);
      list.append(byre::ByreDialect::kArgNameAttr, StringAttr::get(ctx, name.str()));
      list.append(byre::ByreDialect::kArgTypeAttr, byre::ArgTypeAttr::get(ctx, kind));
      attrs.push_back(list.getDictionary(ctx));
      return success();
    };
    // Weights (byteir-hoist-weights) are numbered apart, so that the inputs keep the
    // names and order of the model's signature.
    unsigned numInputs = 0, numWeights = 0;
    for (BlockArgument arg : entry.getArguments()) {
      unsigned i = arg.getArgNumber();
      FailureOr<std::optional<NamedAttribute>> value = argumentValue(i);
      if (failed(value))
        return failure();
      SmallVector<NamedAttribute, 1> extra;
      if (*value)
        extra.push_back(**value);
      bool isWeight = *value && (*value)->getName() == byteir::kWeightValueAttr;
      LogicalResult added =
          isWeight ? add(arg.getType(), "weight_" + Twine(numWeights++),
                         byre::ArgType::Weight, extra)
                   : add(arg.getType(), "input_" + Twine(numInputs++),
                         byre::ArgType::Input, extra);
      if (failed(added))
        return failure();
    }
    for (auto [i, type] : llvm::enumerate(entry.getFunctionType().getResults()))
      if (failed(add(type, "output_" + Twine(i), byre::ArgType::Output, {})))
        return failure();
    OpBuilder builder = OpBuilder::atBlockEnd(host.getBody());
    fn = func::FuncOp::create(builder, entry.getLoc(), entry.getName(),
                              FunctionType::get(ctx, types, {}));
    fn.setAllArgAttrs(attrs);
    fn->setAttr(byre::ByreDialect::kEntryPointAttr, UnitAttr::get(ctx));
    return success();
  }

  // The value an entry argument carries into the artifact, if any: a weight's value
  // or the value an input was specialized for, under the serializer's names.
  FailureOr<std::optional<NamedAttribute>> argumentValue(unsigned i) {
    for (StringRef name : {StringRef(byteir::kWeightAttrName),
                           StringRef(byteir::kExpectedValueAttr)}) {
      Attribute value = entry.getArgAttr(i, name);
      if (!value)
        continue;
      auto dense = dyn_cast<DenseElementsAttr>(value);
      if (!dense || dense.getType() != entry.getArgument(i).getType())
        return entry.emitOpError("argument ")
               << i << ": '" << name << "' must be a dense value of type "
               << entry.getArgument(i).getType();
      StringRef byreName = name == byteir::kWeightAttrName ? byteir::kWeightValueAttr
                                                           : byteir::kExpectedValueAttr;
      return std::optional(NamedAttribute(StringAttr::get(ctx, byreName), dense));
    }
    return std::optional<NamedAttribute>();
  }

  LogicalResult emit(OpBuilder &builder, Operation &op) {
    SmallVector<Value> ins, outs;
    for (Value operand : op.getOperands())
      ins.push_back(buffers.lookup(operand));
    for (Value result : op.getResults()) {
      Value buffer = directOutput.lookup(result);
      if (!buffer) {
        FailureOr<MemRefType> type = bufferType(result.getType(), op.getLoc(), "result");
        if (failed(type))
          return failure();
        buffer = memref::AllocOp::create(builder, op.getLoc(), *type);
      }
      buffers[result] = buffer;
      outs.push_back(buffer);
    }
    if (auto call = dyn_cast<func::CallOp>(op)) {
      auto compute = byre::ComputeOp::create(builder, op.getLoc(), "LLVMKernelOp", ins, outs);
      compute->setAttr("kernel", StringAttr::get(ctx, kernelObject));
      compute->setAttr("kernel_name",
                       StringAttr::get(ctx, (call.getCallee() + "_entry").str()));
      return success();
    }
    auto library = op.getAttrOfType<StringAttr>("byteir.library_call");
    auto attrs = op.getAttrOfType<DictionaryAttr>("byteir.library_attrs");
    if (!library || !attrs)
      return op.emitOpError("is neither a kernel call nor a library call (run "
                            "byteir-cpu-partition first)");
    auto compute = byre::ComputeOp::create(builder, op.getLoc(), library, ins, outs);
    for (NamedAttribute attr : attrs)
      compute->setAttr(attr.getName(), attr.getValue());
    return success();
  }

  func::FuncOp entry;
  MLIRContext *ctx;
  StringRef kernelObject;
  func::FuncOp fn;
  llvm::DenseMap<Value, Value> buffers, directOutput;
};
} // namespace

FailureOr<func::FuncOp> mlir::byteir::buildHostProgram(ModuleOp host, func::FuncOp entry,
                                                       StringRef kernelObject) {
  MLIRContext *ctx = host.getContext();
  ctx->getOrLoadDialect<byre::ByreDialect>();
  ctx->getOrLoadDialect<memref::MemRefDialect>();
  return HostBuilder(entry, kernelObject).build(host);
}
