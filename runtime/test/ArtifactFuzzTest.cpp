// Random corruption of a valid artifact: every load must end in Ok or an error
// with a message, never a crash (run under ASan/UBSan to catch silent ones).
#include <gtest/gtest.h>

#include "TestArtifacts.h"
#include "brt/Artifact.h"

namespace brt {
namespace {

struct Outcome {
  int accepted = 0;
  int rejected = 0;
};

void loadAndCheck(const std::vector<uint8_t>& bytes, Outcome& outcome) {
  StatusOr<Artifact> artifact = Artifact::loadBytes(bytes.data(), bytes.size());
  if (!artifact.ok()) {
    EXPECT_FALSE(artifact.status().message().empty());
    ++outcome.rejected;
    return;
  }
  ++outcome.accepted;
  // Whatever loaded must be safe to walk.
  for (const FunctionDesc& f : artifact->desc().functions) {
    for (const ArgumentDesc& a : f.arguments) {
      ByteSpan data = artifact->weightData(a);
      if (!data.empty()) {
        EXPECT_GE(data.data, artifact->weights().data);
      }
    }
  }
  for (size_t i = 0; i < artifact->desc().kernels.size(); ++i)
    EXPECT_EQ(artifact->kernelData(i).size, artifact->desc().kernels[i].size);
}

TEST(ArtifactFuzz, MutatedBytesNeverCrash) {
  std::vector<uint8_t> valid = test::encode(test::makeValidBuilder());
  std::mt19937_64 rng = test::freshRng();
  Outcome outcome;
  for (int round = 0; round < 20000; ++round) {
    std::vector<uint8_t> bytes = valid;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; ++i) {
      size_t at = 4 + rng() % (bytes.size() - 4);  // keep the size prefix
      bytes[at] = rng() % 3 == 0 ? static_cast<uint8_t>(bytes[at] ^ (1u << (rng() % 8)))
                                 : static_cast<uint8_t>(rng());
    }
    loadAndCheck(bytes, outcome);
  }
  EXPECT_GT(outcome.rejected, 0);
  std::cerr << "[ fuzz     ] accepted " << outcome.accepted << ", rejected "
            << outcome.rejected << "\n";
}

TEST(ArtifactFuzz, MutatedSizePrefixAndTruncationNeverCrash) {
  std::vector<uint8_t> valid = test::encode(test::makeValidBuilder());
  std::mt19937_64 rng = test::freshRng();
  Outcome outcome;
  for (int round = 0; round < 3000; ++round) {
    std::vector<uint8_t> bytes(valid.begin(), valid.begin() + 12 + rng() % (valid.size() - 12));
    bytes[rng() % bytes.size()] = static_cast<uint8_t>(rng());
    uint32_t size = static_cast<uint32_t>(bytes.size() - 4);  // claim the cut size
    for (int i = 0; i < 4; ++i) bytes[i] = static_cast<uint8_t>(size >> (8 * i));
    loadAndCheck(bytes, outcome);
  }
  EXPECT_GT(outcome.rejected, 0);
}

}  // namespace
}  // namespace brt
