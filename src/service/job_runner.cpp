#include "service/job_runner.h"

#include <memory>

namespace amplify::service {

void RunJob(const Services& s, Call call, JobPlanner plan, JobFormatter format) {
  auto job = std::make_shared<store::JobRecord>();
  const Services* services = &s;
  store::Scope scope = call.scope;
  s.store.Write(
      [services, scope, plan = std::move(plan), job](store::StoreWriter& w) -> Status {
        Result<jobs::JobStart> start = plan(w);
        if (!start) return start.error();
        Result<store::JobRecord> begun = services->jobs.Begin(w, scope, std::move(start.value()));
        if (!begun) return begun.error();
        *job = std::move(begun.value());
        return OkStatus();
      },
      [services, scope, job, format = std::move(format), reply = std::move(call.reply)](Status st) {
        if (!st) return reply(st.error());
        services->jobs.Committed(scope, *job);
        reply(format(*job));
      });
}

boost::json::object JobResponse(const store::JobRecord& job, const std::string& environment) {
  boost::json::object out;
  out["appId"] = job.app_id;
  out["backendEnvironmentName"] = environment;
  if (!job.error.empty()) out["error"] = job.error;
  out["jobId"] = job.job_id;
  out["operation"] = job.operation;
  out["status"] = job.status;
  return out;
}

boost::json::object ShortJobResponse(const store::JobRecord& job,
                                     const std::string& environment) {
  boost::json::object out;
  out["appId"] = job.app_id;
  out["backendEnvironmentName"] = environment;
  out["jobId"] = job.job_id;
  out["status"] = job.status;
  return out;
}

boost::json::object BackendJobResponse(const store::JobRecord& job,
                                       const std::string& environment) {
  boost::json::object out = JobResponse(job, environment);
  out["createTime"] = FormatIso8601(job.create_ms);
  out["updateTime"] = FormatIso8601(job.update_ms);
  return out;
}

}  // namespace amplify::service
