// The StoreReader half of PgRecords for apps, environments, resources, models and tokens.
// Inside a writer's transaction each read about an app first takes the app's lock: what the
// write decides from it must still hold at its commit.
#include "store/postgres/pg_records.h"

namespace amplify::store {
namespace {

EnvironmentRecord ReadEnvironment(const PgResult& rows, int row) {
  return {.app_id = rows.Text(row, 0), .name = rows.Text(row, 1), .created_ms = rows.Int64(row, 2)};
}

ResourceRecord ReadResource(const PgResult& rows, int row) {
  return {.app_id = rows.Text(row, 0),
          .environment = rows.Text(row, 1),
          .category = rows.Text(row, 2),
          .name = rows.Text(row, 3),
          .config_json = rows.Text(row, 4),
          .created_ms = rows.Int64(row, 5),
          .updated_ms = rows.Int64(row, 6)};
}

}  // namespace

int64_t LockKey(std::initializer_list<std::string_view> parts) {
  uint64_t hash = 14695981039346656037ull;
  bool first = true;
  for (std::string_view part : parts) {
    if (!first) hash = (hash ^ 0x1f) * 1099511628211ull;
    first = false;
    for (unsigned char c : part) hash = (hash ^ c) * 1099511628211ull;
  }
  return static_cast<int64_t>(hash);
}

void PgRecords::Lock(int64_t key) {
  if (!writer_) return;
  for (int64_t held : locks_) {
    if (held == key) return;
  }
  if (locks_.empty()) {
    // Sent with the statement that needs it (one round trip); the server runs it first, and
    // that statement's snapshot is taken after the lock is granted.
    db_.Defer("SELECT pg_advisory_xact_lock(" + std::to_string(key) + ")");
  } else {
    PgResult got = db_.Query("SELECT pg_try_advisory_xact_lock($1)", {key});
    if (got.Text(0, 0) != "t") throw LockBusy{};
  }
  locks_.push_back(key);
}

void PgRecords::LockApp(const Scope& s, const std::string& app_id) {
  if (writer_) Lock(LockKey({"app", s.account, s.region, app_id}));
}

void PgRecords::LockBucket(const std::string& name) {
  if (writer_) Lock(LockKey({"bucket", name}));
}

std::optional<AppRecord> PgRecords::GetApp(const Scope& s, const std::string& app_id) {
  LockApp(s, app_id);
  PgResult row = db_.Query(
      "SELECT app_id, app_name, created_ms, config_json, version FROM apps "
      "WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, app_id});
  if (row.Empty()) return std::nullopt;
  return AppRecord{.app_id = row.Text(0, 0),
                   .app_name = row.Text(0, 1),
                   .created_ms = row.Int64(0, 2),
                   .config_json = row.Text(0, 3),
                   .version = row.Int64(0, 4)};
}

std::optional<int64_t> PgRecords::AppVersion(const Scope& s, const std::string& app_id) {
  LockApp(s, app_id);
  PgResult row = db_.Query(
      "SELECT version FROM apps WHERE account = $1 AND region = $2 AND app_id = $3",
      {s.account, s.region, app_id});
  if (row.Empty()) return std::nullopt;
  return row.Int64(0, 0);
}

std::vector<EnvironmentRecord> PgRecords::ListEnvironments(const Scope& s,
                                                           const std::string& app_id) {
  LockApp(s, app_id);
  PgResult rows = db_.Query(
      "SELECT app_id, name, created_ms FROM environments "
      "WHERE account = $1 AND region = $2 AND app_id = $3 ORDER BY seq",
      {s.account, s.region, app_id});
  std::vector<EnvironmentRecord> environments;
  for (int i = 0; i < rows.Rows(); ++i) environments.push_back(ReadEnvironment(rows, i));
  return environments;
}

std::optional<EnvironmentRecord> PgRecords::GetEnvironment(const Scope& s,
                                                           const std::string& app_id,
                                                           const std::string& env) {
  LockApp(s, app_id);
  PgResult row = db_.Query(
      "SELECT app_id, name, created_ms FROM environments "
      "WHERE account = $1 AND region = $2 AND app_id = $3 AND name = $4",
      {s.account, s.region, app_id, env});
  if (row.Empty()) return std::nullopt;
  return ReadEnvironment(row, 0);
}

std::optional<ResourceRecord> PgRecords::GetResource(const Scope& s, const std::string& app_id,
                                                     const std::string& env,
                                                     const std::string& category,
                                                     const std::string& name) {
  LockApp(s, app_id);
  PgResult row = db_.Query(
      "SELECT app_id, environment, category, name, config_json, created_ms, updated_ms "
      "FROM resources WHERE account = $1 AND region = $2 AND app_id = $3 "
      "AND environment = $4 AND category = $5 AND name = $6",
      {s.account, s.region, app_id, env, category, name});
  if (row.Empty()) return std::nullopt;
  return ReadResource(row, 0);
}

std::vector<ResourceRecord> PgRecords::ListResources(const Scope& s, const std::string& app_id,
                                                     const std::string& env) {
  LockApp(s, app_id);
  PgResult rows = db_.Query(
      "SELECT app_id, environment, category, name, config_json, created_ms, updated_ms "
      "FROM resources WHERE account = $1 AND region = $2 AND app_id = $3 "
      "AND environment = $4 ORDER BY seq",
      {s.account, s.region, app_id, env});
  std::vector<ResourceRecord> resources;
  for (int i = 0; i < rows.Rows(); ++i) resources.push_back(ReadResource(rows, i));
  return resources;
}

std::optional<ApiModelsRecord> PgRecords::GetApiModels(const Scope& s, const std::string& app_id,
                                                       const std::string& env,
                                                       const std::string& api_name) {
  LockApp(s, app_id);
  PgResult row = db_.Query(
      "SELECT schema_version, models, model_introspection_schema, generated_ms FROM api_models "
      "WHERE account = $1 AND region = $2 AND app_id = $3 AND environment = $4 "
      "AND api_name = $5",
      {s.account, s.region, app_id, env, api_name});
  if (row.Empty()) return std::nullopt;
  return ApiModelsRecord{.app_id = app_id,
                         .environment = env,
                         .api_name = api_name,
                         .schema_version = row.Int64(0, 0),
                         .models = row.Text(0, 1),
                         .model_introspection_schema = row.Text(0, 2),
                         .generated_ms = row.Int64(0, 3)};
}

std::optional<TokenRecord> PgRecords::GetToken(const Scope& s, const std::string& app_id,
                                               const std::string& session_id) {
  LockApp(s, app_id);
  PgResult row = db_.Query(
      "SELECT app_id, session_id, challenge_code, created_ms, expires_ms FROM tokens "
      "WHERE account = $1 AND region = $2 AND app_id = $3 AND session_id = $4",
      {s.account, s.region, app_id, session_id});
  if (row.Empty()) return std::nullopt;
  return TokenRecord{.app_id = row.Text(0, 0),
                     .session_id = row.Text(0, 1),
                     .challenge_code = row.Text(0, 2),
                     .created_ms = row.Int64(0, 3),
                     .expires_ms = row.Int64(0, 4)};
}

}  // namespace amplify::store
