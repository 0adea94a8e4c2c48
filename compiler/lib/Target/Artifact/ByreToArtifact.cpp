//===- ByreToArtifact.cpp - serialize a byre host program -----------------===//
#include "byteir/Target/Artifact/ByreToArtifact.h"

#include "byteir/Dialect/Byre/IR/ByreOps.h"
#include "brt/ArtifactBuilder.h"
#include "brt/Tensor.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "llvm/ADT/StringMap.h"

using namespace mlir;

namespace {
FailureOr<brt::DType> toDType(Type type, Location loc) {
  if (type.isF16()) return brt::DType::F16;
  if (type.isBF16()) return brt::DType::BF16;
  if (type.isF32()) return brt::DType::F32;
  if (type.isF64()) return brt::DType::F64;
  if (auto integer = dyn_cast<IntegerType>(type)) {
    bool isUnsigned = integer.isUnsigned();
    switch (integer.getWidth()) {
    case 1: return brt::DType::I1;
    case 8: return isUnsigned ? brt::DType::U8 : brt::DType::I8;
    case 16: return isUnsigned ? brt::DType::U16 : brt::DType::I16;
    case 32: return isUnsigned ? brt::DType::U32 : brt::DType::I32;
    case 64: return isUnsigned ? brt::DType::U64 : brt::DType::I64;
    default: break;
    }
  }
  return emitError(loc, "element type ") << type << " has no runtime dtype";
}

brt::ArgKind toArgKind(byre::ArgType type) {
  switch (type) {
  case byre::ArgType::Input: return brt::ArgKind::Input;
  case byre::ArgType::Output: return brt::ArgKind::Output;
  case byre::ArgType::Weight: return brt::ArgKind::Weight;
  }
  llvm_unreachable("unknown byre argument type");
}

// The bytes the runtime expects for `value`: row-major, one byte per i1 element
// (MLIR packs i1 bits), a splat repeated.
std::vector<uint8_t> denseBytes(DenseElementsAttr value) {
  std::vector<uint8_t> bytes;
  if (value.getElementType().isInteger(1)) {
    for (bool b : value.getValues<bool>())
      bytes.push_back(b ? 1 : 0);
    return bytes;
  }
  ArrayRef<char> raw = value.getRawData();
  int64_t copies = value.isSplat() ? value.getNumElements() : 1;
  bytes.reserve(raw.size() * copies);
  for (int64_t i = 0; i < copies; ++i)
    bytes.insert(bytes.end(), raw.begin(), raw.end());
  return bytes;
}

// Op attributes the runtime sees, minus the kernel reference that becomes Op.kernel.
FailureOr<std::vector<brt::Attribute>> convertAttrs(Operation *op) {
  std::vector<brt::Attribute> attrs;
  for (NamedAttribute named : op->getDiscardableAttrs()) {
    StringRef name = named.getName();
    if (name == "kernel")
      continue;
    Attribute value = named.getValue();
    brt::Attribute attr{name.str(), int64_t(0)};
    if (auto s = dyn_cast<StringAttr>(value))
      attr.value = s.getValue().str();
    else if (auto b = dyn_cast<BoolAttr>(value))
      attr.value = b.getValue();
    else if (auto i = dyn_cast<IntegerAttr>(value))
      attr.value = i.getInt();
    else if (auto f = dyn_cast<FloatAttr>(value))
      attr.value = f.getValueAsDouble();
    else if (auto ints = dyn_cast<DenseI64ArrayAttr>(value))
      attr.value = std::vector<int64_t>(ints.asArrayRef().begin(), ints.asArrayRef().end());
    else
      return op->emitOpError("attribute '") << name << "' has no runtime encoding";
    attrs.push_back(std::move(attr));
  }
  return attrs;
}

class Serializer {
public:
  Serializer(func::FuncOp entry, brt::ArtifactBuilder &builder)
      : entry(entry), builder(builder) {}

  FailureOr<brt::FunctionDesc> run(const llvm::StringMap<uint32_t> &kernels) {
    fn.name = entry.getName().str();
    for (BlockArgument arg : entry.getArguments())
      if (failed(addArgument(arg)))
        return failure();
    for (Operation &op : entry.getBody().front().without_terminator())
      if (failed(addOp(op, kernels)))
        return failure();
    return std::move(fn);
  }

private:
  LogicalResult addArgument(BlockArgument arg) {
    unsigned i = arg.getArgNumber();
    auto type = cast<MemRefType>(arg.getType());
    FailureOr<brt::DType> dtype = toDType(type.getElementType(), entry.getLoc());
    if (failed(dtype))
      return failure();
    brt::ArgumentDesc desc;
    desc.name = entry.getArgAttrOfType<StringAttr>(i, byre::ByreDialect::kArgNameAttr)
                    .getValue()
                    .str();
    desc.dtype = *dtype;
    desc.shape.assign(type.getShape().begin(), type.getShape().end());
    desc.kind = toArgKind(
        entry.getArgAttrOfType<byre::ArgTypeAttr>(i, byre::ByreDialect::kArgTypeAttr)
            .getValue());
    brt::BufferDesc buffer{brt::BufferKind::Argument, i, 0, 0, desc.dtype, desc.shape};
    brt::StatusOr<uint64_t> size = brt::byteSize(desc.dtype, desc.shape);
    if (!size.ok())
      return entry.emitOpError(size.status().message());
    buffer.size = *size;
    if (failed(addArgumentValue(i, desc)))
      return failure();
    buffers[arg] = fn.buffers.size();
    fn.buffers.push_back(std::move(buffer));
    fn.arguments.push_back(std::move(desc));
    return success();
  }

  // A weight's bytes go to the weights blob; an input's expected value is stored
  // with the argument.
  LogicalResult addArgumentValue(unsigned i, brt::ArgumentDesc &desc) {
    if (desc.kind == brt::ArgKind::Output)
      return success();
    StringRef name = desc.kind == brt::ArgKind::Weight ? byteir::kWeightValueAttr
                                                       : byteir::kExpectedValueAttr;
    auto value = entry.getArgAttrOfType<DenseElementsAttr>(i, name);
    if (!value) {
      if (desc.kind == brt::ArgKind::Weight)
        return entry.emitOpError("weight '") << desc.name << "' has no '" << name
                                              << "' value";
      return success();
    }
    std::vector<uint8_t> bytes = denseBytes(value);
    if (desc.kind == brt::ArgKind::Weight)
      desc.weight = builder.addWeightData(bytes.data(), bytes.size());
    else
      desc.expectedValue = std::move(bytes);
    return success();
  }

  FailureOr<std::vector<uint32_t>> bufferIndices(Operation &op, ValueRange values) {
    std::vector<uint32_t> indices;
    for (Value v : values) {
      auto it = buffers.find(v);
      if (it == buffers.end())
        return op.emitOpError("operand is not a planned buffer or an argument");
      indices.push_back(it->second);
    }
    return indices;
  }

  LogicalResult addCall(Operation &op, StringRef callee, ValueRange inputs,
                        ValueRange outputs, const llvm::StringMap<uint32_t> &kernels) {
    brt::OpDesc desc;
    desc.callee = callee.str();
    auto ins = bufferIndices(op, inputs), outs = bufferIndices(op, outputs);
    auto attrs = convertAttrs(&op);
    if (failed(ins) || failed(outs) || failed(attrs))
      return failure();
    desc.inputs = std::move(*ins);
    desc.outputs = std::move(*outs);
    desc.attrs = std::move(*attrs);
    if (auto kernel = op.getAttrOfType<StringAttr>("kernel")) {
      auto it = kernels.find(kernel.getValue());
      if (it == kernels.end())
        return op.emitOpError("calls unknown kernel object '") << kernel.getValue() << "'";
      desc.kernel = static_cast<int32_t>(it->second);
    }
    fn.ops.push_back(std::move(desc));
    return success();
  }

  LogicalResult addArenaBuffer(memref::AllocOp alloc) {
    auto offset = alloc->getAttrOfType<IntegerAttr>("byre.arena_offset");
    if (!offset)
      return alloc.emitOpError("has no planned 'byre.arena_offset'");
    MemRefType type = alloc.getType();
    FailureOr<brt::DType> dtype = toDType(type.getElementType(), alloc.getLoc());
    if (failed(dtype))
      return failure();
    brt::BufferDesc buffer{brt::BufferKind::Arena, 0, offset.getValue().getZExtValue(), 0,
                           *dtype, brt::Shape(type.getShape().begin(), type.getShape().end())};
    brt::StatusOr<uint64_t> size = brt::byteSize(buffer.dtype, buffer.shape);
    if (!size.ok())
      return alloc.emitOpError(size.status().message());
    buffer.size = *size;
    buffers[alloc.getResult()] = fn.buffers.size();
    fn.buffers.push_back(std::move(buffer));
    return success();
  }

  LogicalResult addOp(Operation &op, const llvm::StringMap<uint32_t> &kernels) {
    if (auto alloc = dyn_cast<memref::AllocOp>(op))
      return addArenaBuffer(alloc);
    if (auto compute = dyn_cast<byre::ComputeOp>(op))
      return addCall(op, compute.getCallee(), compute.getInputs(), compute.getOutputs(),
                     kernels);
    if (auto custom = dyn_cast<byre::CustomOp>(op))
      return addCall(op, custom.getTarget(), custom.getInputs(), custom.getOutputs(),
                     kernels);
    if (auto copy = dyn_cast<byre::CopyOp>(op))
      return addCall(op, brt::kCopyOpCallee, copy.getSource(), copy.getTarget(), kernels);
    return op.emitOpError("cannot be serialized into a byre artifact");
  }

  func::FuncOp entry;
  brt::ArtifactBuilder &builder;
  brt::FunctionDesc fn;
  llvm::DenseMap<Value, uint32_t> buffers;
};
} // namespace

LogicalResult mlir::byteir::writeArtifact(func::FuncOp entry,
                                          ArrayRef<KernelObject> kernels,
                                          const brt::Provenance &provenance,
                                          StringRef path) {
  if (!entry->hasAttr(byre::ByreDialect::kEntryPointAttr))
    return entry.emitOpError("is not a byre entry point");
  brt::ArtifactBuilder builder;
  builder.setProvenance(provenance);
  auto arenaSize = entry->getAttrOfType<IntegerAttr>("byre.arena_size");
  builder.addDevice({"cpu", brt::DeviceKind::CPU, 0,
                     arenaSize ? arenaSize.getValue().getZExtValue() : 0});
  llvm::StringMap<uint32_t> kernelIndex;
  for (const KernelObject &kernel : kernels)
    kernelIndex[kernel.name] = builder.addKernel(
        {kernel.name, kernel.format, kernel.target, 0},
        std::vector<uint8_t>(kernel.bytes.begin(), kernel.bytes.end()));
  FailureOr<brt::FunctionDesc> fn = Serializer(entry, builder).run(kernelIndex);
  if (failed(fn))
    return failure();
  builder.addFunction(std::move(*fn));
  brt::Status status = builder.writeFile(path.str());
  if (!status.ok())
    return emitError(entry.getLoc(), "cannot write the artifact: ") << status.message();
  return success();
}
