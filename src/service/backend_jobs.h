#pragma once
// GetBackendJob, ListBackendJobs, UpdateBackendJob (docs/DECISIONS.md "Jobs"). Jobs outlive the
// apps and environments they changed, so none of these requires them to exist.
#include <optional>
#include <string>
#include <string_view>

#include "service/plan.h"

namespace amplify::service {

Result<Plan> GetBackendJob(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> ListBackendJobs(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> UpdateBackendJob(const Context& ctx, const boost::json::object& in, Snapshot& read);

// Opaque ListBackendJobs tokens: the seq to continue below, encoded; nullopt when malformed.
std::string EncodeJobsToken(int64_t before_seq);
std::optional<int64_t> DecodeJobsToken(std::string_view token);

}  // namespace amplify::service
