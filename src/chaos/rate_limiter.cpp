#include "chaos/rate_limiter.h"

#include <algorithm>
#include <functional>

namespace amplify::chaos {

RateLimiter::RateLimiter(int64_t per_second, const Clock& clock)
    : per_second_(per_second),
      burst_(static_cast<double>(per_second)),
      tokens_per_ms_(static_cast<double>(per_second) / 1000.0),
      clock_(clock) {}

// A clock that stepped back adds nothing rather than freezing the bucket.
double RateLimiter::Refilled(const Bucket& bucket, int64_t now_ms) const {
  const int64_t elapsed = std::max<int64_t>(0, now_ms - bucket.refilled_ms);
  return std::min(burst_, bucket.tokens + static_cast<double>(elapsed) * tokens_per_ms_);
}

bool RateLimiter::TryAcquire(const std::string& account) {
  const int64_t now = clock_.NowMillis();
  Shard& shard = shards_[std::hash<std::string>{}(account) % kShards];
  std::lock_guard lock(shard.mu);
  auto [it, added] = shard.buckets.try_emplace(account, Bucket{burst_, now});
  Bucket& bucket = it->second;
  bucket.tokens = Refilled(bucket, now);
  bucket.refilled_ms = now;
  const bool allowed = bucket.tokens >= 1.0;
  if (allowed) bucket.tokens -= 1.0;
  if (added && shard.buckets.size() > shard.forget_above) ForgetFullBuckets(shard, now);
  return allowed;
}

size_t RateLimiter::TrackedAccounts() {
  size_t count = 0;
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    count += shard.buckets.size();
  }
  return count;
}

void RateLimiter::ForgetFullBuckets(Shard& shard, int64_t now_ms) {
  std::erase_if(shard.buckets,
                [&](const auto& entry) { return Refilled(entry.second, now_ms) >= burst_; });
  shard.forget_above = std::max(kForgetAbove, 2 * shard.buckets.size());
}

}  // namespace amplify::chaos
