#include "store/sqlite/sqlite_job_queries.h"

#include <fmt/format.h>

namespace amplify::store {

std::string ListJobsSql(const JobQuery& q) {
  std::string sql = fmt::format(
      "SELECT {} FROM jobs WHERE account = ? AND region = ? AND app_id = ? AND environment = ?",
      kJobColumns);
  // A job_id filter hits the unique jobs_by_id index; operation and the statuses other than
  // COMPLETED each have an index ending in seq, so the ORDER BY below is an index walk that stops
  // after `limit` rows. jobs_by_status leaves COMPLETED jobs out (they are most of them), so only
  // the spelt-out `status <> 'COMPLETED'` lets SQLite use it; COMPLETED walks
  // jobs_by_environment, skipping no more jobs than jobs_by_status holds.
  if (q.job_id) sql += " AND job_id = ?";
  if (q.status) {
    sql += " AND status = ?";
    if (*q.status != kCompletedStatus) sql += " AND status <> 'COMPLETED'";
  }
  if (q.operation) sql += " AND operation = ?";
  sql += " AND seq < ? ORDER BY seq DESC LIMIT ?";
  return sql;
}

// Served by job_queue_by_environment; the queue holds only pending jobs.
std::string_view PendingJobSql(bool any_environment) {
  if (any_environment) {
    return "SELECT job_id, environment FROM job_queue "
           "WHERE account = ? AND region = ? AND app_id = ? LIMIT 1";
  }
  return "SELECT job_id, environment FROM job_queue "
         "WHERE account = ? AND region = ? AND app_id = ? AND environment IN (?, '') LIMIT 1";
}

// The oldest due first, through job_queue_by_due; RETURNING hands the claimed rows back in the
// same statement, so a claim is one step of the writer.
std::string_view ClaimDueJobsSql() {
  return "UPDATE job_queue SET lease_owner = ?, lease_until_ms = ? "
         "WHERE seq IN (SELECT seq FROM job_queue WHERE due_ms <= ? AND lease_until_ms <= ? "
         "ORDER BY due_ms, seq LIMIT ?) "
         "RETURNING account, region, app_id, environment, job_id, seq, due_ms, change_kind, "
         "change_data";
}

}  // namespace amplify::store
