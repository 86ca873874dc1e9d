// The HTTP transport alone, answering every request with a fixed JSON body: bench/run.sh measures
// it next to nginx to separate transport cost from protocol/store cost.
// Usage: transport_server [body_bytes] [threads]
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <string>
#include <thread>

#include "http/server.h"

int main(int argc, char** argv) {
  const size_t body_bytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200;
  amplify::http::ServerOptions options;
  options.port = 0;
  options.threads = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 0;

  // {"pad":"xxxx..."} padded to exactly body_bytes (at least the skeleton's length).
  std::string body = "{\"pad\":\"\"}";
  if (body_bytes > body.size()) body.insert(8, body_bytes - body.size(), 'x');

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  amplify::http::Server server(options,
                               [&body](amplify::http::Request&&, amplify::http::Responder done) {
                                 amplify::http::Response response;
                                 response.body = body;
                                 done(std::move(response));
                               });
  server.Listen();
  spdlog::info("listening on http://127.0.0.1:{}", server.port());
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.Stop();
  });
  server.Run();
  waiter.join();
}
