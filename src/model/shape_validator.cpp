#include "model/shape_validator.h"

#include <fmt/format.h>

#include <cmath>

#include "model/identifier_rules.h"

namespace amplify::model {
namespace {

using boost::json::value;

std::string Join(std::span<const std::string_view> values) {
  std::string out;
  for (std::string_view v : values) {
    if (!out.empty()) out += ", ";
    out += v;
  }
  return out;
}

void MustBe(std::vector<std::string>& problems, const std::string& path, const char* what) {
  problems.push_back(
      fmt::format("Value at '{}' failed to satisfy constraint: Member must be {}", path, what));
}

void ValidateString(const value& v, const Shape& shape, const std::string& path,
                    std::vector<std::string>& problems) {
  if (!v.is_string()) return MustBe(problems, path, "a string");
  if (shape.enum_values.empty()) return;
  std::string_view s = v.get_string();
  for (std::string_view allowed : shape.enum_values)
    if (allowed == s) return;
  problems.push_back(fmt::format(
      "Value '{}' at '{}' failed to satisfy constraint: Member must satisfy enum value set: [{}]",
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
    return MustBe(problems, path, "an integer");
  }
  if (shape.has_min && n < shape.min) {
    problems.push_back(
        fmt::format("Value '{}' at '{}' failed to satisfy constraint: Member must "
                    "have value greater than or equal to {}",
                    n, path, shape.min));
  }
  if (shape.has_max && n > shape.max) {
    problems.push_back(
        fmt::format("Value '{}' at '{}' failed to satisfy constraint: Member must "
                    "have value less than or equal to {}",
                    n, path, shape.max));
  }
}

void ValidateStructure(const value& v, const Shape& shape, const std::string& path,
                       std::vector<std::string>& problems) {
  if (!v.is_object()) return MustBe(problems, path, "an object");
  const boost::json::object& obj = v.get_object();
  for (const Member& m : shape.members) {
    if (m.location != Location::kBody) continue;
    std::string child = path.empty() ? std::string(m.wire) : fmt::format("{}.{}", path, m.wire);
    const value* found = obj.if_contains(m.wire);
    if (!found || found->is_null()) {
      if (m.required) {
        problems.push_back(fmt::format(
            "Value null at '{}' failed to satisfy constraint: Member must not be null", child));
      }
      continue;
    }
    Validate(*found, ShapeAt(m.shape), child, problems);
    if (std::optional<IdentifierRule> rule = IdentifierRuleFor(m.wire); rule && found->is_string()) {
      if (auto problem = IdentifierProblem(*rule, child, found->get_string())) {
        problems.push_back(std::move(*problem));
      }
    }
  }
}

void ValidateList(const value& v, const Shape& shape, const std::string& path,
                  std::vector<std::string>& problems) {
  if (!v.is_array()) return MustBe(problems, path, "a list");
  const Shape& element = ShapeAt(shape.element);
  const boost::json::array& arr = v.get_array();
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string child = fmt::format("{}.{}", path, i + 1);
    if (arr[i].is_null()) {
      problems.push_back(fmt::format(
          "Value null at '{}' failed to satisfy constraint: Member must not be null", child));
      continue;
    }
    Validate(arr[i], element, child, problems);
  }
}

}  // namespace

void Validate(const value& v, const Shape& shape, const std::string& path,
              std::vector<std::string>& problems) {
  switch (shape.kind) {
    case ShapeKind::kString:
    case ShapeKind::kTimestamp:
      return ValidateString(v, shape, path, problems);
    case ShapeKind::kBoolean:
      if (!v.is_bool()) MustBe(problems, path, "a boolean");
      return;
    case ShapeKind::kInteger:
    case ShapeKind::kLong:
      return ValidateInteger(v, shape, path, problems);
    case ShapeKind::kDouble:
      // Any finite JSON number: JavaScript sends 8 for 8.0.
      if (!v.is_number()) MustBe(problems, path, "a number");
      return;
    case ShapeKind::kStructure:
      return ValidateStructure(v, shape, path, problems);
    case ShapeKind::kList:
      return ValidateList(v, shape, path, problems);
  }
}

std::string ValidationMessage(const std::vector<std::string>& problems) {
  std::string message = fmt::format("{} validation error{} detected: ", problems.size(),
                                    problems.size() == 1 ? "" : "s");
  for (size_t i = 0; i < problems.size(); ++i) {
    if (i) message += "; ";
    message += problems[i];
  }
  return message;
}

}  // namespace amplify::model
