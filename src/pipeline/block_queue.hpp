#pragma once
// Blocks of rows handed from the thread that reads the input to the one
// that links and writes them, so reading overlaps the rest (export_stream).
// Bounded: at most `capacity` blocks wait, so memory stays a few blocks.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>

#include "io/incidents_csv.hpp"

namespace bm {

class BlockQueue {
 public:
  explicit BlockQueue(std::size_t capacity) : capacity_(capacity) {}

  // Reader: waits for room. False once the consumer has stopped.
  bool push(IncidentTable&& block) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || blocks_.size() < capacity_; });
    if (stopped_) return false;
    blocks_.push_back(std::move(block));
    changed_.notify_all();
    return true;
  }

  // Reader: no more blocks; `error` (the reader's failure) is rethrown by pop.
  void close(std::exception_ptr error = nullptr) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = error;
    changed_.notify_all();
  }

  // Consumer: the next block, false at the end.
  bool pop(IncidentTable& block) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !blocks_.empty(); });
    if (blocks_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    block = std::move(blocks_.front());
    blocks_.pop_front();
    changed_.notify_all();
    return true;
  }

  // Consumer gives up: the reader's next push returns false.
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<IncidentTable> blocks_;
  bool closed_ = false, stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace bm
