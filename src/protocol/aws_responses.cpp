#include "protocol/aws_responses.h"

#include "common/json_writer.h"
#include "common/request_id.h"
#include "model/service_model.h"

namespace amplify::protocol {

http::Response SuccessResponse(std::string body) {
  http::Response r;
  r.status = 200;
  r.body = std::move(body);
  return r;
}

namespace {

// Every error body: {"message"} and the exception's extra member, if it has one.
http::Response WriteError(int status, std::string_view type, std::string_view message,
                          std::string_view extra_member, std::string_view extra_value) {
  http::Response r;
  r.status = status;
  JsonWriter json(r.body);
  json.BeginObject();
  json.Key("message");
  json.String(message);
  if (!extra_member.empty()) {
    json.Key(extra_member);
    json.String(extra_value);
  }
  json.EndObject();
  http::AddHeader(r, "X-Amzn-ErrorType", type);
  return r;
}

}  // namespace

http::Response ErrorResponse(const AwsError& error) {
  const model::ErrorSpec& spec = model::ErrorSpecOf(error.code);
  std::string_view extra_value = spec.extra_member == "resourceType" ? error.resource_type
                                 : spec.extra_member == "limitType"  ? error.limit_type
                                                                     : std::string_view();
  return WriteError(spec.http_status, spec.type, error.message, spec.extra_member, extra_value);
}

http::Response InjectedErrorResponse(int status, std::string_view type, std::string_view message) {
  return WriteError(status, type, message, {}, {});
}

http::Response TransportErrorResponse(http::TransportError error, std::string_view message) {
  AwsError aws;
  switch (error) {
    case http::TransportError::kMalformedRequest:
      aws = BadRequest(std::string(message));
      break;
    case http::TransportError::kBodyTooLarge:
      aws = PayloadTooLarge(std::string(message));
      break;
    case http::TransportError::kHeadersTooLarge:
      aws = HeadersTooLarge(std::string(message));
      break;
    case http::TransportError::kUriTooLong:
      aws = UriTooLong(std::string(message));
      break;
    case http::TransportError::kHandlerFailed:
      aws = Internal("Internal server error.");  // the detail is in the log, never sent
      break;
  }
  http::Response r = ErrorResponse(aws);
  AddCommonHeaders(r, NextRequestId().view());
  return r;
}

void AddCommonHeaders(http::Response& response, std::string_view request_id) {
  http::AddHeader(response, "x-amzn-RequestId", request_id);
  static constexpr std::string_view kCors =
      "Access-Control-Allow-Origin: *\r\n"
      "Access-Control-Expose-Headers: x-amzn-RequestId,x-amzn-ErrorType\r\n";
  response.headers.append(kCors);
}

}  // namespace amplify::protocol
