// FlatBuffers (verified) -> ArtifactDesc.
#include <cstring>

#include "ArtifactFlatbuffer.h"

namespace brt::fbconv {

namespace {
using flatbuffers::Vector;

std::string str(const flatbuffers::String* s) { return s ? s->str() : std::string(); }

static_assert(FLATBUFFERS_LITTLEENDIAN, "brt reads artifacts on little-endian hosts only");

// Copies a vector of scalars. The verifier checks the vector's length field but
// not that 8-byte elements are 8-byte aligned, so read them with memcpy.
template <class T>
std::vector<T> vec(const Vector<T>* v) {
  std::vector<T> out;
  if (v && v->size()) {
    out.resize(v->size());
    std::memcpy(out.data(), v->Data(), v->size() * sizeof(T));
  }
  return out;
}

Provenance readProvenance(const fb::Provenance* p) {
  if (!p) return {};
  return {str(p->compiler_version()), str(p->target()), str(p->options()),
          str(p->source_hash())};
}

DeviceDesc readDevice(const fb::Device& d) {
  return {str(d.name()), static_cast<DeviceKind>(d.kind()), d.ordinal(), d.arena_size(),
          d.arena_alignment()};
}

ArgumentDesc readArgument(const fb::Argument& a) {
  ArgumentDesc arg;
  arg.name = str(a.name());
  arg.dtype = static_cast<DType>(a.dtype());
  arg.shape = vec(a.shape());
  arg.kind = static_cast<ArgKind>(a.kind());
  arg.device = a.device();
  if (const fb::WeightRef* w = a.weight()) arg.weight = WeightRef{w->offset(), w->size()};
  arg.expectedValue = vec(a.expected_value());
  return arg;
}

BufferDesc readBuffer(const fb::Buffer& b) {
  return {static_cast<BufferKind>(b.kind()), b.index(), b.offset(), b.size(),
          static_cast<DType>(b.dtype()), vec(b.shape())};
}

std::vector<std::string> readStrings(const Vector<flatbuffers::Offset<flatbuffers::String>>* v) {
  std::vector<std::string> out;
  if (v)
    for (const flatbuffers::String* s : *v) out.push_back(str(s));
  return out;
}

StatusOr<AttrValue> readAttrValue(const fb::Attribute& a) {
  using T = fb::AttrValue;
  if (a.value_type() == T::NONE || !a.value())
    return corruptError("attribute '", str(a.name()), "' has no value");
  switch (a.value_type()) {
    case T::IntAttr: return AttrValue(a.value_as_IntAttr()->value());
    case T::FloatAttr: return AttrValue(a.value_as_FloatAttr()->value());
    case T::BoolAttr: return AttrValue(a.value_as_BoolAttr()->value());
    case T::StringAttr: return AttrValue(str(a.value_as_StringAttr()->value()));
    case T::IntArrayAttr: return AttrValue(vec(a.value_as_IntArrayAttr()->values()));
    case T::FloatArrayAttr: return AttrValue(vec(a.value_as_FloatArrayAttr()->values()));
    case T::StringArrayAttr: return AttrValue(readStrings(a.value_as_StringArrayAttr()->values()));
    case T::NONE: break;
  }
  return unsupportedError("attribute '", str(a.name()), "' has a value type (",
                          static_cast<int>(a.value_type()), ") unknown to this runtime");
}

StatusOr<OpDesc> readOp(const fb::Op& o) {
  OpDesc op;
  op.callee = str(o.callee());
  op.inputs = vec(o.inputs());
  op.outputs = vec(o.outputs());
  op.device = o.device();
  op.kernel = o.kernel();
  if (o.attrs()) {
    for (const fb::Attribute* a : *o.attrs()) {
      StatusOr<AttrValue> value = readAttrValue(*a);
      if (!value.ok()) return value.status().withContext("op '" + op.callee + "'");
      op.attrs.push_back({str(a->name()), std::move(*value)});
    }
  }
  return op;
}

StatusOr<FunctionDesc> readFunction(const fb::Function& f) {
  FunctionDesc function;
  function.name = str(f.name());
  if (f.arguments())
    for (const fb::Argument* a : *f.arguments()) function.arguments.push_back(readArgument(*a));
  if (f.buffers())
    for (const fb::Buffer* b : *f.buffers()) function.buffers.push_back(readBuffer(*b));
  if (f.ops()) {
    for (const fb::Op* o : *f.ops()) {
      StatusOr<OpDesc> op = readOp(*o);
      if (!op.ok()) return op.status().withContext("function '" + function.name + "'");
      function.ops.push_back(std::move(*op));
    }
  }
  return function;
}

KernelDesc readKernel(const fb::KernelBlob& k) {
  return {str(k.name()), static_cast<KernelFormat>(k.format()), str(k.target()),
          k.data() ? k.data()->size() : 0u};
}
}  // namespace

StatusOr<ArtifactDesc> readModule(const fb::Module& m) {
  ArtifactDesc desc;
  if (const fb::FormatVersion* v = m.version())
    desc.version = {v->major_version(), v->minor_version()};
  desc.provenance = readProvenance(m.provenance());
  if (m.devices())
    for (const fb::Device* d : *m.devices()) desc.devices.push_back(readDevice(*d));
  if (m.functions()) {
    for (const fb::Function* f : *m.functions()) {
      StatusOr<FunctionDesc> function = readFunction(*f);
      if (!function.ok()) {
        // Only a newer format can hold a value this runtime does not know.
        if (function.status().code() == StatusCode::Unsupported && !(kFormatVersion < desc.version))
          return corruptError(function.status().message(), ", which format ", desc.version,
                              " does not define: the artifact is damaged");
        return function.status();
      }
      desc.functions.push_back(std::move(*function));
    }
  }
  if (m.kernels())
    for (const fb::KernelBlob* k : *m.kernels()) desc.kernels.push_back(readKernel(*k));
  desc.weightsSize = m.weights() ? m.weights()->size() : 0;
  return desc;
}

}  // namespace brt::fbconv
