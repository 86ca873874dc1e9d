#include "service/backend_api.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <regex>

#include "service/resource_document.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using boost::json::object;
using boost::json::parse;

// Every member of BackendAPIResourceConfig and of its nested shapes.
constexpr const char* kFullConfig = R"({
  "apiName": "blogApi",
  "service": "AppSync",
  "transformSchema": "type Post @model { id: ID! title: String! }",
  "conflictResolution": {"resolutionStrategy": "AUTOMERGE"},
  "defaultAuthType": {"mode": "OPENID_CONNECT", "settings": {
    "openIDAuthTTL": "3600", "openIDClientId": "client-1", "openIDIatTTL": "1800",
    "openIDIssueURL": "https://issuer.example.com", "openIDProviderName": "Example"}},
  "additionalAuthTypes": [
    {"mode": "API_KEY", "settings": {"description": "public key", "expirationTime": 7.5}},
    {"mode": "AMAZON_COGNITO_USER_POOLS",
     "settings": {"cognitoUserPoolId": "us-east-1_AbCdEfGhI"}},
    {"mode": "AWS_IAM"}]
})";

class ApiTest : public ServiceFixture {
 protected:
  void SetUp() override { ASSERT_EQ(CreateBackend("a", "dev").status, 200); }

  HttpReply CreateApi(const std::string& name, const std::string& config,
                      const std::string& env = "dev", const std::string& app = "a") {
    return Post("/backend/" + app + "/api", R"({"backendEnvironmentName":")" + env +
                                                R"(","resourceName":")" + name +
                                                R"(","resourceConfig":)" + config + "}");
  }
  HttpReply GetApi(const std::string& name, const std::string& env = "dev") {
    return Post("/backend/a/api/" + env + "/details", R"({"resourceName":")" + name + R"("})");
  }
  HttpReply UpdateApi(const std::string& name, const std::string& config) {
    return Post("/backend/a/api/dev",
                R"({"resourceName":")" + name + R"(","resourceConfig":)" + config + "}");
  }
  StoredResource Stored(const std::string& name) {
    auto record = store_->Reader().GetResource(call_scope_, "a", "dev", kApi, name);
    EXPECT_TRUE(record.has_value()) << name;
    return record ? ParseStoredResource(*record) : StoredResource{};
  }
  size_t JobCount() { return Post("/backend/a/job/dev", "{}").body.at("jobs").as_array().size(); }

  Scope call_scope_{"000000000000", "us-east-1"};
};

TEST_F(ApiTest, CreateRoundTripsEveryMemberOfTheConfig) {
  HttpReply created = CreateApi("blog", kFullConfig);
  ASSERT_EQ(created.status, 200) << created.raw;
  EXPECT_EQ(Str(created.body, "operation"), "CreateBackendAPI");
  EXPECT_EQ(Str(created.body, "status"), "COMPLETED");
  EXPECT_EQ(Str(created.body, "backendEnvironmentName"), "dev");

  HttpReply got = GetApi("blog");
  ASSERT_EQ(got.status, 200) << got.raw;
  EXPECT_EQ(Str(got.body, "appId"), "a");
  EXPECT_EQ(Str(got.body, "backendEnvironmentName"), "dev");
  EXPECT_EQ(Str(got.body, "resourceName"), "blog");
  EXPECT_EQ(got.body.at("resourceConfig"), parse(kFullConfig));
  const auto& settings =
      got.body.at("resourceConfig").at("additionalAuthTypes").at(0).at("settings");
  EXPECT_TRUE(settings.at("expirationTime").is_double());
  EXPECT_DOUBLE_EQ(settings.at("expirationTime").as_double(), 7.5);
}

TEST_F(ApiTest, UnknownMembersAreNotStoredOrEchoed) {
  ASSERT_EQ(CreateApi("blog", R"({"apiName":"x","bogus":1,
      "defaultAuthType":{"mode":"AWS_IAM","extra":"y","settings":{"nope":true}}})")
                .status,
            200);
  EXPECT_EQ(GetApi("blog").body.at("resourceConfig"), parse(R"({"apiName":"x","service":"AppSync",
                      "defaultAuthType":{"mode":"AWS_IAM","settings":{}}})"));
}

TEST_F(ApiTest, ApiNameDefaultsToTheResourceNameAndServiceToAppSync) {
  ASSERT_EQ(CreateApi("blog", "{}").status, 200);
  EXPECT_EQ(GetApi("blog").body.at("resourceConfig"),
            parse(R"({"apiName":"blog","service":"AppSync"})"));
}

TEST_F(ApiTest, OutputsRealisticAppSyncIdentifiers) {
  ASSERT_EQ(CreateApi("withKey", R"({"defaultAuthType":{"mode":"API_KEY"}})").status, 200);
  ASSERT_EQ(CreateApi("iamOnly", R"({"defaultAuthType":{"mode":"AWS_IAM"}})").status, 200);
  object with_key = Stored("withKey").output;
  std::string id = Str(with_key, "GraphQLAPIIdOutput");
  EXPECT_TRUE(std::regex_match(id, std::regex("[a-z0-9]{26}"))) << id;
  EXPECT_EQ(Str(with_key, "GraphQLAPIEndpointOutput"),
            "https://" + id + ".appsync-api.us-east-1.amazonaws.com/graphql");
  EXPECT_TRUE(
      std::regex_match(Str(with_key, "GraphQLAPIKeyOutput"), std::regex("da2-[a-z0-9]{26}")));
  object iam = Stored("iamOnly").output;
  EXPECT_NE(Str(iam, "GraphQLAPIIdOutput"), id);
  EXPECT_FALSE(iam.contains("GraphQLAPIKeyOutput"));

  // The outputs appear in GetBackend's amplifyMetaConfig.
  auto meta = parse(Str(Post("/backend/a/details").body, "amplifyMetaConfig"));
  EXPECT_EQ(meta.at("api").at("withKey").at("output").at("GraphQLAPIIdOutput").as_string(), id);
  EXPECT_EQ(meta.at("api").at("withKey").at("service").as_string(), "AppSync");
}

TEST_F(ApiTest, ApiKeyOutputFollowsTheModesOnUpdate) {
  ASSERT_EQ(CreateApi("blog", R"({"defaultAuthType":{"mode":"AWS_IAM"}})").status, 200);
  ASSERT_EQ(UpdateApi("blog", R"({"additionalAuthTypes":[{"mode":"API_KEY"}]})").status, 200);
  std::string key = Str(Stored("blog").output, "GraphQLAPIKeyOutput");
  EXPECT_TRUE(std::regex_match(key, std::regex("da2-[a-z0-9]{26}"))) << key;
  // Unrelated updates keep the key; dropping the mode drops it.
  ASSERT_EQ(UpdateApi("blog", R"({"apiName":"renamed"})").status, 200);
  EXPECT_EQ(Str(Stored("blog").output, "GraphQLAPIKeyOutput"), key);
  ASSERT_EQ(UpdateApi("blog", R"({"additionalAuthTypes":[]})").status, 200);
  EXPECT_FALSE(Stored("blog").output.contains("GraphQLAPIKeyOutput"));
}

TEST_F(ApiTest, UpdateMergesPresentMembersAndKeepsTheRest) {
  ASSERT_EQ(CreateApi("blog", kFullConfig).status, 200);
  std::string id_before = Str(Stored("blog").output, "GraphQLAPIIdOutput");
  HttpReply updated = UpdateApi("blog", R"({
      "defaultAuthType": {"settings": {"openIDClientId": "client-2"}},
      "additionalAuthTypes": [{"mode": "AWS_IAM"}],
      "conflictResolution": {"resolutionStrategy": "LAMBDA"}})");
  ASSERT_EQ(updated.status, 200) << updated.raw;
  EXPECT_EQ(Str(updated.body, "operation"), "UpdateBackendAPI");
  EXPECT_EQ(Str(updated.body, "status"), "COMPLETED");

  auto expected = parse(kFullConfig).as_object();
  expected["defaultAuthType"].as_object()["settings"].as_object()["openIDClientId"] = "client-2";
  expected["additionalAuthTypes"] = parse(R"([{"mode":"AWS_IAM"}])");  // lists replaced whole
  expected["conflictResolution"] = parse(R"({"resolutionStrategy":"LAMBDA"})");
  EXPECT_EQ(GetApi("blog").body.at("resourceConfig"), expected);
  EXPECT_EQ(Str(Stored("blog").output, "GraphQLAPIIdOutput"), id_before);

  // No resourceConfig at all: a job that changes nothing.
  ASSERT_EQ(Post("/backend/a/api/dev", R"({"resourceName":"blog"})").status, 200);
  EXPECT_EQ(GetApi("blog").body.at("resourceConfig"), expected);
}

// The version is what GetBackendAPIModels compares its models with (api_models_test.cpp).
TEST_F(ApiTest, SchemaChangesBumpTheSchemaVersion) {
  ASSERT_EQ(CreateApi("blog", R"({"transformSchema":"type A @model { id: ID! }"})").status, 200);
  EXPECT_EQ(Stored("blog").state, parse(R"({"schemaVersion":1})"));

  // The same schema, or no schema, changes nothing.
  ASSERT_EQ(UpdateApi("blog", R"({"transformSchema":"type A @model { id: ID! }"})").status, 200);
  ASSERT_EQ(UpdateApi("blog", R"({"apiName":"other"})").status, 200);
  EXPECT_EQ(SchemaVersionOf(Stored("blog").state), 1);

  ASSERT_EQ(UpdateApi("blog", R"({"transformSchema":"type B @model { id: ID! }"})").status, 200);
  EXPECT_EQ(SchemaVersionOf(Stored("blog").state), 2);
  ASSERT_EQ(UpdateApi("blog", R"({"transformSchema":"type C @model { id: ID! }"})").status, 200);
  EXPECT_EQ(SchemaVersionOf(Stored("blog").state), 3);
  // GetBackendAPI does not report the state.
  EXPECT_EQ(GetApi("blog").raw.find("schemaVersion"), std::string::npos);
}

TEST_F(ApiTest, ADuplicateNameIsABadRequestThatChangesNothing) {
  ASSERT_EQ(CreateApi("blog", R"({"apiName":"first"})").status, 200);
  size_t jobs = JobCount();
  HttpReply again = CreateApi("blog", R"({"apiName":"second"})");
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(again.error_type, "BadRequestException");
  EXPECT_NE(Str(again.body, "message").find("blog"), std::string::npos);
  EXPECT_EQ(Str(GetApi("blog").body.at("resourceConfig").as_object(), "apiName"), "first");
  EXPECT_EQ(JobCount(), jobs);
  // The same name in another environment is another resource.
  ASSERT_EQ(CreateBackend("a", "prod").status, 200);
  EXPECT_EQ(CreateApi("blog", "{}", "prod").status, 200);
}

TEST_F(ApiTest, UnknownApisAppsAndEnvironmentsAreNotFound) {
  for (HttpReply r : {GetApi("nope"), UpdateApi("nope", "{}"),
                      Post("/backend/a/api/dev/remove", R"({"resourceName":"nope"})")}) {
    EXPECT_EQ(r.status, 404) << r.raw;
    EXPECT_EQ(Str(r.body, "resourceType"), "BackendAPI");
  }
  EXPECT_EQ(Str(GetApi("blog", "nope").body, "resourceType"), "BackendEnvironment");
  EXPECT_EQ(Str(CreateApi("blog", "{}", "nope").body, "resourceType"), "BackendEnvironment");
  EXPECT_EQ(Str(CreateApi("blog", "{}", "dev", "nope").body, "resourceType"), "App");
  EXPECT_EQ(
      Str(Post("/backend/nope/api/dev/details", R"({"resourceName":"x"})").body, "resourceType"),
      "App");
}

TEST_F(ApiTest, EmptyNamesAreBadRequests) {
  EXPECT_EQ(CreateApi("", "{}").status, 400);
  EXPECT_EQ(CreateApi("blog", "{}", "").status, 400);
  EXPECT_TRUE(store_->Reader().ListResources(call_scope_, "a", "dev").empty());
}

TEST_F(ApiTest, DeleteRemovesTheApi) {
  ASSERT_EQ(CreateApi("blog", kFullConfig).status, 200);
  HttpReply deleted =
      Post("/backend/a/api/dev/remove", R"({"resourceName":"blog","resourceConfig":{}})");
  ASSERT_EQ(deleted.status, 200) << deleted.raw;
  EXPECT_EQ(Str(deleted.body, "operation"), "DeleteBackendAPI");
  EXPECT_EQ(Str(deleted.body, "status"), "COMPLETED");
  EXPECT_EQ(GetApi("blog").status, 404);
  // The name is free again.
  EXPECT_EQ(CreateApi("blog", "{}").status, 200);
}

TEST_F(ApiTest, GetAcceptsAndIgnoresAResourceConfig) {
  ASSERT_EQ(CreateApi("blog", R"({"apiName":"x"})").status, 200);
  HttpReply got = Post("/backend/a/api/dev/details",
                       R"({"resourceName":"blog","resourceConfig":{"apiName":"y"}})");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(Str(got.body.at("resourceConfig").as_object(), "apiName"), "x");
}

}  // namespace
}  // namespace amplify::service
