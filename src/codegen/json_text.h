#pragma once
// JSON text exactly as JavaScript's `JSON.stringify(value, null, 4)` prints it: the reference
// codegen writes both of its outputs that way, and clients compare them byte for byte.
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace amplify::codegen {

// `text` as a JSON string literal: `"` `\` and control characters escaped as JSON.stringify
// does (\b \f \n \r \t, others as \u00xx), everything else raw UTF-8. Lone surrogates, which
// arrive WTF-8 encoded (ED A0..BF xx), print as \udxxx; other ill-formed bytes become U+FFFD.
void AppendJsonString(std::string& out, std::string_view text);

// `number` as Number.prototype.toString prints it (shortest round trip, `1e+21`, `1e-7`, -0 as
// 0); NaN and ±Infinity print as `null`, as JSON.stringify does.
void AppendJsonNumber(std::string& out, double number);

// Writes JSON.stringify(…, null, 4) text one member at a time into a caller's string, so the
// writers need no intermediate DOM. Empty objects and arrays print as `{}` and `[]`.
class JsonTextWriter {
 public:
  explicit JsonTextWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  // The next member's key; the value written next belongs to it.
  void Key(std::string_view key);

  void String(std::string_view text);
  void Number(double number);
  void Bool(bool value);
  void Null();
  // A whole boost::json value (directive arguments), nested at the current depth. Iterative, so
  // deeply nested user input cannot exhaust the stack.
  void Value(const boost::json::value& value);
  void Object(const boost::json::object& object);

  // Shorthands for the common `"key": value` members.
  void Member(std::string_view key, std::string_view text) {
    Key(key);
    String(text);
  }
  void Member(std::string_view key, const char* text) {
    Key(key);
    String(text);
  }
  void Member(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  void StringArray(const std::vector<std::string>& items);

 private:
  void BeforeValue();
  void NewLine();
  void Open(char bracket);
  void Close(char bracket);
  void Scalar(const boost::json::value& value);
  // Writes the value or, when `value` is null, the object (Value and Object share the walk).
  void Nested(const boost::json::value* value, const boost::json::object* object);

  std::string& out_;
  // One entry per open container: whether it has a member yet.
  std::vector<bool> has_members_;
  bool after_key_ = false;
};

// JSON.stringify(value, null, 4).
std::string StringifyJson(const boost::json::value& value);

}  // namespace amplify::codegen
