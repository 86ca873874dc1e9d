#include "service/backend_config.h"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <memory>

#include "service/backends.h"
#include "service/job_runner.h"

namespace amplify::service {
namespace {

using boost::json::object;
using store::StoreWriter;

// The members of loginAuthConfig (OPERATIONS.md §1.6: snake_case on the wire).
constexpr std::string_view kLoginAuthKeys[] = {"aws_cognito_identity_pool_id", "aws_cognito_region",
                                               "aws_user_pools_id", "aws_user_pools_web_client_id"};

// Where no environment exists yet, the config job is named after Amplify's default one.
constexpr const char* kDefaultEnvironment = "staging";

AwsError ConfigNotFound(const std::string& app_id) {
  return NotFound("BackendConfig", fmt::format("No backend config found for app {}.", app_id));
}

AwsError ConfigExists(const std::string& app_id) {
  return BadRequest(fmt::format("A backend config already exists for app {}.", app_id));
}

// The stored config, or nullopt when the app has none (config_json empty or not an object).
std::optional<object> StoredConfig(const store::AppRecord& app) {
  if (app.config_json.empty()) return std::nullopt;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(app.config_json, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return v.get_object();
}

bool HasConfig(StoreWriter& w, const store::Scope& scope, const std::string& app_id) {
  auto app = w.GetApp(scope, app_id);
  return app && StoredConfig(*app);
}

// Checks before it writes (job_engine.h): an existing config fails the job, changing nothing.
Status ApplyCreateBackendConfig(StoreWriter& w, const store::Scope& scope, const object& p) {
  std::string app_id = StringMember(p, "appId");
  if (HasConfig(w, scope, app_id)) return ConfigExists(app_id);
  store::AppRecord app =
      w.GetApp(scope, app_id)
          .value_or(store::AppRecord{app_id, app_id, p.at("createdMs").as_int64(), ""});
  object config{{"backendManagerAppId", StringMember(p, "backendManagerAppId")},
                {"loginAuthConfig", object{}}};
  app.config_json = boost::json::serialize(config);
  w.PutApp(scope, app);
  return OkStatus();
}

object ConfigResponse(const std::string& app_id, const object& config) {
  object out;
  out["appId"] = app_id;
  out["backendManagerAppId"] = StringMember(config, "backendManagerAppId");
  const boost::json::value* login = config.if_contains("loginAuthConfig");
  out["loginAuthConfig"] = login && login->is_object() ? login->get_object() : object{};
  return out;
}

}  // namespace

void RegisterConfigAppliers(jobs::JobEngine& engine) {
  engine.RegisterApplier("CreateBackendConfig", ApplyCreateBackendConfig);
}

void CreateBackendConfig(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string manager = StringMember(call.input, "backendManagerAppId");
  if (manager.empty()) manager = app_id;
  store::Scope scope = call.scope;
  int64_t now = s.clock.NowMillis();
  // The environment the response names is only known inside the write.
  auto environment = std::make_shared<std::string>(kDefaultEnvironment);
  RunJob(
      s, std::move(call),
      [=](StoreWriter& w) -> Result<jobs::JobStart> {
        if (HasConfig(w, scope, app_id)) return ConfigExists(app_id);
        std::vector<store::EnvironmentRecord> envs = w.ListEnvironments(scope, app_id);
        if (!envs.empty()) *environment = envs.front().name;
        // App-level job (empty environment): GetBackendJob finds it under any name.
        return jobs::JobStart{
            app_id, "", "CreateBackendConfig",
            object{{"appId", app_id}, {"backendManagerAppId", manager}, {"createdMs", now}}};
      },
      [environment](const store::JobRecord& job) { return ShortJobResponse(job, *environment); });
}

void UpdateBackendConfig(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  object patch;
  if (const auto* v = call.input.if_contains("loginAuthConfig"); v && v->is_object()) {
    patch = v->get_object();
  }
  store::Scope scope = call.scope;
  auto out = std::make_shared<object>();
  s.store.Write(
      [=](StoreWriter& w) -> Status {
        auto app = w.GetApp(scope, app_id);
        if (!app) return AppNotFound(app_id);
        std::optional<object> config = StoredConfig(*app);
        if (!config) return ConfigNotFound(app_id);
        boost::json::value& login = (*config)["loginAuthConfig"];
        if (!login.is_object()) login = object{};
        for (std::string_view key : kLoginAuthKeys) {  // present keys replace, absent keep
          if (const auto* v = patch.if_contains(key); v && v->is_string()) {
            login.get_object()[key] = *v;
          }
        }
        app->config_json = boost::json::serialize(*config);
        w.PutApp(scope, *app);
        *out = ConfigResponse(app_id, *config);
        return OkStatus();
      },
      [out, reply = std::move(call.reply)](Status st) {
        if (!st) return reply(st.error());
        reply(std::move(*out));
      });
}

void RemoveBackendConfig(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  store::Scope scope = call.scope;
  s.store.Write(
      [=](StoreWriter& w) -> Status {
        auto app = w.GetApp(scope, app_id);
        if (!app) return AppNotFound(app_id);
        if (!StoredConfig(*app)) return ConfigNotFound(app_id);
        app->config_json.clear();
        w.PutApp(scope, *app);
        return OkStatus();
      },
      [reply = std::move(call.reply)](Status st) {
        if (!st) return reply(st.error());
        reply(object{});  // RemoveBackendConfigResp: only `error`, absent on success
      });
}

}  // namespace amplify::service
