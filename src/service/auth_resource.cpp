#include "service/auth_resource.h"

#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <vector>

#include "model/service_model.h"
#include "protocol/request_reader.h"
#include "service/known_members.h"
#include "service/resources.h"

namespace amplify::service {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

// Cognito's alphabets: user pool id suffixes are mixed-case alphanumerics, app client ids
// lower-case alphanumerics.
constexpr std::string_view kPoolAlphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kClientAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

const model::Shape& CreateConfigShape() {
  static const model::Shape* shape = model::FindShape("CreateBackendAuthResourceConfig");
  if (!shape) throw std::logic_error("CreateBackendAuthResourceConfig missing from the model");
  return *shape;
}

const object* ObjectAt(const object& o, std::string_view key) {
  const value* v = o.if_contains(key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

std::string StringAt(const object& o, std::string_view key) {
  const value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

bool WantsIdentityPool(const object& config) {
  return StringAt(config, "authResources") == kIdentityPoolAndUserPool;
}

// "AWS_COGNITO_SIGNIN_USER_ADMIN" → "aws.cognito.signin.user.admin", "CODE" → "code": the
// spellings Cognito's AllowedOAuthScopes / AllowedOAuthFlows use.
std::string CognitoSpelling(std::string_view wire_enum, char separator) {
  std::string out;
  for (char c : wire_enum) {
    out.push_back(c == '_' ? separator
                           : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

array StringList(const object& o, std::string_view key, char separator = 0) {
  array out;
  const value* v = o.if_contains(key);
  if (!v || !v->is_array()) return out;
  for (const value& e : v->get_array()) {
    if (!e.is_string()) continue;
    out.emplace_back(separator ? value(CognitoSpelling(e.get_string(), separator)) : e);
  }
  return out;
}

// The hosted-UI members amplify-meta.json carries when OAuth is configured.
void SetOAuthOutput(object& output, const std::string& environment, const object& config) {
  output.erase("HostedUIDomain");
  output.erase("OAuthMetadata");
  const object* pool = ObjectAt(config, "userPoolConfigs");
  const object* oauth = pool ? ObjectAt(*pool, "oAuth") : nullptr;
  if (!oauth) return;
  if (std::string prefix = StringAt(*oauth, "domainPrefix"); !prefix.empty()) {
    output["HostedUIDomain"] = fmt::format("{}-{}", prefix, environment);
  }
  array flows;
  if (std::string grant = StringAt(*oauth, "oAuthGrantType"); !grant.empty()) {
    flows.emplace_back(CognitoSpelling(grant, '_'));
  }
  object metadata{{"AllowedOAuthFlows", std::move(flows)},
                  {"AllowedOAuthScopes", StringList(*oauth, "oAuthScopes", '.')},
                  {"CallbackURLs", StringList(*oauth, "redirectSignInURIs")},
                  {"LogoutURLs", StringList(*oauth, "redirectSignOutURIs")}};
  output["OAuthMetadata"] = boost::json::serialize(metadata);
}

void SetIdentityPoolOutput(object& output, IdSource& ids, const store::Scope& scope,
                           const object& config) {
  const object* identity = ObjectAt(config, "identityPoolConfigs");
  if (!WantsIdentityPool(config) || !identity) {
    output.erase("IdentityPoolId");
    output.erase("IdentityPoolName");
    return;
  }
  if (!output.contains("IdentityPoolId")) {
    output["IdentityPoolId"] = fmt::format("{}:{}", scope.region, ids.Uuid());
  }
  output["IdentityPoolName"] = StringAt(*identity, "identityPoolName");
}

std::string ValidationMessage(const std::vector<std::string>& problems) {
  std::string message = fmt::format("{} validation error{} detected: ", problems.size(),
                                    problems.size() == 1 ? "" : "s");
  for (size_t i = 0; i < problems.size(); ++i) {
    if (i) message += "; ";
    message += problems[i];
  }
  return message;
}

}  // namespace

object CreateShapedConfig(const object& resource_config) {
  return KnownMembers(resource_config, "CreateBackendAuthResourceConfig");
}

object UpdateShapedConfig(const object& resource_config) {
  return KnownMembers(resource_config, "UpdateBackendAuthResourceConfig");
}

Status ValidateAuthConfig(const object& config) {
  std::vector<std::string> problems;
  value copy = config;
  protocol::ValidateValue(copy, CreateConfigShape(), "resourceConfig", problems);
  if (!problems.empty()) return BadRequest(ValidationMessage(problems));
  if (WantsIdentityPool(config) && !ObjectAt(config, "identityPoolConfigs")) {
    return BadRequest(
        "resourceConfig.identityPoolConfigs is required when resourceConfig.authResources is "
        "IDENTITY_POOL_AND_USER_POOL.");
  }
  return OkStatus();
}

Result<object> MergeAuthUpdate(object stored, const object& update,
                               const std::string& resource_name) {
  object patch = update;
  std::optional<object> identity_patch;
  if (const object* identity = ObjectAt(patch, "identityPoolConfigs")) identity_patch = *identity;
  patch.erase("identityPoolConfigs");
  MergeInto(stored, patch);

  if (!WantsIdentityPool(stored)) {
    stored.erase("identityPoolConfigs");
  } else {
    value& identity = stored["identityPoolConfigs"];
    if (!identity.is_object()) {
      identity = object{{"identityPoolName", resource_name + "_identitypool"},
                        {"unauthenticatedLogin", false}};
    }
    if (identity_patch) MergeInto(identity.get_object(), *identity_patch);
  }
  if (Status ok = ValidateAuthConfig(stored); !ok) return ok.error();
  return stored;
}

object NewAuthOutput(IdSource& ids, const store::Scope& scope, const std::string& environment,
                     const object& config) {
  object output;
  std::string pool_id = fmt::format("{}_{}", scope.region, ids.Token(9, kPoolAlphabet));
  output["UserPoolId"] = pool_id;
  output["UserPoolArn"] =
      fmt::format("arn:aws:cognito-idp:{}:{}:userpool/{}", scope.region, scope.account, pool_id);
  output["AppClientIDWeb"] = ids.Token(26, kClientAlphabet);
  output["AppClientID"] = ids.Token(26, kClientAlphabet);
  RefreshAuthOutput(output, ids, scope, environment, config);
  return output;
}

void RefreshAuthOutput(object& output, IdSource& ids, const store::Scope& scope,
                       const std::string& environment, const object& config) {
  if (const object* pool = ObjectAt(config, "userPoolConfigs")) {
    output["UserPoolName"] = StringAt(*pool, "userPoolName");
  }
  SetIdentityPoolOutput(output, ids, scope, config);
  SetOAuthOutput(output, environment, config);
}

object ImportedAuthConfig(const std::string& user_pool_id, const std::string& identity_pool_id) {
  object config;
  config["authResources"] = identity_pool_id.empty() ? kUserPoolOnly : kIdentityPoolAndUserPool;
  if (!identity_pool_id.empty()) {
    config["identityPoolConfigs"] =
        object{{"identityPoolName", identity_pool_id}, {"unauthenticatedLogin", false}};
  }
  config["service"] = "COGNITO";
  config["userPoolConfigs"] = object{{"requiredSignUpAttributes", array()},
                                     {"signInMethod", "USERNAME"},
                                     {"userPoolName", user_pool_id}};
  return config;
}

object ImportedAuthOutput(const store::Scope& scope, const std::string& user_pool_id,
                          const std::string& web_client_id, const std::string& native_client_id,
                          const std::string& identity_pool_id) {
  object output;
  output["UserPoolId"] = user_pool_id;
  output["UserPoolName"] = user_pool_id;
  output["UserPoolArn"] = fmt::format("arn:aws:cognito-idp:{}:{}:userpool/{}", scope.region,
                                      scope.account, user_pool_id);
  output["AppClientIDWeb"] = web_client_id;
  output["AppClientID"] = native_client_id;
  if (!identity_pool_id.empty()) {
    output["IdentityPoolId"] = identity_pool_id;
    output["IdentityPoolName"] = identity_pool_id;
  }
  return output;
}

}  // namespace amplify::service
