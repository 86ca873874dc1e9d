#include "service/backends.h"

#include "common/json_writer.h"
#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/amplify_meta.h"
#include "service/backend_changes.h"
#include "service/document_cache.h"
#include "service/errors.h"
#include "service/job_outputs.h"
#include "service/start_job.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using model::Get;
using model::OperationId;

// RemoveAllBackends answers for the app: its output has no backendEnvironmentName.
Output RemoveAllOutput(const store::JobRecord& job, std::string_view) {
  using Shape = members::RemoveAllBackendsResponse;
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Shape::AppId, job.app_id);
  if (!job.error.empty()) w.Member(Shape::Error, job.error);
  w.Member(Shape::JobId, job.job_id);
  w.Member(Shape::Operation, job.operation);
  w.Member(Shape::Status, job.status);
  w.EndObject();
  return out;
}

Output GetBackendOutput(const Scope& scope, const store::AppRecord& app,
                        const std::vector<store::EnvironmentRecord>& environments,
                        const std::string& env, Snapshot& read) {
  using Shape = members::GetBackendResponse;
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Shape::AppId, app.app_id);
  w.Member(Shape::AppName, app.app_name);
  w.Key(Shape::BackendEnvironmentList);
  w.BeginArray();
  for (const store::EnvironmentRecord& e : environments) w.String(e.name);
  w.EndArray();
  w.Member(Shape::AmplifyFeatureFlags, AmplifyFeatureFlags());
  if (!env.empty()) {
    w.Member(Shape::BackendEnvironmentName, env);
    w.Member(Shape::AmplifyMetaConfig,
             AmplifyMetaConfig(scope, app.app_id, env, read.Resources(app.app_id, env)));
  }
  w.EndObject();
  return out;
}

}  // namespace

Result<Plan> CreateBackend(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::CreateBackendRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  if (app_id.empty()) return BadRequest("appId must not be empty.");
  if (env.empty()) return BadRequest("backendEnvironmentName must not be empty.");
  auto change = std::make_unique<CreateBackendChange>(
      app_id, env, std::string(Get(in, Shape::AppName)), ctx.now_ms);
  return PlanJob(read, NewJobOf(ctx.ids, OperationId::kCreateBackend, app_id, env),
                 std::move(change), env, &JobOutput<members::CreateBackendResponse>);
}

// Environments in creation order, and for the requested one (else the first) the documents
// derived from it, served from the cache while the app's version stands.
Result<Plan> GetBackend(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::GetBackendRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string wanted(Get(in, Shape::BackendEnvironmentName));
  std::optional<int64_t> version = read.AppVersion(app_id);
  if (!version) return AppNotFound(app_id);
  if (auto cached = ctx.documents.Find(ctx.scope, app_id, wanted, *version)) {
    return Plan::Respond(*cached);
  }
  const store::AppRecord* app = read.App(app_id);
  if (!app) return AppNotFound(app_id);
  const std::vector<store::EnvironmentRecord>& envs = read.Environments(app_id);
  if (!wanted.empty() && !read.Environment(app_id, wanted)) {
    return EnvironmentNotFound(app_id, wanted);
  }
  std::string env = !wanted.empty() ? wanted : envs.empty() ? "" : envs.front().name;
  Output body = GetBackendOutput(ctx.scope, *app, envs, env, read);
  ctx.documents.Put(ctx.scope, app_id, wanted, *version, body);
  return Plan::Respond(std::move(body));
}

Result<Plan> CloneBackend(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::CloneBackendRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string source(Get(in, Shape::BackendEnvironmentName));
  std::string target(Get(in, Shape::TargetEnvironmentName));
  if (target.empty()) return BadRequest("targetEnvironmentName must not be empty.");
  auto change = std::make_unique<CloneBackendChange>(app_id, source, target, ctx.now_ms);
  // The job creates the target, so it is recorded (and polled) under the target.
  return PlanJob(read, NewJobOf(ctx.ids, OperationId::kCloneBackend, app_id, target),
                 std::move(change), target, &JobOutput<members::CloneBackendResponse>);
}

Result<Plan> DeleteBackend(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::DeleteBackendRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  auto change = std::make_unique<DeleteBackendChange>(app_id, env);
  return PlanJob(read, NewJobOf(ctx.ids, OperationId::kDeleteBackend, app_id, env),
                 std::move(change), env, &JobOutput<members::DeleteBackendResponse>);
}

Result<Plan> RemoveAllBackends(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::RemoveAllBackendsRequest;
  std::string app_id(Get(in, Shape::AppId));
  bool clean_app = Get(in, Shape::CleanAmplifyApp).value_or(false);
  auto change = std::make_unique<RemoveAllBackendsChange>(app_id, clean_app);
  // App-level job (no environment): found under any of the app's environment names.
  return PlanJob(read, NewJobOf(ctx.ids, OperationId::kRemoveAllBackends, app_id, ""),
                 std::move(change), "", &RemoveAllOutput);
}

}  // namespace amplify::service
