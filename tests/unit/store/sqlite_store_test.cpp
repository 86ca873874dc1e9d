// SqliteStore: the shared contract suite on disk and in memory, plus what only SQLite does
// (files, reopening, per-thread connections, shutdown).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite_store_factories.h"
#include "store/store_contract.h"

namespace amplify::store {
namespace contract {

using SqliteFactories = ::testing::Types<OnDiskSqliteFactory, InMemorySqliteFactory>;
INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreContractTest, SqliteFactories);

}  // namespace contract
namespace {

const Scope kScope{"111111111111", "us-east-1"};

WriteFn PutApp(std::string app_id) {
  return [app_id](StoreWriter& w) {
    w.PutApp(kScope, {app_id, "name", 1, "", 0});
    return OkStatus();
  };
}

TEST(SqliteStoreTest, KindNamesTheBackend) {
  ScopedTempDir dir;
  EXPECT_EQ(OpenSqliteStore({.data_dir = dir.path().string()})->Kind(), "sqlite");
  EXPECT_EQ(OpenSqliteStore({.in_memory = true})->Kind(), "memory");
}

TEST(SqliteStoreTest, CreatesAMissingDataDirectoryAndUsesWal) {
  ScopedTempDir dir;
  const std::filesystem::path nested = dir.path() / "a" / "b";
  OpenSqliteStore({.data_dir = nested.string()}).reset();
  ASSERT_TRUE(std::filesystem::exists(nested / "amplifybackend.db"));
  SqliteConnection db((nested / "amplifybackend.db").string(), SQLITE_OPEN_READONLY);
  SqliteStatement mode = db.Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.Step());
  EXPECT_EQ(mode.Text(0), "wal");
}

TEST(SqliteStoreTest, DataSurvivesCloseAndReopen) {
  ScopedTempDir dir;
  JobRecord job = contract::MakeJob("app1", "dev", "job1");
  {
    auto store = OpenSqliteStore({.data_dir = dir.path().string()});
    ASSERT_TRUE(store->WriteSync(PutApp("app1")).ok());
    Status put = store->WriteSync([&](StoreWriter& w) {
      w.InsertJob(kScope, job);
      w.EnqueueChange(kScope, job, {.kind = "Test", .data = "{}", .due_ms = 5});
      return OkStatus();
    });
    ASSERT_TRUE(put.ok());
  }
  auto reopened = OpenSqliteStore({.data_dir = dir.path().string()});
  EXPECT_TRUE(reopened->Reader().GetApp(kScope, "app1"));
  ASSERT_EQ(reopened->Reader().NextClaimMs(), 5);  // the queue survives too
  // Sequences continue after a reopen: a new job is newer than every old one.
  JobRecord next = contract::MakeJob("app1", "dev", "job2");
  Status put = reopened->WriteSync([&](StoreWriter& w) {
    w.InsertJob(kScope, next);
    return OkStatus();
  });
  ASSERT_TRUE(put.ok());
  EXPECT_GT(next.seq, job.seq);
}

TEST(SqliteStoreTest, InMemoryWritesNothingToDisk) {
  ScopedTempDir dir;
  auto store = OpenSqliteStore({.data_dir = dir.path().string(), .in_memory = true});
  ASSERT_TRUE(store->WriteSync(PutApp("app1")).ok());
  EXPECT_TRUE(store->Reader().GetApp(kScope, "app1"));
  EXPECT_FALSE(std::filesystem::exists(dir.path()));
  EXPECT_FALSE(std::filesystem::exists("amplifybackend.db"));
}

TEST(SqliteStoreTest, InMemoryStoresAreSeparate) {
  auto first = OpenSqliteStore({.in_memory = true});
  auto second = OpenSqliteStore({.in_memory = true});
  ASSERT_TRUE(first->WriteSync(PutApp("app1")).ok());
  EXPECT_TRUE(first->Reader().GetApp(kScope, "app1"));
  EXPECT_FALSE(second->Reader().GetApp(kScope, "app1"));
}

TEST(SqliteStoreTest, EachThreadReadsThroughItsOwnConnection) {
  auto store = OpenSqliteStore({.in_memory = true});
  StoreReader* here = &store->Reader();
  StoreReader* there = nullptr;
  std::thread([&] { there = &store->Reader(); }).join();
  EXPECT_NE(here, there);
  EXPECT_EQ(here, &store->Reader());
}

TEST(SqliteStoreTest, ThreadReaderCacheSurvivesStoresComingAndGoing) {
  // A thread's cached reader must never be handed out for a later store.
  for (int i = 0; i < 3; ++i) {
    auto store = OpenSqliteStore({.in_memory = true});
    EXPECT_FALSE(store->Reader().GetApp(kScope, "app1"));
    ASSERT_TRUE(store->WriteSync(PutApp("app1")).ok());
    EXPECT_TRUE(store->Reader().GetApp(kScope, "app1"));
  }
}

TEST(SqliteStoreTest, ReaderConnectionsCannotWrite) {
  auto store = OpenSqliteStore({.in_memory = true});
  StoreReader& reader = store->Reader();
  // The reader is only handed out as a StoreReader; make sure its connection refuses writes.
  auto* records = dynamic_cast<StoreWriter*>(&reader);
  ASSERT_NE(records, nullptr);
  EXPECT_THROW(records->PutApp(kScope, {"app1", "", 1, ""}), std::runtime_error);
}

TEST(SqliteStoreTest, ClosingFinishesQueuedWritesIncludingOnesQueuedByDone) {
  ScopedTempDir dir;
  std::atomic<int> ok{0};
  {
    auto store = OpenSqliteStore({.data_dir = dir.path().string()});
    Store* raw = store.get();
    for (int i = 0; i < 50; ++i) {
      raw->Write(PutApp("app" + std::to_string(i)), [raw, i, &ok](Status s) {
        if (!s.ok()) return;
        ++ok;
        // A follow-up write queued from the store's own thread during shutdown.
        raw->Write(PutApp("next" + std::to_string(i)), [&ok](Status s2) { ok += s2.ok(); });
      });
    }
  }
  EXPECT_EQ(ok.load(), 100);
  auto reopened = OpenSqliteStore({.data_dir = dir.path().string()});
  EXPECT_TRUE(reopened->Reader().GetApp(kScope, "app49"));
  EXPECT_TRUE(reopened->Reader().GetApp(kScope, "next49"));
}

TEST(SqliteStoreTest, OpeningAnUnusablePathThrows) {
  ScopedTempDir dir;
  std::filesystem::create_directories(dir.path() / "amplifybackend.db");  // a directory
  EXPECT_ANY_THROW(OpenSqliteStore({.data_dir = dir.path().string()}));
}

}  // namespace
}  // namespace amplify::store
