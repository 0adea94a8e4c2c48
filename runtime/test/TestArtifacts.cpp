#include "TestArtifacts.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "brt/Artifact.h"
#include "brt/FileIO.h"

namespace brt::test {

namespace {
std::vector<uint8_t> floatBytes(std::vector<float> values) {
  std::vector<uint8_t> bytes(values.size() * sizeof(float));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

FunctionDesc makeMain(WeightRef w, WeightRef b) {
  FunctionDesc f;
  f.name = "main";
  f.arguments = {
      {"x", DType::F32, {2, 3}, ArgKind::Input, 0, std::nullopt},
      {"w", DType::F32, {3, 4}, ArgKind::Weight, 1, w},
      {"b", DType::F32, {4}, ArgKind::Weight, 1, b},
      {"y", DType::F32, {2, 4}, ArgKind::Output, 0, std::nullopt},
  };
  f.buffers = {
      {BufferKind::Argument, 0, 0, 24, DType::F32, {2, 3}},  // 0: x
      {BufferKind::Argument, 1, 0, 48, DType::F32, {3, 4}},  // 1: w
      {BufferKind::Argument, 2, 0, 16, DType::F32, {4}},     // 2: b
      {BufferKind::Arena, 1, 0, 24, DType::F32, {2, 3}},     // 3: x on the GPU
      {BufferKind::Arena, 1, 256, 32, DType::F32, {2, 4}},   // 4: y on the GPU
      {BufferKind::Argument, 3, 0, 32, DType::F32, {2, 4}},  // 5: y
      {BufferKind::Arena, 0, 64, 32, DType::F32, {8}},       // 6: CPU scratch
      {BufferKind::Argument, 3, 16, 16, DType::F32, {4}},    // 7: y's second row
  };
  OpDesc matmul{"MatmulOp", {3, 1}, {4}, {}, 1, -1};
  matmul.attrs = {{"lhs_contracting_dimension", int64_t{1}},
                  {"rhs_contracting_dimension", int64_t{0}}};
  OpDesc bias{"PTXOp", {4, 2}, {4}, {}, 1, 1};
  bias.attrs = {{"kernel_name", std::string("bias_add")},
                {"GridSize", std::vector<int64_t>{1, 1, 1}},
                {"BlockSize", std::vector<int64_t>{32, 1, 1}},
                {"alpha", 1.5},
                {"fused", true},
                {"coeffs", std::vector<double>{0.5, -2.25}},
                {"tags", std::vector<std::string>{"epilogue", "bias"}}};
  OpDesc relu{"LLVMKernelOp", {7}, {6}, {{"kernel_name", std::string("relu")}}, 0, 0};
  f.ops = {{"CopyOp", {0}, {3}, {}, 1, -1}, matmul, bias, {"CopyOp", {4}, {5}, {}, 1, -1},
           relu};
  return f;
}

FunctionDesc makeSum() {
  FunctionDesc f;
  f.name = "sum";
  f.arguments = {{"a", DType::F32, {4}, ArgKind::Input, 0, std::nullopt},
                 {"s", DType::F32, {}, ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 16, DType::F32, {4}},
               {BufferKind::Argument, 1, 0, 4, DType::F32, {}}};
  f.ops = {{"ReduceSumOp", {0}, {1}, {{"dimensions", std::vector<int64_t>{0}}}, 0, -1}};
  return f;
}
}  // namespace

ArtifactBuilder makeValidBuilder() {
  ArtifactBuilder builder;
  builder.setProvenance({"byteir 0.1.0 (test)", "cuda:sm_90", "--target cuda", "sha256:00ff"});
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 1024, 64});
  builder.addDevice({"cuda:0", DeviceKind::CUDA, 0, 4096, 256});
  builder.addKernel({"cpu_kernels", KernelFormat::SharedObject, "x86_64-linux-gnu", 0},
                    {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
  std::string ptx = ".version 8.0\n.target sm_90\n.address_size 64\n";
  builder.addKernel({"gpu_module", KernelFormat::PTX, "sm_90", 0},
                    std::vector<uint8_t>(ptx.begin(), ptx.end()));
  WeightRef w = builder.addWeightData(
      floatBytes({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}).data(), 48);
  WeightRef b = builder.addWeightData(floatBytes({0.5f, -1, 2, -4}).data(), 16);
  builder.addFunction(makeMain(w, b));
  builder.addFunction(makeSum());
  return builder;
}

std::vector<uint8_t> testKernelBytes() {
  StatusOr<AlignedBuffer> bytes = readFileBytes(BRT_TEST_KERNELS, 1u << 30);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  if (!bytes.ok()) return {};
  return std::vector<uint8_t>(bytes->data(), bytes->data() + bytes->size());
}

ArtifactBuilder makeRunnableBuilder() {
  ArtifactBuilder builder;
  builder.setProvenance({"byteir 0.1.0 (test)", "cpu", "", "sha256:00"});
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 64, 64});
  builder.addKernel({"test_kernels", KernelFormat::SharedObject, "x86_64-linux-gnu", 0},
                    testKernelBytes());
  std::vector<uint8_t> unused(100);
  for (size_t i = 0; i < unused.size(); ++i) unused[i] = static_cast<uint8_t>(i * 7 + 1);
  builder.addWeightData(unused.data(), unused.size());
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"x", DType::F32, {4}, ArgKind::Input, 0, std::nullopt},
                 {"y", DType::F32, {4}, ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 16, DType::F32, {4}},
               {BufferKind::Argument, 1, 0, 16, DType::F32, {4}},
               {BufferKind::Arena, 0, 32, 16, DType::F32, {4}}};
  f.ops = {{"LLVMKernelOp", {0}, {2}, {{"kernel_name", std::string("softmax4_entry")}}, 0, 0},
           {"LLVMKernelOp", {2}, {1}, {{"kernel_name", std::string("copy4_entry")}}, 0, 0}};
  builder.addFunction(std::move(f));
  return builder;
}

std::vector<uint8_t> encode(const ArtifactBuilder& builder) {
  StatusOr<std::vector<uint8_t>> bytes = builder.finishUnchecked();
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : std::vector<uint8_t>();
}

Status loadStatus(const std::vector<uint8_t>& bytes) {
  return Artifact::loadBytes(bytes.data(), bytes.size()).status();
}

std::string tempPath(const std::string& name) {
  static std::atomic<int> counter{0};
  std::string dir = ::testing::TempDir();
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir + "brt-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name;
}

std::mt19937_64 freshRng() {
  uint64_t seed;
  if (const char* fixed = std::getenv("BRT_TEST_SEED"))
    seed = std::strtoull(fixed, nullptr, 10);
  else
    seed = (static_cast<uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
  ::testing::Test::RecordProperty("seed", std::to_string(seed));
  std::cerr << "[ seed     ] BRT_TEST_SEED=" << seed << "\n";
  return std::mt19937_64(seed);
}

}  // namespace brt::test
