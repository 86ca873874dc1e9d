#include "common/worker_pool.h"

#include <pthread.h>
#include <sched.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>

namespace amplify {
namespace {

// SCHED_IDLE: the kernel runs this thread only when no normal thread wants the core, so a
// generation in progress does not show in the latency of requests. Where the policy is not
// allowed, the lowest nice value does nearly as well.
void LowerPriority() {
  sched_param param{};
  if (pthread_setschedparam(pthread_self(), SCHED_IDLE, &param) == 0) return;
  if (setpriority(PRIO_PROCESS, 0, 19) != 0) {
    spdlog::debug("worker pool: could not lower the priority of a worker thread");
  }
}

}  // namespace

WorkerPool::WorkerPool(size_t threads, size_t queue_limit) : queue_limit_(queue_limit) {
  threads = std::max<size_t>(threads, 1);
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
}

WorkerPool::~WorkerPool() { Stop(); }

size_t WorkerPool::DefaultThreads() {
  return std::max<size_t>(1, std::thread::hardware_concurrency() / 2);
}

bool WorkerPool::Submit(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= queue_limit_) return false;
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

void WorkerPool::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void WorkerPool::Run() {
  pthread_setname_np(pthread_self(), "worker");
  LowerPriority();
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and drained
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      task();
    } catch (const std::exception& e) {
      spdlog::error("worker pool: a task threw: {}", e.what());
    }
  }
}

}  // namespace amplify
