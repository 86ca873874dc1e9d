#pragma once
// The fault rules and effects in force (docs/DECISIONS.md "Fault injection and throttling"). The
// rules are an immutable list that every change replaces whole; readers keep the snapshot they
// took. While there are no rules (a server not under test) a request pays one atomic load and
// takes no lock; with rules, it copies the snapshot's pointer under a short lock. (Not
// std::atomic<shared_ptr>: libstdc++ 12's lock bit is invisible to ThreadSanitizer.)
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "chaos/fault_rules.h"
#include "common/result.h"

namespace amplify::chaos {

// The rule that fired for a request.
struct Fault {
  size_t rule_number;  // its 1-based place in the list, for the log
  FaultRule rule;
};

using RuleList = std::vector<FaultRule>;

class FaultInjector {
 public:
  // `seed` drives the probability rolls: tests pass a fixed one, the server a random one.
  explicit FaultInjector(uint64_t seed);

  // The first rule whose filters select `target` decides, with one roll of its probability;
  // a roll that misses is no fault (later rules are not tried).
  std::optional<Fault> Decide(const FaultTarget& target);

  std::shared_ptr<const RuleList> Rules() const {
    std::lock_guard lock(read_mu_);
    return rules_;
  }
  void Replace(RuleList rules);
  // Fails, changing nothing, when the list would grow past kMaxRules.
  Status Append(const RuleList& rules);
  // Removes every rule equal to one of `rules`; the others given are ignored.
  void Remove(const RuleList& rules);

  std::chrono::milliseconds Latency() const {
    return std::chrono::milliseconds(latency_ms_.load(std::memory_order_relaxed));
  }
  void SetLatency(std::chrono::milliseconds latency) {
    latency_ms_.store(latency.count(), std::memory_order_relaxed);
  }

 private:
  void Store(RuleList rules);  // under write_mu_
  // A uniform number in [0, 1): splitmix64 over an atomic counter, lock-free and seedable.
  double NextUnit();

  mutable std::mutex read_mu_;  // guards rules_ (the pointer, not the list it points to)
  std::shared_ptr<const RuleList> rules_;
  std::atomic<bool> any_rules_{false};
  std::mutex write_mu_;  // writers only (the chaos endpoints): read-modify-write of the list
  std::atomic<uint64_t> rng_state_;
  std::atomic<int64_t> latency_ms_{0};
};

}  // namespace amplify::chaos
