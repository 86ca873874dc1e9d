#pragma once
// Transport-neutral request/response: handlers and the protocol layer never see Beast.
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace amplify::http {

struct Request {
  std::string method;  // "GET", "POST", "OPTIONS", ...
  std::string target;  // raw request-target, e.g. "/prod/backend/app%201/details?x=1"
  std::string body;
  std::string authorization;  // Authorization header ("" if absent)
  std::string origin;         // Origin header ("" if absent)
  std::string access_control_request_headers;  // for CORS preflight
};

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

// Completes a request. May be called from any thread, exactly once.
using Responder = std::function<void(Response)>;
using Handler = std::function<void(Request&&, Responder)>;

}  // namespace amplify::http
