// Fuzzes the router and its label decoder (src/protocol/router.h) with a request line,
// "METHOD target" (no space: a POST of the whole input).
// Checks: every error is one of the router's three 4xx (400 bad label, 404 unknown path, 405
// wrong method) and agrees with HasPath; a match has the method asked for and one non-empty label
// per {label} of its URI; the decoded labels, encoded again into the operation's URI, route back
// to the same operation and labels; PercentDecode inverts percent-encoding for any bytes.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/aws_error.h"
#include "fuzz_check.h"
#include "protocol/router.h"

namespace {

using amplify::protocol::PercentDecode;
using amplify::protocol::RouteMatch;
using amplify::protocol::Router;

// Encodes every byte but RFC 3986's unreserved ones, as botocore does for path labels.
std::string PercentEncode(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

std::string_view LabelOf(const RouteMatch& match, std::string_view wire) {
  for (const auto& [name, value] : match.labels)
    if (name == wire) return value;
  FUZZ_CHECK(false, "a URI label is missing from the match");
  return {};
}

// The operation's URI with every {label} replaced by its encoded value from `match`.
std::string Rebuild(const RouteMatch& match) {
  std::string_view uri = match.operation->uri;
  std::string out;
  size_t labels = 0;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] != '{') {
      out.push_back(uri[i]);
      continue;
    }
    size_t close = uri.find('}', i);
    out += PercentEncode(LabelOf(match, uri.substr(i + 1, close - i - 1)));
    ++labels;
    i = close;
  }
  FUZZ_CHECK(labels == match.labels.size(), "a match has labels its URI does not have");
  return out;
}

void CheckMatch(const Router& router, std::string_view method, const RouteMatch& match) {
  FUZZ_CHECK(match.operation->method == method, "matched an operation of another method");
  for (const auto& [wire, value] : match.labels) {
    FUZZ_CHECK(!value.empty(), "an empty label was accepted");
  }
  auto again = router.Match(method, Rebuild(match));
  FUZZ_CHECK(again.ok(), "re-encoded labels do not route");
  FUZZ_CHECK(again->operation == match.operation, "re-encoded labels route elsewhere");
  FUZZ_CHECK(again->labels == match.labels, "re-encoded labels decode differently");
}

void CheckPercentDecode(std::string_view bytes) {
  std::string decoded;
  FUZZ_CHECK(PercentDecode(PercentEncode(bytes), decoded), "an encoded string does not decode");
  FUZZ_CHECK(decoded == bytes, "decode(encode(x)) != x");
  if (PercentDecode(bytes, decoded)) {
    FUZZ_CHECK(decoded.size() <= bytes.size(), "decoding grew the text");
    if (bytes.find('%') == std::string_view::npos) {
      FUZZ_CHECK(decoded == bytes, "text without escapes changed when decoded");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Router router;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t space = input.find(' ');
  std::string_view method = space == std::string_view::npos ? "POST" : input.substr(0, space);
  std::string_view target = space == std::string_view::npos ? input : input.substr(space + 1);

  CheckPercentDecode(target);
  auto match = router.Match(method, target);
  bool has_path = router.HasPath(target);
  if (match.ok()) {
    FUZZ_CHECK(has_path, "a matched path is unknown to HasPath");
    CheckMatch(router, method, *match);
    return 0;
  }
  int status = amplify::HttpStatusOf(match.error().code);
  FUZZ_CHECK(status >= 400 && status < 500, "a router error is not a 4xx");
  FUZZ_CHECK(!match.error().message.empty(), "a router error has no message");
  switch (match.error().code) {
    case amplify::ErrorCode::kUnknownOperation:
      FUZZ_CHECK(!has_path, "404 for a path HasPath knows");
      break;
    case amplify::ErrorCode::kMethodNotAllowed:
    case amplify::ErrorCode::kBadRequest:
      FUZZ_CHECK(has_path, "405 or 400 for a path HasPath does not know");
      break;
    default:
      FUZZ_CHECK(false, "the router returned an error it does not document");
  }
  return 0;
}
