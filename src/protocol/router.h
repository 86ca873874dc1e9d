#pragma once
// Routes a method + raw path to one of the 31 operations, generically from the model's
// request URIs (docs/DECISIONS.md "Wire names"): accepts an optional "/prod" stage prefix, splits the raw
// path on '/' before percent-decoding each label, and never normalises "." or "..".
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "model/service_model.h"

namespace amplify::protocol {

struct RouteMatch {
  const model::Operation* operation = nullptr;
  // Path labels, wire name → percent-decoded value.
  std::vector<std::pair<std::string_view, std::string>> labels;
};

class Router {
 public:
  Router();  // compiles the patterns of every operation in the model

  // 404 UnknownOperation when no operation has this path, 405 when none has this method,
  // 400 BadRequest for an empty label or bad percent-encoding.
  Result<RouteMatch> Match(std::string_view method, std::string_view target) const;
  // True when some operation has this path (CORS preflight answers for those).
  bool HasPath(std::string_view target) const;

 private:
  struct Segment {
    bool is_label;
    std::string_view text;  // literal text, or the label's wire name
  };
  struct Route {
    const model::Operation* operation;
    std::vector<Segment> segments;
  };
  // A path split without allocating. Routes have at most 7 segments: a path with more than
  // kMaxSegments cannot match one and is kept as too long (`overflow`).
  struct Segments {
    static constexpr size_t kMaxSegments = 16;
    std::array<std::string_view, kMaxSegments> items{};
    size_t count = 0;
    bool overflow = false;
    void push_back(std::string_view s) {
      if (count == kMaxSegments) {
        overflow = true;
      } else {
        items[count++] = s;
      }
    }
    size_t size() const { return overflow ? kMaxSegments + 1 : count; }
    std::string_view operator[](size_t i) const { return items[i]; }
    std::string_view front() const { return items[0]; }
    void pop_front() {
      for (size_t i = 1; i < count; ++i) items[i - 1] = items[i];
      --count;
    }
  };
  // Splits the target into raw segments after stripping the query and the /prod prefix.
  static Segments RawSegments(std::string_view target);
  bool PathMatches(const Route& r, const Segments& raw) const;

  std::vector<Route> routes_;
};

// Percent-decodes one path segment; false on a malformed escape.
bool PercentDecode(std::string_view in, std::string& out);

}  // namespace amplify::protocol
