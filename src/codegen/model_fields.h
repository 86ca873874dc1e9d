#pragma once
// Field-level operations the reference's visitor and its process-*.js helpers share: looking a
// field up by name, addFieldToModel, flattenFieldDirectives, the primary key's component fields,
// ensureIdField, addTimestampFields and sortFields.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

// The first field named `name` (`model.fields.find(f => f.name === name)`), or nullptr.
CodeGenField* FindField(CodeGenModel& model, std::string_view name);
const CodeGenField* FindField(const CodeGenModel& model, std::string_view name);

// addFieldToModel: appends `field` unless the model has a field of that name.
void AddFieldIfMissing(CodeGenModel& model, CodeGenField field);

// A directive of one of the model's fields, as flattenFieldDirectives lists them.
struct FieldDirective {
  const CodeGenDirective* directive;
  const CodeGenField* field;
};

// flattenFieldDirectives: every field directive in field order. Like the reference, tags each
// directive with its field name (CodeGenDirective::flattened), which the version hash includes.
std::vector<FieldDirective> FlattenFieldDirectives(CodeGenModel& model);

// getModelPrimaryKeyComponentFields: the primary key field, then its sort key fields.
std::vector<const CodeGenField*> PrimaryKeyComponentFields(const CodeGenModel& model);

// The first directive named `name`, or nullptr.
const CodeGenDirective* FindDirective(const std::vector<CodeGenDirective>& directives,
                                      std::string_view name);

// ensureIdField: makes an existing `id` non-null, or inserts `id: ID!` first.
void EnsureIdField(CodeGenModel& model);

// addTimestampFields: read-only `createdAt` / `updatedAt` (or the names @model(timestamps:)
// gives), unless `timestamps: null`. A name that is not a string is an error here (the reference
// would name a field with a number or a list).
std::optional<CodegenError> AddTimestampFields(CodeGenModel& model,
                                               const CodeGenDirective& model_directive);

// sortFields: fields named `id` move to the front.
void MoveIdFirst(CodeGenModel& model);

// A plain `name: type` field (isList false, no directives), as the reference builds them.
CodeGenField MakeField(std::string name, std::string type, bool is_nullable);

}  // namespace amplify::codegen
