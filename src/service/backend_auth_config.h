#pragma once
// The auth resource's configuration as pure functions (docs/DECISIONS.md "Resources"): the
// create-shaped configuration GetBackendAuth reports, the merge of an UpdateBackendAuth request
// into it, and the Cognito identifiers a real deployment would have produced (amplify-meta.json
// `output`). The handlers in backend_auth.cpp call them.
#include <boost/json/object.hpp>
#include <string>

#include "common/ids.h"
#include "common/result.h"
#include "common/scope.h"

namespace amplify::service {

inline constexpr const char* kIdentityPoolAndUserPool = "IDENTITY_POOL_AND_USER_POOL";
inline constexpr const char* kUserPoolOnly = "USER_POOL_ONLY";

// A create-shaped config (CreateBackendAuthResourceConfig) from a validated request member,
// without the members SDKs do not know (they must not be stored and reported back).
boost::json::object CreateShapedConfig(const boost::json::object& resource_config);
// An update-shaped config (UpdateBackendAuthResourceConfig), likewise.
boost::json::object UpdateShapedConfig(const boost::json::object& resource_config);

// The stored config must be a valid create-shaped config, and name its identity pool when
// authResources asks for one; BadRequest naming the member otherwise.
Status ValidateAuthConfig(const boost::json::object& config);

// UpdateBackendAuth: `update` (update-shaped) merged into `stored` (create-shaped) with
// MergeInto; switching to USER_POOL_ONLY drops identityPoolConfigs, switching to
// IDENTITY_POOL_AND_USER_POOL creates them (`<resource>_identitypool`, guest access from the
// request or off). The result is validated as a create-shaped config.
Result<boost::json::object> MergeAuthUpdate(boost::json::object stored,
                                            const boost::json::object& update,
                                            const std::string& resource_name);

// The identifiers of a new auth resource: user pool and app clients, and the identity pool
// when the config has one (ids from `ids`, so tests are deterministic).
boost::json::object NewAuthOutput(IdSource& ids, const Scope& scope, const std::string& environment,
                                  const boost::json::object& config);

// Brings `output` in line with `config` after an update: keeps the stable ids, adds or drops
// the identity pool, recomputes names and the hosted-UI members.
void RefreshAuthOutput(boost::json::object& output, IdSource& ids, const Scope& scope,
                       const std::string& environment, const boost::json::object& config);

// ImportBackendAuth: the config and output of an existing user pool (and identity pool when
// `identity_pool_id` is not empty).
boost::json::object ImportedAuthConfig(const std::string& user_pool_id,
                                       const std::string& identity_pool_id);
boost::json::object ImportedAuthOutput(const Scope& scope, const std::string& user_pool_id,
                                       const std::string& web_client_id,
                                       const std::string& native_client_id,
                                       const std::string& identity_pool_id);

}  // namespace amplify::service
