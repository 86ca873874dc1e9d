#pragma once
// The schema the reference plugin visits, rebuilt from the parsed document: @graphql-codegen/core
// merges the user's document with the directive definitions (@graphql-tools/merge mergeTypeDefs,
// convertExtensions), builds a GraphQLSchema (graphql 15 buildASTSchema, assumeValidSDL) and the
// plugin visits printSchemaWithDirectives(schema). So every name appears once, at its first
// occurrence in the document; extensions and repeated definitions are folded into it; a field
// named twice in one type keeps its first place and directives but the last type.
#include <deque>
#include <string>
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

struct MergedSchema {
  // Object, interface, union, enum, input and scalar definitions in visiting order, each merged
  // (is_extension is not looked at). Types named like the built-in scalars are left out:
  // graphql-js replaces them with its own. They point into the document, or into `owned` for the
  // ones merging or member deduplication had to rebuild.
  std::vector<const Definition*> types;
  std::deque<Definition> owned;
  // The root operation types' names; empty when the schema has none.
  std::string query_type;
  std::string mutation_type;
  std::string subscription_type;
};

// Fails on what the reference fails on while building the schema: definitions that cannot be
// merged, a directive definition that conflicts with Amplify's, and references to unknown types
// (`Unknown type: "X".`).
//
// Merging mutates the parsed document and the reference merges it once per generated file:
// `merge_passes` says how many times (see model_builder.h); it only matters when there are
// definitions to merge: a type name defined more than once, or one named like a directive
// (HasDefinitionsToMerge).
CodegenResult<MergedSchema> MergeSchema(const Document& document, int merge_passes);
bool HasDefinitionsToMerge(const Document& document);

}  // namespace amplify::codegen
