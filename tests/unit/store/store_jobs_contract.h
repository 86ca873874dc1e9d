#pragma once
// Store contract, jobs: seq assignment, ListJobs paging and filters, the queue of pending
// jobs with its claims and leases.
// Part of the suite in store_contract.h, which registers these tests.
#include "store/store_contract_fixture.h"

namespace amplify::store::contract {

TYPED_TEST_P(StoreContractTest, InsertJobAssignsIncreasingSeqAndUpdateKeepsIt) {
  JobRecord first = MakeJob("app1", "dev", "job1");
  JobRecord second = MakeJob("app1", "dev", "job2");
  this->MustWrite([&](StoreWriter& w) {
    w.InsertJob(kScope, first);
    w.InsertJob(kScope, second);
    return OkStatus();
  });
  EXPECT_GT(first.seq, 0);
  EXPECT_GT(second.seq, first.seq);

  JobRecord update = MakeJob("app1", "dev", "job1", "Renamed", "COMPLETED");
  update.error = "boom";
  update.update_ms = 2000;
  this->MustWrite([&](StoreWriter& w) {
    w.UpdateJob(kScope, update);
    return OkStatus();
  });
  std::optional<JobRecord> stored = this->reader().GetJob(kScope, "app1", "job1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->seq, first.seq);
  EXPECT_EQ(stored->status, "COMPLETED");
  EXPECT_EQ(stored->error, "boom");
  EXPECT_EQ(stored->create_ms, 1000);
  EXPECT_EQ(stored->update_ms, 2000);
  EXPECT_EQ(stored->environment, "dev");
  EXPECT_EQ(stored->operation, "Renamed");
  EXPECT_EQ(this->reader().GetJob(kScope, "app1", "job2")->status, "RUNNING");
}

TYPED_TEST_P(StoreContractTest, ListJobsPagesNewestFirst) {
  std::vector<JobRecord> jobs;
  for (int i = 1; i <= 7; ++i) jobs.push_back(MakeJob("app1", "dev", "job" + std::to_string(i)));
  jobs.push_back(MakeJob("app1", "prod", "other-env"));
  jobs.push_back(MakeJob("app2", "dev", "other-app"));
  this->PutJobs(kScope, jobs);

  JobQuery query = JobsOf("app1", "dev", 3);
  std::vector<JobRecord> page = this->reader().ListJobs(kScope, query);
  EXPECT_EQ(JobIds(page), (std::vector<std::string>{"job7", "job6", "job5"}));
  query.before_seq = page.back().seq;
  page = this->reader().ListJobs(kScope, query);
  EXPECT_EQ(JobIds(page), (std::vector<std::string>{"job4", "job3", "job2"}));
  query.before_seq = page.back().seq;
  page = this->reader().ListJobs(kScope, query);
  EXPECT_EQ(JobIds(page), (std::vector<std::string>{"job1"}));
  query.before_seq = page.back().seq;
  EXPECT_TRUE(this->reader().ListJobs(kScope, query).empty());
}

TYPED_TEST_P(StoreContractTest, HasJobsSeesAnyEnvironmentOfTheAppInItsScopeOnly) {
  EXPECT_FALSE(this->reader().HasJobs(kScope, "app1"));
  this->PutJobs(kScope, {MakeJob("app1", "prod", "job1"), MakeJob("app2", "", "app-level")});
  EXPECT_TRUE(this->reader().HasJobs(kScope, "app1"));
  EXPECT_TRUE(this->reader().HasJobs(kScope, "app2"));
  EXPECT_FALSE(this->reader().HasJobs(kScope, "app"));
  EXPECT_FALSE(this->reader().HasJobs(kOtherAccount, "app1"));
  EXPECT_FALSE(this->reader().HasJobs(kOtherRegion, "app1"));
}

TYPED_TEST_P(StoreContractTest, ListJobsFiltersByStatusOperationAndJobId) {
  this->PutJobs(kScope, {
                            MakeJob("app1", "dev", "a", "CreateBackend", "COMPLETED"),
                            MakeJob("app1", "dev", "b", "UpdateBackendAuth", "FAILED"),
                            MakeJob("app1", "dev", "c", "CreateBackend", "FAILED"),
                            MakeJob("app1", "dev", "d", "UpdateBackendAuth", "COMPLETED"),
                            MakeJob("app1", "prod", "e", "CreateBackend", "FAILED"),
                        });
  // The ids ListJobs returns for app1's "dev" jobs, once `refine` has set the filters.
  auto list = [&](auto refine) {
    JobQuery query = JobsOf("app1", "dev");
    refine(query);
    return JobIds(this->reader().ListJobs(kScope, query));
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(list([](JobQuery& q) { q.status = "FAILED"; }), (Ids{"c", "b"}));
  EXPECT_EQ(list([](JobQuery& q) { q.operation = "CreateBackend"; }), (Ids{"c", "a"}));
  EXPECT_EQ(list([](JobQuery& q) {
              q.operation = "CreateBackend";
              q.status = "FAILED";
            }),
            (Ids{"c"}));
  EXPECT_EQ(list([](JobQuery& q) { q.job_id = "b"; }), (Ids{"b"}));
  EXPECT_EQ(list([](JobQuery& q) {
              q.job_id = "b";
              q.status = "FAILED";
            }),
            (Ids{"b"}));
  // Every filter must match, including the environment and the page cursor.
  EXPECT_EQ(list([](JobQuery& q) {
              q.job_id = "b";
              q.status = "COMPLETED";
            }),
            Ids{});
  EXPECT_EQ(list([](JobQuery& q) { q.job_id = "e"; }), Ids{});
  EXPECT_EQ(list([](JobQuery& q) {
              q.environment = "prod";
              q.job_id = "e";
            }),
            (Ids{"e"}));
  const int64_t seq_of_b = this->reader().GetJob(kScope, "app1", "b")->seq;
  EXPECT_EQ(list([&](JobQuery& q) {
              q.job_id = "b";
              q.before_seq = seq_of_b;
            }),
            Ids{});
  EXPECT_EQ(list([&](JobQuery& q) {
              q.status = "FAILED";
              q.before_seq = seq_of_b + 1;
            }),
            (Ids{"b"}));
  EXPECT_EQ(list([](JobQuery& q) { q.status = "NO_SUCH_STATUS"; }), Ids{});
  EXPECT_EQ(list([](JobQuery& q) { q.limit = 0; }), Ids{});
}

// A job that ends moves from its old status's listing to the new one's, whichever way the
// store indexes them.
TYPED_TEST_P(StoreContractTest, AStatusChangeMovesAJobBetweenStatusFilters) {
  this->PutJobs(kScope, {MakeJob("app1", "dev", "ends", "CreateBackend", "RUNNING"),
                         MakeJob("app1", "dev", "done", "CreateBackend", "COMPLETED")});
  auto with_status = [&](const char* status) {
    JobQuery query = JobsOf("app1", "dev");
    query.status = status;
    return JobIds(this->reader().ListJobs(kScope, query));
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(with_status("RUNNING"), Ids{"ends"});
  EXPECT_EQ(with_status("COMPLETED"), Ids{"done"});
  for (const char* status : {"COMPLETED", "FAILED"}) {
    this->MustWrite([&](StoreWriter& w) {
      w.UpdateJob(kScope, MakeJob("app1", "dev", "ends", "CreateBackend", status));
      return OkStatus();
    });
    EXPECT_EQ(with_status("RUNNING"), Ids{});
    EXPECT_EQ(with_status("COMPLETED"),
              std::string(status) == "COMPLETED" ? (Ids{"done", "ends"}) : Ids{"done"});  // newest first
    EXPECT_EQ(with_status("FAILED"), std::string(status) == "FAILED" ? Ids{"ends"} : Ids{});
  }
}

TYPED_TEST_P(StoreContractTest, FindPendingJobSeesTheEnvironmentAndTheApp) {
  this->PutJobs(kScope, {MakeJob("app1", "dev", "done", "CreateBackend", "COMPLETED")});
  EXPECT_FALSE(this->reader().FindPendingJob(kScope, "app1", "dev"));  // only queued ones

  this->QueueJob(kScope, "app1", "dev", "queued", 50);
  StoreReader& r = this->reader();  // a reader sees the writes done before it was asked for
  EXPECT_EQ(r.FindPendingJob(kScope, "app1", "dev")->job_id, "queued");
  EXPECT_EQ(r.FindPendingJob(kScope, "app1", "dev")->environment, "dev");
  EXPECT_FALSE(r.FindPendingJob(kScope, "app1", "prod"));
  // A new app-level job waits for any environment's.
  EXPECT_EQ(r.FindPendingJob(kScope, "app1", "")->job_id, "queued");
  EXPECT_FALSE(r.FindPendingJob(kScope, "app2", ""));
  // An app-level job blocks every environment.
  this->QueueJob(kScope, "app2", "", "app-level", 50);
  EXPECT_EQ(this->reader().FindPendingJob(kScope, "app2", "anything")->job_id, "app-level");
  EXPECT_FALSE(this->reader().FindPendingJob(kOtherAccount, "app2", "anything"));
}

// Inside writes, where a store may remember what it wrote: dequeues and rollbacks included.
TYPED_TEST_P(StoreContractTest, APendingCheckInAWriteFollowsDequeuesAndRollbacks) {
  auto pending = [&] {
    bool found = false;
    this->MustWrite([&](StoreWriter& w) {
      found = w.FindPendingJob(kScope, "app1", "dev").has_value();
      return OkStatus();
    });
    return found;
  };
  EXPECT_FALSE(pending());
  JobRecord job = this->QueueJob(kScope, "app1", "dev", "job", 100);
  EXPECT_TRUE(pending());
  // A dequeue that is rolled back leaves the job pending ...
  Status rejected = this->store_->WriteSync([&](StoreWriter& w) {
    w.DequeueChange(kScope, "app1", "job");
    EXPECT_FALSE(w.FindPendingJob(kScope, "app1", "dev"));
    return Status(BadRequest("no"));
  });
  EXPECT_FALSE(rejected.ok());
  EXPECT_TRUE(pending());
  // ... one that commits does not; and an enqueue that is rolled back adds nothing.
  this->MustWrite([&](StoreWriter& w) {
    w.DequeueChange(kScope, "app1", "job");
    return OkStatus();
  });
  EXPECT_FALSE(pending());
  rejected = this->store_->WriteSync([&](StoreWriter& w) {
    EXPECT_TRUE(w.Atomically([&] {
                   w.EnqueueChange(kScope, job, {.kind = "Test", .data = "{}", .due_ms = 1});
                   return Status(BadRequest("undone"));
                 })
                    .error()
                    .message == "undone");
    EXPECT_FALSE(w.FindPendingJob(kScope, "app1", "dev"));
    return Status(BadRequest("no"));
  });
  EXPECT_FALSE(pending());
}

TYPED_TEST_P(StoreContractTest, ClaimsLeaseDueJobsOldestFirstToOneOwner) {
  this->QueueJob(kScope, "app1", "dev", "later", 300, R"({"n":2})");
  this->QueueJob(kOtherRegion, "app1", "dev", "sooner", 100, R"({"n":1})");
  this->QueueJob(kScope, "app1", "prod", "not-yet", 900);
  EXPECT_EQ(this->reader().NextClaimMs(), 100);
  std::vector<ClaimedJob> claimed;
  this->MustWrite([&](StoreWriter& w) {
    claimed = w.ClaimDueJobs(/*now_ms=*/500, /*lease_ms=*/1000, "engine-a", 10);
    return OkStatus();
  });
  ASSERT_EQ(claimed.size(), 2u);
  EXPECT_EQ(claimed[0].job_id, "sooner");
  EXPECT_EQ(claimed[0].scope, kOtherRegion);
  EXPECT_EQ(claimed[0].due_ms, 100);
  EXPECT_EQ(claimed[0].kind, "Test");
  EXPECT_EQ(claimed[0].data, R"({"n":1})");
  EXPECT_EQ(claimed[1].job_id, "later");
  EXPECT_EQ(claimed[1].environment, "dev");
  // Leased: another engine gets nothing until the lease ends; the owner is on record.
  this->MustWrite([&](StoreWriter& w) {
    EXPECT_TRUE(w.ClaimDueJobs(600, 1000, "engine-b", 10).empty());
    EXPECT_EQ(w.LeaseOwner(kScope, "app1", "later"), "engine-a");
    EXPECT_EQ(w.LeaseOwner(kScope, "app1", "not-yet"), "");
    EXPECT_FALSE(w.LeaseOwner(kScope, "app1", "unknown"));
    return OkStatus();
  });
  EXPECT_EQ(this->reader().NextClaimMs(), 900);  // the unleased one, before the leases end
}

TYPED_TEST_P(StoreContractTest, AnEndedLeaseMayBeClaimedAgain) {
  this->QueueJob(kScope, "app1", "dev", "job", 100);
  this->MustWrite([&](StoreWriter& w) {
    EXPECT_EQ(w.ClaimDueJobs(100, 50, "engine-a", 10).size(), 1u);
    return OkStatus();
  });
  EXPECT_EQ(this->reader().NextClaimMs(), 150);
  this->MustWrite([&](StoreWriter& w) {
    EXPECT_TRUE(w.ClaimDueJobs(149, 50, "engine-b", 10).empty());  // ends at 150
    std::vector<ClaimedJob> again = w.ClaimDueJobs(150, 50, "engine-b", 10);
    EXPECT_EQ(again.size(), 1u);
    EXPECT_EQ(w.LeaseOwner(kScope, "app1", "job"), "engine-b");
    return OkStatus();
  });
}

TYPED_TEST_P(StoreContractTest, DequeuedJobsAreNeitherPendingNorClaimed) {
  this->QueueJob(kScope, "app1", "dev", "job", 100);
  this->QueueJob(kScope, "app1", "prod", "other", 100);
  this->MustWrite([&](StoreWriter& w) {
    w.DequeueChange(kScope, "app1", "job");
    return OkStatus();
  });
  EXPECT_FALSE(this->reader().FindPendingJob(kScope, "app1", "dev"));
  this->MustWrite([&](StoreWriter& w) {
    std::vector<ClaimedJob> claimed = w.ClaimDueJobs(200, 10, "engine", 10);
    EXPECT_EQ(claimed.size(), 1u);
    if (!claimed.empty()) {
      EXPECT_EQ(claimed[0].job_id, "other");
    }
    EXPECT_FALSE(w.LeaseOwner(kScope, "app1", "job"));
    return OkStatus();
  });
  EXPECT_TRUE(this->reader().GetJob(kScope, "app1", "job"));  // the job itself stays
}

}  // namespace amplify::store::contract
