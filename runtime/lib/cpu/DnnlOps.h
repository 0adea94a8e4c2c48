// MatmulOp and ConvOp served by oneDNN. Each op's primitive is created once, at
// load; running it wraps the request's pointers in oneDNN memory objects and
// executes on a stream of its own, so one primitive serves concurrent requests.
// Primitives use user-managed scratchpads (oneDNN's library-managed one is not
// safe when a primitive runs on a thread other than the one that created it).
//
// Without oneDNN (BRT_WITH_DNNL undefined) create() fails with Unsupported.
#pragma once

#include <memory>

#include "CpuProvider.h"
#include "LibraryOps.h"

namespace brt::cpu {

class DnnlContext {
 public:
  // The CPU engine.
  static StatusOr<std::unique_ptr<DnnlContext>> create();
  ~DnnlContext();
  DnnlContext(const DnnlContext&) = delete;
  DnnlContext& operator=(const DnnlContext&) = delete;

  StatusOr<OpExecutable> prepareMatmul(const MatmulPlan& plan);
  StatusOr<OpExecutable> prepareConv(const ConvPlan& plan);

 private:
  struct Impl;
  explicit DnnlContext(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace brt::cpu
