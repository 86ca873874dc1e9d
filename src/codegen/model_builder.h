#pragma once
// The transformer-v2 semantics of the reference plugin's AppSyncModelVisitor: collects models,
// non-models, enums, operations and inputs from a parsed schema in the order the reference
// visits them, validates what graphql-js and the plugin validate, and runs processDirectives
// (keys, connections incl. @manyToMany join models, auth, timestamps) with the flags the
// javascript and introspection targets use.
#include "codegen/codegen_error.h"
#include "codegen/codegen_model.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

// The reference merges the parsed schema once per file it generates from it, and merging mutates
// the parsed nodes: the introspection target (one file) prints the schema after one merge, the
// javascript target's schema.js after four (index.js, index.d.ts, schema.js and schema.d.ts are
// all merged before any is printed). Only a type defined more than once whose definitions have
// list arguments to combine shows the difference (`extend type Post @auth(rules: […])` lists
// the extension's rules once per merge).
inline constexpr int kIntrospectionMergePasses = 1;
inline constexpr int kModelsMergePasses = 4;

CodegenResult<SchemaModel> BuildSchemaModel(const Document& document,
                                            int merge_passes = kIntrospectionMergePasses);

// Whether BuildSchemaModel's result can depend on merge_passes (a type name is defined or
// extended more than once, or a type is named like a directive); when not, one model serves
// both targets.
bool MergePassesMatter(const Document& document);

// The `version` of the `models` string: the MD5 (32 lowercase hex digits) the plugin's
// computeVersion takes over models and non-models.
std::string ComputeModelsVersion(const SchemaModel& model);

// pluralizeModelName with improvePluralization: false.
std::string PluralizeModelName(const std::string& model_name);

}  // namespace amplify::codegen
