#include "protocol/request_reader.h"

#include <gtest/gtest.h>

namespace amplify::protocol {
namespace {

const model::Operation& Op(std::string_view name) { return *model::FindOperation(name); }

// The input, copied out of the request's arena (which goes with the RequestInput).
Result<boost::json::object> Read(std::string_view op, std::string_view body, Labels labels = {}) {
  Result<std::unique_ptr<RequestInput>> input = ReadRequest(Op(op), body, std::move(labels));
  if (!input) return input.error();
  return boost::json::object(input.value()->object(), boost::json::storage_ptr());
}

std::string ErrorOf(const Result<boost::json::object>& r) {
  return r.ok() ? "<ok>" : r.error().message;
}

TEST(RequestReaderTest, EmptyBodyIsAnEmptyObject) {
  auto r = Read("CreateToken", "", {{"appId", "a"}});
  ASSERT_TRUE(r.ok()) << ErrorOf(r);
  EXPECT_EQ(r->at("appId").as_string(), "a");
}

TEST(RequestReaderTest, MalformedJsonAndNonObjectsAreBadRequests) {
  EXPECT_NE(ErrorOf(Read("CreateBackend", "{\"appId\":")).find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(ErrorOf(Read("CreateBackend", "[1,2]")).find("JSON object"), std::string::npos);
  EXPECT_NE(ErrorOf(Read("CreateBackend", "\"x\"")).find("JSON object"), std::string::npos);
}

// Boost.JSON reads these as Infinity and NaN, which would be stored and written back as text no
// JSON reader accepts; they are refused instead, wherever they sit.
TEST(RequestReaderTest, NumbersOutOfRangeAreBadRequests) {
  for (const char* body : {R"({"minimumLength":1e400})", R"({"x":-1e400})", R"({"x":0e400})",
                           R"({"x":{"y":[1,2,1e999]}})"}) {
    EXPECT_NE(ErrorOf(Read("GetBackend", body, {{"appId", "a"}})).find("out of range"),
              std::string::npos)
        << body;
  }
  EXPECT_TRUE(Read("GetBackend", R"({"x":1e308})", {{"appId", "a"}}).ok());
}

// PostgreSQL text cannot hold U+0000: refused in any string or member name, for both stores alike.
TEST(RequestReaderTest, StringsWithUPlus0000AreBadRequests) {
  for (const char* body : {R"({"appName":"a\u0000b"})", R"({"x":{"y":["\u0000"]}})",
                           R"({"a\u0000":1})"}) {
    EXPECT_NE(ErrorOf(Read("GetBackend", body, {{"appId", "a"}})).find("U+0000"),
              std::string::npos)
        << body;
  }
}

TEST(RequestReaderTest, MissingRequiredMembersAreNamed) {
  std::string e = ErrorOf(Read("CreateBackend", R"({"appId":"a"})"));
  EXPECT_NE(e.find("2 validation errors"), std::string::npos) << e;
  EXPECT_NE(e.find("'appName'"), std::string::npos) << e;
  EXPECT_NE(e.find("'backendEnvironmentName'"), std::string::npos) << e;
}

TEST(RequestReaderTest, NullCountsAsAbsent) {
  std::string e = ErrorOf(
      Read("CreateBackend", R"({"appId":"a","appName":null,"backendEnvironmentName":"d"})"));
  EXPECT_NE(e.find("'appName'"), std::string::npos) << e;
  auto ok = Read("GetBackend", R"({"backendEnvironmentName":null})", {{"appId", "a"}});
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(ok->contains("backendEnvironmentName"));
}

TEST(RequestReaderTest, WrongTypesAreNamed) {
  std::string e =
      ErrorOf(Read("CreateBackend", R"({"appId":1,"appName":"n","backendEnvironmentName":"d"})"));
  EXPECT_NE(e.find("'appId'"), std::string::npos) << e;
  EXPECT_NE(e.find("string"), std::string::npos) << e;
  e = ErrorOf(Read("RemoveAllBackends", R"({"cleanAmplifyApp":"yes"})", {{"appId", "a"}}));
  EXPECT_NE(e.find("'cleanAmplifyApp'"), std::string::npos) << e;
}

TEST(RequestReaderTest, MaxResultsRangeIsEnforced) {
  auto labels = [] {
    return std::vector<std::pair<std::string_view, std::string>>{{"appId", "a"},
                                                                 {"backendEnvironmentName", "d"}};
  };
  EXPECT_TRUE(Read("ListBackendJobs", R"({"maxResults":25})", labels()).ok());
  EXPECT_TRUE(Read("ListBackendJobs", R"({"maxResults":1})", labels()).ok());
  std::string e = ErrorOf(Read("ListBackendJobs", R"({"maxResults":26})", labels()));
  EXPECT_NE(e.find("less than or equal to 25"), std::string::npos) << e;
  e = ErrorOf(Read("ListBackendJobs", R"({"maxResults":0})", labels()));
  EXPECT_NE(e.find("greater than or equal to 1"), std::string::npos) << e;
  e = ErrorOf(Read("ListBackendJobs", R"({"maxResults":2.5})", labels()));
  EXPECT_NE(e.find("integer"), std::string::npos) << e;
}

TEST(RequestReaderTest, NestedRequiredMembersEnumsAndListsAreChecked) {
  const char* body = R"({
    "backendEnvironmentName": "dev", "resourceName": "auth1",
    "resourceConfig": {
      "authResources": "USER_POOL_ONLY", "service": "COGNITO",
      "userPoolConfigs": {
        "requiredSignUpAttributes": ["EMAIL", "SHOE_SIZE"],
        "signInMethod": "EMAIL", "userPoolName": "pool",
        "mfa": {"settings": {"mfaTypes": ["SMS"]}}
      }
    }})";
  std::string e = ErrorOf(Read("CreateBackendAuth", body, {{"appId", "a"}}));
  EXPECT_NE(e.find("'resourceConfig.userPoolConfigs.requiredSignUpAttributes.2'"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("SHOE_SIZE"), std::string::npos) << e;
  // MFAMode keeps its PascalCase wire name (docs/DECISIONS.md "Wire names").
  EXPECT_NE(e.find("'resourceConfig.userPoolConfigs.mfa.MFAMode'"), std::string::npos) << e;
}

TEST(RequestReaderTest, RequiredBooleanIsSatisfiedByFalse) {
  const char* body = R"({
    "backendEnvironmentName": "dev", "resourceName": "auth1",
    "resourceConfig": {
      "authResources": "IDENTITY_POOL_AND_USER_POOL", "service": "COGNITO",
      "identityPoolConfigs": {"identityPoolName": "ip", "unauthenticatedLogin": false},
      "userPoolConfigs": {"requiredSignUpAttributes": [], "signInMethod": "EMAIL",
                          "userPoolName": "pool",
                          "passwordPolicy": {"minimumLength": 8.0}}
    }})";
  auto r = Read("CreateBackendAuth", body, {{"appId", "a"}});
  EXPECT_TRUE(r.ok()) << ErrorOf(r);
}

TEST(RequestReaderTest, LabelsJoinTheBodyMembers) {
  auto r = Read("CloneBackend", R"({"targetEnvironmentName":"t"})",
                {{"appId", "a"}, {"backendEnvironmentName", "s"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("appId").as_string(), "a");
  EXPECT_EQ(r->at("backendEnvironmentName").as_string(), "s");
  EXPECT_EQ(r->at("targetEnvironmentName").as_string(), "t");
}

}  // namespace
}  // namespace amplify::protocol
