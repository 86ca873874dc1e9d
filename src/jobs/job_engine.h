#pragma once
// The job engine (docs/ARCHITECTURE.md "Jobs"): every mutating operation records a job that
// goes RUNNING → COMPLETED | FAILED through the transition table (job_status.h); its change
// becomes visible when it completes. With a zero duration a job completes inside the request's
// own transaction; otherwise its change waits in the store's queue until it is due, and an
// engine claims it there with a lease and completes it. The queue is the only record of what
// is pending, so after a crash or restart due jobs complete from the store, and several
// processes sharing one database each complete different jobs.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "common/clock.h"
#include "common/ids.h"
#include "common/result.h"
#include "common/worker_pool.h"
#include "jobs/job_change.h"
#include "jobs/job_status.h"
#include "ops/metrics.h"
#include "store/store.h"

namespace amplify::jobs {

struct JobOptions {
  std::chrono::milliseconds duration{0};  // how long a job runs; 0 = completes at once
  // How long a claim is exclusive: an engine that dies holding one delays its jobs this long.
  std::chrono::milliseconds lease{5'000};
  // The longest wait between two looks at the queue (jobs other processes began).
  std::chrono::milliseconds poll{1'000};
  int claim_batch = 64;  // jobs claimed per look
};

struct NewJob {
  std::string app_id;
  std::string environment;  // empty for app-level jobs
  std::string operation;    // the operation's name
  std::string job_id;       // drawn before the write ("" = the engine draws one)
};

class JobEngine {
 public:
  JobEngine(store::Store& store, const Clock& clock, IdSource& ids, JobOptions options,
            ChangeDecoder decode, WorkerPool& pool);
  ~JobEngine();

  bool CompletesAtOnce() const { return options_.duration.count() == 0; }

  // Inside a write: refuses while a job of (app, environment) or of the app itself is pending
  // (for an app-level job: a job of any environment), then records the job. When jobs complete
  // at once it applies `change` in the same write — the caller has checked it there — and the
  // job ends COMPLETED, or FAILED with nothing applied; otherwise the change is queued.
  Result<store::JobRecord> Begin(store::StoreWriter& w, const Scope& scope, NewJob job,
                                 JobChange& change);
  // Once the write that began `job` is durable: looks at the queue early if the job falls due
  // before the next look.
  void Began(const store::JobRecord& job);

  // Inside a write: UpdateBackendJob's change of operation and/or status, through the table.
  // A job an administrator ends is taken out of the queue: its change never applies.
  Status Administer(store::StoreWriter& w, const Scope& scope, store::JobRecord& job,
                    const std::optional<std::string>& operation,
                    const std::optional<std::string>& status);

  // Claims the jobs due now, prepares (worker pool) and completes them, and waits until that is
  // durable; returns how many ended COMPLETED or FAILED. For tests with a ManualClock: the
  // poller does the same without waiting.
  int RunDue();

  // Starts the thread that calls RunDue when jobs fall due (whatever this engine's duration:
  // queued jobs may come from elsewhere); Stop() joins it.
  void Start();
  void Stop();

  // Jobs this process started, completed and failed.
  ops::JobCounts Counts() const;
  const std::string& owner() const { return owner_; }

 private:
  struct Claim;
  struct Round;
  enum class Outcome { kCompleted, kFailed, kSkipped, kStale };

  int Look(bool wait);
  void Hold();
  void Release();
  void Prepare(std::shared_ptr<Claim> claim, std::shared_ptr<Round> round);
  void Complete(std::shared_ptr<Claim> claim, std::shared_ptr<Round> round);
  Outcome Complete(store::StoreWriter& w, Claim& claim, int64_t now_ms, Status& status);
  void PollLoop();

  store::Store& store_;
  const Clock& clock_;
  IdSource& ids_;
  const JobOptions options_;
  const ChangeDecoder decode_;
  WorkerPool& pool_;
  const std::string owner_;  // this engine's name on its leases

  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;            // guarded by mu_
  bool woken_ = false;               // guarded by mu_
  std::set<std::string> preparing_;  // job ids on the pool; guarded by mu_
  int outstanding_ = 0;              // preparations and completions begun; guarded by mu_
  std::atomic<int64_t> next_look_ms_{0};
  std::thread poller_;
  std::atomic<uint64_t> started_{0}, completed_{0}, failed_{0};
};

// "There is already a pending job ..." (AWS's own message).
AwsError PendingJobError(const std::string& app_id, const std::string& environment);

}  // namespace amplify::jobs
