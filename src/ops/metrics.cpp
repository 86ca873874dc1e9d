#include "ops/metrics.h"

#include <fmt/format.h>

namespace amplify::ops {
namespace {

// 503 is what fault rules answer by default (/_chaos/faults).
constexpr int kStatusCodes[] = {200, 400, 403, 404, 405, 413, 429, 431, 500, 501, 503, 504};

int StatusIndex(int status) {
  for (int i = 0; i < static_cast<int>(std::size(kStatusCodes)); ++i)
    if (kStatusCodes[i] == status) return i;
  return 8;  // anything unexpected counts as 500
}

int RowOf(const model::Operation* operation) {
  return operation ? static_cast<int>(operation->id) : model::kOperationCount;
}

std::string_view OperationName(int row) {
  return row < model::kOperationCount ? model::kOperations[row].name : "none";
}

// One counter family by operation, rows that are not zero.
template <size_t N>
void RenderByOperation(std::string& out, std::string_view name, std::string_view help,
                       const std::array<std::atomic<uint64_t>, N>& counts) {
  out += fmt::format("# HELP {} {}\n# TYPE {} counter\n", name, help, name);
  for (size_t row = 0; row < N; ++row) {
    uint64_t n = counts[row].load(std::memory_order_relaxed);
    if (n == 0) continue;
    out += fmt::format("{}{{operation=\"{}\"}} {}\n", name,
                       OperationName(static_cast<int>(row)), n);
  }
}

}  // namespace

void Metrics::RecordThrottled(const model::Operation* operation) {
  throttled_[RowOf(operation)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::RecordInjectedJobFailure(const model::Operation* operation) {
  injected_job_failures_[RowOf(operation)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::RecordInjectedFault(const model::Operation* operation, std::string_view code) {
  std::lock_guard lock(injected_mu_);
  ++injected_faults_[{RowOf(operation), std::string(code)}];
}

void Metrics::Record(const model::Operation* operation, int status, double seconds) {
  int row = RowOf(operation);
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
    std::string_view op = OperationName(row);
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
  RenderChaos(out);
  return out;
}

// Rule codes are tokens (chaos/fault_rules.cpp), safe in a label as they are.
void Metrics::RenderChaos(std::string& out) const {
  RenderByOperation(out, "amplifybackend_throttled_requests_total",
                    "Requests answered 429 by --rate-limit.", throttled_);
  out += "# HELP amplifybackend_injected_faults_total Errors /_chaos/faults rules answered.\n";
  out += "# TYPE amplifybackend_injected_faults_total counter\n";
  {
    std::lock_guard lock(injected_mu_);
    for (const auto& [key, n] : injected_faults_) {
      out += fmt::format(
          "amplifybackend_injected_faults_total{{operation=\"{}\",code=\"{}\"}} {}\n",
          OperationName(key.first), key.second, n);
    }
  }
  RenderByOperation(out, "amplifybackend_injected_job_failures_total",
                    "Jobs /_chaos/faults job rules made to fail.", injected_job_failures_);
}

}  // namespace amplify::ops
