#include "service/backend_config.h"

#include <boost/json/parse.hpp>

#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using ConfigTest = ServiceFixture;

TEST_F(ConfigTest, CreateRegistersAnUnknownAppAndNamesStaging) {
  HttpReply r = Post("/backend/newapp/config", "{}");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(Str(r.body, "appId"), "newapp");
  EXPECT_EQ(Str(r.body, "backendEnvironmentName"), "staging");
  EXPECT_EQ(Str(r.body, "status"), "COMPLETED");
  EXPECT_FALSE(r.body.contains("operation"));  // ShortJobResp
  HttpReply app = Post("/backend/newapp/details");
  ASSERT_EQ(app.status, 200) << app.raw;
  EXPECT_EQ(Str(app.body, "appName"), "newapp");
  EXPECT_TRUE(app.body.at("backendEnvironmentList").as_array().empty());
  // The stored config: backendManagerAppId defaults to the app id, loginAuthConfig is empty.
  HttpReply update = Post("/backend/newapp/config/update", "{}");
  ASSERT_EQ(update.status, 200) << update.raw;
  EXPECT_EQ(Str(update.body, "backendManagerAppId"), "newapp");
  EXPECT_TRUE(update.body.at("loginAuthConfig").as_object().empty());
}

TEST_F(ConfigTest, JobIsPollableUnderTheNamedEnvironment) {
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply r = Post("/backend/a/config", R"({"backendManagerAppId":"manager1"})");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(Str(r.body, "backendEnvironmentName"), "prod");  // the app's first environment
  HttpReply job = Send("GET", "/backend/a/job/prod/" + Str(r.body, "jobId"));
  ASSERT_EQ(job.status, 200) << job.raw;
  EXPECT_EQ(Str(job.body, "operation"), "CreateBackendConfig");
  EXPECT_EQ(Str(job.body, "status"), "COMPLETED");
  EXPECT_EQ(Send("GET", "/backend/a/job/dev/" + Str(r.body, "jobId")).status, 200);
  EXPECT_EQ(Str(Post("/backend/a/config/update", "{}").body, "backendManagerAppId"), "manager1");
}

TEST_F(ConfigTest, StagingJobIsPollableToo) {
  HttpReply r = Post("/backend/x/config", "");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(Send("GET", "/backend/x/job/staging/" + Str(r.body, "jobId")).status, 200);
}

TEST_F(ConfigTest, SecondCreateIsABadRequestAndChangesNothing) {
  ASSERT_EQ(Post("/backend/a/config", R"({"backendManagerAppId":"m1"})").status, 200);
  HttpReply again = Post("/backend/a/config", R"({"backendManagerAppId":"m2"})");
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(again.error_type, "BadRequestException");
  EXPECT_EQ(Str(Post("/backend/a/config/update", "{}").body, "backendManagerAppId"), "m1");
}

TEST_F(ConfigTest, UpdateMergesLoginAuthConfigKeyByKey) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  ASSERT_EQ(Post("/backend/a/config").status, 200);
  HttpReply first = Post("/backend/a/config/update", R"({"loginAuthConfig":{
      "aws_cognito_identity_pool_id":"us-east-1:pool","aws_cognito_region":"us-east-1",
      "aws_user_pools_id":"us-east-1_AAA","aws_user_pools_web_client_id":"client1"}})");
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(Str(first.body, "appId"), "a");
  EXPECT_EQ(Str(first.body, "backendManagerAppId"), "a");
  EXPECT_FALSE(first.body.contains("jobId"));
  HttpReply second = Post("/backend/a/config/update",
                          R"({"loginAuthConfig":{"aws_user_pools_id":"us-east-1_BBB"}})");
  ASSERT_EQ(second.status, 200) << second.raw;
  EXPECT_EQ(second.body.at("loginAuthConfig"), boost::json::parse(R"({
      "aws_cognito_identity_pool_id":"us-east-1:pool","aws_cognito_region":"us-east-1",
      "aws_user_pools_id":"us-east-1_BBB","aws_user_pools_web_client_id":"client1"})"));
  // Persisted: an empty update reports the merged state.
  EXPECT_EQ(Post("/backend/a/config/update", "{}").body.at("loginAuthConfig"),
            second.body.at("loginAuthConfig"));
}

TEST_F(ConfigTest, UpdateNeedsTheAppAndTheConfig) {
  HttpReply app = Post("/backend/nope/config/update", "{}");
  EXPECT_EQ(app.status, 404);
  EXPECT_EQ(Str(app.body, "resourceType"), "App");
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply config = Post("/backend/a/config/update", "{}");
  EXPECT_EQ(config.status, 404);
  EXPECT_EQ(config.error_type, "NotFoundException");
  EXPECT_EQ(Str(config.body, "resourceType"), "BackendConfig");
}

TEST_F(ConfigTest, RemoveClearsTheConfigOnce) {
  ASSERT_EQ(Post("/backend/a/config").status, 200);
  ASSERT_EQ(Post("/backend/a/config/update",
                 R"({"loginAuthConfig":{"aws_user_pools_id":"us-east-1_AAA"}})")
                .status,
            200);
  HttpReply rm = Post("/backend/a/config/remove", "");
  ASSERT_EQ(rm.status, 200) << rm.raw;
  EXPECT_TRUE(rm.body.empty()) << rm.raw;
  EXPECT_EQ(Str(Post("/backend/a/config/update", "{}").body, "resourceType"), "BackendConfig");
  HttpReply again = Post("/backend/a/config/remove", "");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(Str(again.body, "resourceType"), "BackendConfig");
  EXPECT_EQ(Post("/backend/a/details").status, 200);  // the app stays
  // A fresh config starts empty again.
  ASSERT_EQ(Post("/backend/a/config").status, 200);
  EXPECT_TRUE(
      Post("/backend/a/config/update", "{}").body.at("loginAuthConfig").as_object().empty());
}

TEST_F(ConfigTest, RemoveOnAnUnknownAppIsNotFound) {
  HttpReply r = Post("/backend/nope/config/remove", "");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Str(r.body, "resourceType"), "App");
}

TEST_F(ConfigTest, CleaningTheAppRemovesItsConfig) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  ASSERT_EQ(Post("/backend/a/config").status, 200);
  ASSERT_EQ(Post("/backend/a/remove", R"({"cleanAmplifyApp":true})").status, 200);
  ASSERT_EQ(Post("/backend/a/config").status, 200);  // registers the app afresh
}

class DelayedConfigTest : public ServiceFixture {
 protected:
  DelayedConfigTest() : ServiceFixture(std::chrono::milliseconds(2000)) {}
};

TEST_F(DelayedConfigTest, ConfigAppearsWhenTheJobCompletes) {
  HttpReply r = Post("/backend/a/config", "{}");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(Str(r.body, "status"), "RUNNING");
  EXPECT_EQ(Post("/backend/a/config/update", "{}").status, 404);
  EXPECT_EQ(Post("/backend/a/config", "{}").status, 400);  // pending job
  clock_.Advance(2000);
  EXPECT_EQ(engine_.RunDue(), 1);
  HttpReply job = Send("GET", "/backend/a/job/staging/" + Str(r.body, "jobId"));
  EXPECT_EQ(Str(job.body, "status"), "COMPLETED");
  EXPECT_EQ(Post("/backend/a/config/update", "{}").status, 200);
}

}  // namespace
}  // namespace amplify::service
