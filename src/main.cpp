// amplifybackend-server: the AWS Amplify Admin UI backend API (amplifybackend 2020-08-11),
// self-hosted. Every flag also reads an AMPLIFYBACKEND_* variable (README "Flags").
#include <signal.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <memory>
#include <optional>
#include <random>
#include <thread>

#include "auth/credentials.h"
#include "auth/verifier.h"
#include "chaos/chaos_config.h"
#include "chaos/fault_injector.h"
#include "chaos/rate_limiter.h"
#include "common/worker_pool.h"
#include "http/server.h"
#include "jobs/job_engine.h"
#include "ops/export_import.h"
#include "ops/metrics.h"
#include "protocol/aws_responses.h"
#include "protocol/dispatcher.h"
#include "service/job_changes.h"
#include "store/store.h"

namespace {

// Model generations that may wait for the worker pool before requests are turned away.
constexpr size_t kPreparationQueue = 64;

struct Flags {
  std::string host = "127.0.0.1";
  uint16_t port = 4566;
  std::string data_dir = "./data";
  std::string database_url;
  int database_writers = 2;
  bool in_memory = false;
  bool no_console = false;
  double job_duration_s = 0;
  std::string region = "us-east-1";
  int64_t token_ttl_s = 600;
  int idle_timeout_s = 60;
  int header_timeout_s = 10;
  std::string auth = "accept";
  std::string credentials;
  unsigned threads = 0;
  size_t body_limit = 1 << 20;
  std::string log_level = "info";
  int64_t rate_limit = 0;
  std::string chaos_config;
};

// The flags of every subcommand: where the store is, and how much to log.
void AddStoreFlags(CLI::App& app, Flags& f) {
  app.add_option("--data-dir", f.data_dir, "Folder of the embedded SQLite database")
      ->envname("AMPLIFYBACKEND_DATA_DIR")
      ->capture_default_str();
  app.add_option("--database-url", f.database_url,
                 "postgresql://... to share one PostgreSQL database between server processes")
      ->envname("AMPLIFYBACKEND_DATABASE_URL");
  app.add_option("--database-writers", f.database_writers,
                 "With --database-url: connections that run writes, each in its own transactions")
      ->envname("AMPLIFYBACKEND_DATABASE_WRITERS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--log-level", f.log_level, "trace, debug, info, warn, error or off")
      ->envname("AMPLIFYBACKEND_LOG_LEVEL")
      ->capture_default_str();
}

void AddFlags(CLI::App& app, Flags& f) {
  AddStoreFlags(app, f);
  app.add_option("--host", f.host, "Address to listen on")
      ->envname("AMPLIFYBACKEND_HOST")
      ->capture_default_str();
  app.add_option("--port", f.port, "Port to listen on (0 = any free port)")
      ->envname("AMPLIFYBACKEND_PORT")
      ->capture_default_str();
  app.add_flag("--in-memory", f.in_memory, "Keep all state in memory; nothing is written")
      ->envname("AMPLIFYBACKEND_IN_MEMORY");
  app.add_flag("--no-console", f.no_console,
               "Do not serve the admin console (/_admin/) or its API (/_admin/api/)")
      ->envname("AMPLIFYBACKEND_NO_CONSOLE");
  app.add_option("--job-duration", f.job_duration_s,
                 "Seconds a job runs before it completes (0 = complete before the response)")
      ->envname("AMPLIFYBACKEND_JOB_DURATION")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  app.add_option("--region", f.region, "Region of requests that carry no SigV4 credential scope")
      ->envname("AMPLIFYBACKEND_REGION")
      ->capture_default_str();
  app.add_option("--token-ttl", f.token_ttl_s, "Seconds a CreateToken challenge stays valid")
      ->envname("AMPLIFYBACKEND_TOKEN_TTL")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  app.add_option("--idle-timeout", f.idle_timeout_s, "Seconds before an idle connection closes")
      ->envname("AMPLIFYBACKEND_IDLE_TIMEOUT")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  app.add_option("--header-timeout", f.header_timeout_s,
                 "Seconds a request's headers may take to arrive")
      ->envname("AMPLIFYBACKEND_HEADER_TIMEOUT")
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  app.add_option("--auth", f.auth,
                 "accept: any SigV4 signature goes; enforce: verify it against --credentials")
      ->envname("AMPLIFYBACKEND_AUTH")
      ->check(CLI::IsMember({"accept", "enforce"}))
      ->capture_default_str();
  app.add_option("--credentials", f.credentials,
                 "AWS shared-credentials file of the keys --auth enforce accepts (re-read on "
                 "SIGHUP)")
      ->envname("AMPLIFYBACKEND_CREDENTIALS");
  app.add_option("--threads", f.threads, "Event loops (0 = one per core)")
      ->envname("AMPLIFYBACKEND_THREADS")
      ->capture_default_str();
  app.add_option("--body-limit", f.body_limit, "Largest request body in bytes")
      ->envname("AMPLIFYBACKEND_BODY_LIMIT")
      ->capture_default_str();
  app.add_option("--rate-limit", f.rate_limit,
                 "Requests per second each account may make, in bursts of as many; more are "
                 "answered 429 TooManyRequestsException (0 = no limit)")
      ->envname("AMPLIFYBACKEND_RATE_LIMIT")
      ->check(CLI::Range(int64_t{0}, int64_t{1'000'000'000}))
      ->capture_default_str();
  app.add_option("--chaos-config", f.chaos_config,
                 "JSON file of fault rules in force from the start (what POST /_chaos/faults "
                 "takes), or {\"faults\": [...], \"effects\": {\"latency\": ms}}")
      ->envname("AMPLIFYBACKEND_CHAOS_CONFIG");
}

// --chaos-config: the rules and effects in force from the start. False: the file is bad, and
// the server must not start without what its user asked for.
bool LoadChaos(const Flags& f, amplify::chaos::FaultInjector& chaos) {
  if (f.chaos_config.empty()) return true;
  amplify::Result<amplify::chaos::ChaosConfig> config =
      amplify::chaos::LoadChaosConfig(f.chaos_config);
  if (!config) {
    spdlog::error("{}", config.error().message);
    return false;
  }
  chaos.Replace(std::move(config->faults));
  chaos.SetLatency(config->effects.latency);
  spdlog::info("chaos: {} fault rule(s), latency {} ms, from {}", chaos.Rules()->size(),
               chaos.Latency().count(), f.chaos_config);
  return true;
}

uint64_t RandomSeed() {
  std::random_device random;
  return (static_cast<uint64_t>(random()) << 32) | random();
}

int Serve(const Flags& f) {
  spdlog::set_level(spdlog::level::from_str(f.log_level));
  std::unique_ptr<amplify::auth::CredentialStore> credentials;
  if (f.auth == "enforce") {
    if (f.credentials.empty()) {
      spdlog::error("--auth enforce needs --credentials FILE (AWS shared-credentials format)");
      return 2;
    }
    credentials = std::make_unique<amplify::auth::CredentialStore>(f.credentials);
    spdlog::info("auth: enforcing SigV4 with {} key(s) from {}", credentials->Current()->size(),
                 f.credentials);
  } else if (!f.credentials.empty()) {
    spdlog::warn("--credentials is read only with --auth enforce; accepting any signature");
  }
  amplify::chaos::FaultInjector chaos(RandomSeed());
  if (!LoadChaos(f, chaos)) return 2;
  // Signals go to one waiting thread; every other thread inherits the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto store = amplify::store::OpenStore(
      {.sqlite = {f.data_dir, f.in_memory}, .postgres = {f.database_url, f.database_writers}});
  amplify::SystemClock clock;
  amplify::RandomIdSource ids;
  // Model generation runs here, off the event loops and the store's writer.
  amplify::WorkerPool pool(amplify::WorkerPool::DefaultThreads(), kPreparationQueue);
  amplify::jobs::JobOptions job_options;
  job_options.duration = std::chrono::milliseconds(std::llround(f.job_duration_s * 1000));
  amplify::jobs::JobEngine jobs(*store, clock, ids, job_options, &amplify::service::DecodeChange,
                                pool);
  jobs.Start();
  amplify::ops::Metrics metrics;
  std::optional<amplify::auth::Verifier> verifier;
  if (credentials) verifier.emplace(*credentials, clock);
  std::optional<amplify::admin::ConsoleFiles> console;
  if (!f.no_console) console.emplace();
  std::optional<amplify::chaos::RateLimiter> limiter;
  if (f.rate_limit > 0) limiter.emplace(f.rate_limit, clock);
  amplify::protocol::Dispatcher dispatcher(
      {*store, jobs, pool, clock, ids, metrics, {f.region, f.token_ttl_s},
       verifier ? &*verifier : nullptr, console ? &*console : nullptr, &chaos,
       limiter ? &*limiter : nullptr});

  amplify::http::ServerOptions options;
  options.host = f.host;
  options.port = f.port;
  options.threads = f.threads;
  options.body_limit = f.body_limit;
  options.idle_timeout = std::chrono::seconds(f.idle_timeout_s);
  options.header_timeout = std::chrono::seconds(f.header_timeout_s);
  options.keep_headers = verifier.has_value();
  options.error_writer = &amplify::protocol::TransportErrorResponse;
  amplify::http::Server server(
      options, [&dispatcher](amplify::http::Request&& r, amplify::http::Responder respond) {
        dispatcher.Handle(std::move(r), std::move(respond));
      });
  server.Listen();
  std::string where = store->Kind() == "sqlite" ? "sqlite " + f.data_dir : store->Kind();
  spdlog::info("amplifybackend-server {} listening on http://{}:{} (store: {}, job duration: {}s)",
               AMPLIFYBACKEND_VERSION, f.host, server.port(), where, f.job_duration_s);
  if (console) spdlog::info("admin console: http://{}:{}/_admin/", f.host, server.port());
  if (limiter) spdlog::info("rate limit: {} requests/s per account", f.rate_limit);

  std::thread waiter([&] {
    int sig = 0;
    while (sigwait(&signals, &sig) == 0 && sig == SIGHUP) {
      if (!credentials) continue;
      // Never a key in the log: the count and the file only.
      if (amplify::Status ok = credentials->Reload(); ok) {
        spdlog::info("auth: reloaded {} key(s) from {}", credentials->Current()->size(),
                     f.credentials);
      } else {
        spdlog::error("auth: {} not reloaded ({}); keeping the keys loaded before",
                      f.credentials, ok.error().message);
      }
    }
    spdlog::info("received signal {}, shutting down", sig);
    server.Stop();
  });
  server.Run();
  // Run returned: either a signal stopped it or it failed; wake the waiter either way.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  jobs.Stop();
  pool.Stop();
  spdlog::info("stopped");
  return 0;
}

// export / import (README "Export and import"): no server; the log goes to standard error, so
// that what export writes to standard output is the export alone.
int RunStoreTool(const Flags& f, bool is_export, const std::string& path) {
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "", std::make_shared<spdlog::sinks::stderr_color_sink_mt>()));
  spdlog::set_level(spdlog::level::from_str(f.log_level));
  const amplify::store::StoreOptions options{.sqlite = {f.data_dir, f.in_memory},
                                             .postgres = {f.database_url, f.database_writers}};
  return is_export ? amplify::ops::RunExport(options, path)
                   : amplify::ops::RunImport(options, path);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"amplifybackend-server: the AWS Amplify Admin UI backend API, self-hosted"};
  app.set_version_flag("--version", std::string("amplifybackend-server ") + AMPLIFYBACKEND_VERSION);
  Flags flags;
  AddFlags(app, flags);
  CLI::App* serve = app.add_subcommand("serve", "Run the server (the default)");
  AddFlags(*serve, flags);
  std::string dump = "-";
  CLI::App* export_all = app.add_subcommand("export", "Write every stored row as JSON Lines");
  AddStoreFlags(*export_all, flags);
  export_all->add_option("--out", dump, "File to write (- = standard output)")
      ->capture_default_str();
  CLI::App* import_all = app.add_subcommand("import", "Load an export into an empty store");
  AddStoreFlags(*import_all, flags);
  import_all->add_option("--in", dump, "Export to read (- = standard input)")->required();
  app.require_subcommand(0, 1);
  CLI11_PARSE(app, argc, argv);
  try {
    if (export_all->parsed() || import_all->parsed()) {
      return RunStoreTool(flags, export_all->parsed(), dump);
    }
    return Serve(flags);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
}
