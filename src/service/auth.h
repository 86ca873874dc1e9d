#pragma once
// The auth resource of an environment (OPERATIONS.md §3.3–3.4, §4 "Auth"): CreateBackendAuth,
// GetBackendAuth, UpdateBackendAuth, DeleteBackendAuth, ImportBackendAuth. The domain logic
// is in auth_resource.h; these handlers check, plan the resource job and reply.
#include "service/services.h"

namespace amplify::service {

void CreateBackendAuth(const Services& s, Call call);
void GetBackendAuth(const Services& s, Call call);
void UpdateBackendAuth(const Services& s, Call call);
void DeleteBackendAuth(const Services& s, Call call);
void ImportBackendAuth(const Services& s, Call call);

}  // namespace amplify::service
