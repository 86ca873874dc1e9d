// Fuzzes the SigV4 Authorization header parser and the account/region resolution
// (src/auth/sigv4.h). Input: the header value.
// Checks: a parsed credential scope comes from a header of the SigV4 algorithm, has four
// non-empty parts none of which holds a separator, and parses back to itself from the canonical
// header; ResolveScope gives a 12-digit account and the scope's region, or the defaults.
// The canonical request, signing and verification are fuzzed end to end by sigv4_verify_fuzz.cpp.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "auth/sigv4.h"
#include "fuzz_check.h"

namespace {

using amplify::auth::CredentialScope;
using amplify::auth::ParseCredentialScope;

constexpr std::string_view kDefaultRegion = "us-east-1";

bool HasSeparator(std::string_view part) {
  return part.find_first_of("/, ") != std::string_view::npos;
}

std::string CanonicalHeader(const CredentialScope& scope) {
  return "AWS4-HMAC-SHA256 Credential=" + scope.access_key_id + "/" + scope.date + "/" +
         scope.region + "/" + scope.service +
         "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
}

bool SameScope(const CredentialScope& a, const CredentialScope& b) {
  return a.access_key_id == b.access_key_id && a.date == b.date && a.region == b.region &&
         a.service == b.service;
}

void CheckScope(std::string_view header, const CredentialScope& scope) {
  FUZZ_CHECK(header.starts_with("AWS4-HMAC-SHA256"), "parsed a header of another algorithm");
  for (const std::string* part :
       {&scope.access_key_id, &scope.date, &scope.region, &scope.service}) {
    FUZZ_CHECK(!part->empty(), "a credential scope part is empty");
    FUZZ_CHECK(!HasSeparator(*part), "a credential scope part holds a separator");
  }
  auto again = ParseCredentialScope(CanonicalHeader(scope));
  FUZZ_CHECK(again && SameScope(*again, scope), "the canonical header parses differently");
}

void CheckResolvedScope(std::string_view header, const std::optional<CredentialScope>& scope) {
  amplify::Scope resolved = amplify::auth::ResolveScope(header, kDefaultRegion);
  const std::string& account = resolved.account;
  bool twelve_digits =
      account.size() == 12 &&
      std::all_of(account.begin(), account.end(), [](unsigned char c) { return std::isdigit(c); });
  FUZZ_CHECK(twelve_digits, "the account is not 12 digits");
  if (!scope) {
    FUZZ_CHECK(account == amplify::auth::kDefaultAccount, "an account without a credential");
    FUZZ_CHECK(resolved.region == kDefaultRegion, "a region without a credential");
    return;
  }
  FUZZ_CHECK(resolved.region == scope->region, "the region is not the credential's");
  bool key_is_account = scope->access_key_id == account;
  FUZZ_CHECK(key_is_account || account == amplify::auth::kDefaultAccount,
             "the account is neither the key nor the default");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);
  auto scope = ParseCredentialScope(header);
  if (scope) CheckScope(header, *scope);
  CheckResolvedScope(header, scope);
  return 0;
}
