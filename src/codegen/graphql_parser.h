#pragma once
// GraphQL SDL parser: the whole type-system syntax (October 2021 spec) — descriptions and block
// strings, comments, every definition and extension kind, directives with arguments of every
// value kind. Executable definitions (operations, fragments) are rejected. Errors carry the
// line and column of the offending token, worded like graphql-js
// (`Syntax Error: Expected Name, found "}".`).
#include <string_view>

#include "codegen/codegen_error.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

CodegenResult<Document> ParseSdl(std::string_view source);

}  // namespace amplify::codegen
