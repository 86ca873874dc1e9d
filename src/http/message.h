#pragma once
// Transport-neutral request/response: handlers and the protocol layer never see Beast.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace amplify::http {

struct Request {
  std::string method;  // "GET", "POST", "OPTIONS", ...
  std::string target;  // raw request-target, e.g. "/prod/backend/app%201/details?x=1"
  std::string body;
  std::string authorization;                   // Authorization header ("" if absent)
  std::string origin;                          // Origin header ("" if absent)
  std::string access_control_request_headers;  // for CORS preflight
  std::string accept;                          // Accept: a browser's GET / goes to the console
  std::string if_none_match;                   // revalidating a console file
  // Every header field as received, in order (name as sent, raw value). Kept only when the
  // server is asked to (ServerOptions::keep_headers: SigV4 verification needs the signed ones).
  std::vector<std::pair<std::string, std::string>> headers;
};

struct Response {
  int status = 200;
  std::string body;
  std::string_view content_type = "application/json";  // static text
  // Extra header lines, "Name: value\r\n" each; AddHeader appends them safely.
  std::string headers;
};

// Appends a header line, unless the name is not an HTTP token, the value holds CR or LF, or the
// name is a framing header the transport writes itself (Content-Length, Connection, ...).
void AddHeader(Response& response, std::string_view name, std::string_view value);

// Where a Responder delivers: the connection (http/connection.h), or a test's functions.
class ResponseSink {
 public:
  virtual ~ResponseSink() = default;
  virtual void Complete(uint64_t sequence, Response&& response) = 0;
  virtual void Post(std::function<void()> work) = 0;
  // Runs `work` on the same thread after `delay`, on a timer: the thread serves others meanwhile.
  virtual void PostAfter(std::chrono::milliseconds delay, std::function<void()> work) = 0;
};

// Completes one request: small, copyable, usable from any thread.
class Responder {
 public:
  Responder() = default;
  Responder(std::shared_ptr<ResponseSink> sink, uint64_t sequence)
      : sink_(std::move(sink)), sequence_(sequence) {}

  // Sends the response; only the first call for a request counts.
  void operator()(Response response) const { sink_->Complete(sequence_, std::move(response)); }
  // Runs `work` on the thread that owns the request's connection (its event loop), e.g. to
  // build a response there once a store thread has finished its part.
  void Post(std::function<void()> work) const { sink_->Post(std::move(work)); }
  // The same after `delay` (an injected latency, /_chaos/effects), never blocking the loop.
  void PostAfter(std::chrono::milliseconds delay, std::function<void()> work) const {
    sink_->PostAfter(delay, std::move(work));
  }

 private:
  std::shared_ptr<ResponseSink> sink_;
  uint64_t sequence_ = 0;
};

// A Responder over a plain function, for tests and tools: Post and PostAfter run the work at
// once (there is no loop to wait on).
Responder MakeResponder(std::function<void(Response)> send);

using Handler = std::function<void(Request&&, Responder)>;

// What went wrong before a request reached the handler (or when the handler threw).
enum class TransportError {
  kMalformedRequest,  // 400
  kBodyTooLarge,      // 413
  kHeadersTooLarge,   // 431: header or trailer section, field count
  kUriTooLong,        // 414: request-target length, path segments
  kHandlerFailed,     // 500
};
// Writes the response for a transport error; the server's owner supplies it, so transport and
// protocol errors come from one writer (protocol/error_writer.h).
using TransportErrorWriter = std::function<Response(TransportError, std::string_view message)>;

}  // namespace amplify::http
