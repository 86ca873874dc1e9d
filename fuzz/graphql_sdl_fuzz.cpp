// Fuzzes the GraphQL SDL parser (src/codegen/graphql_parser.h). Input: a schema.
// Checks: nothing is thrown past the CodegenResult; an error is a graphql-js style syntax error
// with a location inside the source; a parsed document has at least one definition, and every
// name in it (types, fields, arguments, directives, type references) is a GraphQL Name.
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "codegen/graphql_parser.h"
#include "fuzz_check.h"

namespace {

using namespace amplify::codegen;

// Name :: /[_A-Za-z][_0-9A-Za-z]*/ (spec §2.1.9).
bool IsName(std::string_view s) {
  auto letter = [](char c) { return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (s.empty() || !letter(s[0])) return false;
  for (char c : s)
    if (!letter(c) && !(c >= '0' && c <= '9')) return false;
  return true;
}

void CheckName(std::string_view name) { FUZZ_CHECK(IsName(name), "a name that is not a Name"); }

void CheckType(const TypeRef& type) {
  if (type.kind == TypeRef::Kind::Named) return CheckName(type.name);
  FUZZ_CHECK(type.inner != nullptr, "a list or non-null type without an inner type");
  FUZZ_CHECK(!(type.kind == TypeRef::Kind::NonNull && type.inner->kind == TypeRef::Kind::NonNull),
             "a non-null of a non-null type");
  CheckType(*type.inner);
}

void CheckDirectives(const std::vector<Directive>& directives) {
  for (const Directive& d : directives) {
    CheckName(d.name);
    for (const Argument& a : d.arguments) CheckName(a.name);
  }
}

void CheckInputValues(const std::vector<InputValueDefinition>& values) {
  for (const InputValueDefinition& v : values) {
    CheckName(v.name);
    CheckType(v.type);
    CheckDirectives(v.directives);
  }
}

void CheckDefinition(const Definition& d) {
  if (d.kind != DefinitionKind::Schema) CheckName(d.name);
  for (const std::string& name : d.interfaces) CheckName(name);
  for (const std::string& name : d.union_members) CheckName(name);
  CheckDirectives(d.directives);
  for (const FieldDefinition& f : d.fields) {
    CheckName(f.name);
    CheckType(f.type);
    CheckInputValues(f.arguments);
    CheckDirectives(f.directives);
  }
  CheckInputValues(d.input_fields);
  CheckInputValues(d.arguments);
  for (const EnumValueDefinition& v : d.enum_values) CheckName(v.name);
}

// Errors point into the source: line 1 up to one past the last line terminator.
void CheckError(std::string_view source, const CodegenError& error) {
  FUZZ_CHECK(error.message.starts_with("Syntax Error: "), "an error that is not a syntax error");
  FUZZ_CHECK(error.location.has_value(), "a syntax error without a location");
  size_t lines = 1;
  for (size_t i = 0; i < source.size(); ++i) {
    bool crlf = source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n';
    if (source[i] == '\n' || (source[i] == '\r' && !crlf)) ++lines;
  }
  FUZZ_CHECK(error.location->line >= 1 && static_cast<size_t>(error.location->line) <= lines,
             "an error line outside the source");
  FUZZ_CHECK(error.location->column >= 1 &&
                 static_cast<size_t>(error.location->column) <= source.size() + 1,
             "an error column outside the source");
}

void ParseAndCheck(std::string_view source) {
  CodegenResult<Document> result = ParseSdl(source);
  if (!result.ok()) return CheckError(source, result.error());
  FUZZ_CHECK(!result->definitions.empty(), "a document without definitions");
  for (const Definition& d : result->definitions) CheckDefinition(d);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    ParseAndCheck(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "thrown past the CodegenResult: %s\n", e.what());
    FUZZ_CHECK(false, "the parser threw");
  } catch (...) {
    FUZZ_CHECK(false, "the parser threw something that is not a std::exception");
  }
  return 0;
}
