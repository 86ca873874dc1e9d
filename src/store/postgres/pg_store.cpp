#include "store/postgres/pg_store.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>

#include "store/migrations/postgres_migrations.h"

namespace amplify::store {
namespace {

uint64_t NextStoreId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

// Any constant every server uses: processes starting at once migrate one after the other.
constexpr int64_t kMigrationLock = 0x616d706c69667931;  // "amplify1"

// Applies the pending migrations in one transaction while holding the migration lock; the
// others wait for it and then find nothing to do.
void Migrate(PgConnection& db) {
  db.Exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLock) + ")");
  try {
    db.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
        "applied_ms BIGINT NOT NULL)");
    PgResult current = db.Query("SELECT coalesce(max(version), 0) FROM schema_migrations");
    const int64_t applied = current.Int64(0, 0);
    std::span<const Migration> migrations = PostgresMigrations();
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (applied > latest) {
      throw std::runtime_error(fmt::format(
          "database schema version {} is newer than this server's ({})", applied, latest));
    }
    int count = 0;
    db.Exec("BEGIN");
    for (const Migration& migration : migrations) {
      if (migration.version <= applied) continue;
      db.Exec(migration.sql);
      db.Query(
          "INSERT INTO schema_migrations (version, applied_ms) "
          "VALUES ($1, (extract(epoch from now()) * 1000)::bigint)",
          {migration.version});
      ++count;
    }
    db.Exec("COMMIT");
    if (count > 0) spdlog::info("store: applied {} migration(s), schema version {}", count, latest);
  } catch (...) {
    try {
      db.Exec("ROLLBACK");
      db.Exec("SELECT pg_advisory_unlock_all()");
    } catch (const std::exception&) {
      // The session ends with the connection, and its locks with it.
    }
    throw;
  }
  db.Exec("SELECT pg_advisory_unlock_all()");
}

struct CachedReader {
  uint64_t store_id;
  std::weak_ptr<const bool> store_alive;
  void* connection;  // PgStore::ReadConnection
};

}  // namespace

PgStore::PgStore(const PostgresOptions& options) : id_(NextStoreId()), conninfo_(options.url) {
  {
    PgConnection db(conninfo_);
    Migrate(db);
  }
  writers_ = std::make_unique<PgWriters>(conninfo_, std::max(options.writers, 1));
  spdlog::info("store: postgresql opened ({} writer connection(s))", std::max(options.writers, 1));
}

PgStore::~PgStore() {
  writers_->Close();
  writers_.reset();
  alive_.reset();
  readers_.clear();
}

PgStore::ReadConnection& PgStore::ThreadConnection() {
  // The request path finds its connection here without taking any lock.
  thread_local std::vector<CachedReader> cache;
  for (const CachedReader& cached : cache) {
    if (cached.store_id == id_) return *static_cast<ReadConnection*>(cached.connection);
  }
  std::erase_if(cache, [](const CachedReader& c) { return c.store_alive.expired(); });
  auto db = std::make_unique<PgConnection>(conninfo_);  // StoreUnavailable when down
  db->ReconnectOnUse();
  std::lock_guard lock(readers_mu_);
  readers_.push_back(std::make_unique<ReadConnection>(std::move(db)));
  cache.push_back({id_, alive_, readers_.back().get()});
  return *readers_.back();
}

StoreReader& PgStore::Reader() { return ThreadConnection().records; }

void PgStore::Write(WriteFn fn, WriteDone done) { writers_->Write(std::move(fn), std::move(done)); }

bool PgStore::Reachable() {
  try {
    ThreadConnection().db->Query("SELECT 1");
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

std::unique_ptr<Store> OpenPostgresStore(const PostgresOptions& options) {
  return std::make_unique<PgStore>(options);
}

}  // namespace amplify::store
