#pragma once
// Binds each operation of the model to its handler. An operation whose handler comes in a
// later milestone is bound to nothing and answers 501 NotImplementedException.
#include "model/service_model.h"
#include "service/services.h"

namespace amplify::service {

// nullptr when the operation is not implemented yet.
OperationHandler HandlerFor(model::OperationId id);

// Registers the job appliers of every implemented operation with the engine.
void RegisterAppliers(jobs::JobEngine& engine);

}  // namespace amplify::service
