#pragma once
// The job queries whose cost must not grow with the number of jobs. They are exposed so a test
// can check with EXPLAIN QUERY PLAN that an index serves each of them.
#include <string>
#include <string_view>

#include "store/records.h"

namespace amplify::store {

// Columns in the order ReadJob (sqlite_job_records.cpp) expects.
inline constexpr std::string_view kJobColumns =
    "app_id, environment, job_id, operation, status, error, create_ms, update_ms, seq";

// The one status jobs_by_status leaves out (migration 4).
inline constexpr std::string_view kCompletedStatus = "COMPLETED";

// ListJobs for the filters `q` sets. Parameters, in order: account, region, app_id,
// environment, then job_id / status / operation when set, then before_seq and limit.
std::string ListJobsSql(const JobQuery& q);

// FindPendingJob. Parameters: account, region, app_id, then environment (for one environment
// and the app's own jobs) or nothing (any job of the app).
std::string_view PendingJobSql(bool any_environment);

// ClaimDueJobs. Parameters: owner, lease end, now (due by), now (lease ended by), limit.
std::string_view ClaimDueJobsSql();

}  // namespace amplify::store
