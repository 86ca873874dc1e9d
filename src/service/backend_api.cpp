#include "service/backend_api.h"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "model/members_generated.h"
#include "model/wire_access.h"
#include "service/errors.h"
#include "service/job_outputs.h"
#include "service/known_members.h"
#include "service/resource_change.h"

namespace amplify::service {
namespace {

namespace members = model::members;
using boost::json::object;
using model::Get;
using model::OperationId;
using Config = members::BackendAPIResourceConfig;

constexpr std::string_view kLowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
constexpr size_t kAppSyncIdLength = 26;
constexpr const char* kApiKeyOutput = "GraphQLAPIKeyOutput";
constexpr std::string_view kSchemaVersionKey = "schemaVersion";  // in the document's state

std::string_view ModeOf(const boost::json::value& auth_type) {
  return auth_type.is_object() ? Get(auth_type.get_object(), members::BackendAPIAuthType::Mode)
                               : std::string_view();
}

// API_KEY as the default or an additional authorization mode.
bool UsesApiKey(const object& config) {
  if (const auto* d = config.if_contains(Config::DefaultAuthType.wire);
      d && ModeOf(*d) == "API_KEY") {
    return true;
  }
  if (const boost::json::array* more = Get(config, Config::AdditionalAuthTypes)) {
    for (const boost::json::value& t : *more)
      if (ModeOf(t) == "API_KEY") return true;
  }
  return false;
}

// AppSync keys look like da2-<26 lower-case alphanumerics>.
std::string NewApiKey(IdSource& ids) { return "da2-" + ids.Token(kAppSyncIdLength, kLowerAlnum); }

// The API's amplify-meta.json output keeps a key exactly while API_KEY is a mode.
void SyncApiKey(object& output, const object& config, IdSource& ids) {
  if (!UsesApiKey(config)) {
    output.erase(kApiKeyOutput);
  } else if (!output.contains(kApiKeyOutput)) {
    output[kApiKeyOutput] = NewApiKey(ids);
  }
}

object ResourceConfigOf(const object& input, model::StructureMember member) {
  const object* config = Get(input, member);
  return config ? KnownMembers(*config, model::shapes::kBackendAPIResourceConfig) : object();
}

}  // namespace

int64_t SchemaVersionOf(const object& state) {
  const boost::json::value* v = state.if_contains(kSchemaVersionKey);
  return v && v->is_int64() ? v->get_int64() : 1;
}

Result<Plan> CreateBackendAPI(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::CreateBackendAPIRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  if (env.empty()) return BadRequest("backendEnvironmentName must not be empty.");
  if (name.empty()) return BadRequest("resourceName must not be empty.");
  object config = ResourceConfigOf(in, Shape::ResourceConfig);
  if (!config.contains(Config::ApiName.wire)) config[Config::ApiName.wire] = name;
  if (!config.contains(Config::Service.wire)) config[Config::Service.wire] = "AppSync";

  auto change = NewResourceChange(kApi, app_id, env, name, ChangeKind::kCreate, ctx.now_ms);
  std::string api_id = ctx.ids.Token(kAppSyncIdLength, kLowerAlnum);
  change->resource.output = {
      {"GraphQLAPIIdOutput", api_id},
      {"GraphQLAPIEndpointOutput",
       fmt::format("https://{}.appsync-api.{}.amazonaws.com/graphql", api_id, ctx.scope.region)}};
  SyncApiKey(change->resource.output, config, ctx.ids);
  change->resource.config = std::move(config);
  // No models are generated yet: STALE until GenerateBackendAPIModels.
  change->resource.state = {{kSchemaVersionKey, 1}};
  return PlanResourceJob(ctx, read, OperationId::kCreateBackendAPI, std::move(change),
                         &JobOutput<members::CreateBackendAPIResponse>);
}

Result<Plan> GetBackendAPI(const Context&, const boost::json::object& in, Snapshot& read) {
  using Shape = members::GetBackendAPIRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> record = FindResource(read, app_id, env, kApi, name);
  if (!record) return record.error();
  return Plan::Respond(ResourceOutput<members::GetBackendAPIResponse>(
      app_id, env, name, boost::json::serialize(ParseStoredResource(**record).config)));
}

Result<Plan> UpdateBackendAPI(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::UpdateBackendAPIRequest;
  std::string app_id(Get(in, Shape::AppId));
  std::string env(Get(in, Shape::BackendEnvironmentName));
  std::string name(Get(in, Shape::ResourceName));
  Result<const store::ResourceRecord*> record = FindResource(read, app_id, env, kApi, name);
  if (!record) return record.error();
  object patch = ResourceConfigOf(in, Shape::ResourceConfig);
  auto change = NewResourceChange(kApi, app_id, env, name, ChangeKind::kReplace, ctx.now_ms);
  change->base_document = (*record)->config_json;
  change->resource = ParseStoredResource(**record);
  StoredResource& api = change->resource;
  const boost::json::value* before = api.config.if_contains(Config::TransformSchema.wire);
  const boost::json::value* after = patch.if_contains(Config::TransformSchema.wire);
  const bool schema_changed = after && (!before || *before != *after);
  MergeInto(api.config, patch);
  SyncApiKey(api.output, api.config, ctx.ids);
  // Generated models no longer match the schema (GetBackendAPIModels reports STALE).
  if (schema_changed) api.state[kSchemaVersionKey] = SchemaVersionOf(api.state) + 1;
  return PlanResourceJob(ctx, read, OperationId::kUpdateBackendAPI, std::move(change),
                         &JobOutput<members::UpdateBackendAPIResponse>);
}

Result<Plan> DeleteBackendAPI(const Context& ctx, const boost::json::object& in, Snapshot& read) {
  using Shape = members::DeleteBackendAPIRequest;
  auto change = NewResourceChange(
      kApi, std::string(Get(in, Shape::AppId)), std::string(Get(in, Shape::BackendEnvironmentName)),
      std::string(Get(in, Shape::ResourceName)), ChangeKind::kDelete, ctx.now_ms);
  return PlanResourceJob(ctx, read, OperationId::kDeleteBackendAPI, std::move(change),
                         &JobOutput<members::DeleteBackendAPIResponse>);
}

}  // namespace amplify::service
