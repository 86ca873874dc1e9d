#pragma once
// Internal to src/http: one HTTP/1.1 connection, after Boost.Beast's advanced server example
// (read → handle → write → read), with a hand-rolled read loop so each phase gets its own deadline.
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/intrusive/list_hook.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "http/message.h"
#include "http/request_parser.h"

namespace amplify::http {

class EventLoop;

class Connection final : public ResponseSink,
                         public std::enable_shared_from_this<Connection>,
                         public boost::intrusive::list_base_hook<> {
 public:
  using Clock = std::chrono::steady_clock;

  // Registers nothing: the loop links the connection into its list.
  static std::shared_ptr<Connection> Create(std::shared_ptr<EventLoop> loop,
                                            boost::asio::ip::tcp::socket socket);
  ~Connection() override;

  // Loop thread only.
  void Start();
  Clock::time_point deadline() const { return deadline_; }
  void OnDeadline();
  void OnServerStop();

  // ResponseSink, any thread: a Responder's response, and work for this connection's loop.
  void Complete(uint64_t sequence, Response&& response) override;
  void Post(std::function<void()> work) override;
  void PostAfter(std::chrono::milliseconds delay, std::function<void()> work) override;

 private:
  enum class Phase { kIdle, kHeader, kBody, kHandling, kWriting, kLingering, kClosed };

  Connection(std::shared_ptr<EventLoop> loop, boost::asio::ip::tcp::socket socket);
  static void Destroy(Connection* connection);

  void StartRequest();
  void Read();
  void OnRead(const boost::system::error_code& ec, size_t bytes);
  void Parse();
  void OnParseError(const boost::system::error_code& ec);
  void SendContinue();
  void Dispatch();
  Response TransportErrorResponse(TransportError error, std::string_view message) const;
  void OnResponse(Response&& response);
  void Write(Response&& response, bool keep_alive);
  void OnWrite(const boost::system::error_code& ec);
  void CloseAfterResponse();
  void Linger();
  void Close();
  size_t ReadSize() const;
  void SetPhase(Phase phase, std::chrono::steady_clock::duration timeout);

  std::shared_ptr<EventLoop> loop_;  // keeps the io_context alive as long as the socket
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;  // reused across requests on this connection
  std::optional<RequestParser> parser_;
  std::string head_;  // serialized status line + headers, reused
  std::string body_;  // response body, kept alive while it is written
  Clock::time_point deadline_ = Clock::time_point::max();
  Phase phase_ = Phase::kIdle;
  bool keep_alive_ = true;
  bool http10_ = false;
  bool head_request_ = false;
  bool linger_after_write_ = false;
  uint64_t sequence_ = 0;
  // The request a Responder may still complete (0: none). Responders run on any thread; the CAS
  // on this makes a second or stale call a no-op instead of answering the wrong request.
  std::atomic<uint64_t> awaiting_{0};
};

}  // namespace amplify::http
