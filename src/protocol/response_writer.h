#pragma once
// Writes success and error responses in rest-json (OPERATIONS.md §1.3, §1.4).
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "common/aws_error.h"
#include "http/message.h"
#include "model/service_model.h"

namespace amplify::protocol {

http::Response SuccessResponse(const boost::json::object& output);

// Status + X-Amzn-ErrorType + {"message", resourceType|limitType}; never a `code` key.
http::Response ErrorResponse(const AwsError& error);

// Members of `output` that the output shape does not define, or whose JSON type is wrong:
// empty when the output is exactly what SDKs expect. Used by tests over every handler.
std::vector<std::string> OutputProblems(const boost::json::value& output,
                                        const model::Shape& shape, const std::string& path = "");

}  // namespace amplify::protocol
