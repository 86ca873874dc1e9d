#pragma once
// Binds each operation of the model to its handler: the one place to add an operation
// (docs/ARCHITECTURE.md "Adding an operation"). A test checks that all of them are bound.
#include "model/service_model.h"
#include "service/plan.h"

namespace amplify::service {

// The operation's handler; nullptr only if an operation of the model were left unbound.
Handler HandlerFor(model::OperationId id);

}  // namespace amplify::service
