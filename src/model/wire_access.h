#pragma once
// Reading members of a JSON object through the model's member handles (members_generated.h):
//   std::string_view app = Get(input, members::CreateBackendRequest::AppId);
// A misspelt member does not compile. The object is one the validator accepted, so a member
// is absent (also when null) or of its shape's kind.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string_view>

#include "model/member_handles.h"

namespace amplify::model {

// The string, or "" when absent.
inline std::string_view Get(const boost::json::object& o, StringMember m) {
  const boost::json::value* v = o.if_contains(m.wire);
  return v && v->is_string() ? std::string_view(v->get_string()) : std::string_view();
}
// The string, or nullopt when absent (tells an absent member from an empty one).
inline std::optional<std::string_view> Find(const boost::json::object& o, StringMember m) {
  const boost::json::value* v = o.if_contains(m.wire);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string_view(v->get_string());
}
inline std::optional<bool> Get(const boost::json::object& o, BoolMember m) {
  const boost::json::value* v = o.if_contains(m.wire);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->get_bool();
}
// Integers arrive as JSON numbers; the validator accepted only integral ones.
inline std::optional<int64_t> Get(const boost::json::object& o, IntegerMember m) {
  const boost::json::value* v = o.if_contains(m.wire);
  if (!v || !v->is_number()) return std::nullopt;
  return v->to_number<int64_t>();
}
inline const boost::json::object* Get(const boost::json::object& o, StructureMember m) {
  const boost::json::value* v = o.if_contains(m.wire);
  return v && v->is_object() ? &v->get_object() : nullptr;
}
inline const boost::json::array* Get(const boost::json::object& o, ListMember m) {
  const boost::json::value* v = o.if_contains(m.wire);
  return v && v->is_array() ? &v->get_array() : nullptr;
}

}  // namespace amplify::model
