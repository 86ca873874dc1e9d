#pragma once
// GraphQL API resources of an environment: CreateBackendAPI, GetBackendAPI, UpdateBackendAPI,
// DeleteBackendAPI (docs/DECISIONS.md "Resources"). Their models: api_models.h.
#include <boost/json/object.hpp>
#include <cstdint>

#include "service/plan.h"

namespace amplify::service {

Result<Plan> CreateBackendAPI(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> GetBackendAPI(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> UpdateBackendAPI(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> DeleteBackendAPI(const Context& ctx, const boost::json::object& in, Snapshot& read);

// The version of an API's transformSchema, kept in its document's state: 1 when created,
// bumped by every change of the schema. Models generated from another version are STALE.
int64_t SchemaVersionOf(const boost::json::object& state);

}  // namespace amplify::service
