// The CPU provider: turns each op of a host program into a prepared executable at
// Session load time. Everything an op needs is checked here, once (operand counts,
// dtypes, shapes, attributes); running a prepared op only reads its buffers.
//
// Callees served (the ABI between compiler and runtime, docs/runtime.md):
//   LLVMKernelOp  a `void name(void**)` entry of a compiled kernel object
//   CopyOp        memmove between two buffers of equal byte size
//   MatmulOp      C = op(A) x op(B), f32, batched (oneDNN matmul)
//   ConvOp        2-d NHWC x HWIO -> NHWC convolution, f32 (oneDNN convolution)
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "brt/Artifact.h"
#include "brt/ArtifactDesc.h"
#include "brt/Status.h"

namespace brt {

class KernelLibrary;

namespace cpu {

// A prepared op. Called with the addresses of its buffers, inputs then outputs, in
// the op's order (null only for buffers of zero bytes). Safe to call from several
// threads at once with different buffers.
using OpExecutable = std::function<Status(void** buffers)>;

// One op being prepared: the op, its function and the artifact holding both.
struct OpContext {
  const Artifact& artifact;
  const FunctionDesc& function;
  size_t index;  // of the op in function.ops
  const OpDesc& op;

  const BufferDesc& input(size_t i) const { return function.buffers[op.inputs[i]]; }
  const BufferDesc& output(size_t i) const { return function.buffers[op.outputs[i]]; }
};

class DnnlContext;  // the oneDNN engine (DnnlOps.cpp)

class CpuProvider {
 public:
  CpuProvider();
  ~CpuProvider();
  CpuProvider(const CpuProvider&) = delete;
  CpuProvider& operator=(const CpuProvider&) = delete;

  // Whether some op with this callee can be prepared by this provider.
  static bool serves(std::string_view callee);

  // Prepares op `index` of `function` (a function of `artifact`, which must outlive
  // the provider and its executables). Errors start with "op N (Callee): ", or are
  // "op N calls 'X', which no provider serves".
  StatusOr<OpExecutable> prepare(const Artifact& artifact, const FunctionDesc& function,
                                 size_t index);

 private:
  StatusOr<OpExecutable> prepareKernelCall(const OpContext& ctx);
  StatusOr<DnnlContext*> dnnl();

  std::vector<std::unique_ptr<KernelLibrary>> kernels_;  // by kernel index, when loaded
  std::unique_ptr<DnnlContext> dnnl_;                    // created by the first library op
};

}  // namespace cpu
}  // namespace brt
