#include "codegen/graphql_token_stream.h"

#include <utility>

namespace amplify::codegen {

TokenStream::TokenStream(std::string_view source) : lexer_(source) { Advance(); }

Token TokenStream::Lookahead() const {
  Lexer ahead = lexer_;
  Token token = ahead.Next();
  if (token.kind == TokenKind::Error) throw SyntaxErrorThrown{ahead.error()};
  return token;
}

void TokenStream::Advance() {
  current_ = lexer_.Next();
  if (current_.kind == TokenKind::Error) throw SyntaxErrorThrown{lexer_.error()};
}

Token TokenStream::Expect(TokenKind kind) {
  if (current_.kind != kind) {
    Fail(current_.location, "Expected " + std::string(TokenKindDescription(kind)) + ", found " +
                                TokenDescription(current_) + ".");
  }
  Token token = current_;
  Advance();
  return token;
}

bool TokenStream::ExpectOptional(TokenKind kind) {
  if (current_.kind != kind) return false;
  Advance();
  return true;
}

void TokenStream::ExpectKeyword(std::string_view keyword) {
  if (!PeekKeyword(keyword)) {
    Fail(current_.location,
         "Expected \"" + std::string(keyword) + "\", found " + TokenDescription(current_) + ".");
  }
  Advance();
}

bool TokenStream::ExpectOptionalKeyword(std::string_view keyword) {
  if (!PeekKeyword(keyword)) return false;
  Advance();
  return true;
}

void TokenStream::Unexpected(const Token& token) const {
  Fail(token.location, "Unexpected " + TokenDescription(token) + ".");
}

void TokenStream::Fail(SourceLocation location, std::string message) {
  throw SyntaxErrorThrown{CodegenError{"Syntax Error: " + std::move(message), location}};
}

TokenStream::NestingGuard::NestingGuard(TokenStream& stream) : stream_(stream) {
  if (stream_.depth_ >= kMaxNestingDepth) {
    Fail(stream_.current_.location, "Nesting too deep: more than " +
                                        std::to_string(kMaxNestingDepth) +
                                        " levels of lists, objects or list types.");
  }
  ++stream_.depth_;
}

}  // namespace amplify::codegen
