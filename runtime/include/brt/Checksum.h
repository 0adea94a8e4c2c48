// 64-bit checksums that protect .byre artifacts against accidental damage (a flipped
// bit on disk or in transit, a truncated copy). The function is XXH64 with seed 0
// (brt's own implementation of the published algorithm, so no library is needed):
// fast (several GB/s) and good at detecting random changes. It is not a
// cryptographic hash and does not defend against deliberate tampering.
//
// The checksums stored in an artifact (format 1.1 and later, see docs/runtime.md):
//  - KernelBlob.checksum:        checksum64 of the kernel's bytes;
//  - Module.weights_checksum:    checksum64 of the weights blob;
//  - Module.metadata_checksum:   metadataChecksum() of everything else.
#pragma once

#include <cstddef>
#include <cstdint>

#include "brt/ArtifactDesc.h"
#include "brt/Bytes.h"

namespace brt {

// Streaming XXH64 (seed 0): update() any number of times, then digest(). The
// result does not depend on how the input is split.
class Checksum64 {
 public:
  Checksum64();
  void update(const void* data, size_t size);
  uint64_t digest() const;

 private:
  uint64_t acc_[4];
  uint64_t total_ = 0;      // bytes seen
  uint8_t stripe_[32];      // a partial 32-byte stripe
  size_t stripeSize_ = 0;
};

// XXH64 (seed 0) of `size` bytes.
uint64_t checksum64(const void* data, size_t size);
inline uint64_t checksum64(ByteSpan bytes) { return checksum64(bytes.data, bytes.size); }

// The checksum of an artifact's metadata: checksum64 of a canonical encoding of
// every field of `desc` that format 1.1 defines, except the byte counts of the
// kernels and of the weights (KernelDesc::size, ArtifactDesc::weightsSize), which
// their own checksums cover. The encoding is frozen: fields that later minors add
// are not part of it (see ArtifactChecksum.cpp for the exact definition).
uint64_t metadataChecksum(const ArtifactDesc& desc);

// The checksum of what format 1.2 adds to the metadata: the expected values of
// inputs (ArgumentDesc::expectedValue), per function and argument.
uint64_t expectedValuesChecksum(const ArtifactDesc& desc);

}  // namespace brt
