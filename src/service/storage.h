#pragma once
// Storage resources (S3): CreateBackendStorage, GetBackendStorage, UpdateBackendStorage,
// DeleteBackendStorage, ImportBackendStorage (DESIGN.md §3 "Resources", "S3 buckets").
// Category kStorage; the resource is named by `resourceName`, an import after its bucket.
#include <string>
#include <vector>

#include "service/services.h"

namespace amplify::service {

void CreateBackendStorage(const Services& s, Call call);
void GetBackendStorage(const Services& s, Call call);
void UpdateBackendStorage(const Services& s, Call call);
void DeleteBackendStorage(const Services& s, Call call);
void ImportBackendStorage(const Services& s, Call call);

// Before environments `leaving` of an app are deleted: deletes the bucket records of the
// storage they created (not imported) unless an environment that stays still uses the bucket.
void DeleteBucketsOfLeavingEnvironments(store::StoreWriter& w, const store::Scope& scope,
                                        const std::string& app_id,
                                        const std::vector<std::string>& leaving);

}  // namespace amplify::service
