// The console's admin API over an in-memory store: paging, search, one app's config and live
// tokens, scoping, and AWS-style errors for bad input.
#include "admin/admin_api.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace amplify::admin {
namespace {

const Scope kScope{"111111111111", "us-east-1"};
const Scope kOther{"222222222222", "us-east-1"};
constexpr int64_t kNow = 1'800'000'000'000;

class AdminApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_->WriteSync([](store::StoreWriter& w) {
                        for (int i = 0; i < 7; ++i) {
                          w.PutApp(kScope, {"app" + std::to_string(i), "Shop " + std::to_string(i),
                                            kNow, i == 3 ? R"({"appId":"app3"})" : "", 0});
                        }
                        w.PutApp(kOther, {"hidden", "Shop 9", kNow, "", 0});
                        w.PutToken(kScope, {"app3", "live", "ABC", kNow - 10, kNow + 60'000});
                        w.PutToken(kScope, {"app3", "expired", "DEF", kNow - 20, kNow - 1});
                        return OkStatus();
                      }).ok());
  }
  boost::json::object Answer(std::string_view target, const Scope& scope = kScope) {
    Result<std::string> body = AnswerAdminApi("GET", target, store_->Reader(), scope, kNow);
    EXPECT_TRUE(body.ok()) << body.error().message;
    return body ? boost::json::parse(*body).as_object() : boost::json::object{};
  }
  AwsError Error(std::string_view target, std::string_view method = "GET") {
    Result<std::string> body = AnswerAdminApi(method, target, store_->Reader(), kScope, kNow);
    EXPECT_FALSE(body.ok());
    return body ? AwsError{} : body.error();
  }

  std::unique_ptr<store::Store> store_ = store::OpenSqliteStore({.in_memory = true});
};

std::vector<std::string> Ids(const boost::json::object& page) {
  std::vector<std::string> out;
  for (const auto& app : page.at("apps").as_array()) {
    out.emplace_back(app.at("appId").as_string());
  }
  return out;
}

TEST_F(AdminApiTest, AppsArePagedInIdOrderUntilTheLastPage) {
  std::vector<std::string> seen;
  std::string target = "/_admin/api/apps?limit=3";
  for (int page = 0; page < 5; ++page) {
    boost::json::object body = Answer(target);
    for (std::string& id : Ids(body)) seen.push_back(id);
    if (!body.contains("nextToken")) break;
    target = "/_admin/api/apps?limit=3&nextToken=" + std::string(body.at("nextToken").as_string());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"app0", "app1", "app2", "app3", "app4", "app5", "app6"}));
  boost::json::object first = Answer("/_admin/api/apps");
  EXPECT_FALSE(first.contains("nextToken"));
  const auto& app3 = first.at("apps").as_array()[3].as_object();
  EXPECT_EQ(app3.at("appName").as_string(), "Shop 3");
  EXPECT_EQ(app3.at("createTime").as_string(), "2027-01-15T08:00:00.000Z");
  EXPECT_TRUE(app3.at("hasConfig").as_bool());
  EXPECT_FALSE(first.at("apps").as_array()[0].at("hasConfig").as_bool());
}

TEST_F(AdminApiTest, SearchMatchesIdsAndNamesDecodedFromTheQuery) {
  EXPECT_EQ(Ids(Answer("/_admin/api/apps?search=SHOP+4")), (std::vector<std::string>{"app4"}));
  EXPECT_EQ(Ids(Answer("/_admin/api/apps?search=p%35")), (std::vector<std::string>{"app5"}));
  EXPECT_TRUE(Ids(Answer("/_admin/api/apps?search=Shop%209")).empty());  // another account's
  EXPECT_EQ(Ids(Answer("/_admin/api/apps?search=Shop%209", kOther)),
            (std::vector<std::string>{"hidden"}));
}

TEST_F(AdminApiTest, AnAppShowsItsConfigAndOnlyItsLiveTokens) {
  boost::json::object app = Answer("/_admin/api/apps/app3");
  EXPECT_EQ(app.at("appId").as_string(), "app3");
  EXPECT_EQ(app.at("config").as_object().at("appId").as_string(), "app3");
  const auto& tokens = app.at("tokens").as_array();
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].at("sessionId").as_string(), "live");
  EXPECT_EQ(tokens[0].at("challengeCode").as_string(), "ABC");
  EXPECT_TRUE(Answer("/_admin/api/apps/app0").at("config").is_null());
}

TEST_F(AdminApiTest, BadInputGetsAwsErrors) {
  EXPECT_EQ(Error("/_admin/api/apps/hidden").code, ErrorCode::kNotFound);
  EXPECT_EQ(Error("/_admin/api/apps/hidden").resource_type, "App");
  EXPECT_EQ(Error("/_admin/api/apps/a%2Fb").code, ErrorCode::kBadRequest);
  EXPECT_EQ(Error("/_admin/api/apps/%zz").code, ErrorCode::kBadRequest);
  for (std::string_view limit : {"0", "101", "x", "5x", "-1"}) {
    EXPECT_EQ(Error("/_admin/api/apps?limit=" + std::string(limit)).code, ErrorCode::kBadRequest)
        << limit;
  }
  EXPECT_EQ(Error("/_admin/api/apps?nextToken=apps1.").code, ErrorCode::kBadRequest);
  EXPECT_EQ(Error("/_admin/api/apps?nextToken=jobs1.YXBwMg").code, ErrorCode::kBadRequest);
  EXPECT_EQ(Error("/_admin/api/apps?search=" + std::string(256, 'a')).code,
            ErrorCode::kBadRequest);
  EXPECT_EQ(Error("/_admin/api/nothing").code, ErrorCode::kUnknownOperation);
  EXPECT_EQ(Error("/_admin/api/apps/app3/more").code, ErrorCode::kUnknownOperation);
  EXPECT_EQ(Error("/_admin/api/apps", "POST").code, ErrorCode::kMethodNotAllowed);
}

}  // namespace
}  // namespace amplify::admin
