#include "chaos/chaos_api.h"

#include <gtest/gtest.h>

#include "chaos/chaos_config.h"

namespace amplify::chaos {
namespace {

constexpr std::string_view kOne =
    R"([{"operation":"GetBackend","probability":1,"error":{"statusCode":503,"code":"ServiceUnavailable"}}])";

class ChaosApiTest : public ::testing::Test {
 protected:
  Result<std::string> Call(std::string_view method, std::string_view path,
                           std::string_view body = "") {
    return AnswerChaosApi(chaos_, method, path, body);
  }
  std::string Body(std::string_view method, std::string_view path, std::string_view body = "") {
    Result<std::string> r = Call(method, path, body);
    EXPECT_TRUE(r.ok()) << method << " " << path << ": " << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : "";
  }
  FaultInjector chaos_{1};
};

TEST_F(ChaosApiTest, FaultsListReplaceAppendDeleteClear) {
  EXPECT_EQ(Body("GET", "/_chaos/faults"), "[]");
  EXPECT_EQ(Body("POST", "/_chaos/faults", R"([{"operation": "GetBackend"}])"), kOne);
  EXPECT_EQ(Body("GET", "/_chaos/faults"), kOne);
  std::string two = Body("PATCH", "/_chaos/faults", R"([{"job": {"error": "boom"}}])");
  EXPECT_EQ(two, std::string(kOne.substr(0, kOne.size() - 1)) +
                     R"(,{"probability":1,"job":{"status":"FAILED","error":"boom"}}])");
  EXPECT_EQ(Body("DELETE", "/_chaos/faults", R"([{"job": {"error": "boom"}}])"), kOne);
  EXPECT_EQ(Body("POST", "/_chaos/faults", "[]"), "[]");
  EXPECT_TRUE(chaos_.Rules()->empty());
}

TEST_F(ChaosApiTest, AnInvalidBodyChangesNothing) {
  Body("POST", "/_chaos/faults", R"([{"operation": "GetBackend"}])");
  for (std::string_view method : {"POST", "PATCH", "DELETE"}) {
    for (std::string_view body : {"", "{", R"([{"probability": 7}])", R"([{}, {"x": 1}])"}) {
      Result<std::string> r = Call(method, "/_chaos/faults", body);
      ASSERT_FALSE(r.ok()) << method << " " << body;
      EXPECT_EQ(r.error().code, ErrorCode::kBadRequest);
    }
  }
  EXPECT_EQ(Body("GET", "/_chaos/faults"), kOne);
}

TEST_F(ChaosApiTest, EffectsShowSetAndTurnOff) {
  EXPECT_EQ(Body("GET", "/_chaos/effects"), R"({"latency":0})");
  EXPECT_EQ(Body("POST", "/_chaos/effects", R"({"latency": 250})"), R"({"latency":250})");
  EXPECT_EQ(chaos_.Latency(), std::chrono::milliseconds(250));
  for (std::string_view bad : {R"({"latency": -1})", R"({"latency": 1.5})", R"({"latency": "9"})",
                               R"({"latency": 60001})", R"({"jitter": 5})", "[]", "{"}) {
    Result<std::string> r = Call("POST", "/_chaos/effects", bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kBadRequest) << bad;
  }
  EXPECT_EQ(chaos_.Latency(), std::chrono::milliseconds(250));
  EXPECT_EQ(Body("POST", "/_chaos/effects", R"({"latency": 0})"), R"({"latency":0})");
  EXPECT_EQ(Body("POST", "/_chaos/effects", "{}"), R"({"latency":0})");
}

TEST_F(ChaosApiTest, UnknownPathsAndMethods) {
  EXPECT_EQ(Call("GET", "/_chaos/other").error().code, ErrorCode::kUnknownOperation);
  EXPECT_EQ(Call("PUT", "/_chaos/faults", "[]").error().code, ErrorCode::kMethodNotAllowed);
  EXPECT_EQ(Call("DELETE", "/_chaos/effects", "{}").error().code, ErrorCode::kMethodNotAllowed);
}

TEST(ChaosConfig, ARuleArrayOrAnObjectWithFaultsAndEffects) {
  auto list = ParseChaosConfig(R"([{"service": "amplifybackend", "probability": 0.3}])");
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->faults.size(), 1u);
  EXPECT_EQ(list->effects.latency.count(), 0);
  auto both = ParseChaosConfig(R"({"faults": [{}, {}], "effects": {"latency": 20}})");
  ASSERT_TRUE(both.ok()) << both.error().message;
  EXPECT_EQ(both->faults.size(), 2u);
  EXPECT_EQ(both->effects.latency.count(), 20);
  EXPECT_FALSE(ParseChaosConfig(R"({"rules": []})").ok());
  EXPECT_FALSE(ParseChaosConfig(R"([{"probability": 3}])").ok());
  EXPECT_FALSE(ParseChaosConfig("nope").ok());
  Result<ChaosConfig> missing = LoadChaosConfig("/nonexistent/chaos.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("/nonexistent/chaos.json"), std::string::npos);
}

}  // namespace
}  // namespace amplify::chaos
