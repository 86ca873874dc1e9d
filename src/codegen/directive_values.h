#pragma once
// Directive arguments as the reference plugin sees them: graphql-js valueFromASTUntyped over
// the AST literals, plus the few JavaScript value semantics its processing relies on
// (truthiness, `x || []`, JSON.stringify equality).
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "codegen/codegen_model.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

// valueFromASTUntyped: Int/Float → number, String/Enum → string, List → array, Object → object
// (a repeated key keeps its first position and takes the last value). A variable is undefined
// (nullopt); inside a list it becomes null, as JSON.stringify prints it.
// Values are allocated from `storage` (a per-build arena; the default allocator if none).
std::optional<boost::json::value> ValueFromAst(const Value& value,
                                               const boost::json::storage_ptr& storage = {});

// AppSyncModelVisitor.getDirectives: each directive with its arguments converted; on @hasOne,
// @hasMany and @belongsTo a truthy non-list `references` is wrapped in a list.
std::vector<CodeGenDirective> ConvertDirectives(const std::vector<Directive>& directives,
                                               const boost::json::storage_ptr& storage = {});

// JavaScript truthiness of a member that may be absent (nullptr is undefined).
bool IsTruthy(const boost::json::value* value);

// The member `key` of `object`, or nullptr (undefined).
const boost::json::value* FindMember(const boost::json::object& object, std::string_view key);

// `[...(value || [])]` for the list-valued arguments (`fields`, `references`,
// `sortKeyFields`): a list's items, a string's characters, nothing for other values.
std::vector<boost::json::value> SpreadList(const boost::json::value* value);

// JSON.stringify(value) without indentation (equality checks and the models version hash).
std::string StringifyCompact(const boost::json::value& value);
void AppendCompactJson(std::string& out, const boost::json::value& value);

// A string as JavaScript's String(value) would give it for the scalars directive arguments
// hold; lists and objects give an empty string.
std::string ScalarToString(const boost::json::value& value);

}  // namespace amplify::codegen
