#include "service/s3_buckets.h"

#include <fmt/format.h>

#include <random>
#include <set>

#include "model/identifier_rules.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using model::BucketNameProblem;

void ExpectValidGenerated(std::string_view resource, std::string_view app, std::string_view env) {
  std::string name = GenerateBucketName(resource, app, env, "x1y2z3");
  EXPECT_EQ(BucketNameProblem(name), std::nullopt) << name;
  EXPECT_LE(name.size(), 63u) << name;
  EXPECT_TRUE(name.ends_with("-x1y2z3")) << name;
}

TEST(BucketNameTest, GeneratedNamesFollowTheResourceAppAndEnvironment) {
  EXPECT_EQ(GenerateBucketName("photos", "d1abc", "dev", "ab12cd"), "photos-d1abc-dev-ab12cd");
  EXPECT_EQ(GenerateBucketName("Photos_Main", "My.App", "DEV", "ab12cd"),
            "photos-main-my-app-dev-ab12cd");
  EXPECT_EQ(GenerateBucketName("__a__", "--b--", "..c..", "ab12cd"), "a-b-c-ab12cd");
  EXPECT_EQ(GenerateBucketName("\xE2\x98\x83", "\xF0\x9F\x98\x80", "", "ab12cd"), "storage-ab12cd");
  EXPECT_EQ(GenerateBucketName("sthree", "app", "dev", "ab12cd"), "s3-sthree-app-dev-ab12cd");
  EXPECT_EQ(GenerateBucketName("amzn", "s3", "demo", "ab12cd"), "s3-amzn-s3-demo-ab12cd");
}

TEST(BucketNameTest, GeneratedNamesAreTrimmedToFit) {
  std::string long_name(200, 'R');
  std::string name = GenerateBucketName(long_name, "app", "dev", "ab12cd");
  EXPECT_EQ(name, std::string(56, 'r') + "-ab12cd");
  // A cut that lands on a separator does not leave "-" before the suffix.
  name = GenerateBucketName(std::string(55, 'a'), "b", "c", "ab12cd");
  EXPECT_EQ(name, std::string(55, 'a') + "-ab12cd");
  ExpectValidGenerated(std::string(300, '_'), std::string(300, 'X'), "e");
  ExpectValidGenerated("a", std::string(100, '.') + "1", std::string(100, '\xFF'));
}

TEST(BucketNameTest, GeneratedNamesAreValidForArbitraryBytes) {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 80);
  // Weighted towards the characters that matter: separators, dots, upper case.
  const std::string interesting = "-._ xnXNsS3Aa0.-";
  auto text = [&] {
    std::string s(static_cast<size_t>(length(rng)), '\0');
    for (char& c : s) {
      int b = byte(rng);
      c = b < 128 ? interesting[static_cast<size_t>(b) % interesting.size()]
                  : static_cast<char>(byte(rng));
    }
    return s;
  };
  for (int i = 0; i < 2000; ++i) ExpectValidGenerated(text(), text(), text());
}

TEST(BucketNameTest, PageTokensRoundTripAndRejectGarbage) {
  for (const std::string& name :
       std::vector<std::string>{"a", "ab", "abc", "my.bucket-1", std::string(63, 'z')}) {
    std::string token = EncodeBucketsToken(name);
    EXPECT_EQ(DecodeBucketsToken(token), name) << token;
  }
  for (std::string_view bad : {"", "garbage", "s3b1.", "s3b1.!!", "s3b1.QR", "s3b1.Q", "S3B1.YWJj",
                               "jobs1.5", "s3b1.YWJj="}) {
    EXPECT_EQ(DecodeBucketsToken(bad), std::nullopt) << bad;
  }
}

// --- ListS3Buckets ------------------------------------------------------------------------

class S3BucketsTest : public ServiceFixture {
 protected:
  void PutBuckets(const std::string& account, int count, const std::string& prefix) {
    ASSERT_TRUE(store_
                    ->WriteSync([&](store::StoreWriter& w) {
                      for (int i = 0; i < count; ++i) {
                        w.PutBucket({fmt::format("{}-{:03}", prefix, i), account, "us-east-1",
                                     1'700'000'000'000 + i});
                      }
                      return OkStatus();
                    })
                    .ok());
  }
  HttpReply List(const std::string& body = "{}", const std::string& key = "AKIDEXAMPLE") {
    return Send("POST", "/s3Buckets", body, key);
  }
};

TEST_F(S3BucketsTest, AnAccountWithoutBucketsHasAnEmptyList) {
  HttpReply r = List();
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(r.raw, R"({"buckets":[]})");
}

TEST_F(S3BucketsTest, PagesThroughEveryBucketInNameOrder) {
  // Inserted out of order and interleaved with another account's.
  PutBuckets("000000000000", 130, "zeta");
  PutBuckets("222222222222", 50, "mine-not");
  PutBuckets("000000000000", 120, "alpha");
  std::vector<std::string> seen;
  std::set<std::string> tokens;
  std::string body = "{}";
  std::vector<size_t> sizes;
  for (int page = 0; page < 10; ++page) {
    HttpReply r = List(body);
    ASSERT_EQ(r.status, 200) << r.raw;
    const auto& buckets = r.body.at("buckets").as_array();
    sizes.push_back(buckets.size());
    for (const auto& b : buckets) seen.emplace_back(b.at("name").as_string());
    if (!r.body.contains("nextToken")) break;
    std::string token = Str(r.body, "nextToken");
    EXPECT_TRUE(tokens.insert(token).second) << "repeated token " << token;
    body = R"({"nextToken":")" + token + R"("})";
  }
  EXPECT_EQ(sizes, (std::vector<size_t>{100, 100, 50}));
  ASSERT_EQ(seen.size(), 250u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 250u);
  EXPECT_EQ(seen.front(), "alpha-000");
  EXPECT_EQ(seen.back(), "zeta-129");
}

TEST_F(S3BucketsTest, ExactlyOnePageHasNoNextToken) {
  PutBuckets("000000000000", 100, "b");
  HttpReply r = List();
  EXPECT_EQ(r.body.at("buckets").as_array().size(), 100u);
  EXPECT_FALSE(r.body.contains("nextToken"));
}

TEST_F(S3BucketsTest, ReportsNameAndIsoCreationDate) {
  PutBuckets("000000000000", 1, "only");
  HttpReply r = List();
  ASSERT_EQ(r.body.at("buckets").as_array().size(), 1u);
  const auto& b = r.body.at("buckets").at(0).as_object();
  EXPECT_EQ(Str(b, "name"), "only-000");
  EXPECT_EQ(Str(b, "creationDate"), FormatIso8601(1'700'000'000'000));
  EXPECT_EQ(Str(b, "creationDate"), "2023-11-14T22:13:20.000Z");
}

TEST_F(S3BucketsTest, AccountsSeeOnlyTheirOwnBuckets) {
  PutBuckets("000000000000", 3, "ours");
  PutBuckets("222222222222", 2, "theirs");
  HttpReply ours = List();
  HttpReply theirs = List("{}", "222222222222");
  ASSERT_EQ(ours.body.at("buckets").as_array().size(), 3u);
  ASSERT_EQ(theirs.body.at("buckets").as_array().size(), 2u);
  EXPECT_EQ(Str(theirs.body.at("buckets").at(0).as_object(), "name"), "theirs-000");
  // The region does not matter: S3 lists an account's buckets in every region.
  EXPECT_EQ(Send("POST", "/s3Buckets", "{}", "AKIDEXAMPLE", "eu-west-1")
                .body.at("buckets")
                .as_array()
                .size(),
            3u);
  EXPECT_EQ(List("{}", "333333333333").raw, R"({"buckets":[]})");
}

TEST_F(S3BucketsTest, AMalformedTokenIsABadRequest) {
  for (const char* token : {"garbage", "s3b1.!!", "s3b1.QR", "jobs1.3"}) {
    HttpReply r = List(std::string(R"({"nextToken":")") + token + R"("})");
    EXPECT_EQ(r.status, 400) << token;
    EXPECT_EQ(r.error_type, "BadRequestException");
  }
}

TEST_F(S3BucketsTest, ListsBucketsStorageResourcesMade) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  clock_.Set(1'800'000'000'123);
  ASSERT_EQ(Post("/backend/a/storage", R"({"backendEnvironmentName":"dev","resourceName":"p",
      "resourceConfig":{"bucketName":"made-here","serviceName":"S3",
                        "permissions":{"authenticated":["READ"]}}})")
                .status,
            200);
  HttpReply r = List();
  ASSERT_EQ(r.body.at("buckets").as_array().size(), 1u);
  EXPECT_EQ(
      r.body.at("buckets").at(0),
      boost::json::parse(R"({"creationDate":"2027-01-15T08:00:00.123Z","name":"made-here"})"));
}

}  // namespace
}  // namespace amplify::service
