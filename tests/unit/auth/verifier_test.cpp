// Verifier: each of AWS's 403s, in the order AWS checks, and the scope a good signature gives.
// Requests are signed here with the signer the SigV4 test vectors check.
#include "auth/verifier.h"

#include <gtest/gtest.h>

#include <fstream>

#include "auth/sigv4_signing.h"

namespace amplify::auth {
namespace {

constexpr int64_t kNow = 1'764'843'300'000;  // 2025-12-04T10:15:00Z
constexpr const char* kDate = "20251204T101500Z";

class VerifierTest : public ::testing::Test {
 protected:
  VerifierTest() : clock_(kNow) {
    // One file per test: ctest runs the tests of this fixture in parallel processes.
    path_ = ::testing::TempDir() + "/verifier-credentials-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::ofstream(path_, std::ios::trunc)
        << "[a]\naws_access_key_id=AKIDA\naws_secret_access_key=secretA\n"
           "aws_account_id=111111111111\n"
           "[t]\naws_access_key_id=ASIAT\naws_secret_access_key=secretT\n"
           "aws_session_token=token-T\naws_account_id=111111111111\n";
    credentials_ = std::make_unique<CredentialStore>(path_);
    verifier_ = std::make_unique<Verifier>(*credentials_, clock_);
  }

  // A POST signed as botocore signs it; `service`, `date`, `key` and `secret` vary per test.
  http::Request Signed(const std::string& target = "/prod/backend/app1/details",
                       const std::string& body = R"({"backendEnvironmentName":"dev"})",
                       const std::string& key = "AKIDA", const std::string& secret = "secretA",
                       const std::string& service = "amplifybackend",
                       const std::string& date = kDate) {
    http::Request r;
    r.method = "POST";
    r.target = target;
    r.body = body;
    r.headers = {{"Host", "127.0.0.1:4566"},
                 {"Content-Type", "application/json"},
                 {"X-Amz-Date", date},
                 {"User-Agent", "test"}};
    Sign(r, key, secret, service, {"content-type", "host", "x-amz-date"});
    return r;
  }

  static void Sign(http::Request& r, const std::string& key, const std::string& secret,
                   const std::string& service, std::vector<std::string> signed_headers) {
    std::string date;
    for (const auto& [n, v] : r.headers)
      if (n == "X-Amz-Date") date = v;
    std::string scope = CredentialScopeText(date.substr(0, 8), "eu-west-1", service);
    std::string canonical =
        CanonicalRequest({r.method, r.target, r.headers, signed_headers, Sha256Hex(r.body)});
    std::string signature = SignatureHex(
        SigningKey(secret, date.substr(0, 8), "eu-west-1", service),
        StringToSign(date, scope, canonical));
    std::string list;
    for (const auto& h : signed_headers) list += (list.empty() ? "" : ";") + h;
    r.authorization = "AWS4-HMAC-SHA256 Credential=" + key + "/" + scope +
                      ", SignedHeaders=" + list + ", Signature=" + signature;
  }

  void ExpectRefused(const http::Request& r, ErrorCode code, const std::string& words) {
    Result<Scope> scope = verifier_->Verify(r);
    ASSERT_FALSE(scope.ok());
    EXPECT_EQ(scope.error().code, code) << scope.error().message;
    EXPECT_NE(scope.error().message.find(words), std::string::npos) << scope.error().message;
  }

  ManualClock clock_;
  std::string path_;
  std::unique_ptr<CredentialStore> credentials_;
  std::unique_ptr<Verifier> verifier_;
};

TEST_F(VerifierTest, AGoodSignatureActsInTheKeysAccountAndTheScopesRegion) {
  Result<Scope> scope = verifier_->Verify(Signed());
  ASSERT_TRUE(scope.ok()) << scope.error().message;
  EXPECT_EQ(scope->account, "111111111111");
  EXPECT_EQ(scope->region, "eu-west-1");
}

TEST_F(VerifierTest, UnsignedExtraHeadersAreAccepted) {
  http::Request r = Signed();
  r.headers.emplace_back("X-Forwarded-For", "10.0.0.1");
  r.headers.emplace_back("amz-sdk-request", "attempt=2");
  EXPECT_TRUE(verifier_->Verify(r).ok());
}

TEST_F(VerifierTest, NoAuthorizationIsMissingAuthenticationToken) {
  http::Request r = Signed();
  r.authorization.clear();
  ExpectRefused(r, ErrorCode::kMissingAuthenticationToken, "Missing Authentication Token");
}

TEST_F(VerifierTest, MalformedHeadersAreIncompleteSignatures) {
  http::Request r = Signed();
  for (const auto& [header, words] : std::vector<std::pair<std::string, std::string>>{
           {"Basic dXNlcjpwYXNz", "AWS4-HMAC-SHA256"},
           {"AWS4-HMAC-SHA256 ", "requires 'Credential' parameter"},
           {"AWS4-HMAC-SHA256 Credential=AKIDA/20251204/eu-west-1/amplifybackend/aws4_request",
            "requires 'Signature' parameter"},
           {"AWS4-HMAC-SHA256 Credential=AKIDA/20251204, SignedHeaders=host, Signature=00",
            "5 slash-delimited elements"},
           {"AWS4-HMAC-SHA256 Credential=\xFF\xFE, SignedHeaders=host, Signature=00",
            "5 slash-delimited elements"}}) {
    r.authorization = header;
    ExpectRefused(r, ErrorCode::kIncompleteSignature, words);
  }
}

TEST_F(VerifierTest, DateAndScopeProblemsAreIncompleteSignatures) {
  http::Request r = Signed();
  r.headers.erase(r.headers.begin() + 2);  // X-Amz-Date
  ExpectRefused(r, ErrorCode::kIncompleteSignature, "'X-Amz-Date'");
  ExpectRefused(Signed("/backend/app1/details", "{}", "AKIDA", "secretA", "s3"),
                ErrorCode::kIncompleteSignature, "scoped to correct service: 'amplifybackend'");
  ExpectRefused(Signed("/backend/app1/details", "{}", "AKIDA", "secretA", "amplifybackend",
                       "2025-12-04T10:15"),
                ErrorCode::kIncompleteSignature, "ISO-8601");
  http::Request unsigned_host = Signed();
  Sign(unsigned_host, "AKIDA", "secretA", "amplifybackend", {"x-amz-date"});
  ExpectRefused(unsigned_host, ErrorCode::kIncompleteSignature, "'host' must be a 'SignedHeader'");
}

TEST_F(VerifierTest, ExpiredAndFutureSignaturesSayWhenInAwsWords) {
  ExpectRefused(Signed("/backend/app1/details", "{}", "AKIDA", "secretA", "amplifybackend",
                       "20251204T095959Z"),
                ErrorCode::kInvalidSignature,
                "Signature expired: 20251204T095959Z is now earlier than 20251204T100000Z "
                "(20251204T101500Z - 15 min.)");
  ExpectRefused(Signed("/backend/app1/details", "{}", "AKIDA", "secretA", "amplifybackend",
                       "20251204T103001Z"),
                ErrorCode::kInvalidSignature,
                "Signature not yet current: 20251204T103001Z is still later than "
                "20251204T103000Z (20251204T101500Z + 15 min.)");
  EXPECT_TRUE(verifier_
                  ->Verify(Signed("/backend/app1/details", "{}", "AKIDA", "secretA",
                                  "amplifybackend", "20251204T100000Z"))
                  .ok());
}

TEST_F(VerifierTest, UnknownKeysAndWrongSessionTokensAreUnrecognizedClients) {
  ExpectRefused(Signed("/backend/app1/details", "{}", "AKIDNOBODY", "x"),
                ErrorCode::kUnrecognizedClient, "security token included in the request is invalid");
  http::Request no_token = Signed("/backend/app1/details", "{}", "ASIAT", "secretT");
  ExpectRefused(no_token, ErrorCode::kUnrecognizedClient, "security token");
  http::Request token = no_token;
  token.headers.emplace_back("X-Amz-Security-Token", "token-T");
  EXPECT_TRUE(verifier_->Verify(token).ok());
  token.headers.back().second = "token-X";
  ExpectRefused(token, ErrorCode::kUnrecognizedClient, "security token");
  http::Request stray = Signed();
  stray.headers.emplace_back("X-Amz-Security-Token", "token-T");
  ExpectRefused(stray, ErrorCode::kUnrecognizedClient, "security token");
}

TEST_F(VerifierTest, AnythingTamperedWithIsAnInvalidSignature) {
  const std::string mismatch = "The request signature we calculated does not match";
  ExpectRefused(Signed("/backend/app1/details", "{}", "AKIDA", "wrong"),
                ErrorCode::kInvalidSignature, mismatch);
  http::Request body = Signed();
  body.body = R"({"backendEnvironmentName":"prod"})";
  ExpectRefused(body, ErrorCode::kInvalidSignature, mismatch);
  http::Request header = Signed();
  header.headers[1].second = "text/plain";  // Content-Type is signed
  ExpectRefused(header, ErrorCode::kInvalidSignature, mismatch);
  http::Request path = Signed();
  path.target = "/prod/backend/app2/details";
  ExpectRefused(path, ErrorCode::kInvalidSignature, mismatch);
  http::Request prefix = Signed();
  prefix.target = "/backend/app1/details";  // the /prod prefix is signed too
  ExpectRefused(prefix, ErrorCode::kInvalidSignature, mismatch);
  http::Request query = Signed();
  query.target += "?x=1";
  ExpectRefused(query, ErrorCode::kInvalidSignature, mismatch);
  http::Request method = Signed();
  method.method = "GET";
  ExpectRefused(method, ErrorCode::kInvalidSignature, mismatch);
  http::Request hash = Signed();
  hash.headers.emplace_back("X-Amz-Content-SHA256", Sha256Hex("other"));
  ExpectRefused(hash, ErrorCode::kInvalidSignature, "x-amz-content-sha256");
}

TEST_F(VerifierTest, PercentEncodedLabelsVerify) {
  EXPECT_TRUE(verifier_->Verify(Signed("/prod/backend/a%20b%2Fc%FF/details")).ok());
}

}  // namespace
}  // namespace amplify::auth
