#include "codegen/directive_values.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "codegen/json_text.h"

namespace amplify::codegen {
namespace {

// The parser bounds nesting; this only keeps hand-built documents from exhausting the stack.
constexpr int kMaxValueDepth = 512;

constexpr double kMaxSafeInteger = 9007199254740991.0;

// A JavaScript number kept as an integer when it is one JSON can print exactly.
boost::json::value NumberValue(double number, const boost::json::storage_ptr& storage) {
  if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) <= kMaxSafeInteger) {
    return boost::json::value(static_cast<std::int64_t>(number), storage);
  }
  return boost::json::value(number, storage);
}

double ParseDouble(const std::string& text) {
  double number = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), number);
  if (result.ec == std::errc::result_out_of_range) {
    return text.find_first_of("eE") != std::string::npos &&
                   text.find("e-") == std::string::npos && text.find("E-") == std::string::npos
               ? (text[0] == '-' ? -HUGE_VAL : HUGE_VAL)
               : 0.0;
  }
  return number;
}

std::optional<boost::json::value> Convert(const Value& value, int depth,
                                          const boost::json::storage_ptr& storage) {
  if (depth > kMaxValueDepth) return boost::json::value(nullptr, storage);
  switch (value.kind) {
    case Value::Kind::Null: return boost::json::value(nullptr, storage);
    case Value::Kind::Int:
    case Value::Kind::Float: return NumberValue(ParseDouble(value.text), storage);
    case Value::Kind::String:
    case Value::Kind::Enum: return boost::json::value(boost::json::string(value.text, storage));
    case Value::Kind::Boolean: return boost::json::value(value.boolean, storage);
    case Value::Kind::Variable: return std::nullopt;
    case Value::Kind::List: {
      boost::json::array items(storage);
      items.reserve(value.items.size());
      for (const Value& item : value.items) {
        std::optional<boost::json::value> converted = Convert(item, depth + 1, storage);
        items.push_back(converted ? std::move(*converted) : boost::json::value(nullptr, storage));
      }
      return boost::json::value(std::move(items));
    }
    case Value::Kind::Object: {
      boost::json::object object(storage);
      for (const ObjectField& field : value.fields) {
        std::optional<boost::json::value> converted = Convert(field.value, depth + 1, storage);
        if (converted) {
          object[field.name] = std::move(*converted);
        } else if (object.contains(field.name)) {
          // An undefined value replaces an earlier one; JSON then omits the key.
          boost::json::object without(storage);
          for (auto& member : object) {
            if (member.key() != field.name) without[member.key()] = std::move(member.value());
          }
          object = std::move(without);
        }
      }
      return boost::json::value(std::move(object));
    }
  }
  return boost::json::value(nullptr, storage);
}

bool WrapsReferences(const std::string& directive_name) {
  return directive_name == "hasOne" || directive_name == "belongsTo" ||
         directive_name == "hasMany";
}

}  // namespace

std::optional<boost::json::value> ValueFromAst(const Value& value,
                                               const boost::json::storage_ptr& storage) {
  return Convert(value, 0, storage);
}

std::vector<CodeGenDirective> ConvertDirectives(const std::vector<Directive>& directives,
                                               const boost::json::storage_ptr& storage) {
  std::vector<CodeGenDirective> converted;
  converted.reserve(directives.size());
  for (const Directive& directive : directives) {
    CodeGenDirective out;
    out.name = directive.name;
    out.location = directive.location;
    out.arguments = boost::json::object(storage);
    for (const Argument& argument : directive.arguments) {
      // A variable (undefined) argument is left out: JSON.stringify omits it too.
      std::optional<boost::json::value> value = ValueFromAst(argument.value, storage);
      if (value) out.arguments[argument.name] = std::move(*value);
    }
    if (WrapsReferences(directive.name)) {
      boost::json::value* references = out.arguments.if_contains("references");
      if (IsTruthy(references) && !references->is_array()) {
        boost::json::array wrapped(storage);
        wrapped.push_back(std::move(*references));
        *references = std::move(wrapped);
      }
    }
    converted.push_back(std::move(out));
  }
  return converted;
}

bool IsTruthy(const boost::json::value* value) {
  if (value == nullptr) return false;
  switch (value->kind()) {
    case boost::json::kind::null: return false;
    case boost::json::kind::bool_: return value->get_bool();
    case boost::json::kind::int64: return value->get_int64() != 0;
    case boost::json::kind::uint64: return value->get_uint64() != 0;
    case boost::json::kind::double_: return value->get_double() != 0 && !std::isnan(value->get_double());
    case boost::json::kind::string: return !value->get_string().empty();
    default: return true;
  }
}

const boost::json::value* FindMember(const boost::json::object& object, std::string_view key) {
  return object.if_contains(key);
}

std::vector<boost::json::value> SpreadList(const boost::json::value* value) {
  std::vector<boost::json::value> items;
  if (!IsTruthy(value)) return items;
  if (const boost::json::array* array = value->if_array()) {
    items.assign(array->begin(), array->end());
  } else if (const boost::json::string* text = value->if_string()) {
    for (char c : *text) items.emplace_back(boost::json::string(1, c));
  }
  return items;
}

void AppendCompactJson(std::string& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null: out += "null"; return;
    case boost::json::kind::bool_: out += value.get_bool() ? "true" : "false"; return;
    case boost::json::kind::int64: AppendJsonNumber(out, static_cast<double>(value.get_int64())); return;
    case boost::json::kind::uint64: AppendJsonNumber(out, static_cast<double>(value.get_uint64())); return;
    case boost::json::kind::double_: AppendJsonNumber(out, value.get_double()); return;
    case boost::json::kind::string: AppendJsonString(out, value.get_string()); return;
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const boost::json::value& item : value.get_array()) {
        if (!first) out += ',';
        first = false;
        AppendCompactJson(out, item);
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& member : value.get_object()) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, member.key());
        out += ':';
        AppendCompactJson(out, member.value());
      }
      out += '}';
      return;
    }
  }
}

std::string StringifyCompact(const boost::json::value& value) {
  std::string out;
  AppendCompactJson(out, value);
  return out;
}

std::string ScalarToString(const boost::json::value& value) {
  if (const boost::json::string* text = value.if_string()) return std::string(*text);
  if (value.is_bool()) return value.get_bool() ? "true" : "false";
  if (value.is_null()) return "null";
  if (value.is_number()) {
    std::string out;
    AppendJsonNumber(out, value.to_number<double>());
    return out;
  }
  return "";
}

}  // namespace amplify::codegen
