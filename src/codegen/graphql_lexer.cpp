#include "codegen/graphql_lexer.h"

#include <array>
#include <cstdio>

#include "codegen/graphql_strings.h"

namespace amplify::codegen {
namespace {

constexpr char32_t kByteOrderMark = 0xFEFF;

bool IsDigit(int c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(int c) { return IsDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }
bool IsNameStart(int c) { return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsNameContinue(int c) { return IsNameStart(c) || IsDigit(c); }

// The token kind of a one-character punctuator, Error for any other character.
TokenKind PunctuatorKind(char c) {
  constexpr std::string_view kPunctuators = "!$&():=@[]{|}";
  constexpr std::array<TokenKind, kPunctuators.size()> kKinds = {
      TokenKind::Bang,     TokenKind::Dollar,   TokenKind::Amp,    TokenKind::ParenL,
      TokenKind::ParenR,   TokenKind::Colon,    TokenKind::Equals, TokenKind::At,
      TokenKind::BracketL, TokenKind::BracketR, TokenKind::BraceL, TokenKind::Pipe,
      TokenKind::BraceR};
  std::size_t index = kPunctuators.find(c);
  return index == std::string_view::npos ? TokenKind::Error : kKinds[index];
}

std::string UnicodeEscape(char32_t unit, const char* format) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), format, static_cast<unsigned>(unit));
  return buffer.data();
}

// An ASCII character as JSON.stringify writes it (graphql-js printCharCode trusts JSON for it).
std::string JsonQuotedAscii(char c) {
  switch (c) {
    case '"':
      return R"("\"")";
    case '\\':
      return R"("\\")";
    case '\b':
      return R"("\b")";
    case '\f':
      return R"("\f")";
    case '\n':
      return R"("\n")";
    case '\r':
      return R"("\r")";
    case '\t':
      return R"("\t")";
    default:
      if (static_cast<unsigned char>(c) < 0x20) return UnicodeEscape(c, "\"\\u%04x\"");
      return std::string("\"") + c + '"';
  }
}

}  // namespace

std::string_view TokenKindDescription(TokenKind kind) {
  // In TokenKind order (graphql-js tokenKind.js; punctuators are quoted).
  constexpr std::array<std::string_view, 22> kDescriptions = {
      "<SOF>", "<EOF>", "\"!\"", "\"$\"",  "\"&\"",       "\"(\"",  "\")\"", "\"...\"",
      "\":\"", "\"=\"", "\"@\"", "\"[\"",  "\"]\"",       "\"{\"",  "\"|\"", "\"}\"",
      "Name",  "Int",   "Float", "String", "BlockString", "<ERROR>"};
  static_assert(kDescriptions.size() == static_cast<std::size_t>(TokenKind::Error) + 1);
  return kDescriptions[static_cast<std::size_t>(kind)];
}

std::string TokenDescription(const Token& token) {
  std::string description(TokenKindDescription(token.kind));
  switch (token.kind) {
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
      return description + " \"" + std::string(token.text) + '"';
    case TokenKind::String:
      return description + " \"" + StringLiteralValue(token.text) + '"';
    case TokenKind::BlockString:
      return description + " \"" + BlockStringLiteralValue(token.text) + '"';
    default:
      return description;
  }
}

Token Lexer::Next() {
  if (failed_) return Token{TokenKind::Error, {}, error_.location.value_or(SourceLocation{})};
  SkipIgnored();
  const std::size_t start = pos_;
  const SourceLocation location = LocationAt(start);
  if (start >= source_.size()) return Token{TokenKind::Eof, source_.substr(start), location};
  const char c = source_[start];
  if (TokenKind kind = PunctuatorKind(c); kind != TokenKind::Error) {
    ++pos_;
    return Token{kind, source_.substr(start, 1), location};
  }
  if (IsNameStart(c)) return ReadName(start, location);
  if (c == '-' || IsDigit(c)) return ReadNumber(start, location);
  if (c == '"') {
    return HasAt(start, "\"\"\"") ? ReadBlockString(start, location) : ReadString(start, location);
  }
  if (HasAt(start, "...")) {
    pos_ += 3;
    return Token{TokenKind::Spread, source_.substr(start, 3), location};
  }
  if (static_cast<unsigned char>(c) < 0x20) {
    return Fail(start, "Cannot contain the invalid character " + DescribeCharacterAt(start) + ".");
  }
  if (c == '\'') {
    return Fail(start,
                "Unexpected single quote character ('), did you mean to use a double quote (\")?");
  }
  return Fail(start, "Cannot parse the unexpected character " + DescribeCharacterAt(start) + ".");
}

// Whitespace, commas, line terminators, comments, and a BOM anywhere (graphql-js ignores it
// everywhere, not only at the start).
void Lexer::SkipIgnored() {
  while (pos_ < source_.size()) {
    const char c = source_[pos_];
    if (c == ' ' || c == '\t' || c == ',') {
      ++pos_;
    } else if (c == '\n' || c == '\r') {
      pos_ += HasAt(pos_, "\r\n") ? 2 : 1;
      StartLine(pos_);
    } else if (c == '#') {
      SkipComment();
    } else if (static_cast<unsigned char>(c) >= 0x80 &&
               DecodeUtf8(source_, pos_).code_point == kByteOrderMark) {
      pos_ = SkipNonAscii(pos_);
    } else {
      return;
    }
  }
}

Token Lexer::ReadName(std::size_t start, SourceLocation location) {
  std::size_t pos = start + 1;
  while (IsNameContinue(ByteAt(pos))) ++pos;
  pos_ = pos;
  return Token{TokenKind::Name, source_.substr(start, pos - start), location};
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? not followed by `.` or a name start.
Token Lexer::ReadNumber(std::size_t start, SourceLocation location) {
  std::size_t pos = start;
  if (ByteAt(pos) == '-') ++pos;
  if (ByteAt(pos) == '0') {
    ++pos;
    if (IsDigit(ByteAt(pos))) {
      return Fail(pos,
                  "Invalid number, unexpected digit after 0: " + DescribeCharacterAt(pos) + ".");
    }
  } else if (!SkipDigits(pos)) {
    return Token{TokenKind::Error, {}, location};
  }
  bool is_float = false;
  if (ByteAt(pos) == '.') {
    is_float = true;
    ++pos;
    if (!SkipDigits(pos)) return Token{TokenKind::Error, {}, location};
  }
  if (ByteAt(pos) == 'e' || ByteAt(pos) == 'E') {
    is_float = true;
    ++pos;
    if (ByteAt(pos) == '+' || ByteAt(pos) == '-') ++pos;
    if (!SkipDigits(pos)) return Token{TokenKind::Error, {}, location};
  }
  if (ByteAt(pos) == '.' || IsNameStart(ByteAt(pos))) {
    return Fail(pos, "Invalid number, expected digit but got: " + DescribeCharacterAt(pos) + ".");
  }
  pos_ = pos;
  return Token{is_float ? TokenKind::Float : TokenKind::Int, source_.substr(start, pos - start),
               location};
}

bool Lexer::SkipDigits(std::size_t& pos) {
  if (!IsDigit(ByteAt(pos))) {
    Fail(pos, "Invalid number, expected digit but got: " + DescribeCharacterAt(pos) + ".");
    return false;
  }
  while (IsDigit(ByteAt(pos))) ++pos;
  return true;
}

Token Lexer::ReadString(std::size_t start, SourceLocation location) {
  std::size_t pos = start + 1;
  while (pos < source_.size()) {
    const auto c = static_cast<unsigned char>(source_[pos]);
    if (c == '\n' || c == '\r') break;
    if (c == '"') {
      pos_ = pos + 1;
      return Token{TokenKind::String, source_.substr(start, pos_ - start), location};
    }
    if (c < 0x20 && c != '\t') {
      return Fail(pos, "Invalid character within String: " + DescribeCharacterAt(pos) + ".");
    }
    if (c >= 0x80) {
      pos = SkipNonAscii(pos);
    } else if (c == '\\') {
      ++pos;
      if (!SkipEscape(pos)) return Token{TokenKind::Error, {}, location};
    } else {
      ++pos;
    }
  }
  return Fail(pos, "Unterminated string.");
}

// `pos` is just after a backslash inside a string.
bool Lexer::SkipEscape(std::size_t& pos) {
  const int c = ByteAt(pos);
  if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' ||
      c == 't') {
    ++pos;
    return true;
  }
  if (c == 'u') {
    std::size_t end = pos + 1;
    while (end < pos + 5 && end < source_.size() && IsHexDigit(ByteAt(end))) ++end;
    if (end == pos + 5) {
      pos = end;
      return true;
    }
    Fail(pos, "Invalid character escape sequence: \\u" + Utf16Prefix(pos + 1, 4) + ".");
    return false;
  }
  // Past the end graphql-js reads NaN, which String.fromCharCode turns into U+0000.
  std::string character = c < 0 ? std::string(1, '\0') : Utf16Prefix(pos, 1);
  Fail(pos, "Invalid character escape sequence: \\" + character + ".");
  return false;
}

// The source from `pos` on, at most `units` UTF-16 code units of it, as graphql-js slices it
// into a message; Node then writes a surrogate cut in half as U+FFFD.
std::string Lexer::Utf16Prefix(std::size_t pos, int units) const {
  std::string prefix;
  while (units > 0 && pos < source_.size()) {
    DecodedCodePoint decoded = DecodeUtf8(source_, pos);
    const int width = decoded.code_point > 0xFFFF ? 2 : 1;
    AppendUtf8(prefix, width > units ? 0xFFFD : decoded.code_point);
    units -= width;
    pos += decoded.length;
  }
  return prefix;
}

Token Lexer::ReadBlockString(std::size_t start, SourceLocation location) {
  std::size_t pos = start + 3;
  while (pos < source_.size()) {
    const auto c = static_cast<unsigned char>(source_[pos]);
    if (HasAt(pos, "\"\"\"")) {
      pos_ = pos + 3;
      return Token{TokenKind::BlockString, source_.substr(start, pos_ - start), location};
    }
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      return Fail(pos, "Invalid character within String: " + DescribeCharacterAt(pos) + ".");
    }
    if (c == '\n' || c == '\r') {
      pos += HasAt(pos, "\r\n") ? 2 : 1;
      StartLine(pos);
    } else if (HasAt(pos, "\\\"\"\"")) {
      pos += 4;
    } else if (c >= 0x80) {
      pos = SkipNonAscii(pos);
    } else {
      ++pos;
    }
  }
  return Fail(pos, "Unterminated string.");
}

// A comment runs to the first control character other than a tab (graphql-js readComment).
void Lexer::SkipComment() {
  std::size_t pos = pos_ + 1;
  while (pos < source_.size()) {
    const auto c = static_cast<unsigned char>(source_[pos]);
    if (c >= 0x80) {
      pos = SkipNonAscii(pos);
    } else if (c > 0x1F || c == '\t') {
      ++pos;
    } else {
      break;
    }
  }
  pos_ = pos;
}

Token Lexer::Fail(std::size_t pos, std::string message) {
  failed_ = true;
  error_ = CodegenError{"Syntax Error: " + std::move(message), LocationAt(pos)};
  return Token{TokenKind::Error, {}, *error_.location};
}

int Lexer::ByteAt(std::size_t pos) const {
  return pos < source_.size() ? static_cast<unsigned char>(source_[pos]) : -1;
}

bool Lexer::HasAt(std::size_t pos, std::string_view text) const {
  return pos <= source_.size() && source_.substr(pos).starts_with(text);
}

// Steps over one UTF-8 character, keeping columns in UTF-16 code units: an astral character is
// two units, any other one.
std::size_t Lexer::SkipNonAscii(std::size_t pos) {
  DecodedCodePoint decoded = DecodeUtf8(source_, pos);
  const std::ptrdiff_t units = decoded.code_point > 0xFFFF ? 2 : 1;
  column_bias_ += static_cast<std::ptrdiff_t>(decoded.length) - units;
  return pos + decoded.length;
}

void Lexer::StartLine(std::size_t pos) {
  ++line_;
  line_start_ = pos;
  column_bias_ = 0;
}

SourceLocation Lexer::LocationAt(std::size_t pos) const {
  return SourceLocation{
      line_, static_cast<int>(1 + static_cast<std::ptrdiff_t>(pos - line_start_) - column_bias_)};
}

// graphql-js printCharCode: JSON for ASCII, `"\uXXXX"` (a UTF-16 unit) otherwise, <EOF> past the
// end.
std::string Lexer::DescribeCharacterAt(std::size_t pos) const {
  if (pos >= source_.size()) return "<EOF>";
  const auto c = static_cast<unsigned char>(source_[pos]);
  if (c < 0x7F) return JsonQuotedAscii(static_cast<char>(c));
  char32_t code_point = DecodeUtf8(source_, pos).code_point;
  if (code_point > 0xFFFF) code_point = 0xD800 + ((code_point - 0x10000) >> 10);
  return UnicodeEscape(code_point, "\"\\u%04X\"");
}

}  // namespace amplify::codegen
