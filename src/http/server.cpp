#include "http/server.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/event_loop.h"

namespace amplify::http {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

tcp::endpoint ResolveEndpoint(net::io_context& context, const std::string& host, uint16_t port) {
  boost::system::error_code ec;
  auto address = net::ip::make_address(host, ec);
  if (!ec) return {address, port};
  tcp::resolver resolver(context);
  auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) {
    throw std::runtime_error("cannot resolve host '" + host + "': " + ec.message());
  }
  return results.begin()->endpoint();
}

}  // namespace

struct Server::Impl {
  std::shared_ptr<SharedState> state = std::make_shared<SharedState>();
  std::vector<std::shared_ptr<EventLoop>> loops;
  uint16_t port = 0;
  bool listening = false;
  std::atomic<bool> stop_requested{false};
};

Server::Server(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  impl_->state->options = std::move(options);
  impl_->state->handler = std::move(handler);
  impl_->loops.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) {
    impl_->loops.push_back(std::make_shared<EventLoop>(impl_->state));
    impl_->state->loops.push_back(impl_->loops.back().get());
  }
}

Server::~Server() = default;

void Server::Listen() {
  if (impl_->listening) return;
  const auto& options = impl_->state->options;
  auto endpoint = ResolveEndpoint(impl_->loops.front()->context(), options.host, options.port);
  try {
    // The first acceptor picks the port (port 0 = any); the others join it via SO_REUSEPORT.
    impl_->loops.front()->Open(endpoint);
    impl_->port = impl_->loops.front()->port();
    endpoint.port(impl_->port);
    for (size_t i = 1; i < impl_->loops.size(); ++i) impl_->loops[i]->Open(endpoint);
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("cannot listen on " + options.host + ":" +
                             std::to_string(endpoint.port()) + ": " + e.code().message());
  }
  for (auto& loop : impl_->loops) loop->Start();
  impl_->listening = true;
  spdlog::debug("http: {} event loop(s) on {}:{}", impl_->loops.size(), options.host, impl_->port);
}

uint16_t Server::port() const { return impl_->port; }

void Server::Run() {
  Listen();
  std::vector<std::thread> threads;
  threads.reserve(impl_->loops.size() - 1);
  for (size_t i = 1; i < impl_->loops.size(); ++i) {
    threads.emplace_back([loop = impl_->loops[i], i] {
      pthread_setname_np(pthread_self(), ("http-loop-" + std::to_string(i)).c_str());
      loop->Run();
    });
  }
  pthread_setname_np(pthread_self(), "http-loop-0");
  impl_->loops.front()->Run();
  for (auto& thread : threads) thread.join();
}

void Server::Stop() {
  if (impl_->stop_requested.exchange(true)) return;
  for (auto& loop : impl_->loops) loop->PostShutdown();
}

}  // namespace amplify::http
