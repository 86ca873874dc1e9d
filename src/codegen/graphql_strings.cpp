#include "codegen/graphql_strings.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace amplify::codegen {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The 16-bit value of the four hex digits at text[pos], if they are there.
std::optional<char32_t> HexQuad(std::string_view text, std::size_t pos) {
  if (pos + 4 > text.size()) return std::nullopt;
  char32_t value = 0;
  for (std::size_t i = pos; i < pos + 4; ++i) {
    int digit = HexDigitValue(text[i]);
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<char32_t>(digit);
  }
  return value;
}

bool IsHighSurrogate(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool IsLowSurrogate(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// Decodes the escape whose backslash is at body[pos]; returns the position after it.
std::size_t AppendEscape(std::string& out, std::string_view body, std::size_t pos) {
  char kind = body[pos + 1];
  switch (kind) {
    case 'b':
      out += '\b';
      return pos + 2;
    case 'f':
      out += '\f';
      return pos + 2;
    case 'n':
      out += '\n';
      return pos + 2;
    case 'r':
      out += '\r';
      return pos + 2;
    case 't':
      out += '\t';
      return pos + 2;
    case 'u':
      break;
    default:
      out += kind;
      return pos + 2;  // \" \\ \/
  }
  char32_t unit = HexQuad(body, pos + 2).value_or(kReplacementCharacter);
  if (IsHighSurrogate(unit) && body.substr(pos + 6).starts_with("\\u")) {
    if (auto low = HexQuad(body, pos + 8); low && IsLowSurrogate(*low)) {
      AppendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (*low - 0xDC00));
      return pos + 12;
    }
  }
  // A lone surrogate stays a lone surrogate (WTF-8, ED A0..BF xx) as in a JavaScript string:
  // the reference's JSON.stringify writes it back as "\udxxx" and so does json_text.
  AppendUtf8(out, unit);
  return pos + 6;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  lines.push_back(text.substr(start));
  return lines;
}

// The smallest indentation of a non-blank line other than the first (graphql-js
// getBlockStringIndentation); 0 when there is none.
std::size_t CommonIndentation(const std::vector<std::string_view>& lines) {
  std::optional<std::size_t> common;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::size_t indent = lines[i].find_first_not_of(" \t");
    if (indent == std::string_view::npos) continue;
    if (!common || indent < *common) common = indent;
  }
  return common.value_or(0);
}

}  // namespace

DecodedCodePoint DecodeUtf8(std::string_view text, std::size_t pos) {
  auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  int continuation_count = 0;
  char32_t code_point = 0;
  unsigned char lower = 0x80, upper = 0xBF;  // the allowed range of the next byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuation_count = 1, code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuation_count = 2, code_point = lead & 0x0F;
    if (lead == 0xE0) lower = 0xA0;  // overlong
    if (lead == 0xED) upper = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuation_count = 3, code_point = lead & 0x07;
    if (lead == 0xF0) lower = 0x90;  // overlong
    if (lead == 0xF4) upper = 0x8F;  // above U+10FFFF
  } else {
    return {kReplacementCharacter, 1};
  }
  std::size_t next = pos + 1;
  for (int i = 0; i < continuation_count; ++i, ++next) {
    if (next >= text.size()) return {kReplacementCharacter, next - pos};
    auto byte = static_cast<unsigned char>(text[next]);
    if (byte < lower || byte > upper) return {kReplacementCharacter, next - pos};
    lower = 0x80, upper = 0xBF;
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  return {code_point, next - pos};
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

void AppendWellFormedUtf8(std::string& out, std::string_view text) {
  std::size_t run_start = 0, pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    DecodedCodePoint decoded = DecodeUtf8(text, pos);
    if (decoded.code_point == kReplacementCharacter) {
      out.append(text.substr(run_start, pos - run_start));
      AppendUtf8(out, kReplacementCharacter);
      run_start = pos + decoded.length;
    }
    pos += decoded.length;
  }
  out.append(text.substr(run_start));
}

std::string StringLiteralValue(std::string_view token_text) {
  std::string_view body = token_text.substr(1, token_text.size() - 2);
  std::string out;
  out.reserve(body.size());
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t backslash = std::min(body.find('\\', pos), body.size());
    AppendWellFormedUtf8(out, body.substr(pos, backslash - pos));
    if (backslash + 1 >= body.size()) break;  // the lexer guarantees escapes are complete
    pos = AppendEscape(out, body, backslash);
  }
  return out;
}

std::string BlockStringLiteralValue(std::string_view token_text) {
  std::string_view body = token_text.substr(3, token_text.size() - 6);
  std::string raw;
  raw.reserve(body.size());
  for (std::size_t pos = 0; pos < body.size();) {
    std::size_t escape = std::min(body.find("\\\"\"\"", pos), body.size());
    AppendWellFormedUtf8(raw, body.substr(pos, escape - pos));
    if (escape == body.size()) break;
    raw += "\"\"\"";
    pos = escape + 4;
  }
  std::vector<std::string_view> lines = SplitLines(raw);
  std::size_t indent = CommonIndentation(lines);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    lines[i].remove_prefix(std::min(indent, lines[i].size()));
  }
  std::size_t first = 0, last = lines.size();
  while (first < last && IsBlank(lines[first])) ++first;
  while (last > first && IsBlank(lines[last - 1])) --last;
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    out.append(lines[i]);
  }
  return out;
}

}  // namespace amplify::codegen
