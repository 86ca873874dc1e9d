#include "http/server.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "http/test_client.h"
#include "protocol/aws_responses.h"

namespace amplify::http {
namespace {

using namespace std::chrono_literals;
using testing::TestClient;

std::string Get(std::string_view target, std::string_view extra_headers = "") {
  return "GET " + std::string(target) + " HTTP/1.1\r\nHost: t\r\n" + std::string(extra_headers) +
         "\r\n";
}

std::string Post(std::string_view target, std::string_view body) {
  return "POST " + std::string(target) +
         " HTTP/1.1\r\nHost: t\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         std::string(body);
}

std::string JsonMessage(const testing::Message& response) {
  return std::string(boost::json::parse(response.body()).as_object().at("message").as_string());
}

Response TextResponse(std::string body) {
  Response response;
  response.body = std::move(body);
  return response;
}

// Echoes what the transport extracted, so tests see exactly what a handler receives.
void Echo(Request&& request, Responder respond) {
  Response response;
  response.body = request.method + " " + request.target + " " + request.body + "|" +
                  request.authorization + "|" + request.origin + "|" +
                  request.access_control_request_headers;
  response.content_type = "text/plain";
  AddHeader(response, "X-Test", "yes");
  respond(std::move(response));
}

// Responders the test completes by hand, from its own thread.
class PendingResponders {
 public:
  Handler handler() {
    return [this](Request&& request, Responder respond) {
      std::lock_guard lock(mutex_);
      queue_.emplace_back(std::move(request), std::move(respond));
      cv_.notify_all();
    };
  }
  std::pair<Request, Responder> Take() {
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, 5s, [&] { return !queue_.empty(); })) throw std::runtime_error("none");
    auto front = std::move(queue_.front());
    queue_.erase(queue_.begin());
    return front;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::pair<Request, Responder>> queue_;
};

class ServerTest : public ::testing::Test {
 protected:
  void Start(Handler handler, ServerOptions options = {}) {
    options.port = 0;
    options.error_writer = &protocol::TransportErrorResponse;  // as the server binary does
    // More than one loop unless a test asks, so SO_REUSEPORT sharing is exercised.
    if (options.threads == 0) options.threads = 2;
    server_ = std::make_unique<Server>(options, std::move(handler));
    server_->Listen();
    run_ = std::async(std::launch::async, [this] { server_->Run(); });
  }
  void StopAndWait() {
    server_->Stop();
    ASSERT_EQ(run_.wait_for(5s), std::future_status::ready) << "Run() did not return";
  }
  void TearDown() override {
    if (server_ && run_.valid()) StopAndWait();
  }
  uint16_t port() const { return server_->port(); }

  std::unique_ptr<Server> server_;
  std::future<void> run_;
};

TEST_F(ServerTest, BindsAFreePortWhenAskedForPortZero) {
  Start(Echo);
  EXPECT_NE(port(), 0);
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsInOrderOnOneConnection) {
  Start(Echo);
  TestClient client(port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(client.Send(Post("/backend/" + std::to_string(i), "{\"n\":1}")));
    auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 200);
    EXPECT_EQ(response->body(), "POST /backend/" + std::to_string(i) + " {\"n\":1}|||");
    EXPECT_EQ((*response)["Server"], "amplifybackend-server");
    EXPECT_EQ((*response)["Content-Type"], "text/plain");
    EXPECT_EQ((*response)["X-Test"], "yes");
    EXPECT_TRUE(response->keep_alive());
  }
  // Pipelined: both requests in one segment, answered in order.
  ASSERT_TRUE(client.Send(Get("/a") + Get("/b")));
  EXPECT_EQ(client.Read()->body(), "GET /a |||");
  EXPECT_EQ(client.Read()->body(), "GET /b |||");
}

TEST_F(ServerTest, PassesRawTargetAndTheHeadersHandlersNeed) {
  Start(Echo);
  TestClient client(port());
  ASSERT_TRUE(client.Send(Get("/prod/backend/app%201/details?x=1",
                              "authorization: AWS4-HMAC-SHA256 Credential=k\r\n"
                              "Origin: http://localhost:3000\r\n"
                              "Access-Control-Request-Headers: content-type\r\n")));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(),
            "GET /prod/backend/app%201/details?x=1 |AWS4-HMAC-SHA256 Credential=k|"
            "http://localhost:3000|content-type");
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  Start(Echo);
  TestClient client(port());
  ASSERT_TRUE(client.Send(Get("/", "Connection: close\r\n")));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.WaitClosed(2s));
}

TEST_F(ServerTest, HandlerMayRespondLaterFromAnotherThread) {
  PendingResponders pending;
  Start(pending.handler());
  TestClient client(port());
  ASSERT_TRUE(client.Send(Post("/later", "x")));
  std::thread worker([&] {
    auto [request, respond] = pending.Take();
    Response response;
    response.status = 202;
    response.body = "{\"from\":\"worker\"}";
    respond(std::move(response));
    respond(Response{});  // a second call is ignored, not sent as an extra response
  });
  auto response = client.Read();
  worker.join();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 202);
  EXPECT_EQ(response->body(), "{\"from\":\"worker\"}");
  EXPECT_EQ((*response)["Content-Type"], "application/json");
  // The connection is ready for the next request.
  ASSERT_TRUE(client.Send(Get("/next")));
  std::thread([&] { pending.Take().second(TextResponse("ok")); }).join();
  EXPECT_EQ(client.Read()->body(), "ok");
}

TEST_F(ServerTest, BodyOverLimitIsA413JsonError) {
  bool called = false;
  ServerOptions options;
  options.body_limit = 16;
  Start([&](Request&&, Responder) { called = true; }, options);
  TestClient client(port());
  ASSERT_TRUE(client.Send(Post("/backend", std::string(100, 'x'))));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 413);
  EXPECT_EQ((*response)["X-Amzn-ErrorType"], "RequestEntityTooLargeException");
  EXPECT_EQ((*response)["Content-Type"], "application/json");
  EXPECT_EQ(JsonMessage(*response), "Request body exceeds 16 bytes");
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.WaitClosed(3s));
  EXPECT_FALSE(called);
}

TEST_F(ServerTest, ChunkedBodyOverLimitIsA413) {
  ServerOptions options;
  options.body_limit = 16;
  Start(Echo, options);
  TestClient client(port());
  ASSERT_TRUE(
      client.Send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "10\r\n0123456789abcdef\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 413);
}

TEST_F(ServerTest, HeaderSectionOverLimitIsA431JsonError) {
  ServerOptions options;
  options.header_limit = 1024;
  Start(Echo, options);
  TestClient client(port());
  client.Send(Get("/", "X-Big: " + std::string(4096, 'a') + "\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 431);
  EXPECT_EQ((*response)["X-Amzn-ErrorType"], "RequestHeaderFieldsTooLargeException");
  EXPECT_EQ(JsonMessage(*response), "Request header section exceeds 1024 bytes");
}

TEST_F(ServerTest, MalformedRequestIsA400ThenClose) {
  Start(Echo);
  TestClient client(port());
  ASSERT_TRUE(client.Send("this is not http\r\n\r\n"));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 400);
  EXPECT_EQ((*response)["X-Amzn-ErrorType"], "BadRequestException");
  EXPECT_TRUE(client.WaitClosed(3s));
}

TEST_F(ServerTest, HandlerExceptionIsA500InternalFailure) {
  Start([](Request&&, Responder) { throw std::runtime_error("secret detail"); });
  TestClient client(port());
  ASSERT_TRUE(client.Send(Get("/")));
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 500);
  EXPECT_EQ((*response)["X-Amzn-ErrorType"], "InternalFailure");
  EXPECT_EQ(response->body(), "{\"message\":\"Internal server error.\"}");  // no detail
}

TEST_F(ServerTest, ExpectContinueGetsAnInterimResponse) {
  Start(Echo);
  TestClient client(port());
  ASSERT_TRUE(client.Send(
      "POST /c HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"));
  auto interim = client.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->result_int(), 100);
  ASSERT_TRUE(client.Send("hi"));
  EXPECT_EQ(client.Read()->body(), "POST /c hi|||");
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  ServerOptions options;
  options.idle_timeout = 1s;
  Start(Echo, options);
  TestClient client(port());
  ASSERT_TRUE(client.Send(Get("/")));
  ASSERT_TRUE(client.Read());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.WaitClosed(3s));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 900ms);
}

// An injected latency (/_chaos/effects) waits on a timer: the one loop serves others meanwhile.
TEST_F(ServerTest, ADelayedResponseLeavesItsLoopServingOthers) {
  ServerOptions options;
  options.threads = 1;
  Start(
      [](Request&& request, Responder respond) {
        if (request.target != "/slow") return respond(TextResponse("fast"));
        respond.PostAfter(2s, [respond] { respond(TextResponse("slow")); });
      },
      options);
  const auto started = std::chrono::steady_clock::now();
  TestClient slow(port());
  ASSERT_TRUE(slow.Send(Get("/slow")));
  TestClient fast(port());
  ASSERT_TRUE(fast.Send(Get("/fast")));
  auto first = fast.Read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body(), "fast");
  EXPECT_FALSE(slow.Read(10ms));  // still waiting on its timer
  auto delayed = slow.Read();
  ASSERT_TRUE(delayed);
  EXPECT_EQ(delayed->body(), "slow");
  EXPECT_GE(std::chrono::steady_clock::now() - started, 2s);
}

TEST_F(ServerTest, SlowHeadersAreCutOffWithoutBlockingOthers) {
  ServerOptions options;
  options.header_timeout = 1s;
  Start(Echo, options);
  TestClient slow(port());
  ASSERT_TRUE(slow.Send("GET / HTTP/1.1\r\nHost: t\r\n"));  // never finishes its headers
  TestClient fast(port());
  ASSERT_TRUE(fast.Send(Get("/fast")));
  auto response = fast.Read(500ms);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "GET /fast |||");
  EXPECT_TRUE(slow.WaitClosed(3s));
}

TEST_F(ServerTest, StopDeliversTheInFlightResponseThenReturns) {
  PendingResponders pending;
  Start(pending.handler());
  TestClient busy(port());
  TestClient idle(port());
  ASSERT_TRUE(idle.Send(Get("/idle")));
  std::thread([&] { pending.Take().second(TextResponse("first")); }).join();
  ASSERT_TRUE(idle.Read());
  ASSERT_TRUE(busy.Send(Get("/slow")));
  auto [request, respond] = pending.Take();
  server_->Stop();
  EXPECT_TRUE(idle.WaitClosed(2s));  // nothing in flight there: closed right away
  EXPECT_EQ(run_.wait_for(200ms), std::future_status::timeout);  // still waiting on /slow
  std::thread([respond = std::move(respond)] { respond(TextResponse("done")); }).join();
  auto response = busy.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "done");
  EXPECT_FALSE(response->keep_alive());
  EXPECT_EQ(run_.wait_for(5s), std::future_status::ready);
}

TEST_F(ServerTest, DroppedResponderClosesTheConnection) {
  PendingResponders pending;
  Start([&](Request&& request, Responder respond) {
    if (request.target == "/drop-here") return;  // dropped on the loop thread
    pending.handler()(std::move(request), std::move(respond));
  });
  TestClient here(port());
  ASSERT_TRUE(here.Send(Get("/drop-here")));
  EXPECT_TRUE(here.WaitClosed(2s));
  TestClient elsewhere(port());
  ASSERT_TRUE(elsewhere.Send(Get("/drop-elsewhere")));
  std::thread([&] { auto dropped = pending.Take(); }).join();
  EXPECT_TRUE(elsewhere.WaitClosed(2s));
}

TEST_F(ServerTest, ConnectionsOverTheCapAreClosed) {
  ServerOptions options;
  options.max_connections = 1;
  Start(Echo, options);
  TestClient first(port());
  ASSERT_TRUE(first.Send(Get("/")));
  ASSERT_TRUE(first.Read());
  TestClient second(port());
  EXPECT_TRUE(second.WaitClosed(2s));
  ASSERT_TRUE(first.Send(Get("/")));
  EXPECT_TRUE(first.Read());
}

TEST_F(ServerTest, ManyClientsAreServedAcrossLoops) {
  Start(Echo);
  std::vector<std::unique_ptr<TestClient>> clients;
  for (int i = 0; i < 16; ++i) clients.push_back(std::make_unique<TestClient>(port()));
  for (auto& client : clients) ASSERT_TRUE(client->Send(Get("/x")));
  for (auto& client : clients) EXPECT_EQ(client->Read()->body(), "GET /x |||");
}

}  // namespace
}  // namespace amplify::http
