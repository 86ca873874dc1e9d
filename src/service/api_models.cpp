#include "service/api_models.h"

#include <fmt/format.h>

#include "codegen/model_generator.h"
#include "service/api.h"
#include "service/job_runner.h"
#include "service/recent_generations.h"
#include "service/resources.h"

namespace amplify::service {
namespace {

using boost::json::object;
using store::StoreWriter;

constexpr const char* kOperation = "GenerateBackendAPIModels";

// The API resource `name` as it is now, or why there is none.
Result<StoredResource> CurrentApi(store::StoreReader& r, const store::Scope& scope,
                                  const std::string& app_id, const std::string& env,
                                  const std::string& name) {
  if (Status ok = RequireEnvironment(r, scope, app_id, env); !ok) return ok.error();
  auto record = r.GetResource(scope, app_id, env, kApi, name);
  if (!record) return ResourceNotFound(kApi, app_id, env, name);
  return ParseStoredResource(*record);
}

std::string SchemaOf(const StoredResource& api) { return StringMember(api.config, "transformSchema"); }

RecentGenerations& Recent() {
  static RecentGenerations recent;
  return recent;
}

// Completes the job: generates from the schema the API holds *now* (an update that ran between
// start and completion is what the models must describe) and stores both strings, or ends the
// job FAILED saying what is wrong with the schema and where.
Status ApplyGenerateModels(StoreWriter& w, const store::Scope& scope, const object& p) {
  std::string app_id = StringMember(p, "appId"), env = StringMember(p, "environment"),
              name = StringMember(p, "name");
  Result<StoredResource> api = CurrentApi(w, scope, app_id, env, name);
  if (!api) return api.error();
  std::string schema = SchemaOf(*api);
  if (schema.empty()) {
    return BadRequest(fmt::format("The API {} has no transformSchema to generate models from.",
                                  name));
  }
  std::shared_ptr<const Generation> generated = GenerationOf(Recent(), schema);
  if (!generated->ok()) {
    return BadRequest(fmt::format("The transformSchema of API {} is not valid: {}", name,
                                  generated->error().ToString()));
  }
  StoredResource& resource = *api;
  resource.state[kModels] = generated->value().models;
  resource.state[kModelIntrospectionSchema] = generated->value().model_introspection_schema;
  resource.state[kModelsStatus] = "LATEST";
  auto record = w.GetResource(scope, app_id, env, kApi, name);
  record->config_json = SerializeStoredResource(resource);
  record->updated_ms = p.at("nowMs").as_int64();
  w.PutResource(scope, *record);
  return OkStatus();
}

}  // namespace

void GenerateBackendAPIModels(const Services& s, Call call) {
  store::Scope scope = call.scope;
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  int64_t now = s.clock.NowMillis();
  // Generate here, on the request thread, so the job's completion inside the store's write
  // finds the result (RecentGenerations); the write checks everything again.
  if (Result<StoredResource> api = CurrentApi(s.store.Reader(), scope, app_id, env, name);
      api.ok() && !SchemaOf(*api).empty()) {
    (void)GenerationOf(Recent(), SchemaOf(*api));
  }
  RunJob(
      s, std::move(call),
      [=](StoreWriter& w) -> Result<jobs::JobStart> {
        Result<StoredResource> api = CurrentApi(w, scope, app_id, env, name);
        if (!api) return api.error();
        if (SchemaOf(*api).empty()) {
          return BadRequest(fmt::format(
              "The API {} has no transformSchema: set one with UpdateBackendAPI first.", name));
        }
        return jobs::JobStart{app_id, env, kOperation,
                              object{{"appId", app_id},
                                     {"environment", env},
                                     {"name", name},
                                     {"nowMs", now}}};
      },
      [env](const store::JobRecord& job) { return JobResponse(job, env); });
}

void GetBackendAPIModels(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  Result<StoredResource> api = CurrentApi(s.store.Reader(), call.scope, app_id, env, name);
  if (!api) return call.reply(api.error());
  const object& state = api->state;
  // LATEST only while the stored strings describe the current schema (api.cpp marks STALE).
  std::string status = StringMember(state, kModelsStatus);
  object out{{"status", status == "LATEST" ? "LATEST" : "STALE"}};
  if (const auto* models = state.if_contains(kModels)) out["models"] = *models;
  if (const auto* introspection = state.if_contains(kModelIntrospectionSchema)) {
    out["modelIntrospectionSchema"] = *introspection;
  }
  call.reply(std::move(out));
}

void RegisterModelsApplier(jobs::JobEngine& engine) {
  engine.RegisterApplier(kOperation, ApplyGenerateModels);
}

}  // namespace amplify::service
