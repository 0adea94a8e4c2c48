#include <gtest/gtest.h>

#include <memory>

#include "brt/BadStatusOrAccess.h"
#include "brt/Status.h"

namespace brt {
namespace {

TEST(Status, DefaultIsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::Ok);
  EXPECT_EQ(status.message(), "");
  EXPECT_EQ(status.toString(), "Ok");
}

TEST(Status, ErrorCarriesCodeAndConcatenatedMessage) {
  Status status = corruptError("buffer ", 3, " has size ", uint64_t{24}, ", not ", 2.5);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::Corrupt);
  EXPECT_EQ(status.message(), "buffer 3 has size 24, not 2.5");
  EXPECT_EQ(status.toString(), "Corrupt: buffer 3 has size 24, not 2.5");
}

TEST(Status, OkCodeDropsMessage) {
  Status status(StatusCode::Ok, "ignored");
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.message(), "");
}

TEST(Status, WithContextPrefixesErrorsOnly) {
  EXPECT_EQ(notFoundError("no such file").withContext("model.byre").message(),
            "model.byre: no such file");
  EXPECT_EQ(notFoundError("x").withContext("a").code(), StatusCode::NotFound);
  EXPECT_TRUE(okStatus().withContext("a").ok());
}

TEST(Status, EveryCodeHasAName) {
  EXPECT_STREQ(statusCodeName(StatusCode::InvalidArgument), "InvalidArgument");
  EXPECT_STREQ(statusCodeName(StatusCode::NotFound), "NotFound");
  EXPECT_STREQ(statusCodeName(StatusCode::IoError), "IoError");
  EXPECT_STREQ(statusCodeName(StatusCode::Corrupt), "Corrupt");
  EXPECT_STREQ(statusCodeName(StatusCode::Unsupported), "Unsupported");
  EXPECT_STREQ(statusCodeName(StatusCode::OutOfRange), "OutOfRange");
  EXPECT_STREQ(statusCodeName(StatusCode::ResourceExhausted), "ResourceExhausted");
  EXPECT_STREQ(statusCodeName(StatusCode::Internal), "Internal");
}

TEST(StatusOr, HoldsValue) {
  StatusOr<std::string> s = std::string("abc");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s.status().ok());
  EXPECT_EQ(*s, "abc");
  EXPECT_EQ(s->size(), 3u);
}

TEST(StatusOr, HoldsError) {
  StatusOr<int> s = invalidArgumentError("bad");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::InvalidArgument);
  EXPECT_EQ(s.status().message(), "bad");
}

TEST(StatusOr, MoveOnlyValues) {
  StatusOr<std::unique_ptr<int>> s = std::make_unique<int>(7);
  ASSERT_TRUE(s.ok());
  std::unique_ptr<int> p = std::move(s).value();
  EXPECT_EQ(*p, 7);
}

TEST(StatusOr, OkStatusWithoutValueBecomesInternalError) {
  StatusOr<int> s = okStatus();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::Internal);
}

TEST(StatusOr, ValueOfErrorThrowsInsteadOfCrashing) {
  StatusOr<int> s = notFoundError("missing thing");
  try {
    (void)s.value();
    FAIL() << "value() did not throw";
  } catch (const BadStatusOrAccess& e) {
    EXPECT_EQ(e.status().code(), StatusCode::NotFound);
    EXPECT_NE(std::string(e.what()).find("missing thing"), std::string::npos);
  }
}

Status failsWhenNegative(int x) {
  if (x < 0) return outOfRangeError("negative: ", x);
  return okStatus();
}

StatusOr<int> doubled(int x) {
  BRT_RETURN_IF_ERROR(failsWhenNegative(x));
  return 2 * x;
}

StatusOr<int> quadrupled(int x) {
  BRT_ASSIGN_OR_RETURN(int twice, doubled(x));
  BRT_ASSIGN_OR_RETURN(int again, doubled(twice));
  return again;
}

TEST(StatusMacros, PropagateErrorsAndValues) {
  EXPECT_EQ(*quadrupled(3), 12);
  StatusOr<int> error = quadrupled(-1);
  EXPECT_EQ(error.status().code(), StatusCode::OutOfRange);
  EXPECT_EQ(error.status().message(), "negative: -1");
}

}  // namespace
}  // namespace brt
