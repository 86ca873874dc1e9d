#pragma once
// Request metrics in Prometheus text format (GET /_metrics). Lock-free counters: recording
// is on the request path. Injected faults, whose error codes come from rules, take a lock, but
// only when a fault fires.
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "model/service_model.h"

namespace amplify::ops {

struct JobCounts {
  uint64_t started = 0, completed = 0, failed = 0;
};

class Metrics {
 public:
  // operation = nullptr for requests that matched no operation.
  void Record(const model::Operation* operation, int status, double seconds);
  // A request --rate-limit answered with 429.
  void RecordThrottled(const model::Operation* operation);
  // An error a /_chaos/faults rule answered instead of the operation (`code`: its error type).
  void RecordInjectedFault(const model::Operation* operation, std::string_view code);
  // A job a /_chaos/faults `job` rule made to fail.
  void RecordInjectedJobFailure(const model::Operation* operation);
  std::string Render(const JobCounts& jobs) const;

 private:
  void RenderChaos(std::string& out) const;

  static constexpr int kStatuses = 12;  // see StatusIndex
  static constexpr int kRows = model::kOperationCount + 1;
  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0};
  std::array<std::array<std::atomic<uint64_t>, kStatuses>, kRows> requests_{};
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> latency_{};
  std::atomic<uint64_t> latency_count_{0};
  std::atomic<uint64_t> latency_micros_{0};
  std::array<std::atomic<uint64_t>, kRows> throttled_{};
  std::array<std::atomic<uint64_t>, kRows> injected_job_failures_{};
  mutable std::mutex injected_mu_;
  std::map<std::pair<int, std::string>, uint64_t> injected_faults_;  // guarded by injected_mu_
};

}  // namespace amplify::ops
