#pragma once
// processConnectionDirectivesV2 (appsync-visitor.js) with custom primary keys respected and
// implicit keys imputed for unidirectional @hasMany: each model's relationship fields get their
// connection, the foreign key fields the connections imply are added, and model-typed fields
// with no relationship directive are dropped.
#include <optional>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

// Runs after processManyToManyDirectives. Fails on relationships the reference rejects.
std::optional<CodegenError> ProcessConnections(SchemaModel& schema);

}  // namespace amplify::codegen
