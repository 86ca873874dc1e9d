// Group commit: queued writes share one COMMIT, batches are capped, and a rejected write in a
// batch is rolled back alone. A WriterGate holds the writer so the queue fills deterministically.
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "store/sqlite/group_commit_writer.h"
#include "store/sqlite_store_factories.h"
#include "store/store_write_contract.h"

namespace amplify::store {
namespace {

using contract::WriterGate;

const Scope kScope{"111111111111", "us-east-1"};

WriteFn PutApp(std::string app_id) {
  return [app_id](StoreWriter& w) {
    w.PutApp(kScope, {app_id, "", 1, "", 0});
    return OkStatus();
  };
}

// Queues `count` writes behind a gate and returns how many commits they took.
uint64_t CommitsForQueuedWrites(SqliteStore& store, int count) {
  const uint64_t before = store.CommitCount();
  std::latch done(count);
  {
    WriterGate gate(store);
    for (int i = 0; i < count; ++i) {
      store.Write(PutApp("app" + std::to_string(i)), [&done](Status s) {
        EXPECT_TRUE(s.ok());
        done.count_down();
      });
    }
  }
  done.wait();
  return store.CommitCount() - before - 1;  // minus the gate's own commit
}

class SqliteGroupCommitTest : public ::testing::Test {
 protected:
  OnDiskSqliteFactory factory_;
  std::unique_ptr<SqliteStore> store_ = factory_.Open();
};

TEST_F(SqliteGroupCommitTest, QueuedWritesShareOneCommit) {
  EXPECT_EQ(CommitsForQueuedWrites(*store_, 100), 1u);
  EXPECT_TRUE(store_->Reader().GetApp(kScope, "app99"));
}

TEST_F(SqliteGroupCommitTest, BatchesAreCapped) {
  const int count = static_cast<int>(GroupCommitWriter::kMaxBatch) + 10;
  EXPECT_EQ(CommitsForQueuedWrites(*store_, count), 2u);
}

TEST_F(SqliteGroupCommitTest, RejectedWriteIsRolledBackAloneWithinTheSharedCommit) {
  const uint64_t before = store_->CommitCount();
  Status ok_status = Internal("unset");
  Status rejected_status;
  std::latch done(2);
  {
    WriterGate gate(*store_);
    store_->Write(
        [](StoreWriter& w) {
          w.PutApp(kScope, {"rejected", "", 1, "", 0});
          return Status(BadRequest("no"));
        },
        [&](Status s) {
          rejected_status = s;
          done.count_down();
        });
    store_->Write(PutApp("kept"), [&](Status s) {
      ok_status = s;
      done.count_down();
    });
  }
  done.wait();
  EXPECT_EQ(store_->CommitCount() - before, 2u);  // the gate's, then one for both writes
  EXPECT_TRUE(ok_status.ok());
  EXPECT_EQ(rejected_status.error().code, ErrorCode::kBadRequest);
  EXPECT_TRUE(store_->Reader().GetApp(kScope, "kept"));
  EXPECT_FALSE(store_->Reader().GetApp(kScope, "rejected"));
}

TEST_F(SqliteGroupCommitTest, ManyThreadsWritingAtOnceAllCommit) {
  constexpr int kThreads = 8;
  constexpr int kWrites = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t] {
      for (int i = 0; i < kWrites; ++i) {
        EXPECT_TRUE(store_->WriteSync(PutApp(std::to_string(t) + "-" + std::to_string(i))).ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kWrites; ++i) {
      EXPECT_TRUE(store_->Reader().GetApp(kScope, std::to_string(t) + "-" + std::to_string(i)));
    }
  }
  // Never more commits than writes; usually far fewer, but how many depends on timing.
  EXPECT_LE(store_->CommitCount(), static_cast<uint64_t>(kThreads * kWrites));
}

}  // namespace
}  // namespace amplify::store
