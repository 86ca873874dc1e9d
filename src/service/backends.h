#pragma once
// Apps and backend environments: CreateBackend, GetBackend, CloneBackend, DeleteBackend,
// RemoveAllBackends (DESIGN.md §3 "Apps and environments").
#include "service/services.h"

namespace amplify::service {

void CreateBackend(const Services& s, Call call);
void GetBackend(const Services& s, Call call);
void CloneBackend(const Services& s, Call call);
void DeleteBackend(const Services& s, Call call);
void RemoveAllBackends(const Services& s, Call call);

void RegisterBackendAppliers(jobs::JobEngine& engine);

// NotFound errors shared by every category.
AwsError AppNotFound(const std::string& app_id);
AwsError EnvironmentNotFound(const std::string& app_id, const std::string& env);

}  // namespace amplify::service
