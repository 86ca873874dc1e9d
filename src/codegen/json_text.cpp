#include "codegen/json_text.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace amplify::codegen {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

void AppendUnicodeEscape(std::string& out, uint32_t unit) {
  char escape[6] = {'\\',
                    'u',
                    kHexDigits[(unit >> 12) & 0xF],
                    kHexDigits[(unit >> 8) & 0xF],
                    kHexDigits[(unit >> 4) & 0xF],
                    kHexDigits[unit & 0xF]};
  out.append(escape, sizeof escape);
}

// JSON.stringify's escapes for the characters below U+0020, `"` and `\`.
void AppendEscapedAscii(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      AppendUnicodeEscape(out, c);
  }
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

unsigned char ByteAt(std::string_view text, size_t pos) {
  return pos < text.size() ? static_cast<unsigned char>(text[pos]) : 0;
}

// A WTF-8 surrogate (ED A0..BF xx) at `pos`, or 0.
uint32_t SurrogateAt(std::string_view text, size_t pos) {
  unsigned char second = ByteAt(text, pos + 1);
  unsigned char third = ByteAt(text, pos + 2);
  if (ByteAt(text, pos) != 0xED || second < 0xA0 || second > 0xBF || !IsContinuation(third)) {
    return 0;
  }
  return 0xD000u | ((second & 0x3Fu) << 6) | (third & 0x3Fu);
}

// Length of the well-formed UTF-8 sequence at `pos` (0 when ill-formed) and, when ill-formed,
// the length of its maximal valid prefix in `invalid_length` (the bytes one U+FFFD replaces).
size_t Utf8SequenceLength(std::string_view text, size_t pos, size_t& invalid_length) {
  unsigned char lead = ByteAt(text, pos);
  size_t length = 0;
  unsigned char lower = 0x80, upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lower = 0xA0;
    if (lead == 0xED) upper = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lower = 0x90;
    if (lead == 0xF4) upper = 0x8F;
  }
  invalid_length = 1;
  if (length == 0) return 0;
  unsigned char second = ByteAt(text, pos + 1);
  if (second < lower || second > upper) return 0;
  for (size_t i = 2; i < length; ++i) {
    invalid_length = i;
    if (!IsContinuation(ByteAt(text, pos + i))) return 0;
  }
  return length;
}

// Appends the non-ASCII character at `pos` and returns the bytes consumed.
size_t AppendNonAscii(std::string& out, std::string_view text, size_t pos) {
  if (uint32_t unit = SurrogateAt(text, pos)) {
    uint32_t low = unit <= 0xDBFF ? SurrogateAt(text, pos + 3) : 0;
    if (low >= 0xDC00) {  // a split pair: JavaScript sees one character
      uint32_t code_point = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      out += static_cast<char>(0xF0 | (code_point >> 18));
      out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code_point & 0x3F));
      return 6;
    }
    AppendUnicodeEscape(out, unit);
    return 3;
  }
  size_t invalid_length = 1;
  size_t length = Utf8SequenceLength(text, pos, invalid_length);
  if (length == 0) {
    out += "\xEF\xBF\xBD";
    return invalid_length;
  }
  out.append(text.substr(pos, length));
  return length;
}

// Appends the shortest round-trip digits of a finite positive `number` in the layout ECMAScript
// Number::toString (§6.1.6.1.20) prescribes for its decimal exponent.
void AppendPositiveNumber(std::string& out, double number) {
  std::array<char, 32> buffer;
  const char* end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number,
                                  std::chars_format::scientific)
                        .ptr;
  std::string_view scientific(buffer.data(), static_cast<size_t>(end - buffer.data()));
  size_t e = scientific.find('e');
  std::string digits;
  digits += scientific[0];
  if (e > 1) digits.append(scientific.substr(2, e - 2));
  int exponent = 0;  // d.ddd × 10^exponent
  const char* exponent_text = scientific.data() + e + 1;
  if (*exponent_text == '+') ++exponent_text;
  std::from_chars(exponent_text, end, exponent);
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;  // position of the decimal point
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<size_t>(n));
    out += '.';
    out.append(digits, static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += n - 1 < 0 ? "e-" : "e+";
    out += std::to_string(std::abs(n - 1));
  }
}

}  // namespace

// Bytes a JSON string can hold as they are (the common case: identifiers and ASCII text).
constexpr std::array<bool, 256> kPlainBytes = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  size_t pos = 0;
  while (pos < text.size()) {
    size_t run = pos;
    while (run < text.size() && kPlainBytes[static_cast<unsigned char>(text[run])]) ++run;
    out.append(text.substr(pos, run - pos));
    if (run == text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[run]);
    if (c < 0x80) {
      AppendEscapedAscii(out, c);
      pos = run + 1;
    } else {
      pos = run + AppendNonAscii(out, text, run);
    }
  }
  out += '"';
}

void AppendJsonNumber(std::string& out, double number) {
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  if (number == 0) {  // also -0
    out += '0';
    return;
  }
  if (number < 0) {
    out += '-';
    number = -number;
  }
  AppendPositiveNumber(out, number);
}

void JsonTextWriter::NewLine() {
  // One copy of "\n" and the indentation from a ready-made run of spaces.
  static const std::string kIndent = "\n" + std::string(4 * 64, ' ');
  size_t width = has_members_.size() * 4;
  if (width < kIndent.size()) {
    out_.append(kIndent.data(), width + 1);
  } else {
    out_ += '\n';
    out_.append(width, ' ');
  }
}

void JsonTextWriter::BeforeValue() {
  if (after_key_ || has_members_.empty()) {
    after_key_ = false;
    return;
  }
  // An array element.
  if (has_members_.back()) out_ += ',';
  has_members_.back() = true;
  NewLine();
}

void JsonTextWriter::Key(std::string_view key) {
  if (has_members_.back()) out_ += ',';
  has_members_.back() = true;
  NewLine();
  AppendJsonString(out_, key);
  out_ += ": ";
  after_key_ = true;
}

void JsonTextWriter::Open(char bracket) {
  BeforeValue();
  out_ += bracket;
  has_members_.push_back(false);
}

void JsonTextWriter::Close(char bracket) {
  bool had_members = has_members_.back();
  has_members_.pop_back();
  if (had_members) NewLine();
  out_ += bracket;
}

void JsonTextWriter::String(std::string_view text) {
  BeforeValue();
  AppendJsonString(out_, text);
}

void JsonTextWriter::Number(double number) {
  BeforeValue();
  AppendJsonNumber(out_, number);
}

void JsonTextWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonTextWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonTextWriter::StringArray(const std::vector<std::string>& items) {
  BeginArray();
  for (const std::string& item : items) String(item);
  EndArray();
}

void JsonTextWriter::Scalar(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::bool_:
      Bool(value.get_bool());
      break;
    case boost::json::kind::int64:
      Number(static_cast<double>(value.get_int64()));
      break;
    case boost::json::kind::uint64:
      Number(static_cast<double>(value.get_uint64()));
      break;
    case boost::json::kind::double_:
      Number(value.get_double());
      break;
    case boost::json::kind::string:
      String(value.get_string());
      break;
    default:
      Null();
      break;
  }
}

void JsonTextWriter::Value(const boost::json::value& value) { Nested(&value, nullptr); }

void JsonTextWriter::Object(const boost::json::object& object) { Nested(nullptr, &object); }

void JsonTextWriter::Nested(const boost::json::value* value, const boost::json::object* object) {
  // Each open container with the index of its next member.
  struct Frame {
    const boost::json::object* object;
    const boost::json::array* array;
    size_t next;
  };
  std::vector<Frame> stack;
  while (true) {
    if (value != nullptr) {
      object = value->if_object();
      if (object == nullptr && value->is_array()) {
        BeginArray();
        stack.push_back({nullptr, &value->get_array(), 0});
      } else if (object == nullptr) {
        Scalar(*value);
      }
    }
    if (object != nullptr) {
      BeginObject();
      stack.push_back({object, nullptr, 0});
    }
    value = nullptr;
    object = nullptr;
    while (!stack.empty() && value == nullptr) {
      Frame& top = stack.back();
      if (top.object != nullptr && top.next < top.object->size()) {
        const auto& member = *(top.object->begin() + static_cast<std::ptrdiff_t>(top.next++));
        Key(member.key());
        value = &member.value();
      } else if (top.array != nullptr && top.next < top.array->size()) {
        value = &(*top.array)[top.next++];
      } else {
        if (top.object != nullptr) {
          EndObject();
        } else {
          EndArray();
        }
        stack.pop_back();
      }
    }
    if (value == nullptr) return;
  }
}

std::string StringifyJson(const boost::json::value& value) {
  std::string out;
  JsonTextWriter writer(out);
  writer.Value(value);
  return out;
}

}  // namespace amplify::codegen
