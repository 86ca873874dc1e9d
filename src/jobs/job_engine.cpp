#include "jobs/job_engine.h"

#include <fmt/format.h>
#include <pthread.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <latch>

namespace amplify::jobs {
namespace {

// How often a queued change is prepared again because its input moved meanwhile (an API's
// schema edited during its models' generation) before its job ends FAILED.
constexpr int kMaxPreparations = 3;

// This engine's name on its leases: host, process and start time say whose a lease is when a
// person looks at the queue, and are unique among the processes that share a database.
std::string EngineName(const Clock& clock) {
  char host[256] = "host";
  gethostname(host, sizeof host - 1);
  return fmt::format("{}:{}:{}", host, getpid(), clock.NowMillis());
}

// Applies `change` so that an error leaves nothing of it written.
Status ApplyOnce(store::StoreWriter& w, const Scope& scope, JobChange& change, int64_t now_ms) {
  if (!change.ApplyCanFail()) return change.Apply(w, scope, now_ms);
  return w.Atomically([&] { return change.Apply(w, scope, now_ms); });
}

}  // namespace

struct JobEngine::Claim {
  Claim(store::ClaimedJob claimed, std::unique_ptr<JobChange> decoded)
      : job(std::move(claimed)), change(std::move(decoded)) {}
  store::ClaimedJob job;
  std::unique_ptr<JobChange> change;  // null when the stored change could not be decoded
  std::atomic<int> preparations{0};
  Outcome outcome = Outcome::kSkipped;  // written and read on the store's writer thread
};

AwsError PendingJobError(const std::string& app_id, const std::string& environment) {
  return BadRequest(fmt::format(
      "There is already a pending job for the requested appId: {} and backendEnvironmentName: "
      "{}, wait for it to complete before creating a new job.",
      app_id, environment));
}

JobEngine::JobEngine(store::Store& store, const Clock& clock, IdSource& ids, JobOptions options,
                     ChangeDecoder decode, WorkerPool& pool)
    : store_(store),
      clock_(clock),
      ids_(ids),
      options_(options),
      decode_(decode),
      pool_(pool),
      owner_(EngineName(clock)) {}

JobEngine::~JobEngine() { Stop(); }

Result<store::JobRecord> JobEngine::Begin(store::StoreWriter& w, const Scope& scope, NewJob start,
                                          JobChange& change) {
  if (auto pending = w.FindPendingJob(scope, start.app_id, start.environment)) {
    return PendingJobError(start.app_id, start.environment);
  }
  const int64_t now = clock_.NowMillis();
  store::JobRecord job{.app_id = std::move(start.app_id),
                       .environment = std::move(start.environment),
                       .job_id = start.job_id.empty() ? ids_.Uuid() : std::move(start.job_id),
                       .operation = std::move(start.operation),
                       .status = std::string(kRunning),
                       .error = "",
                       .create_ms = now,
                       .update_ms = now};
  started_.fetch_add(1, std::memory_order_relaxed);
  if (!CompletesAtOnce()) {
    w.InsertJob(scope, job);
    w.EnqueueChange(scope, job,
                    {.kind = std::string(change.Kind()),
                     .data = change.Encode(),
                     .due_ms = now + options_.duration.count()});
    return job;
  }
  Status applied = ApplyOnce(w, scope, change, now);
  if (!applied && !change.ApplyCanFail()) return applied.error();
  Status moved = Transition(job, applied ? kCompleted : kFailed, Actor::kEngine, now,
                            applied ? std::string() : applied.error().message);
  if (!moved) return moved.error();
  (applied ? completed_ : failed_).fetch_add(1, std::memory_order_relaxed);
  w.InsertJob(scope, job);
  return job;
}

void JobEngine::Began(const store::JobRecord& job) {
  if (CompletesAtOnce() || StateOf(job.status) != JobState::kRunning) return;
  const int64_t due = job.create_ms + options_.duration.count();
  if (due >= next_look_ms_.load(std::memory_order_relaxed)) return;
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  wake_.notify_one();
}

Status JobEngine::Administer(store::StoreWriter& w, const Scope& scope, store::JobRecord& job,
                             const std::optional<std::string>& operation,
                             const std::optional<std::string>& status) {
  const bool was_running = StateOf(job.status) == JobState::kRunning;
  Status moved =
      Transition(job, status.value_or(job.status), Actor::kAdministrator, clock_.NowMillis());
  if (!moved) return moved;
  if (operation) job.operation = *operation;
  w.UpdateJob(scope, job);
  if (was_running && StateOf(job.status) != JobState::kRunning) {
    w.DequeueChange(scope, job.app_id, job.job_id);
  }
  return OkStatus();
}

// What one look at the queue started: tests wait for all of it, the poller does not.
// Every piece also counts in the engine's own tally, which Stop() waits out.
struct JobEngine::Round {
  explicit Round(JobEngine& e) : engine(e) {}
  JobEngine& engine;
  std::mutex mu;
  std::condition_variable idle;
  int pending = 0;
  int completed = 0;

  void Add() {
    engine.Hold();
    std::lock_guard lock(mu);
    ++pending;
  }
  void Done(bool ended) {
    {
      std::lock_guard lock(mu);
      completed += ended ? 1 : 0;
      if (--pending == 0) idle.notify_all();
    }
    engine.Release();
  }
  int Wait() {
    std::unique_lock lock(mu);
    idle.wait(lock, [this] { return pending == 0; });
    return completed;
  }
};

int JobEngine::RunDue() { return Look(/*wait=*/true); }

int JobEngine::Look(bool wait) {
  const int64_t now = clock_.NowMillis();
  std::optional<int64_t> next = store_.Reader().NextClaimMs();
  if (!next || *next > now) return 0;
  std::vector<store::ClaimedJob> claimed;
  Status claim = store_.WriteSync([&](store::StoreWriter& w) {
    claimed = w.ClaimDueJobs(now, options_.lease.count(), owner_, options_.claim_batch);
    return OkStatus();
  });
  if (!claim) {
    spdlog::error("jobs: could not claim due jobs: {}", claim.error().message);
    return 0;
  }
  auto round = std::make_shared<Round>(*this);
  std::vector<std::shared_ptr<Claim>> ready;
  for (store::ClaimedJob& job : claimed) {
    std::unique_ptr<JobChange> change = decode_(job.kind, job.data);
    auto c = std::make_shared<Claim>(std::move(job), std::move(change));
    if (!c->change)
      spdlog::error("jobs: job {} has a change this server cannot read", c->job.job_id);
    if (c->change && c->change->NeedsPreparation()) {
      Prepare(std::move(c), round);
    } else {
      ready.push_back(std::move(c));
    }
  }
  // In the order they fell due, without waiting for any preparation (a generation may take
  // long while requests keep the pool's idle-priority threads off the CPU).
  for (std::shared_ptr<Claim>& c : ready) Complete(std::move(c), round);
  return wait ? round->Wait() : 0;
}

// Prepares on the worker pool, then completes from there. A job still being prepared from an
// earlier look (its lease renewed by a claim meanwhile) is not prepared twice.
void JobEngine::Prepare(std::shared_ptr<Claim> c, std::shared_ptr<Round> round) {
  {
    std::lock_guard lock(mu_);
    if (!preparing_.insert(c->job.job_id).second) return;
  }
  round->Add();
  auto task = [this, c, round] {
    ++c->preparations;
    try {
      c->change->Prepare(store_.Reader(), c->job.scope);
    } catch (const std::exception& e) {
      spdlog::error("jobs: preparing job {} failed: {}", c->job.job_id, e.what());
    }
    Complete(c, round);
    round->Done(false);
  };
  if (!pool_.Submit(task)) {
    // A full pool: leave it; its lease ends and a later look claims it again.
    std::lock_guard lock(mu_);
    preparing_.erase(c->job.job_id);
    round->Done(false);
  }
}

// One write per job; concurrent ones share a commit.
void JobEngine::Complete(std::shared_ptr<Claim> c, std::shared_ptr<Round> round) {
  round->Add();
  const int64_t now = clock_.NowMillis();
  auto status = std::make_shared<Status>();
  store_.Write(
      [this, c, now, status](store::StoreWriter& w) {
        c->outcome = Complete(w, *c, now, *status);
        return *status;
      },
      // On the writer thread: count, and hand a stale preparation back to the pool.
      [this, c, round, status](Status s) {
        if (!s) {
          spdlog::error("jobs: job {} could not complete: {}", c->job.job_id, s.error().message);
          c->outcome = Outcome::kSkipped;  // its lease ends and it is claimed again
        }
        {
          std::lock_guard lock(mu_);
          preparing_.erase(c->job.job_id);
        }
        const bool ended = c->outcome == Outcome::kCompleted || c->outcome == Outcome::kFailed;
        if (ended) (c->outcome == Outcome::kCompleted ? completed_ : failed_).fetch_add(1);
        if (c->outcome == Outcome::kStale) Prepare(c, round);
        round->Done(ended);
      });
}

JobEngine::Outcome JobEngine::Complete(store::StoreWriter& w, Claim& claim, int64_t now_ms,
                                       Status& status) {
  const store::ClaimedJob& c = claim.job;
  std::optional<std::string> lease = w.LeaseOwner(c.scope, c.app_id, c.job_id);
  // Completed meanwhile, or claimed by another engine after this one's lease ended.
  if (!lease || *lease != owner_) return Outcome::kSkipped;
  std::optional<store::JobRecord> job = w.GetJob(c.scope, c.app_id, c.job_id);
  if (!job || StateOf(job->status) != JobState::kRunning) {
    w.DequeueChange(c.scope, c.app_id, c.job_id);
    return Outcome::kSkipped;
  }
  Status applied = claim.change ? OkStatus() : Internal("the job's change cannot be read");
  if (applied && claim.change->Stale(w, c.scope)) {
    if (claim.preparations < kMaxPreparations) return Outcome::kStale;
    applied = BadRequest("The job's input kept changing while it was being prepared.");
  }
  if (applied) applied = claim.change->Check(w, c.scope);
  if (applied) {
    applied = ApplyOnce(w, c.scope, *claim.change, now_ms);
    if (!applied && !claim.change->ApplyCanFail()) {
      status = applied;  // refuse the whole write; the job is claimed again after its lease
      return Outcome::kSkipped;
    }
  }
  status = Transition(*job, applied ? kCompleted : kFailed, Actor::kEngine, now_ms,
                      applied ? std::string() : applied.error().message);
  if (!status) return Outcome::kSkipped;
  w.UpdateJob(c.scope, *job);
  w.DequeueChange(c.scope, c.app_id, c.job_id);
  return applied ? Outcome::kCompleted : Outcome::kFailed;
}

// Also when this process completes its own jobs at once: the queue may hold jobs an earlier
// run (or another process) began with a duration.
void JobEngine::Start() {
  if (poller_.joinable()) return;
  poller_ = std::thread([this] { PollLoop(); });
}

void JobEngine::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (poller_.joinable()) poller_.join();
  // Preparations and completions already begun call back into this engine: wait them out.
  std::unique_lock lock(mu_);
  wake_.wait(lock, [this] { return outstanding_ == 0; });
}

void JobEngine::Hold() {
  std::lock_guard lock(mu_);
  ++outstanding_;
}

void JobEngine::Release() {
  std::lock_guard lock(mu_);
  if (--outstanding_ == 0) wake_.notify_all();
}

void JobEngine::PollLoop() {
  pthread_setname_np(pthread_self(), "job-engine");
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    int64_t wait_ms = options_.poll.count();
    try {
      Look(/*wait=*/false);
      const int64_t now = clock_.NowMillis();
      if (std::optional<int64_t> next = store_.Reader().NextClaimMs()) {
        wait_ms = std::clamp<int64_t>(*next - now, 0, wait_ms);
      }
      next_look_ms_.store(now + wait_ms, std::memory_order_relaxed);
    } catch (const std::exception& e) {
      spdlog::error("jobs: {}", e.what());
    }
    lock.lock();
    wake_.wait_for(lock, std::chrono::milliseconds(wait_ms),
                   [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

ops::JobCounts JobEngine::Counts() const {
  return {started_.load(), completed_.load(), failed_.load()};
}

}  // namespace amplify::jobs
