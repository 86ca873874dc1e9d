#pragma once
// GraphQL API resources (AppSync): CreateBackendAPI, GetBackendAPI, UpdateBackendAPI,
// DeleteBackendAPI (DESIGN.md §3 "Resources"). Category kApi, named by `resourceName`.
// The stored state keeps the schema's version and whether generated models are current;
// the models operations read it (DESIGN.md §3 "Models").
#include "service/services.h"

namespace amplify::service {

void CreateBackendAPI(const Services& s, Call call);
void GetBackendAPI(const Services& s, Call call);
void UpdateBackendAPI(const Services& s, Call call);
void DeleteBackendAPI(const Services& s, Call call);

// StoredResource.state members of an API resource.
inline constexpr const char* kModelsStatus = "modelsStatus";    // "LATEST" | "STALE"
inline constexpr const char* kSchemaVersion = "schemaVersion";  // bumped by a schema change

}  // namespace amplify::service
