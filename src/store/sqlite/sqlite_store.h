#pragma once
// The embedded store (docs/ARCHITECTURE.md "Store"): SQLite in WAL mode, one writer thread
// doing group commit, one read connection per reading thread.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sqlite/group_commit_writer.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_records.h"
#include "store/store.h"

namespace amplify::store {

class SqliteStore final : public Store {
 public:
  // Opens (creating and migrating as needed); throws std::runtime_error on failure.
  explicit SqliteStore(const SqliteOptions& options);
  // Finishes queued writes, then closes every connection.
  ~SqliteStore() override;

  StoreReader& Reader() override;
  void Write(WriteFn fn, WriteDone done) override;
  std::string Kind() const override { return in_memory_ ? "memory" : "sqlite"; }
  // sqlite_dump.cpp
  void ScanTable(const DumpTable& table,
                 const std::function<void(const DumpRow&)>& on_row) override;
  void InsertRows(const DumpTable& table, const std::vector<DumpRow>& rows) override;
  bool Empty() override;

  uint64_t CommitCount() const { return writer_->CommitCount(); }

 private:
  struct ReadConnection {
    explicit ReadConnection(std::unique_ptr<SqliteConnection> connection)
        : db(std::move(connection)), records(*db) {}
    std::unique_ptr<SqliteConnection> db;
    SqliteRecords records;
  };

  std::unique_ptr<SqliteConnection> OpenConnection() const;
  void RefuseIfInUse() const;
  ReadConnection& OpenReadConnection();

  const uint64_t id_;  // unique per instance for the process's lifetime, never reused
  const bool in_memory_;
  std::string filename_;
  // Thread-local reader caches hold a weak reference, so they can drop dead stores' entries.
  std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
  std::mutex readers_mu_;  // taken only when a thread reads from this store the first time
  std::vector<std::unique_ptr<ReadConnection>> readers_;
  std::unique_ptr<GroupCommitWriter> writer_;
};

}  // namespace amplify::store
