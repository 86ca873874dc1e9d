#pragma once
// Codegen reports what is wrong with a schema as a value: the job that runs it ends FAILED with
// this message (docs/DECISIONS.md "API schemas and models").
#include <optional>
#include <string>

#include "codegen/graphql_ast.h"
#include "common/result.h"

namespace amplify::codegen {

struct CodegenError {
  std::string message;                     // says what is wrong, e.g. `Unknown type: "Pst".`
  std::optional<SourceLocation> location;  // where, when the problem has a place in the source

  // "message (line L, column C)" or just the message.
  std::string ToString() const {
    if (!location) return message;
    return message + " (line " + std::to_string(location->line) + ", column " +
           std::to_string(location->column) + ")";
  }
};

template <class T>
using CodegenResult = Expected<T, CodegenError>;

}  // namespace amplify::codegen
