// Every check Artifact::load runs: envelope, FlatBuffers verification and the
// semantic invariants, each with the message it gives.
#include <gtest/gtest.h>

#include <functional>
#include <limits>

#include "TestArtifacts.h"
#include "brt/Artifact.h"
#include "brt/Checksum.h"
#include "brt/FileIO.h"
#include "byre_generated.h"

namespace brt {
namespace {

using test::encode;
using test::loadStatus;
using test::makeValidBuilder;

void expectLoadError(const std::vector<uint8_t>& bytes, StatusCode code,
                     const std::string& fragment) {
  Status status = loadStatus(bytes);
  ASSERT_FALSE(status.ok()) << "loaded unexpectedly";
  EXPECT_EQ(status.code(), code) << status;
  EXPECT_NE(status.message().find(fragment), std::string::npos)
      << "message: " << status.message() << "\nexpected to contain: " << fragment;
}

std::vector<uint8_t> validBytes() { return encode(makeValidBuilder()); }

TEST(ArtifactEnvelope, EveryTruncationIsAnError) {
  std::vector<uint8_t> bytes = validBytes();
  ASSERT_TRUE(loadStatus(bytes).ok()) << loadStatus(bytes);
  for (size_t size = 0; size < bytes.size(); ++size) {
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + size);
    Status status = loadStatus(cut);
    ASSERT_FALSE(status.ok()) << "a " << size << "-byte prefix loaded";
    if (size >= 12) {
      EXPECT_EQ(status.message(), "artifact is truncated: its header declares " +
                                      std::to_string(bytes.size()) + " bytes, only " +
                                      std::to_string(size) + " are present");
    }
  }
  expectLoadError({}, StatusCode::InvalidArgument, "empty input, not a .byre artifact");
  expectLoadError({bytes.begin(), bytes.begin() + 5}, StatusCode::Corrupt,
                  "input of 5 bytes is too small to be a .byre artifact (truncated?)");
}

TEST(ArtifactEnvelope, TruncatedFileNamesThePath) {
  std::vector<uint8_t> bytes = validBytes();
  std::string path = test::tempPath("cut.byre");
  ASSERT_TRUE(writeFileBytes(path, bytes.data(), bytes.size() / 2).ok());
  Status status = Artifact::loadFile(path).status();
  EXPECT_EQ(status.code(), StatusCode::Corrupt);
  EXPECT_EQ(status.message().rfind(path + ": artifact is truncated", 0), 0u) << status;
}

TEST(ArtifactEnvelope, MissingFile) {
  Status status = Artifact::loadFile("/nonexistent/model.byre").status();
  EXPECT_EQ(status.code(), StatusCode::NotFound);
  EXPECT_EQ(status.message(), "/nonexistent/model.byre: no such file");
}

TEST(ArtifactEnvelope, TrailingBytes) {
  std::vector<uint8_t> bytes = validBytes();
  size_t size = bytes.size();
  bytes.insert(bytes.end(), {1, 2, 3});
  expectLoadError(bytes, StatusCode::Corrupt,
                  "artifact has 3 unexpected bytes after its end (at byte " +
                      std::to_string(size) + ")");
}

TEST(ArtifactEnvelope, PngFile) {
  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                              'I',  'H', 'D', 'R', 0,    0,    0,    16,   0, 0, 0, 16};
  expectLoadError(png, StatusCode::InvalidArgument,
                  "not a .byre artifact: expected the identifier \"BYRE\" at byte 8, found "
                  "\"\\x00\\x00\\x00\\x0d\" (it looks like a PNG image)");
}

TEST(ArtifactEnvelope, OtherForeignFiles) {
  const char npyBytes[] = "\x93NUMPY\x01\x00v\x00{'descr': '<f4', ...";
  std::string npy(npyBytes, sizeof(npyBytes) - 1);
  expectLoadError({npy.begin(), npy.end()}, StatusCode::InvalidArgument, "a .npy array");
  std::vector<uint8_t> elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  expectLoadError(elf, StatusCode::InvalidArgument, "an ELF binary");
  std::string text = "module attributes {} { func.func @main() }";
  expectLoadError({text.begin(), text.end()}, StatusCode::InvalidArgument,
                  "found \"ttri\"");
}

TEST(ArtifactEnvelope, WrongIdentifier) {
  std::vector<uint8_t> bytes = validBytes();
  bytes[11] = 'X';
  expectLoadError(bytes, StatusCode::InvalidArgument,
                  "expected the identifier \"BYRE\" at byte 8, found \"BYRX\"");
}

TEST(ArtifactEnvelope, RandomBytes) {
  std::mt19937_64 rng = test::freshRng();
  for (int round = 0; round < 2000; ++round) {
    std::vector<uint8_t> bytes(rng() % 300);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng());
    Status status = loadStatus(bytes);
    ASSERT_FALSE(status.ok()) << "random bytes loaded";
    EXPECT_FALSE(status.message().empty());
  }
}

TEST(ArtifactEnvelope, RandomBodyBehindAValidHeader) {
  std::mt19937_64 rng = test::freshRng();
  for (int round = 0; round < 2000; ++round) {
    std::vector<uint8_t> bytes(12 + rng() % 500);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng());
    uint32_t size = static_cast<uint32_t>(bytes.size() - 4);
    for (int i = 0; i < 4; ++i) bytes[i] = static_cast<uint8_t>(size >> (8 * i));
    std::copy_n("BYRE", 4, bytes.begin() + 8);
    Status status = loadStatus(bytes);
    ASSERT_FALSE(status.ok()) << "random body loaded";
    EXPECT_NE(status.code(), StatusCode::Ok);
    EXPECT_FALSE(status.message().empty());
  }
}

// What moduleWithAttribute() holds, as brt reads it.
ArtifactDesc attributeModuleDesc() {
  ArtifactDesc desc;
  desc.devices = {{"cpu", DeviceKind::CPU, 0, 0, 64}};
  OpDesc op{"NoOp", {}, {}, {{"axis", int64_t{3}}}, 0, -1};
  desc.functions = {{"main", {}, {}, {op}}};
  return desc;
}

// A minimal artifact whose one op carries `attr`, built without brt's writer (the
// checksums are computed from attributeModuleDesc(), independently of the layout).
std::vector<uint8_t> moduleWithAttribute(fb::AttrValue type, bool withValue,
                                         FormatVersion formatVersion = kFormatVersion) {
  flatbuffers::FlatBufferBuilder b;
  auto value = withValue ? fb::CreateIntAttr(b, 3).Union() : flatbuffers::Offset<void>();
  std::vector<flatbuffers::Offset<fb::Attribute>> attrs = {
      fb::CreateAttributeDirect(b, "axis", type, value)};
  std::vector<flatbuffers::Offset<fb::Op>> ops = {
      fb::CreateOpDirect(b, "NoOp", nullptr, nullptr, &attrs, 0, -1)};
  std::vector<flatbuffers::Offset<fb::Function>> functions = {
      fb::CreateFunctionDirect(b, "main", nullptr, nullptr, &ops)};
  std::vector<flatbuffers::Offset<fb::Device>> devices = {
      fb::CreateDeviceDirect(b, "cpu", fb::DeviceKind::CPU, 0, 0, 64)};
  fb::FormatVersion version(static_cast<uint16_t>(formatVersion.major),
                            static_cast<uint16_t>(formatVersion.minor));
  ArtifactDesc desc = attributeModuleDesc();
  desc.version = formatVersion;
  auto module = fb::CreateModule(b, &version, 0, b.CreateVector(devices),
                                 b.CreateVector(functions), 0, 0, checksum64(nullptr, 0),
                                 metadataChecksum(desc), expectedValuesChecksum(desc));
  b.FinishSizePrefixed(module, "BYRE");
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

TEST(ArtifactVerify, HandBuiltModuleLoads) {
  std::vector<uint8_t> bytes = moduleWithAttribute(fb::AttrValue::IntAttr, true);
  StatusOr<Artifact> artifact = Artifact::loadBytes(bytes.data(), bytes.size());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_EQ(artifact->desc(), attributeModuleDesc());
}

TEST(ArtifactVerify, AttributeWithoutValue) {
  expectLoadError(moduleWithAttribute(fb::AttrValue::IntAttr, false), StatusCode::Corrupt,
                  "function 'main': op 'NoOp': attribute 'axis' has no value");
  expectLoadError(moduleWithAttribute(fb::AttrValue::NONE, false), StatusCode::Corrupt,
                  "attribute 'axis' has no value");
}

TEST(ArtifactVerify, AttributeOfAFutureType) {
  FormatVersion newer{kFormatVersion.major, kFormatVersion.minor + 1};
  expectLoadError(moduleWithAttribute(static_cast<fb::AttrValue>(42), true, newer),
                  StatusCode::Unsupported,
                  "attribute 'axis' has a value type (42) unknown to this runtime");
}

TEST(ArtifactVerify, AttributeTypeUnknownToItsOwnFormatIsDamage) {
  expectLoadError(moduleWithAttribute(static_cast<fb::AttrValue>(42), true),
                  StatusCode::Corrupt,
                  "function 'main': op 'NoOp': attribute 'axis' has a value type (42) unknown "
                  "to this runtime, which format " + toString(kFormatVersion) +
                      " does not define: the artifact is damaged");
}

TEST(ArtifactVerify, LoadBytesFromUnalignedMemory) {
  // loadBytes copies into 64-byte aligned memory, so the source may be anywhere.
  std::vector<uint8_t> bytes = validBytes();
  std::vector<uint8_t> shifted(bytes.size() + 8);
  std::copy(bytes.begin(), bytes.end(), shifted.begin() + 8);
  StatusOr<Artifact> artifact = Artifact::loadBytes(shifted.data() + 8, bytes.size());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_EQ(reinterpret_cast<uintptr_t>(artifact->weights().data) % kWeightAlignment, 0u);
}

// A minimal artifact whose weights blob does not start at a multiple of 64
// (written without brt's writer, which always aligns it). Also returns where it starts.
std::vector<uint8_t> moduleWithMisalignedWeights(size_t* weightsOffset) {
  for (size_t filler = 0;; ++filler) {
    flatbuffers::FlatBufferBuilder b;
    std::vector<uint8_t> weightBytes(8, 1);
    auto weights = b.CreateVector(weightBytes);
    auto pad = b.CreateString(std::string(filler, 'p'));
    std::vector<flatbuffers::Offset<fb::Function>> functions = {
        fb::CreateFunctionDirect(b, "main")};
    std::vector<flatbuffers::Offset<fb::Device>> devices = {
        fb::CreateDeviceDirect(b, "cpu", fb::DeviceKind::CPU, 0, 0, 64)};
    auto provenance = fb::CreateProvenance(b, pad);
    fb::FormatVersion version(static_cast<uint16_t>(kFormatVersion.major),
                              static_cast<uint16_t>(kFormatVersion.minor));
    auto module = fb::CreateModule(b, &version, provenance, b.CreateVector(devices),
                                   b.CreateVector(functions), 0, weights);
    b.FinishSizePrefixed(module, "BYRE");
    std::vector<uint8_t> bytes(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
    const fb::Module* root = fb::GetSizePrefixedModule(bytes.data());
    *weightsOffset = static_cast<size_t>(root->weights()->data() - bytes.data());
    if (*weightsOffset % kWeightAlignment != 0) return bytes;
  }
}

TEST(ArtifactVerify, MisalignedWeightsBlob) {
  size_t offset = 0;
  std::vector<uint8_t> bytes = moduleWithMisalignedWeights(&offset);
  expectLoadError(bytes, StatusCode::Corrupt,
                  "artifact's weights blob starts at byte " + std::to_string(offset) +
                      ", not a multiple of 64");
}

// One broken invariant per case: the mutation, and the message it must give
// (after "invalid artifact: ").
struct InvariantCase {
  const char* name;
  std::function<void(ArtifactDesc&)> mutate;
  std::string message;
};

FunctionDesc& mainOf(ArtifactDesc& d) { return d.functions[0]; }

const InvariantCase kInvariantCases[] = {
    {"OpInputIndexOutOfRange", [](ArtifactDesc& d) { mainOf(d).ops[1].inputs[1] = 99; },
     "function 'main': op 1 (MatmulOp): input 1 is buffer 99, out of range (the function "
     "has 8 buffers)"},
    {"OpOutputIndexOutOfRange", [](ArtifactDesc& d) { mainOf(d).ops[0].outputs[0] = 8; },
     "function 'main': op 0 (CopyOp): output 0 is buffer 8, out of range"},
    {"BufferArgumentIndexOutOfRange", [](ArtifactDesc& d) { mainOf(d).buffers[0].index = 4; },
     "function 'main': buffer 0: argument index 4 is out of range (the function has 4 "
     "arguments)"},
    {"BufferDeviceOutOfRange", [](ArtifactDesc& d) { mainOf(d).buffers[3].index = 2; },
     "function 'main': buffer 3: device index 2 is out of range (the artifact has 2 devices)"},
    {"ArenaOverflow", [](ArtifactDesc& d) { mainOf(d).buffers[4].offset = 4072; },
     "function 'main': buffer 4: arena offset 4072 + size 32 exceeds the 4096-byte arena of "
     "device 'cuda:0'"},
    {"ArenaOffsetWrapsAround",
     [](ArtifactDesc& d) { mainOf(d).buffers[4].offset = std::numeric_limits<uint64_t>::max() - 15; },
     "function 'main': buffer 4: arena offset 18446744073709551600 + size 32 exceeds the "
     "4096-byte arena of device 'cuda:0'"},
    {"ArenaTooSmall", [](ArtifactDesc& d) { d.devices[0].arenaSize = 95; },
     "function 'main': buffer 6: arena offset 64 + size 32 exceeds the 95-byte arena of "
     "device 'cpu'"},
    {"MisalignedWeight", [](ArtifactDesc& d) { mainOf(d).arguments[2].weight->offset = 8; },
     "function 'main': argument 'b': weight data at offset 8 is not aligned to 64 bytes"},
    {"WeightOutsideBlob", [](ArtifactDesc& d) { mainOf(d).arguments[2].weight->offset = 128; },
     "function 'main': argument 'b': weight data (offset 128, size 16) lies outside the "
     "weights blob of 80 bytes"},
    {"WeightSizeMismatch", [](ArtifactDesc& d) { mainOf(d).arguments[1].shape = {4, 4}; },
     "function 'main': argument 'w': weight data has 48 bytes but f32[4, 4] needs 64"},
    {"WeightWithoutReference", [](ArtifactDesc& d) { mainOf(d).arguments[1].weight.reset(); },
     "function 'main': argument 'w': is a weight without a weight reference"},
    {"ExpectedValueOnWeight",
     [](ArtifactDesc& d) { mainOf(d).arguments[1].expectedValue.assign(48, 1); },
     "function 'main': argument 'w': has an expected value, but only inputs have one (it "
     "is a weight)"},
    {"ExpectedValueSizeMismatch",
     [](ArtifactDesc& d) { mainOf(d).arguments[0].expectedValue.assign(4, 1); },
     "function 'main': argument 'x': expected value has 4 bytes but f32[2, 3] needs 24"},
    {"ExpectedValueBeforeItsFormat",
     [](ArtifactDesc& d) {
       d.version = kChecksumsSince;
       mainOf(d).arguments[0].expectedValue.assign(24, 1);
     },
     "function 'main': argument 'x': has an expected value, which format 1.1 does not "
     "define (1.2 and later do)"},
    {"InputWithWeightData", [](ArtifactDesc& d) { mainOf(d).arguments[0].weight = WeightRef{0, 24}; },
     "function 'main': argument 'x': is an input but has weight data"},
    {"DuplicateArgumentName", [](ArtifactDesc& d) { mainOf(d).arguments[2].name = "w"; },
     "function 'main': duplicate argument name 'w'"},
    {"EmptyArgumentName", [](ArtifactDesc& d) { mainOf(d).arguments[0].name = ""; },
     "function 'main': argument has an empty name"},
    {"UnknownDType", [](ArtifactDesc& d) { mainOf(d).arguments[0].dtype = static_cast<DType>(77); },
     "function 'main': argument 'x': unknown dtype value 77"},
    {"UnknownArgumentKind",
     [](ArtifactDesc& d) { mainOf(d).arguments[0].kind = static_cast<ArgKind>(9); },
     "function 'main': argument 'x': unknown argument kind 9"},
    {"NegativeDim", [](ArtifactDesc& d) { mainOf(d).arguments[0].shape = {2, -3}; },
     "function 'main': argument 'x': shape [2, -3] has negative dim -3 at index 1"},
    {"ArgumentDeviceOutOfRange", [](ArtifactDesc& d) { mainOf(d).arguments[3].device = 5; },
     "function 'main': argument 'y': device index 5 is out of range"},
    {"BufferSizeMismatch", [](ArtifactDesc& d) { mainOf(d).buffers[3].size = 28; },
     "function 'main': buffer 3: size 28 differs from the 24 bytes of f32[2, 3]"},
    {"MisalignedBufferOffset", [](ArtifactDesc& d) { mainOf(d).buffers[6].offset = 66; },
     "function 'main': buffer 6: offset 66 is not a multiple of the 4-byte element size"},
    {"UnknownBufferKind",
     [](ArtifactDesc& d) { mainOf(d).buffers[0].kind = static_cast<BufferKind>(5); },
     "function 'main': buffer 0: unknown buffer kind 5"},
    {"ArgumentViewDTypeMismatch",
     [](ArtifactDesc& d) {
       mainOf(d).buffers[7].dtype = DType::I32;
     },
     "function 'main': buffer 7: dtype i32 differs from the dtype f32 of argument 'y'"},
    {"ArgumentViewBeyondArgument", [](ArtifactDesc& d) { mainOf(d).buffers[7].offset = 20; },
     "function 'main': buffer 7: offset 20 + size 16 exceeds the 32 bytes of argument 'y'"},
    {"CrossDeviceOperandWithoutCopy", [](ArtifactDesc& d) { mainOf(d).ops[1].inputs[0] = 0; },
     "function 'main': op 1 (MatmulOp): input 0 (buffer 0) lives on device 'cpu' but the op "
     "runs on 'cuda:0' (only CopyOp crosses memory spaces)"},
    {"CopyWithTwoInputs", [](ArtifactDesc& d) { mainOf(d).ops[0].inputs.push_back(2); },
     "function 'main': op 0 (CopyOp): CopyOp needs one input and one output, not 2 and 1"},
    {"CopySizeMismatch", [](ArtifactDesc& d) { mainOf(d).ops[3].outputs[0] = 7; },
     "function 'main': op 3 (CopyOp): CopyOp copies 32 bytes into a buffer of 16"},
    {"OutputWritesAWeight", [](ArtifactDesc& d) { mainOf(d).ops[2].outputs[0] = 2; },
     "function 'main': op 2 (PTXOp): output 0 (buffer 2) writes to weight 'b'"},
    {"OpDeviceOutOfRange", [](ArtifactDesc& d) { mainOf(d).ops[4].device = 3; },
     "function 'main': op 4 (LLVMKernelOp): device index 3 is out of range"},
    {"KernelIndexOutOfRange", [](ArtifactDesc& d) { mainOf(d).ops[4].kernel = 2; },
     "function 'main': op 4 (LLVMKernelOp): kernel index 2 is out of range (the artifact has 2 "
     "kernels)"},
    {"KernelFormatDoesNotMatchDevice", [](ArtifactDesc& d) { mainOf(d).ops[4].kernel = 1; },
     "function 'main': op 4 (LLVMKernelOp): kernel 'gpu_module' (ptx) cannot run on device "
     "'cpu'"},
    {"DuplicateAttributeName", [](ArtifactDesc& d) { mainOf(d).ops[2].attrs[1].name = "kernel_name"; },
     "function 'main': op 2 (PTXOp): duplicate attribute name 'kernel_name'"},
    {"EmptyCallee", [](ArtifactDesc& d) { mainOf(d).ops[1].callee = ""; },
     "function 'main': op 1 has an empty callee"},
    {"DuplicateFunctionName", [](ArtifactDesc& d) { d.functions[1].name = "main"; },
     "duplicate function name 'main'"},
    {"NoFunctions", [](ArtifactDesc& d) { d.functions.clear(); }, "the artifact has no functions"},
    {"DuplicateDeviceName", [](ArtifactDesc& d) { d.devices[1].name = "cpu"; },
     "duplicate device name 'cpu'"},
    {"NoDevices", [](ArtifactDesc& d) { d.devices.clear(); }, "the artifact has no devices"},
    {"ArenaAlignmentNotPowerOfTwo", [](ArtifactDesc& d) { d.devices[1].arenaAlignment = 48; },
     "device 'cuda:0' has arena alignment 48, which is not a power of two"},
    {"UnknownDeviceKind", [](ArtifactDesc& d) { d.devices[1].kind = static_cast<DeviceKind>(7); },
     "device 'cuda:0' has unknown kind 7"},
    {"NegativeOrdinal", [](ArtifactDesc& d) { d.devices[1].ordinal = -1; },
     "device 'cuda:0' has negative ordinal -1"},
    {"DuplicateKernelName", [](ArtifactDesc& d) { d.kernels[1].name = "cpu_kernels"; },
     "duplicate kernel name 'cpu_kernels'"},
    {"UnknownKernelFormat",
     [](ArtifactDesc& d) { d.kernels[0].format = static_cast<KernelFormat>(9); },
     "kernel 'cpu_kernels' has unknown format 9"},
};

// Names the case in test output (instead of gtest's byte dump).
void PrintTo(const InvariantCase& c, std::ostream* os) { *os << c.name; }

class ArtifactInvariant : public ::testing::TestWithParam<InvariantCase> {};

TEST_P(ArtifactInvariant, LoaderAndBuilderRejectIt) {
  ArtifactBuilder builder = makeValidBuilder();
  GetParam().mutate(builder.desc());
  std::string expected = "invalid artifact: " + GetParam().message;
  expectLoadError(encode(builder), StatusCode::Corrupt, expected);
  Status fromBuilder = builder.finish().status();
  EXPECT_EQ(fromBuilder.code(), StatusCode::Corrupt);
  EXPECT_EQ(fromBuilder.message().rfind(expected, 0), 0u) << fromBuilder;
}

INSTANTIATE_TEST_SUITE_P(Each, ArtifactInvariant, ::testing::ValuesIn(kInvariantCases),
                         [](const ::testing::TestParamInfo<InvariantCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace brt
