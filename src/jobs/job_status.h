#pragma once
// The job lifecycle as one table (docs/DECISIONS.md "Jobs"): every status change of every job,
// by the engine or by an administrator through UpdateBackendJob, goes through Transition().
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/records.h"

namespace amplify::jobs {

inline constexpr std::string_view kRunning = "RUNNING";
inline constexpr std::string_view kCompleted = "COMPLETED";
inline constexpr std::string_view kFailed = "FAILED";

// The states of the table. An administrator may end a job with a status of their own: that
// is an end state like COMPLETED and FAILED ("other").
enum class JobState { kRunning, kCompleted, kFailed, kOther };
JobState StateOf(std::string_view status);

enum class Actor {
  kEngine,         // a job's change applied (COMPLETED) or no longer applies (FAILED)
  kAdministrator,  // UpdateBackendJob
};

struct TransitionRule {
  JobState from;
  JobState to;
  Actor by;
};

// Every allowed transition. Nothing returns to RUNNING: a job whose change was abandoned has
// nothing left to run, and a RUNNING job would block its environment for good.
inline constexpr TransitionRule kTransitions[] = {
    {JobState::kRunning, JobState::kCompleted, Actor::kEngine},
    {JobState::kRunning, JobState::kFailed, Actor::kEngine},
    // An administrator relabels a running job, or unsticks it (its change is abandoned) ...
    {JobState::kRunning, JobState::kRunning, Actor::kAdministrator},
    {JobState::kRunning, JobState::kCompleted, Actor::kAdministrator},
    {JobState::kRunning, JobState::kFailed, Actor::kAdministrator},
    {JobState::kRunning, JobState::kOther, Actor::kAdministrator},
    // ... or corrects the record of one that has ended.
    {JobState::kCompleted, JobState::kCompleted, Actor::kAdministrator},
    {JobState::kCompleted, JobState::kFailed, Actor::kAdministrator},
    {JobState::kCompleted, JobState::kOther, Actor::kAdministrator},
    {JobState::kFailed, JobState::kCompleted, Actor::kAdministrator},
    {JobState::kFailed, JobState::kFailed, Actor::kAdministrator},
    {JobState::kFailed, JobState::kOther, Actor::kAdministrator},
    {JobState::kOther, JobState::kCompleted, Actor::kAdministrator},
    {JobState::kOther, JobState::kFailed, Actor::kAdministrator},
    {JobState::kOther, JobState::kOther, Actor::kAdministrator},
};

bool Allowed(JobState from, JobState to, Actor by);

// Moves `job` to `status` if the table allows it: sets the status, the error (the engine's
// FAILED says why; other transitions keep it) and the update time, which never goes back.
// BadRequest naming both statuses otherwise, leaving `job` as it was.
Status Transition(store::JobRecord& job, std::string_view status, Actor by, int64_t now_ms,
                  std::string error = {});

}  // namespace amplify::jobs
