#pragma once
// Writes JSON text straight into a string: no tree of values, no allocation per member. The
// request path builds every response body with it. (codegen/json_text.h is the other writer:
// JavaScript's pretty-printed JSON.stringify, byte for byte, for the generated models.) Text is
// always valid UTF-8 JSON: strings are escaped, and bytes that are not UTF-8 become U+FFFD
// (whatever bytes a request carried).
#include <cstdint>
#include <string>
#include <string_view>

#include "model/member_handles.h"

namespace amplify {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  void Key(std::string_view key);
  void String(std::string_view text);
  void Int(int64_t value);
  void Bool(bool value);
  // A value that is already JSON text (a stored document), written as it is.
  void Raw(std::string_view json);

  // Members named through the model (members_generated.h).
  void Member(model::StringMember m, std::string_view text) {
    Key(m.wire);
    String(text);
  }
  void Member(model::BoolMember m, bool value) {
    Key(m.wire);
    Bool(value);
  }
  void Member(model::IntegerMember m, int64_t value) {
    Key(m.wire);
    Int(value);
  }
  // The caller writes the object or list itself, right after.
  void Key(model::StructureMember m) { Key(m.wire); }
  void Key(model::ListMember m) { Key(m.wire); }

 private:
  void Open(char c);
  void Close(char c);
  void BeforeValue();

  std::string& out_;
  // Whether the container being written already has an element (bit per nesting level).
  uint64_t has_element_ = 0;
  int depth_ = 0;
  bool after_key_ = false;
};

// `text` as a JSON string literal, quotes included (for error bodies and tests).
std::string JsonQuote(std::string_view text);

// Appends `text` escaped for a JSON string (no quotes); invalid UTF-8 becomes U+FFFD.
void AppendJsonEscaped(std::string& out, std::string_view text);

}  // namespace amplify
