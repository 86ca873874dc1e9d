#include "ops/metrics.h"

#include <fmt/format.h>

namespace amplify::ops {
namespace {

constexpr int kStatusCodes[] = {200, 400, 403, 404, 405, 413, 429, 431, 500, 501, 504};

int StatusIndex(int status) {
  for (int i = 0; i < static_cast<int>(std::size(kStatusCodes)); ++i)
    if (kStatusCodes[i] == status) return i;
  return 8;  // anything unexpected counts as 500
}

}  // namespace

void Metrics::Record(const model::Operation* operation, int status, double seconds) {
  int row = operation ? static_cast<int>(operation->id) : model::kOperationCount;
  requests_[row][StatusIndex(status)].fetch_add(1, std::memory_order_relaxed);
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  latency_[bucket].fetch_add(1, std::memory_order_relaxed);
  latency_count_.fetch_add(1, std::memory_order_relaxed);
  latency_micros_.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::Render(const JobCounts& jobs) const {
  std::string out;
  out += "# HELP amplifybackend_requests_total Requests by operation and HTTP status.\n";
  out += "# TYPE amplifybackend_requests_total counter\n";
  for (int row = 0; row < kRows; ++row) {
    std::string_view op = row < model::kOperationCount ? model::kOperations[row].name : "none";
    for (int i = 0; i < kStatuses; ++i) {
      uint64_t n = requests_[row][i].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("amplifybackend_requests_total{{operation=\"{}\",status=\"{}\"}} {}\n",
                         op, kStatusCodes[i], n);
    }
  }
  out += "# HELP amplifybackend_request_duration_seconds Request latency.\n";
  out += "# TYPE amplifybackend_request_duration_seconds histogram\n";
  uint64_t cumulative = 0;
  for (size_t i = 0; i <= kBuckets.size(); ++i) {
    cumulative += latency_[i].load(std::memory_order_relaxed);
    std::string le = i < kBuckets.size() ? fmt::format("{}", kBuckets[i]) : "+Inf";
    out += fmt::format("amplifybackend_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", le,
                       cumulative);
  }
  out += fmt::format("amplifybackend_request_duration_seconds_sum {}\n",
                     latency_micros_.load(std::memory_order_relaxed) / 1e6);
  out += fmt::format("amplifybackend_request_duration_seconds_count {}\n",
                     latency_count_.load(std::memory_order_relaxed));
  out += "# HELP amplifybackend_jobs_total Jobs started, completed and failed by this process.\n";
  out += "# TYPE amplifybackend_jobs_total counter\n";
  out += fmt::format("amplifybackend_jobs_total{{status=\"RUNNING\"}} {}\n", jobs.started);
  out += fmt::format("amplifybackend_jobs_total{{status=\"COMPLETED\"}} {}\n", jobs.completed);
  out += fmt::format("amplifybackend_jobs_total{{status=\"FAILED\"}} {}\n", jobs.failed);
  return out;
}

}  // namespace amplify::ops
