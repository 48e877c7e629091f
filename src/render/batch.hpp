#pragma once
// Several independent maps drawn at once: small multiples (report --by day)
// are one map per period, each its own file.
#include <functional>
#include <vector>

#include "render/map.hpp"

namespace bm {

struct MapJob {
  const MapData* data = nullptr;
  RenderOptions options;  // its path, size, extent... as for render_map
};

// job(0) ... job(count - 1) on up to `threads` threads (never more than the
// machine's cores). The first exception is rethrown once every running job
// has ended; jobs not yet started are skipped.
void run_jobs(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job);

// render_map for every job, on up to `threads` threads (never more than the
// machine's cores); results in job order. The first failure is rethrown once
// every running job has ended; jobs not yet started are skipped.
std::vector<RenderResult> render_maps(const std::vector<MapJob>& jobs, const Style& style,
                                      unsigned threads = 2);

}  // namespace bm
