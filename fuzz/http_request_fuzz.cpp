// Fuzzes the HTTP/1.1 request parser (src/http/request_parser.h) the way a connection drives it
// (src/http/connection.cpp, Connection::Parse): pipelined requests, a fresh parser for each, fed
// from a buffer that grows by reads of any size.
// Checks: put() reads only the bytes it is given (each call sees an exact-size heap copy, so ASan
// stops a read past it) and never claims more; how the bytes arrive changes nothing but two
// known effects inside Beast (SameStream); a finished request has a method, a target and a
// body within the limit.
#include <algorithm>
#include <boost/beast/http/error.hpp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "http/request_parser.h"

namespace {

using amplify::http::RequestParser;
using boost::system::error_code;

// Small limits, so short inputs reach both limit errors.
constexpr uint64_t kBodyLimit = 2048;
constexpr uint32_t kHeaderLimit = 1024;

struct Parsed {
  amplify::http::Request request;
  bool keep_alive, expects_continue, http10, head;

  bool operator==(const Parsed& o) const {
    const auto& a = request;
    const auto& b = o.request;
    return a.method == b.method && a.target == b.target && a.body == b.body &&
           a.authorization == b.authorization && a.origin == b.origin &&
           a.access_control_request_headers == b.access_control_request_headers &&
           keep_alive == o.keep_alive && expects_continue == o.expects_continue &&
           http10 == o.http10 && head == o.head;
  }
};

struct Outcome {
  std::vector<Parsed> requests;
  error_code error;  // the error that ended the stream; none when the input simply ran out
};

Parsed Finish(RequestParser& parser) {
  Parsed parsed{std::move(parser.request()), parser.keep_alive(), parser.expects_continue(),
                parser.is_http10(), parser.is_head()};
  FUZZ_CHECK(!parsed.request.method.empty(), "a finished request has no method");
  FUZZ_CHECK(!parsed.request.target.empty(), "a finished request has no target");
  FUZZ_CHECK(parsed.request.body.size() <= kBodyLimit, "a body passed the body limit");
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

// Feeds `input` in reads of the sizes `reads` cycles through, parsing after each read as
// Connection::Parse does.
Outcome Feed(std::string_view input, const std::vector<size_t>& reads) {
  Outcome outcome;
  std::string buffered;
  size_t read_so_far = 0;
  auto parser = std::make_unique<RequestParser>(kBodyLimit, kHeaderLimit);
  for (size_t read = 0;; ++read) {
    while (!buffered.empty()) {
      error_code ec;
      size_t used = Put(*parser, buffered, ec);
      buffered.erase(0, used);
      if (ec == boost::beast::http::error::need_more) break;
      if (ec) {
        outcome.error = ec;
        return outcome;
      }
      if (parser->is_done()) {
        outcome.requests.push_back(Finish(*parser));
        parser = std::make_unique<RequestParser>(kBodyLimit, kHeaderLimit);
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

// On a mismatch, what each side parsed, for the crash report.
void PrintRequests(const char* side, const std::vector<Parsed>& requests) {
  for (const Parsed& p : requests) {
    const auto& r = p.request;
    std::fprintf(stderr, "%s: %s %s body=%zu auth=%zu origin=%zu acrh=%zu keep_alive=%d "
                 "continue=%d http10=%d head=%d\n", side, r.method.c_str(), r.target.c_str(),
                 r.body.size(), r.authorization.size(), r.origin.size(),
                 r.access_control_request_headers.size(), p.keep_alive, p.expects_continue,
                 p.http10, p.head);
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

// The same stream, but for two ways Beast's basic_parser depends on where reads end:
// - it checks a start line as soon as it has one, but once a read ends inside a header it waits
//   for the whole header section: a bad byte fails the whole input at once while the pieces still
//   wait for the rest of the header;
// - it applies header_limit to the bytes not yet consumed, and consumes the start line and each
//   complete field line of the first read that ends inside the header: the limit holds for the
//   whole input, but pieces may pass up to about twice as much, or fail where the whole did not.
//   So when either side stops at header_limit, the other may have parsed more requests.
bool SameStream(const Outcome& whole, const Outcome& pieces) {
  using boost::beast::http::error::header_limit;
  if (whole.error == header_limit || pieces.error == header_limit) {
    return IsPrefix(whole.requests, pieces.requests) || IsPrefix(pieces.requests, whole.requests);
  }
  if (whole.requests != pieces.requests) return false;
  return whole.error == pieces.error || (whole.error && !pieces.error);
}

void PrintOutcome(const char* side, const Outcome& outcome) {
  PrintRequests(side, outcome.requests);
  std::fprintf(stderr, "%s: ends with '%s'\n", side, outcome.error.message().c_str());
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
