#pragma once
// Internal to src/http: one io_context run by one thread, with its own SO_REUSEPORT acceptor and
// the connections it accepted. Nothing on the request path is shared between loops, so there is
// no lock to contend on; the kernel spreads new connections across the acceptors.
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/intrusive/list.hpp>
#include <memory>
#include <vector>

#include "http/connection.h"
#include "http/message.h"
#include "http/server.h"

namespace amplify::http {

class EventLoop;

// What every loop of one Server reads; immutable after construction except the counters.
struct SharedState {
  ServerOptions options;
  Handler handler;
  std::atomic<size_t> connections{0};  // open sockets across all loops, for max_connections
  std::vector<EventLoop*> loops;       // every loop of the server, for balancing
};

class EventLoop : public std::enable_shared_from_this<EventLoop> {
 public:
  explicit EventLoop(std::shared_ptr<SharedState> state);
  ~EventLoop();

  boost::asio::io_context& context() { return context_; }
  const SharedState& state() const { return *state_; }

  // Binds and listens on `endpoint` with SO_REUSEPORT; throws boost::system::system_error.
  void Open(const boost::asio::ip::tcp::endpoint& endpoint);
  uint16_t port() const;
  // Queues the first accept and the deadline sweep; they run once Run() does.
  void Start();
  // Runs the loop on the calling thread until Shutdown() has drained every connection.
  void Run();
  // Thread-safe: stop accepting, close idle connections, let the others finish.
  void PostShutdown();

  // Loop thread only.
  bool stopping() const { return stopping_; }
  void Remove(Connection& connection);
  // Connections this loop serves or is about to adopt; any thread.
  size_t load() const { return load_.load(std::memory_order_relaxed); }

 private:
  void Accept();
  void OnAccept(const boost::system::error_code& ec, boost::asio::ip::tcp::socket socket);
  // The loop with the fewest connections (this one when tied), which takes the next one.
  EventLoop& LeastLoaded();
  // Loop thread only: serves a connection accepted (by any loop) for this one.
  void Adopt(boost::asio::ip::tcp::socket socket);
  void ArmSweep();
  void Sweep();
  void Shutdown();

  std::shared_ptr<SharedState> state_;
  // Concurrency hint 1: exactly one thread runs this context.
  boost::asio::io_context context_{1};
  boost::asio::ip::tcp::acceptor acceptor_{context_};
  boost::asio::steady_timer sweep_timer_{context_};
  boost::asio::steady_timer accept_retry_timer_{context_};
  // Intrusive so registering a connection allocates nothing; only touched on the loop thread.
  boost::intrusive::list<Connection, boost::intrusive::constant_time_size<false>> connections_;
  bool stopping_ = false;
  std::atomic<size_t> load_{0};
};

}  // namespace amplify::http
