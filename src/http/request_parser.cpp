#include "http/request_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>

namespace amplify::http {

RequestParser::RequestParser(uint64_t body_limit, uint32_t header_limit, const HttpLimits& limits,
                             bool keep_headers)
    : limits_(limits), keep_headers_(keep_headers) {
  this->body_limit(body_limit);
  this->header_limit(header_limit);
  // Parse headers and body in one put() call when the whole request is already buffered.
  eager(true);
}

void RequestParser::Break(error_code& ec, TransportError error, std::string message) {
  limit_broken_ = LimitBroken{error, std::move(message)};
  ec = boost::beast::http::error::bad_value;  // stops the parser; limit_broken_ says why
}

void RequestParser::on_request_impl(verb method, string_view method_str, string_view target,
                                    int version, error_code& ec) {
  if (target.size() > limits_.target_bytes) {
    return Break(ec, TransportError::kUriTooLong,
                 fmt::format("Request-target exceeds {} bytes", limits_.target_bytes));
  }
  string_view path = target.substr(0, target.find('?'));
  if (static_cast<size_t>(std::count(path.begin(), path.end(), '/')) > limits_.path_segments) {
    return Break(ec, TransportError::kUriTooLong,
                 fmt::format("Request path has more than {} segments", limits_.path_segments));
  }
  request_.method.assign(method_str.data(), method_str.size());
  request_.target.assign(target.data(), target.size());
  version_ = version;
  is_head_ = method == verb::head;
}

void RequestParser::on_field_impl(field name, string_view name_string, string_view value,
                                  error_code& ec) {
  if (header_done_) {
    // A trailer: counted and bounded, otherwise ignored (nothing above reads trailers).
    trailer_bytes_ += name_string.size() + value.size() + 4;  // ": " and CR LF
    if (++trailer_fields_ > limits_.trailer_fields) {
      return Break(ec, TransportError::kHeadersTooLarge,
                   fmt::format("Trailer section has more than {} fields", limits_.trailer_fields));
    }
    if (trailer_bytes_ > limits_.trailer_bytes) {
      return Break(ec, TransportError::kHeadersTooLarge,
                   fmt::format("Trailer section exceeds {} bytes", limits_.trailer_bytes));
    }
    return;
  }
  if (++header_fields_ > limits_.header_fields) {
    return Break(ec, TransportError::kHeadersTooLarge,
                 fmt::format("Request has more than {} header fields", limits_.header_fields));
  }
  if (keep_headers_) request_.headers.emplace_back(name_string, value);
  switch (name) {
    case field::authorization:
      request_.authorization.assign(value.data(), value.size());
      break;
    case field::origin:
      request_.origin.assign(value.data(), value.size());
      break;
    case field::access_control_request_headers:
      request_.access_control_request_headers.assign(value.data(), value.size());
      break;
    case field::accept:
      request_.accept.assign(value.data(), value.size());
      break;
    case field::if_none_match:
      request_.if_none_match.assign(value.data(), value.size());
      break;
    case field::expect:
      expects_continue_ = boost::beast::iequals(value, "100-continue");
      break;
    default:
      break;
  }
}

void RequestParser::on_body_init_impl(boost::optional<std::uint64_t> const& content_length,
                                      error_code&) {
  // basic_parser has already rejected a Content-Length above body_limit, so this is bounded.
  if (content_length) request_.body.reserve(static_cast<size_t>(*content_length));
}

std::size_t RequestParser::on_body_impl(string_view body, error_code&) {
  request_.body.append(body.data(), body.size());
  return body.size();
}

void RequestParser::on_chunk_header_impl(std::uint64_t, string_view extensions, error_code& ec) {
  if (extensions.size() > limits_.chunk_extension) {
    Break(ec, TransportError::kMalformedRequest,
          fmt::format("Chunk extension exceeds {} bytes", limits_.chunk_extension));
  }
}

std::size_t RequestParser::on_chunk_body_impl(std::uint64_t, string_view body, error_code&) {
  request_.body.append(body.data(), body.size());
  return body.size();
}

}  // namespace amplify::http
