// ArtifactDesc -> FlatBuffers.
#include <limits>

#include "ArtifactFlatbuffer.h"

namespace brt::fbconv {

namespace {
using flatbuffers::FlatBufferBuilder;
using flatbuffers::Offset;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Offset<fb::Provenance> writeProvenance(FlatBufferBuilder& b, const Provenance& p) {
  return fb::CreateProvenanceDirect(b, p.compilerVersion.c_str(), p.target.c_str(),
                                    p.options.c_str(), p.sourceHash.c_str());
}

Offset<fb::Device> writeDevice(FlatBufferBuilder& b, const DeviceDesc& d) {
  return fb::CreateDeviceDirect(b, d.name.c_str(), static_cast<fb::DeviceKind>(d.kind),
                                d.ordinal, d.arenaSize, d.arenaAlignment);
}

Offset<fb::Argument> writeArgument(FlatBufferBuilder& b, const ArgumentDesc& a) {
  fb::WeightRef weight(a.weight ? a.weight->offset : 0, a.weight ? a.weight->size : 0);
  return fb::CreateArgumentDirect(b, a.name.c_str(), static_cast<fb::DType>(a.dtype),
                                  &a.shape, static_cast<fb::ArgKind>(a.kind), a.device,
                                  a.weight ? &weight : nullptr);
}

Offset<fb::Buffer> writeBuffer(FlatBufferBuilder& b, const BufferDesc& d) {
  return fb::CreateBufferDirect(b, static_cast<fb::BufferKind>(d.kind), d.index, d.offset,
                                d.size, static_cast<fb::DType>(d.dtype), &d.shape);
}

std::pair<fb::AttrValue, Offset<void>> writeAttrValue(FlatBufferBuilder& b,
                                                      const AttrValue& value) {
  using T = fb::AttrValue;
  return std::visit(
      Overloaded{
          [&](int64_t v) { return std::pair(T::IntAttr, fb::CreateIntAttr(b, v).Union()); },
          [&](double v) { return std::pair(T::FloatAttr, fb::CreateFloatAttr(b, v).Union()); },
          [&](bool v) { return std::pair(T::BoolAttr, fb::CreateBoolAttr(b, v).Union()); },
          [&](const std::string& v) {
            return std::pair(T::StringAttr, fb::CreateStringAttrDirect(b, v.c_str()).Union());
          },
          [&](const std::vector<int64_t>& v) {
            return std::pair(T::IntArrayAttr, fb::CreateIntArrayAttrDirect(b, &v).Union());
          },
          [&](const std::vector<double>& v) {
            return std::pair(T::FloatArrayAttr, fb::CreateFloatArrayAttrDirect(b, &v).Union());
          },
          [&](const std::vector<std::string>& v) {
            auto strings = b.CreateVectorOfStrings(v);
            return std::pair(T::StringArrayAttr, fb::CreateStringArrayAttr(b, strings).Union());
          },
      },
      value);
}

Offset<fb::Op> writeOp(FlatBufferBuilder& b, const OpDesc& op) {
  std::vector<Offset<fb::Attribute>> attrs;
  for (const Attribute& attr : op.attrs) {
    auto [type, value] = writeAttrValue(b, attr.value);
    attrs.push_back(fb::CreateAttributeDirect(b, attr.name.c_str(), type, value));
  }
  return fb::CreateOpDirect(b, op.callee.c_str(), &op.inputs, &op.outputs, &attrs, op.device,
                            op.kernel);
}

Offset<fb::Function> writeFunction(FlatBufferBuilder& b, const FunctionDesc& f) {
  std::vector<Offset<fb::Argument>> args;
  for (const ArgumentDesc& a : f.arguments) args.push_back(writeArgument(b, a));
  std::vector<Offset<fb::Buffer>> buffers;
  for (const BufferDesc& d : f.buffers) buffers.push_back(writeBuffer(b, d));
  std::vector<Offset<fb::Op>> ops;
  for (const OpDesc& op : f.ops) ops.push_back(writeOp(b, op));
  return fb::CreateFunctionDirect(b, f.name.c_str(), &args, &buffers, &ops);
}

// A byte vector starting at a multiple of kWeightAlignment. (PreAlign, not
// ForceVectorAlignment, which asserts alignments above FLATBUFFERS_MAX_ALIGNMENT = 32.)
Offset<flatbuffers::Vector<uint8_t>> writeAlignedBytes(FlatBufferBuilder& b, ByteSpan bytes) {
  b.PreAlign(bytes.size, kWeightAlignment);
  return b.CreateVector(bytes.data, bytes.size);
}

Offset<fb::KernelBlob> writeKernel(FlatBufferBuilder& b, const KernelDesc& k, ByteSpan data) {
  auto bytes = writeAlignedBytes(b, data);
  return fb::CreateKernelBlob(b, b.CreateString(k.name), static_cast<fb::KernelFormat>(k.format),
                              b.CreateString(k.target), bytes);
}

// A generous upper bound on the metadata's encoded size.
uint64_t estimateMetadataSize(const ArtifactDesc& desc) {
  uint64_t bytes = 4096;
  for (const FunctionDesc& f : desc.functions) {
    bytes += 256 + f.name.size();
    for (const ArgumentDesc& a : f.arguments) bytes += 256 + a.name.size() + 8 * a.shape.size();
    for (const BufferDesc& d : f.buffers) bytes += 256 + 8 * d.shape.size();
    for (const OpDesc& op : f.ops) {
      bytes += 256 + op.callee.size() + 4 * (op.inputs.size() + op.outputs.size());
      for (const Attribute& attr : op.attrs) {
        bytes += 256 + attr.name.size();
        if (auto* s = std::get_if<std::string>(&attr.value)) bytes += s->size();
        if (auto* v = std::get_if<std::vector<int64_t>>(&attr.value)) bytes += 8 * v->size();
        if (auto* v = std::get_if<std::vector<double>>(&attr.value)) bytes += 8 * v->size();
        if (auto* v = std::get_if<std::vector<std::string>>(&attr.value))
          for (const std::string& s : *v) bytes += 16 + s.size();
      }
    }
  }
  for (const DeviceDesc& d : desc.devices) bytes += 256 + d.name.size();
  for (const KernelDesc& k : desc.kernels) bytes += 256 + k.name.size() + k.target.size();
  const Provenance& p = desc.provenance;
  return bytes + p.compilerVersion.size() + p.target.size() + p.options.size() +
         p.sourceHash.size();
}

Status checkSize(const ArtifactDesc& desc, ByteSpan weights,
                 const std::vector<ByteSpan>& kernelData) {
  uint64_t total = estimateMetadataSize(desc) + weights.size + kWeightAlignment;
  for (const ByteSpan& data : kernelData) total += data.size + kWeightAlignment;
  if (total >= FLATBUFFERS_MAX_BUFFER_SIZE)
    return unsupportedError("the artifact would take about ", total,
                            " bytes; the format's limit is 2 GiB");
  if (desc.version.major > 0xFFFF || desc.version.minor > 0xFFFF)
    return invalidArgumentError("format version ", desc.version, " does not fit 16 bits");
  return okStatus();
}
}  // namespace

StatusOr<std::vector<uint8_t>> writeModule(const ArtifactDesc& desc, ByteSpan weights,
                                           const std::vector<ByteSpan>& kernelData) {
  if (kernelData.size() != desc.kernels.size())
    return internalError("kernel data for ", kernelData.size(), " of ", desc.kernels.size(),
                         " kernels");
  BRT_RETURN_IF_ERROR(checkSize(desc, weights, kernelData));
  FlatBufferBuilder b(weights.size + 65536);
  auto weightsVector = writeAlignedBytes(b, weights);
  std::vector<Offset<fb::KernelBlob>> kernels;
  for (size_t i = 0; i < desc.kernels.size(); ++i)
    kernels.push_back(writeKernel(b, desc.kernels[i], kernelData[i]));
  std::vector<Offset<fb::Function>> functions;
  for (const FunctionDesc& f : desc.functions) functions.push_back(writeFunction(b, f));
  std::vector<Offset<fb::Device>> devices;
  for (const DeviceDesc& d : desc.devices) devices.push_back(writeDevice(b, d));
  fb::FormatVersion version(static_cast<uint16_t>(desc.version.major),
                            static_cast<uint16_t>(desc.version.minor));
  auto module = fb::CreateModule(b, &version, writeProvenance(b, desc.provenance),
                                 b.CreateVector(devices), b.CreateVector(functions),
                                 b.CreateVector(kernels), weightsVector);
  b.FinishSizePrefixed(module, kFileIdentifier);
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

}  // namespace brt::fbconv
