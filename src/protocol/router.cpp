#include "protocol/router.h"

#include <fmt/format.h>

namespace amplify::protocol {
namespace {

template <class Out>
void Split(std::string_view path, Out& out) {
  // path starts with '/'; every '/' starts a segment (empty segments are kept).
  size_t start = 1;
  while (true) {
    size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool PercentDecode(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

Router::Router() {
  for (const model::Operation& op : model::kOperations) {
    Route route{&op, {}};
    std::vector<std::string_view> segments;
    Split(op.uri, segments);
    for (std::string_view seg : segments) {
      if (!seg.empty() && seg.front() == '{') {
        route.segments.push_back({true, seg.substr(1, seg.size() - 2)});
      } else {
        route.segments.push_back({false, seg});
      }
    }
    routes_.push_back(std::move(route));
  }
}

Router::Segments Router::RawSegments(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  if (path.empty() || path.front() != '/') return {};
  Segments raw;
  Split(path, raw);
  // Strip one "/prod" stage prefix, only in front of the service's own path space (§1.1).
  if (raw.size() >= 2 && raw[0] == "prod" && (raw[1] == "backend" || raw[1] == "s3Buckets")) {
    raw.pop_front();
  }
  return raw;
}

bool Router::PathMatches(const Route& r, const Segments& raw) const {
  if (r.segments.size() != raw.size()) return false;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (!r.segments[i].is_label && r.segments[i].text != raw[i]) return false;
  }
  return true;
}

bool Router::HasPath(std::string_view target) const {
  Segments raw = RawSegments(target);
  for (const Route& r : routes_)
    if (PathMatches(r, raw)) return true;
  return false;
}

Result<RouteMatch> Router::Match(std::string_view method, std::string_view target) const {
  Segments raw = RawSegments(target);
  bool path_known = false;
  for (const Route& r : routes_) {
    if (!PathMatches(r, raw)) continue;
    path_known = true;
    if (r.operation->method != method) continue;
    RouteMatch match{r.operation, {}};
    for (size_t i = 0; i < raw.size(); ++i) {
      if (!r.segments[i].is_label) continue;
      std::string value;
      if (!PercentDecode(raw[i], value)) {
        return BadRequest(fmt::format("Malformed percent-encoding in path label '{}'.",
                                      r.segments[i].text));
      }
      if (value.empty()) {
        return BadRequest(fmt::format(
            "1 validation error detected: Value at '{}' failed to satisfy constraint: Member "
            "must not be empty",
            r.segments[i].text));
      }
      match.labels.emplace_back(r.segments[i].text, std::move(value));
    }
    return match;
  }
  std::string path(target.substr(0, target.find('?')));
  if (path_known) {
    return MethodNotAllowed(fmt::format("Method {} is not allowed on {}.", method, path));
  }
  return UnknownOperation(fmt::format("No operation matches {} {}.", method, path));
}

}  // namespace amplify::protocol
