// The StoreReader half of SqliteRecords.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "store/sqlite/sqlite_job_queries.h"
#include "store/sqlite/sqlite_records.h"

namespace amplify::store {
namespace {

JobRecord ReadJobColumns(const SqliteStatement& row, int first) {
  JobRecord job;
  job.app_id = row.Text(first);
  job.environment = row.Text(first + 1);
  job.job_id = row.Text(first + 2);
  job.operation = row.Text(first + 3);
  job.status = row.Text(first + 4);
  job.error = row.Text(first + 5);
  job.create_ms = row.Int64(first + 6);
  job.update_ms = row.Int64(first + 7);
  job.payload_json = row.Text(first + 8);
  job.seq = row.Int64(first + 9);
  return job;
}

EnvironmentRecord ReadEnvironment(const SqliteStatement& row) {
  return {.app_id = row.Text(0), .name = row.Text(1), .created_ms = row.Int64(2)};
}

ResourceRecord ReadResource(const SqliteStatement& row) {
  return {.app_id = row.Text(0),
          .environment = row.Text(1),
          .category = row.Text(2),
          .name = row.Text(3),
          .config_json = row.Text(4),
          .created_ms = row.Int64(5),
          .updated_ms = row.Int64(6)};
}

constexpr std::string_view kResourceColumns =
    "app_id, environment, category, name, config_json, created_ms, updated_ms";

}  // namespace

std::optional<AppRecord> SqliteRecords::GetApp(const Scope& s, const std::string& app_id) {
  SqliteStatement row = db_.Prepare(
      "SELECT app_id, app_name, created_ms, config_json FROM apps "
      "WHERE account = ? AND region = ? AND app_id = ?");
  row.BindAll(s.account, s.region, app_id);
  if (!row.Step()) return std::nullopt;
  return AppRecord{.app_id = row.Text(0),
                   .app_name = row.Text(1),
                   .created_ms = row.Int64(2),
                   .config_json = row.Text(3)};
}

std::vector<EnvironmentRecord> SqliteRecords::ListEnvironments(const Scope& s,
                                                               const std::string& app_id) {
  SqliteStatement rows = db_.Prepare(
      "SELECT app_id, name, created_ms FROM environments "
      "WHERE account = ? AND region = ? AND app_id = ? ORDER BY seq");
  rows.BindAll(s.account, s.region, app_id);
  std::vector<EnvironmentRecord> environments;
  while (rows.Step()) environments.push_back(ReadEnvironment(rows));
  return environments;
}

std::optional<EnvironmentRecord> SqliteRecords::GetEnvironment(const Scope& s,
                                                               const std::string& app_id,
                                                               const std::string& env) {
  SqliteStatement row = db_.Prepare(
      "SELECT app_id, name, created_ms FROM environments "
      "WHERE account = ? AND region = ? AND app_id = ? AND name = ?");
  row.BindAll(s.account, s.region, app_id, env);
  if (!row.Step()) return std::nullopt;
  return ReadEnvironment(row);
}

std::optional<ResourceRecord> SqliteRecords::GetResource(const Scope& s, const std::string& app_id,
                                                         const std::string& env,
                                                         const std::string& category,
                                                         const std::string& name) {
  static const std::string sql = fmt::format(
      "SELECT {} FROM resources WHERE account = ? AND region = ? AND app_id = ? "
      "AND environment = ? AND category = ? AND name = ?",
      kResourceColumns);
  SqliteStatement row = db_.Prepare(sql);
  row.BindAll(s.account, s.region, app_id, env, category, name);
  if (!row.Step()) return std::nullopt;
  return ReadResource(row);
}

std::vector<ResourceRecord> SqliteRecords::ListResources(const Scope& s, const std::string& app_id,
                                                         const std::string& env) {
  static const std::string sql = fmt::format(
      "SELECT {} FROM resources WHERE account = ? AND region = ? AND app_id = ? "
      "AND environment = ? ORDER BY seq",
      kResourceColumns);
  SqliteStatement rows = db_.Prepare(sql);
  rows.BindAll(s.account, s.region, app_id, env);
  std::vector<ResourceRecord> resources;
  while (rows.Step()) resources.push_back(ReadResource(rows));
  return resources;
}

std::optional<JobRecord> SqliteRecords::GetJob(const Scope& s, const std::string& app_id,
                                               const std::string& job_id) {
  static const std::string sql = fmt::format(
      "SELECT {} FROM jobs WHERE account = ? AND region = ? AND app_id = ? AND job_id = ?",
      kJobColumns);
  SqliteStatement row = db_.Prepare(sql);
  row.BindAll(s.account, s.region, app_id, job_id);
  if (!row.Step()) return std::nullopt;
  return ReadJobColumns(row, 0);
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
  while (rows.Step()) jobs.push_back(ReadJobColumns(rows, 0));
  return jobs;
}

std::optional<JobRecord> SqliteRecords::FindRunningJob(const Scope& s, const std::string& app_id,
                                                       const std::string& env) {
  SqliteStatement row = db_.Prepare(FindRunningJobSql());
  row.BindAll(s.account, s.region, app_id, env);
  if (!row.Step()) return std::nullopt;
  return ReadJobColumns(row, 0);
}

std::vector<ScopedJob> SqliteRecords::ListRunningJobs() {
  SqliteStatement rows = db_.Prepare(ListRunningJobsSql());
  std::vector<ScopedJob> jobs;
  while (rows.Step()) {
    jobs.push_back({.scope = {.account = rows.Text(0), .region = rows.Text(1)},
                    .job = ReadJobColumns(rows, 2)});
  }
  return jobs;
}

std::optional<TokenRecord> SqliteRecords::GetToken(const Scope& s, const std::string& app_id,
                                                   const std::string& session_id) {
  SqliteStatement row = db_.Prepare(
      "SELECT app_id, session_id, challenge_code, created_ms, expires_ms FROM tokens "
      "WHERE account = ? AND region = ? AND app_id = ? AND session_id = ?");
  row.BindAll(s.account, s.region, app_id, session_id);
  if (!row.Step()) return std::nullopt;
  return TokenRecord{.app_id = row.Text(0),
                     .session_id = row.Text(1),
                     .challenge_code = row.Text(2),
                     .created_ms = row.Int64(3),
                     .expires_ms = row.Int64(4)};
}

}  // namespace amplify::store
