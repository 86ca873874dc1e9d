#include "common/clock.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

#include "common/ids.h"
#include "common/request_id.h"

namespace amplify {
namespace {

TEST(ClockTest, FormatsIso8601WithMilliseconds) {
  EXPECT_EQ(FormatIso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601(1'700'000'000'123), "2023-11-14T22:13:20.123Z");
}

// Against the C library's calendar, over leap days, century years and ends of months.
TEST(ClockTest, Iso8601AgreesWithGmtime) {
  std::mt19937_64 random(42);
  std::vector<int64_t> samples = {0,
                                  951'782'400'000 /* 2000-02-29 */,
                                  4'107'542'399'999,
                                  -1,
                                  -86'400'001,
                                  253'402'300'799'999 /* 9999-12-31 */};
  for (int i = 0; i < 20000; ++i)
    samples.push_back(static_cast<int64_t>(random() % 253'402'300'800'000));
  for (int64_t ms : samples) {
    std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char expected[96];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(((ms % 1000) + 1000) % 1000));
    ASSERT_EQ(Iso8601Of(ms).view(), expected) << ms;
  }
}

TEST(RequestIdTest, IdsAreUuidShapedAndDistinct) {
  std::string a(NextRequestId().view()), b(NextRequestId().view());
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 36u);
  EXPECT_EQ(a.substr(0, 24), b.substr(0, 24));  // one process, one prefix
  EXPECT_EQ(a[8], '-');
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef-"), std::string::npos);
}

TEST(IdsTest, RandomUuidsAreVersion4AndDistinct) {
  RandomIdSource ids;
  std::string a = ids.Uuid(), b = ids.Uuid();
  EXPECT_NE(a, b);
  ASSERT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '4');
  EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos);
  std::string code = ids.Token(6, "0123456789");
  EXPECT_EQ(code.size(), 6u);
  EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos);
}

TEST(IdsTest, SequentialIdsAreDeterministic) {
  SequentialIdSource ids;
  EXPECT_EQ(ids.Uuid(), "00000000-0000-4000-8000-000000000001");
  EXPECT_EQ(ids.Uuid(), "00000000-0000-4000-8000-000000000002");
}

}  // namespace
}  // namespace amplify
