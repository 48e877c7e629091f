#pragma once
// Runs f(0) .. f(tasks - 1) on up to `threads` threads (0: every core),
// handing the tasks out in order as threads come free, so a core slowed
// down by other work does not hold the rest up. Rethrows the first error.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace bm {

template <class F>
void for_each_task(std::size_t tasks, unsigned threads, F&& f) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const auto n = static_cast<unsigned>(std::min<std::size_t>(threads, tasks));
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n);
  auto work = [&](unsigned t) {
    try {
      for (std::size_t k; (k = next.fetch_add(1)) < tasks;) f(k);
    } catch (...) {
      errors[t] = std::current_exception();
      next = tasks;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, t);
  if (n > 0) work(0);
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace bm
