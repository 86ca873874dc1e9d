#include "admin/console_files.h"

#include <fmt/format.h>

namespace amplify::admin {
namespace {

// The console talks to this server only (no CDN, no other host: DESIGN "Admin console");
// styles may be set inline by scripts (the diagram), nothing else is inline.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

uint64_t Fnv1a(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

http::Response Redirect(int status, std::string_view location) {
  http::Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = fmt::format("See {}\n", location);
  http::AddHeader(r, "Location", location);
  return r;
}

http::Response Plain(int status, std::string_view text) {
  http::Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::string(text);
  return r;
}

// Whether an If-None-Match list names `etag` (or is "*"); weak tags match as their strong form.
bool Matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    size_t comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

ConsoleFiles::ConsoleFiles(std::span<const ConsoleAsset> assets) {
  for (const ConsoleAsset& asset : assets) {
    files_.emplace(asset.path, File{&asset, fmt::format("\"{:016x}\"", Fnv1a(asset.body))});
  }
}

std::optional<http::Response> ConsoleFiles::Serve(const http::Request& request) const {
  std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
  const bool get = request.method == "GET" || request.method == "HEAD";
  // A browser asking for the root gets the console; an API client (no text/html) does not.
  if (path == "/") {
    if (!get || request.accept.find("text/html") == std::string::npos) return std::nullopt;
    return Redirect(302, kConsolePrefix);
  }
  if (path == "/_admin") return Redirect(301, kConsolePrefix);
  if (!path.starts_with(kConsolePrefix)) return std::nullopt;
  if (!get) {
    http::Response r = Plain(405, "The console's files are read with GET.\n");
    http::AddHeader(r, "Allow", "GET, HEAD");
    return r;
  }
  std::string_view name = path.substr(kConsolePrefix.size());
  if (name.empty()) name = "index.html";
  auto it = files_.find(name);
  if (it == files_.end()) return Plain(404, "No such file in the console.\n");
  return Send(it->second, request);
}

http::Response ConsoleFiles::Send(const File& file, const http::Request& request) const {
  http::Response r;
  if (Matches(request.if_none_match, file.etag)) {
    r.status = 304;
  } else {
    r.body = std::string(file.asset->body);
  }
  r.content_type = file.asset->content_type;
  // Always revalidated (the names carry no version), which the ETag makes a cheap 304.
  http::AddHeader(r, "Cache-Control", "no-cache");
  http::AddHeader(r, "ETag", file.etag);
  http::AddHeader(r, "X-Content-Type-Options", "nosniff");
  http::AddHeader(r, "Referrer-Policy", "no-referrer");
  http::AddHeader(r, "Content-Security-Policy", kContentSecurityPolicy);
  return r;
}

}  // namespace amplify::admin
