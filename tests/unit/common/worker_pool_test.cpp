#include "common/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>

namespace amplify {
namespace {

TEST(WorkerPoolTest, RunsTasksOffTheCallingThread) {
  WorkerPool pool(2, 8);
  std::promise<std::thread::id> ran;
  ASSERT_TRUE(pool.Submit([&] { ran.set_value(std::this_thread::get_id()); }));
  EXPECT_NE(ran.get_future().get(), std::this_thread::get_id());
}

TEST(WorkerPoolTest, AFullQueueRefusesInsteadOfGrowing) {
  WorkerPool pool(1, 2);
  std::latch started(1), release(1);
  ASSERT_TRUE(pool.Submit([&] {
    started.count_down();
    release.wait();
  }));
  started.wait();  // the one worker is busy: what follows waits in the queue
  EXPECT_TRUE(pool.Submit([] {}));
  EXPECT_TRUE(pool.Submit([] {}));
  EXPECT_FALSE(pool.Submit([] {}));
  release.count_down();
}

TEST(WorkerPoolTest, StopRunsWhatIsQueuedThenRefuses) {
  std::atomic<int> done{0};
  WorkerPool pool(1, 100);
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(pool.Submit([&] { ++done; }));
  pool.Stop();
  EXPECT_EQ(done.load(), 50);
  EXPECT_FALSE(pool.Submit([] {}));
}

TEST(WorkerPoolTest, ATaskThatThrowsDoesNotStopThePool) {
  WorkerPool pool(1, 4);
  ASSERT_TRUE(pool.Submit([] { throw std::runtime_error("boom"); }));
  std::promise<void> after;
  ASSERT_TRUE(pool.Submit([&] { after.set_value(); }));
  after.get_future().wait();
}

}  // namespace
}  // namespace amplify
