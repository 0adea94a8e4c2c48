#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>

#include "TestArtifacts.h"
#include "brt/FileIO.h"
#include "brt/Npy.h"

namespace brt {
namespace {

using test::freshRng;
using test::tempPath;

Tensor randomTensor(DType dtype, std::mt19937_64& rng) {
  Shape shape(rng() % 5);
  for (int64_t& dim : shape) dim = static_cast<int64_t>(rng() % 6);
  StatusOr<Tensor> tensor = Tensor::create(dtype, shape);
  EXPECT_TRUE(tensor.ok()) << tensor.status();
  uint8_t* bytes = tensor->dataAs<uint8_t>();
  for (uint64_t i = 0; i < tensor->byteSize(); ++i)
    bytes[i] = static_cast<uint8_t>(dtype == DType::I1 ? rng() & 1 : rng());
  return std::move(*tensor);
}

void expectSameTensor(const Tensor& actual, const Tensor& expected) {
  EXPECT_EQ(actual.dtype(), expected.dtype());
  EXPECT_EQ(actual.shape(), expected.shape());
  ASSERT_EQ(actual.byteSize(), expected.byteSize());
  if (expected.byteSize()) {
    EXPECT_EQ(std::memcmp(actual.data(), expected.data(), expected.byteSize()), 0);
  }
}

// A .npy file as numpy lays it out: magic, version, header length, the dict
// padded with spaces to a multiple of 64 bytes and a newline, then the data.
std::string npyFile(const std::string& dict, const std::string& data, int major = 1) {
  size_t lengthBytes = major == 1 ? 2 : 4;
  size_t unpadded = 8 + lengthBytes + dict.size() + 1;
  std::string header = dict + std::string((64 - unpadded % 64) % 64, ' ') + "\n";
  std::string out = std::string("\x93NUMPY", 6) + static_cast<char>(major) + '\0';
  for (size_t i = 0; i < lengthBytes; ++i) out += static_cast<char>((header.size() >> (8 * i)) & 0xFF);
  return out + header + data;
}

std::string dictFor(const std::string& descr, const std::string& shape,
                    const std::string& fortran = "False") {
  return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
}

StatusOr<Tensor> parse(const std::string& bytes) {
  return parseNpy(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

void expectError(const std::string& bytes, StatusCode code, const std::string& fragment) {
  StatusOr<Tensor> tensor = parse(bytes);
  ASSERT_FALSE(tensor.ok()) << "parsed unexpectedly";
  EXPECT_EQ(tensor.status().code(), code) << tensor.status();
  EXPECT_NE(tensor.status().message().find(fragment), std::string::npos)
      << "message: " << tensor.status().message() << "\nexpected to contain: " << fragment;
}

TEST(Npy, RoundTripEveryDTypeInMemory) {
  std::mt19937_64 rng = freshRng();
  for (DType dtype : kAllDTypes) {
    for (int round = 0; round < 8; ++round) {
      Tensor original = randomTensor(dtype, rng);
      SCOPED_TRACE(typeToString(dtype, original.shape()));
      StatusOr<std::vector<uint8_t>> bytes = serializeNpy(original.view());
      ASSERT_TRUE(bytes.ok()) << bytes.status();
      StatusOr<Tensor> back = parseNpy(bytes->data(), bytes->size());
      ASSERT_TRUE(back.ok()) << back.status();
      expectSameTensor(*back, original);
    }
  }
}

TEST(Npy, RoundTripEveryDTypeThroughFiles) {
  std::mt19937_64 rng = freshRng();
  for (DType dtype : kAllDTypes) {
    Tensor original = randomTensor(dtype, rng);
    SCOPED_TRACE(typeToString(dtype, original.shape()));
    std::string path = tempPath(std::string(dtypeName(dtype)) + ".npy");
    Status written = writeNpy(path, original.view());
    ASSERT_TRUE(written.ok()) << written;
    StatusOr<Tensor> back = readNpy(path);
    ASSERT_TRUE(back.ok()) << back.status();
    expectSameTensor(*back, original);
  }
}

TEST(Npy, WrittenHeaderIsNumpyStyleAndAligned) {
  float values[6] = {0, 1, 2, 3, 4, 5};
  StatusOr<std::vector<uint8_t>> bytes = serializeNpy(TensorView(DType::F32, {2, 3}, values));
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  std::string file(bytes->begin(), bytes->end());
  std::string data(reinterpret_cast<const char*>(values), sizeof(values));
  EXPECT_EQ(file, npyFile(dictFor("<f4", "(2, 3)"), data));
  EXPECT_EQ((file.size() - sizeof(values)) % 64, 0u);
}

TEST(Npy, WritesOneDimAndScalarShapesLikeNumpy) {
  uint8_t one = 1;
  StatusOr<std::vector<uint8_t>> scalar = serializeNpy(TensorView(DType::I1, {}, &one));
  ASSERT_TRUE(scalar.ok());
  EXPECT_EQ(std::string(scalar->begin(), scalar->end()), npyFile(dictFor("|b1", "()"), "\x01"));
  int16_t v[2] = {1, 2};
  StatusOr<std::vector<uint8_t>> vec = serializeNpy(TensorView(DType::I16, {2}, v));
  ASSERT_TRUE(vec.ok());
  EXPECT_EQ(std::string(vec->begin(), vec->end()),
            npyFile(dictFor("<i2", "(2,)"), std::string("\x01\x00\x02\x00", 4)));
}

// Bytes numpy 1.24 wrote with np.save (header padding and all).
TEST(Npy, ReadsNumpyFiles) {
  std::string f32Data("\x00\x00\x00\x00\x00\x00\x80\x3f\x00\x00\x00\x40\x00\x00\x40\x40"
                      "\x00\x00\x80\x40\x00\x00\xa0\x40", 24);
  StatusOr<Tensor> f32 = parse(npyFile(dictFor("<f4", "(2, 3)"), f32Data));
  ASSERT_TRUE(f32.ok()) << f32.status();
  EXPECT_EQ(f32->dtype(), DType::F32);
  EXPECT_EQ(f32->shape(), (Shape{2, 3}));
  for (int i = 0; i < 6; ++i) EXPECT_EQ(f32->dataAs<float>()[i], static_cast<float>(i));

  StatusOr<Tensor> i64 = parse(npyFile(dictFor("<i8", "(2, 2)"),
      std::string("\x01\0\0\0\0\0\0\0\xfe\xff\xff\xff\xff\xff\xff\xff"
                  "\x03\0\0\0\0\0\0\0\x04\0\0\0\0\0\0\0", 32)));
  ASSERT_TRUE(i64.ok()) << i64.status();
  EXPECT_EQ(i64->dataAs<int64_t>()[1], -2);

  StatusOr<Tensor> f16 = parse(npyFile(dictFor("<f2", "(2,)"), std::string("\x00\x3e\x00\xc0", 4)));
  ASSERT_TRUE(f16.ok()) << f16.status();
  EXPECT_EQ(f16->dataAs<uint16_t>()[0], 0x3e00);  // 1.5

  StatusOr<Tensor> empty = parse(npyFile(dictFor("<f2", "(0, 3)"), ""));
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_EQ(empty->shape(), (Shape{0, 3}));
  EXPECT_EQ(empty->byteSize(), 0u);

  StatusOr<Tensor> boolean = parse(npyFile(dictFor("|b1", "()"), "\x01"));
  ASSERT_TRUE(boolean.ok()) << boolean.status();
  EXPECT_EQ(boolean->dtype(), DType::I1);
  EXPECT_EQ(boolean->shape(), Shape{});
}

TEST(Npy, ReadsVersion2And3HeadersAndLooseSyntax) {
  std::string data("\x07\x00\x00\x00", 4);
  for (int major : {2, 3}) {
    StatusOr<Tensor> t = parse(npyFile(dictFor("<i4", "(1,)"), data, major));
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_EQ(t->dataAs<int32_t>()[0], 7);
  }
  // Keys in another order, double quotes, no trailing comma, Python 2 longs.
  StatusOr<Tensor> t = parse(npyFile(
      "{\"shape\": (1L, 1L), \"fortran_order\": False, \"descr\": \"<u4\"}", data));
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->dtype(), DType::U32);
  EXPECT_EQ(t->shape(), (Shape{1, 1}));
  // '=' (native, little-endian here) and '|V2' (bf16 as numpy re-saves it).
  EXPECT_EQ(parse(npyFile(dictFor("=i4", "(1,)"), data))->dtype(), DType::I32);
  EXPECT_EQ(parse(npyFile(dictFor("|V2", "(2,)"), data))->dtype(), DType::BF16);
}

TEST(Npy, LongHeadersUseVersion2) {
  Shape shape(25000, 1);
  uint8_t value = 9;
  StatusOr<std::vector<uint8_t>> bytes = serializeNpy(TensorView(DType::U8, shape, &value));
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  EXPECT_EQ((*bytes)[6], 2);
  StatusOr<Tensor> back = parseNpy(bytes->data(), bytes->size());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->shape(), shape);
  EXPECT_EQ(back->dataAs<uint8_t>()[0], 9);
}

TEST(NpyErrors, NotNpy) {
  expectError("", StatusCode::InvalidArgument, "not a .npy file");
  expectError(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), StatusCode::InvalidArgument,
              "not a .npy file");
  expectError("\x93NUM", StatusCode::Corrupt, "truncated .npy file");
}

TEST(NpyErrors, UnsupportedFormatVersion) {
  std::string bytes = npyFile(dictFor("<f4", "(1,)"), "abcd");
  bytes[6] = 4;
  expectError(bytes, StatusCode::Unsupported, ".npy format version 4.0 is not supported");
}

TEST(NpyErrors, TruncatedHeader) {
  std::string bytes = npyFile(dictFor("<f4", "(1,)"), "abcd");
  expectError(bytes.substr(0, 9), StatusCode::Corrupt, "truncated .npy file");
  expectError(bytes.substr(0, 40), StatusCode::Corrupt,
              "truncated .npy file: the header needs 128 bytes, the file has 40");
}

TEST(NpyErrors, TruncatedData) {
  std::string bytes = npyFile(dictFor("<f4", "(2, 3)"), std::string(24, 'x'));
  expectError(bytes.substr(0, bytes.size() - 1), StatusCode::Corrupt,
              "truncated .npy data: f32[2, 3] needs 24 bytes, the file has 23");
}

TEST(NpyErrors, TrailingBytes) {
  expectError(npyFile(dictFor("<f4", "(1,)"), "abcdEF"), StatusCode::Corrupt,
              ".npy file has 2 unexpected bytes after the data of f32[1]");
}

TEST(NpyErrors, FortranOrder) {
  expectError(npyFile(dictFor("<f4", "(2, 3)", "True"), std::string(24, 'x')),
              StatusCode::Unsupported, "Fortran-order .npy arrays are not supported");
}

TEST(NpyErrors, BigEndian) {
  expectError(npyFile(dictFor(">f4", "(1,)"), "abcd"), StatusCode::Unsupported,
              "big-endian .npy data ('>f4') is not supported");
}

TEST(NpyErrors, UnsupportedDTypes) {
  expectError(npyFile(dictFor("<c8", "(1,)"), "abcdefgh"), StatusCode::Unsupported,
              "unsupported .npy dtype '<c8'");
  expectError(npyFile(dictFor("|O", "(1,)"), "abcdefgh"), StatusCode::Unsupported,
              "unsupported .npy dtype '|O'");
  expectError(npyFile(dictFor("<U3", "(1,)"), "abcdefghijkl"), StatusCode::Unsupported,
              "unsupported .npy dtype '<U3'");
  expectError(npyFile(dictFor("<f16", "(1,)"), "x"), StatusCode::Unsupported,
              "unsupported .npy dtype '<f16'");
  expectError(npyFile("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }",
                      "abcd"),
              StatusCode::Unsupported, "structured .npy arrays");
}

TEST(NpyErrors, BadHeaders) {
  std::string data = "abcd";
  expectError(npyFile("{'descr': '<f4', 'shape': (1,), }", data), StatusCode::Corrupt,
              "missing key 'fortran_order'");
  expectError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", data),
              StatusCode::Corrupt, "unexpected key 'x'");
  expectError(npyFile("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}",
                      data),
              StatusCode::Corrupt, "duplicate key 'descr'");
  expectError(npyFile(dictFor("<f4", "[1]"), data), StatusCode::Corrupt,
              "'shape' is a list, not a tuple");
  expectError(npyFile(dictFor("<f4", "(-1,)"), data), StatusCode::Corrupt,
              "negative dim -1 in shape");
  expectError(npyFile(dictFor("<f4", "('a',)"), data), StatusCode::Corrupt,
              "a shape dim is a string");
  expectError(npyFile("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", data),
              StatusCode::Corrupt, "'fortran_order' is a int");
  expectError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1,", data),
              StatusCode::Corrupt, "bad .npy header");
  expectError(npyFile("['descr']", data), StatusCode::Corrupt, "expected a dict");
  expectError(npyFile(dictFor("<f4", "(99999999999999999999,)"), data), StatusCode::Corrupt,
              "integer does not fit in int64");
  std::string noNewline = npyFile(dictFor("<f4", "(1,)"), data);
  noNewline[noNewline.size() - data.size() - 1] = ' ';
  expectError(noNewline, StatusCode::Corrupt, "does not end with a newline");
}

TEST(NpyErrors, ShapeTooLargeFailsWithoutAllocating) {
  expectError(npyFile(dictFor("<f8", "(4611686018427387904, 16)"), ""), StatusCode::OutOfRange,
              "more elements than fit in int64");
  expectError(npyFile(dictFor("<f8", "(4611686018427387904,)"), ""), StatusCode::OutOfRange,
              "is too large");
  expectError(npyFile(dictFor("<f8", "(1000000000000,)"), ""), StatusCode::Corrupt,
              "truncated .npy data");
}

TEST(NpyErrors, BoolsMustBeZeroOrOne) {
  expectError(npyFile(dictFor("|b1", "(3,)"), std::string("\x01\x00\x02", 3)),
              StatusCode::InvalidArgument, "bool element 2 holds byte value 2");
  uint8_t bad[2] = {1, 7};
  EXPECT_FALSE(serializeNpy(TensorView(DType::I1, {2}, bad)).ok());
}

TEST(NpyErrors, FileErrorsNameThePath) {
  StatusOr<Tensor> missing = readNpy("/nonexistent/dir/x.npy");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::NotFound);
  EXPECT_EQ(missing.status().message(), "/nonexistent/dir/x.npy: no such file");

  float value = 1;
  Status unwritable = writeNpy("/nonexistent/dir/x.npy", TensorView(DType::F32, {1}, &value));
  EXPECT_EQ(unwritable.code(), StatusCode::IoError);
  EXPECT_NE(unwritable.message().find("/nonexistent/dir/x.npy"), std::string::npos);

  std::string path = tempPath("bad.npy");
  ASSERT_TRUE(writeFileBytes(path, "hello", 5).ok());
  StatusOr<Tensor> bad = readNpy(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            path + ": not a .npy file (it does not start with \"\\x93NUMPY\")");
}

TEST(NpyErrors, WriteRejectsBadViews) {
  float value = 1;
  EXPECT_EQ(writeNpy(tempPath("x.npy"), TensorView(DType::Invalid, {1}, &value)).code(),
            StatusCode::InvalidArgument);
  EXPECT_EQ(serializeNpy(TensorView(DType::F32, {-1}, &value)).status().code(),
            StatusCode::InvalidArgument);
  EXPECT_EQ(serializeNpy(TensorView(DType::F32, {2}, nullptr)).status().message(),
            "tensor view has no data");
}

}  // namespace
}  // namespace brt

namespace brt {
namespace {

TEST(NpyFuzz, MutatedFilesNeverCrash) {
  std::mt19937_64 rng = test::freshRng();
  float values[6] = {1, 2, 3, 4, 5, 6};
  std::vector<uint8_t> valid = *serializeNpy(TensorView(DType::F32, {2, 3}, values));
  int rejected = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<uint8_t> bytes = valid;
    if (rng() % 4 == 0) bytes.resize(rng() % bytes.size());
    for (int flips = 1 + static_cast<int>(rng() % 3); flips > 0 && !bytes.empty(); --flips) {
      // Mostly in the header, where the parsing happens.
      size_t at = rng() % std::min<size_t>(bytes.size(), 128);
      bytes[at] = static_cast<uint8_t>(rng() % 2 ? rng() : " ,:()'{}0123456789TF"[rng() % 20]);
    }
    StatusOr<Tensor> tensor = parseNpy(bytes.data(), bytes.size());
    if (!tensor.ok()) {
      ++rejected;
      EXPECT_FALSE(tensor.status().message().empty());
    } else {
      EXPECT_EQ(tensor->byteSize(), *byteSize(tensor->dtype(), tensor->shape()));
    }
  }
  EXPECT_GT(rejected, 0);
}

}  // namespace
}  // namespace brt
