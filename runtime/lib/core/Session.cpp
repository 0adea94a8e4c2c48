#include "brt/Session.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <sstream>

#include "../cpu/CpuProvider.h"

namespace brt {

namespace {
Status checkView(const char* what, const ArgumentDesc& arg, DType dtype,
                 const Shape& shape, const void* data) {
  if (dtype != arg.dtype || shape != arg.shape)
    return invalidArgumentError(what, " '", arg.name, "' expects ",
                                typeToString(arg.dtype, arg.shape), ", got ",
                                typeToString(dtype, shape));
  if (!data && !arg.shape.empty() && numElements(arg.shape).ok() &&
      *numElements(arg.shape) > 0)
    return invalidArgumentError(what, " '", arg.name, "' has no data");
  return okStatus();
}

template <class T>
void appendValues(std::ostringstream& os, const uint8_t* data, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    T value;
    std::memcpy(&value, data + i * sizeof(T), sizeof(T));
    os << (i ? ", " : "") << +value;
  }
}

// Up to 8 elements of a value, for error messages ("[2, 3]"); bytes for dtypes
// without a printable C++ type (f16, bf16).
std::string describeValue(DType dtype, const uint8_t* data, size_t bytes) {
  constexpr size_t kShown = 8;
  size_t size = dtypeSize(dtype), count = size ? bytes / size : 0;
  size_t shown = std::min(count, kShown);
  std::ostringstream os;
  os << "[";
  switch (dtype) {
    case DType::F32: appendValues<float>(os, data, shown); break;
    case DType::F64: appendValues<double>(os, data, shown); break;
    case DType::I1: case DType::U8: appendValues<uint8_t>(os, data, shown); break;
    case DType::I8: appendValues<int8_t>(os, data, shown); break;
    case DType::I16: appendValues<int16_t>(os, data, shown); break;
    case DType::I32: appendValues<int32_t>(os, data, shown); break;
    case DType::I64: appendValues<int64_t>(os, data, shown); break;
    case DType::U16: appendValues<uint16_t>(os, data, shown); break;
    case DType::U32: appendValues<uint32_t>(os, data, shown); break;
    case DType::U64: appendValues<uint64_t>(os, data, shown); break;
    default: return std::to_string(bytes) + " bytes";
  }
  os << (count > shown ? ", ...]" : "]");
  return os.str();
}

// An input the model was specialized for must come with exactly that value: the
// compiled code computed with it as a constant.
Status checkExpectedValue(const ArgumentDesc& arg, const TensorView& view) {
  const std::vector<uint8_t>& expected = arg.expectedValue;
  if (expected.empty() ||
      std::memcmp(view.data(), expected.data(), expected.size()) == 0)
    return okStatus();
  const auto* data = static_cast<const uint8_t*>(view.data());
  return invalidArgumentError(
      "input '", arg.name, "' was specialized at compile time for the value ",
      describeValue(arg.dtype, expected.data(), expected.size()), ", got ",
      describeValue(arg.dtype, data, expected.size()),
      "; recompile the model for this value");
}

// The arena of `device`: arenaSize bytes at a multiple of its arenaAlignment
// (allocated in `storage`; null when empty).
StatusOr<uint8_t*> allocateArena(const DeviceDesc& device, AlignedBuffer& storage) {
  if (device.arenaSize == 0) return nullptr;
  uint64_t alignment = std::max<uint64_t>(device.arenaAlignment, AlignedBuffer::kAlignment);
  uint64_t bytes = 0;
  if (__builtin_add_overflow(device.arenaSize, alignment - AlignedBuffer::kAlignment, &bytes))
    return resourceExhaustedError("the arena of device '", device.name, "' (",
                                  device.arenaSize, " bytes, aligned to ", alignment,
                                  ") does not fit in memory");
  BRT_ASSIGN_OR_RETURN(storage, AlignedBuffer::allocateUninitialized(bytes));
  uintptr_t address = reinterpret_cast<uintptr_t>(storage.data());
  uintptr_t aligned = (address + (alignment - 1)) & ~static_cast<uintptr_t>(alignment - 1);
  return storage.data() + (aligned - address);
}
}  // namespace

Session::Session() = default;
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

StatusOr<Session> Session::load(const std::string& path, std::string entry) {
  BRT_ASSIGN_OR_RETURN(Artifact artifact, Artifact::loadFile(path));
  StatusOr<Session> session = fromArtifact(std::move(artifact), std::move(entry));
  if (!session.ok()) return session.status().withContext(path);
  return session;
}

StatusOr<Session> Session::fromArtifact(Artifact artifact, std::string entry) {
  Session session;
  session.artifact_ = std::make_unique<Artifact>(std::move(artifact));
  const Artifact& art = *session.artifact_;
  BRT_ASSIGN_OR_RETURN(session.entry_, art.function(entry));
  const FunctionDesc& fn = *session.entry_;
  for (size_t i = 0; i < fn.arguments.size(); ++i) {
    ArgKind kind = fn.arguments[i].kind;
    if (kind == ArgKind::Input) session.inputs_.push_back(i);
    if (kind == ArgKind::Output) session.outputs_.push_back(i);
  }
  for (const DeviceDesc& device : art.desc().devices)
    if (device.kind != DeviceKind::CPU)
      return unsupportedError("device '", device.name, "' needs a provider this ",
                              "runtime was built without");
  // Each op becomes a prepared executable now; run() only calls them.
  session.cpu_ = std::make_unique<cpu::CpuProvider>();
  session.ops_.reserve(fn.ops.size());
  for (size_t i = 0; i < fn.ops.size(); ++i) {
    BRT_ASSIGN_OR_RETURN(cpu::OpExecutable op, session.cpu_->prepare(art, fn, i));
    session.ops_.push_back(std::move(op));
  }
  return session;
}

RequestContext::RequestContext(const Session& session)
    : session_(session),
      inputs_(session.inputs().size()),
      outputs_(session.outputs().size()) {}

Status RequestContext::bindInput(size_t index, const TensorView& view) {
  if (index >= inputs_.size())
    return outOfRangeError("input index ", index, " >= ", inputs_.size(), " inputs");
  const ArgumentDesc& arg = session_.entry().arguments[session_.inputs()[index]];
  BRT_RETURN_IF_ERROR(checkView("input", arg, view.dtype(), view.shape(), view.data()));
  inputs_[index] = view;
  return okStatus();
}

Status RequestContext::bindInput(const std::string& name, const TensorView& view) {
  const auto& args = session_.entry().arguments;
  for (size_t i = 0; i < session_.inputs().size(); ++i)
    if (args[session_.inputs()[i]].name == name) return bindInput(i, view);
  return notFoundError("no input named '", name, "'");
}

Status RequestContext::bindOutput(size_t index, const MutableTensorView& view) {
  if (index >= outputs_.size())
    return outOfRangeError("output index ", index, " >= ", outputs_.size(), " outputs");
  const ArgumentDesc& arg = session_.entry().arguments[session_.outputs()[index]];
  BRT_RETURN_IF_ERROR(checkView("output", arg, view.dtype(), view.shape(), view.data()));
  outputs_[index] = view;
  return okStatus();
}

StatusOr<std::vector<Tensor>> RequestContext::run() {
  const FunctionDesc& fn = session_.entry();
  std::vector<uint8_t*> argData(fn.arguments.size(), nullptr);
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const ArgumentDesc& arg = fn.arguments[session_.inputs()[i]];
    if (inputs_[i].dtype() == DType::Invalid)  // never bound
      return invalidArgumentError("input '", arg.name, "' is not bound");
    BRT_RETURN_IF_ERROR(checkExpectedValue(arg, inputs_[i]));
    argData[session_.inputs()[i]] =
        const_cast<uint8_t*>(static_cast<const uint8_t*>(inputs_[i].data()));
  }
  // Weights are used in place: the loaded artifact holds them 64-byte aligned and
  // validation guarantees that no op writes them.
  for (size_t i = 0; i < fn.arguments.size(); ++i)
    if (fn.arguments[i].kind == ArgKind::Weight)
      argData[i] = const_cast<uint8_t*>(session_.artifact().weightData(fn.arguments[i]).data);
  std::vector<Tensor> results(outputs_.size());
  for (size_t i = 0; i < outputs_.size(); ++i) {
    size_t argIndex = session_.outputs()[i];
    if (outputs_[i].dtype() != DType::Invalid) {  // bound to caller memory
      argData[argIndex] = static_cast<uint8_t*>(outputs_[i].data());
      continue;
    }
    const ArgumentDesc& arg = fn.arguments[argIndex];
    BRT_ASSIGN_OR_RETURN(results[i], Tensor::create(arg.dtype, arg.shape));
    argData[argIndex] = static_cast<uint8_t*>(results[i].data());
  }
  // One planned arena per device (memory space); buffers of kind Arena index it.
  const std::vector<DeviceDesc>& devices = session_.artifact().desc().devices;
  std::vector<AlignedBuffer> arenaStorage(devices.size());
  std::vector<uint8_t*> arenas(devices.size(), nullptr);
  for (size_t d = 0; d < devices.size(); ++d) {
    BRT_ASSIGN_OR_RETURN(arenas[d], allocateArena(devices[d], arenaStorage[d]));
  }
  std::vector<void*> pointers;
  for (size_t i = 0; i < fn.ops.size(); ++i) {
    const OpDesc& op = fn.ops[i];
    pointers.clear();
    for (const auto* list : {&op.inputs, &op.outputs})
      for (uint32_t b : *list) {
        const BufferDesc& buffer = fn.buffers[b];
        uint8_t* base = buffer.kind == BufferKind::Argument ? argData[buffer.index]
                                                            : arenas[buffer.index];
        pointers.push_back(base ? base + buffer.offset : nullptr);
      }
    Status status = session_.ops_[i](pointers.data());
    if (!status.ok())
      return status.withContext("op " + std::to_string(i) + " (" + op.callee + ")");
  }
  return results;
}

}  // namespace brt
