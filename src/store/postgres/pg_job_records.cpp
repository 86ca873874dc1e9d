// The job half of PgRecords: the jobs clients read and the queue engines claim from. Claims take
// no app lock: FOR UPDATE SKIP LOCKED leases rows no other engine is claiming, and completing a
// job (LeaseOwner, then DequeueChange) runs under its app's lock, so each completes once.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "store/postgres/pg_records.h"

namespace amplify::store {
namespace {

constexpr std::string_view kJobColumns =
    "app_id, environment, job_id, operation, status, error, create_ms, update_ms, seq";

JobRecord ReadJob(const PgResult& rows, int row) {
  return {.app_id = rows.Text(row, 0),
          .environment = rows.Text(row, 1),
          .job_id = rows.Text(row, 2),
          .operation = rows.Text(row, 3),
          .status = rows.Text(row, 4),
          .error = rows.Text(row, 5),
          .create_ms = rows.Int64(row, 6),
          .update_ms = rows.Int64(row, 7),
          .seq = rows.Int64(row, 8)};
}

// A page of one environment's jobs through an index ending in seq (jobs_by_environment, or
// jobs_by_status / jobs_by_operation when filtered). Absent filters are NULL parameters turned
// into "any" — but that hides them from the planner, so each combination gets its own text.
std::string ListJobsSql(const JobQuery& q) {
  std::string sql = fmt::format(
      "SELECT {} FROM jobs WHERE account = $1 AND region = $2 AND app_id = $3 "
      "AND environment = $4",
      kJobColumns);
  int index = 4;
  if (q.job_id) sql += fmt::format(" AND job_id = ${}", ++index);
  if (q.status) {
    sql += fmt::format(" AND status = ${}", ++index);
    if (*q.status != "COMPLETED") sql += " AND status <> 'COMPLETED'";
  }
  if (q.operation) sql += fmt::format(" AND operation = ${}", ++index);
  sql += fmt::format(" AND seq < ${} ORDER BY seq DESC LIMIT ${}", index + 1, index + 2);
  return sql;
}

}  // namespace

std::optional<JobRecord> PgRecords::GetJob(const Scope& s, const std::string& app_id,
                                           const std::string& job_id) {
  LockApp(s, app_id);
  static const std::string sql = fmt::format(
      "SELECT {} FROM jobs WHERE account = $1 AND region = $2 AND app_id = $3 AND job_id = $4",
      kJobColumns);
  PgResult row = db_.Query(sql, {s.account, s.region, app_id, job_id});
  if (row.Empty()) return std::nullopt;
  return ReadJob(row, 0);
}

std::vector<JobRecord> PgRecords::ListJobs(const Scope& s, const JobQuery& q) {
  LockApp(s, q.app_id);
  std::vector<std::string> params = {s.account, s.region, q.app_id, q.environment};
  if (q.job_id) params.push_back(*q.job_id);
  if (q.status) params.push_back(*q.status);
  if (q.operation) params.push_back(*q.operation);
  params.push_back(
      std::to_string(q.before_seq > 0 ? q.before_seq : std::numeric_limits<int64_t>::max()));
  params.push_back(std::to_string(std::max(q.limit, 0)));
  PgResult rows = db_.Query(ListJobsSql(q), params);
  std::vector<JobRecord> jobs;
  for (int i = 0; i < rows.Rows(); ++i) jobs.push_back(ReadJob(rows, i));
  return jobs;
}

bool PgRecords::HasJobs(const Scope& s, const std::string& app_id) {
  LockApp(s, app_id);
  PgResult any = db_.Query(
      "SELECT 1 FROM jobs WHERE account = $1 AND region = $2 AND app_id = $3 LIMIT 1",
      {s.account, s.region, app_id});
  return !any.Empty();
}

std::optional<PendingJob> PgRecords::FindPendingJob(const Scope& s, const std::string& app_id,
                                                    const std::string& env) {
  LockApp(s, app_id);
  // An app-level job (env "") is blocked by a job of any environment; an environment's job by
  // one of its own or of the app.
  PgResult row =
      env.empty()
          ? db_.Query(
                "SELECT job_id, environment FROM job_queue "
                "WHERE account = $1 AND region = $2 AND app_id = $3 LIMIT 1",
                {s.account, s.region, app_id})
          : db_.Query(
                "SELECT job_id, environment FROM job_queue WHERE account = $1 AND region = $2 "
                "AND app_id = $3 AND environment IN ($4, '') LIMIT 1",
                {s.account, s.region, app_id, env});
  if (row.Empty()) return std::nullopt;
  return PendingJob{.job_id = row.Text(0, 0), .environment = row.Text(0, 1)};
}

std::optional<int64_t> PgRecords::NextClaimMs() {
  PgResult row = db_.Query("SELECT min(greatest(due_ms, lease_until_ms)) FROM job_queue");
  if (row.Empty() || row.IsNull(0, 0)) return std::nullopt;
  return row.Int64(0, 0);
}

void PgRecords::InsertJob(const Scope& s, JobRecord& job) {
  LockApp(s, job.app_id);
  PgResult row = db_.Query(
      "INSERT INTO jobs (account, region, app_id, environment, job_id, operation, status, error, "
      "create_ms, update_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq",
      {s.account, s.region, job.app_id, job.environment, job.job_id, job.operation, job.status,
       job.error, job.create_ms, job.update_ms});
  job.seq = row.Int64(0, 0);
}

void PgRecords::UpdateJob(const Scope& s, const JobRecord& job) {
  LockApp(s, job.app_id);
  db_.Query(
      "UPDATE jobs SET operation = $1, status = $2, error = $3, update_ms = $4 "
      "WHERE account = $5 AND region = $6 AND app_id = $7 AND job_id = $8",
      {job.operation, job.status, job.error, job.update_ms, s.account, s.region, job.app_id,
       job.job_id});
}

void PgRecords::EnqueueChange(const Scope& s, const JobRecord& job, const QueuedChange& change) {
  LockApp(s, job.app_id);
  db_.Query(
      "INSERT INTO job_queue (seq, account, region, app_id, environment, job_id, due_ms, "
      "change_kind, change_data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {job.seq, s.account, s.region, job.app_id, job.environment, job.job_id, change.due_ms,
       change.kind, change.data});
}

void PgRecords::DequeueChange(const Scope& s, const std::string& app_id,
                              const std::string& job_id) {
  LockApp(s, app_id);
  db_.Query(
      "DELETE FROM job_queue WHERE account = $1 AND region = $2 AND app_id = $3 AND job_id = $4",
      {s.account, s.region, app_id, job_id});
}

std::vector<ClaimedJob> PgRecords::ClaimDueJobs(int64_t now_ms, int64_t lease_ms,
                                                const std::string& owner, int limit) {
  // SKIP LOCKED: rows another engine is claiming or completing right now are left to it, and
  // this claim never waits.
  PgResult rows = db_.Query(
      "UPDATE job_queue SET lease_owner = $1, lease_until_ms = $2 WHERE seq IN ("
      "SELECT seq FROM job_queue WHERE due_ms <= $3 AND lease_until_ms <= $3 "
      "ORDER BY due_ms, seq LIMIT $4 FOR UPDATE SKIP LOCKED) "
      "RETURNING account, region, app_id, environment, job_id, seq, due_ms, change_kind, "
      "change_data",
      {owner, now_ms + lease_ms, now_ms, int64_t{limit}});
  std::vector<ClaimedJob> claimed;
  for (int i = 0; i < rows.Rows(); ++i) {
    claimed.push_back({.scope = {.account = rows.Text(i, 0), .region = rows.Text(i, 1)},
                       .app_id = rows.Text(i, 2),
                       .environment = rows.Text(i, 3),
                       .job_id = rows.Text(i, 4),
                       .seq = rows.Int64(i, 5),
                       .due_ms = rows.Int64(i, 6),
                       .kind = rows.Text(i, 7),
                       .data = rows.Text(i, 8)});
  }
  // RETURNING follows no ORDER BY: restore the order they fell due in.
  std::sort(claimed.begin(), claimed.end(), [](const ClaimedJob& a, const ClaimedJob& b) {
    return a.due_ms != b.due_ms ? a.due_ms < b.due_ms : a.seq < b.seq;
  });
  return claimed;
}

std::optional<std::string> PgRecords::LeaseOwner(const Scope& s, const std::string& app_id,
                                                 const std::string& job_id) {
  LockApp(s, app_id);
  // FOR UPDATE: a claim committing meanwhile cannot change the owner this completion relies on.
  PgResult row = db_.Query(
      std::string("SELECT lease_owner FROM job_queue WHERE account = $1 AND region = $2 "
                  "AND app_id = $3 AND job_id = $4") +
          (writer_ ? " FOR UPDATE" : ""),
      {s.account, s.region, app_id, job_id});
  if (row.Empty()) return std::nullopt;
  return row.Text(0, 0);
}

}  // namespace amplify::store
