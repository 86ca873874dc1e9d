#pragma once
// utils/process-auth.js: @auth rules as the outputs list them, with the defaults the plugin fills
// in per strategy (provider, ownerField, identityClaim, groupClaim, groupField, operations).
#include <optional>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

// processAuthDirectives: on every model and model field, the @auth directives move after the
// others with their rules completed. Fails where the reference fails: `rules` that is not a list,
// or a null rule.
std::optional<CodegenError> ProcessAuthDirectives(SchemaModel& schema);

}  // namespace amplify::codegen
