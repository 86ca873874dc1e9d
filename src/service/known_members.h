#pragma once
// Input members the service model defines. The request reader validates but keeps unknown
// members (docs/DECISIONS.md "Validation"); a configuration that is stored and reported
// back must hold only modelled members, or Get* would echo what no SDK can parse.
#include <boost/json/object.hpp>

namespace amplify::service {

// `input` reduced to the members of the model shape `shape` (model::shapes::k...), recursively
// through structures and lists. Values are otherwise copied as they are (already validated).
boost::json::object KnownMembers(const boost::json::object& input, int shape);

}  // namespace amplify::service
