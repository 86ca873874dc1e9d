#include "protocol/dispatcher.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/json/serialize.hpp>

#include "auth/sigv4.h"
#include "common/request_id.h"
#include "protocol/request_reader.h"
#include "protocol/response_writer.h"
#include "service/operation_table.h"

namespace amplify::protocol {
namespace {

void AddCommonHeaders(http::Response& r, const std::string& request_id) {
  r.headers.emplace_back("x-amzn-RequestId", request_id);
  r.headers.emplace_back("Access-Control-Allow-Origin", "*");
  r.headers.emplace_back("Access-Control-Expose-Headers", "x-amzn-RequestId,x-amzn-ErrorType");
}

http::Response Preflight(const http::Request& request) {
  http::Response r;
  r.status = 200;
  r.body = "{}";
  r.headers.emplace_back("Access-Control-Allow-Methods", "GET,POST,OPTIONS");
  r.headers.emplace_back("Access-Control-Allow-Headers",
                         request.access_control_request_headers.empty()
                             ? "Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,"
                               "X-Amz-User-Agent,amz-sdk-invocation-id,amz-sdk-request"
                             : request.access_control_request_headers);
  r.headers.emplace_back("Access-Control-Max-Age", "86400");
  return r;
}

}  // namespace

Dispatcher::Dispatcher(const service::Services& services, ops::Metrics& metrics)
    : services_(services), metrics_(metrics), started_(std::chrono::steady_clock::now()) {}

http::Response Dispatcher::Health() const {
  auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::steady_clock::now() - started_);
  boost::json::object body{{"status", "ok"},
                           {"version", AMPLIFYBACKEND_VERSION},
                           {"store", services_.store.Kind()},
                           {"uptimeSeconds", uptime.count()}};
  return SuccessResponse(body);
}

void Dispatcher::Handle(http::Request&& request, http::Responder respond) {
  auto start = std::chrono::steady_clock::now();
  std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
  if (request.method == "GET" && (path == "/_health" || path == "/_metrics")) {
    http::Response r;
    if (path == "/_health") {
      r = Health();
    } else {
      r.body = metrics_.Render(services_.jobs.Counts());
      r.content_type = "text/plain; version=0.0.4";
    }
    AddCommonHeaders(r, NextRequestId());
    return respond(std::move(r));
  }
  if (request.method == "OPTIONS" && router_.HasPath(request.target)) {
    http::Response r = Preflight(request);
    AddCommonHeaders(r, NextRequestId());
    return respond(std::move(r));
  }
  HandleOperation(std::move(request), std::move(respond), start);
}

void Dispatcher::HandleOperation(http::Request&& request, http::Responder respond,
                                 std::chrono::steady_clock::time_point start) {
  std::string request_id = NextRequestId();
  Result<RouteMatch> route = router_.Match(request.method, request.target);
  const model::Operation* op = route ? route->operation : nullptr;
  auto finish = [this, op, start, request_id, respond = std::move(respond)](http::Response r) {
    AddCommonHeaders(r, request_id);
    metrics_.Record(op, r.status,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                        .count());
    respond(std::move(r));
  };
  if (!route) return finish(ErrorResponse(route.error()));

  Result<boost::json::object> input =
      ReadRequest(*op, request.body, std::move(route.value().labels));
  if (!input) return finish(ErrorResponse(input.error()));
  service::OperationHandler handler = service::HandlerFor(op->id);
  if (!handler) {
    return finish(ErrorResponse(NotImplemented(
        fmt::format("{} is not implemented by this server yet.", op->name))));
  }
  // Shared so a handler that throws (an infrastructure failure) still gets an answer, once.
  auto done = std::make_shared<std::function<void(http::Response)>>(std::move(finish));
  auto reply_once = [done](http::Response r) {
    if (auto f = std::exchange(*done, nullptr)) f(std::move(r));
  };
  service::Call call{auth::ResolveScope(request.authorization, services_.config.default_region),
                     std::move(input.value()),
                     [reply_once, op](Result<boost::json::object> out) {
                       if (out) return reply_once(SuccessResponse(out.value()));
                       if (out.error().code == ErrorCode::kInternal) {
                         // Detail goes to the log, never to the client (DESIGN.md §2).
                         spdlog::error("{}: {}", op->name, out.error().message);
                         return reply_once(ErrorResponse(Internal("Internal server error.")));
                       }
                       reply_once(ErrorResponse(out.error()));
                     }};
  try {
    handler(services_, std::move(call));
  } catch (const std::exception& e) {
    spdlog::error("{} failed: {}", op->name, e.what());
    reply_once(ErrorResponse(Internal("Internal server error.")));
  }
}

}  // namespace amplify::protocol
