#include "protocol/router.h"

#include <gtest/gtest.h>

namespace amplify::protocol {
namespace {

std::string Label(const RouteMatch& m, std::string_view wire) {
  for (const auto& [name, value] : m.labels)
    if (name == wire) return value;
  return "<absent>";
}

TEST(RouterTest, RoutesEveryOperationOfTheModelByItsOwnUri) {
  Router router;
  for (const model::Operation& op : model::kOperations) {
    std::string path;
    for (char c : op.uri) path += c;  // labels stay literal text like {appId}: still a value
    auto match = router.Match(op.method, path);
    ASSERT_TRUE(match.ok()) << op.name << ": " << match.error().message;
    EXPECT_EQ(match->operation->name, op.name);
  }
  EXPECT_EQ(model::kOperationCount, 31);
}

TEST(RouterTest, AcceptsTheProdStagePrefix) {
  Router router;
  auto m = router.Match("POST", "/prod/backend/app1/details");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->operation->name, "GetBackend");
  EXPECT_EQ(Label(*m, "appId"), "app1");
  auto s3 = router.Match("POST", "/prod/s3Buckets");
  ASSERT_TRUE(s3.ok());
  EXPECT_EQ(s3->operation->name, "ListS3Buckets");
  // Only one prefix, and only in front of the service's own paths.
  EXPECT_FALSE(router.Match("POST", "/prod/prod/backend/app1/details").ok());
  EXPECT_FALSE(router.Match("POST", "/prod").ok());
}

TEST(RouterTest, SplitsBeforePercentDecodingLabels) {
  Router router;
  auto m = router.Match("GET", "/backend/my%20app%2F1/job/dev/j%2D1");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->operation->name, "GetBackendJob");
  EXPECT_EQ(Label(*m, "appId"), "my app/1");
  EXPECT_EQ(Label(*m, "backendEnvironmentName"), "dev");
  EXPECT_EQ(Label(*m, "jobId"), "j-1");
}

TEST(RouterTest, DotSegmentsAreOpaqueLabels) {
  Router router;
  auto m = router.Match("POST", "/backend/../details");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(Label(*m, "appId"), "..");
}

TEST(RouterTest, SameUriDifferentMethods) {
  Router router;
  EXPECT_EQ(router.Match("GET", "/backend/a/job/e/j")->operation->name, "GetBackendJob");
  EXPECT_EQ(router.Match("POST", "/backend/a/job/e/j")->operation->name, "UpdateBackendJob");
}

TEST(RouterTest, IgnoresTheQueryString) {
  Router router;
  EXPECT_EQ(router.Match("POST", "/backend?x=1")->operation->name, "CreateBackend");
}

TEST(RouterTest, UnknownPathIs404AndWrongMethodIs405) {
  Router router;
  auto unknown = router.Match("POST", "/nothing/here");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnknownOperation);
  auto method = router.Match("GET", "/backend");
  ASSERT_FALSE(method.ok());
  EXPECT_EQ(method.error().code, ErrorCode::kMethodNotAllowed);
  EXPECT_TRUE(router.HasPath("/backend"));
  EXPECT_FALSE(router.HasPath("/nothing"));
}

TEST(RouterTest, EmptyLabelIsABadRequestNamingIt) {
  Router router;
  auto m = router.Match("POST", "/backend//challenge");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(m.error().message.find("appId"), std::string::npos);
}

TEST(RouterTest, MalformedPercentEncodingIsABadRequest) {
  Router router;
  for (const char* path : {"/backend/a%2/details", "/backend/a%zz/details", "/backend/%/details"}) {
    auto m = router.Match("POST", path);
    ASSERT_FALSE(m.ok()) << path;
    EXPECT_EQ(m.error().code, ErrorCode::kBadRequest) << path;
  }
}

TEST(PercentDecodeTest, DecodesEscapes) {
  std::string out;
  ASSERT_TRUE(PercentDecode("a%20b%2fc%41", out));
  EXPECT_EQ(out, "a b/cA");
  EXPECT_FALSE(PercentDecode("%4", out));
}

}  // namespace
}  // namespace amplify::protocol

namespace amplify::protocol {
namespace {

TEST(RouterLongPathTest, APathLongerThanAnyRouteIsUnknownNotAnOverrun) {
  Router router;
  std::string path = "/backend";
  for (int i = 0; i < 100; ++i) path += "/x";
  Result<RouteMatch> match = router.Match("POST", path);
  ASSERT_FALSE(match.ok());
  EXPECT_EQ(match.error().code, ErrorCode::kUnknownOperation);
  EXPECT_FALSE(router.HasPath("/prod" + path));
}

}  // namespace
}  // namespace amplify::protocol
