// A queue of jobs for `threads` threads: the caller's own (in wait()) and threads - 1 helpers,
// each taking the next job when it is free. The corpus outputs are written as such jobs.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class TaskQueue {
 public:
  explicit TaskQueue(unsigned threads) {
    for (unsigned k = 1; k < threads; ++k) helpers_.emplace_back([this] { help(); });
  }
  TaskQueue(const TaskQueue&) = delete;
  TaskQueue& operator=(const TaskQueue&) = delete;
  ~TaskQueue() {
    wait();
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    for (auto& t : helpers_) t.join();
  }
  void run(std::function<void()> job) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
      ++unfinished_;
    }
    changed_.notify_one();
  }
  // Does queued jobs on the calling thread, then waits until every job is done.
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (unfinished_ > 0) {
      if (jobs_.empty()) {
        changed_.wait(lock);
        continue;
      }
      do_next(lock);
    }
  }

 private:
  void help() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      changed_.wait(lock, [this] { return closing_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // closing
      do_next(lock);
    }
  }
  void do_next(std::unique_lock<std::mutex>& lock) {
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();
    lock.lock();
    --unfinished_;
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> jobs_;
  std::size_t unfinished_ = 0;
  bool closing_ = false;
  std::vector<std::thread> helpers_;
};
