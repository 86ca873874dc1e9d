#pragma once
// AWS-shaped responses in rest-json: a success body, and the one error writer every error goes
// through — protocol errors, the modelled AWS errors and the transport's own (malformed or
// oversized requests): status, X-Amzn-ErrorType, {"message", resourceType | limitType}.
#include <string>
#include <string_view>

#include "common/aws_error.h"
#include "http/message.h"

namespace amplify::protocol {

// 200 with the operation's output (JSON text).
http::Response SuccessResponse(std::string body);

// Status + X-Amzn-ErrorType + {"message", resourceType|limitType}; never a `code` key.
http::Response ErrorResponse(const AwsError& error);

// An error of any status and type, as a /_chaos/faults rule asks: written like every other
// error, so a client cannot tell it from a real one but by its message.
http::Response InjectedErrorResponse(int status, std::string_view type, std::string_view message);

// The transport's errors as AWS errors, with the headers every response carries
// (http::ServerOptions::error_writer).
http::Response TransportErrorResponse(http::TransportError error, std::string_view message);

// x-amzn-RequestId and the CORS headers every response carries.
void AddCommonHeaders(http::Response& response, std::string_view request_id);

}  // namespace amplify::protocol
