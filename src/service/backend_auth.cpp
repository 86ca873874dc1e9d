#include "service/backend_auth.h"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/backend_auth_config.h"
#include "service/job_outputs.h"
#include "service/resource_change.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using boost::json::object;
using model::Get;
using model::OperationId;

}  // namespace

Result<Plan> CreateBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::CreateBackendAuthRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  if (env.empty()) return BadRequest("backendEnvironmentName must not be empty.");
  if (name.empty()) return BadRequest("resourceName must not be empty.");
  object config = CreateShapedConfig(*Get(in, Shape::ResourceConfig));
  if (Status ok = ValidateAuthConfig(config); !ok) return ok.error();
  auto change = NewResourceChange(kAuth, app_id, env, name, ChangeKind::kCreate, ctx.now_ms);
  // The ids are drawn once, here: the job carries them, so they never change afterwards.
  change->resource.output = NewAuthOutput(ctx.ids, ctx.scope, env, config);
  change->resource.config = std::move(config);
  return PlanResourceJob(ctx, read, OperationId::kCreateBackendAuth, std::move(change),
                         &JobOutput<members::CreateBackendAuthResponse>);
}

Result<Plan> GetBackendAuth(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::GetBackendAuthRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> record = FindResource(read, app_id, env, kAuth, name);
  if (!record) return record.error();
  return Plan::Respond(ResourceOutput<members::GetBackendAuthResponse>(
      app_id, env, name, boost::json::serialize(ParseStoredResource(**record).config)));
}

Result<Plan> UpdateBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::UpdateBackendAuthRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> record = FindResource(read, app_id, env, kAuth, name);
  if (!record) return record.error();
  StoredResource stored = ParseStoredResource(**record);
  Result<object> merged = MergeAuthUpdate(
      std::move(stored.config), UpdateShapedConfig(*Get(in, Shape::ResourceConfig)), name);
  if (!merged) return merged.error();
  auto change = NewResourceChange(kAuth, app_id, env, name, ChangeKind::kReplace, ctx.now_ms);
  change->base_document = (*record)->config_json;
  change->resource = std::move(stored);
  change->resource.config = std::move(merged.value());
  RefreshAuthOutput(change->resource.output, ctx.ids, ctx.scope, env, change->resource.config);
  return PlanResourceJob(ctx, read, OperationId::kUpdateBackendAuth, std::move(change),
                         &JobOutput<members::UpdateBackendAuthResponse>);
}

Result<Plan> DeleteBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::DeleteBackendAuthRequest;
  auto change =
      NewResourceChange(kAuth, std::string(Get(in, Shape::AppId)),
                        std::string(Get(in, Shape::BackendEnvironmentName)),
                        std::string(Get(in, Shape::ResourceName)), ChangeKind::kDelete, ctx.now_ms);
  return PlanResourceJob(ctx, read, OperationId::kDeleteBackendAuth, std::move(change),
                         &JobOutput<members::DeleteBackendAuthResponse>);
}

Result<Plan> ImportBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::ImportBackendAuthRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string user_pool(Get(in, Shape::UserPoolId));
  std::string web_client(Get(in, Shape::WebClientId));
  std::string native_client(Get(in, Shape::NativeClientId));
  std::string identity_pool(Get(in, Shape::IdentityPoolId));
  for (auto [member, text] : {std::pair{Shape::UserPoolId, &user_pool},
                              {Shape::WebClientId, &web_client},
                              {Shape::NativeClientId, &native_client}}) {
    if (text->empty()) return BadRequest(fmt::format("{} must not be empty.", member.wire));
  }
  // Named after what was imported (docs/DECISIONS.md "Resources"): importing a pool twice
  // collides.
  if (read.App(app_id) && read.Environment(app_id, env) &&
      read.Resource(app_id, env, kAuth, user_pool)) {
    return BadRequest(
        fmt::format("User pool {} is already imported in backend environment {} of app {}.",
                    user_pool, env, app_id));
  }
  auto change = NewResourceChange(kAuth, app_id, env, user_pool, ChangeKind::kCreate, ctx.now_ms);
  change->resource.imported = true;
  change->resource.config = ImportedAuthConfig(user_pool, identity_pool);
  change->resource.output =
      ImportedAuthOutput(ctx.scope, user_pool, web_client, native_client, identity_pool);
  return PlanResourceJob(ctx, read, OperationId::kImportBackendAuth, std::move(change),
                         &JobOutput<members::ImportBackendAuthResponse>);
}

}  // namespace amplify::service
