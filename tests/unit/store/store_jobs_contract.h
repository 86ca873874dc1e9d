#pragma once
// Store contract, jobs: seq assignment, ListJobs paging and filters, running-job lookups.
// Part of the suite in store_contract.h, which registers these tests.
#include "store/store_contract_fixture.h"

namespace amplify::store::contract {

TYPED_TEST_P(StoreContractTest, PutJobAssignsIncreasingSeqAndUpdateKeepsIt) {
  JobRecord first = MakeJob("app1", "dev", "job1");
  JobRecord second = MakeJob("app1", "dev", "job2");
  this->MustWrite([&](StoreWriter& w) {
    w.PutJob(kScope, first);
    w.PutJob(kScope, second);
    return OkStatus();
  });
  EXPECT_GT(first.seq, 0);
  EXPECT_GT(second.seq, first.seq);

  JobRecord update = MakeJob("app1", "dev", "job1", "CreateBackend", "COMPLETED");
  update.error = "boom";
  update.update_ms = 2000;
  update.payload_json = "";
  this->MustWrite([&](StoreWriter& w) {
    w.PutJob(kScope, update);
    return OkStatus();
  });
  EXPECT_EQ(update.seq, first.seq);
  std::optional<JobRecord> stored = this->reader().GetJob(kScope, "app1", "job1");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->seq, first.seq);
  EXPECT_EQ(stored->status, "COMPLETED");
  EXPECT_EQ(stored->error, "boom");
  EXPECT_EQ(stored->create_ms, 1000);
  EXPECT_EQ(stored->update_ms, 2000);
  EXPECT_EQ(stored->payload_json, "");
  EXPECT_EQ(stored->environment, "dev");
  EXPECT_EQ(stored->operation, "CreateBackend");
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

TYPED_TEST_P(StoreContractTest, FindRunningJobReturnsOnlyThatEnvironmentsRunningJob) {
  this->PutJobs(kScope, {
                            MakeJob("app1", "dev", "done", "CreateBackend", "COMPLETED"),
                            MakeJob("app1", "dev", "running"),
                            MakeJob("app1", "prod", "prod-running"),
                        });
  std::optional<JobRecord> running = this->reader().FindRunningJob(kScope, "app1", "dev");
  ASSERT_TRUE(running.has_value());
  EXPECT_EQ(running->job_id, "running");
  EXPECT_EQ(this->reader().FindRunningJob(kScope, "app1", "prod")->job_id, "prod-running");
  EXPECT_FALSE(this->reader().FindRunningJob(kScope, "app1", "test"));

  JobRecord finished = *running;
  finished.status = "COMPLETED";
  this->PutJobs(kScope, {finished});
  EXPECT_FALSE(this->reader().FindRunningJob(kScope, "app1", "dev"));
}

TYPED_TEST_P(StoreContractTest, ListRunningJobsCoversEveryScopeOldestFirst) {
  this->PutJobs(kOtherRegion, {MakeJob("app1", "dev", "first")});
  this->PutJobs(kScope, {MakeJob("app1", "dev", "done", "CreateBackend", "COMPLETED")});
  this->PutJobs(kOtherAccount, {MakeJob("app9", "", "second")});
  this->PutJobs(kScope, {MakeJob("app1", "prod", "third")});

  std::vector<ScopedJob> running = this->reader().ListRunningJobs();
  ASSERT_EQ(running.size(), 3u);
  EXPECT_EQ(running[0].job.job_id, "first");
  EXPECT_EQ(running[0].scope, kOtherRegion);
  EXPECT_EQ(running[1].job.job_id, "second");
  EXPECT_EQ(running[1].scope, kOtherAccount);
  EXPECT_EQ(running[1].job.environment, "");
  EXPECT_EQ(running[2].job.job_id, "third");
  EXPECT_EQ(running[2].scope, kScope);
  EXPECT_LT(running[0].job.seq, running[1].job.seq);
  EXPECT_LT(running[1].job.seq, running[2].job.seq);
}

}  // namespace amplify::store::contract
