#include "service/api_models.h"

#include <boost/json/serialize.hpp>

#include "service/service_fixture.h"

namespace amplify::service {
namespace {

constexpr const char* kSchema = "type Post @model { id: ID! title: String! }";

class ApiModelsTest : public ServiceFixture {
 protected:
  void SetUp() override { ASSERT_EQ(CreateBackend("a", "dev").status, 200); }

  HttpReply CreateApi(const std::string& schema) {
    return Post("/backend/a/api",
                R"({"backendEnvironmentName":"dev","resourceName":"blog","resourceConfig":{)"
                R"("transformSchema":)" +
                    boost::json::serialize(boost::json::value(schema)) + "}}");
  }
  HttpReply UpdateSchema(const std::string& schema) {
    return Post("/backend/a/api/dev", R"({"resourceName":"blog","resourceConfig":{)"
                                      R"("transformSchema":)" +
                                          boost::json::serialize(boost::json::value(schema)) +
                                          "}}");
  }
  HttpReply Generate() {
    return Post("/backend/a/api/dev/generateModels", R"({"resourceName":"blog"})");
  }
  HttpReply Models() { return Post("/backend/a/api/dev/getModels", R"({"resourceName":"blog"})"); }
  HttpReply Job(const HttpReply& started) {
    return Send("GET", "/backend/a/job/dev/" + Str(started.body, "jobId"));
  }
};

TEST_F(ApiModelsTest, ModelsAreStaleWithoutStringsBeforeTheFirstGeneration) {
  ASSERT_EQ(CreateApi(kSchema).status, 200);
  HttpReply got = Models();
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(Str(got.body, "status"), "STALE");
  EXPECT_FALSE(got.body.contains("models"));
  EXPECT_FALSE(got.body.contains("modelIntrospectionSchema"));
}

TEST_F(ApiModelsTest, GenerationStoresBothStringsAsLatest) {
  ASSERT_EQ(CreateApi(kSchema).status, 200);
  HttpReply started = Generate();
  ASSERT_EQ(started.status, 200);
  EXPECT_EQ(Str(started.body, "operation"), "GenerateBackendAPIModels");
  EXPECT_EQ(Str(Job(started).body, "status"), "COMPLETED");
  HttpReply got = Models();
  EXPECT_EQ(Str(got.body, "status"), "LATEST");
  EXPECT_EQ(Str(got.body, "models").rfind("export const schema = {", 0), 0u);
  EXPECT_EQ(Str(got.body, "modelIntrospectionSchema").rfind("{\n    \"version\": 1,", 0), 0u);
}

TEST_F(ApiModelsTest, ASchemaChangeMarksTheLastModelsStale) {
  ASSERT_EQ(CreateApi(kSchema).status, 200);
  ASSERT_EQ(Generate().status, 200);
  std::string before = Str(Models().body, "models");
  ASSERT_EQ(UpdateSchema("type Note @model { id: ID! }").status, 200);
  HttpReply stale = Models();
  EXPECT_EQ(Str(stale.body, "status"), "STALE");
  EXPECT_EQ(Str(stale.body, "models"), before);
  ASSERT_EQ(Generate().status, 200);
  HttpReply latest = Models();
  EXPECT_EQ(Str(latest.body, "status"), "LATEST");
  EXPECT_NE(Str(latest.body, "models").find("\"Note\""), std::string::npos);
}

TEST_F(ApiModelsTest, ModelsStayOutOfAmplifyMetaAndGoWithTheirApi) {
  ASSERT_EQ(CreateApi(kSchema).status, 200);
  ASSERT_EQ(Generate().status, 200);
  std::string meta = Str(Post("/backend/a/details", R"({"backendEnvironmentName":"dev"})").body,
                         "amplifyMetaConfig");
  EXPECT_NE(meta.find("\"blog\""), std::string::npos) << meta;
  EXPECT_EQ(meta.find("api-models"), std::string::npos) << meta;
  EXPECT_EQ(meta.find("export const schema"), std::string::npos) << meta;
  ASSERT_EQ(Post("/backend/a/api/dev/remove", R"({"resourceName":"blog"})").status, 200);
  ASSERT_EQ(CreateApi(kSchema).status, 200);
  HttpReply fresh = Models();
  EXPECT_EQ(Str(fresh.body, "status"), "STALE");
  EXPECT_FALSE(fresh.body.contains("models"));
}

TEST_F(ApiModelsTest, AnInvalidSchemaFailsTheJobAndKeepsWhatWasThere) {
  ASSERT_EQ(CreateApi("type Post @model { id: ID! title: Strin }").status, 200);
  HttpReply started = Generate();
  ASSERT_EQ(started.status, 200);
  HttpReply job = Job(started);
  EXPECT_EQ(Str(job.body, "status"), "FAILED");
  EXPECT_NE(Str(job.body, "error").find("Strin"), std::string::npos) << Str(job.body, "error");
  EXPECT_NE(Str(job.body, "error").find("line 1"), std::string::npos) << Str(job.body, "error");
  EXPECT_EQ(Str(Models().body, "status"), "STALE");
  EXPECT_FALSE(Models().body.contains("models"));
}

TEST_F(ApiModelsTest, WithoutASchemaThereIsNothingToGenerate) {
  ASSERT_EQ(Post("/backend/a/api", R"({"backendEnvironmentName":"dev","resourceName":"blog",)"
                                   R"("resourceConfig":{}})")
                .status,
            200);
  HttpReply r = Generate();
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Str(r.body, "message").find("transformSchema"), std::string::npos);
}

TEST_F(ApiModelsTest, MissingApisAndEnvironmentsAreNotFound) {
  EXPECT_EQ(Str(Generate().body, "resourceType"), "BackendAPI");
  EXPECT_EQ(Str(Models().body, "resourceType"), "BackendAPI");
  EXPECT_EQ(
      Str(Post("/backend/a/api/nope/getModels", R"({"resourceName":"blog"})").body, "resourceType"),
      "BackendEnvironment");
}

}  // namespace
}  // namespace amplify::service
