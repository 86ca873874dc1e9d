#pragma once
// Generated data models of a GraphQL API resource (DESIGN.md §3 "Models"):
// GenerateBackendAPIModels runs codegen (src/codegen/) over the API's transformSchema as a job;
// GetBackendAPIModels returns the last generated strings with LATEST, or STALE once the schema
// changed (and before the first generation, without strings).
#include "service/services.h"

namespace amplify::service {

void GenerateBackendAPIModels(const Services& s, Call call);
void GetBackendAPIModels(const Services& s, Call call);

// Registers the job applier that generates and stores the models.
void RegisterModelsApplier(jobs::JobEngine& engine);

}  // namespace amplify::service
