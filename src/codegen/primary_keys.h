#pragma once
// Primary keys and secondary indexes (transformer v2 @primaryKey / @index): the visitor's
// ensurePrimaryKeyFieldV2 and utils/process-primary-key.js, process-index.js, which turn them into
// the `key` model directives the outputs list as attributes.
#include <optional>

#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"

namespace amplify::codegen {

// ensurePrimaryKeyFieldV2: marks the primary key field (`id` unless a field has @primaryKey) with
// its CodeGenPrimaryKeyFieldInfo. Fails when that field is nullable or a sort key field does not
// exist.
std::optional<CodegenError> EnsurePrimaryKeyField(CodeGenModel& model);

// processPrimaryKey: appends `key(fields: [pk, ...sortKeyFields])` for a @primaryKey field.
void AddPrimaryKeyDirective(CodeGenModel& model);

// processIndex: appends `key(name, queryField, fields)` for each @index, unless a key of that
// name already exists. Fails when a default index name would need a sort key that is not a
// string.
std::optional<CodegenError> AddIndexDirectives(CodeGenModel& model);

}  // namespace amplify::codegen
