#pragma once
// The directive definitions the reference merges into every schema: @aws-amplify/
// graphql-directives 1.1.1 `DefaultDirectives`, each `.definition`, joined by newlines (the
// generator's default `directives` option), parsed once.
#include <string>
#include <unordered_set>
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

// The parsed definitions: directive definitions plus the input and enum types their arguments
// use (AuthRule, ModelOperation, TimestampConfiguration …).
const Document& AmplifyDirectiveDocument();

// Names of the input and enum types defined alongside the directives: the visitor skips types
// with these names (appsync-visitor.js typesToSkip), and they are known to the schema.
const std::unordered_set<std::string>& AmplifyDirectiveTypeNames();

// The directive definitions in effect once the document's own are merged with Amplify's.
struct DirectiveDefinitions {
  std::unordered_set<std::string> repeatable;  // directives marked `repeatable`
  std::vector<const Definition*> definitions;  // the document's directive definitions
  std::vector<std::string> names;              // every directive, the document's first
};

// @graphql-tools/merge mergeDirective: the document may repeat a definition, its own or one of
// Amplify's, only with the same arguments and repeatability (locations may differ).
CodegenResult<DirectiveDefinitions> MergeDirectiveDefinitions(const Document& document);

}  // namespace amplify::codegen
