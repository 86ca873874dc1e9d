#pragma once
// The reference visitor's pass over the printed schema (appsync-visitor.js ObjectTypeDefinition,
// FieldDefinition, InputObjectTypeDefinition, EnumTypeDefinition, UnionTypeDefinition,
// InterfaceTypeDefinition): sorts the merged types into models, non-models, operations, inputs,
// enums, unions and interfaces. Models get their primary key field, timestamps and `id` first,
// as the visitor does on the spot; processDirectives runs later.
#include <boost/json/storage_ptr.hpp>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"
#include "codegen/graphql_ast.h"
#include "codegen/schema_merge.h"

namespace amplify::codegen {

CodegenResult<SchemaModel> CollectTypes(const MergedSchema& schema);

// getTypeInfo over a field's type.
TypeInfo TypeInfoOf(const TypeRef& type);

// The visitor's FieldDefinition result: name, converted directives, type info, parameters.
// Directive arguments are allocated from `storage` (the default allocator if none).
CodeGenField ConvertField(const FieldDefinition& field,
                          const boost::json::storage_ptr& storage = {});

}  // namespace amplify::codegen
