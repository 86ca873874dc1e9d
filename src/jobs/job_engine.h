#pragma once
// The job engine (DESIGN.md §3 "Jobs"): every mutating operation records a job that goes
// RUNNING → COMPLETED | FAILED; its change becomes visible when it completes. With a zero
// duration the job completes inside the request's own transaction; otherwise a timer completes
// it later, also after a restart (RUNNING jobs and their changes are in the store).
#include <boost/json/object.hpp>
#include <chrono>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "common/ids.h"
#include "common/result.h"
#include "ops/metrics.h"
#include "store/store.h"

namespace amplify::jobs {

inline constexpr const char* kRunning = "RUNNING";
inline constexpr const char* kCompleted = "COMPLETED";
inline constexpr const char* kFailed = "FAILED";

// Applies a job's change inside the store transaction. It must check before it writes: an
// error return (which ends the job FAILED with that message) must leave nothing written.
using Applier = std::function<Status(store::StoreWriter&, const store::Scope&,
                                     const boost::json::object& payload)>;

struct JobStart {
  std::string app_id;
  std::string environment;  // empty for app-level jobs
  std::string operation;    // the operation's name
  boost::json::object payload;  // what the applier needs
};

class JobEngine {
 public:
  JobEngine(store::Store& store, const Clock& clock, IdSource& ids,
            std::chrono::milliseconds duration);
  ~JobEngine();

  // Registers the applier of an operation; before Start().
  void RegisterApplier(std::string operation, Applier applier);

  // Inside a write: refuses when a job of (app, environment) or of the app itself is RUNNING,
  // then records the job; with a zero duration applies it at once.
  Result<store::JobRecord> Begin(store::StoreWriter& w, const store::Scope& scope,
                                 JobStart start);
  // Once the write that began `job` is durable: schedules its completion if it still runs.
  void Committed(const store::Scope& scope, const store::JobRecord& job);

  // Completes every scheduled job whose time has come; returns how many it applied.
  // The timer thread calls it; tests with a ManualClock call it directly.
  int CompleteDue();

  // Schedules every RUNNING job found in the store (restart recovery); with `timer_thread`,
  // starts the thread that calls CompleteDue on time.
  void Start(bool timer_thread = true);
  void Stop();

  std::chrono::milliseconds duration() const { return duration_; }
  // Jobs this process started, completed and failed.
  ops::JobCounts Counts() const;

 private:
  struct Due {
    int64_t due_ms;
    int64_t seq;  // jobs due at the same moment complete in the order they began
    store::Scope scope;
    std::string app_id;
    std::string job_id;
    bool operator>(const Due& o) const {
      return due_ms != o.due_ms ? due_ms > o.due_ms : seq > o.seq;
    }
  };
  void Schedule(Due due);
  Status Apply(store::StoreWriter& w, const store::Scope& scope, store::JobRecord& job,
               const boost::json::object& payload);
  Status Complete(store::StoreWriter& w, const Due& due, bool& applied_now);
  void TimerLoop();

  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
  const std::chrono::milliseconds duration_;
  std::map<std::string, Applier, std::less<>> appliers_;

  std::mutex mu_;
  std::condition_variable wake_;
  std::priority_queue<Due, std::vector<Due>, std::greater<Due>> queue_;
  bool stopping_ = false;
  std::thread timer_;
  std::atomic<uint64_t> started_{0}, completed_{0}, failed_{0};
};

// "There is already a pending job ..." (AWS's own message).
AwsError PendingJobError(const std::string& app_id, const std::string& environment);

}  // namespace amplify::jobs
