#include <gtest/gtest.h>

#include <cstring>
#include <iterator>
#include <limits>

#include "brt/DType.h"
#include "brt/Tensor.h"

namespace brt {
namespace {

TEST(DType, SizesAndNames) {
  struct Expected {
    DType dtype;
    size_t size;
    const char* name;
  };
  const Expected expected[] = {
      {DType::F16, 2, "f16"}, {DType::BF16, 2, "bf16"}, {DType::F32, 4, "f32"},
      {DType::F64, 8, "f64"}, {DType::I1, 1, "i1"},     {DType::I8, 1, "i8"},
      {DType::I16, 2, "i16"}, {DType::I32, 4, "i32"},   {DType::I64, 8, "i64"},
      {DType::U8, 1, "u8"},   {DType::U16, 2, "u16"},   {DType::U32, 4, "u32"},
      {DType::U64, 8, "u64"},
  };
  ASSERT_EQ(std::size(expected), std::size(kAllDTypes));
  for (size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(kAllDTypes[i], expected[i].dtype);
    EXPECT_EQ(dtypeSize(expected[i].dtype), expected[i].size);
    EXPECT_STREQ(dtypeName(expected[i].dtype), expected[i].name);
    StatusOr<DType> parsed = parseDType(expected[i].name);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_EQ(*parsed, expected[i].dtype);
    EXPECT_EQ(dtypeFromValue(static_cast<uint32_t>(expected[i].dtype)), expected[i].dtype);
  }
}

TEST(DType, InvalidValues) {
  EXPECT_EQ(dtypeSize(DType::Invalid), 0u);
  EXPECT_STREQ(dtypeName(DType::Invalid), "invalid");
  EXPECT_FALSE(dtypeFromValue(0).has_value());
  EXPECT_FALSE(dtypeFromValue(14).has_value());
  EXPECT_EQ(dtypeSize(static_cast<DType>(200)), 0u);
}

TEST(DType, ParseAcceptsBoolAndRejectsUnknown) {
  EXPECT_EQ(*parseDType("bool"), DType::I1);
  StatusOr<DType> bad = parseDType("float32");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::InvalidArgument);
  EXPECT_NE(bad.status().message().find("unknown dtype 'float32'"), std::string::npos);
}

TEST(Shape, NumElements) {
  EXPECT_EQ(*numElements({}), 1);
  EXPECT_EQ(*numElements({2, 3, 4}), 24);
  EXPECT_EQ(*numElements({5, 0, 7}), 0);
  StatusOr<int64_t> negative = numElements({2, -1});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().message(), "shape [2, -1] has negative dim -1 at index 1");
  StatusOr<int64_t> huge = numElements({int64_t{1} << 40, int64_t{1} << 40});
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.status().code(), StatusCode::OutOfRange);
}

TEST(Shape, ByteSizeChecksOverflowAndDType) {
  EXPECT_EQ(*byteSize(DType::F64, {3, 5}), 120u);
  EXPECT_EQ(*byteSize(DType::I1, {7}), 7u);
  EXPECT_FALSE(byteSize(DType::F64, {std::numeric_limits<int64_t>::max()}).ok());
  EXPECT_FALSE(byteSize(DType::Invalid, {1}).ok());
  EXPECT_EQ(typeToString(DType::BF16, {2, 3}), "bf16[2, 3]");
  EXPECT_EQ(shapeToString({}), "[]");
}

TEST(Tensor, CreateIsZeroedAndAligned) {
  StatusOr<Tensor> t = Tensor::create(DType::I32, {3, 5});
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->byteSize(), 60u);
  EXPECT_EQ(t->numElements(), 15);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(t->data()) % AlignedBuffer::kAlignment, 0u);
  for (int i = 0; i < 15; ++i) EXPECT_EQ(t->dataAs<int32_t>()[i], 0);
}

TEST(Tensor, CreateRejectsBadShapes) {
  EXPECT_EQ(Tensor::create(DType::F32, {-2}).status().code(), StatusCode::InvalidArgument);
  EXPECT_FALSE(Tensor::create(DType::Invalid, {2}).ok());
  EXPECT_FALSE(Tensor::create(DType::F64, {int64_t{1} << 62}).ok());
}

TEST(Tensor, CopyOfAndViews) {
  float values[] = {1, 2, 3, 4, 5, 6};
  TensorView view(DType::F32, {2, 3}, values);
  StatusOr<Tensor> copy = Tensor::copyOf(view);
  ASSERT_TRUE(copy.ok()) << copy.status();
  EXPECT_EQ(std::memcmp(copy->data(), values, sizeof(values)), 0);
  values[0] = 100;
  EXPECT_EQ(copy->dataAs<float>()[0], 1.0f);
  MutableTensorView mutableView = copy->mutableView();
  mutableView.dataAs<float>()[1] = 42;
  TensorView constView = mutableView;
  EXPECT_EQ(constView.dataAs<float>()[1], 42.0f);
  EXPECT_EQ(constView.shape(), (Shape{2, 3}));
  EXPECT_EQ(*constView.byteSize(), 24u);
}

TEST(Tensor, FromBufferChecksSize) {
  StatusOr<AlignedBuffer> storage = AlignedBuffer::allocate(10);
  ASSERT_TRUE(storage.ok());
  StatusOr<Tensor> t = Tensor::fromBuffer(DType::F32, {3}, std::move(*storage));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "tensor f32[3] needs 12 bytes but the buffer has 10");
}

TEST(AlignedBuffer, HugeAllocationFailsWithStatus) {
  StatusOr<AlignedBuffer> huge = AlignedBuffer::allocate(std::numeric_limits<size_t>::max() / 2);
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.status().code(), StatusCode::ResourceExhausted);
}

TEST(AlignedBuffer, MoveTransfersOwnership) {
  StatusOr<AlignedBuffer> a = AlignedBuffer::copyOf("hello", 5);
  ASSERT_TRUE(a.ok());
  const uint8_t* data = a->data();
  AlignedBuffer b = std::move(*a);
  EXPECT_EQ(b.data(), data);
  EXPECT_EQ(b.size(), 5u);
  EXPECT_EQ(a->size(), 0u);
  EXPECT_EQ(a->data(), nullptr);
}

}  // namespace
}  // namespace brt
