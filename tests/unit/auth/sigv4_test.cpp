#include "auth/sigv4.h"

#include <gtest/gtest.h>

namespace amplify::auth {
namespace {

constexpr const char* kBoto =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/amplifybackend/aws4_request, "
    "SignedHeaders=host;x-amz-date, Signature=abcdef";

TEST(SigV4Test, ParsesTheCredentialScope) {
  auto c = ParseCredentialScope(kBoto);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->access_key_id, "AKIDEXAMPLE");
  EXPECT_EQ(c->date, "20261122");
  EXPECT_EQ(c->region, "eu-west-1");
  EXPECT_EQ(c->service, "amplifybackend");
}

TEST(SigV4Test, RejectsMalformedHeaders) {
  EXPECT_FALSE(ParseCredentialScope(""));
  EXPECT_FALSE(ParseCredentialScope("Basic dXNlcjpwYXNz"));
  EXPECT_FALSE(ParseCredentialScope("AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1"));
  EXPECT_FALSE(ParseCredentialScope(
      "AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/amplifybackend/aws4_requestX"));
  EXPECT_FALSE(ParseCredentialScope("AWS4-HMAC-SHA256 Credential=//us-east-1/x/aws4_request"));
}

TEST(SigV4Test, TwelveDigitKeysAreAccounts) {
  std::string h =
      "AWS4-HMAC-SHA256 Credential=111122223333/20261122/ap-south-1/amplifybackend/aws4_request, "
      "SignedHeaders=host, Signature=00";
  Scope s = ResolveScope(h, "us-east-1");
  EXPECT_EQ(s.account, "111122223333");
  EXPECT_EQ(s.region, "ap-south-1");
  s = ResolveScope(kBoto, "us-east-1");
  EXPECT_EQ(s.account, "000000000000");
  EXPECT_EQ(s.region, "eu-west-1");
}

TEST(SigV4Test, UnsignedRequestsUseTheDefaults) {
  Scope s = ResolveScope("", "us-west-2");
  EXPECT_EQ(s.account, "000000000000");
  EXPECT_EQ(s.region, "us-west-2");
}

}  // namespace
}  // namespace amplify::auth
