#include "service/operation_table.h"

#include "service/api.h"
#include "service/api_models.h"
#include "service/auth.h"
#include "service/backend_config.h"
#include "service/backend_jobs.h"
#include "service/backends.h"
#include "service/resources.h"
#include "service/s3_buckets.h"
#include "service/storage.h"
#include "service/tokens.h"

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
    case OperationId::kCreateBackendConfig: return CreateBackendConfig;
    case OperationId::kUpdateBackendConfig: return UpdateBackendConfig;
    case OperationId::kRemoveBackendConfig: return RemoveBackendConfig;
    case OperationId::kCreateToken: return CreateToken;
    case OperationId::kGetToken: return GetToken;
    case OperationId::kDeleteToken: return DeleteToken;
    case OperationId::kCreateBackendAuth: return CreateBackendAuth;
    case OperationId::kGetBackendAuth: return GetBackendAuth;
    case OperationId::kUpdateBackendAuth: return UpdateBackendAuth;
    case OperationId::kDeleteBackendAuth: return DeleteBackendAuth;
    case OperationId::kImportBackendAuth: return ImportBackendAuth;
    case OperationId::kCreateBackendAPI: return CreateBackendAPI;
    case OperationId::kGetBackendAPI: return GetBackendAPI;
    case OperationId::kUpdateBackendAPI: return UpdateBackendAPI;
    case OperationId::kDeleteBackendAPI: return DeleteBackendAPI;
    case OperationId::kCreateBackendStorage: return CreateBackendStorage;
    case OperationId::kGetBackendStorage: return GetBackendStorage;
    case OperationId::kUpdateBackendStorage: return UpdateBackendStorage;
    case OperationId::kDeleteBackendStorage: return DeleteBackendStorage;
    case OperationId::kImportBackendStorage: return ImportBackendStorage;
    case OperationId::kListS3Buckets: return ListS3Buckets;
    case OperationId::kGenerateBackendAPIModels: return GenerateBackendAPIModels;
    case OperationId::kGetBackendAPIModels: return GetBackendAPIModels;
    default: return nullptr;
  }
}

void RegisterAppliers(jobs::JobEngine& engine) {
  RegisterBackendAppliers(engine);
  RegisterResourceAppliers(engine);
  RegisterConfigAppliers(engine);
  RegisterModelsApplier(engine);
}

}  // namespace amplify::service
