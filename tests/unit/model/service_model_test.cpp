#include "model/service_model.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "model/members_generated.h"
#include "protocol/output_conformance.h"

namespace amplify::model {
namespace {

TEST(ServiceModelTest, HasAllOperationsWithTheirHttpBindings) {
  ASSERT_EQ(kOperationCount, 31);
  int gets = 0;
  for (const Operation& op : kOperations) {
    EXPECT_EQ(&OperationOf(op.id), &op);
    if (op.method == "GET") ++gets;
  }
  EXPECT_EQ(gets, 2);  // GetBackendJob, GetToken
  EXPECT_EQ(FindOperation("GetBackendJob")->uri,
            "/backend/{appId}/job/{backendEnvironmentName}/{jobId}");
}

TEST(ServiceModelTest, KeepsTheOddWireNames) {
  EXPECT_NE(FindWireMember(*FindShape("CreateBackendAuthMFAConfig"), "MFAMode"), nullptr);
  EXPECT_NE(FindWireMember(*FindShape("BackendAuthAppleProviderConfig"), "private_key"), nullptr);
  EXPECT_NE(FindWireMember(*FindShape("SocialProviderSettings"), "LoginWithAmazon"), nullptr);
  EXPECT_NE(FindWireMember(*FindShape("LoginAuthConfigReqObj"), "aws_user_pools_web_client_id"),
            nullptr);
  EXPECT_NE(FindWireMember(*FindShape("BackendAPIAppSyncAuthSettings"), "openIDIatTTL"), nullptr);
  EXPECT_NE(FindWireMember(*FindShape("BackendStoragePermissions"), "unAuthenticated"), nullptr);
}

TEST(ServiceModelTest, PathLabelsAreUriMembers) {
  const Shape& in = ShapeAt(FindOperation("GetBackendJob")->input);
  for (std::string_view label : {"appId", "backendEnvironmentName", "jobId"}) {
    const Member* m = FindWireMember(in, label);
    ASSERT_NE(m, nullptr) << label;
    EXPECT_EQ(m->location, Location::kUri);
    EXPECT_TRUE(m->required);
  }
}

TEST(ServiceModelTest, ErrorsAndRanges) {
  EXPECT_TRUE(FindShape("NotFoundException")->exception);
  EXPECT_EQ(FindShape("NotFoundException")->http_status, 404);
  EXPECT_EQ(FindShape("TooManyRequestsException")->http_status, 429);
  const Shape* max = FindShape("__integerMin1Max25");
  EXPECT_TRUE(max->has_min && max->has_max);
  EXPECT_EQ(max->min, 1);
  EXPECT_EQ(max->max, 25);
  EXPECT_EQ(FindShape("MFAMode")->enum_values.size(), 3u);
}

TEST(ServiceModelTest, ErrorTableHasEveryModelledExceptionThenTheProtocolErrors) {
  int modelled = 0;
  for (const Shape& shape : kShapes) {
    if (!shape.exception) continue;
    ++modelled;
    auto it = std::find_if(std::begin(kErrors), std::end(kErrors),
                           [&](const ErrorSpec& e) { return e.type == shape.name; });
    ASSERT_NE(it, std::end(kErrors)) << shape.name;
    EXPECT_EQ(it->http_status, shape.http_status) << shape.name;
  }
  EXPECT_EQ(modelled, 4);
  for (int i = 0; i < kErrorCount; ++i) EXPECT_EQ(static_cast<int>(kErrors[i].code), i);
  EXPECT_EQ(ErrorSpecOf(ErrorCode::kNotFound).extra_member, "resourceType");
  EXPECT_EQ(ErrorSpecOf(ErrorCode::kTooManyRequests).extra_member, "limitType");
  EXPECT_EQ(ErrorSpecOf(ErrorCode::kBadRequest).extra_member, "");
  EXPECT_EQ(ErrorSpecOf(ErrorCode::kPayloadTooLarge).http_status, 413);
  EXPECT_EQ(ErrorSpecOf(ErrorCode::kInternal).type, "InternalFailure");
}

// The generated handles carry the wire names and shapes of the tables.
TEST(ServiceModelTest, MemberHandlesMatchTheTables) {
  namespace m = members;
  EXPECT_EQ(m::LoginAuthConfigReqObj::AwsUserPoolsWebClientId.wire, "aws_user_pools_web_client_id");
  EXPECT_EQ(m::CreateBackendAuthMFAConfig::MFAMode.wire, "MFAMode");
  EXPECT_EQ(m::GetBackendJobRequest::JobId.wire, "jobId");
  EXPECT_EQ(&ShapeAt(m::CreateBackendAuthRequest::ResourceConfig.shape),
            FindShape("CreateBackendAuthResourceConfig"));
  EXPECT_EQ(&ShapeAt(shapes::kBackendAPIResourceConfig), FindShape("BackendAPIResourceConfig"));
  EXPECT_EQ(ShapeAt(m::ListBackendJobsResponse::Jobs.shape).kind, ShapeKind::kList);
}

TEST(OutputProblemsTest, FlagsUnknownMembersAndWrongTypes) {
  const Shape& out = ShapeAt(FindOperation("GetBackendJob")->output);
  boost::json::object good{{"appId", "a"}, {"jobId", "j"}, {"createTime", "t"}};
  EXPECT_TRUE(protocol::OutputProblems(good, out).empty());
  boost::json::object bad{{"appId", 1}, {"AppId", "a"}};
  EXPECT_EQ(protocol::OutputProblems(bad, out).size(), 2u);
}

}  // namespace
}  // namespace amplify::model
