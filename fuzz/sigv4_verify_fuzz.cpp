// Fuzzes SigV4 verification end to end (src/auth/verifier.h, sigv4_signing.h): the Authorization
// parser, the canonicaliser and the verifier. Input: lines "METHOD target", then header lines
// "Name: value", an empty line, the body.
// Checks: parsing and verifying never throw; an unsigned or garbled request gets one of the four
// 403 codes, never a scope; the same request signed with a known key (by the signer AWS's test
// vectors check) is accepted, in that key's account and region; any change to its body is then
// refused as InvalidSignature.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "auth/sigv4.h"
#include "auth/sigv4_signing.h"
#include "auth/verifier.h"
#include "fuzz_check.h"

namespace {

using namespace amplify;

constexpr int64_t kNow = 1'764'843'300'000;  // 2025-12-04T10:15:00Z
constexpr std::string_view kDate = "20251204T101500Z";

struct Fixture {
  Fixture() : clock(kNow) {
    std::string path = "/tmp/sigv4-verify-fuzz-credentials";
    std::ofstream(path, std::ios::trunc)
        << "[f]\naws_access_key_id=AKIDFUZZ\naws_secret_access_key=fuzz/secret\n"
           "aws_account_id=123456789012\n";
    credentials = std::make_unique<auth::CredentialStore>(path);
    verifier = std::make_unique<auth::Verifier>(*credentials, clock);
  }
  ManualClock clock;
  std::unique_ptr<auth::CredentialStore> credentials;
  std::unique_ptr<auth::Verifier> verifier;
};

bool IsAuthFailure(ErrorCode code) {
  return code == ErrorCode::kMissingAuthenticationToken ||
         code == ErrorCode::kIncompleteSignature || code == ErrorCode::kUnrecognizedClient ||
         code == ErrorCode::kInvalidSignature;
}

http::Request Parse(std::string_view in) {
  http::Request r;
  size_t eol = in.find('\n');
  std::string_view first = in.substr(0, eol);
  size_t space = first.find(' ');
  r.method = std::string(first.substr(0, space));
  r.target = space == std::string_view::npos ? "/" : std::string(first.substr(space + 1));
  in = eol == std::string_view::npos ? "" : in.substr(eol + 1);
  while (!in.empty()) {
    eol = in.find('\n');
    std::string_view line = in.substr(0, eol);
    in = eol == std::string_view::npos ? "" : in.substr(eol + 1);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(line.substr(0, colon));
    std::string value(line.substr(colon + 1));
    // What Beast would refuse never reaches the verifier: keep names to token characters.
    if (name.empty() || name.find_first_of(" \t\r\0", 0, 4) != std::string::npos) continue;
    if (value.find_first_of("\r\n\0", 0, 3) != std::string::npos) continue;
    if (name == "Authorization" || name == "authorization") r.authorization = value;
    r.headers.emplace_back(std::move(name), std::move(value));
  }
  r.body = std::string(in);
  return r;
}

void SignAsAKIDFUZZ(http::Request& r) {
  // Drop any date or token the input carried; sign host (added if absent) and x-amz-date.
  std::erase_if(r.headers, [](const auto& h) {
    std::string lower;
    for (char c : h.first) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return lower == "x-amz-date" || lower == "x-amz-security-token" ||
           lower == "x-amz-content-sha256" || lower == "authorization";
  });
  r.headers.emplace_back("X-Amz-Date", std::string(kDate));
  r.headers.emplace_back("Host", "fuzz.example");
  std::vector<std::string> signed_headers = {"host", "x-amz-date"};
  std::string scope = auth::CredentialScopeText(kDate.substr(0, 8), "eu-west-1", "amplifybackend");
  std::string canonical = auth::CanonicalRequest(
      {r.method, r.target, r.headers, signed_headers, auth::Sha256Hex(r.body)});
  std::string signature = auth::SignatureHex(
      auth::SigningKey("fuzz/secret", kDate.substr(0, 8), "eu-west-1", "amplifybackend"),
      auth::StringToSign(kDate, scope, canonical));
  r.authorization = "AWS4-HMAC-SHA256 Credential=AKIDFUZZ/" + scope +
                    ", SignedHeaders=host;x-amz-date, Signature=" + signature;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture fixture;
  http::Request request = Parse({reinterpret_cast<const char*>(data), size});

  (void)auth::ParseAuthorization(request.authorization);
  Result<Scope> as_sent = fixture.verifier->Verify(request);
  if (!as_sent.ok()) {
    FUZZ_CHECK(IsAuthFailure(as_sent.error().code), "a refusal that is not a SigV4 403");
    FUZZ_CHECK(!as_sent.error().message.empty(), "a refusal without a message");
  }

  SignAsAKIDFUZZ(request);
  Result<Scope> signed_scope = fixture.verifier->Verify(request);
  FUZZ_CHECK(signed_scope.ok(), "a correctly signed request was refused");
  FUZZ_CHECK(signed_scope->account == "123456789012" && signed_scope->region == "eu-west-1",
             "the scope is not the key's account and region");

  request.body.push_back('x');
  Result<Scope> tampered = fixture.verifier->Verify(request);
  FUZZ_CHECK(!tampered.ok() && tampered.error().code == ErrorCode::kInvalidSignature,
             "a tampered body was accepted");
  return 0;
}
