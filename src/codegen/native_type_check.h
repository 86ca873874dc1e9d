#pragma once
// The javascript target also writes index.js and index.d.ts before schema.js, and the
// declaration visitor (appsync-typescript-visitor.js getNativeType) rejects first any model or
// non-model field whose type is not a scalar, model, enum or non-model: a union, an interface,
// an input or a root operation type.
#include <optional>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

// `Unknown type U for field u. Did you forget to add the @model directive` for the first such
// field (models first, then non-models). Scalars the document declares pass here; schema.js
// then reports them as unknown.
std::optional<CodegenError> CheckDeclarationFieldTypes(const SchemaModel& schema,
                                                       const Document& document);

}  // namespace amplify::codegen
