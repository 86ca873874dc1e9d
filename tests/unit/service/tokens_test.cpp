#include "service/tokens.h"

#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using TokensTest = ServiceFixture;

TEST_F(TokensTest, CreateTokenNeedsAnApp) {
  HttpReply r = Post("/backend/nope/challenge", "");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.error_type, "NotFoundException");
  EXPECT_EQ(Str(r.body, "resourceType"), "App");
}

TEST_F(TokensTest, CreateTokenReturnsASessionAChallengeAndTheTtl) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply r = Post("/backend/a/challenge", "");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(Str(r.body, "appId"), "a");
  EXPECT_EQ(Str(r.body, "ttl"), "600");
  EXPECT_EQ(Str(r.body, "sessionId").size(), 36u);
  std::string code = Str(r.body, "challengeCode");
  ASSERT_EQ(code.size(), 12u);
  for (char c : code) {
    EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9')) << code;
    EXPECT_TRUE(c != 'O' && c != 'I') << code;
  }
  HttpReply get = Send("GET", "/backend/a/challenge/" + Str(r.body, "sessionId"));
  ASSERT_EQ(get.status, 200) << get.raw;
  EXPECT_EQ(Str(get.body, "challengeCode"), code);
  EXPECT_EQ(Str(get.body, "sessionId"), Str(r.body, "sessionId"));
  EXPECT_EQ(Str(get.body, "ttl"), "600");
}

TEST_F(TokensTest, TtlCountsDownRoundedUpAndExpiresExactlyAtTheBoundary) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  std::string path =
      "/backend/a/challenge/" + Str(Post("/backend/a/challenge", "").body, "sessionId");
  clock_.Advance(1);
  EXPECT_EQ(Str(Send("GET", path).body, "ttl"), "600");  // 599.999 s left → 600
  clock_.Advance(999);
  EXPECT_EQ(Str(Send("GET", path).body, "ttl"), "599");
  clock_.Advance(598'999);
  EXPECT_EQ(Str(Send("GET", path).body, "ttl"), "1");  // 1 ms left
  clock_.Advance(1);                                   // now == expires
  HttpReply expired = Send("GET", path);
  EXPECT_EQ(expired.status, 404);
  EXPECT_EQ(Str(expired.body, "resourceType"), "Token");
  EXPECT_EQ(Post(path + "/remove", "").status, 404);
}

TEST_F(TokensTest, DeleteThenGetIsNotFound) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  std::string path =
      "/backend/a/challenge/" + Str(Post("/backend/a/challenge", "").body, "sessionId");
  HttpReply del = Post(path + "/remove", "");
  ASSERT_EQ(del.status, 200) << del.raw;
  EXPECT_EQ(del.body.at("isSuccess"), boost::json::value(true));
  HttpReply get = Send("GET", path);
  EXPECT_EQ(get.status, 404);
  EXPECT_EQ(get.error_type, "NotFoundException");
  EXPECT_EQ(Str(get.body, "resourceType"), "Token");
  HttpReply again = Post(path + "/remove", "");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(Str(again.body, "resourceType"), "Token");
}

TEST_F(TokensTest, UnknownSessionsAndOtherAppsSessionsAreNotFound) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  ASSERT_EQ(CreateBackend("b", "dev").status, 200);
  std::string session = Str(Post("/backend/a/challenge", "").body, "sessionId");
  EXPECT_EQ(Str(Send("GET", "/backend/a/challenge/nope").body, "resourceType"), "Token");
  EXPECT_EQ(Send("GET", "/backend/b/challenge/" + session).status, 404);
  EXPECT_EQ(Send("GET", "/backend/a/challenge/" + session, "", "111122223333").status, 404);
}

TEST_F(TokensTest, EachTokenHasItsOwnSessionAndCode) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply one = Post("/backend/a/challenge", "");
  HttpReply two = Post("/backend/a/challenge", "");
  EXPECT_NE(Str(one.body, "sessionId"), Str(two.body, "sessionId"));
  EXPECT_NE(Str(one.body, "challengeCode"), Str(two.body, "challengeCode"));
}

class OneSecondTokensTest : public ServiceFixture {
 protected:
  OneSecondTokensTest() : ServiceFixture(std::chrono::milliseconds(0), {"us-east-1", 1}) {}
};

TEST_F(OneSecondTokensTest, ConfiguredTtlIsReported) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply r = Post("/backend/a/challenge", "");
  EXPECT_EQ(Str(r.body, "ttl"), "1");
  clock_.Advance(1000);
  EXPECT_EQ(Send("GET", "/backend/a/challenge/" + Str(r.body, "sessionId")).status, 404);
}

TEST(SecondsRemainingTest, RoundsUpAndNeverGoesNegative) {
  EXPECT_EQ(SecondsRemaining(0, 600'000), 600);
  EXPECT_EQ(SecondsRemaining(1, 600'000), 600);
  EXPECT_EQ(SecondsRemaining(1000, 600'000), 599);
  EXPECT_EQ(SecondsRemaining(600'000, 600'000), 0);
  EXPECT_EQ(SecondsRemaining(700'000, 600'000), 0);
}

}  // namespace
}  // namespace amplify::service
