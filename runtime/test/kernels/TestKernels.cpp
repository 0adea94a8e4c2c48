// A small CPU kernel object for brt's tests. It is built like the ones byteir-compile
// emits (a shared object whose entries are `void name(void** buffers)`, one pointer
// per operand, inputs first), and the tests embed its bytes in artifacts.
#include <cmath>
#include <cstdint>

#define BRT_TEST_EXPORT extern "C" __attribute__((visibility("default")))

// softmax of 4 floats: buffers = {x f32[4], y f32[4]}. Calls expf, so the object
// depends on libm, as compiled kernels do.
BRT_TEST_EXPORT void softmax4_entry(void** buffers) {
  const float* x = static_cast<const float*>(buffers[0]);
  float* y = static_cast<float*>(buffers[1]);
  float sum = 0;
  for (int i = 0; i < 4; ++i) sum += y[i] = std::exp(x[i]);
  for (int i = 0; i < 4; ++i) y[i] /= sum;
}

// buffers = {x f32[4], y f32[4]}: y = x.
BRT_TEST_EXPORT void copy4_entry(void** buffers) {
  const float* x = static_cast<const float*>(buffers[0]);
  float* y = static_cast<float*>(buffers[1]);
  for (int i = 0; i < 4; ++i) y[i] = x[i];
}

// buffers = {any, y u64[1]}: y = the address of the first operand.
BRT_TEST_EXPORT void address_entry(void** buffers) {
  *static_cast<uint64_t*>(buffers[1]) = reinterpret_cast<uintptr_t>(buffers[0]);
}

// A symbol that is not a function, hence not an entry.
BRT_TEST_EXPORT int brt_test_counter = 7;
