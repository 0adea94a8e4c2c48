#include "brt/ArtifactDesc.h"

namespace brt {

const AttrValue* OpDesc::findAttr(std::string_view name) const {
  for (const Attribute& attr : attrs)
    if (attr.name == name) return &attr.value;
  return nullptr;
}

int FunctionDesc::findArgument(std::string_view name) const {
  for (size_t i = 0; i < arguments.size(); ++i)
    if (arguments[i].name == name) return static_cast<int>(i);
  return -1;
}

const FunctionDesc* ArtifactDesc::findFunction(std::string_view name) const {
  for (const FunctionDesc& function : functions)
    if (function.name == name) return &function;
  return nullptr;
}

std::string toString(FormatVersion version) {
  return std::to_string(version.major) + "." + std::to_string(version.minor);
}

std::ostream& operator<<(std::ostream& os, FormatVersion version) {
  return os << toString(version);
}

const char* deviceKindName(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::CPU: return "cpu";
    case DeviceKind::CUDA: return "cuda";
  }
  return "unknown";
}

const char* argKindName(ArgKind kind) {
  switch (kind) {
    case ArgKind::Input: return "input";
    case ArgKind::Output: return "output";
    case ArgKind::Weight: return "weight";
  }
  return "unknown";
}

const char* bufferKindName(BufferKind kind) {
  switch (kind) {
    case BufferKind::Arena: return "arena";
    case BufferKind::Argument: return "argument";
  }
  return "unknown";
}

const char* kernelFormatName(KernelFormat format) {
  switch (format) {
    case KernelFormat::SharedObject: return "shared-object";
    case KernelFormat::PTX: return "ptx";
    case KernelFormat::CUBIN: return "cubin";
  }
  return "unknown";
}

bool operator==(const FormatVersion& a, const FormatVersion& b) {
  return a.major == b.major && a.minor == b.minor;
}
bool operator<(const FormatVersion& a, const FormatVersion& b) {
  return a.major != b.major ? a.major < b.major : a.minor < b.minor;
}
bool operator==(const Provenance& a, const Provenance& b) {
  return a.compilerVersion == b.compilerVersion && a.target == b.target &&
         a.options == b.options && a.sourceHash == b.sourceHash;
}
bool operator==(const DeviceDesc& a, const DeviceDesc& b) {
  return a.name == b.name && a.kind == b.kind && a.ordinal == b.ordinal &&
         a.arenaSize == b.arenaSize && a.arenaAlignment == b.arenaAlignment;
}
bool operator==(const WeightRef& a, const WeightRef& b) {
  return a.offset == b.offset && a.size == b.size;
}
bool operator==(const ArgumentDesc& a, const ArgumentDesc& b) {
  return a.name == b.name && a.dtype == b.dtype && a.shape == b.shape &&
         a.kind == b.kind && a.device == b.device && a.weight == b.weight &&
         a.expectedValue == b.expectedValue;
}
bool operator==(const BufferDesc& a, const BufferDesc& b) {
  return a.kind == b.kind && a.index == b.index && a.offset == b.offset &&
         a.size == b.size && a.dtype == b.dtype && a.shape == b.shape;
}
bool operator==(const Attribute& a, const Attribute& b) {
  return a.name == b.name && a.value == b.value;
}
bool operator==(const OpDesc& a, const OpDesc& b) {
  return a.callee == b.callee && a.inputs == b.inputs && a.outputs == b.outputs &&
         a.attrs == b.attrs && a.device == b.device && a.kernel == b.kernel;
}
bool operator==(const FunctionDesc& a, const FunctionDesc& b) {
  return a.name == b.name && a.arguments == b.arguments && a.buffers == b.buffers &&
         a.ops == b.ops;
}
bool operator==(const KernelDesc& a, const KernelDesc& b) {
  return a.name == b.name && a.format == b.format && a.target == b.target &&
         a.size == b.size;
}
bool operator==(const ArtifactDesc& a, const ArtifactDesc& b) {
  return a.version == b.version && a.provenance == b.provenance &&
         a.devices == b.devices && a.functions == b.functions && a.kernels == b.kernels &&
         a.weightsSize == b.weightsSize;
}

}  // namespace brt
