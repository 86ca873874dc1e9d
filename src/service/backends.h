#pragma once
// Apps and backend environments: CreateBackend, GetBackend, CloneBackend, DeleteBackend,
// RemoveAllBackends (docs/DECISIONS.md "Apps and environments").
#include "service/plan.h"

namespace amplify::service {

Result<Plan> CreateBackend(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> GetBackend(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> CloneBackend(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> DeleteBackend(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> RemoveAllBackends(const Context& ctx, const boost::json::object& in, Snapshot& read);

}  // namespace amplify::service
