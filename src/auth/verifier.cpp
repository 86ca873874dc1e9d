#include "auth/verifier.h"

#include <fmt/format.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <ctime>

#include "auth/sigv4.h"
#include "auth/sigv4_signing.h"

namespace amplify::auth {
namespace {

constexpr std::string_view kMismatch =
    "The request signature we calculated does not match the signature you provided. Check your "
    "AWS Secret Access Key and signing method. Consult the service documentation for details.";
constexpr std::string_view kBadToken = "The security token included in the request is invalid.";

AwsError Fail(ErrorCode code, std::string message) { return AuthFailure(code, std::move(message)); }

bool SameName(std::string_view a, std::string_view lower) {
  return a.size() == lower.size() &&
         std::equal(a.begin(), a.end(), lower.begin(), [](char x, char y) {
           return static_cast<char>(std::tolower(static_cast<unsigned char>(x))) == y;
         });
}

const std::string* FindHeader(const http::Request& r, std::string_view lower_name) {
  for (const auto& [name, value] : r.headers)
    if (SameName(name, lower_name)) return &value;
  return nullptr;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// "20261204T101500Z" → ms since the epoch; nullopt when not in that form.
std::optional<int64_t> ParseAmzDate(std::string_view v) {
  if (v.size() != 16 || v[8] != 'T' || v[15] != 'Z') return std::nullopt;
  int f[6];
  const int at[6] = {0, 4, 6, 9, 11, 13}, len[6] = {4, 2, 2, 2, 2, 2};
  for (int i = 0; i < 6; ++i) {
    int n = 0;
    for (int j = 0; j < len[i]; ++j) {
      char c = v[at[i] + j];
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    f[i] = n;
  }
  std::tm tm{};
  tm.tm_year = f[0] - 1900;
  tm.tm_mon = f[1] - 1;
  tm.tm_mday = f[2];
  tm.tm_hour = f[3];
  tm.tm_min = f[4];
  tm.tm_sec = f[5];
  if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59 || f[5] > 60) {
    return std::nullopt;
  }
  return static_cast<int64_t>(timegm(&tm)) * 1000;
}

std::string FormatAmzDate(int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

}  // namespace

Result<Scope> Verifier::Verify(const http::Request& request) const {
  if (request.authorization.empty()) {
    return Fail(ErrorCode::kMissingAuthenticationToken, "Missing Authentication Token");
  }
  Result<Authorization> parsed = ParseAuthorization(request.authorization);
  if (!parsed) return parsed.error();
  const Authorization& auth = *parsed;
  const CredentialScope& scope = auth.credential;

  const std::string* amz_date = FindHeader(request, "x-amz-date");
  if (!amz_date) {
    return Fail(ErrorCode::kIncompleteSignature,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
                "header.");
  }
  std::optional<int64_t> signed_at = ParseAmzDate(*amz_date);
  if (!signed_at) {
    return Fail(ErrorCode::kIncompleteSignature,
                "X-Amz-Date must be in ISO-8601 'basic format', e.g. 20150830T123600Z.");
  }
  for (std::string_view required : {"host", "x-amz-date"}) {
    if (std::find(auth.signed_headers.begin(), auth.signed_headers.end(), required) ==
        auth.signed_headers.end()) {
      return Fail(ErrorCode::kIncompleteSignature,
                  fmt::format("'{}' must be a 'SignedHeader' in the AWS Authorization.", required));
    }
  }
  if (scope.service != kServiceName) {
    return Fail(ErrorCode::kIncompleteSignature,
                fmt::format("Credential should be scoped to correct service: '{}'.", kServiceName));
  }
  if (scope.date != std::string_view(*amz_date).substr(0, 8)) {
    return Fail(ErrorCode::kIncompleteSignature,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                "from HTTP.");
  }

  const int64_t now = clock_.NowMillis();
  if (*signed_at < now - kMaxSkewMs) {
    return Fail(ErrorCode::kInvalidSignature,
                fmt::format("Signature expired: {} is now earlier than {} ({} - 15 min.)",
                            FormatAmzDate(*signed_at), FormatAmzDate(now - kMaxSkewMs),
                            FormatAmzDate(now)));
  }
  if (*signed_at > now + kMaxSkewMs) {
    return Fail(ErrorCode::kInvalidSignature,
                fmt::format("Signature not yet current: {} is still later than {} ({} + 15 min.)",
                            FormatAmzDate(*signed_at), FormatAmzDate(now + kMaxSkewMs),
                            FormatAmzDate(now)));
  }

  std::shared_ptr<const CredentialTable> table = credentials_.Current();
  auto key = table->find(scope.access_key_id);
  if (key == table->end()) return Fail(ErrorCode::kUnrecognizedClient, std::string(kBadToken));
  const Credential& credential = key->second;
  const std::string* token = FindHeader(request, "x-amz-security-token");
  if (!credential.session_token.empty() || token) {
    if (!token || !ConstantTimeEquals(*token, credential.session_token)) {
      return Fail(ErrorCode::kUnrecognizedClient, std::string(kBadToken));
    }
  }

  std::string payload_hash = Sha256Hex(request.body);
  if (const std::string* claimed = FindHeader(request, "x-amz-content-sha256");
      claimed && *claimed != payload_hash) {
    return Fail(ErrorCode::kInvalidSignature,
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  std::string canonical = CanonicalRequest(
      {request.method, request.target, request.headers, auth.signed_headers, payload_hash});
  std::string to_sign = StringToSign(
      *amz_date, CredentialScopeText(scope.date, scope.region, scope.service), canonical);
  std::string expected = SignatureHex(
      SigningKey(credential.secret_access_key, scope.date, scope.region, scope.service), to_sign);
  if (!ConstantTimeEquals(expected, auth.signature)) {
    return Fail(ErrorCode::kInvalidSignature, std::string(kMismatch));
  }
  return Scope{credential.account_id, scope.region};
}

}  // namespace amplify::auth
