#include "codegen/name_case.h"

namespace amplify::codegen {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// no-case splits with /([a-z0-9])([A-Z])/g, then /([A-Z])([A-Z][a-z])/g. No two matches of these
// patterns can overlap, so the two global replaces come down to this test between input[i] and
// input[i + 1], both letters or digits.
bool WordEndsAfter(std::string_view input, size_t i) {
  if ((IsLower(input[i]) || IsDigit(input[i])) && IsUpper(input[i + 1])) return true;
  return IsUpper(input[i]) && IsUpper(input[i + 1]) && i + 2 < input.size() &&
         IsLower(input[i + 2]);
}

// pascalCaseTransform: the first letter upper-cased, the rest lower-cased, and a `_` before a
// later word's leading digit.
void AppendPascalWord(std::string& out, std::string_view word, size_t index) {
  if (index > 0 && IsDigit(word[0])) out += '_';
  out += ToUpper(word[0]);
  for (char c : word.substr(1)) out += ToLower(c);
}

}  // namespace

std::vector<std::string_view> SplitWords(std::string_view input) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i < input.size(); ++i) {
    // no-case's strip pattern /[^A-Z0-9]+/gi: any other character only separates words.
    if (!IsAlnum(input[i])) {
      start = i + 1;
    } else if (i + 1 == input.size() || !IsAlnum(input[i + 1]) || WordEndsAfter(input, i)) {
      words.push_back(input.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  return words;
}

std::string PascalCase(std::string_view input) {
  std::string out;
  std::vector<std::string_view> words = SplitWords(input);
  for (size_t index = 0; index < words.size(); ++index) AppendPascalWord(out, words[index], index);
  return out;
}

std::string CamelCase(std::string_view input) {
  std::string out;
  std::vector<std::string_view> words = SplitWords(input);
  for (size_t index = 0; index < words.size(); ++index) {
    if (index > 0) {
      AppendPascalWord(out, words[index], index);
      continue;
    }
    for (char c : words[index]) out += ToLower(c);
  }
  return out;
}

std::string ConstantCase(std::string_view input) {
  std::string out;
  std::vector<std::string_view> words = SplitWords(input);
  for (size_t index = 0; index < words.size(); ++index) {
    if (index > 0) out += '_';
    for (char c : words[index]) out += ToUpper(c);
  }
  return out;
}

std::string UpperFirst(std::string_view word) {
  std::string out(word);
  if (!out.empty()) out[0] = ToUpper(out[0]);
  return out;
}

std::string LowerFirst(std::string_view word) {
  std::string out(word);
  if (!out.empty()) out[0] = ToLower(out[0]);
  return out;
}

std::string GraphqlName(std::string_view value) {
  std::string out;
  size_t i = 0;
  while (i < value.size() && !(value[i] == '_' || IsUpper(value[i]) || IsLower(value[i]))) ++i;
  for (; i < value.size(); ++i) {
    if (value[i] == '_' || IsAlnum(value[i])) out += value[i];
  }
  return out;
}

std::string JoinCamelCase(const std::vector<std::string_view>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += i == 0 ? LowerFirst(words[i]) : UpperFirst(words[i]);
  }
  return out;
}

}  // namespace amplify::codegen
