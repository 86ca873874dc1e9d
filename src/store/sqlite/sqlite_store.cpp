#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "store/sqlite/sqlite_schema.h"

namespace amplify::store {
namespace {

uint64_t NextStoreId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

// Each in-memory store gets its own memdb database. The leading "/" makes the name shared by
// every connection of this process, so the reader and writer connections see one database.
std::string MemoryDatabaseUri(uint64_t store_id) {
  return fmt::format("file:/amplifybackend-{}?vfs=memdb", store_id);
}

// "unix-excl": the process holds the database file exclusively and keeps the WAL index in its
// own memory, so a read transaction takes no file lock. With the default VFS every read costs
// fcntl() calls and a process-wide mutex that the event loops contend on — a fifth of a read's
// CPU — and keeping snapshots open instead starves the WAL checkpoint. The data dir is then
// this process's alone while it runs, which the embedded store assumes anyway.
constexpr const char* kFileVfs = "unix-excl";

std::string PrepareDatabaseFile(const std::string& data_dir) {
  std::filesystem::create_directories(data_dir);
  return (std::filesystem::path(data_dir) / "amplifybackend.db").string();
}

struct CachedReader {
  uint64_t store_id;
  std::weak_ptr<const bool> store_alive;
  void* connection;  // SqliteStore::ReadConnection
};

}  // namespace

SqliteStore::SqliteStore(const SqliteOptions& options)
    : id_(NextStoreId()),
      in_memory_(options.in_memory),
      filename_(in_memory_ ? MemoryDatabaseUri(id_) : PrepareDatabaseFile(options.data_dir)) {
  if (!in_memory_) RefuseIfInUse();
  auto db = OpenConnection();
  if (in_memory_) {
    // memdb has no WAL, and the default rollback journal would be a file on disk.
    db->Exec("PRAGMA journal_mode = MEMORY");
  } else {
    // journal_mode reports the mode it ended in; a file system without shared memory keeps
    // the old one, which still works, just with readers and the writer blocking each other.
    SqliteStatement mode = db->Prepare("PRAGMA journal_mode = WAL");
    if (!mode.Step() || mode.Text(0) != "wal") {
      spdlog::warn("store: {} could not switch to WAL mode", filename_);
    }
  }
  MigrateSqliteSchema(*db);
  writer_ = std::make_unique<GroupCommitWriter>(std::move(db));
  spdlog::info("store: {} opened ({})", filename_, Kind());
}

SqliteStore::~SqliteStore() {
  // Drain first, while Write() still works: a `done` callback may queue another write.
  writer_->Close();
  writer_.reset();
  alive_.reset();
  readers_.clear();
}

// Another server holds the file (unix-excl): say so at once, rather than after the busy timeout
// with SQLite's "database is locked".
void SqliteStore::RefuseIfInUse() const {
  SqliteConnection probe(filename_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, kFileVfs);
  sqlite3_busy_timeout(probe.handle(), 0);
  try {
    probe.QueryInt("SELECT count(*) FROM sqlite_master");
  } catch (const std::runtime_error&) {
    if ((sqlite3_errcode(probe.handle()) & 0xFF) != SQLITE_BUSY) throw;
    throw std::runtime_error(fmt::format(
        "store: {} is in use by another process; a data dir belongs to one running server",
        filename_));
  }
}

std::unique_ptr<SqliteConnection> SqliteStore::OpenConnection() const {
  // SQLite's memory statistics take one process-wide mutex on every allocation, which every
  // reading thread would contend on; nothing here reads them. (Must precede the first open.)
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  // NOMUTEX: every connection is used by one thread at a time (its reader thread or the writer).
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (in_memory_) flags |= SQLITE_OPEN_URI;
  auto db = std::make_unique<SqliteConnection>(filename_, flags, in_memory_ ? nullptr : kFileVfs);
  // FULL: a commit is acknowledged only once it survives power loss (docs/DECISIONS.md
  // "Durability").
  db->Exec("PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY");
  if (in_memory_) db->Exec("PRAGMA journal_mode = MEMORY");
  return db;
}

StoreReader& SqliteStore::Reader() {
  // The request path finds its connection here without taking any lock.
  thread_local std::vector<CachedReader> cache;
  for (const CachedReader& cached : cache) {
    if (cached.store_id == id_) return static_cast<ReadConnection*>(cached.connection)->records;
  }
  std::erase_if(cache, [](const CachedReader& c) { return c.store_alive.expired(); });
  ReadConnection& connection = OpenReadConnection();
  cache.push_back({id_, alive_, &connection});
  return connection.records;
}

SqliteStore::ReadConnection& SqliteStore::OpenReadConnection() {
  auto db = OpenConnection();
  // A reader must never write: all writes go through the writer thread's transaction.
  db->Exec("PRAGMA query_only = ON");
  std::lock_guard lock(readers_mu_);
  readers_.push_back(std::make_unique<ReadConnection>(std::move(db)));
  return *readers_.back();
}

void SqliteStore::Write(WriteFn fn, WriteDone done) {
  writer_->Write(std::move(fn), std::move(done));
}

std::unique_ptr<Store> OpenSqliteStore(const SqliteOptions& options) {
  return std::make_unique<SqliteStore>(options);
}

}  // namespace amplify::store
