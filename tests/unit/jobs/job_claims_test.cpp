// The engine alone, over a real store, with a change kind of the test's own: how jobs begin,
// are claimed under a lease, prepared, and completed exactly once.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "common/clock.h"
#include "common/ids.h"
#include "common/worker_pool.h"
#include "jobs/job_engine.h"
#include "store/store.h"

namespace amplify::jobs {
namespace {

const Scope kScope{"111111111111", "us-east-1"};

// Puts an app named after its data when applied; its data says whether it applies at all and
// how many times its preparation must find itself stale.
struct Counters {
  std::atomic<int> prepared{0}, applied{0};
};
Counters counters;

// Holds every preparation until the test opens it.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = true;
  void Close() {
    std::lock_guard lock(mu);
    open = false;
  }
  void Open() {
    {
      std::lock_guard lock(mu);
      open = true;
    }
    cv.notify_all();
  }
  void Pass() {
    std::unique_lock lock(mu);
    cv.wait(lock, [this] { return open; });
  }
};
Gate gate;

class TestChange final : public JobChange {
 public:
  explicit TestChange(boost::json::object data) : data_(std::move(data)) {}
  std::string_view Kind() const override { return "Test"; }
  std::string Encode() const override { return boost::json::serialize(data_); }
  bool NeedsPreparation() const override { return data_.contains("stale"); }
  void Prepare(store::StoreReader&, const Scope&) override {
    gate.Pass();
    ++prepared_;
    ++counters.prepared;
  }
  bool Stale(store::StoreReader&, const Scope&) const override {
    return data_.contains("stale") && prepared_ <= data_.at("stale").as_int64();
  }
  Status Check(store::StoreReader&, const Scope&) const override {
    if (data_.contains("refuse")) return BadRequest("it no longer applies");
    return OkStatus();
  }
  Status Apply(store::StoreWriter& w, const Scope& scope, int64_t) override {
    ++counters.applied;
    w.PutApp(scope, {std::string(data_.at("app").as_string()), "", 1, "", 0});
    if (data_.contains("fail")) return BadRequest("invalid");  // written, then undone
    return OkStatus();
  }

 private:
  boost::json::object data_;
  int prepared_ = 0;
};

std::unique_ptr<JobChange> Decode(std::string_view kind, std::string_view data) {
  if (kind != "Test") return nullptr;
  return std::make_unique<TestChange>(boost::json::parse(data).as_object());
}

class JobClaimsTest : public ::testing::Test {
 protected:
  JobClaimsTest() : store_(store::OpenSqliteStore({.in_memory = true})) {
    counters.prepared = counters.applied = 0;
  }

  JobEngine& Engine(int64_t duration_ms = 1000) {
    JobOptions options;
    options.duration = std::chrono::milliseconds(duration_ms);
    options.lease = std::chrono::milliseconds(500);
    options.poll = std::chrono::milliseconds(5);
    engines_.push_back(std::make_unique<JobEngine>(*store_, clock_, ids_, options, &Decode, pool_));
    return *engines_.back();
  }
  Result<store::JobRecord> Begin(JobEngine& engine, const std::string& env,
                                 const std::string& data) {
    TestChange change(boost::json::parse(data).as_object());
    Result<store::JobRecord> job = Internal("not begun");
    Status written = store_->WriteSync([&](store::StoreWriter& w) -> Status {
      job = engine.Begin(w, kScope, {"app", env, "CreateBackend", ""}, change);
      return job ? OkStatus() : Status(job.error());
    });
    return job;
  }
  std::string StatusOf(const store::JobRecord& job) {
    return store_->Reader().GetJob(kScope, "app", job.job_id)->status;
  }
  bool AppExists(const std::string& app) {
    return store_->Reader().GetApp(kScope, app).has_value();
  }

  ManualClock clock_;
  SequentialIdSource ids_;
  WorkerPool pool_{1, 8};
  std::unique_ptr<store::Store> store_;
  std::vector<std::unique_ptr<JobEngine>> engines_;
};

// The poller never waits for a preparation: a generation starved of CPU delays only its job.
TEST_F(JobClaimsTest, AJobBeingPreparedDoesNotHoldUpTheOthers) {
  JobEngine& engine = Engine();
  gate.Close();
  Result<store::JobRecord> slow = Begin(engine, "dev", R"({"app":"slow","stale":0})");
  Result<store::JobRecord> quick = Begin(engine, "prod", R"({"app":"quick"})");
  clock_.Advance(1000);
  engine.Start();
  auto completed = [&](const store::JobRecord& job) {
    for (int i = 0; i < 2000; ++i) {  // bounded: the poller looks every 5 ms
      if (StatusOf(job) == "COMPLETED") return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return false;
  };
  EXPECT_TRUE(completed(*quick));
  EXPECT_EQ(StatusOf(*slow), "RUNNING");
  gate.Open();
  EXPECT_TRUE(completed(*slow));
  engine.Stop();
}

TEST_F(JobClaimsTest, AtOnceAJobAppliesInTheWriteThatBeginsIt) {
  JobEngine& engine = Engine(0);
  Result<store::JobRecord> job = Begin(engine, "dev", R"({"app":"made"})");
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->status, "COMPLETED");
  EXPECT_TRUE(AppExists("made"));
  EXPECT_FALSE(store_->Reader().NextClaimMs());  // nothing queued
}

TEST_F(JobClaimsTest, AChangeThatFailsEndsItsJobFailedWithNothingApplied) {
  JobEngine& engine = Engine(0);
  Result<store::JobRecord> job = Begin(engine, "dev", R"({"app":"made","fail":1})");
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->status, "FAILED");
  EXPECT_EQ(job->error, "invalid");
  EXPECT_FALSE(AppExists("made"));
}

TEST_F(JobClaimsTest, AQueuedJobCompletesOnceWhenDueWhicheverEngineLooks) {
  JobEngine& first = Engine();
  JobEngine& second = Engine();
  Result<store::JobRecord> job = Begin(first, "dev", R"({"app":"made"})");
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->status, "RUNNING");
  clock_.Advance(999);
  EXPECT_EQ(first.RunDue() + second.RunDue(), 0);
  clock_.Advance(1);
  EXPECT_EQ(second.RunDue(), 1);  // any engine: the queue is in the store
  EXPECT_EQ(first.RunDue(), 0);
  EXPECT_EQ(StatusOf(*job), "COMPLETED");
  EXPECT_EQ(counters.applied.load(), 1);
  EXPECT_TRUE(AppExists("made"));
}

TEST_F(JobClaimsTest, ALeaseKeepsOtherEnginesAwayUntilItEnds) {
  JobEngine& engine = Engine();
  Result<store::JobRecord> job = Begin(engine, "dev", R"({"app":"made"})");
  clock_.Advance(1000);
  // A process that claimed the job and died before completing it.
  ASSERT_TRUE(store_
                  ->WriteSync([&](store::StoreWriter& w) {
                    EXPECT_EQ(w.ClaimDueJobs(clock_.NowMillis(), 500, "dead", 10).size(), 1u);
                    return OkStatus();
                  })
                  .ok());
  EXPECT_EQ(engine.RunDue(), 0);
  clock_.Advance(499);
  EXPECT_EQ(engine.RunDue(), 0);
  clock_.Advance(1);
  EXPECT_EQ(engine.RunDue(), 1);
  EXPECT_EQ(StatusOf(*job), "COMPLETED");
}

TEST_F(JobClaimsTest, AChangeThatNoLongerAppliesEndsFailedWithWhy) {
  JobEngine& engine = Engine();
  Result<store::JobRecord> job = Begin(engine, "dev", R"({"app":"made","refuse":1})");
  clock_.Advance(1000);
  EXPECT_EQ(engine.RunDue(), 1);
  std::optional<store::JobRecord> ended = store_->Reader().GetJob(kScope, "app", job->job_id);
  EXPECT_EQ(ended->status, "FAILED");
  EXPECT_EQ(ended->error, "it no longer applies");
  EXPECT_EQ(counters.applied.load(), 0);
}

TEST_F(JobClaimsTest, AStalePreparationIsDoneAgainAndThenTheJobCompletes) {
  JobEngine& engine = Engine();
  Result<store::JobRecord> job = Begin(engine, "dev", R"({"app":"made","stale":2})");
  clock_.Advance(1000);
  EXPECT_EQ(engine.RunDue(), 1);
  EXPECT_EQ(counters.prepared.load(), 3);  // twice stale, then current
  EXPECT_EQ(StatusOf(*job), "COMPLETED");
}

TEST_F(JobClaimsTest, APreparationThatStaysStaleEndsTheJobFailed) {
  JobEngine& engine = Engine();
  Result<store::JobRecord> job = Begin(engine, "dev", R"({"app":"made","stale":99})");
  clock_.Advance(1000);
  EXPECT_EQ(engine.RunDue(), 1);
  EXPECT_EQ(StatusOf(*job), "FAILED");
  EXPECT_FALSE(AppExists("made"));
}

TEST_F(JobClaimsTest, AChangeThisServerCannotReadEndsItsJobFailed) {
  JobEngine& engine = Engine();
  store::JobRecord job{.app_id = "app",
                       .environment = "dev",
                       .job_id = "odd",
                       .operation = "CreateBackend",
                       .status = "RUNNING",
                       .error = "",
                       .create_ms = clock_.NowMillis(),
                       .update_ms = clock_.NowMillis()};
  ASSERT_TRUE(store_
                  ->WriteSync([&](store::StoreWriter& w) {
                    w.InsertJob(kScope, job);
                    w.EnqueueChange(kScope, job, {"FromTheFuture", "{}", clock_.NowMillis()});
                    return OkStatus();
                  })
                  .ok());
  EXPECT_EQ(engine.RunDue(), 1);
  EXPECT_EQ(StatusOf(job), "FAILED");
  EXPECT_FALSE(store_->Reader().NextClaimMs());
}

TEST_F(JobClaimsTest, PendingJobsBlockTheirEnvironmentAndAppLevelJobsBothWays) {
  JobEngine& engine = Engine();
  ASSERT_TRUE(Begin(engine, "dev", R"({"app":"a"})").ok());
  EXPECT_FALSE(Begin(engine, "dev", R"({"app":"b"})").ok());
  EXPECT_TRUE(Begin(engine, "prod", R"({"app":"c"})").ok());
  Result<store::JobRecord> app_level = Begin(engine, "", R"({"app":"d"})");
  ASSERT_FALSE(app_level.ok());
  EXPECT_NE(app_level.error().message.find("pending job"), std::string::npos);
  clock_.Advance(1000);
  EXPECT_EQ(engine.RunDue(), 2);
  ASSERT_TRUE(Begin(engine, "", R"({"app":"d"})").ok());
  EXPECT_FALSE(Begin(engine, "qa", R"({"app":"e"})").ok());
}

TEST_F(JobClaimsTest, AnAdministratorEndingAJobTakesItsChangeOutOfTheQueue) {
  JobEngine& engine = Engine();
  Result<store::JobRecord> job = Begin(engine, "dev", R"({"app":"made"})");
  store::JobRecord record = *job;
  ASSERT_TRUE(store_
                  ->WriteSync([&](store::StoreWriter& w) {
                    return engine.Administer(w, kScope, record, "Audited", "FAILED");
                  })
                  .ok());
  EXPECT_FALSE(store_->Reader().NextClaimMs());
  clock_.Advance(1000);
  EXPECT_EQ(engine.RunDue(), 0);
  EXPECT_FALSE(AppExists("made"));
  // And it cannot be made to run again.
  Status again = store_->WriteSync([&](store::StoreWriter& w) {
    return engine.Administer(w, kScope, record, std::nullopt, "RUNNING");
  });
  EXPECT_EQ(again.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(store_->Reader().GetJob(kScope, "app", record.job_id)->operation, "Audited");
}

}  // namespace
}  // namespace amplify::jobs
