#include "protocol/request_reader.h"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <cmath>

namespace amplify::protocol {
namespace {

using boost::json::value;
using model::Shape;
using model::ShapeKind;

std::string Join(std::span<const std::string_view> values) {
  std::string out;
  for (std::string_view v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

void Problem(std::vector<std::string>& problems, std::string text) {
  problems.push_back(std::move(text));
}

void ValidateString(const value& v, const Shape& shape, const std::string& path,
                    std::vector<std::string>& problems) {
  if (!v.is_string()) {
    Problem(problems, fmt::format("Value at '{}' failed to satisfy constraint: Member must be a "
                                  "string",
                                  path));
    return;
  }
  if (shape.enum_values.empty()) return;
  std::string_view s = v.get_string();
  for (std::string_view allowed : shape.enum_values)
    if (allowed == s) return;
  Problem(problems, fmt::format("Value '{}' at '{}' failed to satisfy constraint: Member must "
                                "satisfy enum value set: [{}]",
                                s, path, Join(shape.enum_values)));
}

void ValidateInteger(const value& v, const Shape& shape, const std::string& path,
                     std::vector<std::string>& problems) {
  int64_t n = 0;
  if (v.is_int64()) {
    n = v.get_int64();
  } else if (v.is_uint64() && v.get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
    n = static_cast<int64_t>(v.get_uint64());
  } else if (v.is_double() && std::trunc(v.get_double()) == v.get_double() &&
             std::fabs(v.get_double()) < 9e15) {
    n = static_cast<int64_t>(v.get_double());
  } else {
    Problem(problems, fmt::format("Value at '{}' failed to satisfy constraint: Member must be an "
                                  "integer",
                                  path));
    return;
  }
  if (shape.has_min && n < shape.min) {
    Problem(problems, fmt::format("Value '{}' at '{}' failed to satisfy constraint: Member must "
                                  "have value greater than or equal to {}",
                                  n, path, shape.min));
  }
  if (shape.has_max && n > shape.max) {
    Problem(problems, fmt::format("Value '{}' at '{}' failed to satisfy constraint: Member must "
                                  "have value less than or equal to {}",
                                  n, path, shape.max));
  }
}

void ValidateStructure(value& v, const Shape& shape, const std::string& path,
                       std::vector<std::string>& problems) {
  if (!v.is_object()) {
    Problem(problems, fmt::format("Value at '{}' failed to satisfy constraint: Member must be an "
                                  "object",
                                  path));
    return;
  }
  boost::json::object& obj = v.get_object();
  for (auto it = obj.begin(); it != obj.end();) {
    if (it->value().is_null()) {
      it = obj.erase(it);  // null counts as absent
    } else {
      ++it;
    }
  }
  for (const model::Member& m : shape.members) {
    if (m.location != model::Location::kBody) continue;
    std::string child = path.empty() ? std::string(m.wire) : fmt::format("{}.{}", path, m.wire);
    auto* found = obj.if_contains(m.wire);
    if (!found) {
      if (m.required) {
        Problem(problems, fmt::format("Value null at '{}' failed to satisfy constraint: Member "
                                      "must not be null",
                                      child));
      }
      continue;
    }
    ValidateValue(*found, model::ShapeAt(m.shape), child, problems);
  }
}

}  // namespace

void ValidateValue(value& v, const Shape& shape, const std::string& path,
                   std::vector<std::string>& problems) {
  switch (shape.kind) {
    case ShapeKind::kString:
    case ShapeKind::kTimestamp:
      ValidateString(v, shape, path, problems);
      return;
    case ShapeKind::kBoolean:
      if (!v.is_bool()) {
        Problem(problems, fmt::format("Value at '{}' failed to satisfy constraint: Member must be "
                                      "a boolean",
                                      path));
      }
      return;
    case ShapeKind::kInteger:
    case ShapeKind::kLong:
      ValidateInteger(v, shape, path, problems);
      return;
    case ShapeKind::kDouble:
      // Any finite JSON number (OPERATIONS.md §1.2: JS sends 8 for 8.0).
      if (!v.is_number()) {
        Problem(problems, fmt::format("Value at '{}' failed to satisfy constraint: Member must be "
                                      "a number",
                                      path));
      }
      return;
    case ShapeKind::kStructure:
      ValidateStructure(v, shape, path, problems);
      return;
    case ShapeKind::kList: {
      if (!v.is_array()) {
        Problem(problems, fmt::format("Value at '{}' failed to satisfy constraint: Member must be "
                                      "a list",
                                      path));
        return;
      }
      const Shape& element = model::ShapeAt(shape.element);
      boost::json::array& arr = v.get_array();
      for (size_t i = 0; i < arr.size(); ++i) {
        if (arr[i].is_null()) {
          Problem(problems, fmt::format("Value null at '{}.{}' failed to satisfy constraint: "
                                        "Member must not be null",
                                        path, i + 1));
          continue;
        }
        ValidateValue(arr[i], element, fmt::format("{}.{}", path, i + 1), problems);
      }
      return;
    }
  }
}

Result<boost::json::object> ReadRequest(
    const model::Operation& op, std::string_view body,
    std::vector<std::pair<std::string_view, std::string>> labels) {
  value parsed;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    parsed = boost::json::object();  // SDKs send no body for operations without body members
  } else {
    boost::system::error_code ec;
    parsed = boost::json::parse(body, ec);
    if (ec) return BadRequest(fmt::format("The request body is not valid JSON: {}.", ec.message()));
    if (!parsed.is_object()) return BadRequest("The request body must be a JSON object.");
  }
  std::vector<std::string> problems;
  ValidateValue(parsed, model::ShapeAt(op.input), "", problems);
  if (!problems.empty()) {
    std::string message = fmt::format("{} validation error{} detected: ", problems.size(),
                                      problems.size() == 1 ? "" : "s");
    for (size_t i = 0; i < problems.size(); ++i) {
      if (i) message += "; ";
      message += problems[i];
    }
    return BadRequest(std::move(message));
  }
  boost::json::object& input = parsed.get_object();
  for (auto& [wire, text] : labels) input[wire] = text;
  return std::move(input);
}

}  // namespace amplify::protocol
