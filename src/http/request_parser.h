#pragma once
// Internal to src/http: a Beast parser that fills amplify::http::Request directly. Deriving from
// basic_parser (rather than using request_parser<string_body>) skips building a field list per
// request: we keep only the four headers the layers above read.
// GCC 12 with -fsanitize reports a false -Wmaybe-uninitialized deep inside Beast's parser (a
// boost::optional<uint64_t> it always sets before use); the suppression covers only that header.
#if defined(__GNUC__) && !defined(__clang__)  // clang (the fuzz build) has no such warning
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/beast/http/basic_parser.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include <cstdint>
#include <optional>
#include <string>

#include "http/limits.h"
#include "http/message.h"

namespace amplify::http {

class RequestParser final : public boost::beast::http::basic_parser<true> {
 public:
  RequestParser(uint64_t body_limit, uint32_t header_limit, const HttpLimits& limits,
                bool keep_headers);

  Request& request() { return request_; }
  // "Expect: 100-continue" was sent: the client waits for an interim response before the body.
  bool expects_continue() const { return expects_continue_; }
  bool is_head() const { return is_head_; }
  // HTTP/1.0 needs an explicit "Connection: keep-alive" in the response to stay open.
  bool is_http10() const { return version_ == 10; }

  // A limit of HttpLimits the request broke: the parser stopped with an error, and this says
  // which answer to give.
  struct LimitBroken {
    TransportError error;
    std::string message;
  };
  const std::optional<LimitBroken>& limit_broken() const { return limit_broken_; }
  // Bytes a chunked body may leave unparsed while a chunk line or the trailer section is still
  // arriving (Beast buffers them whole): beyond this the connection refuses the request.
  size_t max_pending_framing() const {
    return limits_.chunk_extension + limits_.trailer_bytes + kChunkLineOverhead;
  }

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
  void on_header_impl(error_code&) override { header_done_ = true; }
  void on_body_init_impl(boost::optional<std::uint64_t> const& content_length,
                         error_code& ec) override;
  std::size_t on_body_impl(string_view body, error_code& ec) override;
  void on_chunk_header_impl(std::uint64_t size, string_view extensions, error_code& ec) override;
  std::size_t on_chunk_body_impl(std::uint64_t remain, string_view body, error_code& ec) override;
  void on_finish_impl(error_code&) override {}

  void Break(error_code& ec, TransportError error, std::string message);

  // A chunk-size line's own bytes: up to 16 hex digits and CR LF, with room to spare.
  static constexpr size_t kChunkLineOverhead = 64;

  const HttpLimits& limits_;
  const bool keep_headers_;
  std::optional<LimitBroken> limit_broken_;
  size_t header_fields_ = 0;
  size_t trailer_fields_ = 0;
  size_t trailer_bytes_ = 0;
  bool header_done_ = false;  // fields after the header section are trailers
  Request request_;
  int version_ = 11;
  bool expects_continue_ = false;
  bool is_head_ = false;
};

}  // namespace amplify::http
