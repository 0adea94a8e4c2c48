#include "brt/Artifact.h"

#include "ArtifactFlatbuffer.h"
#include "brt/ArtifactValidate.h"
#include "brt/FileIO.h"

namespace brt {

namespace {
ByteSpan spanOf(const flatbuffers::Vector<uint8_t>* bytes) {
  if (!bytes) return {};
  return {bytes->data(), bytes->size()};
}

// Every check on raw bytes, in order; then the module is safe to read.
StatusOr<const fb::Module*> verifyBytes(const uint8_t* data, size_t size) {
  BRT_RETURN_IF_ERROR(fbconv::checkEnvelope(data, size));
  BRT_ASSIGN_OR_RETURN(FormatVersion version, fbconv::peekVersion(data, size));
  BRT_RETURN_IF_ERROR(fbconv::checkFormatVersion(version));
  BRT_RETURN_IF_ERROR(fbconv::verifyStructure(data, size));
  const fb::Module* module = fb::GetSizePrefixedModule(data);
  BRT_RETURN_IF_ERROR(fbconv::checkWeightsAlignment(*module, data));
  return module;
}
}  // namespace

StatusOr<Artifact> Artifact::loadBuffer(AlignedBuffer bytes) {
  BRT_ASSIGN_OR_RETURN(const fb::Module* module, verifyBytes(bytes.data(), bytes.size()));
  BRT_ASSIGN_OR_RETURN(ArtifactDesc desc, fbconv::readModule(*module));
  // The checksums catch damage the checks above cannot see: values that are
  // well-formed but not what the compiler wrote (an op's operand list, a shape),
  // and the kernels' machine code and the weights, which nothing else checks.
  BRT_RETURN_IF_ERROR(fbconv::checkMetadataChecksum(*module, desc));
  BRT_RETURN_IF_ERROR(fbconv::checkExpectedValuesChecksum(*module, desc));
  BRT_RETURN_IF_ERROR(validateArtifact(desc));
  BRT_RETURN_IF_ERROR(fbconv::checkDataChecksums(*module));
  Artifact artifact;
  artifact.weights_ = spanOf(module->weights());
  if (module->kernels())
    for (const fb::KernelBlob* kernel : *module->kernels())
      artifact.kernels_.push_back(spanOf(kernel->data()));
  artifact.desc_ = std::move(desc);
  artifact.storage_ = std::move(bytes);  // moves the pointer; the spans stay valid
  return artifact;
}

StatusOr<Artifact> Artifact::loadBytes(const void* data, size_t size) {
  BRT_RETURN_IF_ERROR(fbconv::checkEnvelope(static_cast<const uint8_t*>(data), size));
  BRT_ASSIGN_OR_RETURN(AlignedBuffer bytes, AlignedBuffer::copyOf(data, size));
  return loadBuffer(std::move(bytes));
}

StatusOr<Artifact> Artifact::loadFile(const std::string& path) {
  StatusOr<AlignedBuffer> bytes = readFileBytes(path, FLATBUFFERS_MAX_BUFFER_SIZE);
  if (!bytes.ok()) return bytes.status();
  StatusOr<Artifact> artifact = loadBuffer(std::move(*bytes));
  if (!artifact.ok()) return artifact.status().withContext(path);
  return artifact;
}

ByteSpan Artifact::weightData(const ArgumentDesc& argument) const {
  if (argument.kind != ArgKind::Weight || !argument.weight) return {};
  const WeightRef& ref = *argument.weight;
  if (ref.offset > weights_.size || ref.size > weights_.size - ref.offset) return {};
  return {weights_.data + ref.offset, ref.size};
}

ByteSpan Artifact::kernelData(size_t index) const {
  return index < kernels_.size() ? kernels_[index] : ByteSpan{};
}

StatusOr<const FunctionDesc*> Artifact::function(std::string_view name) const {
  if (const FunctionDesc* function = desc_.findFunction(name)) return function;
  std::string names;
  for (const FunctionDesc& f : desc_.functions)
    names += (names.empty() ? "'" : ", '") + f.name + "'";
  return notFoundError("the artifact has no function '", name, "' (it has ", names, ")");
}

}  // namespace brt
