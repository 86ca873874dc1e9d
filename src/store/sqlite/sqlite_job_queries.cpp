#include "store/sqlite/sqlite_job_queries.h"

#include <fmt/format.h>

namespace amplify::store {

std::string ListJobsSql(const JobQuery& q) {
  std::string sql = fmt::format(
      "SELECT {} FROM jobs WHERE account = ? AND region = ? AND app_id = ? AND environment = ?",
      kJobColumns);
  // A job_id filter hits the unique jobs_by_id index; status and operation each have an index
  // ending in seq, so the ORDER BY below is an index walk that stops after `limit` rows.
  if (q.job_id) sql += " AND job_id = ?";
  if (q.status) sql += " AND status = ?";
  if (q.operation) sql += " AND operation = ?";
  sql += " AND seq < ? ORDER BY seq DESC LIMIT ?";
  return sql;
}

// Served by jobs_by_status.
const std::string& FindRunningJobSql() {
  static const std::string sql = fmt::format(
      "SELECT {} FROM jobs WHERE account = ? AND region = ? AND app_id = ? AND environment = ? "
      "AND status = 'RUNNING' ORDER BY seq DESC LIMIT 1",
      kJobColumns);
  return sql;
}

// The literal 'RUNNING' (not a parameter) lets the planner use the partial index jobs_running.
const std::string& ListRunningJobsSql() {
  static const std::string sql = fmt::format(
      "SELECT account, region, {} FROM jobs WHERE status = 'RUNNING' ORDER BY seq", kJobColumns);
  return sql;
}

}  // namespace amplify::store
