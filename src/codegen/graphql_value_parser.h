#pragma once
// Values, type references and directives: the parts of the grammar that the SDL parser shares
// with every definition (graphql-js parser.js parseValueLiteral, parseTypeReference,
// parseDirectives).
#include <string>
#include <string_view>
#include <vector>

#include "codegen/codegen_error.h"
#include "codegen/graphql_ast.h"
#include "codegen/graphql_token_stream.h"

namespace amplify::codegen {

std::string ParseName(TokenStream& stream);

// A value literal. In a const context (everything in a schema) `$variable` is a syntax error.
Value ParseValueLiteral(TokenStream& stream, bool is_const);

// Named, [T] or T!, nested.
TypeRef ParseTypeReference(TokenStream& stream);

// `@name(arg: value ...)` repeated, constant arguments only.
std::vector<Directive> ParseConstDirectives(TokenStream& stream);

// A whole source holding one value and nothing else (graphql-js parseValue).
CodegenResult<Value> ParseValueSource(std::string_view source, bool is_const);

}  // namespace amplify::codegen
