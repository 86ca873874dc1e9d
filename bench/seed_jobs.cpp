// Fills a SQLite data dir with one app, one environment and N COMPLETED jobs in it, for
// bench/run.sh's ListBackendJobs and start-up rows: a million jobs through HTTP would take far
// longer than the measurement. Writes through the store API (the server's own schema and
// migrations), in big transactions.
// Usage: seed_jobs DATA_DIR APP_ID ENV COUNT
// Prints: "SEEDED <count> <first seq> <last seq> <seconds>".
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/clock.h"
#include "store/store.h"

namespace {

// What the server uses for requests without a SigV4 credential scope (README "Pointing a client").
const amplify::Scope kScope{.account = "000000000000", .region = "us-east-1"};
constexpr int64_t kBatch = 20'000;  // jobs per transaction
constexpr std::array<const char*, 4> kOperations = {"CreateBackendAuth", "UpdateBackendAuth",
                                                    "CreateBackendAPI", "UpdateBackendAPI"};

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "seed_jobs: %s\n", what.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: seed_jobs DATA_DIR APP_ID ENV COUNT\n");
    return 2;
  }
  const std::string app_id = argv[2], env = argv[3];
  const int64_t count = std::strtoll(argv[4], nullptr, 10);
  if (count <= 0) Fail("COUNT must be > 0");

  const auto started = std::chrono::steady_clock::now();
  auto store = amplify::store::OpenSqliteStore({.data_dir = argv[1]});
  amplify::SystemClock clock;
  // Jobs one millisecond apart, ending now: create times in insertion order, as the server's.
  const int64_t first_ms = clock.NowMillis() - count;

  amplify::Status made = store->WriteSync([&](amplify::store::StoreWriter& w) {
    w.PutApp(kScope, {.app_id = app_id,
                      .app_name = app_id,
                      .created_ms = first_ms,
                      .config_json = "",
                      .version = 0});
    w.PutEnvironment(kScope, {.app_id = app_id, .name = env, .created_ms = first_ms});
    return amplify::OkStatus();
  });
  if (!made) Fail("creating the app: " + made.error().message);

  int64_t first_seq = 0, last_seq = 0;
  for (int64_t done = 0; done < count;) {
    const int64_t batch_end = std::min(count, done + kBatch);
    amplify::Status wrote = store->WriteSync([&](amplify::store::StoreWriter& w) {
      for (int64_t i = done; i < batch_end; ++i) {
        amplify::store::JobRecord job{
            .app_id = app_id,
            .environment = env,
            // UUID-shaped and unique: the counter in the last group.
            .job_id = fmt::format("00000000-0000-4000-8000-{:012d}", i + 1),
            .operation = kOperations[i % kOperations.size()],
            .status = "COMPLETED",
            .error = "",
            .create_ms = first_ms + i,
            .update_ms = first_ms + i};
        w.InsertJob(kScope, job);
        if (first_seq == 0) first_seq = job.seq;
        last_seq = job.seq;
      }
      return amplify::OkStatus();
    });
    if (!wrote) Fail("inserting jobs: " + wrote.error().message);
    done = batch_end;
  }
  store.reset();  // closes the database: everything is on disk before we report

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("SEEDED %lld %lld %lld %.1f\n", static_cast<long long>(count),
              static_cast<long long>(first_seq), static_cast<long long>(last_seq), seconds);
  return 0;
}
