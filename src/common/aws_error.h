#pragma once
// One value type for every error a client can see. The four modelled AWS errors
// (OPERATIONS.md §1.4) plus the protocol-level ones the transport and router produce.
#include <string>

namespace amplify {

enum class ErrorCode {
  kBadRequest,           // 400 BadRequestException
  kNotFound,             // 404 NotFoundException (resourceType)
  kTooManyRequests,      // 429 TooManyRequestsException (limitType)
  kGatewayTimeout,       // 504 GatewayTimeoutException
  kUnknownOperation,     // 404: no operation at this path
  kMethodNotAllowed,     // 405: path exists, method does not
  kPayloadTooLarge,      // 413
  kHeadersTooLarge,      // 431
  kNotImplemented,       // 501: operation routed, handler comes later
  kInternal,             // 500: our bug; detail goes to the log only
};

struct AwsError {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string resource_type;  // NotFoundException only
  std::string limit_type;     // TooManyRequestsException only
};

inline AwsError BadRequest(std::string message) {
  return {ErrorCode::kBadRequest, std::move(message), {}, {}};
}
inline AwsError NotFound(std::string resource_type, std::string message) {
  return {ErrorCode::kNotFound, std::move(message), std::move(resource_type), {}};
}
inline AwsError TooManyRequests(std::string limit_type, std::string message) {
  return {ErrorCode::kTooManyRequests, std::move(message), {}, std::move(limit_type)};
}
inline AwsError GatewayTimeout(std::string message) {
  return {ErrorCode::kGatewayTimeout, std::move(message), {}, {}};
}
inline AwsError UnknownOperation(std::string message) {
  return {ErrorCode::kUnknownOperation, std::move(message), {}, {}};
}
inline AwsError MethodNotAllowed(std::string message) {
  return {ErrorCode::kMethodNotAllowed, std::move(message), {}, {}};
}
inline AwsError NotImplemented(std::string message) {
  return {ErrorCode::kNotImplemented, std::move(message), {}, {}};
}
inline AwsError Internal(std::string message) {
  return {ErrorCode::kInternal, std::move(message), {}, {}};
}

// HTTP status and the X-Amzn-ErrorType value for a code.
int HttpStatusOf(ErrorCode code);
const char* ErrorTypeOf(ErrorCode code);

}  // namespace amplify
