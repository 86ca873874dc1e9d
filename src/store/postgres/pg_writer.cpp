#include "store/postgres/pg_writer.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_records.h"

namespace amplify::store {
namespace {

// A transaction aborted by a deadlock or serialization failure runs again this often.
constexpr int kMaxAttempts = 5;

}  // namespace

// One writer thread: its connection (re-established on demand) and its transactions.
class PgWriters::Worker {
 public:
  explicit Worker(const std::string& conninfo) : conninfo_(conninfo) {}

  // Runs writes from the front of `batch` in one transaction. The done ones leave `batch` for
  // `finished`; writes whose lock was busy stay in `batch` (at its front) for the next.
  void RunTransaction(Batch& batch, std::vector<PendingWrite>& finished) {
    if (!Connect()) {
      FailAll(batch, finished, StoreUnavailableError());
      return;
    }
    for (int attempt = 1;; ++attempt) {
      try {
        Attempt(batch, finished);
        return;
      } catch (const PgError& e) {
        Rollback();
        if (!IsRetryable(e) || attempt == kMaxAttempts) {
          spdlog::error("store: {}", e.what());
          FailAll(batch, finished, Internal(e.what()));
          return;
        }
        spdlog::debug("store: {}; running the transaction again", e.what());
      } catch (const StoreUnavailable& e) {
        // Whether a COMMIT in flight was applied cannot be known; the client is told to retry,
        // and every write here is safe to run again.
        spdlog::warn("store: {}", e.what());
        FailAll(batch, finished, StoreUnavailableError());
        return;
      }
    }
  }

 private:
  bool Connect() {
    try {
      if (!db_) {
        db_ = std::make_unique<PgConnection>(conninfo_);
        records_ = std::make_unique<PgRecords>(*db_, /*writer=*/true);
      } else if (!db_->Up()) {
        db_->Reconnect();
      }
      return true;
    } catch (const StoreUnavailable& e) {
      spdlog::warn("store: {}", e.what());
      return false;
    }
  }

  void Rollback() {
    records_->ForgetLocksAfter(0);
    try {
      if (db_->Up()) db_->Exec("ROLLBACK");
    } catch (const std::exception&) {
      // The connection went; the server rolls the transaction back.
    }
  }

  // One try at the transaction. Throws PgError (retryable or not) or StoreUnavailable with
  // nothing of `batch` moved to `finished` and the transaction to be rolled back.
  //
  // No savepoint per write: most writes succeed, and those refused are refused before they
  // change anything (the pending-job check, a missing resource), so their locks are all they
  // leave, which is harmless. A write that fails after changing rows (or meets a busy lock
  // then) costs a rollback instead: it is set aside and the others run again from the start.
  void Attempt(Batch& batch, std::vector<PendingWrite>& finished) {
    Batch deferred;
    std::vector<PendingWrite> done;
    // Restores `batch` to what it was when an exception leaves: the caller retries or fails
    // all of it.
    // The write running when an exception leaves, too: it must still get its answer.
    std::optional<PendingWrite> current;
    struct Restore {
      Batch& batch;
      Batch& deferred;
      std::vector<PendingWrite>& done;
      std::optional<PendingWrite>& current;
      bool committed = false;
      ~Restore() {
        if (committed) return;
        if (current) batch.push_front(std::move(*current));
        for (auto it = deferred.rbegin(); it != deferred.rend(); ++it) {
          batch.push_front(std::move(*it));
        }
        for (auto it = done.rbegin(); it != done.rend(); ++it) batch.push_front(std::move(*it));
      }
    } restore{batch, deferred, done, current};
    db_->Defer("BEGIN");  // sent with the first statement
    while (!batch.empty()) {
      current.emplace(std::move(batch.front()));
      batch.pop_front();
      const bool first = records_->LocksHeld() == 0;
      const uint64_t before = db_->mutations();
      aborted_ = false;
      Outcome outcome = RunOne(*current);
      PendingWrite write = std::move(*current);
      current.reset();
      const bool changed = db_->mutations() != before || aborted_;
      if (outcome == Outcome::kDone && (write.status.ok() || !changed)) {
        done.push_back(std::move(write));
        continue;
      }
      if (outcome == Outcome::kBusy) {
        // It goes first into the next transaction, where it may wait for its lock.
        if (first) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++write.deferrals;
      }
      // A refused write's answer stands whatever becomes of this transaction.
      if (outcome == Outcome::kBusy) {
        deferred.push_back(std::move(write));
      } else {
        finished.push_back(std::move(write));
      }
      if (!changed && outcome == Outcome::kBusy) continue;
      // Its changes (or an aborted transaction) must go: the others run again without it.
      Rollback();
      for (auto it = done.rbegin(); it != done.rend(); ++it) batch.push_front(std::move(*it));
      done.clear();
      db_->Defer("BEGIN");  // sent with the first statement
    }
    db_->Exec("COMMIT");
    records_->ForgetLocksAfter(0);
    restore.committed = true;
    for (PendingWrite& write : done) finished.push_back(std::move(write));
    for (PendingWrite& write : deferred) batch.push_back(std::move(write));
  }

  enum class Outcome { kDone, kBusy };

  // Runs one write inside the transaction: kDone with its status, or kBusy when it met a lock
  // another transaction holds while this one held others.
  Outcome RunOne(PendingWrite& write) {
    try {
      write.status = write.fn(*records_);
    } catch (const LockBusy&) {
      return Outcome::kBusy;
    } catch (const PgError& e) {
      if (IsRetryable(e)) throw;
      spdlog::error("store: a write failed: {}", e.what());
      write.status = Internal(e.what());
      aborted_ = true;
    } catch (const StoreUnavailable&) {
      throw;
    } catch (const std::exception& e) {
      spdlog::error("store: a write threw: {}", e.what());
      write.status = Internal(e.what());
      aborted_ = true;
    }
    return Outcome::kDone;
  }

  static void FailAll(Batch& batch, std::vector<PendingWrite>& finished, const AwsError& error) {
    for (PendingWrite& write : batch) {
      write.status = error;
      finished.push_back(std::move(write));
    }
    batch.clear();
  }

  const std::string& conninfo_;
  // The current write threw: the server may have aborted the transaction, so it is rolled back
  // like a write that changed rows.
  bool aborted_ = false;
  std::unique_ptr<PgConnection> db_;
  std::unique_ptr<PgRecords> records_;
};

PgWriters::PgWriters(std::string conninfo, int threads) : conninfo_(std::move(conninfo)) {
  for (int i = 0; i < threads; ++i) {
    threads_.emplace_back([this, i] {
      pthread_setname_np(pthread_self(), ("pg-writer-" + std::to_string(i)).substr(0, 15).c_str());
      Worker worker(conninfo_);
      Batch batch;
      std::vector<PendingWrite> finished;
      while (Take(batch)) {
        while (!batch.empty()) {
          worker.RunTransaction(batch, finished);
          // Reported only now, after the commit: a caller that sees OK can rely on it.
          for (PendingWrite& write : finished) {
            if (!write.done) continue;
            try {
              write.done(std::move(write.status));
            } catch (const std::exception& e) {
              spdlog::error("store: a write's completion callback threw: {}", e.what());
            }
          }
          finished.clear();
        }
      }
    });
  }
}

PgWriters::~PgWriters() { Close(); }

void PgWriters::Close() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    wake_.notify_all();
  }
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void PgWriters::Write(WriteFn fn, WriteDone done) {
  std::lock_guard lock(mu_);
  queue_.push_back({std::move(fn), std::move(done), OkStatus(), 0});
  // Under the lock: once taken, the write's caller may destroy this object (group_commit_writer).
  wake_.notify_one();
}

bool PgWriters::Take(Batch& batch) {
  std::unique_lock lock(mu_);
  wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
  if (queue_.empty()) return false;  // stopping, and drained
  while (!queue_.empty() && batch.size() < kMaxBatch) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return true;
}

}  // namespace amplify::store
