#include "chaos/fault_injector.h"

#include <algorithm>

namespace amplify::chaos {
namespace {

constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

}  // namespace

FaultInjector::FaultInjector(uint64_t seed)
    : rules_(std::make_shared<const RuleList>()), rng_state_(seed) {}

std::optional<Fault> FaultInjector::Decide(const FaultTarget& target) {
  if (!any_rules_.load(std::memory_order_acquire)) return std::nullopt;
  std::shared_ptr<const RuleList> rules = Rules();
  for (size_t i = 0; i < rules->size(); ++i) {
    const FaultRule& rule = (*rules)[i];
    if (!Selects(rule, target)) continue;
    const bool fires =
        rule.probability >= 1.0 || (rule.probability > 0.0 && NextUnit() < rule.probability);
    if (!fires) return std::nullopt;
    return Fault{i + 1, rule};
  }
  return std::nullopt;
}

void FaultInjector::Store(RuleList rules) {
  const bool any = !rules.empty();
  auto next = std::make_shared<const RuleList>(std::move(rules));
  {
    std::lock_guard lock(read_mu_);
    rules_.swap(next);
  }
  any_rules_.store(any, std::memory_order_release);  // the old list is freed outside the lock
}

void FaultInjector::Replace(RuleList rules) {
  std::lock_guard lock(write_mu_);
  Store(std::move(rules));
}

Status FaultInjector::Append(const RuleList& rules) {
  std::lock_guard lock(write_mu_);
  RuleList next = *Rules();
  if (next.size() + rules.size() > kMaxRules) {
    return BadRequest("At most " + std::to_string(kMaxRules) + " fault rules can be set.");
  }
  next.insert(next.end(), rules.begin(), rules.end());
  Store(std::move(next));
  return OkStatus();
}

void FaultInjector::Remove(const RuleList& rules) {
  std::lock_guard lock(write_mu_);
  RuleList next = *Rules();
  std::erase_if(next, [&](const FaultRule& rule) {
    return std::find(rules.begin(), rules.end(), rule) != rules.end();
  });
  Store(std::move(next));
}

double FaultInjector::NextUnit() {
  uint64_t z = rng_state_.fetch_add(kGolden, std::memory_order_relaxed) + kGolden;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

}  // namespace amplify::chaos
