#pragma once
// The writers of the PostgreSQL store: a few threads, each with its own connection, take
// queued writes in batches and run each batch as one transaction (a savepoint per write), so
// commits are shared as in SQLite's group commit while writes to different apps proceed side
// by side. PostgreSQL groups the concurrent commits of all processes on top of that.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"

namespace amplify::store {

class PgConnection;
class PgRecords;

class PgWriters {
 public:
  PgWriters(std::string conninfo, int threads);
  ~PgWriters();  // Close()

  void Write(WriteFn fn, WriteDone done);
  // Finishes what is queued, then stops the threads.
  void Close();

  static constexpr size_t kMaxBatch = 32;

 private:
  struct PendingWrite {
    WriteFn fn;
    WriteDone done;
    Status status;
    int deferrals = 0;  // times its lock was busy while its transaction held others
  };
  using Batch = std::deque<PendingWrite>;
  class Worker;

  bool Take(Batch& batch);

  const std::string conninfo_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<PendingWrite> queue_;  // guarded by mu_
  bool stopping_ = false;           // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace amplify::store
