// Handlers called as the plain functions they are: no dispatcher, no threads. Each test gives
// a handler its context, input and a Snapshot over a real (in-memory) store, and looks at the
// plan it returns and at what it read.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "common/clock.h"
#include "common/ids.h"
#include "service/backend_api.h"
#include "service/backend_jobs.h"
#include "service/backends.h"
#include "service/counting_reader.h"
#include "service/document_cache.h"
#include "service/start_job.h"
#include "store/store.h"

namespace amplify::service {
namespace {

const Scope kScope{"000000000000", "us-east-1"};

class PlansTest : public ::testing::Test {
 protected:
  PlansTest() : store_(store::OpenSqliteStore({.in_memory = true})) {}

  Context Ctx() { return Context{kScope, 1'700'000'000'000, ids_, config_, documents_}; }
  static boost::json::object In(std::string_view json) {
    return boost::json::parse(json).as_object();
  }
  void Seed(const std::string& app, const std::string& env) {
    ASSERT_TRUE(store_
                    ->WriteSync([&](store::StoreWriter& w) {
                      w.PutApp(kScope, {app, "App", 1, "", 0});
                      w.PutEnvironment(kScope, {app, env, 1});
                      return OkStatus();
                    })
                    .ok());
  }

  SequentialIdSource ids_;
  ServiceConfig config_;
  DocumentCache documents_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(PlansTest, CreateBackendPlansAJobOfItsOperationAndWritesNothingYet) {
  testing::CountingReader reader(store_->Reader());
  Snapshot read(reader, kScope);
  Result<Plan> plan = CreateBackend(
      Ctx(), In(R"({"appId":"a","appName":"A","backendEnvironmentName":"dev"})"), read);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  auto* step = dynamic_cast<StartJob*>(plan->write.get());
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(step->job().operation, "CreateBackend");
  EXPECT_EQ(step->job().app_id, "a");
  EXPECT_EQ(step->job().environment, "dev");
  EXPECT_EQ(step->change().Kind(), "CreateBackend");
  EXPECT_EQ(reader.count("AppVersion"), 1);  // read first: the write compares it
  EXPECT_EQ(reader.count("GetEnvironment"), 1);
  EXPECT_FALSE(store_->Reader().GetApp(kScope, "a"));
}

TEST_F(PlansTest, AnExistingEnvironmentIsTheRequestsErrorWithoutAWrite) {
  Seed("a", "dev");
  Snapshot read(store_->Reader(), kScope);
  Result<Plan> plan = CreateBackend(
      Ctx(), In(R"({"appId":"a","appName":"A","backendEnvironmentName":"dev"})"), read);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::kBadRequest);
}

TEST_F(PlansTest, EachEntityIsReadOncePerPhase) {
  Seed("a", "dev");
  testing::CountingReader reader(store_->Reader());
  Snapshot read(reader, kScope);
  // CloneBackend checks the app, the source and the target; DeleteBackend in the same phase
  // asks for the app and the environment again: all from what was read.
  ASSERT_TRUE(CloneBackend(Ctx(),
                           In(R"({"appId":"a","backendEnvironmentName":"dev",)"
                              R"("targetEnvironmentName":"qa"})"),
                           read)
                  .ok());
  ASSERT_TRUE(
      DeleteBackend(Ctx(), In(R"({"appId":"a","backendEnvironmentName":"dev"})"), read).ok());
  EXPECT_EQ(reader.count("GetApp"), 1);
  EXPECT_EQ(reader.count("GetEnvironment"), 2);  // dev and qa, once each
  EXPECT_EQ(reader.count("AppVersion"), 0);      // it came with the app
}

// Runs a plan's write in its own transaction, as the dispatcher would.
Result<WriteResult> RunWrite(store::Store& store, WriteStep& step, IdSource& ids) {
  ManualClock clock;
  WorkerPool pool(1, 1);
  jobs::JobEngine engine(store, clock, ids, {}, &DecodeChange, pool);
  Result<WriteResult> ran = Internal("not run");
  Status written = store.WriteSync([&](store::StoreWriter& w) -> Status {
    WriteContext ctx{w, kScope, engine};
    ran = step.Run(ctx);
    return ran ? OkStatus() : Status(ran.error());
  });
  return ran;
}

TEST_F(PlansTest, TheWriteChecksAgainAndAnswersWithTheRequestsError) {
  Snapshot read(store_->Reader(), kScope);
  Result<Plan> plan = CreateBackend(
      Ctx(), In(R"({"appId":"a","appName":"A","backendEnvironmentName":"dev"})"), read);
  ASSERT_TRUE(plan.ok());
  Seed("a", "dev");  // another request creates the environment meanwhile
  Result<WriteResult> ran = RunWrite(*store_, *plan->write, ids_);
  ASSERT_FALSE(ran.ok());
  EXPECT_EQ(ran.error().code, ErrorCode::kBadRequest);
  EXPECT_NE(ran.error().message.find("already exists"), std::string::npos);
}

TEST_F(PlansTest, AWriteComputedFromAChangedResourceAsksForANewPlan) {
  Seed("a", "dev");
  ASSERT_TRUE(store_
                  ->WriteSync([&](store::StoreWriter& w) {
                    w.PutResource(kScope, {"a", "dev", "api", "blog",
                                           R"({"resourceConfig":{"apiName":"one"}})", 1, 1});
                    return OkStatus();
                  })
                  .ok());
  Snapshot read(store_->Reader(), kScope);
  Result<Plan> plan =
      UpdateBackendAPI(Ctx(),
                       In(R"({"appId":"a","backendEnvironmentName":"dev","resourceName":"blog",)"
                          R"("resourceConfig":{"service":"AppSync"}})"),
                       read);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  ASSERT_TRUE(store_
                  ->WriteSync([&](store::StoreWriter& w) {  // a concurrent update
                    w.PutResource(kScope, {"a", "dev", "api", "blog",
                                           R"({"resourceConfig":{"apiName":"two"}})", 1, 2});
                    return OkStatus();
                  })
                  .ok());
  Result<WriteResult> ran = RunWrite(*store_, *plan->write, ids_);
  ASSERT_TRUE(ran.ok());
  EXPECT_EQ(*ran, WriteResult::kConflict);  // its merge would lose "two": plan again
  EXPECT_NE(
      store_->Reader().GetResource(kScope, "a", "dev", "api", "blog")->config_json.find("two"),
      std::string::npos);
}

TEST_F(PlansTest, GetBackendIsServedFromTheCacheWhileTheAppVersionStands) {
  Seed("a", "dev");
  auto get = [&](testing::CountingReader& reader) {
    Snapshot read(reader, kScope);
    Result<Plan> plan = GetBackend(Ctx(), In(R"({"appId":"a"})"), read);
    EXPECT_TRUE(plan.ok() && !plan->write);
    return plan.ok() ? plan->output : std::string();
  };
  testing::CountingReader first(store_->Reader());
  std::string body = get(first);
  EXPECT_GT(first.count("ListEnvironments"), 0);
  testing::CountingReader second(store_->Reader());
  EXPECT_EQ(get(second), body);
  EXPECT_EQ(second.total(), 1);  // the version, and nothing else
  Seed("a", "prod");             // bumps the version
  testing::CountingReader third(store_->Reader());
  std::string changed = get(third);
  EXPECT_NE(changed, body);
  EXPECT_NE(changed.find("\"prod\""), std::string::npos);
}

TEST_F(PlansTest, ReadsOfJobsNeverPlanAWrite) {
  Snapshot read(store_->Reader(), kScope);
  Result<Plan> plan = GetBackendJob(
      Ctx(), In(R"({"appId":"a","backendEnvironmentName":"dev","jobId":"nope"})"), read);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(plan.error().resource_type, "BackendJob");
}

}  // namespace
}  // namespace amplify::service
