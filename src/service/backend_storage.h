#pragma once
// S3 storage resources of an environment: CreateBackendStorage, GetBackendStorage,
// UpdateBackendStorage, DeleteBackendStorage, ImportBackendStorage (docs/DECISIONS.md
// "Resources", "S3 buckets").
#include <string>
#include <vector>

#include "service/plan.h"

namespace amplify::service {

Result<Plan> CreateBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read);
Result<Plan> GetBackendStorage(const Context& ctx, const boost::json::object& in, Snapshot& read);
Result<Plan> UpdateBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read);
Result<Plan> DeleteBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read);
Result<Plan> ImportBackendStorage(const Context& ctx, const boost::json::object& in,
                                  Snapshot& read);

// Inside a write that removes the environments `leaving` of the app: forgets the buckets their
// storage created, unless an environment that stays uses them too (clones share their
// source's bucket). Imported buckets stay.
void DeleteBucketsOfLeavingEnvironments(store::StoreWriter& w, const Scope& scope,
                                        const std::string& app_id,
                                        const std::vector<std::string>& leaving);

}  // namespace amplify::service
