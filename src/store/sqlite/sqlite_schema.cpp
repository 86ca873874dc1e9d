#include "store/sqlite/sqlite_schema.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

namespace amplify::store {
namespace {

int ApplyPending(SqliteConnection& db, std::span<const Migration> migrations) {
  const int64_t current = db.QueryInt("PRAGMA user_version");
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    throw std::runtime_error(fmt::format(
        "database schema version {} is newer than this server's ({})", current, latest));
  }
  int applied = 0;
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    db.Exec(std::string(migration.sql));
    db.Exec(fmt::format("PRAGMA user_version = {}", migration.version));
    ++applied;
  }
  return applied;
}

}  // namespace

int MigrateSqliteSchema(SqliteConnection& db, std::span<const Migration> migrations) {
  db.Exec("BEGIN IMMEDIATE");
  int applied = 0;
  try {
    applied = ApplyPending(db, migrations);
    db.Exec("COMMIT");
  } catch (...) {
    if (sqlite3_get_autocommit(db.handle()) == 0) db.Exec("ROLLBACK");
    throw;
  }
  if (applied > 0) {
    spdlog::info("store: applied {} migration(s), schema version {}", applied,
                 migrations.back().version);
  }
  return applied;
}

}  // namespace amplify::store
