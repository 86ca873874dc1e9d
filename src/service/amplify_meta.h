#pragma once
// GetBackend's stringified documents (docs/DECISIONS.md "GetBackend"): amplifyMetaConfig shaped
// like the Amplify CLI's amplify-meta.json, amplifyFeatureFlags like a new project's cli.json.
#include <string>
#include <vector>

#include "store/records.h"

namespace amplify::service {

// Identifiers derived from (account, region, app, environment): realistic and stable, so the
// same environment always reports the same stack, bucket and role names.
struct StackIdentity {
  std::string stack_name;  // amplify-<app>-<env>-<6 digits>
  std::string stack_id;    // arn:aws:cloudformation:...:stack/<name>/<uuid>
  std::string deployment_bucket;
  std::string auth_role_name;
  std::string unauth_role_name;
  std::string auth_role_arn;
  std::string unauth_role_arn;
};
StackIdentity StackIdentityOf(const Scope& scope, const std::string& app_id,
                              const std::string& environment);

std::string AmplifyMetaConfig(const Scope& scope, const std::string& app_id,
                              const std::string& environment,
                              const std::vector<store::ResourceRecord>& resources);

const std::string& AmplifyFeatureFlags();

// Lower-case hex SHA-256 of `text` (stable identifiers).
std::string Sha256Hex(const std::string& text);

}  // namespace amplify::service
