// Running artifacts with a real kernel object (test/kernels/TestKernels.cpp) through
// Session, and damaged artifacts: each is refused, or (damage in bytes nothing reads,
// such as padding) runs exactly like the undamaged one. A crash fails the test run.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>

#include "TestArtifacts.h"
#include "brt/Artifact.h"
#include "brt/Session.h"
#include "byre_generated.h"

namespace brt {
namespace {

using test::encode;

const float kX[4] = {0.5f, -1.0f, 2.0f, 0.25f};

StatusOr<Session> sessionOf(const std::vector<uint8_t>& bytes) {
  BRT_ASSIGN_OR_RETURN(Artifact artifact, Artifact::loadBytes(bytes.data(), bytes.size()));
  return Session::fromArtifact(std::move(artifact));
}

// Runs "main" on kX; returns y.
StatusOr<std::vector<float>> runMain(const Session& session) {
  Tensor x = *Tensor::create(DType::F32, {4});
  std::memcpy(x.data(), kX, sizeof(kX));
  RequestContext request(session);
  BRT_RETURN_IF_ERROR(request.bindInput("x", x.view()));
  BRT_ASSIGN_OR_RETURN(std::vector<Tensor> outputs, request.run());
  const float* y = outputs.at(0).dataAs<float>();
  return std::vector<float>(y, y + 4);
}

TEST(ArtifactRun, RunsAnEmbeddedKernel) {
  StatusOr<Session> session = sessionOf(encode(test::makeRunnableBuilder()));
  ASSERT_TRUE(session.ok()) << session.status();
  StatusOr<std::vector<float>> y = runMain(*session);
  ASSERT_TRUE(y.ok()) << y.status();
  float sum = 0;
  for (float v : kX) sum += std::exp(v);
  for (int i = 0; i < 4; ++i) EXPECT_NEAR((*y)[i], std::exp(kX[i]) / sum, 1e-6f);
}

// Each device has its own arena, aligned as the artifact says (the runtime used to
// give every buffer of kind Arena the first device's arena).
TEST(ArtifactRun, EachDeviceHasItsOwnAlignedArena) {
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 0, 64});
  builder.addDevice({"cpu:1", DeviceKind::CPU, 1, 8192, 4096});
  builder.addKernel({"test_kernels", KernelFormat::SharedObject, "x86_64-linux-gnu", 0},
                    test::testKernelBytes());
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"x", DType::F32, {4}, ArgKind::Input, 1, std::nullopt},
                 {"y", DType::F32, {4}, ArgKind::Output, 1, std::nullopt},
                 {"where", DType::U64, {1}, ArgKind::Output, 1, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 16, DType::F32, {4}},
               {BufferKind::Argument, 1, 0, 16, DType::F32, {4}},
               {BufferKind::Arena, 1, 8176, 16, DType::F32, {4}},  // the arena's last bytes
               {BufferKind::Argument, 2, 0, 8, DType::U64, {1}},
               {BufferKind::Arena, 1, 0, 16, DType::F32, {4}}};
  f.ops = {{"LLVMKernelOp", {0}, {2}, {{"kernel_name", std::string("copy4_entry")}}, 1, 0},
           {"LLVMKernelOp", {2}, {1}, {{"kernel_name", std::string("copy4_entry")}}, 1, 0},
           {"LLVMKernelOp", {4}, {3}, {{"kernel_name", std::string("address_entry")}}, 1, 0}};
  builder.addFunction(std::move(f));
  StatusOr<std::vector<uint8_t>> bytes = builder.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  StatusOr<Session> session = sessionOf(*bytes);
  ASSERT_TRUE(session.ok()) << session.status();
  Tensor x = *Tensor::create(DType::F32, {4});
  std::memcpy(x.data(), kX, sizeof(kX));
  RequestContext request(*session);
  ASSERT_TRUE(request.bindInput("x", x.view()).ok());
  StatusOr<std::vector<Tensor>> outputs = request.run();
  ASSERT_TRUE(outputs.ok()) << outputs.status();
  EXPECT_EQ(std::memcmp((*outputs)[0].data(), kX, sizeof(kX)), 0);
  uint64_t arenaStart = *(*outputs)[1].dataAs<uint64_t>();
  EXPECT_EQ(arenaStart % 4096, 0u);
}

// x f32[2, 3] (input) times w f32[3, 4] (weight) -> y f32[2, 4] with oneDNN, and w
// copied to wcopy f32[3, 4]: library ops and copies read weights in place.
ArtifactBuilder weightsBuilder(const std::vector<float>& w) {
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 0, 64});
  std::vector<uint8_t> padding(40, 0xAB);  // the weight starts at the next 64 bytes
  builder.addWeightData(padding.data(), padding.size());
  WeightRef ref = builder.addWeightData(w.data(), w.size() * sizeof(float));
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"x", DType::F32, {2, 3}, ArgKind::Input, 0, std::nullopt},
                 {"w", DType::F32, {3, 4}, ArgKind::Weight, 0, ref},
                 {"y", DType::F32, {2, 4}, ArgKind::Output, 0, std::nullopt},
                 {"wcopy", DType::F32, {3, 4}, ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 24, DType::F32, {2, 3}},
               {BufferKind::Argument, 1, 0, 48, DType::F32, {3, 4}},
               {BufferKind::Argument, 2, 0, 32, DType::F32, {2, 4}},
               {BufferKind::Argument, 3, 0, 48, DType::F32, {3, 4}}};
  f.ops = {{"MatmulOp", {0, 1}, {2}, {}, 0, -1}, {"CopyOp", {1}, {3}, {}, 0, -1}};
  builder.addFunction(std::move(f));
  return builder;
}

TEST(ArtifactRun, WeightsAreReadInPlaceByLibraryOpsAndCopies) {
#ifndef BRT_TEST_WITH_DNNL
  GTEST_SKIP() << "brt was built without oneDNN";
#endif
  const std::vector<float> w = {0.5f, -1, 2, 3, -4, 1.5f, 0.25f, 7, 2, -3, 1, -0.5f};
  const float x[6] = {1, 2, -1, 0.5f, -2, 3};
  StatusOr<std::vector<uint8_t>> bytes = weightsBuilder(w).finish();
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  StatusOr<Session> session = sessionOf(*bytes);
  ASSERT_TRUE(session.ok()) << session.status();
  EXPECT_EQ(session->inputs().size(), 1u);  // the weight is not an input
  ByteSpan bound = session->artifact().weightData(session->entry().arguments[1]);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(bound.data) % kWeightAlignment, 0u);
  Tensor input = *Tensor::create(DType::F32, {2, 3});
  std::memcpy(input.data(), x, sizeof(x));
  RequestContext request(*session);
  ASSERT_TRUE(request.bindInput("x", input.view()).ok());
  StatusOr<std::vector<Tensor>> outputs = request.run();
  ASSERT_TRUE(outputs.ok()) << outputs.status();
  const float* y = (*outputs)[0].dataAs<float>();
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 4; ++j) {
      float expected = 0;
      for (int k = 0; k < 3; ++k) expected += x[i * 3 + k] * w[k * 4 + j];
      EXPECT_NEAR(y[i * 4 + j], expected, 1e-5f) << i << "," << j;
    }
  EXPECT_EQ(std::memcmp((*outputs)[1].data(), w.data(), 48), 0);
}

// "shape" i64[2] was specialized for {2, 3}; its value is copied to "out".
StatusOr<Session> specializedSession() {
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 0, 64});
  const int64_t expected[2] = {2, 3};
  FunctionDesc f;
  f.name = "main";
  f.arguments = {{"shape", DType::I64, {2}, ArgKind::Input, 0, std::nullopt},
                 {"out", DType::I64, {2}, ArgKind::Output, 0, std::nullopt}};
  f.arguments[0].expectedValue.assign(reinterpret_cast<const uint8_t*>(expected),
                                      reinterpret_cast<const uint8_t*>(expected) + 16);
  f.buffers = {{BufferKind::Argument, 0, 0, 16, DType::I64, {2}},
               {BufferKind::Argument, 1, 0, 16, DType::I64, {2}}};
  f.ops = {{"CopyOp", {0}, {1}, {}, 0, -1}};
  builder.addFunction(std::move(f));
  BRT_ASSIGN_OR_RETURN(std::vector<uint8_t> bytes, builder.finish());
  return sessionOf(bytes);
}

StatusOr<std::vector<Tensor>> runSpecialized(const Session& session, int64_t a, int64_t b) {
  Tensor shape = *Tensor::create(DType::I64, {2});
  shape.dataAs<int64_t>()[0] = a;
  shape.dataAs<int64_t>()[1] = b;
  RequestContext request(session);
  BRT_RETURN_IF_ERROR(request.bindInput("shape", shape.view()));
  return request.run();
}

TEST(ArtifactRun, SpecializedInputMustHaveItsCompiledValue) {
  StatusOr<Session> session = specializedSession();
  ASSERT_TRUE(session.ok()) << session.status();
  const ArgumentDesc& arg = session->entry().arguments[0];
  ASSERT_EQ(arg.expectedValue.size(), 16u);  // read back from the artifact
  StatusOr<std::vector<Tensor>> same = runSpecialized(*session, 2, 3);
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_EQ((*same)[0].dataAs<int64_t>()[1], 3);
  StatusOr<std::vector<Tensor>> other = runSpecialized(*session, 4, 3);
  EXPECT_EQ(other.status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(other.status().message(),
            "input 'shape' was specialized at compile time for the value [2, 3], got [4, 3]; "
            "recompile the model for this value");
}

Status sessionStatusWithEntry(const std::string& entry) {
  ArtifactBuilder builder = test::makeRunnableBuilder();
  builder.desc().functions[0].ops[1].attrs[0].value = entry;
  StatusOr<std::vector<uint8_t>> bytes = builder.finish();
  if (!bytes.ok()) return bytes.status();
  return sessionOf(*bytes).status();
}

// dlsym also finds the symbols of the kernel's dependencies; calling libm's expf or
// libc's free as `void(void**)` would crash. Only the kernel's own functions count.
void expectNotFound(const Status& status, const std::string& fragment) {
  EXPECT_EQ(status.code(), StatusCode::NotFound) << status;
  EXPECT_NE(status.message().find(fragment), std::string::npos)
      << "message: " << status.message() << "\nexpected to contain: " << fragment;
}

TEST(ArtifactRun, EntryMustBeAFunctionOfTheKernelItself) {
  expectNotFound(sessionStatusWithEntry("expf"),
                 "kernel 'test_kernels' has no entry 'expf' (the symbol is not defined by the "
                 "kernel itself)");
  expectNotFound(sessionStatusWithEntry("free"), "kernel 'test_kernels' has no entry 'free'");
  expectNotFound(sessionStatusWithEntry("brt_test_counter"),
                 "kernel 'test_kernels' has no entry 'brt_test_counter' (the symbol is not a "
                 "function)");
  expectNotFound(sessionStatusWithEntry("no_such_entry"),
                 "kernel 'test_kernels' has no entry 'no_such_entry'");
}

// Random damage (1 to 8 bytes anywhere in the file, or anywhere but the kernel) to an artifact with a real kernel
// object, run end to end: loading must refuse it, or it must compute exactly what
// the undamaged artifact does. Damage to the kernel's bytes or the weights is always
// refused. (byteir's Python tests run the same check on a compiled model through
// brt-run: python/test/test_cli_errors.py.)
TEST(ArtifactDamageFuzz, DamagedArtifactIsRefusedOrHarmless) {
  const std::vector<uint8_t> valid = encode(test::makeRunnableBuilder());
  StatusOr<Session> reference = sessionOf(valid);
  ASSERT_TRUE(reference.ok()) << reference.status();
  const std::vector<float> expected = *runMain(*reference);
  const fb::Module* module = fb::GetSizePrefixedModule(valid.data());
  auto protectedRange = [&](const flatbuffers::Vector<uint8_t>* v) {
    return std::pair<size_t, size_t>(v->data() - valid.data(), v->data() - valid.data() + v->size());
  };
  const std::pair<size_t, size_t> kernel = protectedRange(module->kernels()->Get(0)->data());
  const std::pair<size_t, size_t> weights = protectedRange(module->weights());

  std::mt19937_64 rng = test::freshRng();
  const int kRounds = 3000;
  int refused = 0, harmless = 0;
  std::map<std::string, int> reasons;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<uint8_t> bytes = valid;
    bool dataDamaged = false;
    int flips = 1 + static_cast<int>(rng() % 8);
    // Half of the rounds leave the kernel alone, which is most of the file, so that
    // the metadata gets its share of damage.
    bool metadataOnly = round % 2 == 1;
    size_t outsideKernel = bytes.size() - (kernel.second - kernel.first);
    for (int i = 0; i < flips; ++i) {
      size_t at = rng() % (metadataOnly ? outsideKernel : bytes.size());
      if (metadataOnly && at >= kernel.first) at += kernel.second - kernel.first;
      uint8_t value = rng() % 2 ? static_cast<uint8_t>(bytes[at] ^ (1u << (rng() % 8)))
                                : static_cast<uint8_t>(rng());
      bytes[at] = value;
      if (value != valid[at] && ((at >= kernel.first && at < kernel.second) ||
                                 (at >= weights.first && at < weights.second)))
        dataDamaged = true;
    }
    StatusOr<Session> session = sessionOf(bytes);
    if (!session.ok()) {
      ASSERT_FALSE(session.status().message().empty());
      ++refused;
      const std::string& message = session.status().message();
      ++reasons[message.substr(0, message.find_first_of("(:", 22))];
      continue;
    }
    ASSERT_FALSE(dataDamaged) << "round " << round << ": damaged kernel or weights loaded";
    StatusOr<std::vector<float>> y = runMain(*session);
    ASSERT_TRUE(y.ok()) << "round " << round << ": " << y.status();
    ASSERT_EQ(*y, expected) << "round " << round;
    ++harmless;
  }
  EXPECT_EQ(refused + harmless, kRounds);
  EXPECT_GT(refused, kRounds / 2);
  EXPECT_GT(harmless, 0);
  std::cerr << "[ fuzz     ] " << kRounds << " damaged artifacts: " << refused << " refused, "
            << harmless << " harmless (damage in bytes nothing reads)\n";
  for (const auto& [reason, count] : reasons)
    std::cerr << "[ fuzz     ]   " << count << "  " << reason << "\n";
}

}  // namespace
}  // namespace brt
