#include "http/request_parser.h"

#include <algorithm>
#include <boost/beast/core/string.hpp>

namespace amplify::http {

RequestParser::RequestParser(uint64_t body_limit, uint32_t header_limit) {
  this->body_limit(body_limit);
  this->header_limit(header_limit);
  // Parse headers and body in one put() call when the whole request is already buffered.
  eager(true);
}

void RequestParser::on_request_impl(verb method, string_view method_str, string_view target,
                                    int version, error_code&) {
  request_.method.assign(method_str.data(), method_str.size());
  request_.target.assign(target.data(), target.size());
  version_ = version;
  is_head_ = method == verb::head;
}

void RequestParser::on_field_impl(field name, string_view, string_view value, error_code&) {
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

std::size_t RequestParser::on_chunk_body_impl(std::uint64_t, string_view body, error_code&) {
  request_.body.append(body.data(), body.size());
  return body.size();
}

}  // namespace amplify::http
