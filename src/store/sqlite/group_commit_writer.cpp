#include "store/sqlite/group_commit_writer.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

namespace amplify::store {

GroupCommitWriter::GroupCommitWriter(std::unique_ptr<SqliteConnection> db)
    : db_(std::move(db)), records_(*db_, /*sole_writer=*/true), thread_([this] { Run(); }) {}

GroupCommitWriter::~GroupCommitWriter() { Close(); }

void GroupCommitWriter::Close() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void GroupCommitWriter::Write(WriteFn fn, WriteDone done) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back({std::move(fn), std::move(done), OkStatus()});
    // Under the lock: once the write is taken, its caller may destroy this writer, and wake_
    // with it, before a notify made after unlocking would run.
    wake_.notify_one();
  }
}

void GroupCommitWriter::Run() {
  pthread_setname_np(pthread_self(), "store-writer");
  std::vector<PendingWrite> batch;
  while (TakeBatch(batch)) {
    CommitBatch(batch);
    // Reported only now, after the commit: a caller that sees OK can rely on durability.
    for (PendingWrite& write : batch) {
      if (!write.done) continue;
      try {
        write.done(std::move(write.status));
      } catch (const std::exception& e) {
        spdlog::error("store: a write's completion callback threw: {}", e.what());
      }
    }
    batch.clear();
  }
}

bool GroupCommitWriter::TakeBatch(std::vector<PendingWrite>& batch) {
  std::unique_lock lock(mu_);
  wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
  if (queue_.empty()) return false;  // stopping, and drained
  const size_t count = std::min(queue_.size(), kMaxBatch);
  for (size_t i = 0; i < count; ++i) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return true;
}

void GroupCommitWriter::CommitBatch(std::vector<PendingWrite>& batch) {
  size_t next = 0;
  while (next < batch.size()) next = CommitFrom(batch, next);
}

// Runs batch[begin..] in one transaction and returns where the next transaction must start:
// batch.size(), unless SQLite aborted the transaction midway (disk full, I/O error), in which
// case the writes after the failure get a fresh transaction rather than sharing the loss.
size_t GroupCommitWriter::CommitFrom(std::vector<PendingWrite>& batch, size_t begin) {
  if (!TryExec("BEGIN IMMEDIATE")) {
    FailSucceeded(batch, begin, batch.size(), "store: could not begin a transaction");
    return batch.size();
  }
  for (size_t i = begin; i < batch.size(); ++i) {
    if (!RunInSavepoint(batch[i])) {
      if (sqlite3_get_autocommit(db_->handle()) == 0) TryExec("ROLLBACK");
      FailSucceeded(batch, begin, i + 1, "store: transaction aborted");
      return i + 1;
    }
  }
  if (!TryExec("COMMIT")) {
    TryExec("ROLLBACK");
    FailSucceeded(batch, begin, batch.size(), "store: commit failed");
    return batch.size();
  }
  ++commits_;
  return batch.size();
}

// Writes that failed on their own keep their own error; the others lost their changes with the
// transaction.
void GroupCommitWriter::FailSucceeded(std::vector<PendingWrite>& batch, size_t begin, size_t end,
                                      const char* why) {
  for (size_t i = begin; i < end; ++i) {
    if (batch[i].status.ok()) batch[i].status = Internal(why);
  }
}

bool GroupCommitWriter::RunInSavepoint(PendingWrite& write) {
  if (!TryExec("SAVEPOINT write")) {
    write.status = Internal("store: could not open a savepoint");
    return sqlite3_get_autocommit(db_->handle()) == 0;
  }
  write.status = RunCatching(write.fn);
  // A rejected write changes nothing; the batch's other writes are unaffected.
  if (!write.status.ok() && !TryExec("ROLLBACK TO write")) {
    // Its changes cannot be undone on their own, so none of the transaction may commit.
    TryExec("ROLLBACK");
    return false;
  }
  if (sqlite3_get_autocommit(db_->handle()) != 0) return false;
  return TryExec("RELEASE write");
}

Status GroupCommitWriter::RunCatching(const WriteFn& fn) {
  try {
    return fn(records_);
  } catch (const std::exception& e) {
    spdlog::error("store: a write threw: {}", e.what());
    return Internal(e.what());
  } catch (...) {
    spdlog::error("store: a write threw a non-standard exception");
    return Internal("store: a write threw");
  }
}

// Transaction control runs through cached prepared statements: parsing "SAVEPOINT write" anew
// for every write of every batch would cost the writer thread more than the savepoint itself.
bool GroupCommitWriter::TryExec(const char* sql) {
  // What the records remember holds within one transaction, and not past a rollback (also one
  // SQLite made on its own, which the next BEGIN follows).
  if (std::string_view(sql).starts_with("ROLLBACK") || std::string_view(sql).starts_with("BEGIN")) {
    records_.Forget();
  }
  try {
    db_->Prepare(sql).Run();
    return true;
  } catch (const std::exception& e) {
    spdlog::error("store: {}", e.what());
    return false;
  }
}

}  // namespace amplify::store
