#pragma once
// The behaviour every Store implementation shares (one interface, one test suite), written
// against store.h only. To run it against an implementation, define a factory
//   struct MyStoreFactory { std::unique_ptr<Store> Open(); };  // a new, empty store
// whose destructor removes whatever the store left behind, then in one .cpp file:
//   namespace amplify::store::contract {
//   INSTANTIATE_TYPED_TEST_SUITE_P(My, StoreContractTest, ::testing::Types<MyStoreFactory>);
//   }
// Records are tested here, jobs in store_jobs_contract.h, write semantics (savepoints,
// concurrency, durability order) in store_write_contract.h, buckets in store_buckets_contract.h.
#include "store/store_contract_fixture.h"

namespace amplify::store::contract {

TYPED_TEST_P(StoreContractTest, AppIsPutReplacedAndRead) {
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"app1", "first", 7, "", 0});
    return OkStatus();
  });
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"app1", "renamed", 8, R"({"k":"v"})", 0});
    return OkStatus();
  });
  std::optional<AppRecord> app = this->reader().GetApp(kScope, "app1");
  ASSERT_TRUE(app.has_value());
  EXPECT_EQ(app->app_id, "app1");
  EXPECT_EQ(app->app_name, "renamed");
  EXPECT_EQ(app->created_ms, 8);
  EXPECT_EQ(app->config_json, R"({"k":"v"})");
}

TYPED_TEST_P(StoreContractTest, PutAppIfAbsentKeepsAnExistingApp) {
  this->MustWrite([](StoreWriter& w) {
    w.PutAppIfAbsent(kScope, {"app1", "first", 7, "", 0});
    w.PutAppIfAbsent(kScope, {"app1", "second", 8, "{}", 0});
    return OkStatus();
  });
  std::optional<AppRecord> app = this->reader().GetApp(kScope, "app1");
  ASSERT_TRUE(app.has_value());
  EXPECT_EQ(app->app_name, "first");
  EXPECT_EQ(app->created_ms, 7);
  EXPECT_EQ(app->config_json, "");
  EXPECT_EQ(app->version, 2);  // still a write under the app
}

TYPED_TEST_P(StoreContractTest, CreateEnvironmentAddsTheAppOnlyWhenNew) {
  this->MustWrite([](StoreWriter& w) {
    w.CreateEnvironment(kScope, {"app1", "first", 7, "", 0}, {"app1", "dev", 7});
    return OkStatus();
  });
  const int64_t first = *this->reader().AppVersion(kScope, "app1");
  this->MustWrite([](StoreWriter& w) {
    w.CreateEnvironment(kScope, {"app1", "second", 8, "{}", 0}, {"app1", "prod", 8});
    return OkStatus();
  });
  std::optional<AppRecord> app = this->reader().GetApp(kScope, "app1");
  EXPECT_EQ(app->app_name, "first");
  EXPECT_GT(app->version, first);
  std::vector<EnvironmentRecord> envs = this->reader().ListEnvironments(kScope, "app1");
  ASSERT_EQ(envs.size(), 2u);
  EXPECT_EQ(envs[1].name, "prod");
  EXPECT_EQ(envs[1].created_ms, 8);
}

TYPED_TEST_P(StoreContractTest, MissingRecordsAreEmpty) {
  StoreReader& r = this->reader();
  EXPECT_FALSE(r.GetApp(kScope, "nope"));
  EXPECT_TRUE(r.ListEnvironments(kScope, "nope").empty());
  EXPECT_FALSE(r.GetEnvironment(kScope, "nope", "dev"));
  EXPECT_FALSE(r.GetResource(kScope, "nope", "dev", "auth", "x"));
  EXPECT_TRUE(r.ListResources(kScope, "nope", "dev").empty());
  EXPECT_FALSE(r.AppVersion(kScope, "nope"));
  EXPECT_FALSE(r.GetApiModels(kScope, "nope", "dev", "api"));
  EXPECT_FALSE(r.GetJob(kScope, "nope", "job"));
  EXPECT_TRUE(r.ListJobs(kScope, JobsOf("nope", "dev")).empty());
  EXPECT_FALSE(r.FindPendingJob(kScope, "nope", "dev"));
  EXPECT_FALSE(r.FindPendingJob(kScope, "nope", ""));
  EXPECT_FALSE(r.NextClaimMs());
  EXPECT_FALSE(r.GetToken(kScope, "nope", "session"));
}

TYPED_TEST_P(StoreContractTest, EnvironmentsListInCreationOrder) {
  for (const char* name : {"staging", "dev", "prod"}) {
    this->MustWrite([&](StoreWriter& w) {
      w.PutEnvironment(kScope, {.app_id = "app1", .name = name, .created_ms = 1});
      return OkStatus();
    });
  }
  // Putting an existing environment again updates it in place, not at the end.
  this->MustWrite([](StoreWriter& w) {
    w.PutEnvironment(kScope, {.app_id = "app1", .name = "staging", .created_ms = 9});
    return OkStatus();
  });
  std::vector<EnvironmentRecord> envs = this->reader().ListEnvironments(kScope, "app1");
  ASSERT_EQ(envs.size(), 3u);
  EXPECT_EQ(envs[0].name, "staging");
  EXPECT_EQ(envs[0].created_ms, 9);
  EXPECT_EQ(envs[1].name, "dev");
  EXPECT_EQ(envs[2].name, "prod");
  std::optional<EnvironmentRecord> dev = this->reader().GetEnvironment(kScope, "app1", "dev");
  ASSERT_TRUE(dev.has_value());
  EXPECT_EQ(dev->app_id, "app1");
}

TYPED_TEST_P(StoreContractTest, ResourcesArePutReplacedListedAndDeleted) {
  this->MustWrite([](StoreWriter& w) {
    w.PutResource(kScope, MakeResource("app1", "dev", "storage", "bucket"));
    w.PutResource(kScope, MakeResource("app1", "dev", "auth", "pool"));
    w.PutResource(kScope, MakeResource("app1", "prod", "auth", "pool"));
    w.PutResource(kScope, MakeResource("app1", "dev", "storage", "bucket", R"({"v":2})"));
    return OkStatus();
  });
  std::vector<ResourceRecord> dev = this->reader().ListResources(kScope, "app1", "dev");
  ASSERT_EQ(dev.size(), 2u);
  EXPECT_EQ(dev[0].name, "bucket");  // replaced in place: still first
  EXPECT_EQ(dev[0].config_json, R"({"v":2})");
  EXPECT_EQ(dev[0].created_ms, 5);
  EXPECT_EQ(dev[0].updated_ms, 6);
  EXPECT_EQ(dev[1].category, "auth");

  this->MustWrite([](StoreWriter& w) {
    w.DeleteResource(kScope, "app1", "dev", "storage", "bucket");
    return OkStatus();
  });
  EXPECT_FALSE(this->reader().GetResource(kScope, "app1", "dev", "storage", "bucket"));
  EXPECT_TRUE(this->reader().GetResource(kScope, "app1", "dev", "auth", "pool"));
  EXPECT_TRUE(this->reader().GetResource(kScope, "app1", "prod", "auth", "pool"));
}

TYPED_TEST_P(StoreContractTest, TokensArePutReadAndDeleted) {
  this->MustWrite([](StoreWriter& w) {
    w.PutToken(kScope, {"app1", "session1", "ABC123", 10, 20});
    return OkStatus();
  });
  std::optional<TokenRecord> token = this->reader().GetToken(kScope, "app1", "session1");
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(token->challenge_code, "ABC123");
  EXPECT_EQ(token->created_ms, 10);
  EXPECT_EQ(token->expires_ms, 20);
  this->MustWrite([](StoreWriter& w) {
    w.DeleteToken(kScope, "app1", "session1");
    return OkStatus();
  });
  EXPECT_FALSE(this->reader().GetToken(kScope, "app1", "session1"));
}

// The admin console's list: key order, keyset paging, case-insensitive search of id and name,
// one scope only.
TYPED_TEST_P(StoreContractTest, ListAppsPagesAndSearchesIdsAndNames) {
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"b-app", "Shop", 1, "", 0});
    w.PutApp(kScope, {"a-app", "Blog", 2, "", 0});
    w.PutApp(kScope, {"c-app", "shopping list", 3, "{}", 0});
    w.PutApp(kOtherAccount, {"a-shop", "Shop", 4, "", 0});
    return OkStatus();
  });
  auto ids = [](const std::vector<AppRecord>& apps) {
    std::vector<std::string> out;
    for (const AppRecord& app : apps) out.push_back(app.app_id);
    return out;
  };
  StoreReader& r = this->reader();
  using Ids = std::vector<std::string>;
  EXPECT_EQ(ids(r.ListApps(kScope, {"", "", 2})), (Ids{"a-app", "b-app"}));
  EXPECT_EQ(ids(r.ListApps(kScope, {"", "b-app", 2})), (Ids{"c-app"}));
  EXPECT_EQ(ids(r.ListApps(kScope, {"SHOP", "", 10})), (Ids{"b-app", "c-app"}));
  EXPECT_EQ(ids(r.ListApps(kScope, {"a-a", "", 10})), (Ids{"a-app"}));
  EXPECT_EQ(ids(r.ListApps(kScope, {"shop", "b-app", 10})),
            (Ids{"c-app"}));
  EXPECT_TRUE(r.ListApps(kScope, {"%", "", 10}).empty());
  std::vector<AppRecord> all = r.ListApps(kScope, {"", "", 10});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].app_name, "shopping list");
  EXPECT_EQ(all[2].created_ms, 3);
  EXPECT_EQ(all[2].config_json, "{}");
}

TYPED_TEST_P(StoreContractTest, ListLiveTokensLeavesOutExpiredOnesAndOtherApps) {
  this->MustWrite([](StoreWriter& w) {
    w.PutToken(kScope, {"app1", "old", "A", 10, 20});
    w.PutToken(kScope, {"app1", "new", "B", 30, 100});
    w.PutToken(kScope, {"app1", "mid", "C", 20, 100});
    w.PutToken(kScope, {"app2", "other", "D", 30, 100});
    return OkStatus();
  });
  std::vector<TokenRecord> live = this->reader().ListLiveTokens(kScope, "app1", 20);
  ASSERT_EQ(live.size(), 2u);
  EXPECT_EQ(live[0].session_id, "new");
  EXPECT_EQ(live[0].challenge_code, "B");
  EXPECT_EQ(live[0].expires_ms, 100);
  EXPECT_EQ(live[1].session_id, "mid");
  EXPECT_TRUE(this->reader().ListLiveTokens(kOtherAccount, "app1", 0).empty());
}

TYPED_TEST_P(StoreContractTest, DeleteEnvironmentRemovesItsResourcesButKeepsJobs) {
  this->MustWrite([](StoreWriter& w) {
    w.PutEnvironment(kScope, {"app1", "dev", 1});
    w.PutEnvironment(kScope, {"app1", "prod", 1});
    w.PutResource(kScope, MakeResource("app1", "dev", "auth", "pool"));
    w.PutResource(kScope, MakeResource("app1", "prod", "auth", "pool"));
    JobRecord job = MakeJob("app1", "dev", "job1");
    w.InsertJob(kScope, job);
    w.DeleteEnvironment(kScope, "app1", "dev");
    return OkStatus();
  });
  StoreReader& r = this->reader();
  EXPECT_FALSE(r.GetEnvironment(kScope, "app1", "dev"));
  EXPECT_TRUE(r.ListResources(kScope, "app1", "dev").empty());
  EXPECT_TRUE(r.GetEnvironment(kScope, "app1", "prod"));
  EXPECT_EQ(r.ListResources(kScope, "app1", "prod").size(), 1u);
  EXPECT_TRUE(r.GetJob(kScope, "app1", "job1"));
}

TYPED_TEST_P(StoreContractTest, DeleteAppRemovesEverythingButJobs) {
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"app1", "one", 1, "", 0});
    w.PutApp(kScope, {"app2", "two", 1, "", 0});
    w.PutEnvironment(kScope, {"app1", "dev", 1});
    w.PutEnvironment(kScope, {"app2", "dev", 1});
    w.PutResource(kScope, MakeResource("app1", "dev", "auth", "pool"));
    w.PutApiModels(kScope, MakeModels("app1", "dev", "pool"));
    w.PutToken(kScope, {"app1", "session1", "C", 1, 2});
    JobRecord job = MakeJob("app1", "dev", "job1");
    w.InsertJob(kScope, job);
    w.DeleteApp(kScope, "app1");
    return OkStatus();
  });
  StoreReader& r = this->reader();
  EXPECT_FALSE(r.GetApp(kScope, "app1"));
  EXPECT_TRUE(r.ListEnvironments(kScope, "app1").empty());
  EXPECT_TRUE(r.ListResources(kScope, "app1", "dev").empty());
  EXPECT_FALSE(r.GetApiModels(kScope, "app1", "dev", "pool"));
  EXPECT_FALSE(r.GetToken(kScope, "app1", "session1"));
  EXPECT_TRUE(r.GetJob(kScope, "app1", "job1"));
  EXPECT_TRUE(r.GetApp(kScope, "app2"));
  EXPECT_EQ(r.ListEnvironments(kScope, "app2").size(), 1u);
}

TYPED_TEST_P(StoreContractTest, ScopesIsolateAccountsAndRegions) {
  for (const Scope& scope : {kScope, kOtherAccount, kOtherRegion}) {
    this->MustWrite([&](StoreWriter& w) {
      w.PutApp(scope, {"app1", scope.account + "/" + scope.region, 1, "", 0});
      w.PutEnvironment(scope, {"app1", "dev", 1});
      w.PutResource(scope, MakeResource("app1", "dev", "auth", scope.region));
      w.PutToken(scope, {"app1", "session1", scope.account, 1, 2});
      JobRecord job = MakeJob("app1", "dev", "job1", scope.region);
      w.InsertJob(scope, job);
      w.EnqueueChange(scope, job, {.kind = "Test", .data = "{}", .due_ms = 5});
      return OkStatus();
    });
  }
  this->MustWrite([](StoreWriter& w) {
    w.DeleteApp(kOtherAccount, "app1");
    return OkStatus();
  });
  StoreReader& r = this->reader();
  EXPECT_EQ(r.GetApp(kScope, "app1")->app_name, "111111111111/us-east-1");
  EXPECT_EQ(r.GetApp(kOtherRegion, "app1")->app_name, "111111111111/eu-west-1");
  EXPECT_FALSE(r.GetApp(kOtherAccount, "app1"));
  EXPECT_EQ(r.ListResources(kScope, "app1", "dev").at(0).name, "us-east-1");
  EXPECT_EQ(r.ListResources(kOtherRegion, "app1", "dev").at(0).name, "eu-west-1");
  EXPECT_EQ(r.GetToken(kOtherRegion, "app1", "session1")->challenge_code, "111111111111");
  EXPECT_EQ(r.GetJob(kOtherRegion, "app1", "job1")->operation, "eu-west-1");
  EXPECT_EQ(r.ListJobs(kScope, JobsOf("app1", "dev")).size(), 1u);
  EXPECT_EQ(r.FindPendingJob(kOtherAccount, "app1", "dev")->job_id, "job1");
  std::vector<ClaimedJob> claimed;
  this->MustWrite([&](StoreWriter& w) {
    claimed = w.ClaimDueJobs(10, 1000, "engine", 10);
    return OkStatus();
  });
  ASSERT_EQ(claimed.size(), 3u);  // every scope's
  std::vector<Scope> scopes;
  for (const ClaimedJob& c : claimed) scopes.push_back(c.scope);
  EXPECT_NE(std::find(scopes.begin(), scopes.end(), kOtherRegion), scopes.end());
}

}  // namespace amplify::store::contract

// The rest of the suite; registration below must name every test of every part.
#include "store/store_buckets_contract.h"
#include "store/store_jobs_contract.h"
#include "store/store_versions_contract.h"
#include "store/store_write_contract.h"

namespace amplify::store::contract {

REGISTER_TYPED_TEST_SUITE_P(
    StoreContractTest,
    // records
    AppIsPutReplacedAndRead, PutAppIfAbsentKeepsAnExistingApp,
    CreateEnvironmentAddsTheAppOnlyWhenNew, MissingRecordsAreEmpty, EnvironmentsListInCreationOrder,
    ResourcesArePutReplacedListedAndDeleted, TokensArePutReadAndDeleted,
    ListAppsPagesAndSearchesIdsAndNames, ListLiveTokensLeavesOutExpiredOnesAndOtherApps,
    DeleteEnvironmentRemovesItsResourcesButKeepsJobs, DeleteAppRemovesEverythingButJobs,
    ScopesIsolateAccountsAndRegions,
    // jobs
    InsertJobAssignsIncreasingSeqAndUpdateKeepsIt, ListJobsPagesNewestFirst,
    HasJobsSeesAnyEnvironmentOfTheAppInItsScopeOnly,
    ListJobsFiltersByStatusOperationAndJobId, AStatusChangeMovesAJobBetweenStatusFilters,
    FindPendingJobSeesTheEnvironmentAndTheApp,
    APendingCheckInAWriteFollowsDequeuesAndRollbacks, ClaimsLeaseDueJobsOldestFirstToOneOwner,
    AnEndedLeaseMayBeClaimedAgain, DequeuedJobsAreNeitherPendingNorClaimed,
    // versions and models
    EveryWriteUnderAnAppBumpsItsVersion, ApiModelsArePutReplacedAndGoWithTheirApi,
    CopyEnvironmentCopiesResourcesAndModels, AtomicallyUndoesOnlyItsOwnChanges,
    // writes
    RejectedWriteChangesNothing, ThrowingWriteFailsAsInternalAndChangesNothing,
    WriterReadsItsOwnUncommittedWrites, RejectedWritesInABatchLeaveTheOthersCommitted,
    DoneComesAfterTheWriteIsVisibleToReaders, ConcurrentWritersFromManyThreadsAllComplete,
    AReaderAskedForAgainSeesEveryWriteDoneBefore, ReaderIsStableWithinAThread,
    // buckets
    BucketsArePutReadReplacedAndDeleted, BucketNamesAreGlobalAcrossAccounts,
    ListBucketsPagesOneAccountInNameOrder, RejectedWriteLeavesNoBucket);

}  // namespace amplify::store::contract
