#include "service/services.h"

namespace amplify::service {

std::string StringMember(const boost::json::object& input, std::string_view wire) {
  const boost::json::value* v = input.if_contains(wire);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

}  // namespace amplify::service
