#pragma once
// The shape every job-starting operation shares: checks and the job's start in one store
// write (so a rejected request changes nothing), then the reply once it is durable.
#include <functional>

#include "service/services.h"

namespace amplify::service {

// Runs inside the write: checks the request against current state and says which job to start.
using JobPlanner = std::function<Result<jobs::JobStart>(store::StoreWriter&)>;
// Turns the begun job into the operation's output.
using JobFormatter = std::function<boost::json::object(const store::JobRecord&)>;

void RunJob(const Services& s, Call call, JobPlanner plan, JobFormatter format);

// Output shapes (OPERATIONS.md §3.1).
// JobResp: appId, backendEnvironmentName, error, jobId, operation, status.
boost::json::object JobResponse(const store::JobRecord& job, const std::string& environment);
// ShortJobResp: appId, backendEnvironmentName, jobId, status.
boost::json::object ShortJobResponse(const store::JobRecord& job, const std::string& environment);
// BackendJob: JobResp + createTime, updateTime.
boost::json::object BackendJobResponse(const store::JobRecord& job, const std::string& environment);

}  // namespace amplify::service
