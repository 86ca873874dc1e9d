#include "service/operation_table.h"

#include <array>

#include "service/api_models.h"
#include "service/backend_api.h"
#include "service/backend_auth.h"
#include "service/backend_config.h"
#include "service/backend_jobs.h"
#include "service/backend_storage.h"
#include "service/backends.h"
#include "service/s3_buckets.h"
#include "service/tokens.h"

namespace amplify::service {
namespace {

using model::OperationId;

struct Binding {
  OperationId id;
  Handler handler;
};

constexpr Binding kBindings[] = {
    {OperationId::kCreateBackend, CreateBackend},
    {OperationId::kGetBackend, GetBackend},
    {OperationId::kCloneBackend, CloneBackend},
    {OperationId::kDeleteBackend, DeleteBackend},
    {OperationId::kRemoveAllBackends, RemoveAllBackends},
    {OperationId::kGetBackendJob, GetBackendJob},
    {OperationId::kListBackendJobs, ListBackendJobs},
    {OperationId::kUpdateBackendJob, UpdateBackendJob},
    {OperationId::kCreateBackendConfig, CreateBackendConfig},
    {OperationId::kUpdateBackendConfig, UpdateBackendConfig},
    {OperationId::kRemoveBackendConfig, RemoveBackendConfig},
    {OperationId::kCreateToken, CreateToken},
    {OperationId::kGetToken, GetToken},
    {OperationId::kDeleteToken, DeleteToken},
    {OperationId::kCreateBackendAuth, CreateBackendAuth},
    {OperationId::kGetBackendAuth, GetBackendAuth},
    {OperationId::kUpdateBackendAuth, UpdateBackendAuth},
    {OperationId::kDeleteBackendAuth, DeleteBackendAuth},
    {OperationId::kImportBackendAuth, ImportBackendAuth},
    {OperationId::kCreateBackendAPI, CreateBackendAPI},
    {OperationId::kGetBackendAPI, GetBackendAPI},
    {OperationId::kUpdateBackendAPI, UpdateBackendAPI},
    {OperationId::kDeleteBackendAPI, DeleteBackendAPI},
    {OperationId::kCreateBackendStorage, CreateBackendStorage},
    {OperationId::kGetBackendStorage, GetBackendStorage},
    {OperationId::kUpdateBackendStorage, UpdateBackendStorage},
    {OperationId::kDeleteBackendStorage, DeleteBackendStorage},
    {OperationId::kImportBackendStorage, ImportBackendStorage},
    {OperationId::kListS3Buckets, ListS3Buckets},
    {OperationId::kGenerateBackendAPIModels, GenerateBackendAPIModels},
    {OperationId::kGetBackendAPIModels, GetBackendAPIModels},
};

constexpr std::array<Handler, model::kOperationCount> Table() {
  std::array<Handler, model::kOperationCount> table{};
  for (const Binding& b : kBindings) table[static_cast<size_t>(b.id)] = b.handler;
  return table;
}

constexpr std::array<Handler, model::kOperationCount> kTable = Table();

}  // namespace

Handler HandlerFor(OperationId id) { return kTable[static_cast<size_t>(id)]; }

}  // namespace amplify::service
