// The integrity checksums of format 1.1 (brt/Checksum.h), checked on load.
#include <cstdio>
#include <string>

#include "ArtifactFlatbuffer.h"
#include "brt/Checksum.h"

namespace brt::fbconv {

namespace {
std::string hex(uint64_t value) {
  char text[19];
  std::snprintf(text, sizeof(text), "0x%016llx", static_cast<unsigned long long>(value));
  return text;
}

constexpr const char* kAdvice = "; copy or recompile the model again";

Status checkBytes(const std::string& what, flatbuffers::Optional<uint64_t> stored,
                  const flatbuffers::Vector<uint8_t>* bytes) {
  if (!stored)
    return corruptError("artifact is damaged: no checksum for the bytes of ", what,
                        " (format ", kChecksumsSince, " and later require one)", kAdvice);
  uint64_t actual = bytes ? checksum64(bytes->data(), bytes->size()) : checksum64(nullptr, 0);
  if (actual != *stored)
    return corruptError("artifact is damaged: the ", bytes ? bytes->size() : 0,
                        " bytes of ", what, " do not match their checksum (stored ",
                        hex(*stored), ", computed ", hex(actual), ")", kAdvice);
  return okStatus();
}
}  // namespace

Status checkMetadataChecksum(const fb::Module& module, const ArtifactDesc& desc) {
  flatbuffers::Optional<uint64_t> stored = module.metadata_checksum();
  if (!stored)
    return corruptError("artifact is damaged: it has no metadata checksum (format ",
                        kChecksumsSince, " and later require one)", kAdvice);
  uint64_t actual = metadataChecksum(desc);
  if (actual != *stored)
    return corruptError("artifact is damaged: its metadata does not match its checksum "
                        "(stored ", hex(*stored), ", computed ", hex(actual), ")", kAdvice);
  return okStatus();
}

Status checkExpectedValuesChecksum(const fb::Module& module, const ArtifactDesc& desc) {
  if (desc.version < kExpectedValuesSince) return okStatus();
  flatbuffers::Optional<uint64_t> stored = module.expected_values_checksum();
  if (!stored)
    return corruptError("artifact is damaged: it has no checksum of its inputs' expected "
                        "values (format ", kExpectedValuesSince, " and later require one)",
                        kAdvice);
  uint64_t actual = expectedValuesChecksum(desc);
  if (actual != *stored)
    return corruptError("artifact is damaged: its inputs' expected values do not match "
                        "their checksum (stored ", hex(*stored), ", computed ", hex(actual),
                        ")", kAdvice);
  return okStatus();
}

Status checkDataChecksums(const fb::Module& module) {
  if (const auto* kernels = module.kernels()) {
    for (const fb::KernelBlob* kernel : *kernels) {
      std::string name = kernel->name() ? kernel->name()->str() : std::string();
      BRT_RETURN_IF_ERROR(checkBytes("kernel '" + name + "'", kernel->checksum(), kernel->data()));
    }
  }
  return checkBytes("the weights", module.weights_checksum(), module.weights());
}

}  // namespace brt::fbconv
