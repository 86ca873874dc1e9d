#pragma once
// SigV4 Authorization header parsing and, for `--auth accept`, account/region resolution
// (docs/DECISIONS.md "Accounts and regions"). Pure functions; verification is verifier.h.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/scope.h"

namespace amplify::auth {

// "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/amplifybackend/aws4_request, ..."
struct CredentialScope {
  std::string access_key_id;
  std::string date;  // yyyymmdd
  std::string region;
  std::string service;
};

// The Credential= part of a SigV4 Authorization header; nullopt when absent or malformed.
std::optional<CredentialScope> ParseCredentialScope(std::string_view authorization);

// A whole "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=a;b, Signature=hex" header.
struct Authorization {
  CredentialScope credential;
  std::vector<std::string> signed_headers;  // as listed: lower-case, sorted
  std::string signature;
};

// The header's parts, or the IncompleteSignatureException AWS answers for it.
Result<Authorization> ParseAuthorization(std::string_view authorization);

inline constexpr std::string_view kDefaultAccount = "000000000000";

// A 12-digit access key id is the account id, else 000000000000; the region is the
// credential scope's, else `default_region`.
Scope ResolveScope(std::string_view authorization, std::string_view default_region);

}  // namespace amplify::auth
