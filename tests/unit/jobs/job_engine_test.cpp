#include "jobs/job_engine.h"

#include <boost/json/parse.hpp>

#include "service/service_fixture.h"

namespace amplify::service {
namespace {

// Jobs that take a second to complete, driven by the manual clock (no sleeps).
class SlowJobsTest : public ServiceFixture {
 protected:
  SlowJobsTest() : ServiceFixture(std::chrono::milliseconds(1000)) {}
};

TEST_F(SlowJobsTest, JobsRunThenCompleteAndOnlyThenChangeState) {
  HttpReply c = CreateBackend("a", "dev");
  ASSERT_EQ(c.status, 200) << c.raw;
  EXPECT_EQ(Str(c.body, "status"), "RUNNING");
  EXPECT_EQ(Post("/backend/a/details").status, 404);  // the app appears when the job completes
  std::string job_path = "/backend/a/job/dev/" + Str(c.body, "jobId");

  clock_.Advance(999);
  EXPECT_EQ(engine_.RunDue(), 0);
  EXPECT_EQ(Str(Send("GET", job_path).body, "status"), "RUNNING");

  clock_.Advance(1);
  EXPECT_EQ(engine_.RunDue(), 1);
  HttpReply job = Send("GET", job_path);
  EXPECT_EQ(Str(job.body, "status"), "COMPLETED");
  EXPECT_NE(Str(job.body, "createTime"), Str(job.body, "updateTime"));
  EXPECT_EQ(Post("/backend/a/details").status, 200);
}

TEST_F(SlowJobsTest, OneRunningJobPerEnvironment) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  HttpReply again = CreateBackend("a", "dev");
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(Str(again.body, "message"),
            "There is already a pending job for the requested appId: a and "
            "backendEnvironmentName: dev, wait for it to complete before creating a new job.");
  // Another environment is free.
  EXPECT_EQ(CreateBackend("a", "prod").status, 200);
}

TEST_F(SlowJobsTest, JobsDueTogetherCompleteInTheOrderTheyBegan) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  clock_.Advance(1000);
  engine_.RunDue();
  HttpReply clone = Post("/backend/a/environments/dev/clone", R"({"targetEnvironmentName":"qa"})");
  ASSERT_EQ(Post("/backend/a/environments/dev/remove").status, 200);
  clock_.Advance(1000);
  EXPECT_EQ(engine_.RunDue(), 2);
  EXPECT_EQ(Str(Send("GET", "/backend/a/job/qa/" + Str(clone.body, "jobId")).body, "status"),
            "COMPLETED");
  EXPECT_EQ(Post("/backend/a/details").body.at("backendEnvironmentList"),
            boost::json::parse(R"(["qa"])"));
}

TEST_F(SlowJobsTest, AJobWhoseChangeNoLongerAppliesFails) {
  ASSERT_EQ(CreateBackend("a", "dev").status, 200);
  clock_.Advance(1000);
  engine_.RunDue();
  // The delete begins first, the clone of the still-visible dev after it: by the time the
  // clone completes its source is gone.
  ASSERT_EQ(Post("/backend/a/environments/dev/remove").status, 200);
  HttpReply clone = Post("/backend/a/environments/dev/clone", R"({"targetEnvironmentName":"qa"})");
  ASSERT_EQ(clone.status, 200) << clone.raw;
  clock_.Advance(1000);
  EXPECT_EQ(engine_.RunDue(), 2);
  HttpReply job = Send("GET", "/backend/a/job/qa/" + Str(clone.body, "jobId"));
  EXPECT_EQ(Str(job.body, "status"), "FAILED");
  EXPECT_NE(Str(job.body, "error").find("dev"), std::string::npos) << job.raw;
  EXPECT_EQ(Post("/backend/a/details").body.at("backendEnvironmentList"), boost::json::parse("[]"));
}

TEST_F(SlowJobsTest, AnAdministratorCanUnstickAJob) {
  HttpReply c = CreateBackend("a", "dev");
  std::string path = "/backend/a/job/dev/" + Str(c.body, "jobId");
  ASSERT_EQ(Post(path, R"({"status":"FAILED"})").status, 200);
  clock_.Advance(1000);
  engine_.RunDue();
  EXPECT_EQ(Str(Send("GET", path).body, "status"), "FAILED");
  EXPECT_EQ(Post("/backend/a/details").status, 404);  // the change never applied
  EXPECT_EQ(CreateBackend("a", "dev").status, 200);   // and the environment is free again
}

TEST_F(SlowJobsTest, RunningJobsAreRecoveredFromTheStore) {
  HttpReply c = CreateBackend("a", "dev");
  // A second engine over the same store stands in for a restarted process.
  jobs::JobEngine restarted(*store_, clock_, ids_, Options(std::chrono::milliseconds(1000)),
                            &DecodeChange, pool_);
  clock_.Advance(1000);
  EXPECT_EQ(restarted.RunDue(), 1);
  EXPECT_EQ(Post("/backend/a/details").status, 200);
  EXPECT_EQ(engine_.RunDue(), 0);  // the first engine finds nothing left to apply
}

}  // namespace
}  // namespace amplify::service
