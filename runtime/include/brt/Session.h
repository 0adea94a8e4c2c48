// Running a loaded artifact.
//
//   StatusOr<Session> session = Session::load("model.byre");
//   RequestContext request(*session);                 // one per concurrent request
//   request.bindInput(0, inputView);                  // or by name
//   StatusOr<std::vector<Tensor>> outputs = request.run();
//
// A Session is immutable after load and may be shared by any number of threads;
// each RequestContext is used by one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "brt/Artifact.h"
#include "brt/Status.h"
#include "brt/Tensor.h"

namespace brt {

namespace cpu {
class CpuProvider;
}

class Session {
 public:
  // Loads and verifies the artifact, then prepares every op of the entry function
  // with the provider serving its callee: kernels are loaded, library primitives
  // created, and each op checked against its callee's contract (dtypes, shapes,
  // attributes). Errors name the op and callee: "op 3 (MatmulOp): ...".
  static StatusOr<Session> load(const std::string& path, std::string entry = "main");
  static StatusOr<Session> fromArtifact(Artifact artifact, std::string entry = "main");

  Session(Session&&) noexcept;
  Session& operator=(Session&&) noexcept;
  ~Session();

  const Artifact& artifact() const { return *artifact_; }
  const FunctionDesc& entry() const { return *entry_; }
  // Indices into entry().arguments of the inputs and of the outputs, in order.
  const std::vector<size_t>& inputs() const { return inputs_; }
  const std::vector<size_t>& outputs() const { return outputs_; }

 private:
  friend class RequestContext;
  Session();

  std::unique_ptr<Artifact> artifact_;
  const FunctionDesc* entry_ = nullptr;
  std::vector<size_t> inputs_, outputs_;
  // Owns what the prepared ops use (kernel objects, library primitives); declared
  // before ops_ so that it outlives them.
  std::unique_ptr<cpu::CpuProvider> cpu_;
  // By op index: runs the op on its buffers' addresses (inputs then outputs).
  std::vector<std::function<Status(void**)>> ops_;
};

class RequestContext {
 public:
  explicit RequestContext(const Session& session);

  // Binds input `index` (position among the inputs) or the input named `name`. The
  // dtype and shape must match the artifact's; the data is not copied and must stay
  // alive until run() returns.
  Status bindInput(size_t index, const TensorView& view);
  Status bindInput(const std::string& name, const TensorView& view);
  // Optionally binds an output to caller memory (zero copy); unbound outputs are
  // allocated by run().
  Status bindOutput(size_t index, const MutableTensorView& view);

  // Runs the entry function synchronously. Returns the outputs that were not bound
  // by bindOutput (in output order; bound ones come back empty).
  StatusOr<std::vector<Tensor>> run();

 private:
  const Session& session_;
  std::vector<TensorView> inputs_;
  std::vector<MutableTensorView> outputs_;
};

}  // namespace brt
