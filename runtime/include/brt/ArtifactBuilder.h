// Builds .byre artifacts: used by tests and by the compiler's serializer.
//
//   ArtifactBuilder builder;
//   uint32_t cpu = builder.addDevice({"cpu", DeviceKind::CPU, 0, arenaBytes});
//   WeightRef w = builder.addWeightData(bytes, size);      // 64-byte aligned
//   FunctionDesc main{"main", {...arguments...}, {...buffers...}, {...ops...}};
//   builder.addFunction(std::move(main));
//   Status s = builder.writeFile("model.byre");             // validates first
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "brt/ArtifactDesc.h"
#include "brt/Status.h"

namespace brt {

class ArtifactBuilder {
 public:
  ArtifactBuilder() = default;

  // Defaults to kFormatVersion; other values are for testing version checks.
  void setFormatVersion(FormatVersion version) { desc_.version = version; }
  void setProvenance(Provenance provenance) { desc_.provenance = std::move(provenance); }
  // Returns the device index.
  uint32_t addDevice(DeviceDesc device);
  // Appends bytes to the weights blob at the next 64-byte boundary.
  WeightRef addWeightData(const void* data, size_t size);
  // Returns the kernel index. desc.size is set from the data.
  uint32_t addKernel(KernelDesc desc, std::vector<uint8_t> data);
  // Returns the function index.
  uint32_t addFunction(FunctionDesc function);

  // Everything added so far; editable (tests use this to break invariants).
  ArtifactDesc& desc() { return desc_; }
  const ArtifactDesc& desc() const { return desc_; }

  // validateArtifact(), then the encoded bytes, with the integrity checksums of
  // format 1.1 (omitted when the format version is set below 1.1).
  StatusOr<std::vector<uint8_t>> finish() const;
  // The encoded bytes without semantic validation (for testing the loader).
  StatusOr<std::vector<uint8_t>> finishUnchecked() const;
  // finish(), written to `path`.
  Status writeFile(const std::string& path) const;

 private:
  ArtifactDesc desc_;
  std::vector<uint8_t> weights_;
  std::vector<std::vector<uint8_t>> kernelData_;
};

}  // namespace brt
