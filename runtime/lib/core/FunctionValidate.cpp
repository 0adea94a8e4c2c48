// Validation of one function: its arguments, buffers and ops.
#include "ValidateUtil.h"

namespace brt::validate {

namespace {
struct Context {
  const ArtifactDesc& artifact;
  const FunctionDesc& function;
  std::vector<uint64_t> argumentBytes = {};  // byte size of each argument
};

Status checkDeviceIndex(const Context& ctx, uint32_t device) {
  if (device >= ctx.artifact.devices.size())
    return corruptError("device index ", device, " is out of range (the artifact has ",
                        ctx.artifact.devices.size(), " devices)");
  return okStatus();
}

Status validateWeight(const Context& ctx, const ArgumentDesc& arg, uint64_t bytes) {
  if (arg.kind != ArgKind::Weight) {
    if (arg.weight) return corruptError("is an ", argKindName(arg.kind), " but has weight data");
    return okStatus();
  }
  if (!arg.weight) return corruptError("is a weight without a weight reference");
  const WeightRef& weight = *arg.weight;
  if (weight.offset % kWeightAlignment != 0)
    return corruptError("weight data at offset ", weight.offset, " is not aligned to ",
                        kWeightAlignment, " bytes");
  if (weight.size != bytes)
    return corruptError("weight data has ", weight.size, " bytes but ",
                        typeToString(arg.dtype, arg.shape), " needs ", bytes);
  if (!fitsWithin(weight.offset, weight.size, ctx.artifact.weightsSize))
    return corruptError("weight data (offset ", weight.offset, ", size ", weight.size,
                        ") lies outside the weights blob of ", ctx.artifact.weightsSize,
                        " bytes");
  return okStatus();
}

// An expected value (1.2) is the exact bytes of an input.
Status validateExpectedValue(const Context& ctx, const ArgumentDesc& arg, uint64_t bytes) {
  if (arg.expectedValue.empty()) return okStatus();
  if (arg.kind != ArgKind::Input)
    return corruptError("has an expected value, but only inputs have one (it is ",
                        arg.kind == ArgKind::Weight ? "a weight" : "an output", ")");
  if (ctx.artifact.version < kExpectedValuesSince)
    return corruptError("has an expected value, which format ", ctx.artifact.version,
                        " does not define (", kExpectedValuesSince, " and later do)");
  if (arg.expectedValue.size() != bytes)
    return corruptError("expected value has ", arg.expectedValue.size(), " bytes but ",
                        typeToString(arg.dtype, arg.shape), " needs ", bytes);
  return okStatus();
}

Status validateArgument(Context& ctx, const ArgumentDesc& arg) {
  if (arg.kind != ArgKind::Input && arg.kind != ArgKind::Output && arg.kind != ArgKind::Weight)
    return corruptError("unknown argument kind ", static_cast<int>(arg.kind));
  BRT_ASSIGN_OR_RETURN(uint64_t bytes, checkedByteSize(arg.dtype, arg.shape));
  BRT_RETURN_IF_ERROR(checkDeviceIndex(ctx, arg.device));
  BRT_RETURN_IF_ERROR(validateWeight(ctx, arg, bytes));
  BRT_RETURN_IF_ERROR(validateExpectedValue(ctx, arg, bytes));
  ctx.argumentBytes.push_back(bytes);
  return okStatus();
}

Status validateArguments(Context& ctx) {
  std::vector<std::string> names;
  for (const ArgumentDesc& arg : ctx.function.arguments) {
    BRT_RETURN_IF_ERROR(checkUniqueName("argument", arg.name, names));
    Status status = validateArgument(ctx, arg);
    if (!status.ok()) return status.withContext("argument '" + arg.name + "'");
  }
  return okStatus();
}

Status validateArenaSlice(const Context& ctx, const BufferDesc& buffer) {
  BRT_RETURN_IF_ERROR(checkDeviceIndex(ctx, buffer.index));
  const DeviceDesc& device = ctx.artifact.devices[buffer.index];
  if (!fitsWithin(buffer.offset, buffer.size, device.arenaSize))
    return corruptError("arena offset ", buffer.offset, " + size ", buffer.size,
                        " exceeds the ", device.arenaSize, "-byte arena of device '",
                        device.name, "'");
  return okStatus();
}

Status validateArgumentSlice(const Context& ctx, const BufferDesc& buffer) {
  const auto& args = ctx.function.arguments;
  if (buffer.index >= args.size())
    return corruptError("argument index ", buffer.index, " is out of range (the function has ",
                        args.size(), " arguments)");
  const ArgumentDesc& arg = args[buffer.index];
  if (buffer.dtype != arg.dtype)
    return corruptError("dtype ", buffer.dtype, " differs from the dtype ", arg.dtype,
                        " of argument '", arg.name, "'");
  if (!fitsWithin(buffer.offset, buffer.size, ctx.argumentBytes[buffer.index]))
    return corruptError("offset ", buffer.offset, " + size ", buffer.size,
                        " exceeds the ", ctx.argumentBytes[buffer.index],
                        " bytes of argument '", arg.name, "'");
  return okStatus();
}

Status validateBuffer(const Context& ctx, const BufferDesc& buffer) {
  if (buffer.kind != BufferKind::Arena && buffer.kind != BufferKind::Argument)
    return corruptError("unknown buffer kind ", static_cast<int>(buffer.kind));
  BRT_ASSIGN_OR_RETURN(uint64_t bytes, checkedByteSize(buffer.dtype, buffer.shape));
  if (buffer.size != bytes)
    return corruptError("size ", buffer.size, " differs from the ", bytes, " bytes of ",
                        typeToString(buffer.dtype, buffer.shape));
  if (buffer.offset % dtypeSize(buffer.dtype) != 0)
    return corruptError("offset ", buffer.offset, " is not a multiple of the ",
                        dtypeSize(buffer.dtype), "-byte element size");
  if (buffer.kind == BufferKind::Arena) return validateArenaSlice(ctx, buffer);
  return validateArgumentSlice(ctx, buffer);
}

Status validateBuffers(const Context& ctx) {
  const auto& buffers = ctx.function.buffers;
  for (size_t i = 0; i < buffers.size(); ++i) {
    Status status = validateBuffer(ctx, buffers[i]);
    if (!status.ok()) return status.withContext("buffer " + std::to_string(i));
  }
  return okStatus();
}

// The device whose memory holds the (already validated) buffer.
uint32_t memorySpaceOf(const Context& ctx, const BufferDesc& buffer) {
  if (buffer.kind == BufferKind::Arena) return buffer.index;
  return ctx.function.arguments[buffer.index].device;
}

bool aliasesWeight(const Context& ctx, const BufferDesc& buffer) {
  return buffer.kind == BufferKind::Argument &&
         ctx.function.arguments[buffer.index].kind == ArgKind::Weight;
}

Status validateOperands(const Context& ctx, const OpDesc& op, bool outputs) {
  const auto& list = outputs ? op.outputs : op.inputs;
  const char* role = outputs ? "output" : "input";
  const auto& buffers = ctx.function.buffers;
  bool isCopy = op.callee == kCopyOpCallee;
  for (size_t i = 0; i < list.size(); ++i) {
    if (list[i] >= buffers.size())
      return corruptError(role, " ", i, " is buffer ", list[i],
                          ", out of range (the function has ", buffers.size(), " buffers)");
    const BufferDesc& buffer = buffers[list[i]];
    uint32_t space = memorySpaceOf(ctx, buffer);
    if (!isCopy && space != op.device)
      return corruptError(role, " ", i, " (buffer ", list[i], ") lives on device '",
                          ctx.artifact.devices[space].name, "' but the op runs on '",
                          ctx.artifact.devices[op.device].name, "' (only ", kCopyOpCallee,
                          " crosses memory spaces)");
    if (outputs && aliasesWeight(ctx, buffer))
      return corruptError("output ", i, " (buffer ", list[i], ") writes to weight '",
                          ctx.function.arguments[buffer.index].name, "'");
  }
  return okStatus();
}

Status validateCopy(const Context& ctx, const OpDesc& op) {
  if (op.inputs.size() != 1 || op.outputs.size() != 1)
    return corruptError(kCopyOpCallee, " needs one input and one output, not ",
                        op.inputs.size(), " and ", op.outputs.size());
  const BufferDesc& from = ctx.function.buffers[op.inputs[0]];
  const BufferDesc& to = ctx.function.buffers[op.outputs[0]];
  if (from.size != to.size)
    return corruptError(kCopyOpCallee, " copies ", from.size, " bytes into a buffer of ",
                        to.size);
  return okStatus();
}

// A shared object runs on a CPU device, PTX and CUBIN on a CUDA device.
Status validateKernelRef(const Context& ctx, const OpDesc& op) {
  if (op.kernel == -1) return okStatus();
  if (op.kernel < -1 || op.kernel >= static_cast<int64_t>(ctx.artifact.kernels.size()))
    return corruptError("kernel index ", op.kernel, " is out of range (the artifact has ",
                        ctx.artifact.kernels.size(), " kernels)");
  const KernelDesc& kernel = ctx.artifact.kernels[op.kernel];
  const DeviceDesc& device = ctx.artifact.devices[op.device];
  DeviceKind needed =
      kernel.format == KernelFormat::SharedObject ? DeviceKind::CPU : DeviceKind::CUDA;
  if (device.kind != needed)
    return corruptError("kernel '", kernel.name, "' (", kernelFormatName(kernel.format),
                        ") cannot run on device '", device.name, "'");
  return okStatus();
}

Status validateOp(const Context& ctx, const OpDesc& op) {
  BRT_RETURN_IF_ERROR(checkDeviceIndex(ctx, op.device));
  BRT_RETURN_IF_ERROR(validateKernelRef(ctx, op));
  std::vector<std::string> names;
  for (const Attribute& attr : op.attrs)
    BRT_RETURN_IF_ERROR(checkUniqueName("attribute", attr.name, names));
  BRT_RETURN_IF_ERROR(validateOperands(ctx, op, /*outputs=*/false));
  BRT_RETURN_IF_ERROR(validateOperands(ctx, op, /*outputs=*/true));
  if (op.callee == kCopyOpCallee) return validateCopy(ctx, op);
  return okStatus();
}

Status validateOps(const Context& ctx) {
  const auto& ops = ctx.function.ops;
  for (size_t i = 0; i < ops.size(); ++i) {
    std::string where = "op " + std::to_string(i) + " (" + ops[i].callee + ")";
    if (ops[i].callee.empty()) return corruptError("op ", i, " has an empty callee");
    Status status = validateOp(ctx, ops[i]);
    if (!status.ok()) return status.withContext(where);
  }
  return okStatus();
}
}  // namespace

Status validateFunction(const ArtifactDesc& artifact, const FunctionDesc& function) {
  Context ctx{artifact, function};
  BRT_RETURN_IF_ERROR(validateArguments(ctx));
  BRT_RETURN_IF_ERROR(validateBuffers(ctx));
  return validateOps(ctx);
}

}  // namespace brt::validate
