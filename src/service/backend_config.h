#pragma once
// The Admin-UI access config of an app (DESIGN.md §3 "Config"): CreateBackendConfig (an
// app-level job), UpdateBackendConfig and RemoveBackendConfig (synchronous writes).
#include "service/services.h"

namespace amplify::service {

void CreateBackendConfig(const Services& s, Call call);
void UpdateBackendConfig(const Services& s, Call call);
void RemoveBackendConfig(const Services& s, Call call);

void RegisterConfigAppliers(jobs::JobEngine& engine);

}  // namespace amplify::service
