#pragma once
// Internal to src/http: the status line and header section of a Response as HTTP/1.1 bytes.
// The head is written by hand into a per-connection string and sent with the body in one
// writev, so no Beast message (and none of its per-field allocations) is built per response.
#include <string>

#include "http/message.h"

namespace amplify::http {

struct HeadOptions {
  bool keep_alive = true;
  bool http10 = false;        // an HTTP/1.0 client needs "Connection: keep-alive" spelled out
  bool head_request = false;  // HEAD: headers as for GET, no body bytes
};

// 1xx, 204 and 304 responses carry neither a body nor Content-Length (RFC 9110 §8.6).
bool StatusAllowsBody(int status);

// Replaces `out` with the status line and header section (ending in the blank line) of `response`.
void SerializeHead(const Response& response, const HeadOptions& options, std::string& out);

}  // namespace amplify::http
