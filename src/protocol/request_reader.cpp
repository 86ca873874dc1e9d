#include "protocol/request_reader.h"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <cmath>
#include <optional>
#include <string>

#include "model/identifier_rules.h"
#include "model/shape_validator.h"

namespace amplify::protocol {
namespace {

// Members that are null count as absent: removed, in nested objects too. Null list elements
// stay, for the validator to refuse.
void DropNulls(boost::json::value& v) {
  if (v.is_object()) {
    boost::json::object& obj = v.get_object();
    for (auto it = obj.begin(); it != obj.end();) {
      if (it->value().is_null()) {
        it = obj.erase(it);
      } else {
        DropNulls(it->value());
        ++it;
      }
    }
  } else if (v.is_array()) {
    for (boost::json::value& e : v.get_array()) DropNulls(e);
  }
}

// What a JSON body may hold that cannot be kept as sent: Boost.JSON 1.81 reads 1e400 as Infinity
// and 0e400 as NaN (and would write them back as bare `Infinity` / `NaN`, which no JSON reader
// accepts), and PostgreSQL text cannot hold U+0000, so neither store could keep it the same.
std::optional<std::string> Unstorable(const boost::json::value& v) {
  if (v.is_double() && !std::isfinite(v.get_double())) {
    return "The request body is not valid JSON: a number is out of range.";
  }
  if (v.is_string() && v.get_string().find('\0') != boost::json::string::npos) {
    return "A string in the request body contains U+0000, which cannot be stored.";
  }
  if (v.is_object()) {
    for (const auto& member : v.get_object()) {
      if (member.key().find('\0') != std::string_view::npos) {
        return "A member name in the request body contains U+0000.";
      }
      if (auto problem = Unstorable(member.value())) return problem;
    }
  } else if (v.is_array()) {
    for (const boost::json::value& e : v.get_array()) {
      if (auto problem = Unstorable(e)) return problem;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::unique_ptr<RequestInput>> ReadRequest(const model::Operation& op, std::string_view body,
                                                  Labels labels) {
  auto input = std::make_unique<RequestInput>();
  boost::json::storage_ptr storage(&input->arena_);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    input->value_ = boost::json::object(storage);  // SDKs send no body without body members
  } else {
    boost::system::error_code ec;
    input->value_ = boost::json::parse(body, ec, storage);
    if (ec) return BadRequest(fmt::format("The request body is not valid JSON: {}.", ec.message()));
    if (!input->value_.is_object()) return BadRequest("The request body must be a JSON object.");
    DropNulls(input->value_);
  }
  std::vector<std::string> problems;
  for (const auto& [wire, text] : labels) {
    if (std::optional<model::IdentifierRule> rule = model::IdentifierRuleFor(wire)) {
      if (auto problem = model::IdentifierProblem(*rule, wire, text)) {
        problems.push_back(std::move(*problem));
      }
    }
  }
  model::Validate(input->value_, model::ShapeAt(op.input), "", problems);
  if (!problems.empty()) return BadRequest(model::ValidationMessage(problems));
  // After validation, whose message names the member (an identifier holding U+0000, say).
  if (auto problem = Unstorable(input->value_)) return BadRequest(std::move(*problem));
  boost::json::object& object = input->value_.get_object();
  for (auto& [wire, text] : labels) object[wire] = text;
  return input;
}

}  // namespace amplify::protocol
