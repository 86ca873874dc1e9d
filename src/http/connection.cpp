#include "http/connection.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>

#include "http/event_loop.h"
#include "http/response_head.h"

namespace amplify::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;

constexpr size_t kMinRead = 2048;
constexpr size_t kMaxRead = 64 << 10;
// An idle connection should not pin the buffer a large upload grew.
constexpr size_t kMaxIdleBuffer = 64 << 10;
// After an error response the client may still be sending the body; reading it for a moment
// before closing keeps the kernel from answering with a RST that would destroy our response.
constexpr std::chrono::seconds kLingerTime{2};

}  // namespace

std::shared_ptr<Connection> Connection::Create(std::shared_ptr<EventLoop> loop,
                                               net::ip::tcp::socket socket) {
  return std::shared_ptr<Connection>(new Connection(std::move(loop), std::move(socket)), &Destroy);
}

Connection::Connection(std::shared_ptr<EventLoop> loop, net::ip::tcp::socket socket)
    : loop_(std::move(loop)), socket_(std::move(socket)) {}

Connection::~Connection() { Close(); }

// The last reference can be a Responder copy dropped on a store thread. A connection that is
// still open (the handler dropped its Responder without calling it) must leave the loop's
// registry on the loop thread; the loop is still running because that registry is not empty.
void Connection::Destroy(Connection* connection) {
  if (connection->phase_ == Phase::kClosed) {
    delete connection;
    return;
  }
  spdlog::warn("http: a handler dropped its responder; closing the connection");
  if (connection->loop_->context().get_executor().running_in_this_thread()) {
    delete connection;
  } else {
    net::post(connection->loop_->context(), [connection] { delete connection; });
  }
}

void Connection::SetPhase(Phase phase, Clock::duration timeout) {
  phase_ = phase;
  deadline_ = timeout == Clock::duration::max() ? Clock::time_point::max() : Clock::now() + timeout;
}

void Connection::Start() { StartRequest(); }

void Connection::StartRequest() {
  const auto& options = loop_->state().options;
  if (buffer_.size() == 0 && buffer_.capacity() > kMaxIdleBuffer) buffer_.shrink_to_fit();
  parser_.emplace(options.body_limit,
                  static_cast<uint32_t>(std::min<size_t>(options.header_limit, UINT32_MAX)),
                  options.limits, options.keep_headers);
  if (buffer_.size() > 0) {  // a pipelined request is already buffered
    SetPhase(Phase::kHeader, options.header_timeout);
    Parse();
  } else {
    SetPhase(Phase::kIdle, options.idle_timeout);
    Read();
  }
}

size_t Connection::ReadSize() const {
  return std::clamp(buffer_.capacity() - buffer_.size(), kMinRead, kMaxRead);
}

void Connection::Read() {
  socket_.async_read_some(
      buffer_.prepare(ReadSize()),
      [self = shared_from_this()](const error_code& ec, size_t bytes) { self->OnRead(ec, bytes); });
}

void Connection::OnRead(const error_code& ec, size_t bytes) {
  // EOF between requests is the normal end of keep-alive; mid-request the client is gone, and
  // aborted means the deadline sweep or Stop() closed the socket.
  if (ec) {
    Close();
    return;
  }
  buffer_.commit(bytes);
  if (phase_ == Phase::kIdle) SetPhase(Phase::kHeader, loop_->state().options.header_timeout);
  Parse();
}

void Connection::Parse() {
  for (;;) {
    error_code ec;
    size_t used = parser_->put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec == beast::http::error::need_more) {
      // Beast waits for a whole chunk line or trailer section, however long: bound it.
      if (parser_->is_header_done() && parser_->chunked() &&
          buffer_.size() > parser_->max_pending_framing()) {
        return OnParseError(beast::http::error::buffer_overflow);
      }
      break;
    }
    if (ec) {
      OnParseError(ec);
      return;
    }
    if (parser_->is_done()) {
      Dispatch();
      return;
    }
    if (phase_ == Phase::kHeader && parser_->is_header_done()) {
      // The headers were on time; the body gets the idle timeout to arrive.
      SetPhase(Phase::kBody, loop_->state().options.idle_timeout);
      if (parser_->expects_continue() && buffer_.size() == 0) {
        SendContinue();
        return;
      }
    }
    if (buffer_.size() == 0 || used == 0) break;
  }
  Read();
}

void Connection::OnParseError(const error_code& ec) {
  const auto& options = loop_->state().options;
  Response response;
  if (const auto& broken = parser_->limit_broken()) {
    response = TransportErrorResponse(broken->error, broken->message);
  } else if (ec == beast::http::error::buffer_overflow) {
    response = TransportErrorResponse(
        TransportError::kHeadersTooLarge,
        fmt::format("A chunk line or the trailer section exceeds {} bytes",
                    parser_->max_pending_framing()));
  } else if (ec == beast::http::error::header_limit) {
    response = TransportErrorResponse(
        TransportError::kHeadersTooLarge,
        fmt::format("Request header section exceeds {} bytes", options.header_limit));
  } else if (ec == beast::http::error::body_limit) {
    response =
        TransportErrorResponse(TransportError::kBodyTooLarge,
                               fmt::format("Request body exceeds {} bytes", options.body_limit));
  } else {
    response = TransportErrorResponse(TransportError::kMalformedRequest,
                                      fmt::format("Malformed HTTP request: {}", ec.message()));
  }
  // The stream cannot be resynchronised after a framing error, so the connection ends here.
  linger_after_write_ = true;
  http10_ = false;
  head_request_ = false;
  Write(std::move(response), /*keep_alive=*/false);
}

void Connection::SendContinue() {
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  net::async_write(socket_, net::buffer(kContinue.data(), kContinue.size()),
                   [self = shared_from_this()](const error_code& ec, size_t) {
                     if (ec) {
                       self->Close();
                     } else {
                       self->Read();
                     }
                   });
}

void Connection::Dispatch() {
  SetPhase(Phase::kHandling, Clock::duration::max());
  keep_alive_ = parser_->keep_alive();
  http10_ = parser_->is_http10();
  head_request_ = parser_->is_head();
  const uint64_t sequence = ++sequence_;
  awaiting_.store(sequence, std::memory_order_release);
  Request request = std::move(parser_->request());
  parser_.reset();
  // The Responder owns a reference so the connection outlives a handler that answers later.
  Responder responder(shared_from_this(), sequence);
  try {
    loop_->state().handler(std::move(request), std::move(responder));
    return;
  } catch (const std::exception& e) {
    spdlog::error("http: handler threw: {}", e.what());
  } catch (...) {
    spdlog::error("http: handler threw a non-standard exception");
  }
  Complete(sequence, TransportErrorResponse(TransportError::kHandlerFailed, "internal error"));
}

Response Connection::TransportErrorResponse(TransportError error, std::string_view message) const {
  const TransportErrorWriter& writer = loop_->state().options.error_writer;
  if (writer) return writer(error, message);
  Response response;  // no writer (a bare transport, e.g. the benchmark's): status and text
  response.status = error == TransportError::kHeadersTooLarge ? 431
                    : error == TransportError::kBodyTooLarge  ? 413
                    : error == TransportError::kUriTooLong    ? 414
                    : error == TransportError::kHandlerFailed ? 500
                                                              : 400;
  response.body = std::string(message);
  response.content_type = "text/plain";
  return response;
}

// Any thread. Only the first call for the awaited request wins; the rest are dropped.
void Connection::Complete(uint64_t sequence, Response&& response) {
  uint64_t expected = sequence;
  if (!awaiting_.compare_exchange_strong(expected, 0, std::memory_order_acq_rel)) return;
  auto& context = loop_->context();
  if (context.get_executor().running_in_this_thread()) {
    OnResponse(std::move(response));
    return;
  }
  net::post(context, [self = shared_from_this(), response = std::move(response)]() mutable {
    self->OnResponse(std::move(response));
  });
}

void Connection::Post(std::function<void()> work) {
  auto& context = loop_->context();
  if (context.get_executor().running_in_this_thread()) {
    work();
    return;
  }
  // The work holds no reference to the connection: a Responder it captured does.
  net::post(context, std::move(work));
}

// One timer per delayed request, made on the loop thread (the loop's io_context serves one
// thread); it owns itself until it fires. Delays are for tests of clients (/_chaos/effects), so
// the allocation is not on any path that counts.
void Connection::PostAfter(std::chrono::milliseconds delay, std::function<void()> work) {
  auto& context = loop_->context();
  auto arm = [&context, delay, work = std::move(work)]() mutable {
    auto timer = std::make_shared<net::steady_timer>(context, delay);
    timer->async_wait([timer, work = std::move(work)](const error_code&) { work(); });
  };
  if (context.get_executor().running_in_this_thread()) {
    arm();
  } else {
    net::post(context, std::move(arm));
  }
}

void Connection::OnResponse(Response&& response) {
  if (phase_ != Phase::kHandling) return;  // closed meanwhile
  Write(std::move(response), keep_alive_ && !loop_->stopping());
}

void Connection::Write(Response&& response, bool keep_alive) {
  SetPhase(Phase::kWriting, loop_->state().options.idle_timeout);
  keep_alive_ = keep_alive;
  SerializeHead(response, {keep_alive, http10_, head_request_}, head_);
  const bool with_body = !head_request_ && StatusAllowsBody(response.status);
  body_ = with_body ? std::move(response.body) : std::string();
  std::array<net::const_buffer, 2> buffers{net::buffer(head_), net::buffer(body_)};
  net::async_write(socket_, buffers, [self = shared_from_this()](const error_code& ec, size_t) {
    self->OnWrite(ec);
  });
}

void Connection::OnWrite(const error_code& ec) {
  body_ = std::string();  // free the handler's buffer now rather than at the next response
  if (ec) {
    Close();
    return;
  }
  if (!keep_alive_ || loop_->stopping()) {
    CloseAfterResponse();
    return;
  }
  StartRequest();
}

void Connection::CloseAfterResponse() {
  error_code ec;
  if (linger_after_write_ || buffer_.size() > 0 || socket_.available(ec) > 0) {
    Linger();
  } else {
    socket_.shutdown(net::socket_base::shutdown_send, ec);
    Close();
  }
}

void Connection::Linger() {
  if (phase_ != Phase::kLingering) {
    SetPhase(Phase::kLingering, kLingerTime);
    error_code ignored;
    socket_.shutdown(net::socket_base::shutdown_send, ignored);
  }
  buffer_.clear();
  socket_.async_read_some(buffer_.prepare(kMinRead),
                          [self = shared_from_this()](const error_code& ec, size_t) {
                            if (ec) {
                              self->Close();  // EOF: the client has read our response and left
                            } else {
                              self->Linger();
                            }
                          });
}

void Connection::OnDeadline() {
  if (phase_ == Phase::kHeader || phase_ == Phase::kBody) {
    spdlog::debug("http: request not received in time; closing the connection");
  }
  Close();
}

void Connection::OnServerStop() {
  // A connection between requests has nothing in flight; everything else finishes its request
  // (bounded by its phase's deadline) and then closes because the loop is stopping.
  if (phase_ == Phase::kIdle) Close();
}

void Connection::Close() {
  if (phase_ == Phase::kClosed) return;
  phase_ = Phase::kClosed;
  deadline_ = Clock::time_point::max();
  error_code ignored;
  socket_.close(ignored);  // cancels the pending operation; its handler sees operation_aborted
  if (is_linked()) loop_->Remove(*this);
}

}  // namespace amplify::http
