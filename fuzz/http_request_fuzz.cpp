// Fuzzes the HTTP/1.1 request parser (src/http/request_parser.h) the way a connection drives it
// (src/http/connection.cpp, Connection::Parse): pipelined requests, a fresh parser for each, fed
// from a buffer that grows by reads of any size.
// Checks: put() reads only the bytes it is given (each call sees an exact-size heap copy, so ASan
// stops a read past it) and never claims more; how the bytes arrive changes nothing but four
// known effects (SameStream); a finished request has a method and a target and stays
// within every limit; a broken limit stops the parser with a message.
#include <algorithm>
#include <boost/beast/http/error.hpp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "http/request_parser.h"

namespace {

using amplify::http::RequestParser;
using amplify::http::TransportError;
using boost::system::error_code;
using HttpError = boost::beast::http::error;

// Small limits, so short inputs reach every one of them.
constexpr uint64_t kBodyLimit = 2048;
constexpr uint32_t kHeaderLimit = 1024;
const amplify::http::HttpLimits kLimits{.target_bytes = 256,
                                        .path_segments = 12,
                                        .header_fields = 24,
                                        .chunk_extension = 64,
                                        .trailer_fields = 4,
                                        .trailer_bytes = 256};

struct Parsed {
  amplify::http::Request request;
  bool keep_alive, expects_continue, http10, head;

  bool operator==(const Parsed& o) const {
    const auto& a = request;
    const auto& b = o.request;
    return a.method == b.method && a.target == b.target && a.body == b.body &&
           a.authorization == b.authorization && a.origin == b.origin &&
           a.access_control_request_headers == b.access_control_request_headers &&
           a.headers == b.headers && keep_alive == o.keep_alive &&
           expects_continue == o.expects_continue && http10 == o.http10 && head == o.head;
  }
};

struct Outcome {
  std::vector<Parsed> requests;
  error_code error;  // the error that ended the stream; none when the input simply ran out
  std::optional<TransportError> limit_broken;  // which limit, when the parser stopped at one
};

std::unique_ptr<RequestParser> NewParser() {
  return std::make_unique<RequestParser>(kBodyLimit, kHeaderLimit, kLimits, /*keep_headers=*/true);
}

// `header_bytes`: the request's start line and fields, up to the blank line that ends them.
Parsed Finish(RequestParser& parser, size_t header_bytes) {
  // Beast's limit is not exact (SameStream), but it is a bound.
  FUZZ_CHECK(header_bytes <= 3 * size_t{kHeaderLimit}, "a header section far over the limit");
  Parsed parsed{std::move(parser.request()), parser.keep_alive(), parser.expects_continue(),
                parser.is_http10(), parser.is_head()};
  const auto& r = parsed.request;
  FUZZ_CHECK(!r.method.empty() && !r.target.empty(), "a finished request lacks a method or target");
  FUZZ_CHECK(r.target.size() <= kLimits.target_bytes, "a target passed its limit");
  FUZZ_CHECK(r.headers.size() <= kLimits.header_fields, "header fields passed their limit");
  FUZZ_CHECK(r.body.size() <= kBodyLimit, "a body passed the body limit");
  return parsed;
}

// One put() over an exact-size copy of what is buffered; returns the bytes it used.
size_t Put(RequestParser& parser, const std::string& buffered, error_code& ec) {
  std::unique_ptr<char[]> exact(new char[buffered.size()]);
  std::memcpy(exact.get(), buffered.data(), buffered.size());
  size_t used = parser.put(boost::asio::const_buffer(exact.get(), buffered.size()), ec);
  FUZZ_CHECK(used <= buffered.size(), "put() used more bytes than it was given");
  return used;
}

Outcome& Stop(Outcome& outcome, const RequestParser& parser, error_code ec) {
  outcome.error = ec;
  if (const auto& broken = parser.limit_broken()) {
    FUZZ_CHECK(ec == HttpError::bad_value, "a broken limit did not stop the parser");
    FUZZ_CHECK(!broken->message.empty(), "a broken limit has no message");
    outcome.limit_broken = broken->error;
  }
  return outcome;
}

// Feeds `input` in reads of the sizes `reads` cycles through, parsing after each read as
// Connection::Parse does.
Outcome Feed(std::string_view input, const std::vector<size_t>& reads) {
  Outcome outcome;
  std::string buffered;
  size_t read_so_far = 0;
  size_t request_start = 0;  // where the request being parsed starts in `input`
  auto parser = NewParser();
  for (size_t read = 0;; ++read) {
    while (!buffered.empty()) {
      error_code ec;
      size_t used = Put(*parser, buffered, ec);
      buffered.erase(0, used);
      if (ec == HttpError::need_more) {
        if (parser->is_header_done() && parser->chunked() &&
            buffered.size() > parser->max_pending_framing()) {
          return Stop(outcome, *parser, HttpError::buffer_overflow);
        }
        break;
      }
      if (ec) return Stop(outcome, *parser, ec);
      if (parser->is_done()) {
        size_t header_end = input.find("\r\n\r\n", request_start) + 4;
        outcome.requests.push_back(Finish(*parser, header_end - request_start));
        parser = NewParser();
        request_start = read_so_far - buffered.size();
        continue;
      }
      if (used == 0) break;
    }
    if (read_so_far == input.size()) return outcome;
    size_t n = std::min(reads[read % reads.size()], input.size() - read_so_far);
    buffered.append(input.substr(read_so_far, n));
    read_so_far += n;
  }
}

// Read sizes of 1 to 64 bytes, a different pattern for every input but the same on a rerun.
std::vector<size_t> ReadSizes(std::string_view input) {
  uint64_t state = 1469598103934665603ULL;  // FNV-1a over the input seeds the sequence
  for (unsigned char c : input) state = (state ^ c) * 1099511628211ULL;
  std::vector<size_t> sizes;
  for (int i = 0; i < 16; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    sizes.push_back(1 + (state >> 33) % 64);
  }
  return sizes;
}

// True when `a` is where `b` starts.
bool IsPrefix(const std::vector<Parsed>& a, const std::vector<Parsed>& b) {
  return a.size() <= b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// The same stream, but for four ways the result depends on where reads end:
// - Beast checks a start line as soon as it has one, but once a read ends inside a header it waits
//   for the whole header section: a bad byte fails the whole input at once while the pieces still
//   wait for the rest of the header;
// - Beast applies header_limit to the bytes not yet consumed, having consumed the start line and
//   the complete field lines of the first read that ends inside the header: whether a header
//   section somewhat over the limit passes depends on where reads end (Finish checks a bound).
//   So when either side stops at header_limit, the other may have parsed more requests;
// - Beast (1.81, basic_parser::parse_chunk_header) takes a chunk's size off the body limit before
//   parsing its extensions, and a quoted-string extension that runs past the line end asks for
//   more input: each retry takes the size off again, so pieces of a malformed chunk line end in
//   body_limit where the whole input ends in bad_chunk_extension or still waits for that line;
// - the connection bounds what Beast buffers while it waits for a chunk line or a trailer section
//   (max_pending_framing), which it sees only when a read ends inside one: the pieces can stop
//   with buffer_overflow where the whole input fails with another error.
bool SameStream(const Outcome& whole, const Outcome& pieces) {
  if (whole.error == HttpError::header_limit || pieces.error == HttpError::header_limit) {
    return IsPrefix(whole.requests, pieces.requests) || IsPrefix(pieces.requests, whole.requests);
  }
  if (whole.requests != pieces.requests) return false;
  if (pieces.error == HttpError::body_limit) return true;
  if (whole.error == HttpError::body_limit) return bool(pieces.error);
  if (whole.error == HttpError::buffer_overflow || pieces.error == HttpError::buffer_overflow) {
    return whole.error && pieces.error;
  }
  bool same_error = whole.error == pieces.error && whole.limit_broken == pieces.limit_broken;
  return same_error || (whole.error && !pieces.error);
}

// On a mismatch, what each side parsed, for the crash report.
void PrintOutcome(const char* side, const Outcome& outcome) {
  for (const Parsed& p : outcome.requests) {
    const auto& r = p.request;
    std::fprintf(stderr, "%s: %s %s body=%zu headers=%zu keep_alive=%d continue=%d\n", side,
                 r.method.c_str(), r.target.c_str(), r.body.size(), r.headers.size(), p.keep_alive,
                 p.expects_continue);
  }
  std::fprintf(stderr, "%s: ends with '%s', limit %d\n", side, outcome.error.message().c_str(),
               outcome.limit_broken ? static_cast<int>(*outcome.limit_broken) : -1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Outcome whole = Feed(input, {input.size() + 1});
  Outcome pieces = Feed(input, ReadSizes(input));
  if (!SameStream(whole, pieces)) {
    PrintOutcome("whole", whole);
    PrintOutcome("in pieces", pieces);
  }
  FUZZ_CHECK(SameStream(whole, pieces), "the stream parses differently when it arrives in pieces");
  return 0;
}
