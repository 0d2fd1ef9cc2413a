#include "ordered_pool.h"

OrderedPool::OrderedPool(const quotegraph::Extractor& extractor, unsigned threads, Consumer consume)
    : extractor_(extractor), consume_(std::move(consume)) {
  // With one thread there are no workers: submit() extracts and consumes on the spot. With N,
  // N - 1 workers, and the submitting thread extracts too whenever it would otherwise wait.
  if (threads <= 1) return;
  slots_.resize(threads * 16);
  for (unsigned i = 1; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

OrderedPool::~OrderedPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  work_ready_.notify_all();
  for (auto& t : workers_) t.join();
}

void OrderedPool::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    work_ready_.wait(lock, [&] { return closing_ || !pending_.empty(); });
    if (pending_.empty()) return;  // closing
    extract_next(lock);
  }
}

// Takes the oldest pending document and extracts it (the lock is released meanwhile).
void OrderedPool::extract_next(std::unique_lock<std::mutex>& lock) {
  const std::size_t index = pending_.front();
  pending_.pop_front();
  Slot& slot = slots_[index];
  lock.unlock();
  extractor_.extract(slot.document, slot.quotes);
  lock.lock();
  slot.done = true;
  slot_done_.notify_all();
}

// Waits for the oldest document in flight and consumes it.
bool OrderedPool::consume_front(std::unique_lock<std::mutex>& lock) {
  Slot& slot = slots_[front_];
  while (!slot.done) {
    if (!pending_.empty()) extract_next(lock);  // help rather than wait
    else slot_done_.wait(lock);
  }
  lock.unlock();
  if (!stopped_ && !consume_(slot.document, slot.quotes)) stopped_ = true;
  lock.lock();
  slot.done = false;
  slot.document = quotegraph::Document{};
  front_ = (front_ + 1) % slots_.size();
  --count_;
  return !stopped_;
}

bool OrderedPool::submit(quotegraph::Document&& document) {
  if (workers_.empty()) {
    if (stopped_) return false;
    extractor_.extract(document, inline_quotes_);
    stopped_ = !consume_(document, inline_quotes_);
    return !stopped_;
  }
  std::unique_lock<std::mutex> lock(mutex_);
  while (count_ == slots_.size()) consume_front(lock);
  // Consume whatever is already done, so results do not wait for the ring to fill.
  while (count_ > 0 && slots_[front_].done) consume_front(lock);
  const std::size_t index = (front_ + count_) % slots_.size();
  slots_[index].document = std::move(document);
  ++count_;
  pending_.push_back(index);
  work_ready_.notify_one();
  return !stopped_;
}

bool OrderedPool::finish() {
  if (workers_.empty()) return !stopped_;
  std::unique_lock<std::mutex> lock(mutex_);
  while (count_ > 0) consume_front(lock);
  return !stopped_;
}
