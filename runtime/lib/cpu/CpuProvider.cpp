#include "CpuProvider.h"

#include <cstring>

#include "DnnlOps.h"
#include "KernelLibrary.h"
#include "LibraryOps.h"
#include "OpChecks.h"

namespace brt::cpu {

namespace {
constexpr std::string_view kLLVMKernelOpCallee = "LLVMKernelOp";

OpExecutable noop() {
  return [](void**) { return okStatus(); };
}

// Writes `bytes` zero bytes to output `index` (a library op with an empty reduction).
OpExecutable zeroFill(size_t index, uint64_t bytes) {
  return [index, bytes](void** buffers) {
    std::memset(buffers[index], 0, bytes);
    return okStatus();
  };
}

// CopyOp: inputs [src], outputs [dst] of equal byte size (any dtypes and shapes: a
// copy may also reinterpret). memmove, so overlapping buffers are copied correctly.
StatusOr<OpExecutable> prepareCopy(const OpContext& ctx) {
  BRT_RETURN_IF_ERROR(checkOperandCount(ctx, 1, 1));
  BRT_RETURN_IF_ERROR(checkKnownAttrs(ctx, {}));
  const BufferDesc &src = ctx.input(0), &dst = ctx.output(0);
  if (src.size != dst.size)
    return corruptError("copies ", src.size, " bytes (", typeOf(src), ") into ", dst.size,
                        " bytes (", typeOf(dst), ")");
  if (src.size == 0) return noop();
  uint64_t bytes = src.size;
  return OpExecutable([bytes](void** buffers) {
    if (buffers[0] != buffers[1]) std::memmove(buffers[1], buffers[0], bytes);
    return okStatus();
  });
}
}  // namespace

CpuProvider::CpuProvider() = default;
CpuProvider::~CpuProvider() = default;

bool CpuProvider::serves(std::string_view callee) {
  return callee == kLLVMKernelOpCallee || callee == kCopyOpCallee ||
         callee == kMatmulOpCallee || callee == kConvOpCallee;
}

StatusOr<DnnlContext*> CpuProvider::dnnl() {
  if (!dnnl_) {
    BRT_ASSIGN_OR_RETURN(dnnl_, DnnlContext::create());
  }
  return dnnl_.get();
}

// LLVMKernelOp: calls the `void kernel_name(void**)` entry of kernel object op.kernel
// with the buffers (inputs then outputs). What it computes is the kernel's business.
StatusOr<OpExecutable> CpuProvider::prepareKernelCall(const OpContext& ctx) {
  const OpDesc& op = ctx.op;
  const AttrValue* symbol = op.findAttr("kernel_name");
  if (op.kernel < 0 || !symbol || !std::holds_alternative<std::string>(*symbol))
    return corruptError("needs a kernel and a string attribute 'kernel_name'");
  const std::vector<KernelDesc>& kernels = ctx.artifact.desc().kernels;
  if (static_cast<size_t>(op.kernel) >= kernels.size())
    return corruptError("kernel index ", op.kernel, " is out of range (the artifact has ",
                        kernels.size(), " kernels)");
  if (kernels_.size() < kernels.size()) kernels_.resize(kernels.size());
  std::unique_ptr<KernelLibrary>& library = kernels_[op.kernel];
  if (!library) {
    const KernelDesc& kernel = kernels[op.kernel];
    if (kernel.format != KernelFormat::SharedObject)
      return unsupportedError("kernel '", kernel.name, "' is ",
                              kernelFormatName(kernel.format), ", not a shared object");
    BRT_ASSIGN_OR_RETURN(library, KernelLibrary::load(kernel.name,
                                                      ctx.artifact.kernelData(op.kernel)));
  }
  BRT_ASSIGN_OR_RETURN(KernelEntry entry, library->entry(std::get<std::string>(*symbol)));
  return OpExecutable([entry](void** buffers) {
    entry(buffers);
    return okStatus();
  });
}

StatusOr<OpExecutable> CpuProvider::prepare(const Artifact& artifact,
                                            const FunctionDesc& function, size_t index) {
  const OpDesc& op = function.ops.at(index);
  if (!serves(op.callee))
    return unsupportedError("op ", index, " calls '", op.callee, "', which no provider serves");
  OpContext ctx{artifact, function, index, op};
  StatusOr<OpExecutable> prepared = [&]() -> StatusOr<OpExecutable> {
    if (op.callee == kLLVMKernelOpCallee) return prepareKernelCall(ctx);
    if (op.callee == kCopyOpCallee) return prepareCopy(ctx);
    if (op.callee == kMatmulOpCallee) {
      BRT_ASSIGN_OR_RETURN(MatmulPlan plan, planMatmul(ctx));
      if (ctx.output(0).size == 0) return noop();
      if (plan.k == 0) return zeroFill(2, ctx.output(0).size);
      BRT_ASSIGN_OR_RETURN(DnnlContext * library, dnnl());
      return library->prepareMatmul(plan);
    }
    BRT_ASSIGN_OR_RETURN(ConvPlan plan, planConv(ctx));  // kConvOpCallee
    if (ctx.output(0).size == 0) return noop();
    if (plan.c == 0) return zeroFill(2, ctx.output(0).size);
    BRT_ASSIGN_OR_RETURN(DnnlContext * library, dnnl());
    return library->prepareConv(plan);
  }();
  if (!prepared.ok())
    return prepared.status().withContext("op " + std::to_string(index) + " (" + op.callee + ")");
  return prepared;
}

}  // namespace brt::cpu
