#pragma once
// The job queries whose cost must not grow with the number of jobs. They are exposed so a test
// can check with EXPLAIN QUERY PLAN that an index serves each of them.
#include <string>
#include <string_view>

#include "store/records.h"

namespace amplify::store {

// Columns in the order ReadJobColumns expects.
inline constexpr std::string_view kJobColumns =
    "app_id, environment, job_id, operation, status, error, create_ms, update_ms, payload_json, "
    "seq";

// ListJobs for the filters `q` sets. Parameters, in order: account, region, app_id,
// environment, then job_id / status / operation when set, then before_seq and limit.
std::string ListJobsSql(const JobQuery& q);

// Parameters: account, region, app_id, environment.
const std::string& FindRunningJobSql();

// No parameters; account and region precede the job columns.
const std::string& ListRunningJobsSql();

}  // namespace amplify::store
