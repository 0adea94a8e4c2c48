// Format version handling: a newer major is refused with both versions named,
// a newer minor is read, and the version is found even when the rest of a
// newer-major file does not match this runtime's schema.
#include <gtest/gtest.h>

#include "TestArtifacts.h"
#include "brt/Artifact.h"
#include "brt/FileIO.h"
#include "byre_generated.h"

namespace brt {
namespace {

using test::encode;
using test::loadStatus;
using test::makeValidBuilder;

std::string newerMessage(const std::string& artifactVersion) {
  return "artifact format " + artifactVersion + " is newer than this runtime's " +
         toString(kFormatVersion) + "; use a newer runtime or recompile the model";
}

// A root table with `version` and, in the Provenance slot, a string: a layout
// schema 1 cannot verify.
std::vector<uint8_t> foreignLayout(FormatVersion version) {
  flatbuffers::FlatBufferBuilder b;
  auto text = b.CreateString("abc");
  auto start = b.StartTable();
  fb::FormatVersion v(static_cast<uint16_t>(version.major), static_cast<uint16_t>(version.minor));
  b.AddStruct(fb::Module::VT_VERSION, &v);
  b.AddOffset(fb::Module::VT_PROVENANCE, text);
  auto root = flatbuffers::Offset<fb::Module>(b.EndTable(start));
  b.FinishSizePrefixed(root, "BYRE");
  return std::vector<uint8_t>(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
}

TEST(ArtifactVersion, NewerMajorIsRefusedNamingBothVersions) {
  ArtifactBuilder builder = makeValidBuilder();
  builder.setFormatVersion({kFormatVersion.major + 1, 0});
  Status status = loadStatus(encode(builder));
  EXPECT_EQ(status.code(), StatusCode::Unsupported);
  EXPECT_EQ(status.message(), newerMessage(std::to_string(kFormatVersion.major + 1) + ".0"));
}

TEST(ArtifactVersion, NewerMajorIsRefusedEvenIfItsLayoutIsForeign) {
  // Control: with this runtime's major the layout fails verification...
  Status current = loadStatus(foreignLayout(kFormatVersion));
  EXPECT_EQ(current.code(), StatusCode::Corrupt);
  EXPECT_EQ(current.message(), "artifact is corrupt: it fails FlatBuffers verification");
  // ...but a newer major is reported as such, before verification.
  Status newer = loadStatus(foreignLayout({kFormatVersion.major + 1, 3}));
  EXPECT_EQ(newer.code(), StatusCode::Unsupported);
  EXPECT_EQ(newer.message(), newerMessage(std::to_string(kFormatVersion.major + 1) + ".3"));
}

TEST(ArtifactVersion, NewerMinorIsRead) {
  ArtifactBuilder builder = makeValidBuilder();
  builder.setFormatVersion({kFormatVersion.major, kFormatVersion.minor + 7});
  std::vector<uint8_t> bytes = encode(builder);
  StatusOr<Artifact> artifact = Artifact::loadBytes(bytes.data(), bytes.size());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_EQ(artifact->version(), (FormatVersion{kFormatVersion.major, kFormatVersion.minor + 7}));
}

TEST(ArtifactVersion, OlderUnsupportedMajorIsRefused) {
  ArtifactBuilder builder = makeValidBuilder();
  builder.setFormatVersion({kOldestReadableVersion.major - 1, 5});
  Status status = loadStatus(encode(builder));
  EXPECT_EQ(status.code(), StatusCode::Unsupported);
  EXPECT_EQ(status.message(), "artifact format " +
                                  std::to_string(kOldestReadableVersion.major - 1) +
                                  ".5 is older than the oldest this runtime reads (" +
                                  toString(kOldestReadableVersion) + "); recompile the model");
}

// 1.0 artifacts have no checksums, so damage in them could not be detected.
TEST(ArtifactVersion, FormatWithoutChecksumsIsRefused) {
  ArtifactBuilder builder = makeValidBuilder();
  builder.setFormatVersion({1, 0});
  std::vector<uint8_t> bytes = encode(builder);
  const fb::Module* module = fb::GetSizePrefixedModule(bytes.data());
  EXPECT_FALSE(module->metadata_checksum().has_value());  // written as 1.0 was
  EXPECT_FALSE(module->weights_checksum().has_value());
  EXPECT_FALSE(module->kernels()->Get(0)->checksum().has_value());
  Status status = loadStatus(bytes);
  EXPECT_EQ(status.code(), StatusCode::Unsupported);
  EXPECT_EQ(status.message(),
            "artifact format 1.0 is older than the oldest this runtime reads (1.1): it has no "
            "integrity checksums; recompile the model");
}

TEST(ArtifactVersion, CurrentFormatHasChecksums) {
  EXPECT_EQ(kFormatVersion, (FormatVersion{1, 2}));
  std::vector<uint8_t> bytes = encode(makeValidBuilder());
  const fb::Module* module = fb::GetSizePrefixedModule(bytes.data());
  EXPECT_TRUE(module->metadata_checksum().has_value());
  EXPECT_TRUE(module->expected_values_checksum().has_value());
  EXPECT_TRUE(module->weights_checksum().has_value());
  for (const fb::KernelBlob* kernel : *module->kernels())
    EXPECT_TRUE(kernel->checksum().has_value());
}

// A 1.1 artifact (no expected values, no checksum of them) still loads.
TEST(ArtifactVersion, PreviousMinorWithoutExpectedValuesIsRead) {
  ArtifactBuilder builder = makeValidBuilder();
  builder.setFormatVersion(kChecksumsSince);
  std::vector<uint8_t> bytes = encode(builder);
  EXPECT_FALSE(fb::GetSizePrefixedModule(bytes.data())->expected_values_checksum().has_value());
  StatusOr<Artifact> artifact = Artifact::loadBytes(bytes.data(), bytes.size());
  ASSERT_TRUE(artifact.ok()) << artifact.status();
  EXPECT_EQ(artifact->version(), kChecksumsSince);
}

TEST(ArtifactVersion, MissingVersionIsCorrupt) {
  flatbuffers::FlatBufferBuilder b;
  b.FinishSizePrefixed(fb::CreateModule(b), "BYRE");
  std::vector<uint8_t> bytes(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
  Status status = loadStatus(bytes);
  EXPECT_EQ(status.code(), StatusCode::Corrupt);
  EXPECT_EQ(status.message(), "artifact has no format version");
}

TEST(ArtifactVersion, LoadFileNamesThePath) {
  ArtifactBuilder builder = makeValidBuilder();
  builder.setFormatVersion({kFormatVersion.major + 1, 0});
  std::vector<uint8_t> bytes = encode(builder);
  std::string path = test::tempPath("future.byre");
  ASSERT_TRUE(writeFileBytes(path, bytes.data(), bytes.size()).ok());
  Status status = Artifact::loadFile(path).status();
  EXPECT_EQ(status.message(),
            path + ": " + newerMessage(std::to_string(kFormatVersion.major + 1) + ".0"));
}

}  // namespace
}  // namespace brt
