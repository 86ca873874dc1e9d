#pragma once
// Input members the service model defines. The request reader validates but keeps unknown
// members (README "Unknown members are ignored"); a configuration that is stored and reported
// back must hold only modelled members, or Get* would echo what no SDK can parse.
#include <boost/json/object.hpp>
#include <string_view>

namespace amplify::service {

// `input` reduced to the members of the model shape named `shape_name`, recursively through
// structures and lists. Values are otherwise copied as they are (already validated).
boost::json::object KnownMembers(const boost::json::object& input, std::string_view shape_name);

}  // namespace amplify::service
