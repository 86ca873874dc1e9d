#include "http/message.h"

#include <boost/beast/core/string.hpp>

namespace amplify::http {
namespace {

bool IsToken(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (c <= ' ' || c >= 127 || c == ':') return false;
  }
  return true;
}

// Framing headers belong to the transport; a handler copy would contradict the real framing.
bool IsTransportHeader(std::string_view name) {
  using boost::beast::iequals;
  return iequals(name, "content-length") || iequals(name, "transfer-encoding") ||
         iequals(name, "connection") || iequals(name, "server") || iequals(name, "date") ||
         iequals(name, "content-type");
}

class FunctionSink final : public ResponseSink {
 public:
  explicit FunctionSink(std::function<void(Response)> send) : send_(std::move(send)) {}
  void Complete(uint64_t, Response&& response) override {
    if (auto send = std::exchange(send_, nullptr)) send(std::move(response));
  }
  void Post(std::function<void()> work) override { work(); }
  void PostAfter(std::chrono::milliseconds, std::function<void()> work) override { work(); }

 private:
  std::function<void(Response)> send_;
};

}  // namespace

void AddHeader(Response& response, std::string_view name, std::string_view value) {
  if (!IsToken(name) || IsTransportHeader(name)) return;
  if (value.find_first_of("\r\n") != std::string_view::npos) return;
  response.headers.append(name);
  response.headers.append(": ");
  response.headers.append(value);
  response.headers.append("\r\n");
}

Responder MakeResponder(std::function<void(Response)> send) {
  return Responder(std::make_shared<FunctionSink>(std::move(send)), 1);
}

}  // namespace amplify::http
