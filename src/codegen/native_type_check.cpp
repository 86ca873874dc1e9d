#include "codegen/native_type_check.h"

#include <unordered_set>

#include "codegen/metadata_type.h"

namespace amplify::codegen {
namespace {

std::optional<CodegenError> FirstUndeclaredFieldType(
    const OrderedMap<CodeGenModel>& types, const SchemaModel& schema,
    const std::unordered_set<std::string>& declared_scalars) {
  for (const CodeGenModel& type : types.items()) {
    for (const CodeGenField& field : type.fields) {
      if (ResolveTypeKind(schema, field.type, MetadataTarget::kDataStore) != TypeKind::kUnknown ||
          declared_scalars.count(field.type) != 0) {
        continue;
      }
      return CodegenError{"Unknown type " + field.type + " for field " + field.name +
                              ". Did you forget to add the @model directive",
                          field.location.line > 0 ? std::optional(field.location) : std::nullopt};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<CodegenError> CheckDeclarationFieldTypes(const SchemaModel& schema,
                                                       const Document& document) {
  std::unordered_set<std::string> declared_scalars;
  for (const Definition& definition : document.definitions) {
    if (definition.kind == DefinitionKind::Scalar) declared_scalars.insert(definition.name);
  }
  if (auto error = FirstUndeclaredFieldType(schema.models, schema, declared_scalars)) return error;
  return FirstUndeclaredFieldType(schema.non_models, schema, declared_scalars);
}

}  // namespace amplify::codegen
