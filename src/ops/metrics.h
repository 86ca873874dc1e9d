#pragma once
// Request metrics in Prometheus text format (GET /_metrics). Lock-free counters: recording
// is on the request path.
#include <array>
#include <atomic>
#include <cstdint>
#include <string>

#include "model/service_model.h"

namespace amplify::ops {

struct JobCounts {
  uint64_t started = 0, completed = 0, failed = 0;
};

class Metrics {
 public:
  // operation = nullptr for requests that matched no operation.
  void Record(const model::Operation* operation, int status, double seconds);
  std::string Render(const JobCounts& jobs) const;

 private:
  static constexpr int kStatuses = 11;  // see StatusIndex
  static constexpr int kRows = model::kOperationCount + 1;
  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0};
  std::array<std::array<std::atomic<uint64_t>, kStatuses>, kRows> requests_{};
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> latency_{};
  std::atomic<uint64_t> latency_count_{0};
  std::atomic<uint64_t> latency_micros_{0};
};

}  // namespace amplify::ops
