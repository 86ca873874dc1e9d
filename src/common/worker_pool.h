#pragma once
// A small, bounded pool for CPU-heavy work (model generation) that must stay off the event
// loops and the store's writer thread (docs/ARCHITECTURE.md "Threads"). Its threads run at the
// lowest CPU priority (SCHED_IDLE), so requests are served first while it works.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace amplify {

class WorkerPool {
 public:
  // `threads` workers (at least 1); at most `queue_limit` tasks wait.
  WorkerPool(size_t threads, size_t queue_limit);
  // Runs what is queued, then joins.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false when the queue is full or the pool is stopping (the caller says so).
  [[nodiscard]] bool Submit(std::function<void()> task);
  // Runs what is queued, then joins the threads; idempotent.
  void Stop();

  // A pool size for this machine: half the cores, at least one.
  static size_t DefaultThreads();

 private:
  void Run();

  const size_t queue_limit_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace amplify
