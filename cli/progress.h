// The progress line and the run's counts (internal to the pipeline, cli/pipeline.cpp).
#pragma once
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "quotegraph/corpus.h"

namespace quotegraph::detail {

// A step of the run after its extraction ("resolving", "GraphML"), with its time as a share of
// the extraction's (pipeline.cpp's kSteps).
struct Step {
  const char* name;  // as the progress line and the summary name it
  double weight;
};

// "45 s", "3 min 20 s", "2 h 5 min".
inline std::string duration(double seconds) {
  const long s = std::lround(std::max(seconds, 0.0));
  if (s < 90) return std::to_string(s) + " s";
  if (s < 5400) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s / 60 % 60) + " min";
}


// Counts, and the progress line on a terminal. The line covers the whole run: while documents
// are extracted, how many, MB, MB/s and quotes; after the extraction, what the run does
// (resolving, writing, each output as it is written). When the size of the inputs is known
// (files and directories; not standard input), it starts with the share of the run done and
// ends with the time the run may still take: the extraction's rest at its speed so far, and
// the steps after it as a share of the extraction's time (kSteps), corrected as they end.
class Progress {
 public:
  Progress(bool quiet, const std::vector<std::string>& inputs, std::vector<Step> steps)
      : show_(!quiet && ::isatty(STDERR_FILENO)), steps_(std::move(steps)), start_(Clock::now()), last_(start_) {
    for (const Step& step : steps_) weight_ += step.weight;
    if (show_) size_inputs(inputs);
  }
  ~Progress() {
    stop_ticker();
    stop_sizing_ = true;
    if (sizer_.joinable()) sizer_.join();
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void document(std::size_t bytes, const std::vector<ResolvedQuote>& quotes) {
    ++documents;
    this->bytes += bytes;
    this->quotes += quotes.size();
    for (const auto& q : quotes) attributed += !q.speaker.empty();
    if (!show_ || (documents & 63) != 0) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    std::cerr << "\rquotegraph: " + line() + "\033[K" << std::flush;
    shown_ = true;
  }

  // The extraction is over: from now on the line says what the run does, and a ticker keeps
  // its clock and estimate moving while one step takes long.
  void extraction_done() {
    if (!show_) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    extracted_at_ = seconds();
    // Merging reads partials, far faster than extracting: no estimate from its time.
    estimate_after_ = sized_ && input_bytes > 0 ? extracted_at_ * weight_ : -1;
    ticker_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mutex_);
      while (!ticker_stop_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; }))
        if (!stage_.empty()) draw_stage();
    });
  }
  // What the run does now ("resolving ...", "writing outputs, GraphML written").
  void stage(const std::string& what) {
    if (!show_) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    stage_ = what;
    draw_stage();
  }
  // A step of kSteps is done (its share of the rest is known).
  void step_done(const std::string& name) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const Step& step : steps_)
      if (name == step.name) done_ += step.weight;
  }
  // A message on a line of its own, the progress line drawn again below it.
  void say(const std::string& message) {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::cerr << (shown_ ? "\r\033[K" : "") << message << std::flush;
    if (!stage_.empty() && show_) draw_stage();
  }
  void clear() {
    stop_ticker();
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  std::size_t documents = 0, quotes = 0, attributed = 0, problems = 0;
  std::uint64_t bytes = 0;        // text extracted
  std::uint64_t input_bytes = 0;  // of the input files, read so far (the reader counts them)

 private:
  using Clock = std::chrono::steady_clock;

  // The size of the inputs: files at once, directories walked on a thread of their own (a
  // corpus of millions of files takes a while), so that the run does not wait for it.
  void size_inputs(const std::vector<std::string>& inputs) {
    std::vector<std::string> directories;
    std::uint64_t total = 0;
    for (const auto& input : inputs) {
      std::error_code ec;
      if (input == "-") return;  // standard input: no total
      const auto status = std::filesystem::status(input, ec);
      if (std::filesystem::is_regular_file(status)) total += std::filesystem::file_size(input, ec);
      else if (std::filesystem::is_directory(status)) directories.push_back(input);
    }
    total_ = total;
    if (directories.empty()) {
      sized_ = true;
      return;
    }
    sizer_ = std::thread([this, directories] {
      std::uint64_t found = total_;
      for (const auto& dir : directories) {
        std::error_code ec;
        namespace fs = std::filesystem;
        for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
             !ec && it != end && !stop_sizing_; it.increment(ec)) {
          const auto ext = it->path().extension();
          std::error_code size_ec;
          if ((ext == ".txt" || ext == ".jsonl" || ext == ".ndjson") && it->is_regular_file(size_ec)) {
            const auto size = it->file_size(size_ec);
            if (!size_ec) found += size;
          }
        }
      }
      total_ = found;
      sized_ = !stop_sizing_;
    });
  }

  // The run's share done (0..1) and the seconds it may still take; negative when unknown.
  std::pair<double, double> estimate() const {
    const double elapsed = seconds();
    double left = -1;
    if (extracted_at_ < 0) {  // extracting
      const std::uint64_t total = total_;
      if (!sized_ || input_bytes == 0 || input_bytes > total) return {-1, -1};
      const double rest = (total - input_bytes) / (input_bytes / std::max(elapsed, 1e-3));
      left = rest + (elapsed + rest) * weight_;
    } else {
      const double after = elapsed - extracted_at_;
      if (done_ > 0) left = after * (weight_ - done_) / done_;
      else if (estimate_after_ >= 0) left = std::max(estimate_after_ - after, 0.0);
      else return {-1, -1};
    }
    // Steps written side by side end in bursts: the share shown never goes back.
    double share = std::min(elapsed / std::max(elapsed + left, 1e-3), 0.99);
    if (share < shown_share_) share = shown_share_, left = elapsed * (1 / share - 1);
    shown_share_ = share;
    return {share, left};
  }

  std::string line() const {
    const double mb = bytes / 1e6, s = std::max(seconds(), 1e-3);
    const auto [share, left] = estimate();
    char buffer[200];
    int n = share >= 0 ? std::snprintf(buffer, sizeof buffer, "%.0f%%, ", 100 * share) : 0;
    n += std::snprintf(buffer + n, sizeof buffer - n, "%zu documents, %.1f MB, %.1f MB/s, %zu quotes", documents, mb,
                       mb / s, quotes);
    if (left >= 0 && n < static_cast<int>(sizeof buffer))
      std::snprintf(buffer + n, sizeof buffer - n, ", about %s left", duration(left).c_str());
    return buffer;
  }

  void draw_stage() {  // under mutex_
    const auto [share, left] = estimate();
    std::string line = "\rquotegraph: ";
    if (share >= 0) line += std::to_string(static_cast<int>(100 * share)) + "%, ";
    line += stage_ + ", " + std::to_string(static_cast<long>(seconds())) + " s";
    if (left > 0.5) line += ", about " + duration(left) + " left";
    std::cerr << line << "\033[K" << std::flush;  // one write: a terminal shows no half line
    shown_ = true;
  }

  void stop_ticker() {
    if (!ticker_.joinable()) return;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ticker_stop_.notify_all();
    ticker_.join();
  }

  bool show_, shown_ = false;
  std::vector<Step> steps_;
  double weight_ = 0;  // of steps_: their time as a share of the extraction's
  double done_ = 0;    // of the steps done
  std::atomic<std::uint64_t> total_{0};
  std::atomic<bool> sized_{false}, stop_sizing_{false};
  std::thread sizer_;
  double extracted_at_ = -1, estimate_after_ = -1;  // seconds
  mutable double shown_share_ = 0;
  std::string stage_;
  std::mutex mutex_;  // stage() and step_done() are called from the threads writing outputs
  std::condition_variable ticker_stop_;
  bool stopping_ = false;
  std::thread ticker_;
  Clock::time_point start_, last_;
};

}  // namespace quotegraph::detail
