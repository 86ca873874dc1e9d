#include "codegen/model_builder.h"

#include "codegen/auth_rules.h"
#include "codegen/connections.h"
#include "codegen/many_to_many.h"
#include "codegen/primary_keys.h"
#include "codegen/schema_merge.h"
#include "codegen/type_collector.h"

namespace amplify::codegen {

// The reference's generate(): the visitor pass, then processDirectives(false, true, true) —
// processV2KeyDirectives, processConnectionDirectivesV2 (join models first), processAuthDirectives.
CodegenResult<SchemaModel> BuildSchemaModel(const Document& document, int merge_passes) {
  CodegenResult<MergedSchema> merged = MergeSchema(document, merge_passes);
  if (!merged.ok()) return merged.error();
  CodegenResult<SchemaModel> collected = CollectTypes(merged.value());
  if (!collected.ok()) return collected.error();
  SchemaModel& schema = collected.value();
  for (CodeGenModel& model : schema.models.items()) {
    AddPrimaryKeyDirective(model);
    if (auto error = AddIndexDirectives(model)) return *error;
  }
  if (auto error = ProcessManyToMany(schema)) return *error;
  if (auto error = ProcessConnections(schema)) return *error;
  if (auto error = ProcessAuthDirectives(schema)) return *error;
  return collected;
}

bool MergePassesMatter(const Document& document) { return HasDefinitionsToMerge(document); }

}  // namespace amplify::codegen
