#include "jobs/job_status.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

namespace amplify::jobs {
namespace {

store::JobRecord JobIn(std::string status) {
  store::JobRecord job;
  job.job_id = "job";
  job.status = std::move(status);
  job.update_ms = 1000;
  return job;
}

TEST(JobStatusTest, TheEngineOnlyEndsRunningJobs) {
  EXPECT_TRUE(Allowed(JobState::kRunning, JobState::kCompleted, Actor::kEngine));
  EXPECT_TRUE(Allowed(JobState::kRunning, JobState::kFailed, Actor::kEngine));
  EXPECT_FALSE(Allowed(JobState::kCompleted, JobState::kFailed, Actor::kEngine));
  EXPECT_FALSE(Allowed(JobState::kFailed, JobState::kCompleted, Actor::kEngine));
  EXPECT_FALSE(Allowed(JobState::kRunning, JobState::kOther, Actor::kEngine));
}

TEST(JobStatusTest, NothingReturnsToRunning) {
  for (JobState from : {JobState::kCompleted, JobState::kFailed, JobState::kOther}) {
    for (Actor by : {Actor::kEngine, Actor::kAdministrator}) {
      EXPECT_FALSE(Allowed(from, JobState::kRunning, by));
    }
  }
  // Relabelling a running job (UpdateBackendJob with an operation only) keeps it running.
  EXPECT_TRUE(Allowed(JobState::kRunning, JobState::kRunning, Actor::kAdministrator));
}

TEST(JobStatusTest, AnAdministratorMayEndOrCorrectAnyJob) {
  for (JobState from :
       {JobState::kRunning, JobState::kCompleted, JobState::kFailed, JobState::kOther}) {
    for (JobState to : {JobState::kCompleted, JobState::kFailed, JobState::kOther}) {
      EXPECT_TRUE(Allowed(from, to, Actor::kAdministrator));
    }
  }
}

TEST(JobStatusTest, TheTableHasNoDuplicateRows) {
  std::set<std::tuple<JobState, JobState, Actor>> rows;
  for (const TransitionRule& r : kTransitions) {
    EXPECT_TRUE(rows.insert({r.from, r.to, r.by}).second);
  }
}

TEST(JobStatusTest, StatusesMapToStates) {
  EXPECT_EQ(StateOf("RUNNING"), JobState::kRunning);
  EXPECT_EQ(StateOf("COMPLETED"), JobState::kCompleted);
  EXPECT_EQ(StateOf("FAILED"), JobState::kFailed);
  EXPECT_EQ(StateOf("CANCELLED"), JobState::kOther);
  EXPECT_EQ(StateOf("running"), JobState::kOther);  // statuses are exact, as clients poll them
}

TEST(JobStatusTest, TransitionSetsStatusErrorAndATimeThatNeverGoesBack) {
  store::JobRecord job = JobIn("RUNNING");
  ASSERT_TRUE(Transition(job, kFailed, Actor::kEngine, 2000, "source gone").ok());
  EXPECT_EQ(job.status, "FAILED");
  EXPECT_EQ(job.error, "source gone");
  EXPECT_EQ(job.update_ms, 2000);
  // An administrator's correction keeps the engine's error; the clock going back does not
  // move the time back.
  ASSERT_TRUE(Transition(job, kCompleted, Actor::kAdministrator, 1500).ok());
  EXPECT_EQ(job.status, "COMPLETED");
  EXPECT_EQ(job.error, "source gone");
  EXPECT_EQ(job.update_ms, 2000);
}

TEST(JobStatusTest, AForbiddenTransitionIsABadRequestThatChangesNothing) {
  store::JobRecord job = JobIn("COMPLETED");
  Status refused = Transition(job, kRunning, Actor::kAdministrator, 5000);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(refused.error().message.find("COMPLETED to RUNNING"), std::string::npos);
  EXPECT_EQ(job.status, "COMPLETED");
  EXPECT_EQ(job.update_ms, 1000);
}

}  // namespace
}  // namespace amplify::jobs
