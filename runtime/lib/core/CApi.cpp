// The C API over Session and RequestContext.
#include "brt/c_api.h"

#include <memory>
#include <string>

#include "brt/Session.h"

struct brt_session {
  brt::Session session;
};

struct brt_request {
  const brt_session* owner;
  brt::RequestContext context;
  std::vector<bool> outputBound;
};

namespace {
thread_local std::string lastError;

brt_status fail(const brt::Status& status) {
  lastError = status.message();
  return static_cast<brt_status>(static_cast<int>(status.code()));
}

brt_status fail(brt_status code, std::string message) {
  lastError = std::move(message);
  return code;
}

brt_status ok() {
  lastError.clear();
  return BRT_OK;
}

brt_status argumentInfo(const brt_session* s, const std::vector<size_t>& indices,
                        size_t index, const char** name, brt_dtype* dtype, size_t* rank,
                        const int64_t** dims) {
  if (!s) return fail(BRT_INVALID_ARGUMENT, "session is null");
  if (index >= indices.size())
    return fail(BRT_OUT_OF_RANGE, "index " + std::to_string(index) + " >= " +
                                      std::to_string(indices.size()));
  const brt::ArgumentDesc& arg = s->session.entry().arguments[indices[index]];
  if (name) *name = arg.name.c_str();
  if (dtype) *dtype = static_cast<brt_dtype>(arg.dtype);
  if (rank) *rank = arg.shape.size();
  if (dims) *dims = arg.shape.data();
  return ok();
}

brt::StatusOr<const brt::ArgumentDesc*> boundArgument(brt_request* r, bool input,
                                                      size_t index, const void* data,
                                                      size_t bytes) {
  if (!r) return brt::invalidArgumentError("request is null");
  const brt::Session& s = r->owner->session;
  const std::vector<size_t>& indices = input ? s.inputs() : s.outputs();
  if (index >= indices.size())
    return brt::outOfRangeError(input ? "input" : "output", " index ", index, " >= ",
                                indices.size());
  const brt::ArgumentDesc& arg = s.entry().arguments[indices[index]];
  BRT_ASSIGN_OR_RETURN(uint64_t expected, brt::byteSize(arg.dtype, arg.shape));
  if (bytes != expected)
    return brt::invalidArgumentError("'", arg.name, "' is ",
                                     brt::typeToString(arg.dtype, arg.shape), " (",
                                     expected, " bytes), got ", bytes, " bytes");
  if (!data && expected > 0) return brt::invalidArgumentError("'", arg.name, "': data is null");
  return &arg;
}
}  // namespace

extern "C" {

const char* brt_last_error(void) { return lastError.c_str(); }

brt_status brt_session_load(const char* path, brt_session** session) {
  if (!path || !session) return fail(BRT_INVALID_ARGUMENT, "path and session must not be null");
  brt::StatusOr<brt::Session> loaded = brt::Session::load(path);
  if (!loaded.ok()) return fail(loaded.status());
  *session = new brt_session{std::move(*loaded)};
  return ok();
}

void brt_session_free(brt_session* session) { delete session; }

size_t brt_session_num_inputs(const brt_session* s) { return s ? s->session.inputs().size() : 0; }
size_t brt_session_num_outputs(const brt_session* s) {
  return s ? s->session.outputs().size() : 0;
}

brt_status brt_session_input_info(const brt_session* s, size_t index, const char** name,
                                  brt_dtype* dtype, size_t* rank, const int64_t** dims) {
  return argumentInfo(s, s ? s->session.inputs() : std::vector<size_t>{}, index, name, dtype,
                      rank, dims);
}

brt_status brt_session_output_info(const brt_session* s, size_t index, const char** name,
                                   brt_dtype* dtype, size_t* rank, const int64_t** dims) {
  return argumentInfo(s, s ? s->session.outputs() : std::vector<size_t>{}, index, name, dtype,
                      rank, dims);
}

brt_status brt_request_create(const brt_session* s, brt_request** request) {
  if (!s || !request) return fail(BRT_INVALID_ARGUMENT, "session and request must not be null");
  *request = new brt_request{s, brt::RequestContext(s->session),
                             std::vector<bool>(s->session.outputs().size(), false)};
  return ok();
}

void brt_request_free(brt_request* request) { delete request; }

brt_status brt_request_bind_input(brt_request* r, size_t index, const void* data,
                                  size_t bytes) {
  brt::StatusOr<const brt::ArgumentDesc*> arg = boundArgument(r, true, index, data, bytes);
  if (!arg.ok()) return fail(arg.status());
  brt::Status s = r->context.bindInput(index, brt::TensorView((*arg)->dtype, (*arg)->shape, data));
  return s.ok() ? ok() : fail(s);
}

brt_status brt_request_bind_output(brt_request* r, size_t index, void* data, size_t bytes) {
  brt::StatusOr<const brt::ArgumentDesc*> arg = boundArgument(r, false, index, data, bytes);
  if (!arg.ok()) return fail(arg.status());
  brt::Status s = r->context.bindOutput(
      index, brt::MutableTensorView((*arg)->dtype, (*arg)->shape, data));
  if (!s.ok()) return fail(s);
  r->outputBound[index] = true;
  return ok();
}

brt_status brt_request_run(brt_request* r) {
  if (!r) return fail(BRT_INVALID_ARGUMENT, "request is null");
  for (size_t i = 0; i < r->outputBound.size(); ++i)
    if (!r->outputBound[i])
      return fail(BRT_INVALID_ARGUMENT,
                  "output " + std::to_string(i) + " is not bound (the C API writes "
                  "outputs to caller memory)");
  brt::StatusOr<std::vector<brt::Tensor>> ran = r->context.run();
  return ran.ok() ? ok() : fail(ran.status());
}

}  // extern "C"
