#include "codegen/graphql_value_parser.h"

#include <memory>
#include <utility>

#include "codegen/graphql_strings.h"

namespace amplify::codegen {
namespace {

Value ParseList(TokenStream& stream, bool is_const) {
  TokenStream::NestingGuard nesting(stream);
  Value list;
  list.kind = Value::Kind::List;
  list.location = stream.Expect(TokenKind::BracketL).location;
  while (!stream.ExpectOptional(TokenKind::BracketR)) {
    list.items.push_back(ParseValueLiteral(stream, is_const));
  }
  return list;
}

Value ParseObject(TokenStream& stream, bool is_const) {
  TokenStream::NestingGuard nesting(stream);
  Value object;
  object.kind = Value::Kind::Object;
  object.location = stream.Expect(TokenKind::BraceL).location;
  while (!stream.ExpectOptional(TokenKind::BraceR)) {
    ObjectField field;
    field.name = ParseName(stream);
    stream.Expect(TokenKind::Colon);
    field.value = ParseValueLiteral(stream, is_const);
    object.fields.push_back(std::move(field));
  }
  return object;
}

// true, false, null or an enum value.
Value NameValue(const Token& token) {
  Value value;
  value.location = token.location;
  if (token.text == "true" || token.text == "false") {
    value.kind = Value::Kind::Boolean;
    value.boolean = token.text == "true";
  } else if (token.text == "null") {
    value.kind = Value::Kind::Null;
  } else {
    value.kind = Value::Kind::Enum;
    value.text = token.text;
  }
  return value;
}

Value ScalarValue(Value::Kind kind, std::string text, SourceLocation location) {
  Value value;
  value.kind = kind;
  value.text = std::move(text);
  value.location = location;
  return value;
}

std::vector<Argument> ParseConstArguments(TokenStream& stream) {
  std::vector<Argument> arguments;
  if (!stream.ExpectOptional(TokenKind::ParenL)) return arguments;
  do {
    Argument argument;
    argument.location = stream.current().location;
    argument.name = ParseName(stream);
    stream.Expect(TokenKind::Colon);
    argument.value = ParseValueLiteral(stream, /*is_const=*/true);
    arguments.push_back(std::move(argument));
  } while (!stream.ExpectOptional(TokenKind::ParenR));
  return arguments;
}

}  // namespace

std::string ParseName(TokenStream& stream) {
  return std::string(stream.Expect(TokenKind::Name).text);
}

Value ParseValueLiteral(TokenStream& stream, bool is_const) {
  const Token token = stream.current();
  switch (token.kind) {
    case TokenKind::BracketL:
      return ParseList(stream, is_const);
    case TokenKind::BraceL:
      return ParseObject(stream, is_const);
    case TokenKind::Int:
    case TokenKind::Float:
      stream.Advance();
      return ScalarValue(token.kind == TokenKind::Int ? Value::Kind::Int : Value::Kind::Float,
                         std::string(token.text), token.location);
    case TokenKind::String:
      stream.Advance();
      return ScalarValue(Value::Kind::String, StringLiteralValue(token.text), token.location);
    case TokenKind::BlockString:
      stream.Advance();
      return ScalarValue(Value::Kind::String, BlockStringLiteralValue(token.text), token.location);
    case TokenKind::Name:
      stream.Advance();
      return NameValue(token);
    case TokenKind::Dollar:
      if (!is_const) {
        stream.Advance();
        return ScalarValue(Value::Kind::Variable, ParseName(stream), token.location);
      }
      break;
    default:
      break;
  }
  stream.Unexpected();
}

TypeRef ParseTypeReference(TokenStream& stream) {
  const SourceLocation start = stream.current().location;
  TypeRef type;
  if (stream.Peek(TokenKind::BracketL)) {
    TokenStream::NestingGuard nesting(stream);
    stream.Advance();
    auto item = std::make_shared<const TypeRef>(ParseTypeReference(stream));
    stream.Expect(TokenKind::BracketR);
    type.kind = TypeRef::Kind::List;
    type.inner = std::move(item);
  } else {
    type.name = ParseName(stream);
  }
  type.location = start;
  if (!stream.ExpectOptional(TokenKind::Bang)) return type;
  TypeRef non_null;
  non_null.kind = TypeRef::Kind::NonNull;
  non_null.inner = std::make_shared<const TypeRef>(std::move(type));
  non_null.location = start;
  return non_null;
}

std::vector<Directive> ParseConstDirectives(TokenStream& stream) {
  std::vector<Directive> directives;
  while (stream.Peek(TokenKind::At)) {
    Directive directive;
    directive.location = stream.current().location;
    stream.Advance();
    directive.name = ParseName(stream);
    directive.arguments = ParseConstArguments(stream);
    directives.push_back(std::move(directive));
  }
  return directives;
}

CodegenResult<Value> ParseValueSource(std::string_view source, bool is_const) {
  try {
    TokenStream stream(source);
    Value value = ParseValueLiteral(stream, is_const);
    stream.Expect(TokenKind::Eof);
    return value;
  } catch (SyntaxErrorThrown& thrown) {
    return std::move(thrown.error);
  }
}

}  // namespace amplify::codegen
