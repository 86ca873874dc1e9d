#pragma once
// Auth resources (Cognito user and identity pools) of an environment: CreateBackendAuth,
// GetBackendAuth, UpdateBackendAuth, DeleteBackendAuth, ImportBackendAuth
// (docs/DECISIONS.md "Resources"). The configuration itself: backend_auth_config.h.
#include "service/plan.h"

namespace amplify::service {

Result<Plan> CreateBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> GetBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> UpdateBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> DeleteBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> ImportBackendAuth(const Context& ctx, const boost::json::object& in, Snapshot& read);

}  // namespace amplify::service
