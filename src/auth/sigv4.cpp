#include "auth/sigv4.h"

#include <algorithm>
#include <cctype>

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

}  // namespace amplify::auth
