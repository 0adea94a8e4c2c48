#include "brt/ArtifactBuilder.h"

#include "ArtifactFlatbuffer.h"
#include "brt/ArtifactValidate.h"
#include "brt/FileIO.h"

namespace brt {

uint32_t ArtifactBuilder::addDevice(DeviceDesc device) {
  desc_.devices.push_back(std::move(device));
  return static_cast<uint32_t>(desc_.devices.size() - 1);
}

WeightRef ArtifactBuilder::addWeightData(const void* data, size_t size) {
  size_t offset = (weights_.size() + kWeightAlignment - 1) / kWeightAlignment * kWeightAlignment;
  weights_.resize(offset, 0);
  const uint8_t* bytes = static_cast<const uint8_t*>(data);
  if (size) weights_.insert(weights_.end(), bytes, bytes + size);
  desc_.weightsSize = weights_.size();
  return WeightRef{offset, size};
}

uint32_t ArtifactBuilder::addKernel(KernelDesc desc, std::vector<uint8_t> data) {
  desc.size = data.size();
  desc_.kernels.push_back(std::move(desc));
  kernelData_.push_back(std::move(data));
  return static_cast<uint32_t>(desc_.kernels.size() - 1);
}

uint32_t ArtifactBuilder::addFunction(FunctionDesc function) {
  desc_.functions.push_back(std::move(function));
  return static_cast<uint32_t>(desc_.functions.size() - 1);
}

StatusOr<std::vector<uint8_t>> ArtifactBuilder::finishUnchecked() const {
  // Kernels added by editing desc() directly have no data.
  std::vector<ByteSpan> kernels(desc_.kernels.size());
  for (size_t i = 0; i < kernels.size() && i < kernelData_.size(); ++i)
    kernels[i] = {kernelData_[i].data(), kernelData_[i].size()};
  return fbconv::writeModule(desc_, {weights_.data(), weights_.size()}, kernels);
}

StatusOr<std::vector<uint8_t>> ArtifactBuilder::finish() const {
  ArtifactDesc actual = desc_;
  actual.weightsSize = weights_.size();
  for (size_t i = 0; i < actual.kernels.size(); ++i)
    actual.kernels[i].size = i < kernelData_.size() ? kernelData_[i].size() : 0;
  BRT_RETURN_IF_ERROR(validateArtifact(actual));
  return finishUnchecked();
}

Status ArtifactBuilder::writeFile(const std::string& path) const {
  BRT_ASSIGN_OR_RETURN(std::vector<uint8_t> bytes, finish());
  return writeFileBytes(path, bytes.data(), bytes.size());
}

}  // namespace brt
