#include "render/batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace bm {

void run_jobs(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  auto work = [&] {
    for (std::size_t k = next++; k < count; k = next++) {
      try {
        job(k);
      } catch (...) {
        std::lock_guard lock(failed_mutex);
        if (!failed) failed = std::current_exception();
        next = count;
      }
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t n = std::min<std::size_t>({threads, cores, count});
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < n; ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  if (failed) std::rethrow_exception(failed);
}

std::vector<RenderResult> render_maps(const std::vector<MapJob>& jobs, const Style& style,
                                      unsigned threads) {
  std::vector<RenderResult> out(jobs.size());
  run_jobs(jobs.size(), threads,
           [&](std::size_t k) { out[k] = render_map(*jobs[k].data, style, jobs[k].options); });
  return out;
}

}  // namespace bm
