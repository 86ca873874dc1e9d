#pragma once
// Drives the whole request path below the transport: Dispatcher → handlers → an in-memory
// store, with a manual clock and sequential ids. Every success is checked against the
// operation's output shape, so no handler can emit a member SDKs do not know.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <future>
#include <memory>

#include "jobs/job_engine.h"
#include "ops/metrics.h"
#include "protocol/dispatcher.h"
#include "protocol/response_writer.h"
#include "protocol/router.h"
#include "service/operation_table.h"
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
  explicit ServiceFixture(std::chrono::milliseconds job_duration = std::chrono::milliseconds(0))
      : store_(store::OpenSqliteStore({"", true})),
        engine_(*store_, clock_, ids_, job_duration),
        services_{*store_, engine_, clock_, ids_, {}},
        dispatcher_(services_, metrics_) {
    RegisterAppliers(engine_);
    engine_.Start(/*timer_thread=*/false);
  }

  // `account` picks the SigV4 access key: a 12-digit key is that account.
  HttpReply Send(const std::string& method, const std::string& path, const std::string& body = "",
             const std::string& access_key = "AKIDEXAMPLE", const std::string& region = "us-east-1") {
    http::Request request;
    request.method = method;
    request.target = path;
    request.body = body;
    request.authorization = "AWS4-HMAC-SHA256 Credential=" + access_key + "/20261122/" + region +
                            "/amplifybackend/aws4_request, SignedHeaders=host, Signature=00";
    std::promise<http::Response> done;
    dispatcher_.Handle(std::move(request),
                       [&done](http::Response r) { done.set_value(std::move(r)); });
    http::Response r = done.get_future().get();
    HttpReply reply;
    reply.status = r.status;
    reply.raw = r.body;
    for (const auto& [name, value] : r.headers)
      if (name == "X-Amzn-ErrorType") reply.error_type = value;
    boost::json::value parsed = boost::json::parse(r.body);
    EXPECT_TRUE(parsed.is_object()) << r.body;
    if (parsed.is_object()) reply.body = parsed.get_object();
    if (r.status == 200) ExpectConforms(method, path, reply.body);
    return reply;
  }

  HttpReply Post(const std::string& path, const std::string& body = "{}") {
    return Send("POST", path, body);
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
  std::unique_ptr<store::Store> store_;
  jobs::JobEngine engine_;
  Services services_;
  ops::Metrics metrics_;
  protocol::Dispatcher dispatcher_;
  protocol::Router router_;
};

}  // namespace amplify::service
