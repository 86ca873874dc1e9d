#pragma once
// The shared store (docs/ARCHITECTURE.md "Several processes"): PostgreSQL, one connection per
// reading thread (autocommit: each read sees every committed write, of any process) and a few
// writer threads (pg_writer.h). Several server processes may share one database.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_records.h"
#include "store/postgres/pg_writer.h"
#include "store/store.h"

namespace amplify::store {

class PgStore final : public Store {
 public:
  // Connects and migrates; throws StoreUnavailable or PgError.
  explicit PgStore(const PostgresOptions& options);
  ~PgStore() override;

  StoreReader& Reader() override;
  void Write(WriteFn fn, WriteDone done) override;
  std::string Kind() const override { return "postgresql"; }
  bool Reachable() override;

  // pg_dump.cpp
  void ScanTable(const DumpTable& table,
                 const std::function<void(const DumpRow&)>& on_row) override;
  void InsertRows(const DumpTable& table, const std::vector<DumpRow>& rows) override;
  bool Empty() override;

 private:
  struct ReadConnection {
    explicit ReadConnection(std::unique_ptr<PgConnection> connection)
        : db(std::move(connection)), records(*db, /*writer=*/false) {}
    std::unique_ptr<PgConnection> db;
    PgRecords records;
  };
  ReadConnection& ThreadConnection();

  const uint64_t id_;  // unique per instance for the process's lifetime
  const std::string conninfo_;
  std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
  std::mutex readers_mu_;  // taken only when a thread reads from this store the first time
  std::vector<std::unique_ptr<ReadConnection>> readers_;
  std::unique_ptr<PgWriters> writers_;
};

}  // namespace amplify::store
