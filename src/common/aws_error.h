#pragma once
// One value type for every error a client can see. The codes, their HTTP statuses and
// X-Amzn-ErrorType values come from the service model (model/service_model_generated.h): the
// model's four exceptions plus the protocol errors the transport and router produce.
#include <string>

#include "model/service_model_generated.h"

namespace amplify {

using model::ErrorCode;

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
inline AwsError PayloadTooLarge(std::string message) {
  return {ErrorCode::kPayloadTooLarge, std::move(message), {}, {}};
}
inline AwsError HeadersTooLarge(std::string message) {
  return {ErrorCode::kHeadersTooLarge, std::move(message), {}, {}};
}
inline AwsError UriTooLong(std::string message) {
  return {ErrorCode::kUriTooLong, std::move(message), {}, {}};
}
// The 403s of SigV4 verification: kMissingAuthenticationToken, kIncompleteSignature,
// kUnrecognizedClient or kInvalidSignature.
inline AwsError AuthFailure(ErrorCode code, std::string message) {
  return {code, std::move(message), {}, {}};
}
inline AwsError Internal(std::string message) {
  return {ErrorCode::kInternal, std::move(message), {}, {}};
}

// HTTP status and the X-Amzn-ErrorType value for a code (the model's error table).
int HttpStatusOf(ErrorCode code);
std::string_view ErrorTypeOf(ErrorCode code);

}  // namespace amplify
