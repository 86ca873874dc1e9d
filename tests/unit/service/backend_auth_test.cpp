#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <regex>

#include "service/backend_auth_config.h"
#include "service/resource_document.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

using boost::json::object;
using boost::json::parse;

// Every member of CreateBackendAuthResourceConfig, odd wire names included.
constexpr const char* kFullConfig = R"({
  "authResources": "IDENTITY_POOL_AND_USER_POOL",
  "identityPoolConfigs": {"identityPoolName": "myidentitypool", "unauthenticatedLogin": true},
  "service": "COGNITO",
  "userPoolConfigs": {
    "forgotPassword": {"deliveryMethod": "EMAIL",
                       "emailSettings": {"emailMessage": "Reset {####}", "emailSubject": "Reset"},
                       "smsSettings": {"smsMessage": "Reset code {####}"}},
    "mfa": {"MFAMode": "OPTIONAL", "settings": {"mfaTypes": ["SMS", "TOTP"],
                                                "smsMessage": "MFA {####}"}},
    "oAuth": {
      "domainPrefix": "myapp",
      "oAuthGrantType": "CODE",
      "oAuthScopes": ["PHONE", "EMAIL", "OPENID", "PROFILE", "AWS_COGNITO_SIGNIN_USER_ADMIN"],
      "redirectSignInURIs": ["https://app.example.com/", "myapp://"],
      "redirectSignOutURIs": ["https://app.example.com/bye"],
      "socialProviderSettings": {
        "Facebook": {"client_id": "fb-id", "client_secret": "fb-secret"},
        "Google": {"client_id": "google-id", "client_secret": "google-secret"},
        "LoginWithAmazon": {"client_id": "amzn-id", "client_secret": "amzn-secret"},
        "SignInWithApple": {"client_id": "com.example.app", "key_id": "KEY123",
                            "private_key": "-----BEGIN PRIVATE KEY-----\nMIGT\n-----END PRIVATE KEY-----",
                            "team_id": "TEAM123"}
      }
    },
    "passwordPolicy": {"additionalConstraints": ["REQUIRE_DIGIT", "REQUIRE_LOWERCASE",
                                                 "REQUIRE_SYMBOL", "REQUIRE_UPPERCASE"],
                       "minimumLength": 12.5},
    "requiredSignUpAttributes": ["EMAIL", "PHONE_NUMBER", "ZONE_INFO"],
    "signInMethod": "EMAIL_AND_PHONE_NUMBER",
    "userPoolName": "mypool",
    "verificationMessage": {"deliveryMethod": "SMS",
                            "emailSettings": {"emailMessage": "Verify {####}",
                                              "emailSubject": "Verify"},
                            "smsSettings": {"smsMessage": "Verify {####}"}}
  }
})";

constexpr const char* kMinimalConfig = R"({
  "authResources": "USER_POOL_ONLY", "service": "COGNITO",
  "userPoolConfigs": {"requiredSignUpAttributes": ["EMAIL"], "signInMethod": "EMAIL",
                      "userPoolName": "pool"}})";

class AuthTest : public ServiceFixture {
 protected:
  explicit AuthTest(std::chrono::milliseconds job_duration = std::chrono::milliseconds(0))
      : ServiceFixture(job_duration) {}

  void SetUp() override { ASSERT_EQ(CreateBackend("a", "dev").status, 200); }

  HttpReply CreateAuth(const std::string& name, const std::string& config,
                       const std::string& env = "dev", const std::string& app = "a") {
    return Post("/backend/" + app + "/auth", R"({"backendEnvironmentName":")" + env +
                                                 R"(","resourceName":")" + name +
                                                 R"(","resourceConfig":)" + config + "}");
  }
  HttpReply GetAuth(const std::string& name, const std::string& env = "dev",
                    const std::string& app = "a") {
    return Post("/backend/" + app + "/auth/" + env + "/details",
                R"({"resourceName":")" + name + R"("})");
  }
  HttpReply UpdateAuth(const std::string& name, const std::string& config) {
    return Post("/backend/a/auth/dev",
                R"({"resourceName":")" + name + R"(","resourceConfig":)" + config + "}");
  }
  object ConfigOf(const std::string& name) {
    HttpReply r = GetAuth(name);
    EXPECT_EQ(r.status, 200) << r.raw;
    return r.status == 200 ? r.body.at("resourceConfig").as_object() : object();
  }
  // The resource's amplify-meta.json entry, as GetBackend reports it.
  object MetaOf(const std::string& name) {
    HttpReply r = Post("/backend/a/details", R"({"backendEnvironmentName":"dev"})");
    EXPECT_EQ(r.status, 200) << r.raw;
    object meta = parse(Str(r.body, "amplifyMetaConfig")).as_object();
    const auto* entry =
        meta.contains("auth") ? meta["auth"].as_object().if_contains(name) : nullptr;
    return entry ? entry->as_object() : object();
  }
  static void ExpectJob(const HttpReply& r, const std::string& operation) {
    ASSERT_EQ(r.status, 200) << r.raw;
    EXPECT_EQ(Str(r.body, "operation"), operation);
    EXPECT_EQ(Str(r.body, "status"), "COMPLETED");
    EXPECT_EQ(Str(r.body, "backendEnvironmentName"), "dev");
    EXPECT_EQ(Str(r.body, "appId"), "a");
  }
};

bool Matches(const boost::json::value& v, const char* pattern) {
  return v.is_string() && std::regex_match(std::string(v.get_string()), std::regex(pattern));
}

TEST_F(AuthTest, CreateThenGetRoundTripsEveryMember) {
  ExpectJob(CreateAuth("myauth", kFullConfig), "CreateBackendAuth");
  HttpReply get = GetAuth("myauth");
  ASSERT_EQ(get.status, 200) << get.raw;
  EXPECT_EQ(Str(get.body, "appId"), "a");
  EXPECT_EQ(Str(get.body, "backendEnvironmentName"), "dev");
  EXPECT_EQ(Str(get.body, "resourceName"), "myauth");
  EXPECT_EQ(get.body.at("resourceConfig"), parse(kFullConfig));
  const auto& policy = get.body.at("resourceConfig").at("userPoolConfigs").at("passwordPolicy");
  EXPECT_DOUBLE_EQ(policy.at("minimumLength").as_double(), 12.5);
}

TEST_F(AuthTest, MembersTheModelDoesNotDefineAreNotStored) {
  object config = parse(kMinimalConfig).as_object();
  config["bogus"] = 1;
  config["userPoolConfigs"].as_object()["alsoBogus"] = "x";
  ASSERT_EQ(CreateAuth("auth1", boost::json::serialize(config)).status, 200);
  EXPECT_EQ(ConfigOf("auth1"), parse(kMinimalConfig));
}

TEST_F(AuthTest, CreateGivesRealisticStableIdentifiersAndNoSecrets) {
  ASSERT_EQ(CreateAuth("myauth", kFullConfig).status, 200);
  object meta = MetaOf("myauth");
  EXPECT_EQ(Str(meta, "service"), "Cognito");
  const object& out = meta.at("output").as_object();
  EXPECT_TRUE(Matches(out.at("UserPoolId"), "us-east-1_[0-9A-Za-z]{9}")) << out;
  EXPECT_EQ(Str(out, "UserPoolArn"),
            "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + Str(out, "UserPoolId"));
  EXPECT_EQ(Str(out, "UserPoolName"), "mypool");
  EXPECT_TRUE(Matches(out.at("AppClientIDWeb"), "[0-9a-z]{26}")) << out;
  EXPECT_TRUE(Matches(out.at("AppClientID"), "[0-9a-z]{26}")) << out;
  EXPECT_NE(Str(out, "AppClientID"), Str(out, "AppClientIDWeb"));
  EXPECT_TRUE(Matches(out.at("IdentityPoolId"),
                      "us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-"
                      "[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
      << out;
  EXPECT_EQ(Str(out, "IdentityPoolName"), "myidentitypool");
  EXPECT_EQ(Str(out, "HostedUIDomain"), "myapp-dev");
  object oauth = parse(Str(out, "OAuthMetadata")).as_object();
  EXPECT_EQ(oauth.at("AllowedOAuthFlows"), parse(R"(["code"])"));
  EXPECT_EQ(oauth.at("AllowedOAuthScopes"),
            parse(R"(["phone","email","openid","profile","aws.cognito.signin.user.admin"])"));
  // Secrets stay in the stored config (GetBackendAuth) and nowhere else.
  std::string meta_text = boost::json::serialize(meta);
  for (const char* secret : {"fb-secret", "google-secret", "amzn-secret", "PRIVATE KEY"}) {
    EXPECT_EQ(meta_text.find(secret), std::string::npos) << secret;
  }
  // Stable: an update keeps every identifier.
  ASSERT_EQ(UpdateAuth("myauth", R"({"authResources":"IDENTITY_POOL_AND_USER_POOL",
      "service":"COGNITO","userPoolConfigs":{"passwordPolicy":{"minimumLength":9}}})")
                .status,
            200);
  const object after = MetaOf("myauth").at("output").as_object();
  for (const char* key :
       {"UserPoolId", "UserPoolArn", "AppClientIDWeb", "AppClientID", "IdentityPoolId"}) {
    EXPECT_EQ(Str(after, key), Str(out, key)) << key;
  }
}

TEST_F(AuthTest, CreateChecksTheEnvironmentTheNameAndTheIdentityPool) {
  ASSERT_EQ(CreateAuth("auth1", kMinimalConfig).status, 200);
  HttpReply duplicate = CreateAuth("auth1", kMinimalConfig);
  EXPECT_EQ(duplicate.status, 400);
  EXPECT_EQ(duplicate.error_type, "BadRequestException");
  EXPECT_NE(Str(duplicate.body, "message").find("auth1"), std::string::npos);

  object config = parse(kMinimalConfig).as_object();
  config["authResources"] = "IDENTITY_POOL_AND_USER_POOL";
  HttpReply no_pool = CreateAuth("auth2", boost::json::serialize(config));
  EXPECT_EQ(no_pool.status, 400);
  EXPECT_NE(Str(no_pool.body, "message").find("identityPoolConfigs"), std::string::npos);

  HttpReply env = CreateAuth("auth2", kMinimalConfig, "nope");
  EXPECT_EQ(env.status, 404);
  EXPECT_EQ(Str(env.body, "resourceType"), "BackendEnvironment");
  HttpReply app = CreateAuth("auth2", kMinimalConfig, "dev", "nope");
  EXPECT_EQ(app.status, 404);
  EXPECT_EQ(Str(app.body, "resourceType"), "App");
  EXPECT_EQ(CreateAuth("", kMinimalConfig).status, 400);
  // Nothing of the rejected requests was applied.
  EXPECT_EQ(GetAuth("auth2").status, 404);
}

TEST_F(AuthTest, RequestsAreValidatedAgainstTheModel) {
  object config = parse(kFullConfig).as_object();
  config["userPoolConfigs"].as_object()["oAuth"].as_object().erase("oAuthGrantType");
  HttpReply nested = CreateAuth("auth1", boost::json::serialize(config));
  EXPECT_EQ(nested.status, 400);
  EXPECT_NE(
      Str(nested.body, "message").find("'resourceConfig.userPoolConfigs.oAuth.oAuthGrantType'"),
      std::string::npos)
      << nested.raw;

  config = parse(kMinimalConfig).as_object();
  config["userPoolConfigs"].as_object()["signInMethod"] = "SMOKE_SIGNALS";
  HttpReply bad_enum = CreateAuth("auth1", boost::json::serialize(config));
  EXPECT_EQ(bad_enum.status, 400);
  EXPECT_NE(Str(bad_enum.body, "message").find("signInMethod"), std::string::npos);

  HttpReply update = UpdateAuth("auth1", R"({"authResources":"USER_POOL_ONLY","service":"COGNITO",
      "userPoolConfigs":{"verificationMessage":{"smsSettings":{"smsMessage":"x"}}}})");
  EXPECT_EQ(update.status, 400);
  EXPECT_NE(Str(update.body, "message").find("verificationMessage.deliveryMethod"),
            std::string::npos);
  EXPECT_EQ(GetAuth("auth1").status, 404);
}

TEST_F(AuthTest, GetAnswersNotFoundForWhatDoesNotExist) {
  HttpReply resource = GetAuth("nope");
  EXPECT_EQ(resource.status, 404);
  EXPECT_EQ(resource.error_type, "NotFoundException");
  EXPECT_EQ(Str(resource.body, "resourceType"), "BackendAuth");
  EXPECT_EQ(Str(GetAuth("x", "nope").body, "resourceType"), "BackendEnvironment");
  EXPECT_EQ(Str(GetAuth("x", "dev", "nope").body, "resourceType"), "App");
  EXPECT_EQ(GetAuth("x", "dev", "nope").status, 404);
}

TEST_F(AuthTest, UpdateMergesPresentMembersAndKeepsTheRest) {
  ASSERT_EQ(CreateAuth("myauth", kFullConfig).status, 200);
  ExpectJob(UpdateAuth("myauth", R"({
    "authResources": "IDENTITY_POOL_AND_USER_POOL", "service": "COGNITO",
    "identityPoolConfigs": {"unauthenticatedLogin": false},
    "userPoolConfigs": {
      "mfa": {"settings": {"mfaTypes": ["TOTP"]}},
      "oAuth": {"redirectSignInURIs": ["https://new.example.com/"],
                "socialProviderSettings": {"Google": {"client_secret": "rotated"}}},
      "passwordPolicy": {"minimumLength": 10},
      "verificationMessage": {"deliveryMethod": "EMAIL"}}})"),
            "UpdateBackendAuth");
  object expected = parse(kFullConfig).as_object();
  object& pool = expected["userPoolConfigs"].as_object();
  expected["identityPoolConfigs"].as_object()["unauthenticatedLogin"] = false;
  pool["mfa"].as_object()["settings"].as_object()["mfaTypes"] = parse(R"(["TOTP"])");
  object& oauth = pool["oAuth"].as_object();
  oauth["redirectSignInURIs"] = parse(R"(["https://new.example.com/"])");  // lists: replaced
  oauth["socialProviderSettings"].as_object()["Google"].as_object()["client_secret"] = "rotated";
  pool["passwordPolicy"].as_object()["minimumLength"] = 10;
  pool["verificationMessage"].as_object()["deliveryMethod"] = "EMAIL";
  EXPECT_EQ(ConfigOf("myauth"), expected);
}

TEST_F(AuthTest, SwitchingAuthResourcesAddsAndDropsTheIdentityPool) {
  ASSERT_EQ(CreateAuth("auth1", kMinimalConfig).status, 200);
  EXPECT_FALSE(MetaOf("auth1").at("output").as_object().contains("IdentityPoolId"));
  const std::string both = R"({"authResources":"IDENTITY_POOL_AND_USER_POOL","service":"COGNITO",
                               "userPoolConfigs":{}})";
  ASSERT_EQ(UpdateAuth("auth1", both).status, 200);
  object config = ConfigOf("auth1");
  EXPECT_EQ(config.at("identityPoolConfigs"),
            parse(R"({"identityPoolName":"auth1_identitypool","unauthenticatedLogin":false})"));
  object out = MetaOf("auth1").at("output").as_object();
  EXPECT_TRUE(Matches(out.at("IdentityPoolId"), "us-east-1:[0-9a-f-]{36}")) << out;
  EXPECT_EQ(Str(out, "IdentityPoolName"), "auth1_identitypool");

  ASSERT_EQ(UpdateAuth("auth1", R"({"authResources":"USER_POOL_ONLY","service":"COGNITO",
                                    "identityPoolConfigs":{"unauthenticatedLogin":true},
                                    "userPoolConfigs":{}})")
                .status,
            200);
  EXPECT_EQ(ConfigOf("auth1"), parse(kMinimalConfig));
  out = MetaOf("auth1").at("output").as_object();
  EXPECT_FALSE(out.contains("IdentityPoolId"));
  EXPECT_FALSE(out.contains("IdentityPoolName"));

  ASSERT_EQ(UpdateAuth("auth1", R"({"authResources":"IDENTITY_POOL_AND_USER_POOL",
      "service":"COGNITO","identityPoolConfigs":{"unauthenticatedLogin":true},
      "userPoolConfigs":{}})")
                .status,
            200);
  EXPECT_EQ(ConfigOf("auth1").at("identityPoolConfigs").at("unauthenticatedLogin"), true);
}

TEST_F(AuthTest, AnUpdateThatLeavesAnInvalidConfigIsRejectedAndChangesNothing) {
  ASSERT_EQ(CreateAuth("auth1", kMinimalConfig).status, 200);
  // No stored oAuth to merge into: the create shape's required members would be missing.
  HttpReply r = UpdateAuth("auth1", R"({"authResources":"USER_POOL_ONLY","service":"COGNITO",
                                        "userPoolConfigs":{"oAuth":{"domainPrefix":"x"}}})");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(Str(r.body, "message").find("resourceConfig.userPoolConfigs.oAuth.oAuthGrantType"),
            std::string::npos)
      << r.raw;
  EXPECT_EQ(ConfigOf("auth1"), parse(kMinimalConfig));

  HttpReply missing = UpdateAuth("nope", R"({"authResources":"USER_POOL_ONLY",
                                             "service":"COGNITO","userPoolConfigs":{}})");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Str(missing.body, "resourceType"), "BackendAuth");
}

TEST_F(AuthTest, DeleteRemovesTheResource) {
  ASSERT_EQ(CreateAuth("auth1", kMinimalConfig).status, 200);
  ExpectJob(Post("/backend/a/auth/dev/remove", R"({"resourceName":"auth1"})"), "DeleteBackendAuth");
  EXPECT_EQ(GetAuth("auth1").status, 404);
  EXPECT_TRUE(MetaOf("auth1").empty());
  HttpReply again = Post("/backend/a/auth/dev/remove", R"({"resourceName":"auth1"})");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(Str(again.body, "resourceType"), "BackendAuth");
  EXPECT_EQ(Post("/backend/a/auth/nope/remove", R"({"resourceName":"auth1"})").status, 404);
  // The name is free again.
  EXPECT_EQ(CreateAuth("auth1", kMinimalConfig).status, 200);
}

TEST_F(AuthTest, ImportRecordsTheGivenPoolsUnderThePoolsId) {
  ExpectJob(Post("/backend/a/auth/dev/import", R"({"userPoolId":"us-east-1_AbCdEfGhI",
      "webClientId":"web123","nativeClientId":"native123"})"),
            "ImportBackendAuth");
  EXPECT_EQ(ConfigOf("us-east-1_AbCdEfGhI"), parse(R"({
      "authResources":"USER_POOL_ONLY","service":"COGNITO",
      "userPoolConfigs":{"requiredSignUpAttributes":[],"signInMethod":"USERNAME",
                         "userPoolName":"us-east-1_AbCdEfGhI"}})"));
  object meta = MetaOf("us-east-1_AbCdEfGhI");
  EXPECT_EQ(Str(meta, "serviceType"), "imported");
  const object& out = meta.at("output").as_object();
  EXPECT_EQ(Str(out, "UserPoolId"), "us-east-1_AbCdEfGhI");
  EXPECT_EQ(Str(out, "AppClientIDWeb"), "web123");
  EXPECT_EQ(Str(out, "AppClientID"), "native123");
  EXPECT_FALSE(out.contains("IdentityPoolId"));

  HttpReply twice = Post("/backend/a/auth/dev/import", R"({"userPoolId":"us-east-1_AbCdEfGhI",
      "webClientId":"w","nativeClientId":"n"})");
  EXPECT_EQ(twice.status, 400);
  EXPECT_NE(Str(twice.body, "message").find("already imported"), std::string::npos);

  ASSERT_EQ(Post("/backend/a/auth/dev/import", R"({"userPoolId":"us-east-1_Second999",
      "webClientId":"w","nativeClientId":"n","identityPoolId":"us-east-1:1111-2222"})")
                .status,
            200);
  object config = ConfigOf("us-east-1_Second999");
  EXPECT_EQ(Str(config, "authResources"), "IDENTITY_POOL_AND_USER_POOL");
  EXPECT_EQ(config.at("identityPoolConfigs"),
            parse(R"({"identityPoolName":"us-east-1:1111-2222","unauthenticatedLogin":false})"));
  EXPECT_EQ(Str(MetaOf("us-east-1_Second999").at("output").as_object(), "IdentityPoolId"),
            "us-east-1:1111-2222");
}

TEST_F(AuthTest, ImportValidatesAndNeedsTheEnvironment) {
  HttpReply missing =
      Post("/backend/a/auth/dev/import", R"({"userPoolId":"us-east-1_x","nativeClientId":"n"})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(Str(missing.body, "message").find("webClientId"), std::string::npos);
  HttpReply env = Post("/backend/a/auth/nope/import",
                       R"({"userPoolId":"p","webClientId":"w","nativeClientId":"n"})");
  EXPECT_EQ(env.status, 404);
  EXPECT_EQ(Str(env.body, "resourceType"), "BackendEnvironment");
}

TEST(MergeIntoTest, ObjectsMergeRecursivelyListsAndScalarsAreReplaced) {
  object target = parse(R"({"a":1,"list":[1,2,3],"nested":{"x":1,"y":{"deep":true,"keep":2}},
                            "scalarBecomesObject":5})")
                      .as_object();
  MergeInto(target, parse(R"({"a":2,"list":[9],"nested":{"y":{"deep":false},"z":"new"},
                             "scalarBecomesObject":{"k":1},"added":[]})")
                        .as_object());
  EXPECT_EQ(target, parse(R"({"a":2,"list":[9],"nested":{"x":1,"y":{"deep":false,"keep":2},
                              "z":"new"},"scalarBecomesObject":{"k":1},"added":[]})"));
  MergeInto(target, object());
  EXPECT_EQ(target.at("a"), 2);
}

TEST(AuthResourceTest, MergeAuthUpdateValidatesTheResultAsACreateShapedConfig) {
  object stored = parse(kMinimalConfig).as_object();
  auto merged = MergeAuthUpdate(stored,
                                parse(R"({"authResources":"USER_POOL_ONLY",
      "service":"COGNITO","userPoolConfigs":{"mfa":{"settings":{"mfaTypes":["SMS"]}}}})")
                                    .as_object(),
                                "auth1");
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.error().message.find("resourceConfig.userPoolConfigs.mfa.MFAMode"),
            std::string::npos);
  merged = MergeAuthUpdate(stored,
                           parse(R"({"authResources":"USER_POOL_ONLY","service":"COGNITO",
      "userPoolConfigs":{"mfa":{"MFAMode":"ON"}}})")
                               .as_object(),
                           "auth1");
  ASSERT_TRUE(merged.ok()) << merged.error().message;
  EXPECT_EQ(merged->at("userPoolConfigs").at("mfa"), parse(R"({"MFAMode":"ON"})"));
  EXPECT_EQ(merged->at("userPoolConfigs").at("userPoolName"), "pool");
}

class AuthSlowJobsTest : public AuthTest {
 protected:
  AuthSlowJobsTest() : AuthTest(std::chrono::milliseconds(1000)) {}
  void SetUp() override {
    ASSERT_EQ(CreateBackend("a", "dev").status, 200);
    Complete();
  }
  void Complete() {
    clock_.Advance(1000);
    engine_.RunDue();
  }
};

TEST_F(AuthSlowJobsTest, ChangesAppearOnlyWhenTheirJobCompletes) {
  HttpReply create = CreateAuth("auth1", kMinimalConfig);
  ASSERT_EQ(create.status, 200) << create.raw;
  EXPECT_EQ(Str(create.body, "status"), "RUNNING");
  EXPECT_EQ(GetAuth("auth1").status, 404);
  EXPECT_EQ(CreateAuth("auth2", kMinimalConfig).status, 400);  // one pending job per env
  Complete();
  EXPECT_EQ(Str(Send("GET", "/backend/a/job/dev/" + Str(create.body, "jobId")).body, "status"),
            "COMPLETED");
  EXPECT_EQ(ConfigOf("auth1"), parse(kMinimalConfig));

  ASSERT_EQ(UpdateAuth("auth1", R"({"authResources":"USER_POOL_ONLY","service":"COGNITO",
      "userPoolConfigs":{"passwordPolicy":{"minimumLength":8}}})")
                .status,
            200);
  EXPECT_FALSE(ConfigOf("auth1").at("userPoolConfigs").as_object().contains("passwordPolicy"));
  Complete();
  EXPECT_EQ(ConfigOf("auth1").at("userPoolConfigs").at("passwordPolicy"),
            parse(R"({"minimumLength":8})"));

  ASSERT_EQ(Post("/backend/a/auth/dev/remove", R"({"resourceName":"auth1"})").status, 200);
  EXPECT_EQ(GetAuth("auth1").status, 200);
  Complete();
  EXPECT_EQ(GetAuth("auth1").status, 404);
}

}  // namespace
}  // namespace amplify::service
