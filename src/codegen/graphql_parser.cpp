#include "codegen/graphql_parser.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "codegen/graphql_strings.h"
#include "codegen/graphql_token_stream.h"
#include "codegen/graphql_value_parser.h"

namespace amplify::codegen {
namespace {

// The names graphql-js accepts after `directive @x on` (language/directiveLocation.js).
constexpr std::array<std::string_view, 19> kDirectiveLocations = {"QUERY",
                                                                  "MUTATION",
                                                                  "SUBSCRIPTION",
                                                                  "FIELD",
                                                                  "FRAGMENT_DEFINITION",
                                                                  "FRAGMENT_SPREAD",
                                                                  "INLINE_FRAGMENT",
                                                                  "VARIABLE_DEFINITION",
                                                                  "SCHEMA",
                                                                  "SCALAR",
                                                                  "OBJECT",
                                                                  "FIELD_DEFINITION",
                                                                  "ARGUMENT_DEFINITION",
                                                                  "INTERFACE",
                                                                  "UNION",
                                                                  "ENUM",
                                                                  "ENUM_VALUE",
                                                                  "INPUT_OBJECT",
                                                                  "INPUT_FIELD_DEFINITION"};

// Recursive descent over the type-system grammar, one method per graphql-js parse* method.
class SdlParser {
 public:
  explicit SdlParser(std::string_view source) : stream_(source) {}

  Document ParseDocument() {
    Document document;
    do {
      document.definitions.push_back(ParseDefinition());
    } while (!stream_.ExpectOptional(TokenKind::Eof));
    return document;
  }

 private:
  // Operations and fragments are valid GraphQL but have no place in a transform schema: they are
  // rejected with the message graphql-js gives any token that cannot start a definition
  // (`Unexpected Name "query".`, `Unexpected "{".`).
  Definition ParseDefinition() {
    const Token& token = stream_.current();
    bool has_description = token.kind == TokenKind::String || token.kind == TokenKind::BlockString;
    if (has_description) return ParseTypeSystemDefinition(stream_.Lookahead());
    if (token.kind == TokenKind::Name) {
      if (token.text == "extend") return ParseExtension(stream_.Lookahead());
      return ParseTypeSystemDefinition(token);
    }
    stream_.Unexpected();
  }

  Definition ParseTypeSystemDefinition(const Token& keyword) {
    if (keyword.kind == TokenKind::Name) {
      std::string_view name = keyword.text;
      if (name == "schema") return ParseSchema(/*is_extension=*/false);
      if (name == "scalar") return ParseScalar(false);
      if (name == "type") return ParseObjectOrInterface(DefinitionKind::Object, "type", false);
      if (name == "interface") {
        return ParseObjectOrInterface(DefinitionKind::Interface, "interface", false);
      }
      if (name == "union") return ParseUnion(false);
      if (name == "enum") return ParseEnum(false);
      if (name == "input") return ParseInputObject(false);
      if (name == "directive") return ParseDirectiveDefinition();
    }
    stream_.Unexpected(keyword);
  }

  // `extend <kind> ...`: graphql-js requires an extension to add something.
  Definition ParseExtension(const Token& keyword) {
    Definition definition = ParseExtensionBody(keyword);
    bool adds_nothing = definition.directives.empty() && definition.interfaces.empty() &&
                        definition.fields.empty() && definition.input_fields.empty() &&
                        definition.enum_values.empty() && definition.union_members.empty() &&
                        definition.operation_types.empty();
    if (adds_nothing) stream_.Unexpected();
    return definition;
  }

  Definition ParseExtensionBody(const Token& keyword) {
    if (keyword.kind == TokenKind::Name) {
      std::string_view name = keyword.text;
      if (name == "schema") return ParseSchema(/*is_extension=*/true);
      if (name == "scalar") return ParseScalar(true);
      if (name == "type") return ParseObjectOrInterface(DefinitionKind::Object, "type", true);
      if (name == "interface") {
        return ParseObjectOrInterface(DefinitionKind::Interface, "interface", true);
      }
      if (name == "union") return ParseUnion(true);
      if (name == "enum") return ParseEnum(true);
      if (name == "input") return ParseInputObject(true);
    }
    stream_.Unexpected(keyword);
  }

  // The description (definitions only) or `extend`, the keyword, and for named kinds the name.
  Definition StartDefinition(DefinitionKind kind, std::string_view keyword, bool is_extension) {
    Definition definition;
    definition.kind = kind;
    definition.is_extension = is_extension;
    definition.location = stream_.current().location;
    if (is_extension) {
      stream_.ExpectKeyword("extend");
    } else {
      definition.description = ParseDescription();
    }
    stream_.ExpectKeyword(keyword);
    if (kind != DefinitionKind::Schema) {
      if (kind == DefinitionKind::Directive) stream_.Expect(TokenKind::At);
      definition.name = ParseName(stream_);
    }
    return definition;
  }

  std::optional<std::string> ParseDescription() {
    const Token token = stream_.current();
    if (token.kind == TokenKind::String) {
      stream_.Advance();
      return StringLiteralValue(token.text);
    }
    if (token.kind == TokenKind::BlockString) {
      stream_.Advance();
      return BlockStringLiteralValue(token.text);
    }
    return std::nullopt;
  }

  Definition ParseSchema(bool is_extension) {
    Definition definition = StartDefinition(DefinitionKind::Schema, "schema", is_extension);
    definition.directives = ParseConstDirectives(stream_);
    // A schema definition needs its braces; an extension may add directives only.
    if (is_extension && !stream_.Peek(TokenKind::BraceL)) return definition;
    stream_.Expect(TokenKind::BraceL);
    do {
      definition.operation_types.push_back(ParseOperationType());
    } while (!stream_.ExpectOptional(TokenKind::BraceR));
    return definition;
  }

  OperationTypeDefinition ParseOperationType() {
    OperationTypeDefinition operation;
    const Token token = stream_.Expect(TokenKind::Name);
    if (token.text != "query" && token.text != "mutation" && token.text != "subscription") {
      stream_.Unexpected(token);
    }
    operation.operation = token.text;
    operation.location = token.location;
    stream_.Expect(TokenKind::Colon);
    operation.type_name = ParseName(stream_);
    return operation;
  }

  Definition ParseScalar(bool is_extension) {
    Definition definition = StartDefinition(DefinitionKind::Scalar, "scalar", is_extension);
    definition.directives = ParseConstDirectives(stream_);
    return definition;
  }

  Definition ParseObjectOrInterface(DefinitionKind kind, std::string_view keyword,
                                    bool is_extension) {
    Definition definition = StartDefinition(kind, keyword, is_extension);
    if (stream_.ExpectOptionalKeyword("implements")) {
      definition.interfaces = ParseDelimitedNames(TokenKind::Amp);
    }
    definition.directives = ParseConstDirectives(stream_);
    if (stream_.ExpectOptional(TokenKind::BraceL)) {
      do {
        definition.fields.push_back(ParseField());
      } while (!stream_.ExpectOptional(TokenKind::BraceR));
    }
    return definition;
  }

  // `A & B`, `& A & B`, `A | B`, `| A | B`: graphql-js delimitedMany.
  std::vector<std::string> ParseDelimitedNames(TokenKind delimiter) {
    std::vector<std::string> names;
    stream_.ExpectOptional(delimiter);
    do {
      names.push_back(ParseName(stream_));
    } while (stream_.ExpectOptional(delimiter));
    return names;
  }

  FieldDefinition ParseField() {
    FieldDefinition field;
    field.location = stream_.current().location;
    field.description = ParseDescription();
    field.name = ParseName(stream_);
    field.arguments = ParseArgumentDefinitions();
    stream_.Expect(TokenKind::Colon);
    field.type = ParseTypeReference(stream_);
    field.directives = ParseConstDirectives(stream_);
    return field;
  }

  std::vector<InputValueDefinition> ParseArgumentDefinitions() {
    std::vector<InputValueDefinition> arguments;
    if (!stream_.ExpectOptional(TokenKind::ParenL)) return arguments;
    do {
      arguments.push_back(ParseInputValue());
    } while (!stream_.ExpectOptional(TokenKind::ParenR));
    return arguments;
  }

  InputValueDefinition ParseInputValue() {
    InputValueDefinition input;
    input.location = stream_.current().location;
    input.description = ParseDescription();
    input.name = ParseName(stream_);
    stream_.Expect(TokenKind::Colon);
    input.type = ParseTypeReference(stream_);
    if (stream_.ExpectOptional(TokenKind::Equals)) {
      input.default_value = ParseValueLiteral(stream_, /*is_const=*/true);
    }
    input.directives = ParseConstDirectives(stream_);
    return input;
  }

  Definition ParseUnion(bool is_extension) {
    Definition definition = StartDefinition(DefinitionKind::Union, "union", is_extension);
    definition.directives = ParseConstDirectives(stream_);
    if (stream_.ExpectOptional(TokenKind::Equals)) {
      definition.union_members = ParseDelimitedNames(TokenKind::Pipe);
    }
    return definition;
  }

  Definition ParseEnum(bool is_extension) {
    Definition definition = StartDefinition(DefinitionKind::Enum, "enum", is_extension);
    definition.directives = ParseConstDirectives(stream_);
    if (!stream_.ExpectOptional(TokenKind::BraceL)) return definition;
    do {
      EnumValueDefinition value;
      value.location = stream_.current().location;
      value.description = ParseDescription();
      value.name = ParseName(stream_);
      value.directives = ParseConstDirectives(stream_);
      definition.enum_values.push_back(std::move(value));
    } while (!stream_.ExpectOptional(TokenKind::BraceR));
    return definition;
  }

  Definition ParseInputObject(bool is_extension) {
    Definition definition = StartDefinition(DefinitionKind::InputObject, "input", is_extension);
    definition.directives = ParseConstDirectives(stream_);
    if (!stream_.ExpectOptional(TokenKind::BraceL)) return definition;
    do {
      definition.input_fields.push_back(ParseInputValue());
    } while (!stream_.ExpectOptional(TokenKind::BraceR));
    return definition;
  }

  Definition ParseDirectiveDefinition() {
    Definition definition =
        StartDefinition(DefinitionKind::Directive, "directive", /*is_extension=*/false);
    definition.arguments = ParseArgumentDefinitions();
    definition.repeatable = stream_.ExpectOptionalKeyword("repeatable");
    stream_.ExpectKeyword("on");
    stream_.ExpectOptional(TokenKind::Pipe);
    do {
      const Token token = stream_.Expect(TokenKind::Name);
      if (std::find(kDirectiveLocations.begin(), kDirectiveLocations.end(), token.text) ==
          kDirectiveLocations.end()) {
        stream_.Unexpected(token);
      }
      definition.locations.emplace_back(token.text);
    } while (stream_.ExpectOptional(TokenKind::Pipe));
    return definition;
  }

  TokenStream stream_;
};

}  // namespace

CodegenResult<Document> ParseSdl(std::string_view source) {
  try {
    SdlParser parser(source);
    return parser.ParseDocument();
  } catch (SyntaxErrorThrown& thrown) {
    return std::move(thrown.error);
  }
}

}  // namespace amplify::codegen
