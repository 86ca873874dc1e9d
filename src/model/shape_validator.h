#pragma once
// Validates a JSON value against a shape of the model: required members (nested too), JSON
// types, enums, ranges and identifiers (model/identifier_rules.h), each problem as an AWS-style
// constraint text. A JSON null counts as absent. The value is only read: callers that store
// what they validated keep it as it is.
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "model/service_model.h"

namespace amplify::model {

// Every problem of `value` against `shape`; empty when valid. `path` names the value in the
// messages ("resourceConfig.userPoolConfigs").
void Validate(const boost::json::value& value, const Shape& shape, const std::string& path,
              std::vector<std::string>& problems);

// "1 validation error detected: ...; ..." for a non-empty list of problems.
std::string ValidationMessage(const std::vector<std::string>& problems);

}  // namespace amplify::model
