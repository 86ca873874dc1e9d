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
  store::ClaimedJob job;
  std::unique_ptr<JobChange> change;  // null when the stored change could not be decoded
  int preparations = 0;
  Outcome outcome = Outcome::kSkipped;
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

int JobEngine::RunDue() {
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
  std::vector<Claim> claims;
  claims.reserve(claimed.size());
  for (store::ClaimedJob& job : claimed) {
    std::unique_ptr<JobChange> change = decode_(job.kind, job.data);
    if (!change) spdlog::error("jobs: job {} has a change this server cannot read", job.job_id);
    claims.push_back({std::move(job), std::move(change)});
  }
  int completed = 0;
  // Stale preparations are redone (bounded): each round completes what it can.
  for (int round = 0; round <= kMaxPreparations && !claims.empty(); ++round) {
    Prepare(claims);
    CompleteAll(claims, completed);
    std::erase_if(claims, [](const Claim& c) { return c.outcome != Outcome::kStale; });
  }
  return completed;
}

// Runs the preparations on the worker pool, in parallel, and waits for them.
void JobEngine::Prepare(std::vector<Claim>& claims) {
  std::vector<Claim*> work;
  for (Claim& c : claims) {
    if (c.change && c.change->NeedsPreparation()) work.push_back(&c);
  }
  if (work.empty()) return;
  std::latch done(static_cast<std::ptrdiff_t>(work.size()));
  for (Claim* c : work) {
    ++c->preparations;
    auto task = [this, c, &done] {
      c->change->Prepare(store_.Reader(), c->job.scope);
      done.count_down();
    };
    if (!pool_.Submit(task)) task();  // a full pool: this thread is no event loop, so wait here
  }
  done.wait();
}

// One write per job, submitted in the order they fell due and completed in one group commit.
void JobEngine::CompleteAll(std::vector<Claim>& claims, int& completed) {
  const int64_t now = clock_.NowMillis();
  std::latch durable(static_cast<std::ptrdiff_t>(claims.size()));
  std::vector<Status> statuses(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    store_.Write(
        [this, &claims, &statuses, i, now](store::StoreWriter& w) {
          claims[i].outcome = Complete(w, claims[i], now, statuses[i]);
          return statuses[i];
        },
        [&statuses, &durable, i](Status s) {
          if (!s) statuses[i] = std::move(s);
          durable.count_down();
        });
  }
  durable.wait();
  for (size_t i = 0; i < claims.size(); ++i) {
    Claim& c = claims[i];
    if (!statuses[i]) {
      spdlog::error("jobs: job {} could not complete: {}", c.job.job_id,
                    statuses[i].error().message);
      c.outcome = Outcome::kSkipped;  // its lease ends and it is claimed again
      continue;
    }
    if (c.outcome == Outcome::kCompleted || c.outcome == Outcome::kFailed) {
      ++completed;
      (c.outcome == Outcome::kCompleted ? completed_ : failed_).fetch_add(1);
    }
  }
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
}

void JobEngine::PollLoop() {
  pthread_setname_np(pthread_self(), "job-engine");
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    int64_t wait_ms = options_.poll.count();
    try {
      RunDue();
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
