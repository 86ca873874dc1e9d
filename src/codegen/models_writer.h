#pragma once
// The `models` string: DataStore's schema.js as the reference plugin's
// appsync-json-metadata-visitor.js writes it for the javascript target
// (`export const schema = {…};`).
#include <string>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

CodegenResult<std::string> WriteDataStoreSchema(const SchemaModel& schema);

}  // namespace amplify::codegen
