#include "jobs/job_engine.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace amplify::jobs {

AwsError PendingJobError(const std::string& app_id, const std::string& environment) {
  return BadRequest(fmt::format(
      "There is already a pending job for the requested appId: {} and backendEnvironmentName: "
      "{}, wait for it to complete before creating a new job.",
      app_id, environment));
}

JobEngine::JobEngine(store::Store& store, const Clock& clock, IdSource& ids,
                     std::chrono::milliseconds duration)
    : store_(store), clock_(clock), ids_(ids), duration_(duration) {}

JobEngine::~JobEngine() { Stop(); }

void JobEngine::RegisterApplier(std::string operation, Applier applier) {
  appliers_[std::move(operation)] = std::move(applier);
}

Status JobEngine::Apply(store::StoreWriter& w, const store::Scope& scope, store::JobRecord& job,
                        const boost::json::object& payload) {
  auto it = appliers_.find(job.operation);
  if (it == appliers_.end()) return Internal("no applier for " + job.operation);
  Status applied = it->second(w, scope, payload);
  job.status = applied ? kCompleted : kFailed;
  (applied ? completed_ : failed_).fetch_add(1, std::memory_order_relaxed);
  job.error = applied ? "" : applied.error().message;
  job.payload_json.clear();
  job.update_ms = clock_.NowMillis();
  return OkStatus();
}

Result<store::JobRecord> JobEngine::Begin(store::StoreWriter& w, const store::Scope& scope,
                                          JobStart start) {
  if (w.FindRunningJob(scope, start.app_id, start.environment) ||
      (!start.environment.empty() && w.FindRunningJob(scope, start.app_id, ""))) {
    return PendingJobError(start.app_id, start.environment);
  }
  store::JobRecord job;
  job.app_id = std::move(start.app_id);
  job.environment = std::move(start.environment);
  job.job_id = ids_.Uuid();
  job.operation = std::move(start.operation);
  job.status = kRunning;
  job.create_ms = job.update_ms = clock_.NowMillis();
  started_.fetch_add(1, std::memory_order_relaxed);
  if (duration_.count() == 0) {
    Status applied = Apply(w, scope, job, start.payload);
    if (!applied) return applied.error();
  } else {
    job.payload_json = boost::json::serialize(start.payload);
  }
  w.PutJob(scope, job);
  return job;
}

ops::JobCounts JobEngine::Counts() const {
  return {started_.load(), completed_.load(), failed_.load()};
}

void JobEngine::Committed(const store::Scope& scope, const store::JobRecord& job) {
  if (job.status != kRunning || job.payload_json.empty()) return;
  Schedule({job.create_ms + duration_.count(), job.seq, scope, job.app_id, job.job_id});
}

void JobEngine::Schedule(Due due) {
  {
    std::lock_guard lock(mu_);
    queue_.push(std::move(due));
  }
  wake_.notify_one();
}

Status JobEngine::Complete(store::StoreWriter& w, const Due& due, bool& applied_now) {
  auto job = w.GetJob(due.scope, due.app_id, due.job_id);
  // An administrator may have changed the job meanwhile (UpdateBackendJob): leave it alone.
  if (!job || job->status != kRunning || job->payload_json.empty()) return OkStatus();
  boost::system::error_code ec;
  boost::json::value payload = boost::json::parse(job->payload_json, ec);
  if (ec || !payload.is_object()) return Internal("unreadable job payload " + due.job_id);
  Status applied = Apply(w, due.scope, *job, payload.get_object());
  if (!applied) return applied;
  w.PutJob(due.scope, *job);
  applied_now = true;
  return OkStatus();
}

int JobEngine::CompleteDue() {
  std::vector<Due> ready;
  {
    std::lock_guard lock(mu_);
    int64_t now = clock_.NowMillis();
    while (!queue_.empty() && queue_.top().due_ms <= now) {
      ready.push_back(queue_.top());
      queue_.pop();
    }
  }
  int completed = 0;
  for (const Due& due : ready) {
    bool applied = false;
    Status s = store_.WriteSync([&](store::StoreWriter& w) {
      applied = false;
      return Complete(w, due, applied);
    });
    if (s) {
      completed += applied ? 1 : 0;
    } else {
      spdlog::error("job {} could not complete: {}", due.job_id, s.error().message);
    }
  }
  return completed;
}

void JobEngine::Start(bool timer_thread) {
  for (const store::ScopedJob& sj : store_.Reader().ListRunningJobs()) Committed(sj.scope, sj.job);
  if (timer_thread && !timer_.joinable()) timer_ = std::thread([this] { TimerLoop(); });
}

void JobEngine::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (timer_.joinable()) timer_.join();
}

void JobEngine::TimerLoop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    if (queue_.empty()) {
      wake_.wait(lock);
      continue;
    }
    int64_t wait_ms = queue_.top().due_ms - clock_.NowMillis();
    if (wait_ms > 0) {
      wake_.wait_for(lock, std::chrono::milliseconds(wait_ms));
      continue;
    }
    lock.unlock();
    CompleteDue();
    lock.lock();
  }
}

}  // namespace amplify::jobs
