#include "common/clock.h"

#include <gtest/gtest.h>

#include "common/ids.h"

namespace amplify {
namespace {

TEST(ClockTest, FormatsIso8601WithMilliseconds) {
  EXPECT_EQ(FormatIso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601(1'700'000'000'123), "2023-11-14T22:13:20.123Z");
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
