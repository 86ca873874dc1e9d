#pragma once
// How @graphql-tools/merge 8 (mergeTypeDefs, which the reference's codegen core runs over the
// schema) combines two definitions of one name (typedefs-mergers/directives.js, arguments.js,
// fields.js, merge-named-type-array.js). It mutates the parsed document's nodes as it goes, and
// the javascript target merges the same parsed document once per generated file, so the merge
// works on shared nodes that keep those mutations from one pass to the next.
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

// A literal whose list items a merge may replace (`value.values = …`).
struct ValueNode {
  Value value;
};

struct ArgumentNode {
  std::string name;
  std::shared_ptr<ValueNode> value;  // a merge may point it at another argument's value
  SourceLocation location;
};

struct DirectiveNode {
  std::string name;
  std::vector<std::shared_ptr<ArgumentNode>> arguments;
  SourceLocation location;
};

using DirectiveNodes = std::vector<std::shared_ptr<DirectiveNode>>;

// A field or input field.
struct FieldNode {
  std::string name;
  TypeRef type;
  std::vector<InputValueDefinition> arguments;
  DirectiveNodes directives;
  std::optional<Value> default_value;
  SourceLocation location;
};

using FieldNodes = std::vector<std::shared_ptr<FieldNode>>;

// Shared nodes for parsed directives and fields, and back.
DirectiveNodes ToNodes(const std::vector<Directive>& directives);
FieldNodes ToNodes(const std::vector<FieldDefinition>& fields);
FieldNodes ToNodes(const std::vector<InputValueDefinition>& fields);
std::vector<Directive> FromNodes(const DirectiveNodes& directives);
std::vector<FieldDefinition> FieldsFromNodes(const FieldNodes& fields);
std::vector<InputValueDefinition> InputFieldsFromNodes(const FieldNodes& fields);

// mergeDirectives(incoming, existing): the existing list with repeated non-repeatable directives
// folded into their first occurrence, then each incoming directive merged into the existing one
// of its name or appended. Fails like the reference when a list argument meets a non-list one.
CodegenResult<DirectiveNodes> MergeDirectiveNodes(const DirectiveNodes& existing,
                                                  const DirectiveNodes& incoming,
                                                  const std::unordered_set<std::string>& repeatable);

// fields.js mergeFields(incoming, existing) for the type named `type_name`.
CodegenResult<FieldNodes> MergeFieldNodes(const std::string& type_name, const FieldNodes& existing,
                                          const FieldNodes& incoming);

// mergeNamedTypeArray(incoming, existing): existing, then the incoming names it lacks.
std::vector<std::string> MergeNamedTypes(const std::vector<std::string>& existing,
                                         const std::vector<std::string>& incoming);

}  // namespace amplify::codegen
