#include "service/backend_jobs.h"

#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using JobsTest = ServiceFixture;

TEST_F(JobsTest, GetBackendJobReportsTimesInIso8601) {
  clock_.Set(1'700'000'000'123);
  HttpReply c = CreateBackend("a", "dev");
  HttpReply job = Send("GET", "/backend/a/job/dev/" + Str(c.body, "jobId"));
  ASSERT_EQ(job.status, 200) << job.raw;
  EXPECT_EQ(Str(job.body, "createTime"), "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(Str(job.body, "updateTime"), "2023-11-14T22:13:20.123Z");
  EXPECT_EQ(Str(job.body, "operation"), "CreateBackend");
  EXPECT_EQ(Send("GET", "/backend/a/job/dev/no-such-job").status, 404);
  // A job belongs to its environment.
  EXPECT_EQ(Send("GET", "/backend/a/job/other/" + Str(c.body, "jobId")).status, 404);
}

TEST_F(JobsTest, ListPagesNewestFirstWithOpaqueTokens) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  for (int i = 0; i < 6; ++i) {
    std::string env = "e" + std::to_string(i);
    ASSERT_EQ(Post("/backend/a/environments/dev/clone",
                   R"({"targetEnvironmentName":")" + env + R"("})")
                  .status,
              200);
    ASSERT_EQ(Post("/backend/a/environments/" + env + "/remove").status, 200);
  }
  // Jobs of e3 (clone + delete) plus nothing else.
  HttpReply e3 = Post("/backend/a/job/e3", "{}");
  ASSERT_EQ(e3.status, 200) << e3.raw;
  ASSERT_EQ(e3.body.at("jobs").as_array().size(), 2u);
  EXPECT_EQ(Str(e3.body.at("jobs").as_array()[0].as_object(), "operation"), "DeleteBackend");
  EXPECT_FALSE(e3.body.contains("nextToken"));

  // An app-level job shows in every environment's list; page through dev's.
  ASSERT_EQ(Post("/backend/a/remove").status, 200);
  std::vector<std::string> seen;
  std::string token;
  do {
    std::string body = token.empty() ? R"({"maxResults":1})"
                                     : R"({"maxResults":1,"nextToken":")" + token + R"("})";
    HttpReply page = Post("/backend/a/job/dev", body);
    ASSERT_EQ(page.status, 200) << page.raw;
    for (const auto& j : page.body.at("jobs").as_array()) seen.push_back(Str(j.as_object(), "operation"));
    token = page.body.contains("nextToken") ? Str(page.body, "nextToken") : "";
  } while (!token.empty());
  EXPECT_EQ(seen, (std::vector<std::string>{"RemoveAllBackends", "CreateBackend"}));
}

TEST_F(JobsTest, ListFiltersAreExactMatches) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply c = Post("/backend/a/environments/dev/clone", R"({"targetEnvironmentName":"qa"})");
  HttpReply d = Post("/backend/a/environments/qa/remove");
  auto count = [&](const std::string& body) {
    return Post("/backend/a/job/qa", body).body.at("jobs").as_array().size();
  };
  EXPECT_EQ(count(R"({"operation":"DeleteBackend"})"), 1u);
  EXPECT_EQ(count(R"({"operation":"deletebackend"})"), 0u);
  EXPECT_EQ(count(R"({"status":"COMPLETED"})"), 2u);
  EXPECT_EQ(count(R"({"status":"RUNNING"})"), 0u);
  EXPECT_EQ(count(R"({"jobId":")" + Str(c.body, "jobId") + R"("})"), 1u);
  EXPECT_EQ(count(R"({"jobId":")" + Str(c.body, "jobId") + R"(","operation":"DeleteBackend"})"),
            0u);
  EXPECT_EQ(count(R"({})"), 2u);
  EXPECT_EQ(count(R"({})"), 2u);
}

TEST_F(JobsTest, ListingAnAppThatNeverExistedIsNotFoundButJobsOutliveTheirApp) {
  HttpReply unknown = Post("/backend/zzz/job/none", "{}");
  EXPECT_EQ(unknown.status, 404) << unknown.raw;
  EXPECT_EQ(Str(unknown.body, "resourceType"), "App");

  ASSERT_EQ(CreateBackend("gone", "dev").status, 200);
  ASSERT_EQ(Post("/backend/gone/remove", R"({"cleanAmplifyApp":true})").status, 200);
  HttpReply after = Post("/backend/gone/job/dev", "{}");
  ASSERT_EQ(after.status, 200) << after.raw;
  EXPECT_EQ(after.body.at("jobs").as_array().size(), 2u);  // CreateBackend, RemoveAllBackends
  // Any environment name of the app: its app-level job shows there too.
  EXPECT_EQ(Post("/backend/gone/job/other", "{}").status, 200);
}

TEST_F(JobsTest, BadTokensAndPageSizesAreBadRequests) {
  EXPECT_EQ(Post("/backend/a/job/dev", R"({"nextToken":"garbage"})").status, 400);
  EXPECT_EQ(Post("/backend/a/job/dev", R"({"nextToken":"jobs1.-4"})").status, 400);
  EXPECT_EQ(Post("/backend/a/job/dev", R"({"maxResults":26})").status, 400);
  EXPECT_EQ(Post("/backend/a/job/dev", R"({"maxResults":0})").status, 400);
}

TEST_F(JobsTest, UpdateBackendJobSetsFieldsAndBumpsUpdateTime) {
  clock_.Set(1'700'000'000'000);
  HttpReply c = CreateBackend("a", "dev");
  clock_.Advance(1500);
  std::string path = "/backend/a/job/dev/" + Str(c.body, "jobId");
  HttpReply u = Post(path, R"({"status":"FAILED","operation":"Retry"})");
  ASSERT_EQ(u.status, 200) << u.raw;
  EXPECT_EQ(Str(u.body, "status"), "FAILED");
  EXPECT_EQ(Str(u.body, "operation"), "Retry");
  EXPECT_EQ(Str(u.body, "createTime"), "2023-11-14T22:13:20.000Z");
  EXPECT_EQ(Str(u.body, "updateTime"), "2023-11-14T22:13:21.500Z");
  HttpReply empty = Post(path, "{}");
  EXPECT_EQ(Str(empty.body, "status"), "FAILED");
  EXPECT_EQ(Post("/backend/a/job/dev/nope", "{}").status, 404);
}

TEST(JobsTokenTest, RoundTrips) {
  EXPECT_EQ(DecodeJobsToken(EncodeJobsToken(42)), 42);
  EXPECT_FALSE(DecodeJobsToken(""));
  EXPECT_FALSE(DecodeJobsToken("jobs1."));
  EXPECT_FALSE(DecodeJobsToken("jobs1.12x"));
  EXPECT_FALSE(DecodeJobsToken("jobs1.0"));
}

}  // namespace
}  // namespace amplify::service
