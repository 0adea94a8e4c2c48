#include "DnnlOps.h"

#ifdef BRT_WITH_DNNL
#include <oneapi/dnnl/dnnl.hpp>

#include <exception>
#include <new>
#include <optional>
#include <unordered_map>
#endif

namespace brt::cpu {

#ifdef BRT_WITH_DNNL

namespace {
using dnnl::memory;
using Tag = memory::format_tag;
constexpr memory::data_type kF32 = memory::data_type::f32;

// oneDNN's C++ API reports errors as exceptions; they come back as statuses.
template <class F>
auto guarded(const char* what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const dnnl::error& e) {
    if (e.status == dnnl_unimplemented)
      return unsupportedError("oneDNN has no implementation of this ", what);
    if (e.status == dnnl_out_of_memory)
      return resourceExhaustedError("oneDNN ran out of memory in ", what);
    return internalError("oneDNN failed in ", what, ": ", e.what());
  } catch (const std::bad_alloc&) {
    return resourceExhaustedError("out of memory in ", what);
  } catch (const std::exception& e) {
    return internalError(what, ": ", e.what());
  }
}

// Scratch memory of the calling thread, reused by every execution on it (one at a
// time): the primitives' scratchpads and reordered convolution weights. It grows to
// the largest request and lives until the thread ends.
struct ThreadScratch {
  AlignedBuffer scratchpad;
  AlignedBuffer weights;
};
thread_local ThreadScratch tlsScratch;

StatusOr<void*> reserve(AlignedBuffer& buffer, size_t bytes) {
  if (bytes == 0) return static_cast<void*>(nullptr);
  if (buffer.size() < bytes) {
    buffer = AlignedBuffer();  // free the old one first
    BRT_ASSIGN_OR_RETURN(buffer, AlignedBuffer::allocateUninitialized(bytes));
  }
  return static_cast<void*>(buffer.data());
}

dnnl::primitive_attr userScratchpad() {
  dnnl::primitive_attr attr;
  attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  return attr;
}

using Args = std::unordered_map<int, memory>;

// Adds the scratchpad argument when the primitive needs one.
Status addScratchpad(Args& args, const memory::desc& desc, const dnnl::engine& engine) {
  size_t bytes = desc.get_size();
  if (bytes == 0) return okStatus();
  BRT_ASSIGN_OR_RETURN(void* data, reserve(tlsScratch.scratchpad, bytes));
  args.emplace(DNNL_ARG_SCRATCHPAD, memory(desc, engine, data));
  return okStatus();
}

// A [batch,] rows x cols f32 matrix stored row-major, or column-major (the
// transpose stored row-major) when `transposed`. Batch 1 gives a 2-d desc.
memory::desc matrixDesc(int64_t batch, int64_t rows, int64_t cols, bool transposed) {
  memory::dims dims = {rows, cols};
  memory::dims strides = transposed ? memory::dims{1, rows} : memory::dims{cols, 1};
  if (batch != 1) {
    dims.insert(dims.begin(), batch);
    strides.insert(strides.begin(), rows * cols);
  }
  return memory::desc(dims, kF32, strides);
}

struct MatmulPrimitive {
  dnnl::engine engine;
  memory::desc a, b, c, scratchpad;
  dnnl::matmul primitive;

  Status run(void** buffers) const {
    dnnl::stream stream(engine);
    Args args = {{DNNL_ARG_SRC, memory(a, engine, buffers[0])},
                 {DNNL_ARG_WEIGHTS, memory(b, engine, buffers[1])},
                 {DNNL_ARG_DST, memory(c, engine, buffers[2])}};
    BRT_RETURN_IF_ERROR(addScratchpad(args, scratchpad, engine));
    primitive.execute(stream, args);
    stream.wait();
    return okStatus();
  }
};

struct ConvPrimitive {
  dnnl::engine engine;
  memory::desc src, userWeights, weights, dst, scratchpad;
  dnnl::convolution_forward primitive;
  // From the artifact's HWIO weights to the layout the convolution wants, when
  // they differ. Weights are inputs, so this runs on every request.
  std::optional<dnnl::reorder> reorder;
  memory::desc reorderScratchpad;

  Status run(void** buffers) const {
    dnnl::stream stream(engine);
    memory input(userWeights, engine, buffers[1]);
    memory w = input;
    if (reorder) {
      BRT_ASSIGN_OR_RETURN(void* data, reserve(tlsScratch.weights, weights.get_size()));
      w = memory(weights, engine, data);
      Args args = {{DNNL_ARG_FROM, input}, {DNNL_ARG_TO, w}};
      BRT_RETURN_IF_ERROR(addScratchpad(args, reorderScratchpad, engine));
      reorder->execute(stream, args);
    }
    Args args = {{DNNL_ARG_SRC, memory(src, engine, buffers[0])},
                 {DNNL_ARG_WEIGHTS, w},
                 {DNNL_ARG_DST, memory(dst, engine, buffers[2])}};
    BRT_RETURN_IF_ERROR(addScratchpad(args, scratchpad, engine));
    primitive.execute(stream, args);
    stream.wait();
    return okStatus();
  }
};
}  // namespace

struct DnnlContext::Impl {
  dnnl::engine engine;
};

DnnlContext::DnnlContext(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DnnlContext::~DnnlContext() = default;

StatusOr<std::unique_ptr<DnnlContext>> DnnlContext::create() {
  return guarded("creating the CPU engine", [&]() -> StatusOr<std::unique_ptr<DnnlContext>> {
    auto impl = std::make_unique<Impl>();
    impl->engine = dnnl::engine(dnnl::engine::kind::cpu, 0);
    return std::unique_ptr<DnnlContext>(new DnnlContext(std::move(impl)));
  });
}

StatusOr<OpExecutable> DnnlContext::prepareMatmul(const MatmulPlan& plan) {
  return guarded("matmul", [&]() -> StatusOr<OpExecutable> {
    auto state = std::make_shared<MatmulPrimitive>();
    state->engine = impl_->engine;
    state->a = matrixDesc(plan.batch, plan.m, plan.k, plan.lhsTranspose);
    state->b = matrixDesc(plan.batch, plan.k, plan.n, plan.rhsTranspose);
    state->c = matrixDesc(plan.batch, plan.m, plan.n, false);
    dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(state->a, state->b, state->c),
                                    userScratchpad(), state->engine);
    state->scratchpad = pd.scratchpad_desc();
    state->primitive = dnnl::matmul(pd);
    return OpExecutable([state = std::shared_ptr<const MatmulPrimitive>(std::move(state))](
                            void** buffers) -> Status {
      return guarded("matmul", [&] { return state->run(buffers); });
    });
  });
}

StatusOr<OpExecutable> DnnlContext::prepareConv(const ConvPlan& p) {
  return guarded("convolution", [&]() -> StatusOr<OpExecutable> {
    auto state = std::make_shared<ConvPrimitive>();
    const dnnl::engine& engine = impl_->engine;
    state->engine = engine;
    state->src = memory::desc({p.n, p.c, p.h, p.w}, kF32, Tag::nhwc);
    state->dst = memory::desc({p.n, p.o, p.oh, p.ow}, kF32, Tag::nhwc);
    // HWIO: W[kh][kw][i][o] with i in [0, C/groups) and o = group * (O/groups) + og.
    int64_t cg = p.c / p.groups, og = p.o / p.groups;
    memory::dims weightDims;
    if (p.groups == 1) {
      weightDims = {p.o, cg, p.kh, p.kw};
      state->userWeights = memory::desc(weightDims, kF32, Tag::hwio);
    } else {
      weightDims = {p.groups, og, cg, p.kh, p.kw};
      state->userWeights = memory::desc(
          weightDims, kF32, memory::dims{og, 1, p.o, p.kw * cg * p.o, cg * p.o});
    }
    dnnl::primitive_attr attr = userScratchpad();
    // oneDNN counts dilation from 0 (0 = dense).
    dnnl::convolution_forward::desc desc(
        dnnl::prop_kind::forward_inference, dnnl::algorithm::convolution_direct, state->src,
        memory::desc(weightDims, kF32, Tag::any), state->dst, {p.strideH, p.strideW},
        {p.dilationH - 1, p.dilationW - 1}, {p.padTop, p.padLeft}, {p.padBottom, p.padRight});
    dnnl::convolution_forward::primitive_desc pd(desc, attr, engine);
    state->weights = pd.weights_desc();
    state->scratchpad = pd.scratchpad_desc();
    state->primitive = dnnl::convolution_forward(pd);
    if (state->weights != state->userWeights) {
      dnnl::reorder::primitive_desc reorderPd(engine, state->userWeights, engine,
                                              state->weights, attr);
      state->reorderScratchpad = reorderPd.scratchpad_desc();
      state->reorder = dnnl::reorder(reorderPd);
    }
    return OpExecutable([state = std::shared_ptr<const ConvPrimitive>(std::move(state))](
                            void** buffers) -> Status {
      return guarded("convolution", [&] { return state->run(buffers); });
    });
  });
}

#else  // !BRT_WITH_DNNL

struct DnnlContext::Impl {};

DnnlContext::DnnlContext(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DnnlContext::~DnnlContext() = default;

StatusOr<std::unique_ptr<DnnlContext>> DnnlContext::create() {
  return unsupportedError("this runtime was built without oneDNN, which serves ",
                          kMatmulOpCallee, " and ", kConvOpCallee);
}
StatusOr<OpExecutable> DnnlContext::prepareMatmul(const MatmulPlan&) {
  return unsupportedError("this runtime was built without oneDNN");
}
StatusOr<OpExecutable> DnnlContext::prepareConv(const ConvPlan&) {
  return unsupportedError("this runtime was built without oneDNN");
}

#endif  // BRT_WITH_DNNL

}  // namespace brt::cpu
