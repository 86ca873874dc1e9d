#pragma once
// The outputs that describe a job, written straight to JSON through the output shape's
// generated members: a template instantiated for a shape only compiles if the shape has every
// member it writes, so each operation's output is checked against the model at build time.
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/json_writer.h"
#include "model/members_generated.h"
#include "store/records.h"

namespace amplify::service {

// appId, backendEnvironmentName, error (when set), jobId, operation, status.
template <class Shape>
std::string JobOutput(const store::JobRecord& job, std::string_view environment) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Shape::AppId, job.app_id);
  w.Member(Shape::BackendEnvironmentName, environment);
  if (!job.error.empty()) w.Member(Shape::Error, job.error);
  w.Member(Shape::JobId, job.job_id);
  w.Member(Shape::Operation, job.operation);
  w.Member(Shape::Status, job.status);
  w.EndObject();
  return out;
}

// appId, backendEnvironmentName, jobId, status (the storage and config operations).
template <class Shape>
std::string ShortJobOutput(const store::JobRecord& job, std::string_view environment) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Shape::AppId, job.app_id);
  w.Member(Shape::BackendEnvironmentName, environment);
  w.Member(Shape::JobId, job.job_id);
  w.Member(Shape::Status, job.status);
  w.EndObject();
  return out;
}

// A job as GetBackendJob, UpdateBackendJob and ListBackendJobs describe it: JobOutput's
// members plus createTime and updateTime, written into an enclosing writer.
template <class Shape>
void WriteBackendJob(JsonWriter& w, const store::JobRecord& job, std::string_view environment) {
  w.BeginObject();
  w.Member(Shape::AppId, job.app_id);
  w.Member(Shape::BackendEnvironmentName, environment);
  w.Member(Shape::CreateTime, Iso8601Of(job.create_ms).view());
  if (!job.error.empty()) w.Member(Shape::Error, job.error);
  w.Member(Shape::JobId, job.job_id);
  w.Member(Shape::Operation, job.operation);
  w.Member(Shape::Status, job.status);
  w.Member(Shape::UpdateTime, Iso8601Of(job.update_ms).view());
  w.EndObject();
}

template <class Shape>
std::string BackendJobOutput(const store::JobRecord& job, std::string_view environment) {
  std::string out;
  JsonWriter w(out);
  WriteBackendJob<Shape>(w, job, environment);
  return out;
}

}  // namespace amplify::service
