#include "brt/ArtifactValidate.h"

#include "ValidateUtil.h"

namespace brt {
namespace validate {

Status checkUniqueName(const std::string& what, const std::string& name,
                       std::vector<std::string>& seen) {
  if (name.empty()) return corruptError(what, " has an empty name");
  for (const std::string& other : seen)
    if (other == name) return corruptError("duplicate ", what, " name '", name, "'");
  seen.push_back(name);
  return okStatus();
}

StatusOr<uint64_t> checkedByteSize(DType dtype, const Shape& shape) {
  if (!dtypeFromValue(static_cast<uint32_t>(dtype)))
    return corruptError("unknown dtype value ", static_cast<int>(dtype));
  StatusOr<uint64_t> bytes = byteSize(dtype, shape);
  if (!bytes.ok()) return corruptError(bytes.status().message());
  return bytes;
}

namespace {
Status validateDevice(const DeviceDesc& device) {
  if (device.kind != DeviceKind::CPU && device.kind != DeviceKind::CUDA)
    return corruptError("device '", device.name, "' has unknown kind ",
                        static_cast<int>(device.kind));
  if (device.ordinal < 0)
    return corruptError("device '", device.name, "' has negative ordinal ", device.ordinal);
  uint64_t alignment = device.arenaAlignment;
  if (alignment == 0 || (alignment & (alignment - 1)) != 0)
    return corruptError("device '", device.name, "' has arena alignment ", alignment,
                        ", which is not a power of two");
  return okStatus();
}

Status validateDevices(const ArtifactDesc& artifact) {
  if (artifact.devices.empty()) return corruptError("the artifact has no devices");
  std::vector<std::string> names;
  for (const DeviceDesc& device : artifact.devices) {
    BRT_RETURN_IF_ERROR(checkUniqueName("device", device.name, names));
    BRT_RETURN_IF_ERROR(validateDevice(device));
  }
  return okStatus();
}

Status validateKernels(const ArtifactDesc& artifact) {
  std::vector<std::string> names;
  for (const KernelDesc& kernel : artifact.kernels) {
    BRT_RETURN_IF_ERROR(checkUniqueName("kernel", kernel.name, names));
    if (kernel.format != KernelFormat::SharedObject && kernel.format != KernelFormat::PTX &&
        kernel.format != KernelFormat::CUBIN)
      return corruptError("kernel '", kernel.name, "' has unknown format ",
                          static_cast<int>(kernel.format));
  }
  return okStatus();
}

Status validateFunctions(const ArtifactDesc& artifact) {
  if (artifact.functions.empty()) return corruptError("the artifact has no functions");
  std::vector<std::string> names;
  for (const FunctionDesc& function : artifact.functions) {
    BRT_RETURN_IF_ERROR(checkUniqueName("function", function.name, names));
    Status status = validateFunction(artifact, function);
    if (!status.ok()) return status.withContext("function '" + function.name + "'");
  }
  return okStatus();
}
}  // namespace
}  // namespace validate

Status validateArtifact(const ArtifactDesc& artifact) {
  Status status = validate::validateDevices(artifact);
  if (status.ok()) status = validate::validateKernels(artifact);
  if (status.ok()) status = validate::validateFunctions(artifact);
  return status.withContext("invalid artifact");
}

}  // namespace brt
