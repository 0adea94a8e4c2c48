#include <gtest/gtest.h>

#include <cstring>

#include "TestArtifacts.h"
#include "brt/Artifact.h"
#include "brt/ArtifactBuilder.h"
#include "brt/FileIO.h"

namespace brt {
namespace {

using test::makeValidBuilder;

StatusOr<Artifact> buildAndLoad(const ArtifactBuilder& builder) {
  StatusOr<std::vector<uint8_t>> bytes = builder.finish();
  if (!bytes.ok()) return bytes.status();
  return Artifact::loadBytes(bytes->data(), bytes->size());
}

bool isAligned(const void* p, size_t alignment) {
  return reinterpret_cast<uintptr_t>(p) % alignment == 0;
}

TEST(ArtifactRoundTrip, PreservesEverything) {
  ArtifactBuilder builder = makeValidBuilder();
  StatusOr<Artifact> artifact = buildAndLoad(builder);
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_EQ(artifact->desc(), builder.desc());
  EXPECT_EQ(artifact->version(), kFormatVersion);
  EXPECT_EQ(artifact->desc().provenance.compilerVersion, "byteir 0.1.0 (test)");
  EXPECT_EQ(artifact->desc().provenance.sourceHash, "sha256:00ff");
  ASSERT_EQ(artifact->desc().devices.size(), 2u);
  EXPECT_EQ(artifact->desc().devices[1].name, "cuda:0");
  EXPECT_EQ(artifact->desc().devices[1].arenaAlignment, 256u);
}

TEST(ArtifactRoundTrip, WeightsAreAlignedAndIntact) {
  StatusOr<Artifact> artifact = buildAndLoad(makeValidBuilder());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_EQ(artifact->weights().size, 64u + 16u);
  EXPECT_TRUE(isAligned(artifact->weights().data, kWeightAlignment));
  const FunctionDesc& main = **artifact->function("main");
  ByteSpan w = artifact->weightData(main.arguments[1]);
  ByteSpan b = artifact->weightData(main.arguments[2]);
  ASSERT_EQ(w.size, 48u);
  ASSERT_EQ(b.size, 16u);
  EXPECT_TRUE(isAligned(w.data, kWeightAlignment));
  EXPECT_TRUE(isAligned(b.data, kWeightAlignment));
  float wValues[12], bValues[4];
  std::memcpy(wValues, w.data, 48);
  std::memcpy(bValues, b.data, 16);
  for (int i = 0; i < 12; ++i) EXPECT_EQ(wValues[i], static_cast<float>(i + 1));
  EXPECT_EQ(bValues[3], -4.0f);
  EXPECT_TRUE(artifact->weightData(main.arguments[0]).empty());  // an input
}

TEST(ArtifactRoundTrip, KernelBlobsAreIntact) {
  StatusOr<Artifact> artifact = buildAndLoad(makeValidBuilder());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  const auto& kernels = artifact->desc().kernels;
  ASSERT_EQ(kernels.size(), 2u);
  EXPECT_EQ(kernels[0].format, KernelFormat::SharedObject);
  EXPECT_EQ(kernels[1].format, KernelFormat::PTX);
  EXPECT_EQ(kernels[1].target, "sm_90");
  ByteSpan ptx = artifact->kernelData(1);
  EXPECT_EQ(std::string(ptx.begin(), ptx.end()), ".version 8.0\n.target sm_90\n.address_size 64\n");
  EXPECT_EQ(kernels[1].size, ptx.size);
  EXPECT_TRUE(isAligned(ptx.data, kWeightAlignment));
  EXPECT_EQ(artifact->kernelData(0).size, 8u);
  EXPECT_TRUE(artifact->kernelData(7).empty());
}

TEST(ArtifactRoundTrip, AttributesOfEveryType) {
  StatusOr<Artifact> artifact = buildAndLoad(makeValidBuilder());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  const OpDesc& ptx = (*artifact->function("main"))->ops[2];
  EXPECT_EQ(ptx.callee, "PTXOp");
  EXPECT_EQ(ptx.kernel, 1);
  EXPECT_EQ(std::get<std::string>(*ptx.findAttr("kernel_name")), "bias_add");
  EXPECT_EQ(std::get<std::vector<int64_t>>(*ptx.findAttr("BlockSize")),
            (std::vector<int64_t>{32, 1, 1}));
  EXPECT_EQ(std::get<double>(*ptx.findAttr("alpha")), 1.5);
  EXPECT_EQ(std::get<bool>(*ptx.findAttr("fused")), true);
  EXPECT_EQ(std::get<std::vector<double>>(*ptx.findAttr("coeffs")),
            (std::vector<double>{0.5, -2.25}));
  EXPECT_EQ(std::get<std::vector<std::string>>(*ptx.findAttr("tags")),
            (std::vector<std::string>{"epilogue", "bias"}));
  EXPECT_EQ(ptx.findAttr("missing"), nullptr);
  const OpDesc& matmul = (*artifact->function("main"))->ops[1];
  EXPECT_EQ(std::get<int64_t>(*matmul.findAttr("lhs_contracting_dimension")), 1);
}

TEST(ArtifactRoundTrip, ThroughAFile) {
  ArtifactBuilder builder = makeValidBuilder();
  std::string path = test::tempPath("model.byre");
  Status written = builder.writeFile(path);
  ASSERT_TRUE(written.ok()) << written;
  StatusOr<Artifact> artifact = Artifact::loadFile(path);
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_EQ(artifact->desc(), builder.desc());
}

TEST(ArtifactRoundTrip, LoadBufferTakesOwnershipWithoutCopy) {
  StatusOr<std::vector<uint8_t>> bytes = makeValidBuilder().finish();
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  StatusOr<AlignedBuffer> buffer = AlignedBuffer::copyOf(bytes->data(), bytes->size());
  ASSERT_TRUE(buffer.ok());
  const uint8_t* begin = buffer->data();
  StatusOr<Artifact> artifact = Artifact::loadBuffer(std::move(*buffer));
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_GE(artifact->weights().data, begin);
  EXPECT_LT(artifact->weights().data, begin + bytes->size());
}

TEST(ArtifactRoundTrip, MovingAnArtifactKeepsItsSpans) {
  StatusOr<Artifact> loaded = buildAndLoad(makeValidBuilder());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ByteSpan weights = loaded->weights();
  Artifact moved = std::move(*loaded);
  EXPECT_EQ(moved.weights().data, weights.data);
  float first;
  std::memcpy(&first, moved.weights().data, 4);
  EXPECT_EQ(first, 1.0f);
}

TEST(ArtifactRoundTrip, MinimalArtifactWithoutWeightsOrKernels) {
  ArtifactBuilder builder;
  builder.addDevice({"cpu", DeviceKind::CPU, 0, 0, 64});
  FunctionDesc f{"identity", {}, {}, {}};
  f.arguments = {{"x", DType::BF16, {3}, ArgKind::Input, 0, std::nullopt},
                 {"y", DType::BF16, {3}, ArgKind::Output, 0, std::nullopt}};
  f.buffers = {{BufferKind::Argument, 0, 0, 6, DType::BF16, {3}},
               {BufferKind::Argument, 1, 0, 6, DType::BF16, {3}}};
  f.ops = {{"CopyOp", {0}, {1}, {}, 0, -1}};
  builder.addFunction(f);
  StatusOr<Artifact> artifact = buildAndLoad(builder);
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_TRUE(artifact->weights().empty());
  EXPECT_TRUE(artifact->desc().kernels.empty());
  EXPECT_EQ(artifact->desc().functions[0], f);
}

TEST(ArtifactRoundTrip, FunctionLookup) {
  StatusOr<Artifact> artifact = buildAndLoad(makeValidBuilder());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  ASSERT_TRUE(artifact->function("sum").ok());
  EXPECT_EQ((*artifact->function("sum"))->findArgument("s"), 1);
  EXPECT_EQ((*artifact->function("sum"))->findArgument("t"), -1);
  StatusOr<const FunctionDesc*> missing = artifact->function("forward");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::NotFound);
  EXPECT_EQ(missing.status().message(),
            "the artifact has no function 'forward' (it has 'main', 'sum')");
}

TEST(ArtifactBuilder, WeightsStartAt64ByteBoundaries) {
  ArtifactBuilder builder;
  uint8_t bytes[100] = {};
  EXPECT_EQ(builder.addWeightData(bytes, 3).offset, 0u);
  EXPECT_EQ(builder.addWeightData(bytes, 100).offset, 64u);
  WeightRef third = builder.addWeightData(bytes, 1);
  EXPECT_EQ(third.offset, 192u);
  EXPECT_EQ(third.size, 1u);
  EXPECT_EQ(builder.desc().weightsSize, 193u);
}

TEST(ArtifactBuilder, FinishValidatesBeforeWriting) {
  ArtifactBuilder builder = makeValidBuilder();
  builder.desc().functions[0].arguments[3].name = "x";
  StatusOr<std::vector<uint8_t>> bytes = builder.finish();
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), StatusCode::Corrupt);
  EXPECT_EQ(bytes.status().message(),
            "invalid artifact: function 'main': duplicate argument name 'x'");
  std::string path = test::tempPath("never-written.byre");
  EXPECT_FALSE(builder.writeFile(path).ok());
  EXPECT_EQ(readFileBytes(path).status().code(), StatusCode::NotFound);
}

TEST(ArtifactBuilder, WriteFileReportsIoErrors) {
  Status status = makeValidBuilder().writeFile("/nonexistent/dir/model.byre");
  EXPECT_EQ(status.code(), StatusCode::IoError);
  EXPECT_NE(status.message().find("/nonexistent/dir/model.byre"), std::string::npos);
}

}  // namespace
}  // namespace brt
