// ArtifactDesc -> FlatBuffers.
#include <limits>

#include "ArtifactFlatbuffer.h"
#include "brt/Checksum.h"

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

// Strings are written with their length (CreateString(std::string)), so that every
// value reads back exactly as given: the metadata checksum depends on it.
Offset<fb::Provenance> writeProvenance(FlatBufferBuilder& b, const Provenance& p) {
  auto compilerVersion = b.CreateString(p.compilerVersion);
  auto target = b.CreateString(p.target);
  auto options = b.CreateString(p.options);
  auto sourceHash = b.CreateString(p.sourceHash);
  return fb::CreateProvenance(b, compilerVersion, target, options, sourceHash);
}

Offset<fb::Device> writeDevice(FlatBufferBuilder& b, const DeviceDesc& d) {
  auto name = b.CreateString(d.name);
  return fb::CreateDevice(b, name, static_cast<fb::DeviceKind>(d.kind), d.ordinal, d.arenaSize,
                          d.arenaAlignment);
}

Offset<fb::Argument> writeArgument(FlatBufferBuilder& b, const ArgumentDesc& a) {
  fb::WeightRef weight(a.weight ? a.weight->offset : 0, a.weight ? a.weight->size : 0);
  auto name = b.CreateString(a.name);
  auto shape = b.CreateVector(a.shape);
  Offset<flatbuffers::Vector<uint8_t>> expected;
  if (!a.expectedValue.empty()) expected = b.CreateVector(a.expectedValue);
  return fb::CreateArgument(b, name, static_cast<fb::DType>(a.dtype), shape,
                            static_cast<fb::ArgKind>(a.kind), a.device,
                            a.weight ? &weight : nullptr, expected);
}

Offset<fb::Buffer> writeBuffer(FlatBufferBuilder& b, const BufferDesc& d) {
  auto shape = b.CreateVector(d.shape);
  return fb::CreateBuffer(b, static_cast<fb::BufferKind>(d.kind), d.index, d.offset, d.size,
                          static_cast<fb::DType>(d.dtype), shape);
}

std::pair<fb::AttrValue, Offset<void>> writeAttrValue(FlatBufferBuilder& b,
                                                      const AttrValue& value) {
  using T = fb::AttrValue;
  return std::visit(
      Overloaded{
          [&](int64_t v) { return std::pair(T::IntAttr, fb::CreateIntAttr(b, v).Union()); },
          [&](double v) {
            // FlatBuffers leaves out a field equal to its default, and -0.0 == 0.0:
            // force it in so that -0.0 keeps its sign.
            b.ForceDefaults(true);
            auto attr = fb::CreateFloatAttr(b, v);
            b.ForceDefaults(false);
            return std::pair(T::FloatAttr, attr.Union());
          },
          [&](bool v) { return std::pair(T::BoolAttr, fb::CreateBoolAttr(b, v).Union()); },
          [&](const std::string& v) {
            auto text = b.CreateString(v);
            return std::pair(T::StringAttr, fb::CreateStringAttr(b, text).Union());
          },
          [&](const std::vector<int64_t>& v) {
            auto values = b.CreateVector(v);
            return std::pair(T::IntArrayAttr, fb::CreateIntArrayAttr(b, values).Union());
          },
          [&](const std::vector<double>& v) {
            auto values = b.CreateVector(v);
            return std::pair(T::FloatArrayAttr, fb::CreateFloatArrayAttr(b, values).Union());
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
    auto name = b.CreateString(attr.name);
    attrs.push_back(fb::CreateAttribute(b, name, type, value));
  }
  auto callee = b.CreateString(op.callee);
  auto inputs = b.CreateVector(op.inputs);
  auto outputs = b.CreateVector(op.outputs);
  auto attrVector = b.CreateVector(attrs);
  return fb::CreateOp(b, callee, inputs, outputs, attrVector, op.device, op.kernel);
}

Offset<fb::Function> writeFunction(FlatBufferBuilder& b, const FunctionDesc& f) {
  std::vector<Offset<fb::Argument>> args;
  for (const ArgumentDesc& a : f.arguments) args.push_back(writeArgument(b, a));
  std::vector<Offset<fb::Buffer>> buffers;
  for (const BufferDesc& d : f.buffers) buffers.push_back(writeBuffer(b, d));
  std::vector<Offset<fb::Op>> ops;
  for (const OpDesc& op : f.ops) ops.push_back(writeOp(b, op));
  auto name = b.CreateString(f.name);
  auto argVector = b.CreateVector(args);
  auto bufferVector = b.CreateVector(buffers);
  auto opVector = b.CreateVector(ops);
  return fb::CreateFunction(b, name, argVector, bufferVector, opVector);
}

// A byte vector starting at a multiple of kWeightAlignment. (PreAlign, not
// ForceVectorAlignment, which asserts alignments above FLATBUFFERS_MAX_ALIGNMENT = 32.)
Offset<flatbuffers::Vector<uint8_t>> writeAlignedBytes(FlatBufferBuilder& b, ByteSpan bytes) {
  b.PreAlign(bytes.size, kWeightAlignment);
  return b.CreateVector(bytes.data, bytes.size);
}

// The checksum of `bytes` when the format has checksums.
flatbuffers::Optional<uint64_t> checksumFor(const ArtifactDesc& desc, ByteSpan bytes) {
  if (desc.version < kChecksumsSince) return flatbuffers::nullopt;
  return checksum64(bytes);
}

Offset<fb::KernelBlob> writeKernel(FlatBufferBuilder& b, const ArtifactDesc& desc,
                                   const KernelDesc& k, ByteSpan data) {
  auto bytes = writeAlignedBytes(b, data);
  auto name = b.CreateString(k.name);
  auto target = b.CreateString(k.target);
  return fb::CreateKernelBlob(b, name, static_cast<fb::KernelFormat>(k.format), target, bytes,
                              checksumFor(desc, data));
}

// A generous upper bound on the metadata's encoded size.
uint64_t estimateMetadataSize(const ArtifactDesc& desc) {
  uint64_t bytes = 4096;
  for (const FunctionDesc& f : desc.functions) {
    bytes += 256 + f.name.size();
    for (const ArgumentDesc& a : f.arguments)
      bytes += 256 + a.name.size() + 8 * a.shape.size() + a.expectedValue.size();
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
    kernels.push_back(writeKernel(b, desc, desc.kernels[i], kernelData[i]));
  std::vector<Offset<fb::Function>> functions;
  for (const FunctionDesc& f : desc.functions) functions.push_back(writeFunction(b, f));
  std::vector<Offset<fb::Device>> devices;
  for (const DeviceDesc& d : desc.devices) devices.push_back(writeDevice(b, d));
  fb::FormatVersion version(static_cast<uint16_t>(desc.version.major),
                            static_cast<uint16_t>(desc.version.minor));
  bool withChecksums = !(desc.version < kChecksumsSince);
  bool withExpectedValues = !(desc.version < kExpectedValuesSince);
  uint64_t metadata = metadataChecksum(desc);
  uint64_t expectedValues = expectedValuesChecksum(desc);
  auto provenance = writeProvenance(b, desc.provenance);
  auto deviceVector = b.CreateVector(devices);
  auto functionVector = b.CreateVector(functions);
  auto kernelVector = b.CreateVector(kernels);
  auto module = fb::CreateModule(
      b, &version, provenance, deviceVector, functionVector, kernelVector, weightsVector,
      checksumFor(desc, weights),
      withChecksums ? flatbuffers::Optional<uint64_t>(metadata) : flatbuffers::nullopt,
      withExpectedValues ? flatbuffers::Optional<uint64_t>(expectedValues)
                         : flatbuffers::nullopt);
  b.FinishSizePrefixed(module, kFileIdentifier);
  // The loader recomputes the metadata checksum from what it reads, so what was
  // written must read back as given.
  if (withChecksums) {
    StatusOr<ArtifactDesc> written = readModule(*fb::GetSizePrefixedModule(b.GetBufferPointer()));
    if (!written.ok() || metadataChecksum(*written) != metadata ||
        expectedValuesChecksum(*written) != expectedValues)
      return internalError("the artifact's metadata does not read back as written");
  }
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

}  // namespace brt::fbconv
