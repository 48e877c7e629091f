#pragma once
// Blocks of rows handed from one thread to the next (export_stream: the
// reader to the linker, the linker to the writer), so the stages overlap.
// Bounded: at most `capacity` blocks wait, so memory stays a few blocks;
// capacity 0 is a hand-over: push returns once the consumer has taken the
// block, so a finished block waits in its producer, not beside it.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>

namespace bm {

template <class Block>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

  // Reader: waits for room. False once the consumer has stopped.
  bool push(Block&& block) {
    std::unique_lock lock(mutex_);
    const std::size_t room = capacity_ ? capacity_ : 1;
    changed_.wait(lock, [&] { return stopped_ || blocks_.size() < room; });
    if (stopped_) return false;
    blocks_.push_back(std::move(block));
    const std::size_t ticket = ++pushed_;
    changed_.notify_all();
    if (capacity_ == 0) changed_.wait(lock, [&] { return stopped_ || popped_ >= ticket; });
    return !stopped_;
  }

  // Reader: no more blocks; `error` (the reader's failure) is rethrown by pop.
  void close(std::exception_ptr error = nullptr) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = error;
    changed_.notify_all();
  }

  // Consumer: the next block, false at the end.
  bool pop(Block& block) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || stopped_ || !blocks_.empty(); });
    if (stopped_) return false;  // the other side gave up: leave the rest
    if (blocks_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    block = std::move(blocks_.front());
    blocks_.pop_front();
    ++popped_;
    changed_.notify_all();
    return true;
  }

  // Either side gives up: the next push and pop return false.
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Block> blocks_;
  std::size_t pushed_ = 0, popped_ = 0;
  bool closed_ = false, stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace bm
