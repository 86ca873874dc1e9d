#include "service/backend_config.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "common/json_writer.h"
#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/errors.h"
#include "service/job_outputs.h"
#include "service/start_job.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using boost::json::object;
using model::Get;

// The stored config's own keys (internal; its loginAuthConfig holds wire names).
constexpr std::string_view kManagerKey = "backendManagerAppId";
constexpr std::string_view kLoginKey = "loginAuthConfig";

// Where no environment exists yet, the config job is named after Amplify's default one.
constexpr std::string_view kDefaultEnvironment = "staging";

// The members of loginAuthConfig: snake_case on the wire.
constexpr model::StringMember kLoginAuthMembers[] = {
    members::LoginAuthConfigReqObj::AwsCognitoIdentityPoolId,
    members::LoginAuthConfigReqObj::AwsCognitoRegion,
    members::LoginAuthConfigReqObj::AwsUserPoolsId,
    members::LoginAuthConfigReqObj::AwsUserPoolsWebClientId,
};

// The stored config, or nullopt when the app has none (config_json empty or not an object).
std::optional<object> StoredConfig(const store::AppRecord& app) {
  if (app.config_json.empty()) return std::nullopt;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(app.config_json, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.get_object());
}

Output ConfigOutput(const std::string& app_id, const object& config) {
  using Shape = members::UpdateBackendConfigResponse;
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Member(Shape::AppId, app_id);
  const boost::json::value* manager = config.if_contains(kManagerKey);
  w.Member(Shape::BackendManagerAppId,
           manager && manager->is_string() ? std::string_view(manager->get_string()) : "");
  w.Key(Shape::LoginAuthConfig);
  const boost::json::value* login = config.if_contains(kLoginKey);
  w.Raw(login && login->is_object() ? boost::json::serialize(*login) : "{}");
  w.EndObject();
  return out;
}

// UpdateBackendConfig's and RemoveBackendConfig's write: the config the handler decided, if
// the one it was decided from is still the app's (else the request is planned again).
class ReplaceConfig final : public WriteStep {
 public:
  ReplaceConfig(std::string app_id, std::string base_config, std::string config, Output output)
      : app_id_(std::move(app_id)),
        base_config_(std::move(base_config)),
        config_(std::move(config)),
        output_(std::move(output)) {}

  Result<WriteResult> Run(WriteContext& ctx) override {
    std::optional<store::AppRecord> app = ctx.writer.GetApp(ctx.scope, app_id_);
    if (!app) return AppNotFound(app_id_);
    if (app->config_json != base_config_) return WriteResult::kConflict;
    app->config_json = config_;
    ctx.writer.PutApp(ctx.scope, *app);
    return WriteResult::kWritten;
  }
  Output Respond() const override { return output_; }

 private:
  std::string app_id_, base_config_, config_;
  Output output_;
};

Result<store::AppRecord> AppWithConfig(Snapshot& read, const std::string& app_id) {
  const store::AppRecord* app = read.App(app_id);
  if (!app) return AppNotFound(app_id);
  if (!StoredConfig(*app)) return ConfigNotFound(app_id);
  return *app;
}

}  // namespace

CreateBackendConfigChange::CreateBackendConfigChange(std::string app_id, std::string manager_app_id,
                                                     int64_t created_ms)
    : app_id_(std::move(app_id)),
      manager_app_id_(std::move(manager_app_id)),
      created_ms_(created_ms) {}

std::unique_ptr<ServiceChange> CreateBackendConfigChange::Decode(const object& d) {
  return std::make_unique<CreateBackendConfigChange>(
      ChangeText(d, "appId"), ChangeText(d, "backendManagerAppId"), ChangeNumber(d, "createdMs"));
}

std::string CreateBackendConfigChange::Encode() const {
  return boost::json::serialize(object{
      {"appId", app_id_}, {"backendManagerAppId", manager_app_id_}, {"createdMs", created_ms_}});
}

Status CreateBackendConfigChange::Applies(Snapshot& read) const {
  const store::AppRecord* app = read.App(app_id_);
  if (app && StoredConfig(*app)) return ConfigExists(app_id_);
  return OkStatus();
}

Status CreateBackendConfigChange::Apply(store::StoreWriter& w, const Scope& scope, int64_t) {
  store::AppRecord app =
      w.GetApp(scope, app_id_).value_or(store::AppRecord{app_id_, app_id_, created_ms_, "", 0});
  app.config_json =
      boost::json::serialize(object{{kManagerKey, manager_app_id_}, {kLoginKey, object{}}});
  w.PutApp(scope, app);
  return OkStatus();
}

Result<Plan> CreateBackendConfig(const Context& ctx, const boost::json::object& in,
                                 Snapshot& read) {
  using Shape = members::CreateBackendConfigRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string manager(Get(in, Shape::BackendManagerAppId));
  if (manager.empty()) manager = app_id;
  // Named under the app's first environment: app-level jobs are found under any of them.
  const std::vector<store::EnvironmentRecord>& envs = read.Environments(app_id);
  std::string env = envs.empty() ? std::string(kDefaultEnvironment) : envs.front().name;
  auto change = std::make_unique<CreateBackendConfigChange>(app_id, manager, ctx.now_ms);
  return PlanJob(read, NewJobOf(ctx.ids, model::OperationId::kCreateBackendConfig, app_id, ""),
                 std::move(change), env, &ShortJobOutput<members::CreateBackendConfigResponse>);
}

Result<Plan> UpdateBackendConfig(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::UpdateBackendConfigRequest;
  std::string app_id(Get(in, Shape::AppId));
  Result<store::AppRecord> app = AppWithConfig(read, app_id);
  if (!app) return app.error();
  object config = *StoredConfig(*app);
  boost::json::value& login = config[kLoginKey];
  if (!login.is_object()) login = object{};
  if (const object* patch = Get(in, Shape::LoginAuthConfig)) {
    for (model::StringMember m : kLoginAuthMembers) {  // present members replace, absent keep
      if (std::optional<std::string_view> v = model::Find(*patch, m)) {
        login.get_object()[m.wire] = *v;
      }
    }
  }
  Output output = ConfigOutput(app_id, config);
  return Plan::Write(std::make_unique<ReplaceConfig>(
      app_id, app->config_json, boost::json::serialize(config), std::move(output)));
}

Result<Plan> RemoveBackendConfig(const Context&, const boost::json::object& in, Snapshot& read) {
  std::string app_id(Get(in, members::RemoveBackendConfigRequest::AppId));
  Result<store::AppRecord> app = AppWithConfig(read, app_id);
  if (!app) return app.error();
  // RemoveBackendConfigResponse has only `error`, absent on success.
  return Plan::Write(std::make_unique<ReplaceConfig>(app_id, app->config_json, "", "{}"));
}

}  // namespace amplify::service
