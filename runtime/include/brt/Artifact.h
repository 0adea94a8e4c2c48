// A loaded, verified .byre artifact. Loading runs every check before returning:
// size and identifier, the format version (a newer major and formats without
// checksums are refused), the FlatBuffers verifier, the metadata checksum (and from
// 1.2 the checksum of the inputs' expected values), the semantic invariants of validateArtifact(), and the checksums of the kernels'
// bytes and of the weights (brt/Checksum.h; a mismatch is Corrupt, "artifact is
// damaged: ...").
// An Artifact is immutable after load; all accessors are const and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "brt/ArtifactDesc.h"
#include "brt/Bytes.h"
#include "brt/Status.h"

namespace brt {

class Artifact {
 public:
  // Reads the file into 64-byte aligned memory and verifies it. Errors carry the
  // path as a prefix.
  static StatusOr<Artifact> loadFile(const std::string& path);
  // Copies the bytes into 64-byte aligned memory and verifies them.
  static StatusOr<Artifact> loadBytes(const void* data, size_t size);
  // Takes ownership of the bytes and verifies them (no copy).
  static StatusOr<Artifact> loadBuffer(AlignedBuffer bytes);

  Artifact(Artifact&&) = default;
  Artifact& operator=(Artifact&&) = default;

  const ArtifactDesc& desc() const { return desc_; }
  const FormatVersion& version() const { return desc_.version; }
  // The whole weights blob (64-byte aligned in memory).
  ByteSpan weights() const { return weights_; }
  // The bytes of a weight argument (empty for other arguments).
  ByteSpan weightData(const ArgumentDesc& argument) const;
  // The bytes of desc().kernels[index] (empty if out of range).
  ByteSpan kernelData(size_t index) const;
  // The function with this name, or NotFound listing the ones there are.
  StatusOr<const FunctionDesc*> function(std::string_view name) const;

 private:
  Artifact() = default;

  AlignedBuffer storage_;  // the file's bytes; weights_ and kernels_ point into it
  ArtifactDesc desc_;
  ByteSpan weights_;
  std::vector<ByteSpan> kernels_;
};

}  // namespace brt
