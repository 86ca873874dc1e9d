#include "codegen/name_case.h"

namespace amplify::codegen {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr char kSplit = '\0';

// no-case's tokenizer: split before an upper-case letter that follows a lower-case letter or a
// digit, and between an acronym and a following capitalised word, then treat every run of
// non-alphanumerics as one separator. Each pass scans like a global RegExp replace (matches do
// not overlap).
std::vector<std::string> NoCaseWords(std::string_view input) {
  std::string first;
  for (size_t i = 0; i < input.size(); ++i) {
    first += input[i];
    if ((IsLower(input[i]) || IsDigit(input[i])) && i + 1 < input.size() && IsUpper(input[i + 1])) {
      first += kSplit;
      first += input[++i];
    }
  }
  std::string second;
  for (size_t i = 0; i < first.size(); ++i) {
    second += first[i];
    if (IsUpper(first[i]) && i + 2 < first.size() && IsUpper(first[i + 1]) &&
        IsLower(first[i + 2])) {
      second += kSplit;
      second += first[i + 1];
      second += first[i + 2];
      i += 2;
    }
  }
  // The maximal alphanumeric runs; noCase trims separators at both ends before splitting.
  std::vector<std::string> words;
  std::string current;
  for (char c : second) {
    if (IsAlnum(c)) {
      current += c;
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty() || words.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace

std::string CamelCase(std::string_view input) {
  std::string out;
  std::vector<std::string> words = NoCaseWords(input);
  for (size_t index = 0; index < words.size(); ++index) {
    const std::string& word = words[index];
    if (word.empty()) continue;
    if (index == 0) {
      for (char c : word) out += ToLower(c);
      continue;
    }
    // pascalCaseTransform: a word after the first that starts with a digit gets a `_` prefix.
    if (IsDigit(word[0])) {
      out += '_';
      out += word[0];
    } else {
      out += ToUpper(word[0]);
    }
    for (size_t i = 1; i < word.size(); ++i) out += ToLower(word[i]);
  }
  return out;
}

std::string ConstantCase(std::string_view input) {
  std::string out;
  std::vector<std::string> words = NoCaseWords(input);
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
