#include "service/operation_table.h"

#include "service/backend_jobs.h"
#include "service/backends.h"
#include "service/resources.h"

namespace amplify::service {

using model::OperationId;

OperationHandler HandlerFor(OperationId id) {
  switch (id) {
    case OperationId::kCreateBackend: return CreateBackend;
    case OperationId::kGetBackend: return GetBackend;
    case OperationId::kCloneBackend: return CloneBackend;
    case OperationId::kDeleteBackend: return DeleteBackend;
    case OperationId::kRemoveAllBackends: return RemoveAllBackends;
    case OperationId::kGetBackendJob: return GetBackendJob;
    case OperationId::kListBackendJobs: return ListBackendJobs;
    case OperationId::kUpdateBackendJob: return UpdateBackendJob;
    default: return nullptr;  // auth, api, storage, config, tokens, models: later milestones
  }
}

void RegisterAppliers(jobs::JobEngine& engine) {
  RegisterBackendAppliers(engine);
  RegisterResourceAppliers(engine);
}

}  // namespace amplify::service
