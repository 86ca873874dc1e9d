#pragma once
// The request path after the transport (DESIGN.md §2): operational endpoints, CORS, routing,
// account/region, reading + validating the input, the operation's handler, and the response.
#include <chrono>
#include <string>

#include "http/message.h"
#include "ops/metrics.h"
#include "protocol/router.h"
#include "service/services.h"

namespace amplify::protocol {

class Dispatcher {
 public:
  Dispatcher(const service::Services& services, ops::Metrics& metrics);
  void Handle(http::Request&& request, http::Responder respond);

 private:
  void HandleOperation(http::Request&& request, http::Responder respond,
                       std::chrono::steady_clock::time_point start);
  http::Response Health() const;

  const service::Services& services_;
  ops::Metrics& metrics_;
  Router router_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace amplify::protocol
