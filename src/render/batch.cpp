#include "render/batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace bm {

std::vector<RenderResult> render_maps(const std::vector<MapJob>& jobs, const Style& style,
                                      unsigned threads) {
  std::vector<RenderResult> out(jobs.size());
  std::atomic<std::size_t> next{0};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  auto work = [&] {
    for (std::size_t k = next++; k < jobs.size(); k = next++) {
      try {
        out[k] = render_map(*jobs[k].data, style, jobs[k].options);
      } catch (...) {
        std::lock_guard lock(failed_mutex);
        if (!failed) failed = std::current_exception();
        next = jobs.size();
      }
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t n = std::min<std::size_t>({threads, cores, jobs.size()});
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < n; ++t) helpers.emplace_back(work);
  work();
  for (auto& h : helpers) h.join();
  if (failed) std::rethrow_exception(failed);
  return out;
}

}  // namespace bm
