#include "service/backends.h"

#include <fmt/format.h>

#include "service/amplify_meta.h"
#include "service/job_runner.h"
#include "service/storage.h"

namespace amplify::service {
namespace {

using boost::json::object;
using store::StoreWriter;

std::string PayloadString(const object& payload, std::string_view key) {
  return StringMember(payload, key);
}

// Each applier checks before it writes (job_engine.h).
Status ApplyCreateBackend(StoreWriter& w, const store::Scope& scope, const object& p) {
  std::string app_id = PayloadString(p, "appId"), env = PayloadString(p, "environment");
  if (w.GetEnvironment(scope, app_id, env)) {
    return BadRequest(fmt::format("Backend environment {} already exists for app {}.", env,
                                  app_id));
  }
  int64_t now = p.at("createdMs").as_int64();
  if (!w.GetApp(scope, app_id)) {
    w.PutApp(scope, {app_id, PayloadString(p, "appName"), now, ""});
  }
  w.PutEnvironment(scope, {app_id, env, now});
  return OkStatus();
}

Status ApplyCloneBackend(StoreWriter& w, const store::Scope& scope, const object& p) {
  std::string app_id = PayloadString(p, "appId"), source = PayloadString(p, "source"),
              target = PayloadString(p, "target");
  if (!w.GetEnvironment(scope, app_id, source)) return EnvironmentNotFound(app_id, source);
  if (w.GetEnvironment(scope, app_id, target)) {
    return BadRequest(fmt::format("Backend environment {} already exists for app {}.", target,
                                  app_id));
  }
  int64_t now = p.at("createdMs").as_int64();
  w.PutEnvironment(scope, {app_id, target, now});
  for (store::ResourceRecord r : w.ListResources(scope, app_id, source)) {
    r.environment = target;
    r.created_ms = r.updated_ms = now;
    w.PutResource(scope, r);
  }
  return OkStatus();
}

Status ApplyDeleteBackend(StoreWriter& w, const store::Scope& scope, const object& p) {
  std::string app_id = PayloadString(p, "appId"), env = PayloadString(p, "environment");
  if (!w.GetEnvironment(scope, app_id, env)) return EnvironmentNotFound(app_id, env);
  DeleteBucketsOfLeavingEnvironments(w, scope, app_id, {env});
  w.DeleteEnvironment(scope, app_id, env);
  return OkStatus();
}

Status ApplyRemoveAllBackends(StoreWriter& w, const store::Scope& scope, const object& p) {
  std::string app_id = PayloadString(p, "appId");
  if (!w.GetApp(scope, app_id)) return AppNotFound(app_id);
  std::vector<std::string> all;
  for (const store::EnvironmentRecord& env : w.ListEnvironments(scope, app_id)) {
    all.push_back(env.name);
  }
  DeleteBucketsOfLeavingEnvironments(w, scope, app_id, all);
  if (p.at("cleanAmplifyApp").as_bool()) {
    w.DeleteApp(scope, app_id);
    return OkStatus();
  }
  for (const std::string& env : all) w.DeleteEnvironment(scope, app_id, env);
  return OkStatus();
}

}  // namespace

AwsError AppNotFound(const std::string& app_id) {
  return NotFound("App", fmt::format("App {} not found.", app_id));
}

AwsError EnvironmentNotFound(const std::string& app_id, const std::string& env) {
  return NotFound("BackendEnvironment",
                  fmt::format("Backend environment {} not found for app {}.", env, app_id));
}

void RegisterBackendAppliers(jobs::JobEngine& engine) {
  engine.RegisterApplier("CreateBackend", ApplyCreateBackend);
  engine.RegisterApplier("CloneBackend", ApplyCloneBackend);
  engine.RegisterApplier("DeleteBackend", ApplyDeleteBackend);
  engine.RegisterApplier("RemoveAllBackends", ApplyRemoveAllBackends);
}

void CreateBackend(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string app_name = StringMember(call.input, "appName");
  if (app_id.empty()) return call.reply(BadRequest("appId must not be empty."));
  if (env.empty()) return call.reply(BadRequest("backendEnvironmentName must not be empty."));
  store::Scope scope = call.scope;
  int64_t now = s.clock.NowMillis();
  RunJob(
      s, std::move(call),
      [=](StoreWriter& w) -> Result<jobs::JobStart> {
        if (w.GetEnvironment(scope, app_id, env)) {
          return BadRequest(fmt::format("Backend environment {} already exists for app {}.", env,
                                        app_id));
        }
        return jobs::JobStart{app_id, env, "CreateBackend",
                              object{{"appId", app_id},
                                     {"environment", env},
                                     {"appName", app_name},
                                     {"createdMs", now}}};
      },
      [env](const store::JobRecord& job) { return JobResponse(job, env); });
}

void GetBackend(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string wanted = StringMember(call.input, "backendEnvironmentName");
  store::StoreReader& r = s.store.Reader();
  auto app = r.GetApp(call.scope, app_id);
  if (!app) return call.reply(AppNotFound(app_id));
  std::vector<store::EnvironmentRecord> envs = r.ListEnvironments(call.scope, app_id);
  object out;
  out["appId"] = app_id;
  out["appName"] = app->app_name;
  boost::json::array names;
  for (const auto& e : envs) names.emplace_back(e.name);
  out["backendEnvironmentList"] = std::move(names);
  out["amplifyFeatureFlags"] = AmplifyFeatureFlags();
  std::string env = wanted;
  if (env.empty() && !envs.empty()) env = envs.front().name;
  if (!wanted.empty() && !r.GetEnvironment(call.scope, app_id, wanted)) {
    return call.reply(EnvironmentNotFound(app_id, wanted));
  }
  if (!env.empty()) {
    out["backendEnvironmentName"] = env;
    out["amplifyMetaConfig"] =
        AmplifyMetaConfig(call.scope, app_id, env, r.ListResources(call.scope, app_id, env));
  }
  call.reply(std::move(out));
}

void CloneBackend(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string source = StringMember(call.input, "backendEnvironmentName");
  std::string target = StringMember(call.input, "targetEnvironmentName");
  if (target.empty()) return call.reply(BadRequest("targetEnvironmentName must not be empty."));
  store::Scope scope = call.scope;
  int64_t now = s.clock.NowMillis();
  RunJob(
      s, std::move(call),
      [=](StoreWriter& w) -> Result<jobs::JobStart> {
        if (!w.GetApp(scope, app_id)) return AppNotFound(app_id);
        if (!w.GetEnvironment(scope, app_id, source)) return EnvironmentNotFound(app_id, source);
        if (w.GetEnvironment(scope, app_id, target)) {
          return BadRequest(fmt::format("Backend environment {} already exists for app {}.",
                                        target, app_id));
        }
        // The job creates the target, so it is recorded (and polled) under the target.
        return jobs::JobStart{app_id, target, "CloneBackend",
                              object{{"appId", app_id},
                                     {"source", source},
                                     {"target", target},
                                     {"createdMs", now}}};
      },
      [target](const store::JobRecord& job) { return JobResponse(job, target); });
}

void DeleteBackend(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  store::Scope scope = call.scope;
  RunJob(
      s, std::move(call),
      [=](StoreWriter& w) -> Result<jobs::JobStart> {
        if (!w.GetApp(scope, app_id)) return AppNotFound(app_id);
        if (!w.GetEnvironment(scope, app_id, env)) return EnvironmentNotFound(app_id, env);
        return jobs::JobStart{app_id, env, "DeleteBackend",
                              object{{"appId", app_id}, {"environment", env}}};
      },
      [env](const store::JobRecord& job) { return JobResponse(job, env); });
}

void RemoveAllBackends(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  const boost::json::value* clean = call.input.if_contains("cleanAmplifyApp");
  bool clean_app = clean && clean->as_bool();
  store::Scope scope = call.scope;
  RunJob(
      s, std::move(call),
      [=](StoreWriter& w) -> Result<jobs::JobStart> {
        if (!w.GetApp(scope, app_id)) return AppNotFound(app_id);
        // App-level job: no environment (findable under any of the app's names).
        return jobs::JobStart{app_id, "", "RemoveAllBackends",
                              object{{"appId", app_id}, {"cleanAmplifyApp", clean_app}}};
      },
      [](const store::JobRecord& job) {
        object out;  // RemoveAllResp has no backendEnvironmentName (OPERATIONS.md §3.1)
        out["appId"] = job.app_id;
        if (!job.error.empty()) out["error"] = job.error;
        out["jobId"] = job.job_id;
        out["operation"] = job.operation;
        out["status"] = job.status;
        return out;
      });
}

}  // namespace amplify::service
