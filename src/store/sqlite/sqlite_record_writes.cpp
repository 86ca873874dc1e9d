// The StoreWriter half of SqliteRecords. Each method is one or a few statements; the
// transaction and savepoint around them belong to the writer thread (group_commit_writer.cpp).
#include "store/sqlite/sqlite_records.h"

namespace amplify::store {

void SqliteRecords::PutApp(const Scope& s, const AppRecord& app) {
  db_.Prepare(
         "INSERT OR REPLACE INTO apps (account, region, app_id, app_name, created_ms, config_json) "
         "VALUES (?, ?, ?, ?, ?, ?)")
      .BindAll(s.account, s.region, app.app_id, app.app_name, app.created_ms, app.config_json)
      .Run();
}

void SqliteRecords::DeleteApp(const Scope& s, const std::string& app_id) {
  // Jobs stay: their history outlives the app (store.h).
  for (std::string_view sql : {
           "DELETE FROM apps WHERE account = ? AND region = ? AND app_id = ?",
           "DELETE FROM environments WHERE account = ? AND region = ? AND app_id = ?",
           "DELETE FROM resources WHERE account = ? AND region = ? AND app_id = ?",
           "DELETE FROM tokens WHERE account = ? AND region = ? AND app_id = ?",
       }) {
    db_.Prepare(sql).BindAll(s.account, s.region, app_id).Run();
  }
}

void SqliteRecords::PutEnvironment(const Scope& s, const EnvironmentRecord& env) {
  // An upsert rather than REPLACE keeps the row's seq, and with it the creation order.
  db_.Prepare(
         "INSERT INTO environments (account, region, app_id, name, created_ms) "
         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, region, app_id, name) "
         "DO UPDATE SET created_ms = excluded.created_ms")
      .BindAll(s.account, s.region, env.app_id, env.name, env.created_ms)
      .Run();
}

void SqliteRecords::DeleteEnvironment(const Scope& s, const std::string& app_id,
                                      const std::string& env) {
  db_.Prepare(
         "DELETE FROM environments WHERE account = ? AND region = ? AND app_id = ? AND name = ?")
      .BindAll(s.account, s.region, app_id, env)
      .Run();
  db_.Prepare(
         "DELETE FROM resources "
         "WHERE account = ? AND region = ? AND app_id = ? AND environment = ?")
      .BindAll(s.account, s.region, app_id, env)
      .Run();
}

void SqliteRecords::PutResource(const Scope& s, const ResourceRecord& r) {
  db_.Prepare(
         "INSERT INTO resources (account, region, app_id, environment, category, name, "
         "config_json, created_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
         "ON CONFLICT (account, region, app_id, environment, category, name) DO UPDATE SET "
         "config_json = excluded.config_json, created_ms = excluded.created_ms, "
         "updated_ms = excluded.updated_ms")
      .BindAll(s.account, s.region, r.app_id, r.environment, r.category, r.name, r.config_json,
               r.created_ms, r.updated_ms)
      .Run();
}

void SqliteRecords::DeleteResource(const Scope& s, const std::string& app_id,
                                   const std::string& env, const std::string& category,
                                   const std::string& name) {
  db_.Prepare(
         "DELETE FROM resources WHERE account = ? AND region = ? AND app_id = ? "
         "AND environment = ? AND category = ? AND name = ?")
      .BindAll(s.account, s.region, app_id, env, category, name)
      .Run();
}

void SqliteRecords::PutJob(const Scope& s, JobRecord& job) {
  SqliteStatement row = db_.Prepare(
      "INSERT INTO jobs (account, region, app_id, environment, job_id, operation, status, error, "
      "create_ms, update_ms, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (account, region, app_id, job_id) DO UPDATE SET "
      "environment = excluded.environment, operation = excluded.operation, "
      "status = excluded.status, error = excluded.error, create_ms = excluded.create_ms, "
      "update_ms = excluded.update_ms, payload_json = excluded.payload_json "
      "RETURNING seq");
  row.BindAll(s.account, s.region, job.app_id, job.environment, job.job_id, job.operation,
              job.status, job.error, job.create_ms, job.update_ms, job.payload_json);
  if (row.Step()) job.seq = row.Int64(0);
  row.Run();  // RETURNING rows must be stepped to completion for the change to finish
}

void SqliteRecords::PutToken(const Scope& s, const TokenRecord& t) {
  db_.Prepare(
         "INSERT OR REPLACE INTO tokens (account, region, app_id, session_id, challenge_code, "
         "created_ms, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .BindAll(s.account, s.region, t.app_id, t.session_id, t.challenge_code, t.created_ms,
               t.expires_ms)
      .Run();
}

void SqliteRecords::DeleteToken(const Scope& s, const std::string& app_id,
                                const std::string& session_id) {
  db_.Prepare(
         "DELETE FROM tokens WHERE account = ? AND region = ? AND app_id = ? AND session_id = ?")
      .BindAll(s.account, s.region, app_id, session_id)
      .Run();
}

}  // namespace amplify::store
