// Interop with NumPy itself: numpy loads every file brt writes (checking dtype,
// shape and values), saves it again, and brt reads numpy's file back.
// Skipped when BRT_TEST_PYTHON cannot import numpy.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <iterator>
#include <random>
#include <sstream>

#include "TestArtifacts.h"
#include "brt/FileIO.h"
#include "brt/Npy.h"

namespace brt {
namespace {

const char* kScript = R"(
import sys
import numpy as np
directory, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    with open(f"{directory}/expect_{i}.txt") as f:
        descr, shape, hexdata = (f.read().split("\n") + [""])[:3]
    a = np.load(f"{directory}/ours_{i}.npy")
    want = np.dtype(descr)
    assert a.dtype == want, (i, a.dtype, want)
    assert list(a.shape) == [int(d) for d in shape.split()], (i, a.shape, shape)
    assert a.tobytes() == bytes.fromhex(hexdata), (i, "data differs")
    np.save(f"{directory}/theirs_{i}.npy", a)
print("interop ok")
)";

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string hex(const uint8_t* data, size_t size) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kHex[data[i] >> 4]);
    out.push_back(kHex[data[i] & 15]);
  }
  return out;
}

bool pythonHasNumpy() {
  std::string command = shellQuote(BRT_TEST_PYTHON) + " -c 'import numpy' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

TEST(NpyInterop, NumpyReadsOursAndWeReadNumpys) {
  if (!pythonHasNumpy()) GTEST_SKIP() << BRT_TEST_PYTHON << " cannot import numpy";
  std::mt19937_64 rng = test::freshRng();
  std::string dir = test::tempPath("interop");
  ASSERT_EQ(std::system(("mkdir -p " + shellQuote(dir)).c_str()), 0);
  std::vector<Tensor> originals;
  for (DType dtype : kAllDTypes) {
    Shape shape(1 + rng() % 3);
    for (int64_t& dim : shape) dim = static_cast<int64_t>(1 + rng() % 4);
    Tensor tensor = *Tensor::create(dtype, shape);
    uint8_t* bytes = tensor.dataAs<uint8_t>();
    for (uint64_t i = 0; i < tensor.byteSize(); ++i)
      bytes[i] = static_cast<uint8_t>(dtype == DType::I1 ? rng() & 1 : rng());
    size_t i = originals.size();
    ASSERT_TRUE(writeNpy(dir + "/ours_" + std::to_string(i) + ".npy", tensor.view()).ok());
    originals.push_back(std::move(tensor));
  }
  // numpy's spelling of each dtype, in kAllDTypes order.
  const char* numpyNames[] = {"<f2", "V2", "<f4", "<f8", "?", "i1", "<i2",
                              "<i4", "<i8", "u1", "<u2", "<u4", "<u8"};
  ASSERT_EQ(std::size(numpyNames), originals.size());
  for (size_t i = 0; i < originals.size(); ++i) {
    std::ostringstream expect;
    expect << numpyNames[i] << "\n";
    for (int64_t dim : originals[i].shape()) expect << dim << ' ';
    expect << "\n" << hex(originals[i].dataAs<uint8_t>(), originals[i].byteSize());
    std::string text = expect.str();
    ASSERT_TRUE(writeFileBytes(dir + "/expect_" + std::to_string(i) + ".txt", text.data(),
                               text.size()).ok());
  }
  std::string script = dir + "/check.py";
  ASSERT_TRUE(writeFileBytes(script, kScript, std::strlen(kScript)).ok());
  std::string command = shellQuote(BRT_TEST_PYTHON) + " " + shellQuote(script) + " " +
                        shellQuote(dir) + " " + std::to_string(originals.size());
  ASSERT_EQ(std::system(command.c_str()), 0) << "numpy rejected a file brt wrote";
  for (size_t i = 0; i < originals.size(); ++i) {
    SCOPED_TRACE(dtypeName(originals[i].dtype()));
    StatusOr<Tensor> theirs = readNpy(dir + "/theirs_" + std::to_string(i) + ".npy");
    ASSERT_TRUE(theirs.ok()) << theirs.status();
    EXPECT_EQ(theirs->dtype(), originals[i].dtype());
    EXPECT_EQ(theirs->shape(), originals[i].shape());
    ASSERT_EQ(theirs->byteSize(), originals[i].byteSize());
    EXPECT_EQ(std::memcmp(theirs->data(), originals[i].data(), theirs->byteSize()), 0);
  }
}

}  // namespace
}  // namespace brt
