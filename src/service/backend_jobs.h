#pragma once
// GetBackendJob, ListBackendJobs, UpdateBackendJob (DESIGN.md §3 "Jobs"). Jobs outlive the
// apps and environments they changed, so none of these requires them to exist.
#include <optional>

#include "service/services.h"

namespace amplify::service {

void GetBackendJob(const Services& s, Call call);
void ListBackendJobs(const Services& s, Call call);
void UpdateBackendJob(const Services& s, Call call);

// Opaque ListBackendJobs tokens: the seq to continue below, encoded; nullopt when malformed.
std::string EncodeJobsToken(int64_t before_seq);
std::optional<int64_t> DecodeJobsToken(std::string_view token);

}  // namespace amplify::service
