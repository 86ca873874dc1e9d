#include "service/known_members.h"

#include <boost/json/array.hpp>

#include "model/service_model.h"

namespace amplify::service {
namespace {

boost::json::value Project(const boost::json::value& v, const model::Shape& shape) {
  if (shape.kind == model::ShapeKind::kStructure && v.is_object()) {
    boost::json::object out;
    const boost::json::object& in = v.get_object();
    for (const model::Member& m : shape.members) {
      if (m.location != model::Location::kBody) continue;
      if (const boost::json::value* child = in.if_contains(m.wire); child && !child->is_null()) {
        out[m.wire] = Project(*child, model::ShapeAt(m.shape));
      }
    }
    return out;
  }
  if (shape.kind == model::ShapeKind::kList && v.is_array()) {
    boost::json::array out;
    for (const boost::json::value& e : v.get_array()) {
      out.push_back(Project(e, model::ShapeAt(shape.element)));
    }
    return out;
  }
  return v;
}

}  // namespace

boost::json::object KnownMembers(const boost::json::object& input, int shape) {
  boost::json::value projected = Project(input, model::ShapeAt(shape));
  return projected.is_object() ? std::move(projected.get_object()) : boost::json::object();
}

}  // namespace amplify::service
