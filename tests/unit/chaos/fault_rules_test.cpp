#include "chaos/fault_rules.h"

#include <gtest/gtest.h>

namespace amplify::chaos {
namespace {

std::string ProblemOf(std::string_view json) {
  Result<std::vector<FaultRule>> rules = ParseFaultRules(json);
  EXPECT_FALSE(rules.ok()) << json;
  if (rules.ok()) return "";
  EXPECT_EQ(rules.error().code, ErrorCode::kBadRequest);
  return rules.error().message;
}

TEST(FaultRules, LocalStackExampleIsAcceptedAsItIs) {
  auto rules = ParseFaultRules(
      R"([{"service": "amplifybackend", "operation": "GetBackend", "probability": 0.3,
           "error": {"statusCode": 503, "code": "ServiceUnavailable"}}])");
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  ASSERT_EQ(rules->size(), 1u);
  const FaultRule& rule = (*rules)[0];
  EXPECT_EQ(rule.service, "amplifybackend");
  EXPECT_EQ(rule.operation, "GetBackend");
  EXPECT_FALSE(rule.region);
  EXPECT_DOUBLE_EQ(rule.probability, 0.3);
  EXPECT_EQ(rule.status, 503);
  EXPECT_EQ(rule.code, "ServiceUnavailable");
  EXPECT_FALSE(rule.job_error);
}

TEST(FaultRules, DefaultsAreAppliedAndWrittenOut) {
  auto rules = ParseFaultRules(R"([{}, {"error": {"code": "Throttling"}}, {"job": {}}])");
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  EXPECT_EQ(FaultRulesJson(*rules),
            R"([{"probability":1,"error":{"statusCode":503,"code":"ServiceUnavailable"}},)"
            R"({"probability":1,"error":{"statusCode":503,"code":"Throttling"}},)"
            R"({"probability":1,"job":{"status":"FAILED","error":")" +
                std::string(kDefaultJobError) + R"("}}])");
  // What GET lists parses back to the same rules (so it can be DELETEd as listed).
  auto again = ParseFaultRules(FaultRulesJson(*rules));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *rules);
}

TEST(FaultRules, RulesCompareEqualAfterDefaults) {
  auto a = ParseFaultRules(R"([{"operation": "GetBackend"}])");
  auto b = ParseFaultRules(
      R"([{"operation": "GetBackend", "probability": 1, "region": null,
           "error": {"statusCode": 503, "code": "ServiceUnavailable"}}])");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  auto c = ParseFaultRules(R"([{"operation": "GetBackend", "probability": 0.5}])");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(*a, *c);
}

TEST(FaultRules, InvalidRulesAreRefusedNamingTheProblem) {
  EXPECT_EQ(ProblemOf("not json").find("not valid JSON") != std::string::npos, true);
  EXPECT_NE(ProblemOf(R"({"service": "x"})").find("JSON array"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([1])").find("rule 1: a rule must be a JSON object"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{}, {"probability": 1.5}])").find("rule 2: probability"),
            std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"probability": -0.1}])").find("probability"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"probability": "0.5"}])").find("probability"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"operation": 5}])").find("operation must be a string"),
            std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"region": ""}])").find("region must be 1 to"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"bogus": 1}])").find("unknown member \"bogus\""), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"error": {"statusCode": 399}}])").find("400 to 599"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"error": {"statusCode": 600}}])").find("400 to 599"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"error": {"statusCode": 503.5}}])").find("integer"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"error": {"code": "Bad Code\r\nX: y"}}])").find("error.code"),
            std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"error": {"message": "x"}}])").find("unknown member \"message\""),
            std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"error": 503}])").find("error must be an object"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"job": {"status": "COMPLETED"}}])").find("FAILED"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"job": {"error": ""}}])").find("job.error"), std::string::npos);
  EXPECT_NE(ProblemOf(R"([{"job": {}, "error": {}}])").find("either error or job"),
            std::string::npos);
}

TEST(FaultRules, FiltersSelectByServiceRegionAndOperation) {
  FaultTarget get{kServiceName, "GetBackend", "us-east-1"};
  FaultRule any;
  EXPECT_TRUE(Selects(any, get));
  FaultRule rule;
  rule.service = "AmplifyBackend";  // service ids compare without case
  rule.region = "us-east-1";
  rule.operation = "GetBackend";
  EXPECT_TRUE(Selects(rule, get));
  EXPECT_FALSE(Selects(rule, {kServiceName, "GetBackendJob", "us-east-1"}));
  EXPECT_FALSE(Selects(rule, {kServiceName, "GetBackend", "eu-west-1"}));
  FaultRule other_service;
  other_service.service = "s3";  // a LocalStack list may name other services: never ours
  EXPECT_FALSE(Selects(other_service, get));
  FaultRule operation_case;
  operation_case.operation = "getbackend";  // operations are the model's names, exactly
  EXPECT_FALSE(Selects(operation_case, get));
}

}  // namespace
}  // namespace amplify::chaos
