#pragma once
// The parser's view of the lexer: the current token, one token of lookahead, and graphql-js'
// expect/unexpected helpers (parser.js) with its error wording. A syntax error is thrown as
// SyntaxErrorThrown and caught by ParseSdl: it never leaves the parser.
#include <string>
#include <string_view>

#include "codegen/codegen_error.h"
#include "codegen/graphql_lexer.h"

namespace amplify::codegen {

struct SyntaxErrorThrown {
  CodegenError error;
};

// Lists, objects and list types nest by recursion: past this depth the parser stops with an
// error instead of risking the stack. No real schema comes close.
inline constexpr int kMaxNestingDepth = 128;

class TokenStream {
 public:
  explicit TokenStream(std::string_view source);  // positioned on the first token

  const Token& current() const { return current_; }
  bool Peek(TokenKind kind) const { return current_.kind == kind; }
  bool PeekKeyword(std::string_view keyword) const {
    return current_.kind == TokenKind::Name && current_.text == keyword;
  }
  // The token after the current one, without moving.
  Token Lookahead() const;

  void Advance();
  // The current token if it has this kind (then moves past it); otherwise a syntax error:
  // `Expected Name, found "}".`
  Token Expect(TokenKind kind);
  bool ExpectOptional(TokenKind kind);
  void ExpectKeyword(std::string_view keyword);
  bool ExpectOptionalKeyword(std::string_view keyword);

  // `Unexpected Name "x".` at the token.
  [[noreturn]] void Unexpected(const Token& token) const;
  [[noreturn]] void Unexpected() const { Unexpected(current_); }
  [[noreturn]] static void Fail(SourceLocation location, std::string message);

  // Counts one level of nesting for as long as it lives; fails past kMaxNestingDepth.
  class NestingGuard {
   public:
    explicit NestingGuard(TokenStream& stream);
    ~NestingGuard() { --stream_.depth_; }
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    TokenStream& stream_;
  };

 private:
  Lexer lexer_;
  Token current_;
  int depth_ = 0;
};

}  // namespace amplify::codegen
