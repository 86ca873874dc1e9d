#include "service/backend_auth_config.h"

#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <vector>

#include "model/members_generated.h"
#include "model/service_model.h"
#include "model/shape_validator.h"
#include "model/wire_access.h"
#include "service/known_members.h"
#include "service/resource_document.h"

namespace amplify::service {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using model::Find;
using model::Get;
using Config = model::members::CreateBackendAuthResourceConfig;
using UserPool = model::members::CreateBackendAuthUserPoolConfig;
using OAuth = model::members::CreateBackendAuthOAuthConfig;
using IdentityPool = model::members::CreateBackendAuthIdentityPoolConfig;

// Cognito's alphabets: user pool id suffixes are mixed-case alphanumerics, app client ids
// lower-case alphanumerics.
constexpr std::string_view kPoolAlphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kClientAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

bool WantsIdentityPool(const object& config) {
  return Get(config, Config::AuthResources) == kIdentityPoolAndUserPool;
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

array StringList(const object& o, model::ListMember m, char separator = 0) {
  array out;
  const array* list = Get(o, m);
  if (!list) return out;
  for (const value& e : *list) {
    if (!e.is_string()) continue;
    out.emplace_back(separator ? value(CognitoSpelling(e.get_string(), separator)) : e);
  }
  return out;
}

// The hosted-UI members amplify-meta.json carries when OAuth is configured.
void SetOAuthOutput(object& output, const std::string& environment, const object& config) {
  output.erase("HostedUIDomain");
  output.erase("OAuthMetadata");
  const object* pool = Get(config, Config::UserPoolConfigs);
  const object* oauth = pool ? Get(*pool, UserPool::OAuth) : nullptr;
  if (!oauth) return;
  if (std::string_view prefix = Get(*oauth, OAuth::DomainPrefix); !prefix.empty()) {
    output["HostedUIDomain"] = fmt::format("{}-{}", prefix, environment);
  }
  array flows;
  if (std::string_view grant = Get(*oauth, OAuth::OAuthGrantType); !grant.empty()) {
    flows.emplace_back(CognitoSpelling(grant, '_'));
  }
  object metadata{{"AllowedOAuthFlows", std::move(flows)},
                  {"AllowedOAuthScopes", StringList(*oauth, OAuth::OAuthScopes, '.')},
                  {"CallbackURLs", StringList(*oauth, OAuth::RedirectSignInURIs)},
                  {"LogoutURLs", StringList(*oauth, OAuth::RedirectSignOutURIs)}};
  output["OAuthMetadata"] = boost::json::serialize(metadata);
}

void SetIdentityPoolOutput(object& output, IdSource& ids, const Scope& scope,
                           const object& config) {
  const object* identity = Get(config, Config::IdentityPoolConfigs);
  if (!WantsIdentityPool(config) || !identity) {
    output.erase("IdentityPoolId");
    output.erase("IdentityPoolName");
    return;
  }
  if (!output.contains("IdentityPoolId")) {
    output["IdentityPoolId"] = fmt::format("{}:{}", scope.region, ids.Uuid());
  }
  output["IdentityPoolName"] = Get(*identity, IdentityPool::IdentityPoolName);
}

}  // namespace

object CreateShapedConfig(const object& resource_config) {
  return KnownMembers(resource_config, model::shapes::kCreateBackendAuthResourceConfig);
}

object UpdateShapedConfig(const object& resource_config) {
  return KnownMembers(resource_config, model::shapes::kUpdateBackendAuthResourceConfig);
}

Status ValidateAuthConfig(const object& config) {
  std::vector<std::string> problems;
  model::Validate(config, model::ShapeAt(model::shapes::kCreateBackendAuthResourceConfig),
                  "resourceConfig", problems);
  if (!problems.empty()) return BadRequest(model::ValidationMessage(problems));
  if (WantsIdentityPool(config) && !Get(config, Config::IdentityPoolConfigs)) {
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
  if (const object* identity = Get(patch, Config::IdentityPoolConfigs)) identity_patch = *identity;
  patch.erase(Config::IdentityPoolConfigs.wire);
  MergeInto(stored, patch);

  if (!WantsIdentityPool(stored)) {
    stored.erase(Config::IdentityPoolConfigs.wire);
  } else {
    value& identity = stored[Config::IdentityPoolConfigs.wire];
    if (!identity.is_object()) {
      identity = object{{IdentityPool::IdentityPoolName.wire, resource_name + "_identitypool"},
                        {IdentityPool::UnauthenticatedLogin.wire, false}};
    }
    if (identity_patch) MergeInto(identity.get_object(), *identity_patch);
  }
  if (Status ok = ValidateAuthConfig(stored); !ok) return ok.error();
  return stored;
}

object NewAuthOutput(IdSource& ids, const Scope& scope, const std::string& environment,
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

void RefreshAuthOutput(object& output, IdSource& ids, const Scope& scope,
                       const std::string& environment, const object& config) {
  if (const object* pool = Get(config, Config::UserPoolConfigs)) {
    output["UserPoolName"] = Get(*pool, UserPool::UserPoolName);
  }
  SetIdentityPoolOutput(output, ids, scope, config);
  SetOAuthOutput(output, environment, config);
}

object ImportedAuthConfig(const std::string& user_pool_id, const std::string& identity_pool_id) {
  object config;
  config[Config::AuthResources.wire] =
      identity_pool_id.empty() ? kUserPoolOnly : kIdentityPoolAndUserPool;
  if (!identity_pool_id.empty()) {
    config[Config::IdentityPoolConfigs.wire] =
        object{{IdentityPool::IdentityPoolName.wire, identity_pool_id},
               {IdentityPool::UnauthenticatedLogin.wire, false}};
  }
  config[Config::Service.wire] = "COGNITO";
  config[Config::UserPoolConfigs.wire] = object{{UserPool::RequiredSignUpAttributes.wire, array()},
                                                {UserPool::SignInMethod.wire, "USERNAME"},
                                                {UserPool::UserPoolName.wire, user_pool_id}};
  return config;
}

object ImportedAuthOutput(const Scope& scope, const std::string& user_pool_id,
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
