#include <boost/json/parse.hpp>

#include "service/operation_table.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using BackendsTest = ServiceFixture;

TEST_F(BackendsTest, CreateBackendCompletesAJobAndCreatesTheApp) {
  HttpReply r = CreateBackend("app1", "dev");
  ASSERT_EQ(r.status, 200) << r.raw;
  EXPECT_EQ(Str(r.body, "appId"), "app1");
  EXPECT_EQ(Str(r.body, "backendEnvironmentName"), "dev");
  EXPECT_EQ(Str(r.body, "operation"), "CreateBackend");
  EXPECT_EQ(Str(r.body, "status"), "COMPLETED");
  EXPECT_EQ(Str(r.body, "jobId"), "00000000-0000-4000-8000-000000000001");

  HttpReply get = Post("/backend/app1/details");
  ASSERT_EQ(get.status, 200) << get.raw;
  EXPECT_EQ(Str(get.body, "appName"), "My App");
  EXPECT_EQ(Str(get.body, "backendEnvironmentName"), "dev");
  EXPECT_EQ(get.body.at("backendEnvironmentList"), boost::json::parse(R"(["dev"])"));
}

TEST_F(BackendsTest, CreatingAnExistingEnvironmentIsABadRequest) {
  ASSERT_EQ(CreateBackend("app1", "dev").status, 200);
  HttpReply again = CreateBackend("app1", "dev");
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(again.error_type, "BadRequestException");
  EXPECT_NE(Str(again.body, "message").find("dev"), std::string::npos);
}

TEST_F(BackendsTest, GetBackendListsEnvironmentsInCreationOrderAndDescribesOne) {
  for (const char* env : {"prod", "dev", "test"}) ASSERT_EQ(CreateBackend("a", env).status, 200);
  HttpReply all = Post("/backend/a/details");
  EXPECT_EQ(all.body.at("backendEnvironmentList"), boost::json::parse(R"(["prod","dev","test"])"));
  EXPECT_EQ(Str(all.body, "backendEnvironmentName"), "prod");
  HttpReply dev = Post("/backend/a/details", R"({"backendEnvironmentName":"dev"})");
  EXPECT_EQ(Str(dev.body, "backendEnvironmentName"), "dev");
  auto meta = boost::json::parse(Str(dev.body, "amplifyMetaConfig")).as_object();
  const auto& cfn = meta.at("providers").at("awscloudformation").as_object();
  EXPECT_EQ(cfn.at("Region").as_string(), "us-east-1");
  EXPECT_NE(std::string(cfn.at("StackName").as_string()).find("amplify-a-dev-"), std::string::npos);
  // Stable: the same environment always reports the same identifiers.
  EXPECT_EQ(Str(Post("/backend/a/details", R"({"backendEnvironmentName":"dev"})").body,
                "amplifyMetaConfig"),
            Str(dev.body, "amplifyMetaConfig"));
  auto flags = boost::json::parse(Str(dev.body, "amplifyFeatureFlags"));
  EXPECT_EQ(flags.at("features").at("graphqltransformer").at("transformerversion").as_int64(), 2);
}

TEST_F(BackendsTest, UnknownAppsAndEnvironmentsAreNotFound) {
  HttpReply app = Post("/backend/nope/details");
  EXPECT_EQ(app.status, 404);
  EXPECT_EQ(app.error_type, "NotFoundException");
  EXPECT_EQ(Str(app.body, "resourceType"), "App");
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply env = Post("/backend/a/details", R"({"backendEnvironmentName":"nope"})");
  EXPECT_EQ(env.status, 404);
  EXPECT_EQ(Str(env.body, "resourceType"), "BackendEnvironment");
  EXPECT_EQ(Post("/backend/a/environments/nope/remove").status, 404);
  EXPECT_EQ(Post("/backend/a/environments/nope/clone", R"({"targetEnvironmentName":"x"})").status,
            404);
  EXPECT_EQ(Post("/backend/nope/remove").status, 404);
}

TEST_F(BackendsTest, CloneCopiesTheEnvironmentUnderTheTargetName) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply clone = Post("/backend/a/environments/dev/clone", R"({"targetEnvironmentName":"qa"})");
  ASSERT_EQ(clone.status, 200) << clone.raw;
  EXPECT_EQ(Str(clone.body, "operation"), "CloneBackend");
  EXPECT_EQ(Str(clone.body, "backendEnvironmentName"), "qa");
  EXPECT_EQ(Post("/backend/a/details").body.at("backendEnvironmentList"),
            boost::json::parse(R"(["dev","qa"])"));
  HttpReply again = Post("/backend/a/environments/dev/clone", R"({"targetEnvironmentName":"qa"})");
  EXPECT_EQ(again.status, 400);
}

TEST_F(BackendsTest, DeleteRemovesTheEnvironmentButNotItsJobs) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply del = Post("/backend/a/environments/dev/remove", "");
  ASSERT_EQ(del.status, 200) << del.raw;
  EXPECT_EQ(Str(del.body, "operation"), "DeleteBackend");
  EXPECT_EQ(Post("/backend/a/details", R"({"backendEnvironmentName":"dev"})").status, 404);
  HttpReply job = Send("GET", "/backend/a/job/dev/" + Str(del.body, "jobId"));
  ASSERT_EQ(job.status, 200) << job.raw;
  EXPECT_EQ(Str(job.body, "status"), "COMPLETED");
}

TEST_F(BackendsTest, RemoveAllBackendsKeepsTheAppUnlessCleaned) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  HttpReply rm = Post("/backend/a/remove");
  ASSERT_EQ(rm.status, 200) << rm.raw;
  EXPECT_FALSE(rm.body.contains("backendEnvironmentName"));
  EXPECT_EQ(Str(rm.body, "operation"), "RemoveAllBackends");
  HttpReply get = Post("/backend/a/details");
  ASSERT_EQ(get.status, 200);
  EXPECT_TRUE(get.body.at("backendEnvironmentList").as_array().empty());
  // The app-level job is findable under any environment name.
  EXPECT_EQ(Send("GET", "/backend/a/job/anything/" + Str(rm.body, "jobId")).status, 200);

  HttpReply clean = Post("/backend/a/remove", R"({"cleanAmplifyApp":true})");
  ASSERT_EQ(clean.status, 200);
  EXPECT_EQ(Post("/backend/a/details").status, 404);
}

TEST_F(BackendsTest, AccountsAndRegionsDoNotSeeEachOther) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  EXPECT_EQ(Send("POST", "/backend/a/details", "{}", "111122223333").status, 404);
  EXPECT_EQ(Send("POST", "/backend/a/details", "{}", "AKIDEXAMPLE", "eu-west-1").status, 404);
  EXPECT_EQ(Send("POST", "/backend/a/details", "{}", "AKIDOTHERKEY").status, 200);
}

TEST_F(BackendsTest, ModelOperationsValidateBeforeTheirHandlers) {
  HttpReply missing = Post("/backend/a/api/dev/getModels", "{}");
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(Str(missing.body, "message").find("resourceName"), std::string::npos);
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply unknown = Post("/backend/a/api/dev/getModels", R"({"resourceName":"api"})");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Str(unknown.body, "resourceType"), "BackendAPI");
}

TEST(OperationTableTest, EveryOperationIsRoutedAndBound) {
  protocol::Router router;
  for (const model::Operation& op : model::kOperations) {
    ASSERT_TRUE(router.Match(op.method, std::string(op.uri)).ok()) << op.name;
    EXPECT_NE(HandlerFor(op.id), nullptr) << op.name;
  }
  EXPECT_EQ(std::size(model::kOperations), 31u);
}

}  // namespace
}  // namespace amplify::service
