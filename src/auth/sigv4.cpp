#include "auth/sigv4.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace amplify::auth {

std::optional<CredentialScope> ParseCredentialScope(std::string_view header) {
  constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
  if (header.substr(0, kAlgorithm.size()) != kAlgorithm) return std::nullopt;
  size_t pos = header.find("Credential=");
  if (pos == std::string_view::npos) return std::nullopt;
  std::string_view rest = header.substr(pos + 11);
  rest = rest.substr(0, std::min(rest.find(','), rest.find(' ')));
  // access-key/date/region/service/aws4_request
  std::string_view parts[5];
  for (int i = 0; i < 5; ++i) {
    size_t slash = rest.find('/');
    if ((slash == std::string_view::npos) != (i == 4)) return std::nullopt;
    parts[i] = rest.substr(0, slash);
    if (parts[i].empty()) return std::nullopt;
    if (slash != std::string_view::npos) rest = rest.substr(slash + 1);
  }
  if (parts[4] != "aws4_request") return std::nullopt;
  // The region keys all state: only a region-shaped name (us-east-1) is taken.
  if (parts[2].size() > 32 || !std::all_of(parts[2].begin(), parts[2].end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      })) {
    return std::nullopt;
  }
  return CredentialScope{std::string(parts[0]), std::string(parts[1]), std::string(parts[2]),
                         std::string(parts[3])};
}

Scope ResolveScope(std::string_view authorization, std::string_view default_region) {
  Scope scope{std::string(kDefaultAccount), std::string(default_region)};
  auto credential = ParseCredentialScope(authorization);
  if (!credential) return scope;
  const std::string& key = credential->access_key_id;
  if (key.size() == 12 &&
      std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); })) {
    scope.account = key;
  }
  scope.region = credential->region;
  return scope;
}

namespace {

AwsError Incomplete(std::string message) {
  return AuthFailure(ErrorCode::kIncompleteSignature, std::move(message));
}

std::string_view TrimSpaces(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return v;
}

}  // namespace

Result<Authorization> ParseAuthorization(std::string_view header) {
  constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
  size_t space = header.find(' ');
  std::string_view algorithm = header.substr(0, space);
  if (algorithm != kAlgorithm) {
    return Incomplete("Unsupported AWS 'algorithm': only AWS4-HMAC-SHA256 is accepted.");
  }
  std::string_view credential, signed_headers, signature;
  std::string_view rest = space == std::string_view::npos ? "" : header.substr(space + 1);
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view part = TrimSpaces(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
    size_t eq = part.find('=');
    std::string_view key = part.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? "" : part.substr(eq + 1);
    if (key == "Credential") credential = value;
    else if (key == "SignedHeaders") signed_headers = value;
    else if (key == "Signature") signature = value;
  }
  std::string missing;
  for (auto [name, value] : {std::pair{"Credential", credential},
                             std::pair{"Signature", signature},
                             std::pair{"SignedHeaders", signed_headers}}) {
    if (value.empty()) missing += fmt::format("Authorization header requires '{}' parameter. ", name);
  }
  if (!missing.empty()) return Incomplete(missing.substr(0, missing.size() - 1));
  auto scope = ParseCredentialScope(fmt::format("{} Credential={}", kAlgorithm, credential));
  if (!scope) {
    return Incomplete(
        "Credential must have exactly 5 slash-delimited elements, e.g. "
        "keyid/date/region/service/term, and end in aws4_request.");
  }
  Authorization out{std::move(*scope), {}, std::string(signature)};
  size_t start = 0;
  while (start <= signed_headers.size()) {
    size_t semi = signed_headers.find(';', start);
    std::string_view name = signed_headers.substr(
        start, semi == std::string_view::npos ? signed_headers.npos : semi - start);
    if (name.empty()) return Incomplete("SignedHeaders must not hold an empty header name.");
    out.signed_headers.emplace_back(name);
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return out;
}

}  // namespace amplify::auth
