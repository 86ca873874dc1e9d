// The StoreWriter half of SqliteRecords for apps, environments, resources, models and tokens.
// Each method is one or a few statements; the transaction and savepoint around them belong to
// the writer thread (group_commit_writer.cpp).
#include <fmt/format.h>

#include "store/sqlite/sqlite_records.h"

namespace amplify::store {

void SqliteRecords::BumpAppVersion(const Scope& s, const std::string& app_id) {
  db_.Prepare(
         "UPDATE apps SET version = version + 1 WHERE account = ? AND region = ? AND app_id = ?")
      .BindAll(s.account, s.region, app_id)
      .Run();
}

void SqliteRecords::PutApp(const Scope& s, const AppRecord& app) {
  db_.Prepare(
         "INSERT INTO apps (account, region, app_id, app_name, created_ms, config_json, version) "
         "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (account, region, app_id) DO UPDATE SET "
         "app_name = excluded.app_name, created_ms = excluded.created_ms, "
         "config_json = excluded.config_json, version = apps.version + 1")
      .BindAll(s.account, s.region, app.app_id, app.app_name, app.created_ms, app.config_json)
      .Run();
}

void SqliteRecords::PutAppIfAbsent(const Scope& s, const AppRecord& app) {
  db_.Prepare(
         "INSERT INTO apps (account, region, app_id, app_name, created_ms, config_json, version) "
         "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (account, region, app_id) DO UPDATE SET "
         "version = apps.version + 1")
      .BindAll(s.account, s.region, app.app_id, app.app_name, app.created_ms, app.config_json)
      .Run();
}

// An upsert rather than REPLACE keeps the row's seq, and with it the creation order. A new
// environment comes after the app's others: seq counts per app, read off the primary key.
void SqliteRecords::UpsertEnvironment(const Scope& s, const EnvironmentRecord& env) {
  db_.Prepare(
         "INSERT INTO environments (account, region, app_id, name, seq, created_ms) "
         "VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(seq), 0) + 1 FROM environments "
         "WHERE account = ?1 AND region = ?2 AND app_id = ?3), ?5) "
         "ON CONFLICT (account, region, app_id, name) DO UPDATE SET created_ms = excluded.created_ms")
      .BindAll(s.account, s.region, env.app_id, env.name, env.created_ms)
      .Run();
}

void SqliteRecords::CreateEnvironment(const Scope& s, const AppRecord& app,
                                      const EnvironmentRecord& env) {
  PutAppIfAbsent(s, app);  // bumps the version of an existing app: no second bump below
  UpsertEnvironment(s, env);
}

void SqliteRecords::DeleteApp(const Scope& s, const std::string& app_id) {
  // Jobs stay: their history outlives the app (store.h).
  for (std::string_view sql : {
           "DELETE FROM apps WHERE account = ? AND region = ? AND app_id = ?",
           "DELETE FROM environments WHERE account = ? AND region = ? AND app_id = ?",
           "DELETE FROM resources WHERE account = ? AND region = ? AND app_id = ?",
           "DELETE FROM api_models WHERE account = ? AND region = ? AND app_id = ?",
           "DELETE FROM tokens WHERE account = ? AND region = ? AND app_id = ?",
       }) {
    db_.Prepare(sql).BindAll(s.account, s.region, app_id).Run();
  }
}

void SqliteRecords::PutEnvironment(const Scope& s, const EnvironmentRecord& env) {
  UpsertEnvironment(s, env);
  BumpAppVersion(s, env.app_id);
}

void SqliteRecords::DeleteEnvironment(const Scope& s, const std::string& app_id,
                                      const std::string& env) {
  for (std::string_view sql : {
           "DELETE FROM environments WHERE account = ? AND region = ? AND app_id = ? AND name = ?",
           "DELETE FROM resources "
           "WHERE account = ? AND region = ? AND app_id = ? AND environment = ?",
           "DELETE FROM api_models "
           "WHERE account = ? AND region = ? AND app_id = ? AND environment = ?",
       }) {
    db_.Prepare(sql).BindAll(s.account, s.region, app_id, env).Run();
  }
  BumpAppVersion(s, app_id);
}

void SqliteRecords::CopyEnvironment(const Scope& s, const std::string& app_id,
                                    const std::string& from, const std::string& to,
                                    int64_t now_ms) {
  // ORDER BY seq: the copies keep the source's creation order.
  db_.Prepare(
         "INSERT INTO resources (account, region, app_id, environment, category, name, "
         "config_json, created_ms, updated_ms) "
         "SELECT account, region, app_id, ?, category, name, config_json, ?, ? FROM resources "
         "WHERE account = ? AND region = ? AND app_id = ? AND environment = ? ORDER BY seq "
         "ON CONFLICT (account, region, app_id, environment, category, name) DO UPDATE SET "
         "config_json = excluded.config_json, created_ms = excluded.created_ms, "
         "updated_ms = excluded.updated_ms")
      .BindAll(to, now_ms, now_ms, s.account, s.region, app_id, from)
      .Run();
  db_.Prepare(
         "INSERT OR REPLACE INTO api_models (account, region, app_id, environment, api_name, "
         "schema_version, models, model_introspection_schema, generated_ms) "
         "SELECT account, region, app_id, ?, api_name, schema_version, models, "
         "model_introspection_schema, generated_ms FROM api_models "
         "WHERE account = ? AND region = ? AND app_id = ? AND environment = ?")
      .BindAll(to, s.account, s.region, app_id, from)
      .Run();
  BumpAppVersion(s, app_id);
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
  BumpAppVersion(s, r.app_id);
}

void SqliteRecords::DeleteResource(const Scope& s, const std::string& app_id,
                                   const std::string& env, const std::string& category,
                                   const std::string& name) {
  db_.Prepare(
         "DELETE FROM resources WHERE account = ? AND region = ? AND app_id = ? "
         "AND environment = ? AND category = ? AND name = ?")
      .BindAll(s.account, s.region, app_id, env, category, name)
      .Run();
  if (category == "api") {
    db_.Prepare(
           "DELETE FROM api_models WHERE account = ? AND region = ? AND app_id = ? "
           "AND environment = ? AND api_name = ?")
        .BindAll(s.account, s.region, app_id, env, name)
        .Run();
  }
  BumpAppVersion(s, app_id);
}

void SqliteRecords::PutApiModels(const Scope& s, const ApiModelsRecord& m) {
  db_.Prepare(
         "INSERT OR REPLACE INTO api_models (account, region, app_id, environment, api_name, "
         "schema_version, models, model_introspection_schema, generated_ms) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .BindAll(s.account, s.region, m.app_id, m.environment, m.api_name, m.schema_version, m.models,
               m.model_introspection_schema, m.generated_ms)
      .Run();
  BumpAppVersion(s, m.app_id);
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

Status SqliteRecords::Atomically(const std::function<Status()>& fn) {
  // Nested savepoints get their own names, so an inner rollback stops at its own; the
  // statements are prepared once per depth (the connection caches them).
  const int depth = ++savepoint_depth_;
  auto run = [&](std::string_view verb) {
    db_.Prepare(fmt::format("{} atomically{}", verb, depth)).Run();
  };
  run("SAVEPOINT");
  Status status;
  try {
    status = fn();
  } catch (...) {
    Forget();
    run("ROLLBACK TO");
    run("RELEASE");
    --savepoint_depth_;
    throw;
  }
  if (!status.ok()) {
    Forget();
    run("ROLLBACK TO");
  }
  run("RELEASE");
  --savepoint_depth_;
  return status;
}

}  // namespace amplify::store
