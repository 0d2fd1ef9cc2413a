// Extracts documents on N threads (N - 1 workers and the submitting thread, which extracts
// when it would otherwise wait) and hands the results back in input order, on the thread that
// submits, so the outputs are the same bytes whatever N is. At most a bounded
// number of documents are in flight: memory does not grow with the input.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "quotegraph/document.h"
#include "quotegraph/extractor.h"

class OrderedPool {
 public:
  using Consumer = std::function<bool(quotegraph::Document&, quotegraph::DocumentQuotes&)>;
  // `consume` is called in submission order; returning false stops further consumption.
  OrderedPool(const quotegraph::Extractor& extractor, unsigned threads, Consumer consume);
  ~OrderedPool();
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Queues a document; consumes finished ones meanwhile. Returns false once consumption stopped.
  bool submit(quotegraph::Document&& document);
  // Waits for every queued document and consumes it. Returns false if consumption stopped.
  bool finish();

 private:
  struct Slot {
    quotegraph::Document document;
    quotegraph::DocumentQuotes quotes;
    bool done = false;
  };
  void work();
  void extract_next(std::unique_lock<std::mutex>& lock);
  bool consume_front(std::unique_lock<std::mutex>& lock);

  const quotegraph::Extractor& extractor_;
  Consumer consume_;
  std::vector<Slot> slots_;          // a ring: documents in flight, in submission order
  std::size_t front_ = 0, count_ = 0;
  std::deque<std::size_t> pending_;  // slots waiting for a worker
  std::mutex mutex_;
  std::condition_variable work_ready_, slot_done_;
  bool closing_ = false, stopped_ = false;
  std::vector<std::thread> workers_;
  quotegraph::DocumentQuotes inline_quotes_;  // one thread: reused from document to document
};
