// The StoreReader half of SqliteRecords for apps, environments, resources, models and tokens.
#include <fmt/format.h>

#include "store/sqlite/sqlite_records.h"

namespace amplify::store {
namespace {

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
      "SELECT app_id, app_name, created_ms, config_json, version FROM apps "
      "WHERE account = ? AND region = ? AND app_id = ?");
  row.BindAll(s.account, s.region, app_id);
  if (!row.Step()) return std::nullopt;
  return AppRecord{.app_id = row.Text(0),
                   .app_name = row.Text(1),
                   .created_ms = row.Int64(2),
                   .config_json = row.Text(3),
                   .version = row.Int64(4)};
}

std::optional<int64_t> SqliteRecords::AppVersion(const Scope& s, const std::string& app_id) {
  SqliteStatement row =
      db_.Prepare("SELECT version FROM apps WHERE account = ? AND region = ? AND app_id = ?");
  row.BindAll(s.account, s.region, app_id);
  if (!row.Step()) return std::nullopt;
  return row.Int64(0);
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

std::optional<ApiModelsRecord> SqliteRecords::GetApiModels(const Scope& s,
                                                           const std::string& app_id,
                                                           const std::string& env,
                                                           const std::string& api_name) {
  SqliteStatement row = db_.Prepare(
      "SELECT schema_version, models, model_introspection_schema, generated_ms FROM api_models "
      "WHERE account = ? AND region = ? AND app_id = ? AND environment = ? AND api_name = ?");
  row.BindAll(s.account, s.region, app_id, env, api_name);
  if (!row.Step()) return std::nullopt;
  return ApiModelsRecord{.app_id = app_id,
                         .environment = env,
                         .api_name = api_name,
                         .schema_version = row.Int64(0),
                         .models = row.Text(1),
                         .model_introspection_schema = row.Text(2),
                         .generated_ms = row.Int64(3)};
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
