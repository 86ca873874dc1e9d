#pragma once
// The GraphQL lexer (spec §2.1, graphql-js 15 lexer.js): one pass over the source, tokens are
// views into it. Ignored tokens (whitespace, commas, comments, BOMs, line terminators) are
// skipped; columns count UTF-16 code units like graphql-js so error locations match it.
#include <cstddef>
#include <string>
#include <string_view>

#include "codegen/codegen_error.h"
#include "codegen/graphql_ast.h"

namespace amplify::codegen {

enum class TokenKind {
  Sof,
  Eof,
  Bang,
  Dollar,
  Amp,
  ParenL,
  ParenR,
  Spread,
  Colon,
  Equals,
  At,
  BracketL,
  BracketR,
  BraceL,
  Pipe,
  BraceR,
  Name,
  Int,
  Float,
  String,
  BlockString,
  Error,  // a lexical error: Lexer::error() says what and where
};

struct Token {
  TokenKind kind = TokenKind::Sof;
  std::string_view text;  // the token's bytes; String and BlockString include their quotes
  SourceLocation location;
};

// How graphql-js names a token kind in messages: `"{"`, `Name`, `<EOF>`.
std::string_view TokenKindDescription(TokenKind kind);

// How graphql-js describes a token in messages: `"}"`, `Name "query"`, `String "abc"` (the
// decoded value), `<EOF>`.
std::string TokenDescription(const Token& token);

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  // The next significant token; Eof at the end (and forever after). On a lexical error, a token
  // of kind Error (and Error again on every later call).
  Token Next();

  // The message (`Syntax Error: Unterminated string.`) and location of the last Error token.
  const CodegenError& error() const { return error_; }

 private:
  void SkipIgnored();
  Token ReadName(std::size_t start, SourceLocation location);
  Token ReadNumber(std::size_t start, SourceLocation location);
  bool SkipDigits(std::size_t& pos);
  Token ReadString(std::size_t start, SourceLocation location);
  bool SkipEscape(std::size_t& pos);
  Token ReadBlockString(std::size_t start, SourceLocation location);
  void SkipComment();
  Token Fail(std::size_t pos, std::string message);

  int ByteAt(std::size_t pos) const;  // -1 past the end
  bool HasAt(std::size_t pos, std::string_view text) const;
  std::size_t SkipNonAscii(std::size_t pos);
  void StartLine(std::size_t pos);
  SourceLocation LocationAt(std::size_t pos) const;
  std::string DescribeCharacterAt(std::size_t pos) const;
  std::string Utf16Prefix(std::size_t pos, int units) const;

  std::string_view source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  // Bytes on the current line (before pos_) that are not UTF-16 code units of their own: the
  // continuation bytes of multi-byte UTF-8 characters, less one per astral character.
  std::ptrdiff_t column_bias_ = 0;
  bool failed_ = false;
  CodegenError error_;
};

}  // namespace amplify::codegen
