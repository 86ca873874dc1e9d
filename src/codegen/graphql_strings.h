#pragma once
// UTF-8 decoding and the values of GraphQL string tokens (spec §2.9.4, as graphql-js 15 computes
// them). The lexer has already validated the tokens these functions decode.
#include <cstddef>
#include <string>
#include <string_view>

namespace amplify::codegen {

struct DecodedCodePoint {
  char32_t code_point;
  std::size_t length;  // bytes consumed, at least 1
};

// The code point whose UTF-8 encoding starts at text[pos] (pos < text.size()). An ill-formed
// sequence decodes to U+FFFD over its maximal valid prefix, as Node's UTF-8 decoder does when
// the reference reads a schema file.
DecodedCodePoint DecodeUtf8(std::string_view text, std::size_t pos);

void AppendUtf8(std::string& out, char32_t code_point);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD.
void AppendWellFormedUtf8(std::string& out, std::string_view text);

// The value of a `"..."` token (quotes included): escapes decoded, `\uD83D\uDE00` surrogate pairs
// joined, a lone surrogate escape kept as WTF-8 (a JavaScript string holds it as it is).
std::string StringLiteralValue(std::string_view token_text);

// The value of a `"""..."""` token (quotes included): `\"""` unescaped, then the spec's
// BlockStringValue: common indentation removed, leading and trailing blank lines dropped, lines
// joined with \n.
std::string BlockStringLiteralValue(std::string_view token_text);

}  // namespace amplify::codegen
