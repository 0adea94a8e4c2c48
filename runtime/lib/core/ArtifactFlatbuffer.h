// Internal: conversion between brt::ArtifactDesc and the FlatBuffers encoding
// (byre_generated.h, generated from runtime/schema/byre.fbs), and the checks
// done on raw artifact bytes before anything reads them.
#pragma once

#include <cstdint>
#include <vector>

#include "brt/ArtifactDesc.h"
#include "brt/Bytes.h"
#include "brt/Status.h"
#include "byre_generated.h"

namespace brt::fbconv {

// Size prefix, root offset and file identifier: the first 12 bytes.
inline constexpr size_t kHeaderSize = 12;
inline constexpr const char* kFileIdentifier = "BYRE";

// Size limits, the "BYRE" identifier and the size prefix.
Status checkEnvelope(const uint8_t* data, size_t size);
// Reads Module.version after verifying only the root table and that field.
// Precondition: checkEnvelope passed.
StatusOr<FormatVersion> peekVersion(const uint8_t* data, size_t size);
// Unsupported for a newer major or an older unsupported one.
Status checkFormatVersion(FormatVersion version);
// The full FlatBuffers verifier.
Status verifyStructure(const uint8_t* data, size_t size);
// The weights blob starts at a multiple of kWeightAlignment from `base`.
Status checkWeightsAlignment(const fb::Module& module, const uint8_t* base);

// Reads a verified module. Fails only on values the schema cannot rule out,
// such as an attribute without a value.
StatusOr<ArtifactDesc> readModule(const fb::Module& module);

// Integrity (format 1.1+; brt/Checksum.h). Corrupt, saying the artifact is damaged,
// when a checksum is missing or does not match.
// Module.metadata_checksum against metadataChecksum(desc), `desc` read from `module`.
Status checkMetadataChecksum(const fb::Module& module, const ArtifactDesc& desc);
// Module.expected_values_checksum (1.2+) against expectedValuesChecksum(desc).
Status checkExpectedValuesChecksum(const fb::Module& module, const ArtifactDesc& desc);
// Every KernelBlob.checksum and Module.weights_checksum against the bytes.
Status checkDataChecksums(const fb::Module& module);

// Serializes; `kernelData[i]` holds the bytes of desc.kernels[i].
StatusOr<std::vector<uint8_t>> writeModule(const ArtifactDesc& desc, ByteSpan weights,
                                           const std::vector<ByteSpan>& kernelData);

}  // namespace brt::fbconv
