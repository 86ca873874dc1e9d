// The job half of SqliteRecords: the jobs clients read and the queue engines claim from.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "store/sqlite/sqlite_job_queries.h"
#include "store/sqlite/sqlite_records.h"

namespace amplify::store {
namespace {

JobRecord ReadJob(const SqliteStatement& row) {
  return {.app_id = row.Text(0),
          .environment = row.Text(1),
          .job_id = row.Text(2),
          .operation = row.Text(3),
          .status = row.Text(4),
          .error = row.Text(5),
          .create_ms = row.Int64(6),
          .update_ms = row.Int64(7),
          .seq = row.Int64(8)};
}

}  // namespace

std::optional<JobRecord> SqliteRecords::GetJob(const Scope& s, const std::string& app_id,
                                               const std::string& job_id) {
  static const std::string sql = fmt::format(
      "SELECT {} FROM jobs WHERE account = ? AND region = ? AND app_id = ? AND job_id = ?",
      kJobColumns);
  SqliteStatement row = db_.Prepare(sql);
  row.BindAll(s.account, s.region, app_id, job_id);
  if (!row.Step()) return std::nullopt;
  return ReadJob(row);
}

std::vector<JobRecord> SqliteRecords::ListJobs(const Scope& s, const JobQuery& q) {
  SqliteStatement rows = db_.Prepare(ListJobsSql(q));
  rows.BindAll(s.account, s.region, q.app_id, q.environment);
  int index = 4;
  // Same order as ListJobsSql appends the filters.
  if (q.job_id) rows.Bind(++index, *q.job_id);
  if (q.status) rows.Bind(++index, *q.status);
  if (q.operation) rows.Bind(++index, *q.operation);
  rows.Bind(++index, q.before_seq > 0 ? q.before_seq : std::numeric_limits<int64_t>::max());
  rows.Bind(++index, int64_t{std::max(q.limit, 0)});
  std::vector<JobRecord> jobs;
  while (rows.Step()) jobs.push_back(ReadJob(rows));
  return jobs;
}

bool SqliteRecords::HasJobs(const Scope& s, const std::string& app_id) {
  // A prefix of jobs_by_id: one index probe.
  SqliteStatement any = db_.Prepare(
      "SELECT 1 FROM jobs WHERE account = ? AND region = ? AND app_id = ? LIMIT 1");
  any.BindAll(s.account, s.region, app_id);
  return any.Step();
}

bool SqliteRecords::QueueEmpty() {
  if (!sole_writer_) return false;
  if (queue_ == Queue::kUnknown) {
    SqliteStatement any = db_.Prepare("SELECT 1 FROM job_queue LIMIT 1");
    queue_ = any.Step() ? Queue::kQueued : Queue::kEmpty;
  }
  return queue_ == Queue::kEmpty;
}

std::optional<PendingJob> SqliteRecords::FindPendingJob(const Scope& s, const std::string& app_id,
                                                        const std::string& env) {
  if (QueueEmpty()) return std::nullopt;
  SqliteStatement row = db_.Prepare(PendingJobSql(env.empty()));
  row.BindAll(s.account, s.region, app_id);
  if (!env.empty()) row.Bind(4, env);
  if (!row.Step()) return std::nullopt;
  return PendingJob{.job_id = row.Text(0), .environment = row.Text(1)};
}

std::optional<int64_t> SqliteRecords::NextClaimMs() {
  // A leased job may be claimed again only once its lease has ended. The queue holds only
  // pending jobs, so this scan is as small as the work waiting.
  SqliteStatement row = db_.Prepare("SELECT min(max(due_ms, lease_until_ms)) FROM job_queue");
  if (!row.Step() || row.IsNull(0)) return std::nullopt;
  return row.Int64(0);
}

void SqliteRecords::InsertJob(const Scope& s, JobRecord& job) {
  SqliteStatement row = db_.Prepare(
      "INSERT INTO jobs (account, region, app_id, environment, job_id, operation, status, error, "
      "create_ms, update_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq");
  row.BindAll(s.account, s.region, job.app_id, job.environment, job.job_id, job.operation,
              job.status, job.error, job.create_ms, job.update_ms);
  if (row.Step()) job.seq = row.Int64(0);
  row.Run();  // RETURNING rows must be stepped to completion for the change to finish
}

void SqliteRecords::UpdateJob(const Scope& s, const JobRecord& job) {
  db_.Prepare(
         "UPDATE jobs SET operation = ?, status = ?, error = ?, update_ms = ? "
         "WHERE account = ? AND region = ? AND app_id = ? AND job_id = ?")
      .BindAll(job.operation, job.status, job.error, job.update_ms, s.account, s.region, job.app_id,
               job.job_id)
      .Run();
}

void SqliteRecords::EnqueueChange(const Scope& s, const JobRecord& job,
                                  const QueuedChange& change) {
  queue_ = Queue::kQueued;
  db_.Prepare(
         "INSERT INTO job_queue (seq, account, region, app_id, environment, job_id, due_ms, "
         "change_kind, change_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .BindAll(job.seq, s.account, s.region, job.app_id, job.environment, job.job_id, change.due_ms,
               change.kind, change.data)
      .Run();
}

void SqliteRecords::DequeueChange(const Scope& s, const std::string& app_id,
                                  const std::string& job_id) {
  queue_ = Queue::kUnknown;
  db_.Prepare(
         "DELETE FROM job_queue WHERE account = ? AND region = ? AND app_id = ? AND job_id = ?")
      .BindAll(s.account, s.region, app_id, job_id)
      .Run();
}

std::vector<ClaimedJob> SqliteRecords::ClaimDueJobs(int64_t now_ms, int64_t lease_ms,
                                                    const std::string& owner, int limit) {
  SqliteStatement rows = db_.Prepare(ClaimDueJobsSql());
  rows.BindAll(owner, now_ms + lease_ms, now_ms, now_ms, int64_t{limit});
  std::vector<ClaimedJob> claimed;
  while (rows.Step()) {
    claimed.push_back({.scope = {.account = rows.Text(0), .region = rows.Text(1)},
                       .app_id = rows.Text(2),
                       .environment = rows.Text(3),
                       .job_id = rows.Text(4),
                       .seq = rows.Int64(5),
                       .due_ms = rows.Int64(6),
                       .kind = rows.Text(7),
                       .data = rows.Text(8)});
  }
  // RETURNING follows no ORDER BY: restore the order they fell due in.
  std::sort(claimed.begin(), claimed.end(), [](const ClaimedJob& a, const ClaimedJob& b) {
    return a.due_ms != b.due_ms ? a.due_ms < b.due_ms : a.seq < b.seq;
  });
  return claimed;
}

std::optional<std::string> SqliteRecords::LeaseOwner(const Scope& s, const std::string& app_id,
                                                     const std::string& job_id) {
  SqliteStatement row = db_.Prepare(
      "SELECT lease_owner FROM job_queue "
      "WHERE account = ? AND region = ? AND app_id = ? AND job_id = ?");
  row.BindAll(s.account, s.region, app_id, job_id);
  if (!row.Step()) return std::nullopt;
  return row.Text(0);
}

}  // namespace amplify::store
