#pragma once
// Store contract, write semantics: a rejected write changes nothing, a writer reads its own
// writes, `done` comes after the write is visible, and concurrent writers all complete.
// Part of the suite in store_contract.h, which registers these tests.
#include <atomic>
#include <future>
#include <latch>
#include <stdexcept>
#include <thread>

#include "store/store_contract_fixture.h"

namespace amplify::store::contract {

// Holds the store's writer inside a WriteFn until Release(), so that writes submitted meanwhile
// are queued together behind it, deterministically.
class WriterGate {
 public:
  explicit WriterGate(Store& store) {
    store.Write(
        [this](StoreWriter&) {
          entered_.set_value();
          released_.wait();
          return OkStatus();
        },
        [this](Status) { finished_.set_value(); });
    entered_.get_future().wait();
  }
  ~WriterGate() {
    if (!released_flag_) Release();
    finished_future_.wait();
  }
  void Release() {
    released_flag_ = true;
    release_.set_value();
  }

 private:
  std::promise<void> entered_;
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
  std::promise<void> finished_;
  std::future<void> finished_future_ = finished_.get_future();
  bool released_flag_ = false;
};

TYPED_TEST_P(StoreContractTest, RejectedWriteChangesNothing) {
  Status status = this->store_->WriteSync([](StoreWriter& w) {
    w.PutApp(kScope, {"app1", "one", 1, "", 0});
    w.PutEnvironment(kScope, {"app1", "dev", 1});
    return Status(BadRequest("no"));
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(status.error().message, "no");
  EXPECT_FALSE(this->reader().GetApp(kScope, "app1"));
  EXPECT_TRUE(this->reader().ListEnvironments(kScope, "app1").empty());
}

TYPED_TEST_P(StoreContractTest, ThrowingWriteFailsAsInternalAndChangesNothing) {
  Status status = this->store_->WriteSync([](StoreWriter& w) -> Status {
    w.PutApp(kScope, {"app1", "one", 1, "", 0});
    throw std::logic_error("bug");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInternal);
  EXPECT_FALSE(this->reader().GetApp(kScope, "app1"));
}

TYPED_TEST_P(StoreContractTest, WriterReadsItsOwnUncommittedWrites) {
  this->MustWrite([](StoreWriter& w) {
    w.PutApp(kScope, {"app1", "one", 1, "", 0});
    JobRecord job = MakeJob("app1", "dev", "job1");
    w.InsertJob(kScope, job);
    w.EnqueueChange(kScope, job, {.kind = "Test", .data = "{}", .due_ms = 1});
    EXPECT_EQ(w.GetApp(kScope, "app1")->app_name, "one");
    EXPECT_EQ(w.GetJob(kScope, "app1", "job1")->seq, job.seq);
    EXPECT_EQ(w.FindPendingJob(kScope, "app1", "dev")->job_id, "job1");
    w.DeleteApp(kScope, "app1");
    EXPECT_FALSE(w.GetApp(kScope, "app1"));
    return OkStatus();
  });
}

TYPED_TEST_P(StoreContractTest, RejectedWritesInABatchLeaveTheOthersCommitted) {
  std::vector<Status> statuses(4);
  std::latch all_done(4);
  auto record = [&](size_t i) {
    return [&, i](Status s) {
      statuses[i] = std::move(s);
      all_done.count_down();
    };
  };
  {
    WriterGate gate(*this->store_);
    auto put = [](std::string app_id) {
      return [app_id](StoreWriter& w) {
        w.PutApp(kScope, {app_id, "", 1, "", 0});
        return OkStatus();
      };
    };
    this->store_->Write(put("ok1"), record(0));
    this->store_->Write(
        [](StoreWriter& w) {
          w.PutApp(kScope, {"rejected", "", 1, "", 0});
          w.DeleteApp(kScope, "ok1");  // undone with the rest of this write
          return Status(NotFound("App", "no"));
        },
        record(1));
    this->store_->Write(
        [](StoreWriter& w) -> Status {
          w.PutApp(kScope, {"threw", "", 1, "", 0});
          throw std::runtime_error("bug");
        },
        record(2));
    this->store_->Write(put("ok2"), record(3));
    gate.Release();
  }
  all_done.wait();
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_EQ(statuses[1].error().code, ErrorCode::kNotFound);
  EXPECT_EQ(statuses[2].error().code, ErrorCode::kInternal);
  EXPECT_TRUE(statuses[3].ok());
  StoreReader& r = this->reader();
  EXPECT_TRUE(r.GetApp(kScope, "ok1"));
  EXPECT_TRUE(r.GetApp(kScope, "ok2"));
  EXPECT_FALSE(r.GetApp(kScope, "rejected"));
  EXPECT_FALSE(r.GetApp(kScope, "threw"));
}

TYPED_TEST_P(StoreContractTest, DoneComesAfterTheWriteIsVisibleToReaders) {
  std::promise<bool> visible;
  this->store_->Write(
      [](StoreWriter& w) {
        w.PutApp(kScope, {"app1", "", 1, "", 0});
        return OkStatus();
      },
      [&](Status s) {
        // Read from yet another thread, through its own reader.
        std::thread reader([&] {
          visible.set_value(s.ok() && this->store_->Reader().GetApp(kScope, "app1").has_value());
        });
        reader.join();
      });
  EXPECT_TRUE(visible.get_future().get());
}

TYPED_TEST_P(StoreContractTest, ConcurrentWritersFromManyThreadsAllComplete) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        JobRecord job = MakeJob("app1", "dev", std::to_string(t) + "-" + std::to_string(i));
        Status status = this->store_->WriteSync([&](StoreWriter& w) {
          w.InsertJob(kScope, job);
          return OkStatus();
        });
        // Each thread reads through its own reader while the others write.
        if (!status.ok() || !this->store_->Reader().GetJob(kScope, "app1", job.job_id)) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  std::vector<JobRecord> all = this->reader().ListJobs(kScope, JobsOf("app1", "dev", 1000));
  ASSERT_EQ(all.size(), static_cast<size_t>(kThreads * kWritesPerThread));
  for (size_t i = 1; i < all.size(); ++i) EXPECT_GT(all[i - 1].seq, all[i].seq);
}

TYPED_TEST_P(StoreContractTest, AReaderAskedForAgainSeesEveryWriteDoneBefore) {
  for (int i = 0; i < 5; ++i) {
    const std::string app = "app" + std::to_string(i);
    this->MustWrite([&](StoreWriter& w) {
      w.PutApp(kScope, {app, "", 1, "", 0});
      return OkStatus();
    });
    EXPECT_TRUE(this->store_->Reader().GetApp(kScope, app)) << app;
  }
}

TYPED_TEST_P(StoreContractTest, ReaderIsStableWithinAThread) {
  EXPECT_EQ(&this->store_->Reader(), &this->store_->Reader());
}

}  // namespace amplify::store::contract
