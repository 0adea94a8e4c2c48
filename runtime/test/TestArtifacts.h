// Helpers shared by brt's tests.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "brt/ArtifactBuilder.h"
#include "brt/Status.h"

namespace brt::test {

// A small valid artifact using every feature of the format:
//   devices: 0 "cpu" (arena 1024), 1 "cuda:0" (arena 4096, alignment 256)
//   kernels: 0 "cpu_kernels" (shared object), 1 "gpu_module" (PTX)
//   weights: w f32[3, 4] at offset 0, b f32[4] at offset 64
//   "main"(x: f32[2, 3] input on cpu, w, b: weights on cuda:0,
//          y: f32[2, 4] output on cpu): copy x to the GPU, matmul, bias add
//          (PTX kernel), copy back, then a CPU kernel into the CPU arena.
//   "sum"(a: f32[4] input, s: f32[] output), one op on cpu.
ArtifactBuilder makeValidBuilder();

// The bytes of the test kernel object (test/kernels/TestKernels.cpp, built as a
// shared object); fails the test if it cannot be read.
std::vector<uint8_t> testKernelBytes();

// A valid artifact that Session can run, with a real kernel object:
//   devices: 0 "cpu" (arena 64)
//   kernels: 0 "test_kernels" (testKernelBytes())
//   weights: 100 bytes that no argument uses
//   "main"(x: f32[4] input, y: f32[4] output): y = softmax(x), computed into the
//          arena by softmax4_entry, then copied to y by copy4_entry.
ArtifactBuilder makeRunnableBuilder();

// The bytes of builder.finishUnchecked(); fails the test if it errs.
std::vector<uint8_t> encode(const ArtifactBuilder& builder);

// The status of loading these bytes.
Status loadStatus(const std::vector<uint8_t>& bytes);

// A fresh path in the test's temporary directory.
std::string tempPath(const std::string& name);

// A random engine with a fresh seed, which the calling test records (so a
// failure can be reproduced with BRT_TEST_SEED=<seed>).
std::mt19937_64 freshRng();

}  // namespace brt::test
