#pragma once
// `--rate-limit N` (docs/DECISIONS.md "Fault injection and throttling"): each account may make N
// requests a second, a token bucket holding at most N tokens (a burst of N). It sits on the request
// path, so there is no global lock: accounts are spread over shards, each with its own small lock,
// and a bucket's work is a few arithmetic operations.
#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "common/clock.h"

namespace amplify::chaos {

class RateLimiter {
 public:
  // `per_second` > 0. The clock is injected so tests move time by hand.
  RateLimiter(int64_t per_second, const Clock& clock);

  // Takes one of `account`'s tokens; false when its bucket is empty (throttle the request).
  bool TryAcquire(const std::string& account);
  int64_t per_second() const { return per_second_; }
  // Accounts with a bucket (tests: forgotten ones do not pile up).
  size_t TrackedAccounts();

 private:
  struct Bucket {
    double tokens;
    int64_t refilled_ms;
  };
  // A shard past `forget_above` accounts forgets those whose bucket is full again (a full
  // bucket is the same as none), so accounts seen once do not pile up; the bound then doubles
  // past what is left, so the sweeps cost O(1) a request however many accounts stay busy.
  struct alignas(64) Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
    size_t forget_above = kForgetAbove;
  };
  static constexpr size_t kShards = 32;
  static constexpr size_t kForgetAbove = 4096;

  double Refilled(const Bucket& bucket, int64_t now_ms) const;
  void ForgetFullBuckets(Shard& shard, int64_t now_ms);

  const int64_t per_second_;
  const double burst_;
  const double tokens_per_ms_;
  const Clock& clock_;
  std::array<Shard, kShards> shards_;
};

}  // namespace amplify::chaos
