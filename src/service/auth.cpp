#include "service/auth.h"

#include <fmt/format.h>

#include "service/auth_resource.h"
#include "service/resources.h"

namespace amplify::service {
namespace {

using boost::json::object;

JobFormatter JobResponseIn(std::string environment) {
  return [environment = std::move(environment)](const store::JobRecord& job) {
    return JobResponse(job, environment);
  };
}

}  // namespace

void CreateBackendAuth(const Services& s, Call call) {
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  if (env.empty()) return call.reply(BadRequest("backendEnvironmentName must not be empty."));
  if (name.empty()) return call.reply(BadRequest("resourceName must not be empty."));
  object config = CreateShapedConfig(call.input.at("resourceConfig").as_object());
  if (Status ok = ValidateAuthConfig(config); !ok) return call.reply(ok.error());

  ResourceChange change;
  change.operation = "CreateBackendAuth";
  change.category = kAuth;
  change.name = name;
  change.kind = ChangeKind::kCreate;
  // The ids are drawn once, here: the job carries them, so they never change afterwards.
  change.resource.output = NewAuthOutput(s.ids, call.scope, env, config);
  change.resource.config = std::move(config);
  RunResourceJob(s, std::move(call), std::move(change), JobResponseIn(env));
}

void GetBackendAuth(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  auto record = FindResource(s.store.Reader(), call.scope, app_id, env, kAuth, name);
  if (!record) return call.reply(record.error());
  StoredResource stored = ParseStoredResource(*record);
  call.reply(object{{"appId", app_id},
                    {"backendEnvironmentName", env},
                    {"resourceName", name},
                    {"resourceConfig", std::move(stored.config)}});
}

void UpdateBackendAuth(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  object update = UpdateShapedConfig(call.input.at("resourceConfig").as_object());
  const Services* services = &s;
  store::Scope scope = call.scope;
  // The merge runs inside the write, against the stored config as it is then.
  ChangePlanner plan = [=](store::StoreWriter&,
                           std::optional<StoredResource> existing) -> Result<ResourceChange> {
    if (!existing) return ResourceNotFound(kAuth, app_id, env, name);
    Result<object> merged = MergeAuthUpdate(std::move(existing->config), update, name);
    if (!merged) return merged.error();
    ResourceChange change;
    change.operation = "UpdateBackendAuth";
    change.kind = ChangeKind::kReplace;
    change.resource = std::move(*existing);
    change.resource.config = std::move(merged.value());
    RefreshAuthOutput(change.resource.output, services->ids, scope, env, change.resource.config);
    return change;
  };
  RunResourceJob(s, std::move(call), kAuth, name, std::move(plan), JobResponseIn(env));
}

void DeleteBackendAuth(const Services& s, Call call) {
  std::string env = StringMember(call.input, "backendEnvironmentName");
  ResourceChange change;
  change.operation = "DeleteBackendAuth";
  change.category = kAuth;
  change.name = StringMember(call.input, "resourceName");
  change.kind = ChangeKind::kDelete;
  RunResourceJob(s, std::move(call), std::move(change), JobResponseIn(env));
}

void ImportBackendAuth(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string user_pool = StringMember(call.input, "userPoolId");
  std::string web_client = StringMember(call.input, "webClientId");
  std::string native_client = StringMember(call.input, "nativeClientId");
  std::string identity_pool = StringMember(call.input, "identityPoolId");
  for (auto [member, text] : {std::pair{"userPoolId", &user_pool},
                              {"webClientId", &web_client},
                              {"nativeClientId", &native_client}}) {
    if (text->empty()) return call.reply(BadRequest(fmt::format("{} must not be empty.", member)));
  }
  // Named after what was imported (DESIGN.md §3 "Resources"): importing a pool twice collides.
  ResourceChange change;
  change.operation = "ImportBackendAuth";
  change.kind = ChangeKind::kCreate;
  change.resource.imported = true;
  change.resource.config = ImportedAuthConfig(user_pool, identity_pool);
  change.resource.output =
      ImportedAuthOutput(call.scope, user_pool, web_client, native_client, identity_pool);
  ChangePlanner plan = [=](store::StoreWriter&,
                           std::optional<StoredResource> existing) -> Result<ResourceChange> {
    if (existing) {
      return BadRequest(
          fmt::format("User pool {} is already imported in backend environment {} "
                      "of app {}.",
                      user_pool, env, app_id));
    }
    return change;
  };
  RunResourceJob(s, std::move(call), kAuth, user_pool, std::move(plan), JobResponseIn(env));
}

}  // namespace amplify::service
