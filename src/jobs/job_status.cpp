#include "jobs/job_status.h"

#include <fmt/format.h>

#include <algorithm>

namespace amplify::jobs {

JobState StateOf(std::string_view status) {
  if (status == kRunning) return JobState::kRunning;
  if (status == kCompleted) return JobState::kCompleted;
  if (status == kFailed) return JobState::kFailed;
  return JobState::kOther;
}

bool Allowed(JobState from, JobState to, Actor by) {
  return std::any_of(
      std::begin(kTransitions), std::end(kTransitions),
      [&](const TransitionRule& r) { return r.from == from && r.to == to && r.by == by; });
}

Status Transition(store::JobRecord& job, std::string_view status, Actor by, int64_t now_ms,
                  std::string error) {
  if (!Allowed(StateOf(job.status), StateOf(status), by)) {
    return BadRequest(
        fmt::format("Job {} cannot go from {} to {}: a job that has ended never "
                    "runs again.",
                    job.job_id, job.status, status));
  }
  job.status = std::string(status);
  if (by == Actor::kEngine) job.error = std::move(error);
  job.update_ms = std::max(job.update_ms, now_ms);
  return OkStatus();
}

}  // namespace amplify::jobs
