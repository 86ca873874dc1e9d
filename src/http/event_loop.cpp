#include "http/event_loop.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <boost/asio/detail/socket_option.hpp>
#include <boost/asio/post.hpp>

#include "http/connection.h"

namespace amplify::http {
namespace {

namespace net = boost::asio;
using boost::system::error_code;
using tcp = net::ip::tcp;
using ReusePort = net::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

// Deadlines are checked by one sweep per loop instead of a timer per connection: moving a
// deadline is then a store, not a timer cancel + re-arm on every request. Timeouts overshoot by
// at most this much.
constexpr std::chrono::milliseconds kSweepInterval{250};
// Backoff when accept fails (e.g. out of file descriptors) so the loop does not spin.
constexpr std::chrono::milliseconds kAcceptRetry{100};

}  // namespace

EventLoop::EventLoop(std::shared_ptr<SharedState> state) : state_(std::move(state)) {}

EventLoop::~EventLoop() {
  // Connections hold a reference to their loop, so none can be left by now.
  connections_.clear();
}

void EventLoop::Open(const tcp::endpoint& endpoint) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.set_option(ReusePort(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
}

uint16_t EventLoop::port() const { return acceptor_.local_endpoint().port(); }

void EventLoop::Start() {
  Accept();
  ArmSweep();
}

void EventLoop::Run() {
  for (;;) {
    try {
      context_.run();
      return;
    } catch (const std::exception& e) {
      // Our handlers catch their own errors; this is a last resort so one bad event does not
      // take the whole loop (and every connection on it) down.
      spdlog::error("http: event loop: {}", e.what());
    }
  }
}

void EventLoop::PostShutdown() {
  // A raw pointer: the Server owns this loop for longer than its context runs.
  net::post(context_, [this] { Shutdown(); });
}

void EventLoop::Shutdown() {
  if (stopping_) return;
  stopping_ = true;
  error_code ignored;
  acceptor_.close(ignored);
  accept_retry_timer_.cancel();
  for (auto it = connections_.begin(); it != connections_.end();) {
    Connection& connection = *it++;  // OnServerStop may unlink it
    connection.OnServerStop();
  }
  // The sweep timer keeps run() going while connections remain; Remove() cancels it later.
  if (connections_.empty()) sweep_timer_.cancel();
}

void EventLoop::Remove(Connection& connection) {
  connections_.erase(connections_.iterator_to(connection));
  state_->connections.fetch_sub(1, std::memory_order_relaxed);
  load_.fetch_sub(1, std::memory_order_relaxed);
  if (stopping_ && connections_.empty()) sweep_timer_.cancel();
}

void EventLoop::Accept() {
  acceptor_.async_accept(context_, [this](const error_code& ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void EventLoop::OnAccept(const error_code& ec, tcp::socket socket) {
  if (stopping_ || ec == net::error::operation_aborted) return;
  if (ec) {
    spdlog::warn("http: accept failed: {}", ec.message());
    accept_retry_timer_.expires_after(kAcceptRetry);
    accept_retry_timer_.async_wait([this](const error_code& wait_ec) {
      if (!wait_ec && !stopping_) Accept();
    });
    return;
  }
  if (state_->connections.fetch_add(1, std::memory_order_relaxed) >=
      state_->options.max_connections) {
    state_->connections.fetch_sub(1, std::memory_order_relaxed);
    spdlog::debug("http: max_connections reached; refusing a connection");
    error_code ignored;
    socket.close(ignored);
  } else {
    // The kernel spreads connections over the loops' SO_REUSEPORT sockets by a hash of their
    // addresses, which a handful of clients can make lopsided: a loop hands a connection to a
    // less busy one, so each serves its share.
    EventLoop& target = LeastLoaded();
    target.load_.fetch_add(1, std::memory_order_relaxed);
    if (&target == this) {
      Adopt(std::move(socket));
    } else {
      error_code ec_release;
      const tcp protocol = socket.local_endpoint(ec_release).protocol();
      const tcp::socket::native_handle_type fd = socket.release(ec_release);
      if (ec_release) {
        target.load_.fetch_sub(1, std::memory_order_relaxed);
        state_->connections.fetch_sub(1, std::memory_order_relaxed);
      } else {
        net::post(target.context_, [&target, protocol, fd] {
          target.Adopt(tcp::socket(target.context_, protocol, fd));
        });
      }
    }
  }
  Accept();
}

EventLoop& EventLoop::LeastLoaded() {
  EventLoop* best = this;
  for (EventLoop* loop : state_->loops) {
    if (loop->load() < best->load()) best = loop;
  }
  return *best;
}

void EventLoop::Adopt(tcp::socket socket) {
  error_code ignored;
  if (stopping_) {
    socket.close(ignored);
    load_.fetch_sub(1, std::memory_order_relaxed);
    state_->connections.fetch_sub(1, std::memory_order_relaxed);
    return;
  }
  socket.set_option(tcp::no_delay(true), ignored);
  auto connection = Connection::Create(shared_from_this(), std::move(socket));
  connections_.push_back(*connection);
  connection->Start();
}

void EventLoop::ArmSweep() {
  sweep_timer_.expires_after(kSweepInterval);
  sweep_timer_.async_wait([this](const error_code& ec) {
    if (!ec) Sweep();
  });
}

void EventLoop::Sweep() {
  const auto now = Connection::Clock::now();
  for (auto it = connections_.begin(); it != connections_.end();) {
    Connection& connection = *it++;  // OnDeadline unlinks it
    if (connection.deadline() <= now) connection.OnDeadline();
  }
  if (!(stopping_ && connections_.empty())) ArmSweep();
}

}  // namespace amplify::http
