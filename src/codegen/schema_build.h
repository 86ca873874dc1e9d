#pragma once
// What graphql-js 15 buildASTSchema (with assumeValidSDL, as the reference's codegen core calls
// it) and the GraphQLSchema constructor do with the merged definitions: resolve every type name,
// and build each type's members by name.
#include <optional>
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

// `Unknown type: "X".` for the first name that resolves to nothing, in the order graphql-js
// resolves them: root operation types, directive definition arguments, then each type's
// interfaces, field types and argument types, union members and input field types.
std::optional<CodegenError> CheckTypeReferences(
    const std::vector<const Definition*>& types,
    const std::vector<const OperationTypeDefinition*>& roots,
    const std::vector<const Definition*>& directive_definitions);

// The types in the order the printed schema lists them. graphql-js replaces types named like its
// built-in scalars and introspection types with its own, which the print leaves out; other
// `__` names are dropped by the rebuild (graphql-tools mapSchema) unless a type refers to them,
// and then come right after the first type that does, as GraphQLSchema collects them.
std::vector<const Definition*> OrderAsPrinted(const std::vector<const Definition*>& types);

// A field, input field or enum value named more than once in one (merged) definition keeps its
// first place but takes its last definition; a field argument named more than once keeps its
// first place and directives and takes the last type.
bool HasRepeatedMemberNames(const Definition& type);
void KeepFirstOfEachName(Definition& type);

}  // namespace amplify::codegen
