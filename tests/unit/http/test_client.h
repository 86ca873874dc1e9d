#pragma once
// A blocking HTTP/1.1 test client on a raw socket: every wait is bounded by poll(), so a server
// bug fails a test instead of hanging it. Responses are parsed with Beast's response parser.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/beast/http/error.hpp>
// Same false -Wmaybe-uninitialized under -fsanitize as in src/http/request_parser.h.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/beast/http/parser.hpp>
#pragma GCC diagnostic pop
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace amplify::http::testing {

using Message = boost::beast::http::response<boost::beast::http::string_body>;

class TestClient {
 public:
  explicit TestClient(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      throw std::runtime_error("connect failed");
    }
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~TestClient() { ::close(fd_); }
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  // False when the server has already closed (EPIPE/ECONNRESET).
  bool Send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // One response, or nullopt on EOF, error or timeout.
  std::optional<Message> Read(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    boost::beast::http::response_parser<boost::beast::http::string_body> parser;
    parser.eager(true);
    parser.body_limit(64 << 20);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (!pending_.empty()) {
        boost::beast::error_code ec;
        size_t used = parser.put(boost::asio::buffer(pending_), ec);
        pending_.erase(0, used);
        if (ec && ec != boost::beast::http::error::need_more) return std::nullopt;
        if (parser.is_done()) return parser.release();
        if (!ec && used > 0 && !pending_.empty()) continue;
      }
      if (!Receive(deadline)) return std::nullopt;
    }
  }

  // True when the server closes the connection before `timeout` (reads EOF or a reset).
  bool WaitClosed(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      pending_.clear();
      switch (ReceiveStatus(deadline)) {
        case Status::kData:
          continue;
        case Status::kClosed:
          return true;
        case Status::kTimeout:
          return false;
      }
    }
  }

 private:
  enum class Status { kData, kClosed, kTimeout };

  bool Receive(std::chrono::steady_clock::time_point deadline) {
    return ReceiveStatus(deadline) == Status::kData;
  }

  Status ReceiveStatus(std::chrono::steady_clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Status::kTimeout;
    pollfd pfd{fd_, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) return Status::kTimeout;
    char buf[16384];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return Status::kClosed;
    pending_.append(buf, static_cast<size_t>(n));
    return Status::kData;
  }

  int fd_ = -1;
  std::string pending_;  // bytes received but not yet parsed (pipelined responses)
};

}  // namespace amplify::http::testing
