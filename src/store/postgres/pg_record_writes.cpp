// The StoreWriter half of PgRecords for apps, environments, resources, models and tokens. Each
// method takes the app's lock first (pg_records.h); the transaction and savepoints around them
// belong to the writer (pg_writer.cpp).
#include <fmt/format.h>

#include "store/postgres/pg_records.h"

namespace amplify::store {

void PgRecords::BumpAppVersion(const Scope& s, const std::string& app_id) {
  db_.Query(
      "UPDATE apps SET version = version + 1 WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, app_id});
}

void PgRecords::PutApp(const Scope& s, const AppRecord& app) {
  LockApp(s, app.app_id);
  db_.Query(
      "INSERT INTO apps (account, region, app_id, app_name, created_ms, config_json, version) "
      "VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (account, region, app_id) DO UPDATE SET "
      "app_name = excluded.app_name, created_ms = excluded.created_ms, "
      "config_json = excluded.config_json, version = apps.version + 1",
      {s.account, s.region, app.app_id, app.app_name, app.created_ms, app.config_json});
}

void PgRecords::PutAppIfAbsent(const Scope& s, const AppRecord& app) {
  LockApp(s, app.app_id);
  db_.Query(
      "INSERT INTO apps (account, region, app_id, app_name, created_ms, config_json, version) "
      "VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (account, region, app_id) DO UPDATE SET "
      "version = apps.version + 1",
      {s.account, s.region, app.app_id, app.app_name, app.created_ms, app.config_json});
}

// An upsert keeps the row's seq, and with it the creation order; a new environment comes after
// the app's others (seq counts per app, under the app's lock).
void PgRecords::UpsertEnvironment(const Scope& s, const EnvironmentRecord& env) {
  db_.Query(
      "INSERT INTO environments (account, region, app_id, name, seq, created_ms) "
      "VALUES ($1, $2, $3, $4, (SELECT coalesce(max(seq), 0) + 1 FROM environments "
      "WHERE account = $1 AND region = $2 AND app_id = $3), $5) "
      "ON CONFLICT (account, region, app_id, name) DO UPDATE SET created_ms = excluded.created_ms",
      {s.account, s.region, env.app_id, env.name, env.created_ms});
}

// The app unless it exists (an existing one's version bumped once), and the environment: one
// statement, as this is every CreateBackend's write.
void PgRecords::CreateEnvironment(const Scope& s, const AppRecord& app,
                                  const EnvironmentRecord& env) {
  LockApp(s, app.app_id);
  db_.Query(
      "WITH app AS (INSERT INTO apps (account, region, app_id, app_name, created_ms, config_json, "
      "version) VALUES ($1, $2, $3, $4, $5, $6, 1) ON CONFLICT (account, region, app_id) "
      "DO UPDATE SET version = apps.version + 1) "
      "INSERT INTO environments (account, region, app_id, name, seq, created_ms) "
      "VALUES ($1, $2, $3, $7, (SELECT coalesce(max(seq), 0) + 1 FROM environments "
      "WHERE account = $1 AND region = $2 AND app_id = $3), $8) "
      "ON CONFLICT (account, region, app_id, name) DO UPDATE SET created_ms = excluded.created_ms",
      {s.account, s.region, app.app_id, app.app_name, app.created_ms, app.config_json, env.name,
       env.created_ms});
}

void PgRecords::DeleteApp(const Scope& s, const std::string& app_id) {
  LockApp(s, app_id);
  // Jobs stay: their history outlives the app (store.h). One statement, one round trip.
  db_.Query(
      "WITH a AS (DELETE FROM apps WHERE account = $1 AND region = $2 AND app_id = $3), "
      "e AS (DELETE FROM environments WHERE account = $1 AND region = $2 AND app_id = $3), "
      "r AS (DELETE FROM resources WHERE account = $1 AND region = $2 AND app_id = $3), "
      "m AS (DELETE FROM api_models WHERE account = $1 AND region = $2 AND app_id = $3) "
      "DELETE FROM tokens WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, app_id});
}

void PgRecords::PutEnvironment(const Scope& s, const EnvironmentRecord& env) {
  LockApp(s, env.app_id);
  UpsertEnvironment(s, env);
  BumpAppVersion(s, env.app_id);
}

void PgRecords::DeleteEnvironment(const Scope& s, const std::string& app_id,
                                  const std::string& env) {
  LockApp(s, app_id);
  db_.Query(
      "WITH e AS (DELETE FROM environments "
      "WHERE account = $1 AND region = $2 AND app_id = $3 AND name = $4), "
      "r AS (DELETE FROM resources "
      "WHERE account = $1 AND region = $2 AND app_id = $3 AND environment = $4), "
      "m AS (DELETE FROM api_models "
      "WHERE account = $1 AND region = $2 AND app_id = $3 AND environment = $4) "
      "UPDATE apps SET version = version + 1 WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, app_id, env});
}

void PgRecords::CopyEnvironment(const Scope& s, const std::string& app_id,
                                const std::string& from, const std::string& to, int64_t now_ms) {
  LockApp(s, app_id);
  // ORDER BY seq: the copies keep the source's creation order.
  db_.Query(
      "INSERT INTO resources (account, region, app_id, environment, category, name, "
      "config_json, created_ms, updated_ms) "
      "SELECT account, region, app_id, $1, category, name, config_json, $2, $2 FROM resources "
      "WHERE account = $3 AND region = $4 AND app_id = $5 AND environment = $6 ORDER BY seq "
      "ON CONFLICT (account, region, app_id, environment, category, name) DO UPDATE SET "
      "config_json = excluded.config_json, created_ms = excluded.created_ms, "
      "updated_ms = excluded.updated_ms",
      {to, now_ms, s.account, s.region, app_id, from});
  db_.Query(
      "INSERT INTO api_models (account, region, app_id, environment, api_name, "
      "schema_version, models, model_introspection_schema, generated_ms) "
      "SELECT account, region, app_id, $1, api_name, schema_version, models, "
      "model_introspection_schema, generated_ms FROM api_models "
      "WHERE account = $2 AND region = $3 AND app_id = $4 AND environment = $5 "
      "ON CONFLICT (account, region, app_id, environment, api_name) DO UPDATE SET "
      "schema_version = excluded.schema_version, models = excluded.models, "
      "model_introspection_schema = excluded.model_introspection_schema, "
      "generated_ms = excluded.generated_ms",
      {to, s.account, s.region, app_id, from});
  BumpAppVersion(s, app_id);
}

void PgRecords::PutResource(const Scope& s, const ResourceRecord& r) {
  LockApp(s, r.app_id);
  db_.Query(
      "WITH put AS (INSERT INTO resources (account, region, app_id, environment, category, name, "
      "config_json, created_ms, updated_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
      "ON CONFLICT (account, region, app_id, environment, category, name) DO UPDATE SET "
      "config_json = excluded.config_json, created_ms = excluded.created_ms, "
      "updated_ms = excluded.updated_ms) "
      "UPDATE apps SET version = version + 1 WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, r.app_id, r.environment, r.category, r.name, r.config_json,
       r.created_ms, r.updated_ms});
}

void PgRecords::DeleteResource(const Scope& s, const std::string& app_id, const std::string& env,
                               const std::string& category, const std::string& name) {
  LockApp(s, app_id);
  // For an API, its models go too.
  db_.Query(
      "WITH r AS (DELETE FROM resources WHERE account = $1 AND region = $2 AND app_id = $3 "
      "AND environment = $4 AND category = $5 AND name = $6), "
      "m AS (DELETE FROM api_models WHERE $5 = 'api' AND account = $1 AND region = $2 "
      "AND app_id = $3 AND environment = $4 AND api_name = $6) "
      "UPDATE apps SET version = version + 1 WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, app_id, env, category, name});
}

void PgRecords::PutApiModels(const Scope& s, const ApiModelsRecord& m) {
  LockApp(s, m.app_id);
  db_.Query(
      "WITH put AS (INSERT INTO api_models (account, region, app_id, environment, api_name, "
      "schema_version, models, model_introspection_schema, generated_ms) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
      "ON CONFLICT (account, region, app_id, environment, api_name) DO UPDATE SET "
      "schema_version = excluded.schema_version, models = excluded.models, "
      "model_introspection_schema = excluded.model_introspection_schema, "
      "generated_ms = excluded.generated_ms) "
      "UPDATE apps SET version = version + 1 WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, m.app_id, m.environment, m.api_name, m.schema_version, m.models,
       m.model_introspection_schema, m.generated_ms});
}

void PgRecords::PutToken(const Scope& s, const TokenRecord& t) {
  LockApp(s, t.app_id);
  db_.Query(
      "INSERT INTO tokens (account, region, app_id, session_id, challenge_code, created_ms, "
      "expires_ms) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      "ON CONFLICT (account, region, app_id, session_id) DO UPDATE SET "
      "challenge_code = excluded.challenge_code, created_ms = excluded.created_ms, "
      "expires_ms = excluded.expires_ms",
      {s.account, s.region, t.app_id, t.session_id, t.challenge_code, t.created_ms,
       t.expires_ms});
}

void PgRecords::DeleteToken(const Scope& s, const std::string& app_id,
                            const std::string& session_id) {
  LockApp(s, app_id);
  db_.Query(
      "DELETE FROM tokens WHERE account = $1 AND region = $2 AND app_id = $3 AND session_id = $4",
      {s.account, s.region, app_id, session_id});
}

Status PgRecords::Atomically(const std::function<Status()>& fn) {
  // Nested savepoints get their own names, so an inner rollback stops at its own.
  const int depth = ++savepoint_depth_;
  const size_t locks = locks_.size();
  auto run = [&](std::string_view verb) { db_.Exec(fmt::format("{} atomically{}", verb, depth)); };
  run("SAVEPOINT");
  Status status;
  try {
    status = fn();
  } catch (...) {
    --savepoint_depth_;
    // The whole write is undone by the writer (a lock conflict, a lost connection or an
    // error): leave the savepoint to that rollback.
    throw;
  }
  if (!status.ok()) {
    run("ROLLBACK TO");
    ForgetLocksAfter(locks);
  }
  run("RELEASE");
  --savepoint_depth_;
  return status;
}

}  // namespace amplify::store
