#include "codegen/graphql_lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "codegen/graphql_strings.h"

namespace amplify::codegen {
namespace {

std::vector<Token> LexAll(std::string_view source) {
  Lexer lexer(source);
  std::vector<Token> tokens;
  for (;;) {
    tokens.push_back(lexer.Next());
    if (tokens.back().kind == TokenKind::Eof || tokens.back().kind == TokenKind::Error) break;
  }
  return tokens;
}

// The lexer's error for a source that fails to lex, as "message @line:column".
std::string LexError(std::string_view source) {
  Lexer lexer(source);
  for (;;) {
    Token token = lexer.Next();
    if (token.kind == TokenKind::Eof) return "no error";
    if (token.kind == TokenKind::Error) {
      const CodegenError& error = lexer.error();
      return error.message + " @" + std::to_string(error.location->line) + ":" +
             std::to_string(error.location->column);
    }
  }
}

TEST(GraphqlLexerTest, ReadsPunctuatorsNamesAndNumbers) {
  std::vector<Token> tokens = LexAll("! $ & ( ) ... : = @ [ ] { | } _a9 0 -12 1.5e3 -0.0 2E-7");
  std::vector<TokenKind> kinds;
  for (const Token& token : tokens) kinds.push_back(token.kind);
  using K = TokenKind;
  EXPECT_EQ(kinds,
            (std::vector<K>{K::Bang,  K::Dollar, K::Amp,  K::ParenL,   K::ParenR,   K::Spread,
                            K::Colon, K::Equals, K::At,   K::BracketL, K::BracketR, K::BraceL,
                            K::Pipe,  K::BraceR, K::Name, K::Int,      K::Int,      K::Float,
                            K::Float, K::Float,  K::Eof}));
  EXPECT_EQ(tokens[14].text, "_a9");
  EXPECT_EQ(tokens[16].text, "-12");
  EXPECT_EQ(tokens[17].text, "1.5e3");
}

TEST(GraphqlLexerTest, SkipsIgnoredTokensAndCountsLinesAndColumns) {
  std::vector<Token> tokens = LexAll("\xEF\xBB\xBF a,,b # comment } \r\n\tc\rd\n  # x\n\ne");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].text, "a");
  EXPECT_EQ(tokens[0].location.line, 1);
  EXPECT_EQ(tokens[0].location.column, 3);  // the BOM is one column
  EXPECT_EQ(tokens[1].location.column, 6);
  EXPECT_EQ(tokens[2].text, "c");
  EXPECT_EQ(tokens[2].location.line, 2);  // \r\n is one line terminator
  EXPECT_EQ(tokens[2].location.column, 2);
  EXPECT_EQ(tokens[3].location.line, 3);  // a lone \r ends a line
  EXPECT_EQ(tokens[4].location.line, 6);
  EXPECT_EQ(tokens[5].kind, TokenKind::Eof);
  EXPECT_EQ(tokens[5].location.column, 2);
}

TEST(GraphqlLexerTest, CountsColumnsInUtf16UnitsLikeGraphqlJs) {
  // é is one UTF-16 unit, 😀 two: graphql-js puts the `?` after them at column 7.
  EXPECT_EQ(LexError("\"é😀\" ?? "),
            "Syntax Error: Cannot parse the unexpected character \"?\". @1:7");
  EXPECT_EQ(LexError("# é😀\n  \"a\nb\""), "Syntax Error: Unterminated string. @2:5");
}

TEST(GraphqlLexerTest, ReadsStringsWithEscapes) {
  std::vector<Token> tokens = LexAll(R"("a\"b\\c\/d\b\f\n\r\t\u00e9\uD83D\uDE00")");
  ASSERT_EQ(tokens[0].kind, TokenKind::String);
  EXPECT_EQ(StringLiteralValue(tokens[0].text), "a\"b\\c/d\b\f\n\r\té\xF0\x9F\x98\x80");
  EXPECT_EQ(StringLiteralValue(R"("\uD800x")"), "\xED\xA0\x80x");  // a lone surrogate, WTF-8
  EXPECT_EQ(StringLiteralValue("\"caf\xC3\xA9 \xFF\""), "caf\xC3\xA9 \xEF\xBF\xBD");
}

TEST(GraphqlLexerTest, DedentsBlockStrings) {
  std::vector<Token> tokens =
      LexAll("\"\"\"\n    Hello,\n      World!\n\n    Yours\\\"\"\",\n  \"\"\" x");
  ASSERT_EQ(tokens[0].kind, TokenKind::BlockString);
  EXPECT_EQ(BlockStringLiteralValue(tokens[0].text), "Hello,\n  World!\n\nYours\"\"\",");
  EXPECT_EQ(tokens[1].location.line, 6);
  EXPECT_EQ(tokens[1].location.column, 7);
  EXPECT_EQ(BlockStringLiteralValue("\"\"\"  first\n    second\r\n  third \"\"\""),
            "  first\n  second\nthird ");
  EXPECT_EQ(BlockStringLiteralValue("\"\"\"\n \t \n\"\"\""), "");
  EXPECT_EQ(BlockStringLiteralValue(R"("""a \n "" b""")"), R"(a \n "" b)");
}

TEST(GraphqlLexerTest, DescribesTokensLikeGraphqlJs) {
  EXPECT_EQ(TokenDescription(Token{TokenKind::BraceR, "}", {}}), "\"}\"");
  EXPECT_EQ(TokenDescription(Token{TokenKind::Name, "query", {}}), "Name \"query\"");
  EXPECT_EQ(TokenDescription(Token{TokenKind::String, R"("a\nb")", {}}), "String \"a\nb\"");
  EXPECT_EQ(TokenDescription(Token{TokenKind::Eof, "", {}}), "<EOF>");
}

TEST(GraphqlLexerTest, ReportsStringErrors) {
  EXPECT_EQ(LexError("\"abc"), "Syntax Error: Unterminated string. @1:5");
  EXPECT_EQ(LexError("\"abc\nd\""), "Syntax Error: Unterminated string. @1:5");
  EXPECT_EQ(LexError("\"\"\"abc\n\"\""), "Syntax Error: Unterminated string. @2:3");
  EXPECT_EQ(LexError("\"a\\x\""), "Syntax Error: Invalid character escape sequence: \\x. @1:4");
  EXPECT_EQ(LexError("\"\\u12\")"),
            "Syntax Error: Invalid character escape sequence: \\u12\"). @1:3");
  EXPECT_EQ(LexError(std::string_view("\"a\0\"", 4)),
            "Syntax Error: Invalid character within String: \"\\u0000\". @1:3");
  EXPECT_EQ(LexError("\"\"\"a\x01\"\"\""),
            "Syntax Error: Invalid character within String: \"\\u0001\". @1:5");
}

TEST(GraphqlLexerTest, ReportsNumberErrors) {
  EXPECT_EQ(LexError("1x"), "Syntax Error: Invalid number, expected digit but got: \"x\". @1:2");
  EXPECT_EQ(LexError("1."), "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:3");
  EXPECT_EQ(LexError("1.5."), "Syntax Error: Invalid number, expected digit but got: \".\". @1:4");
  EXPECT_EQ(LexError("1e+"), "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:4");
  EXPECT_EQ(LexError("- 1"), "Syntax Error: Invalid number, expected digit but got: \" \". @1:2");
  EXPECT_EQ(LexError("007"), "Syntax Error: Invalid number, unexpected digit after 0: \"0\". @1:2");
}

TEST(GraphqlLexerTest, ReportsUnexpectedCharacters) {
  EXPECT_EQ(LexError("a ?"), "Syntax Error: Cannot parse the unexpected character \"?\". @1:3");
  EXPECT_EQ(LexError(".."), "Syntax Error: Cannot parse the unexpected character \".\". @1:1");
  EXPECT_EQ(LexError("'x'"),
            "Syntax Error: Unexpected single quote character ('), did you mean to use a double "
            "quote (\")? @1:1");
  EXPECT_EQ(LexError(std::string_view("a\0", 2)),
            "Syntax Error: Cannot contain the invalid character \"\\u0000\". @1:2");
  EXPECT_EQ(LexError("\x7F"),
            "Syntax Error: Cannot parse the unexpected character \"\\u007F\". @1:1");
  EXPECT_EQ(LexError("\xC3\xA9"),
            "Syntax Error: Cannot parse the unexpected character \"\\u00E9\". @1:1");
  EXPECT_EQ(LexError("\xF0\x9F\x98\x80"),
            "Syntax Error: Cannot parse the unexpected character \"\\uD83D\". @1:1");
  EXPECT_EQ(LexError("\xFF"),
            "Syntax Error: Cannot parse the unexpected character \"\\uFFFD\". @1:1");
}

TEST(GraphqlLexerTest, StaysFailedAfterAnError) {
  Lexer lexer("? a");
  EXPECT_EQ(lexer.Next().kind, TokenKind::Error);
  EXPECT_EQ(lexer.Next().kind, TokenKind::Error);
}

TEST(GraphqlStringsTest, DecodesUtf8LikeNode) {
  EXPECT_EQ(DecodeUtf8("\xC3\xA9", 0).code_point, 0xE9u);
  EXPECT_EQ(DecodeUtf8("\xF0\x9F\x98\x80", 0).code_point, 0x1F600u);
  DecodedCodePoint truncated = DecodeUtf8("\xF0\x9F\x98", 0);
  EXPECT_EQ(truncated.code_point, 0xFFFDu);
  EXPECT_EQ(truncated.length, 3u);  // the maximal valid prefix is one replacement
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0).length, 1u);  // an encoded surrogate is ill-formed
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", 0).length, 1u);      // overlong
}

}  // namespace
}  // namespace amplify::codegen
