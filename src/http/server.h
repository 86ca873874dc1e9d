#pragma once
// HTTP/1.1 server on Boost.Beast/Asio; Beast stays out of this header (pimpl).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/limits.h"
#include "http/message.h"

namespace amplify::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 4566;                     // 0 = any free port (see Server::port())
  unsigned threads = 0;                     // event loops; 0 = one per core
  size_t body_limit = 1 << 20;              // bytes; larger → 413 JSON error
  size_t header_limit = 16 << 10;           // bytes; larger → 431 JSON error
  std::chrono::seconds header_timeout{10};  // a request's headers must arrive within this
  std::chrono::seconds idle_timeout{60};    // idle keep-alive connections are closed after this
  size_t max_connections = 10000;
  HttpLimits limits;
  // Keep every header field in Request::headers (SigV4 verification); off, only the few the
  // layers above read are kept.
  bool keep_headers = false;
  // Writes the answer to a malformed, oversized or failed request (null: a bare text answer).
  TransportErrorWriter error_writer;
};

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; throws std::runtime_error when it cannot.
  void Listen();
  // The bound port (after Listen).
  uint16_t port() const;
  // Runs the event loops until Stop(); returns after in-flight requests finished.
  void Run();
  // Thread-safe, async-signal-unsafe: stop accepting, finish in-flight requests, return from Run.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace amplify::http
