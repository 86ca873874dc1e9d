#include "common/aws_error.h"

namespace amplify {

int HttpStatusOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kTooManyRequests: return 429;
    case ErrorCode::kGatewayTimeout: return 504;
    case ErrorCode::kUnknownOperation: return 404;
    case ErrorCode::kMethodNotAllowed: return 405;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kHeadersTooLarge: return 431;
    case ErrorCode::kNotImplemented: return 501;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

const char* ErrorTypeOf(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return "BadRequestException";
    case ErrorCode::kNotFound: return "NotFoundException";
    case ErrorCode::kTooManyRequests: return "TooManyRequestsException";
    case ErrorCode::kGatewayTimeout: return "GatewayTimeoutException";
    case ErrorCode::kUnknownOperation: return "UnknownOperationException";
    case ErrorCode::kMethodNotAllowed: return "MethodNotAllowedException";
    case ErrorCode::kPayloadTooLarge: return "RequestEntityTooLargeException";
    case ErrorCode::kHeadersTooLarge: return "RequestHeaderFieldsTooLargeException";
    case ErrorCode::kNotImplemented: return "NotImplementedException";
    case ErrorCode::kInternal: return "InternalFailure";
  }
  return "InternalFailure";
}

}  // namespace amplify
