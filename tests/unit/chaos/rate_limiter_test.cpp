#include "chaos/rate_limiter.h"

#include <gtest/gtest.h>

namespace amplify::chaos {
namespace {

int Allowed(RateLimiter& limiter, const std::string& account, int tries) {
  int allowed = 0;
  for (int i = 0; i < tries; ++i) allowed += limiter.TryAcquire(account) ? 1 : 0;
  return allowed;
}

TEST(RateLimiter, ABurstOfNThenNPerSecond) {
  ManualClock clock;
  RateLimiter limiter(5, clock);
  EXPECT_EQ(Allowed(limiter, "111111111111", 8), 5);  // the bucket starts full
  clock.Advance(199);
  EXPECT_FALSE(limiter.TryAcquire("111111111111"));  // 0.995 of a token
  clock.Advance(1);
  EXPECT_TRUE(limiter.TryAcquire("111111111111"));  // one token each 200 ms
  EXPECT_FALSE(limiter.TryAcquire("111111111111"));
  clock.Advance(10'000);  // never more than the burst
  EXPECT_EQ(Allowed(limiter, "111111111111", 8), 5);
}

TEST(RateLimiter, AccountsHaveTheirOwnBuckets) {
  ManualClock clock;
  RateLimiter limiter(2, clock);
  EXPECT_EQ(Allowed(limiter, "111111111111", 5), 2);
  EXPECT_EQ(Allowed(limiter, "222222222222", 5), 2);
  EXPECT_EQ(Allowed(limiter, "000000000000", 1), 1);
}

TEST(RateLimiter, AClockSteppingBackAddsNothing) {
  ManualClock clock;
  RateLimiter limiter(1, clock);
  EXPECT_TRUE(limiter.TryAcquire("a"));
  clock.Advance(-5'000);
  EXPECT_FALSE(limiter.TryAcquire("a"));
  clock.Advance(1'000);
  EXPECT_TRUE(limiter.TryAcquire("a"));
}

TEST(RateLimiter, AccountsSeenOnceAreForgottenOnceTheirBucketIsFull) {
  ManualClock clock;
  RateLimiter limiter(1, clock);
  for (int i = 0; i < 20'000; ++i) limiter.TryAcquire("once-" + std::to_string(i));
  EXPECT_EQ(limiter.TrackedAccounts(), 20'000u);
  clock.Advance(1'000);  // every bucket is full again: the same as none
  ASSERT_TRUE(limiter.TryAcquire("busy"));
  for (int i = 0; i < 200'000; ++i) limiter.TryAcquire("new-" + std::to_string(i));
  EXPECT_LT(limiter.TrackedAccounts(), 200'001u + 20'000u);
  // "busy" spent its token in this millisecond: it is remembered, and still limited.
  EXPECT_FALSE(limiter.TryAcquire("busy"));
}

}  // namespace
}  // namespace amplify::chaos
