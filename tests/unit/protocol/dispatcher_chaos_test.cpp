// The dispatcher with fault rules, effects and a rate limit: what a client sees.
#include <future>

#include "chaos/chaos_api.h"
#include "service/service_fixture.h"

namespace amplify::service {
namespace {

class ChaosDispatchTest : public ServiceFixture {
 protected:
  explicit ChaosDispatchTest(std::chrono::milliseconds job_duration = {}, int64_t rate_limit = 0)
      : ServiceFixture(job_duration, {}, rate_limit) {}

  // A /_chaos/ request: the answer as sent (not an operation's output).
  http::Response Chaos(const std::string& method, const std::string& path,
                       const std::string& body = "") {
    http::Request request;
    request.method = method;
    request.target = path;
    request.body = body;
    std::promise<http::Response> done;
    dispatcher_.Handle(std::move(request), http::MakeResponder([&done](http::Response r) {
                         done.set_value(std::move(r));
                       }));
    return done.get_future().get();
  }

  void SetRules(const std::string& json) {
    http::Response r = Chaos("POST", "/_chaos/faults", json);
    ASSERT_EQ(r.status, 200) << r.body;
  }

  HttpReply Clone(const std::string& target) {
    return Post("/backend/a/environments/dev/clone",
                R"({"targetEnvironmentName":")" + target + R"("})");
  }

  std::vector<std::string> Environments() {
    std::vector<std::string> names;
    HttpReply backend = Post("/backend/a/details", "{}");
    for (const auto& env : backend.body.at("backendEnvironmentList").as_array()) {
      names.emplace_back(env.as_string());
    }
    return names;
  }
};

TEST_F(ChaosDispatchTest, AnErrorRuleAnswersAsAwsErrorsDo) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  SetRules(R"([{"service": "amplifybackend", "operation": "GetBackend",
                "error": {"statusCode": 503, "code": "ServiceUnavailable"}}])");
  HttpReply faulted = Post("/backend/a/details", "{}");
  EXPECT_EQ(faulted.status, 503);
  EXPECT_EQ(faulted.error_type, "ServiceUnavailable");
  EXPECT_EQ(Str(faulted.body, "message"), "Operation failed due to a simulated fault.");
  EXPECT_EQ(faulted.body.size(), 1u);  // {"message"} alone, like every other error
  // Other operations, regions and services are left alone.
  EXPECT_EQ(Send("GET", "/backend/a/job/dev/none").status, 404);
  SetRules(R"([{"region": "eu-west-1"}, {"service": "s3"}])");
  EXPECT_EQ(Post("/backend/a/details", "{}").status, 200);
  EXPECT_EQ(Send("POST", "/backend/a/details", "{}", "AKIDEXAMPLE", "eu-west-1").status, 503);
  std::string metrics = metrics_.Render({});
  EXPECT_NE(
      metrics.find(
          R"(amplifybackend_injected_faults_total{operation="GetBackend",code="ServiceUnavailable"} 2)"),
      std::string::npos)
      << metrics;
}

TEST_F(ChaosDispatchTest, TheChaosEndpointsAreNeverFaulted) {
  SetRules(R"([{}])");
  EXPECT_EQ(Chaos("GET", "/_chaos/faults").status, 200);
  EXPECT_EQ(Chaos("GET", "/_health").status, 200);
  EXPECT_EQ(Chaos("GET", "/_metrics").status, 200);
  EXPECT_EQ(Post("/backend/a/details", "{}").status, 503);
  http::Response bad = Chaos("POST", "/_chaos/faults", R"([{"probability": 2}])");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ServiceFixture::HeaderValue(bad.headers, "X-Amzn-ErrorType"), "BadRequestException");
}

TEST_F(ChaosDispatchTest, AJobRuleFailsTheJobAndAppliesNothing) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  SetRules(R"([{"operation": "CloneBackend", "job": {"status": "FAILED", "error": "boom"}}])");
  HttpReply clone = Clone("qa");
  ASSERT_EQ(clone.status, 200) << clone.raw;  // the usual output, checked against its shape
  EXPECT_EQ(Str(clone.body, "status"), "FAILED");
  HttpReply job = Send("GET", "/backend/a/job/qa/" + Str(clone.body, "jobId"));
  ASSERT_EQ(job.status, 200) << job.raw;
  EXPECT_EQ(Str(job.body, "status"), "FAILED");
  EXPECT_EQ(Str(job.body, "error"), "boom");
  EXPECT_EQ(Str(job.body, "operation"), "CloneBackend");
  EXPECT_EQ(Environments(), std::vector<std::string>{"dev"});
  // The operation's own checks still answer first; a read-only operation is left alone.
  EXPECT_EQ(Post("/backend/a/environments/nope/clone", R"({"targetEnvironmentName":"x"})").status,
            404);
  EXPECT_EQ(Post("/backend/a/environments/dev/clone", "{}").status, 400);
  SetRules(R"([{"job": {}}])");
  EXPECT_EQ(Post("/backend/a/details", "{}").status, 200);
  EXPECT_NE(metrics_.Render({}).find(
                R"(amplifybackend_injected_job_failures_total{operation="CloneBackend"} 1)"),
            std::string::npos);
}

class DelayedChaosDispatchTest : public ChaosDispatchTest {
 protected:
  DelayedChaosDispatchTest() : ChaosDispatchTest(std::chrono::milliseconds(1000)) {}
};

TEST_F(DelayedChaosDispatchTest, AQueuedJobRunsUntilDueThenFails) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  clock_.Advance(1000);
  ASSERT_EQ(engine_.RunDue(), 1);
  SetRules(R"([{"operation": "CloneBackend", "job": {"error": "later"}}])");
  HttpReply clone = Clone("qa");
  ASSERT_EQ(clone.status, 200) << clone.raw;
  EXPECT_EQ(Str(clone.body, "status"), "RUNNING");
  // Pending like any job: the environment takes no other job meanwhile.
  HttpReply again = Clone("qa");
  EXPECT_EQ(again.status, 400);
  EXPECT_NE(Str(again.body, "message").find("already a pending job"), std::string::npos);
  SetRules("[]");  // the rule's end changes nothing of a job begun under it
  clock_.Advance(1000);
  ASSERT_EQ(engine_.RunDue(), 1);
  HttpReply job = Send("GET", "/backend/a/job/qa/" + Str(clone.body, "jobId"));
  EXPECT_EQ(Str(job.body, "status"), "FAILED");
  EXPECT_EQ(Str(job.body, "error"), "later");
  EXPECT_EQ(Environments(), std::vector<std::string>{"dev"});
}

class ThrottledDispatchTest : public ChaosDispatchTest {
 protected:
  ThrottledDispatchTest() : ChaosDispatchTest({}, 2) {}
};

TEST_F(ThrottledDispatchTest, EachAccountHasItsOwnRate) {
  const std::string a = "111111111111", b = "222222222222";
  EXPECT_EQ(Send("POST", "/backend/x/details", "{}", a).status, 404);
  EXPECT_EQ(Send("POST", "/backend/x/details", "{}", a).status, 404);
  HttpReply throttled = Send("POST", "/backend/x/details", "{}", a);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.error_type, "TooManyRequestsException");
  EXPECT_EQ(Str(throttled.body, "limitType"), "RequestsPerSecond");
  EXPECT_EQ(Str(throttled.body, "message"), "Rate exceeded");
  EXPECT_EQ(Send("POST", "/backend/x/details", "{}", b).status, 404);
  // Neither the chaos endpoints nor /_health spend tokens, or are refused.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Chaos("GET", "/_chaos/effects").status, 200);
  clock_.Advance(500);
  EXPECT_EQ(Send("POST", "/backend/x/details", "{}", a).status, 404);
  EXPECT_EQ(Send("POST", "/backend/x/details", "{}", a).status, 429);
  EXPECT_NE(metrics_.Render({}).find(
                R"(amplifybackend_throttled_requests_total{operation="GetBackend"} 2)"),
            std::string::npos);
}

}  // namespace
}  // namespace amplify::service
