#pragma once
// The `modelIntrospectionSchema` string: the model introspection JSON as the reference plugin's
// appsync-model-introspection-visitor.js writes it, including the check its JSON-schema
// validator makes before the reference returns it.
#include <string>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

CodegenResult<std::string> WriteModelIntrospectionSchema(const SchemaModel& schema);

}  // namespace amplify::codegen
