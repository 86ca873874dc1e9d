#pragma once
// Drives the whole request path below the transport: Dispatcher → handlers → an in-memory
// store, with a manual clock and sequential ids. Every success is checked against the
// operation's output shape, so no handler can emit a member SDKs do not know.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <future>
#include <memory>

#include "chaos/fault_injector.h"
#include "chaos/rate_limiter.h"
#include "common/worker_pool.h"
#include "jobs/job_engine.h"
#include "ops/metrics.h"
#include "protocol/dispatcher.h"
#include "protocol/output_conformance.h"
#include "protocol/router.h"
#include "service/job_changes.h"
#include "store/store.h"

namespace amplify::service {

struct HttpReply {
  int status = 0;
  std::string error_type;
  boost::json::object body;
  std::string raw;
};

class ServiceFixture : public ::testing::Test {
 protected:
  // `rate_limit` > 0: --rate-limit of that many requests a second per account.
  explicit ServiceFixture(std::chrono::milliseconds job_duration = std::chrono::milliseconds(0),
                          ServiceConfig config = {}, int64_t rate_limit = 0)
      : store_(store::OpenSqliteStore({"", true})),
        engine_(*store_, clock_, ids_, Options(job_duration), &DecodeChange, pool_),
        limiter_(rate_limit > 0 ? std::make_unique<chaos::RateLimiter>(rate_limit, clock_)
                                : nullptr),
        dispatcher_({*store_, engine_, pool_, clock_, ids_, metrics_, std::move(config), nullptr,
                     nullptr, &chaos_, limiter_.get()}) {}

  static jobs::JobOptions Options(std::chrono::milliseconds job_duration) {
    jobs::JobOptions options;
    options.duration = job_duration;
    return options;
  }

  // `account` picks the SigV4 access key: a 12-digit key is that account.
  HttpReply Send(const std::string& method, const std::string& path, const std::string& body = "",
                 const std::string& access_key = "AKIDEXAMPLE",
                 const std::string& region = "us-east-1") {
    http::Request request;
    request.method = method;
    request.target = path;
    request.body = body;
    request.authorization = "AWS4-HMAC-SHA256 Credential=" + access_key + "/20261122/" + region +
                            "/amplifybackend/aws4_request, SignedHeaders=host, Signature=00";
    std::promise<http::Response> done;
    dispatcher_.Handle(std::move(request), http::MakeResponder([&done](http::Response r) {
                         done.set_value(std::move(r));
                       }));
    http::Response r = done.get_future().get();
    HttpReply reply;
    reply.status = r.status;
    reply.raw = r.body;
    reply.error_type = HeaderValue(r.headers, "X-Amzn-ErrorType");
    boost::json::value parsed = boost::json::parse(r.body);
    EXPECT_TRUE(parsed.is_object()) << r.body;
    if (parsed.is_object()) reply.body = parsed.get_object();
    if (r.status == 200) ExpectConforms(method, path, reply.body);
    return reply;
  }

  HttpReply Post(const std::string& path, const std::string& body = "{}") {
    return Send("POST", path, body);
  }

  // The value of header `name` in the transport's "Name: value\r\n" lines; "" when absent.
  static std::string HeaderValue(const std::string& lines, const std::string& name) {
    std::string key = name + ": ";
    for (size_t at = 0; at < lines.size();) {
      size_t end = lines.find("\r\n", at);
      if (lines.compare(at, key.size(), key) == 0) {
        return lines.substr(at + key.size(), end - at - key.size());
      }
      at = end + 2;
    }
    return "";
  }

  static std::string Str(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string("<absent>");
  }

  HttpReply CreateBackend(const std::string& app, const std::string& env,
                          const std::string& name = "My App") {
    return Post("/backend", R"({"appId":")" + app + R"(","appName":")" + name +
                                R"(","backendEnvironmentName":")" + env + R"("})");
  }

  void ExpectConforms(const std::string& method, const std::string& path,
                      const boost::json::object& body) {
    auto route = router_.Match(method, path);
    ASSERT_TRUE(route.ok());
    auto problems = protocol::OutputProblems(body, model::ShapeAt(route->operation->output));
    for (const auto& p : problems) ADD_FAILURE() << route->operation->name << ": " << p;
  }

  ManualClock clock_;
  SequentialIdSource ids_;
  WorkerPool pool_{1, 16};
  std::unique_ptr<store::Store> store_;
  jobs::JobEngine engine_;
  ops::Metrics metrics_;
  chaos::FaultInjector chaos_{42};  // no rules unless a test sets some
  std::unique_ptr<chaos::RateLimiter> limiter_;
  protocol::Dispatcher dispatcher_;
  protocol::Router router_;
};

}  // namespace amplify::service
