// The integrity checksums of format 1.1: the hash itself, and that damage to kernel
// bytes, weights and metadata (even damage the FlatBuffers verifier and the
// semantic validation accept) is refused with a message saying what is damaged.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>

#include "TestArtifacts.h"
#include "brt/Artifact.h"
#include "brt/Checksum.h"
#include "brt/FileIO.h"
#include "byre_generated.h"

namespace brt {
namespace {

using test::encode;
using test::loadStatus;

uint64_t checksumOf(const std::string& text) { return checksum64(text.data(), text.size()); }

// The bytes (i * 31 + 7) mod 256, i = 0, 1, ...
std::vector<uint8_t> pattern(size_t size) {
  std::vector<uint8_t> bytes(size);
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(i * 31 + 7);
  return bytes;
}

// Reference values from the xxHash library's XXH64(data, size, /*seed=*/0).
TEST(ArtifactChecksum, IsXXH64) {
  EXPECT_EQ(checksumOf(""), 0xef46db3751d8e999ull);
  EXPECT_EQ(checksumOf("a"), 0xd24ec4f1a98c6e5bull);
  EXPECT_EQ(checksumOf("abc"), 0x44bc2cf5ad770999ull);
  EXPECT_EQ(checksumOf("message digest"), 0x066ed728fceeb3beull);
  EXPECT_EQ(checksumOf("abcdefghijklmnopqrstuvwxyz"), 0xcfe1f278fa89835cull);
  EXPECT_EQ(checksumOf("The quick brown fox jumps over the lazy dog"), 0x0b242d361fda71bcull);
  const std::pair<size_t, uint64_t> kPattern[] = {
      {1, 0xa96c7f0ce858bbb7ull},  {3, 0x56e6957632a487f9ull},  {4, 0xc60d15b1e3ff8f04ull},
      {7, 0xafbefc3d6c6f9a8eull},  {8, 0x3da5c7aa269683e0ull},  {31, 0x4a74f3a1a39ad4a1ull},
      {32, 0x8d57d6a4671cc43dull}, {33, 0x62c9fd21ed857664ull}, {63, 0x5c320a0d2707057full},
      {64, 0x7bbabbc45729d17eull}, {100, 0xefa0ad2d3e70c151ull}, {1000, 0x99594f4828043d35ull},
  };
  for (auto [size, expected] : kPattern)
    EXPECT_EQ(checksum64(pattern(size).data(), size), expected) << size << " bytes";
}

TEST(ArtifactChecksum, StreamingEqualsOneShot) {
  std::vector<uint8_t> data = pattern(1000);
  std::mt19937_64 rng = test::freshRng();
  for (int round = 0; round < 200; ++round) {
    size_t size = rng() % data.size();
    Checksum64 stream;
    for (size_t at = 0; at < size;) {
      size_t piece = std::min<size_t>(size - at, rng() % 70);
      stream.update(data.data() + at, piece);
      at += piece;
    }
    EXPECT_EQ(stream.digest(), checksum64(data.data(), size)) << size << " bytes";
  }
}

// Where a byte vector of `bytes` lies in the file.
std::pair<size_t, size_t> rangeOf(const std::vector<uint8_t>& file,
                                  const flatbuffers::Vector<uint8_t>* bytes) {
  return {static_cast<size_t>(bytes->data() - file.data()), bytes->size()};
}

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

TEST(ArtifactChecksum, EveryKernelByteIsChecked) {
  std::vector<uint8_t> valid = encode(test::makeRunnableBuilder());
  const fb::Module* module = fb::GetSizePrefixedModule(valid.data());
  auto [begin, size] = rangeOf(valid, module->kernels()->Get(0)->data());
  ASSERT_GT(size, 1000u);
  std::string expected = "artifact is damaged: the " + std::to_string(size) +
                         " bytes of kernel 'test_kernels' do not match their checksum (stored 0x";
  std::mt19937_64 rng = test::freshRng();
  for (size_t at = begin; at < begin + size; ++at) {
    std::vector<uint8_t> bytes = valid;
    bytes[at] ^= static_cast<uint8_t>(1u << (rng() % 8));
    Status status = loadStatus(bytes);
    ASSERT_EQ(status.code(), StatusCode::Corrupt) << "byte " << at << ": " << status;
    ASSERT_TRUE(startsWith(status.message(), expected)) << "byte " << at << ": " << status;
    ASSERT_NE(status.message().find("; copy or recompile the model again"), std::string::npos);
  }
}

TEST(ArtifactChecksum, EveryWeightByteIsChecked) {
  std::vector<uint8_t> valid = encode(test::makeValidBuilder());
  const fb::Module* module = fb::GetSizePrefixedModule(valid.data());
  auto [begin, size] = rangeOf(valid, module->weights());
  ASSERT_EQ(size, 80u);
  for (size_t at = begin; at < begin + size; ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      std::vector<uint8_t> bytes = valid;
      bytes[at] ^= static_cast<uint8_t>(1u << bit);
      Status status = loadStatus(bytes);
      ASSERT_EQ(status.code(), StatusCode::Corrupt) << status;
      ASSERT_TRUE(startsWith(status.message(), "artifact is damaged: the 80 bytes of the weights "
                                               "do not match their checksum"))
          << status;
    }
  }
}

TEST(ArtifactChecksum, ShortenedKernelIsCaught) {
  // A smaller length field still passes the FlatBuffers verifier; before checksums a
  // truncated shared object reached dlopen.
  std::vector<uint8_t> bytes = encode(test::makeRunnableBuilder());
  const fb::Module* module = fb::GetSizePrefixedModule(bytes.data());
  auto [begin, size] = rangeOf(bytes, module->kernels()->Get(0)->data());
  uint32_t shorter = static_cast<uint32_t>(size - 256);
  std::memcpy(bytes.data() + begin - 4, &shorter, 4);
  Status status = loadStatus(bytes);
  EXPECT_EQ(status.code(), StatusCode::Corrupt);
  EXPECT_TRUE(startsWith(status.message(), "artifact is damaged: the " + std::to_string(shorter) +
                                               " bytes of kernel 'test_kernels' do not match"))
      << status;
}

// Overwrites the u32 at `p` (a pointer into `bytes`' original buffer `base`).
void patchU32(std::vector<uint8_t>& bytes, const std::vector<uint8_t>& base, const void* p,
              uint32_t value) {
  size_t at = static_cast<const uint8_t*>(p) - base.data();
  std::memcpy(bytes.data() + at, &value, 4);
}

void expectMetadataDamage(const std::vector<uint8_t>& bytes) {
  Status status = loadStatus(bytes);
  EXPECT_EQ(status.code(), StatusCode::Corrupt) << status;
  EXPECT_TRUE(startsWith(status.message(),
                         "artifact is damaged: its metadata does not match its checksum (stored 0x"))
      << status;
}

// Damage that is well-formed and semantically valid, so only the checksum can tell.
TEST(ArtifactChecksum, PlausibleMetadataDamageIsCaught) {
  const std::vector<uint8_t> valid = encode(test::makeRunnableBuilder());
  ASSERT_TRUE(loadStatus(valid).ok()) << loadStatus(valid);
  const fb::Module* module = fb::GetSizePrefixedModule(valid.data());
  const fb::Function* main = module->functions()->Get(0);
  const fb::Op* softmax = main->ops()->Get(0);
  {
    // The op's operand list loses its input: the kernel would read a pointer past the
    // end of the array the runtime passes (this crashed brt-run before checksums).
    std::vector<uint8_t> bytes = valid;
    patchU32(bytes, valid, softmax->inputs(), 0);
    expectMetadataDamage(bytes);
  }
  {
    // The op reads y instead of x: same size, same device, still valid.
    std::vector<uint8_t> bytes = valid;
    patchU32(bytes, valid, softmax->inputs()->Data(), 1);
    expectMetadataDamage(bytes);
  }
  {
    // x grows from f32[4] to f32[65540]: its buffer still fits inside it.
    std::vector<uint8_t> bytes = valid;
    patchU32(bytes, valid, main->arguments()->Get(0)->shape()->Data(), 65540);
    expectMetadataDamage(bytes);
  }
  {
    // The stored checksum itself.
    std::vector<uint8_t> bytes = valid;
    const flatbuffers::Table* table = reinterpret_cast<const flatbuffers::Table*>(module);
    const uint8_t* field = table->GetAddressOf(fb::Module::VT_METADATA_CHECKSUM);
    ASSERT_NE(field, nullptr);
    bytes[field - valid.data() + 3] ^= 0x10;
    expectMetadataDamage(bytes);
  }
  {
    // The format version's minor (a newer minor is otherwise readable).
    std::vector<uint8_t> bytes = valid;
    const uint8_t* version = reinterpret_cast<const uint8_t*>(module->version());
    bytes[version - valid.data() + 2] ^= 0x04;
    expectMetadataDamage(bytes);
  }
}

// A 1.1 module (written without brt's writer) whose kernel or weights have no checksum.
std::vector<uint8_t> moduleMissingChecksum(bool kernelChecksum, bool weightsChecksum) {
  ArtifactDesc desc;
  desc.version = kChecksumsSince;
  desc.devices = {{"cpu", DeviceKind::CPU, 0, 0, 64}};
  desc.kernels = {{"k", KernelFormat::SharedObject, "x86_64-linux-gnu", 4}};
  desc.functions = {{"main", {}, {}, {}}};
  std::vector<uint8_t> code = {0x7f, 'E', 'L', 'F'};
  flatbuffers::FlatBufferBuilder b;
  auto data = b.CreateVector(code);
  auto name = b.CreateString("k");
  auto target = b.CreateString("x86_64-linux-gnu");
  std::vector<flatbuffers::Offset<fb::KernelBlob>> kernels = {fb::CreateKernelBlob(
      b, name, fb::KernelFormat::SharedObject, target, data,
      kernelChecksum ? flatbuffers::Optional<uint64_t>(checksum64(code.data(), code.size()))
                     : flatbuffers::nullopt)};
  std::vector<flatbuffers::Offset<fb::Function>> functions = {
      fb::CreateFunctionDirect(b, "main")};
  std::vector<flatbuffers::Offset<fb::Device>> devices = {
      fb::CreateDeviceDirect(b, "cpu", fb::DeviceKind::CPU, 0, 0, 64)};
  fb::FormatVersion version(static_cast<uint16_t>(kChecksumsSince.major),
                            static_cast<uint16_t>(kChecksumsSince.minor));
  auto module = fb::CreateModule(
      b, &version, 0, b.CreateVector(devices), b.CreateVector(functions),
      b.CreateVector(kernels), 0,
      weightsChecksum ? flatbuffers::Optional<uint64_t>(checksum64(nullptr, 0))
                      : flatbuffers::nullopt,
      metadataChecksum(desc));
  b.FinishSizePrefixed(module, "BYRE");
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

TEST(ArtifactChecksum, MissingChecksumsAreDamage) {
  EXPECT_TRUE(loadStatus(moduleMissingChecksum(true, true)).ok())
      << loadStatus(moduleMissingChecksum(true, true));
  Status kernel = loadStatus(moduleMissingChecksum(false, true));
  EXPECT_EQ(kernel.code(), StatusCode::Corrupt);
  EXPECT_EQ(kernel.message(),
            "artifact is damaged: no checksum for the bytes of kernel 'k' (format 1.1 and later "
            "require one); copy or recompile the model again");
  Status weights = loadStatus(moduleMissingChecksum(true, false));
  EXPECT_EQ(weights.code(), StatusCode::Corrupt);
  EXPECT_EQ(weights.message(),
            "artifact is damaged: no checksum for the bytes of the weights (format 1.1 and "
            "later require one); copy or recompile the model again");

  // A 1.0 artifact relabelled 1.1 has no metadata checksum.
  ArtifactBuilder old = test::makeValidBuilder();
  old.setFormatVersion({1, 0});
  std::vector<uint8_t> bytes = encode(old);
  const fb::Module* module = fb::GetSizePrefixedModule(bytes.data());
  size_t minor = reinterpret_cast<const uint8_t*>(module->version()) - bytes.data() + 2;
  bytes[minor] = 1;
  Status metadata = loadStatus(bytes);
  EXPECT_EQ(metadata.code(), StatusCode::Corrupt);
  EXPECT_EQ(metadata.message(),
            "artifact is damaged: it has no metadata checksum (format 1.1 and later require "
            "one); copy or recompile the model again");
}

// Expected values (1.2) have a checksum of their own, outside the frozen metadata
// checksum: a changed byte is damage.
TEST(ArtifactChecksum, ExpectedValuesAreChecked) {
  ArtifactBuilder builder = test::makeValidBuilder();
  builder.desc().functions[1].arguments[0].expectedValue.assign(16, 0x3c);
  std::vector<uint8_t> valid = encode(builder);
  ASSERT_TRUE(loadStatus(valid).ok()) << loadStatus(valid);
  const fb::Module* module = fb::GetSizePrefixedModule(valid.data());
  const auto* value = module->functions()->Get(1)->arguments()->Get(0)->expected_value();
  ASSERT_NE(value, nullptr);
  auto [begin, size] = rangeOf(valid, value);
  for (size_t i = 0; i < size; ++i) {
    std::vector<uint8_t> bytes = valid;
    bytes[begin + i] ^= 0x10;
    Status status = loadStatus(bytes);
    EXPECT_EQ(status.code(), StatusCode::Corrupt);
    EXPECT_TRUE(startsWith(status.message(), "artifact is damaged: its inputs' expected "
                                             "values do not match their checksum"))
        << status;
  }
  ArtifactDesc edited = builder.desc();
  uint64_t reference = expectedValuesChecksum(edited);
  edited.functions[1].arguments[0].expectedValue.clear();
  EXPECT_NE(expectedValuesChecksum(edited), reference);
  EXPECT_EQ(metadataChecksum(edited), metadataChecksum(builder.desc()));  // frozen at 1.1
}

TEST(ArtifactChecksum, LoadFileNamesThePathAndTheKernel) {
  std::vector<uint8_t> bytes = encode(test::makeRunnableBuilder());
  const fb::Module* module = fb::GetSizePrefixedModule(bytes.data());
  auto [begin, size] = rangeOf(bytes, module->kernels()->Get(0)->data());
  bytes[begin + size / 2] ^= 0x01;
  std::string path = test::tempPath("damaged.byre");
  ASSERT_TRUE(writeFileBytes(path, bytes.data(), bytes.size()).ok());
  Status status = Artifact::loadFile(path).status();
  EXPECT_EQ(status.code(), StatusCode::Corrupt);
  EXPECT_TRUE(startsWith(status.message(), path + ": artifact is damaged: the " +
                                               std::to_string(size) +
                                               " bytes of kernel 'test_kernels'"))
      << status;
}

// The metadata checksum is computed from the values, so every value must read back
// exactly as written: a -0.0 attribute (FlatBuffers drops fields equal to their
// default, and -0.0 == 0.0) and strings with NUL bytes.
TEST(ArtifactChecksum, ValuesReadBackBitExact) {
  ArtifactBuilder builder = test::makeValidBuilder();
  OpDesc& op = builder.desc().functions[1].ops[0];
  op.attrs.push_back({"negative_zero", -0.0});
  op.attrs.push_back({"nan", std::nan("")});
  op.attrs.push_back({"nul", std::string("a\0b", 3)});
  builder.desc().provenance.options = std::string("x\0y", 3);
  StatusOr<std::vector<uint8_t>> bytes = builder.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  StatusOr<Artifact> artifact = Artifact::loadBytes(bytes->data(), bytes->size());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  const OpDesc& loaded = artifact->desc().functions[1].ops[0];
  EXPECT_TRUE(std::signbit(std::get<double>(*loaded.findAttr("negative_zero"))));
  EXPECT_TRUE(std::isnan(std::get<double>(*loaded.findAttr("nan"))));
  EXPECT_EQ(std::get<std::string>(*loaded.findAttr("nul")), std::string("a\0b", 3));
  EXPECT_EQ(artifact->desc().provenance.options, std::string("x\0y", 3));
}

TEST(ArtifactChecksum, MetadataChecksumCoversEveryField) {
  ArtifactDesc base = test::makeValidBuilder().desc();
  uint64_t reference = metadataChecksum(base);
  std::vector<std::function<void(ArtifactDesc&)>> edits = {
      [](ArtifactDesc& d) { d.version.minor += 1; },
      [](ArtifactDesc& d) { d.provenance.sourceHash += "0"; },
      [](ArtifactDesc& d) { d.devices[1].arenaAlignment = 128; },
      [](ArtifactDesc& d) { d.devices[0].ordinal = 1; },
      [](ArtifactDesc& d) { d.kernels[1].target = "sm_80"; },
      [](ArtifactDesc& d) { d.kernels[0].format = KernelFormat::CUBIN; },
      [](ArtifactDesc& d) { d.functions[0].arguments[1].weight->offset = 64; },
      [](ArtifactDesc& d) { d.functions[0].arguments[0].shape = {3, 2}; },
      [](ArtifactDesc& d) { d.functions[0].buffers[6].offset = 0; },
      [](ArtifactDesc& d) { d.functions[0].ops[4].inputs.clear(); },
      [](ArtifactDesc& d) { d.functions[0].ops[4].kernel = -1; },
      [](ArtifactDesc& d) { d.functions[0].ops[2].attrs[3].value = 1.25; },
      [](ArtifactDesc& d) { d.functions[0].ops[2].attrs[4].value = false; },
      [](ArtifactDesc& d) { d.functions[0].ops[2].attrs[0].value = std::string("bias_ad"); },
      [](ArtifactDesc& d) { d.functions[0].ops[2].attrs[1].value = std::vector<int64_t>{1, 1}; },
      // An attribute changing type but not its encoded value: true -> 1.
      [](ArtifactDesc& d) { d.functions[0].ops[2].attrs[4].value = int64_t{1}; },
      [](ArtifactDesc& d) { std::swap(d.functions[0], d.functions[1]); },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    ArtifactDesc edited = base;
    edits[i](edited);
    EXPECT_NE(metadataChecksum(edited), reference) << "edit " << i;
  }
  // Byte counts are covered by the data checksums instead.
  ArtifactDesc sizes = base;
  sizes.weightsSize += 64;
  sizes.kernels[0].size += 1;
  EXPECT_EQ(metadataChecksum(sizes), reference);
}

}  // namespace
}  // namespace brt
