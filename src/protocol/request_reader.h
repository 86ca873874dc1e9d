#pragma once
// Reads a rest-json request body and validates it against the operation's input shape
// (DESIGN.md §3 "Validation"): empty body = {}, malformed JSON or a non-object → 400, then
// required members (nested too), JSON types, enums and ranges. A JSON null counts as absent
// and is removed, so handlers never see one. Unknown members are ignored, as AWS does.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "model/service_model.h"

namespace amplify::protocol {

// The operation's input as one object keyed by wire names: body members plus path labels.
Result<boost::json::object> ReadRequest(
    const model::Operation& op, std::string_view body,
    std::vector<std::pair<std::string_view, std::string>> labels);

// Every problem of `value` against `shape`, as AWS-style constraint texts; empty when valid.
// `path` names the value in messages ("resourceConfig.userPoolConfigs").
void ValidateValue(boost::json::value& value, const model::Shape& shape, const std::string& path,
                   std::vector<std::string>& problems);

}  // namespace amplify::protocol
