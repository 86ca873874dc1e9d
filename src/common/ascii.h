#pragma once
// ASCII-only case folding: identifiers and the admin console's searches are byte strings, and
// both stores fold the same 26 letters (SQLite's lower(), PostgreSQL's under COLLATE "C").
#include <string>
#include <string_view>

namespace amplify {

inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace amplify
