#pragma once
// The store's one writing thread and its queue (docs/ARCHITECTURE.md "Store": group commit).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_records.h"
#include "store/store.h"

namespace amplify::store {

// Write() queues. The thread takes everything queued (up to kMaxBatch), runs each WriteFn in
// its own savepoint inside one BEGIN IMMEDIATE transaction, commits once, and only after the
// commit returns (durable under synchronous=FULL) reports every write's Status. Concurrent
// writers thus share one fsync instead of paying one each.
class GroupCommitWriter {
 public:
  // Bounds how long the first write of a batch waits for the last one's fn to run.
  static constexpr size_t kMaxBatch = 512;

  // Takes the write connection (already migrated) and starts the thread.
  explicit GroupCommitWriter(std::unique_ptr<SqliteConnection> db);
  // Close()s.
  ~GroupCommitWriter();
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  void Write(WriteFn fn, WriteDone done);
  // Finishes every queued write, including ones that `done` callbacks queue meanwhile (so the
  // object must stay reachable until this returns), then joins the thread. Idempotent.
  void Close();
  // Successful COMMITs so far; lets tests see that concurrent writes were grouped.
  uint64_t CommitCount() const { return commits_.load(); }

 private:
  struct PendingWrite {
    WriteFn fn;
    WriteDone done;
    Status status;
  };

  void Run();
  bool TakeBatch(std::vector<PendingWrite>& batch);
  void CommitBatch(std::vector<PendingWrite>& batch);
  size_t CommitFrom(std::vector<PendingWrite>& batch, size_t begin);
  static void FailSucceeded(std::vector<PendingWrite>& batch, size_t begin, size_t end,
                            const char* why);
  // False when the enclosing transaction is gone (SQLite rolled it back).
  bool RunInSavepoint(PendingWrite& write);
  Status RunCatching(const WriteFn& fn);
  bool TryExec(const char* sql);

  std::unique_ptr<SqliteConnection> db_;
  SqliteRecords records_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<PendingWrite> queue_;  // guarded by mu_
  bool stopping_ = false;           // guarded by mu_
  std::atomic<uint64_t> commits_{0};
  std::thread thread_;  // last, so it starts after everything it uses exists
};

}  // namespace amplify::store
