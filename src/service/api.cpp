#include "service/api.h"

#include <fmt/format.h>

#include "service/known_members.h"
#include "service/resources.h"

namespace amplify::service {
namespace {

using boost::json::object;
using store::StoreWriter;

constexpr std::string_view kLowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
constexpr size_t kAppSyncIdLength = 26;
constexpr const char* kApiKeyOutput = "GraphQLAPIKeyOutput";

JobFormatter JobIn(std::string env) {
  return [env = std::move(env)](const store::JobRecord& job) { return JobResponse(job, env); };
}

std::string ModeOf(const boost::json::value& auth_type) {
  return auth_type.is_object() ? StringMember(auth_type.get_object(), "mode") : std::string();
}

// API_KEY as the default or an additional authorization mode.
bool UsesApiKey(const object& config) {
  if (const auto* d = config.if_contains("defaultAuthType"); d && ModeOf(*d) == "API_KEY") {
    return true;
  }
  if (const auto* more = config.if_contains("additionalAuthTypes"); more && more->is_array()) {
    for (const boost::json::value& t : more->get_array())
      if (ModeOf(t) == "API_KEY") return true;
  }
  return false;
}

// AppSync keys look like da2-<26 lower-case alphanumerics>.
std::string NewApiKey(IdSource& ids) { return "da2-" + ids.Token(kAppSyncIdLength, kLowerAlnum); }

// The API's amplify-meta.json output keeps a key exactly while API_KEY is a mode.
void SyncApiKey(object& output, const object& config, const std::string& candidate_key) {
  if (!UsesApiKey(config)) {
    output.erase(kApiKeyOutput);
  } else if (!output.contains(kApiKeyOutput)) {
    output[kApiKeyOutput] = candidate_key;
  }
}

int64_t SchemaVersionOf(const object& state) {
  const boost::json::value* v = state.if_contains(kSchemaVersion);
  return v && v->is_int64() ? v->get_int64() : 1;
}

object ResourceConfigOf(const object& input) {
  const boost::json::value* v = input.if_contains("resourceConfig");
  if (!v || !v->is_object()) return {};
  return KnownMembers(v->get_object(), "BackendAPIResourceConfig");
}

}  // namespace

void CreateBackendAPI(const Services& s, Call call) {
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  if (env.empty()) return call.reply(BadRequest("backendEnvironmentName must not be empty."));
  if (name.empty()) return call.reply(BadRequest("resourceName must not be empty."));
  object config = ResourceConfigOf(call.input);
  if (!config.contains("apiName")) config["apiName"] = name;
  if (!config.contains("service")) config["service"] = "AppSync";

  ResourceChange change;
  change.operation = "CreateBackendAPI";
  change.category = kApi;
  change.name = name;
  change.kind = ChangeKind::kCreate;
  std::string api_id = s.ids.Token(kAppSyncIdLength, kLowerAlnum);
  change.resource.output = {
      {"GraphQLAPIIdOutput", api_id},
      {"GraphQLAPIEndpointOutput",
       fmt::format("https://{}.appsync-api.{}.amazonaws.com/graphql", api_id, call.scope.region)}};
  SyncApiKey(change.resource.output, config, NewApiKey(s.ids));
  change.resource.config = std::move(config);
  // No models are generated yet: STALE until GenerateBackendAPIModels (DESIGN.md §3 "Models").
  change.resource.state = {{kModelsStatus, "STALE"}, {kSchemaVersion, 1}};
  RunResourceJob(s, std::move(call), std::move(change), JobIn(env));
}

void GetBackendAPI(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  auto record = FindResource(s.store.Reader(), call.scope, app_id, env, kApi, name);
  if (!record) return call.reply(record.error());
  call.reply(object{{"appId", app_id},
                    {"backendEnvironmentName", env},
                    {"resourceConfig", ParseStoredResource(*record).config},
                    {"resourceName", name}});
}

void UpdateBackendAPI(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  object patch = ResourceConfigOf(call.input);
  std::string candidate_key = NewApiKey(s.ids);  // used if API_KEY becomes a mode
  auto plan = [=](StoreWriter&, std::optional<StoredResource> existing) -> Result<ResourceChange> {
    if (!existing) return ResourceNotFound(kApi, app_id, env, name);
    ResourceChange c;
    c.operation = "UpdateBackendAPI";
    c.kind = ChangeKind::kReplace;
    c.resource = std::move(*existing);
    const boost::json::value* before = c.resource.config.if_contains("transformSchema");
    const boost::json::value* after = patch.if_contains("transformSchema");
    bool schema_changed = after && (!before || *before != *after);
    MergeInto(c.resource.config, patch);
    SyncApiKey(c.resource.output, c.resource.config, candidate_key);
    if (schema_changed) {
      // Generated models no longer match the schema (GetBackendAPIModels reports STALE).
      c.resource.state[kSchemaVersion] = SchemaVersionOf(c.resource.state) + 1;
      c.resource.state[kModelsStatus] = "STALE";
    }
    return c;
  };
  RunResourceJob(s, std::move(call), kApi, name, std::move(plan), JobIn(env));
}

void DeleteBackendAPI(const Services& s, Call call) {
  std::string app_id = StringMember(call.input, "appId");
  std::string env = StringMember(call.input, "backendEnvironmentName");
  std::string name = StringMember(call.input, "resourceName");
  auto plan = [=](StoreWriter&, std::optional<StoredResource> existing) -> Result<ResourceChange> {
    if (!existing) return ResourceNotFound(kApi, app_id, env, name);
    ResourceChange c;
    c.operation = "DeleteBackendAPI";
    c.kind = ChangeKind::kDelete;
    return c;
  };
  RunResourceJob(s, std::move(call), kApi, name, std::move(plan), JobIn(env));
}

}  // namespace amplify::service
