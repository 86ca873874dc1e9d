#include "protocol/output_conformance.h"

#include <fmt/format.h>

namespace amplify::protocol {

using model::ShapeKind;

std::vector<std::string> OutputProblems(const boost::json::value& v, const model::Shape& shape,
                                        const std::string& path) {
  std::vector<std::string> problems;
  auto wrong = [&](const char* expected) {
    problems.push_back(fmt::format("'{}' must be {}", path, expected));
  };
  switch (shape.kind) {
    case ShapeKind::kString:
    case ShapeKind::kTimestamp:
      if (!v.is_string()) wrong("a string");
      break;
    case ShapeKind::kBoolean:
      if (!v.is_bool()) wrong("a boolean");
      break;
    case ShapeKind::kInteger:
    case ShapeKind::kLong:
      if (!v.is_int64() && !v.is_uint64()) wrong("an integer");
      break;
    case ShapeKind::kDouble:
      if (!v.is_number()) wrong("a number");
      break;
    case ShapeKind::kList:
      if (!v.is_array()) {
        wrong("a list");
        break;
      }
      for (size_t i = 0; i < v.get_array().size(); ++i) {
        auto sub = OutputProblems(v.get_array()[i], model::ShapeAt(shape.element),
                                  fmt::format("{}[{}]", path, i));
        problems.insert(problems.end(), sub.begin(), sub.end());
      }
      break;
    case ShapeKind::kStructure:
      if (!v.is_object()) {
        wrong("an object");
        break;
      }
      for (const auto& kv : v.get_object()) {
        std::string child = path.empty() ? std::string(kv.key())
                                         : fmt::format("{}.{}", path, std::string(kv.key()));
        const model::Member* m = model::FindWireMember(shape, kv.key());
        if (!m || m->location != model::Location::kBody) {
          problems.push_back(fmt::format("'{}' is not a member of {}", child, shape.name));
          continue;
        }
        auto sub = OutputProblems(kv.value(), model::ShapeAt(m->shape), child);
        problems.insert(problems.end(), sub.begin(), sub.end());
      }
      break;
  }
  return problems;
}

}  // namespace amplify::protocol
