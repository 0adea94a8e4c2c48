// A kernel that uses the parallel-loop ABI (docs/runtime.md) the way compiled kernels
// do: the object defines the null function pointer `__brt_parallel_for`, which brt
// sets at load, and runs its loop body serially while it is null.
#include <cstdint>

#define BRT_TEST_EXPORT extern "C" __attribute__((visibility("default")))

using ParallelBody = void (*)(int64_t begin, int64_t end, void* captures);
BRT_TEST_EXPORT void (*__brt_parallel_for)(int64_t n, ParallelBody body,
                                           void* captures) = nullptr;

namespace {
constexpr int64_t kElements = 4096;

struct AffineCaptures {
  const float* x;
  float* y;
  int64_t* calls;
};

void affineBody(int64_t begin, int64_t end, void* captures) {
  auto* c = static_cast<AffineCaptures*>(captures);
  for (int64_t i = begin; i < end; ++i) c->y[i] = 2 * c->x[i] + 1;
  __atomic_fetch_add(c->calls, 1, __ATOMIC_RELAXED);
}
}  // namespace

// buffers = {x f32[4096], y f32[4096], info i64[2]}: y = 2x + 1 through one parallel
// loop over the elements; info = {1 if brt set __brt_parallel_for else 0, the number
// of body calls}.
BRT_TEST_EXPORT void affine_parallel_entry(void** buffers) {
  auto* info = static_cast<int64_t*>(buffers[2]);
  info[0] = __brt_parallel_for != nullptr;
  info[1] = 0;
  AffineCaptures captures{static_cast<const float*>(buffers[0]),
                          static_cast<float*>(buffers[1]), &info[1]};
  if (__brt_parallel_for)
    __brt_parallel_for(kElements, affineBody, &captures);
  else
    affineBody(0, kElements, &captures);
}
