#include "service/api_models.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <string_view>

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
  auto record = FindResource(r, scope, app_id, env, kApi, name);
  if (!record) return record.error();
  return ParseStoredResource(*record);
}

std::string SchemaOf(const StoredResource& api) {
  return StringMember(api.config, "transformSchema");
}

// The models record: "<size of models>\n", then both strings as they are (no JSON escaping of
// megabytes of JSON text on every write and read).
std::string EncodeModels(const codegen::GeneratedModels& m) {
  std::string out = std::to_string(m.models.size()) + "\n";
  out.reserve(out.size() + m.models.size() + m.model_introspection_schema.size());
  out += m.models;
  out += m.model_introspection_schema;
  return out;
}

std::optional<codegen::GeneratedModels> DecodeModels(std::string_view text) {
  size_t newline = text.find('\n');
  if (newline == std::string_view::npos) return std::nullopt;
  size_t size = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + newline, size);
  if (ec != std::errc() || end != text.data() + newline || size > text.size() - newline - 1) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(newline + 1);
  return codegen::GeneratedModels{std::string(rest.substr(0, size)),
                                  std::string(rest.substr(size))};
}

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
    return BadRequest(
        fmt::format("The API {} has no transformSchema to generate models from.", name));
  }
  std::shared_ptr<const Generation> generated = GenerationOf(Recent(), schema);
  if (!generated->ok()) {
    return BadRequest(fmt::format("The transformSchema of API {} is not valid: {}", name,
                                  generated->error().ToString()));
  }
  int64_t now = p.at("nowMs").as_int64();
  auto existing = w.GetResource(scope, app_id, env, kApiModels, name);
  w.PutResource(scope, {app_id, env, kApiModels, name, EncodeModels(generated->value()),
                        existing ? existing->created_ms : now, now});
  StoredResource& resource = *api;
  resource.state[kModelsStatus] = "LATEST";
  auto record = w.GetResource(scope, app_id, env, kApi, name);
  record->config_json = SerializeStoredResource(resource);
  record->updated_ms = now;
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
        return jobs::JobStart{
            app_id, env, kOperation,
            object{{"appId", app_id}, {"environment", env}, {"name", name}, {"nowMs", now}}};
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
  auto record = s.store.Reader().GetResource(call.scope, app_id, env, kApiModels, name);
  if (record) {
    if (auto models = DecodeModels(record->config_json)) {
      out["models"] = std::move(models->models);
      out["modelIntrospectionSchema"] = std::move(models->model_introspection_schema);
    }
  }
  call.reply(std::move(out));
}

void RegisterModelsApplier(jobs::JobEngine& engine) {
  engine.RegisterApplier(kOperation, ApplyGenerateModels);
}

}  // namespace amplify::service
