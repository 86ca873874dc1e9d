#include "http/response_head.h"

#include <array>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/status.hpp>
#include <charconv>
#include <ctime>

namespace amplify::http {
namespace {

void AppendNumber(std::string& out, size_t n) {
  std::array<char, 24> buf;
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), n);
  out.append(buf.data(), end);
}

void AppendTwoDigits(char* p, int v) {
  p[0] = static_cast<char>('0' + v / 10);
  p[1] = static_cast<char>('0' + v % 10);
}

// "Date: Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 §5.6.7). Formatting once per second per thread
// keeps gmtime off the per-response path; strftime is avoided because %a/%b follow the locale.
std::string_view DateLine() {
  struct Cache {
    std::time_t second = -1;
    std::array<char, 64> text{};
    size_t size = 0;
  };
  thread_local Cache cache;
  std::time_t now = std::time(nullptr);
  if (now != cache.second) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::string line = "Date: ";
    line += kDays[tm.tm_wday];
    line += ", 00 ";
    AppendTwoDigits(line.data() + line.size() - 3, tm.tm_mday);
    line += kMonths[tm.tm_mon];
    line += ' ';
    line += std::to_string(tm.tm_year + 1900);
    line += " 00:00:00 GMT\r\n";
    char* t = line.data() + line.size() - 14;
    AppendTwoDigits(t, tm.tm_hour);
    AppendTwoDigits(t + 3, tm.tm_min);
    AppendTwoDigits(t + 6, tm.tm_sec);
    cache.size = std::min(line.size(), cache.text.size());
    line.copy(cache.text.data(), cache.size);
    cache.second = now;
  }
  return {cache.text.data(), cache.size};
}

}  // namespace

bool StatusAllowsBody(int status) { return status >= 200 && status != 204 && status != 304; }

void SerializeHead(const Response& response, const HeadOptions& options, std::string& out) {
  out.clear();
  out += "HTTP/1.1 ";
  AppendNumber(out, static_cast<size_t>(response.status));
  out += ' ';
  auto reason =
      boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
  out.append(reason.starts_with('<') ? std::string_view("Unknown") : std::string_view(reason));
  out += "\r\nServer: amplifybackend-server\r\n";
  out += DateLine();
  if (!response.content_type.empty()) {
    out += "Content-Type: ";
    out += response.content_type;
    out += "\r\n";
  }
  out += response.headers;  // checked line by line as AddHeader appended them
  if (StatusAllowsBody(response.status)) {
    out += "Content-Length: ";
    AppendNumber(out, response.body.size());
    out += "\r\n";
  }
  if (!options.keep_alive) {
    out += "Connection: close\r\n";
  } else if (options.http10) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
}

}  // namespace amplify::http
