#pragma once
// Checks an operation's output against its output shape: tests run it over every success, so
// no handler can emit a member SDKs do not know or a value of the wrong JSON type.
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "model/service_model.h"

namespace amplify::protocol {

// Members of `output` that the shape does not define, or whose JSON type is wrong: empty when
// the output is exactly what SDKs expect.
std::vector<std::string> OutputProblems(const boost::json::value& output, const model::Shape& shape,
                                        const std::string& path = "");

}  // namespace amplify::protocol
