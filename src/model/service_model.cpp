#include "model/service_model.h"

namespace amplify::model {

const Shape* FindShape(std::string_view name) {
  for (const Shape& s : kShapes)
    if (s.name == name) return &s;
  return nullptr;
}

const Operation* FindOperation(std::string_view name) {
  for (const Operation& op : kOperations)
    if (op.name == name) return &op;
  return nullptr;
}

const Member* FindWireMember(const Shape& shape, std::string_view wire) {
  for (const Member& m : shape.members)
    if (m.wire == wire) return &m;
  return nullptr;
}

}  // namespace amplify::model
