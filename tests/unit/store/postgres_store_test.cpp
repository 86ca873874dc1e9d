// PgStore: the shared contract suite on PostgreSQL, plus what only it does (several stores on one
// database as several processes would, advisory locks, reconnecting).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/postgres_store_factory.h"
#include "store/store_contract.h"

namespace amplify::store {
namespace contract {

INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, StoreContractTest, ::testing::Types<PostgresFactory>);

}  // namespace contract
namespace {

const Scope kScope{"111111111111", "us-east-1"};

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    first_ = factory_.Open();
    if (!first_) GTEST_SKIP() << "PostgreSQL is not configured";
    second_ = factory_.Open();  // another "process" on the same database
  }
  // The check-then-write of every job: refused while another job of the app is queued.
  WriteFn BeginJob(const std::string& app_id, const std::string& job_id) {
    return [=](StoreWriter& w) -> Status {
      if (w.FindPendingJob(kScope, app_id, "dev")) return BadRequest("pending");
      JobRecord job{app_id, "dev", job_id, "CreateBackend", "RUNNING", "", 1, 1, 0};
      w.InsertJob(kScope, job);
      w.EnqueueChange(kScope, job, {.kind = "Test", .data = "{}", .due_ms = 10});
      return OkStatus();
    };
  }

  PostgresFactory factory_;
  std::unique_ptr<Store> first_, second_;
};

// Two stores (as two processes) race writes that check before they write: the app's lock
// makes exactly one of each race win.
TEST_F(PostgresStoreTest, ChecksThenWritesAreSerializedAcrossStores) {
  constexpr int kApps = 20, kRacers = 6;
  std::atomic<int> won{0}, refused{0};
  std::vector<std::thread> racers;
  for (int r = 0; r < kRacers; ++r) {
    racers.emplace_back([&, r] {
      Store& store = r % 2 == 0 ? *first_ : *second_;
      for (int a = 0; a < kApps; ++a) {
        Status s = store.WriteSync(BeginJob("app" + std::to_string(a), fmt::format("j{}-{}", a, r)));
        if (s.ok()) {
          ++won;
        } else {
          ++refused;
          EXPECT_EQ(s.error().message, "pending");
        }
      }
    });
  }
  for (std::thread& t : racers) t.join();
  EXPECT_EQ(won.load(), kApps);
  EXPECT_EQ(refused.load(), kApps * (kRacers - 1));
}

// A batch whose later write finds its app locked by another transaction runs that write again
// in its own next transaction rather than waiting while holding the earlier write's lock.
TEST_F(PostgresStoreTest, ABusyLockDefersTheWriteInsteadOfWaiting) {
  PgConnection holder(factory_.schema->Url());
  holder.Exec("BEGIN");
  holder.Query("SELECT pg_advisory_xact_lock($1)", {LockKey({"app", kScope.account, kScope.region, "held"})});
  std::atomic<bool> free_done{false}, held_done{false};
  // One writer, both queued at once: they may share a transaction, "free" first.
  first_.reset();
  first_ = factory_.Open(/*writers=*/1);
  first_->Write(BeginJob("free", "j1"), [&](Status s) {
    EXPECT_TRUE(s.ok());
    free_done = true;
  });
  first_->Write(BeginJob("held", "j2"), [&](Status s) {
    EXPECT_TRUE(s.ok());
    held_done = true;
  });
  for (int i = 0; i < 200 && !free_done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(free_done.load()) << "a write waited on another app's lock";
  EXPECT_FALSE(held_done.load());
  holder.Exec("COMMIT");
  for (int i = 0; i < 200 && !held_done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(held_done.load());
  EXPECT_TRUE(first_->Reader().GetJob(kScope, "held", "j2").has_value());
}

// A refused write leaves nothing, also when it changed rows before refusing, and the writes
// it shared a transaction with stay.
TEST_F(PostgresStoreTest, AWriteRefusedAfterChangingRowsLeavesNothing) {
  Status refused = first_->WriteSync([&](StoreWriter& w) -> Status {
    w.PutApp(kScope, {"gone", "n", 1, "", 0});
    return BadRequest("no");
  });
  EXPECT_FALSE(refused.ok());
  EXPECT_FALSE(first_->Reader().GetApp(kScope, "gone").has_value());
  EXPECT_FALSE(second_->Reader().GetApp(kScope, "gone").has_value());
}

// The database drops every connection (as a restart does): readers reconnect by themselves,
// writers fail what they held with the store-unavailable error and then work again.
TEST_F(PostgresStoreTest, ConnectionsComeBackAfterTheServerDropsThem) {
  ASSERT_TRUE(first_->WriteSync(BeginJob("a", "j1")).ok());
  ASSERT_TRUE(first_->Reader().GetJob(kScope, "a", "j1").has_value());
  factory_.schema->DropConnections();
  EXPECT_TRUE(first_->Reader().GetJob(kScope, "a", "j1").has_value());
  Status after = first_->WriteSync(BeginJob("b", "j2"));
  if (!after.ok()) {
    EXPECT_EQ(after.error().code, ErrorCode::kGatewayTimeout) << after.error().message;
    after = first_->WriteSync(BeginJob("b", "j2"));
  }
  EXPECT_TRUE(after.ok());
  EXPECT_TRUE(second_->Reader().GetJob(kScope, "b", "j2").has_value());
}

// The connection dies in the middle of a write (the database shut down): the write is answered,
// with the store-unavailable error, and nothing of it stays.
TEST_F(PostgresStoreTest, AWriteWhoseConnectionDiesIsAnsweredUnavailable) {
  Status status = first_->WriteSync([this](StoreWriter& w) -> Status {
    w.PutApp(kScope, {"before", "n", 1, "", 0});
    factory_.schema->DropConnections();
    w.PutApp(kScope, {"after", "n", 1, "", 0});
    return OkStatus();
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kGatewayTimeout) << status.error().message;
  EXPECT_FALSE(second_->Reader().GetApp(kScope, "before").has_value());
  EXPECT_TRUE(first_->WriteSync([](StoreWriter& w) {
                      w.PutApp(kScope, {"again", "n", 1, "", 0});
                      return OkStatus();
                    }).ok());
}

// Nothing listens at the URL: opening says the store is unavailable.
TEST(PostgresStoreOpenTest, AnUnreachableDatabaseIsUnavailable) {
  EXPECT_THROW(PgStore(PostgresOptions{.url = "postgresql://nobody@127.0.0.1:1/none"}),
               StoreUnavailable);
}

}  // namespace
}  // namespace amplify::store
