#pragma once
// Internal to src/http: a Beast parser that fills amplify::http::Request directly. Deriving from
// basic_parser (rather than using request_parser<string_body>) skips building a field list per
// request: we keep only the four headers the layers above read.
// GCC 12 with -fsanitize reports a false -Wmaybe-uninitialized deep inside Beast's parser (a
// boost::optional<uint64_t> it always sets before use); the suppression covers only that header.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <boost/beast/http/basic_parser.hpp>
#pragma GCC diagnostic pop
#include <cstdint>

#include "http/message.h"

namespace amplify::http {

class RequestParser final : public boost::beast::http::basic_parser<true> {
 public:
  RequestParser(uint64_t body_limit, uint32_t header_limit);

  Request& request() { return request_; }
  // "Expect: 100-continue" was sent: the client waits for an interim response before the body.
  bool expects_continue() const { return expects_continue_; }
  bool is_head() const { return is_head_; }
  // HTTP/1.0 needs an explicit "Connection: keep-alive" in the response to stay open.
  bool is_http10() const { return version_ == 10; }

 private:
  using string_view = boost::beast::string_view;
  using error_code = boost::beast::error_code;
  using field = boost::beast::http::field;
  using verb = boost::beast::http::verb;

  void on_request_impl(verb method, string_view method_str, string_view target, int version,
                       error_code& ec) override;
  void on_response_impl(int, string_view, int, error_code&) override {}
  void on_field_impl(field name, string_view name_string, string_view value,
                     error_code& ec) override;
  void on_header_impl(error_code&) override {}
  void on_body_init_impl(boost::optional<std::uint64_t> const& content_length,
                         error_code& ec) override;
  std::size_t on_body_impl(string_view body, error_code& ec) override;
  void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t remain, string_view body, error_code& ec) override;
  void on_finish_impl(error_code&) override {}

  Request request_;
  int version_ = 11;
  bool expects_continue_ = false;
  bool is_head_ = false;
};

}  // namespace amplify::http
