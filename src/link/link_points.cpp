// Linking a whole table of points on every core (Linker::link_points and
// Linker::stream_points): batches in spatial order, blocks handed out in
// turn, a country grid for big tables, the cell cache only where the table
// is dense.
#include <algorithm>
#include <array>
#include <atomic>
#include <barrier>
#include <cmath>
#include <exception>
#include <thread>
#include <unordered_set>

#include "link/linker.hpp"
#include "link/point_order.hpp"
#include "link/segment_index.hpp"

namespace bm {
namespace {

// From this many points on, a country grid pays for its set-up.
constexpr std::size_t kGridFrom = 20000;
// A cached cell costs about as much as this many searches.
constexpr double kCellsPayAt = 32;

// About how many of the points fall in each occupied cache cell: from the
// distinct cells of an evenly spread sample of s points (c of them), the
// number C of occupied cells solves c = C (1 - exp(-s / C)) (points thrown
// evenly into C cells).
double visits_per_cell(const std::vector<LonLat>& points) {
  const std::size_t s = std::min<std::size_t>(points.size(), 16384);
  if (s == 0) return 0;
  std::unordered_set<std::int64_t> cells;
  for (std::size_t k = 0; k < s; ++k) {
    const LonLat p = points[k * points.size() / s];
    const auto x = static_cast<std::int64_t>(std::floor(p.lon / SegmentIndex::kCellDeg));
    const auto y = static_cast<std::int64_t>(std::floor(p.lat / SegmentIndex::kCellDeg));
    cells.insert(x * 100000 + y);
  }
  const double c = static_cast<double>(cells.size()), n = static_cast<double>(s);
  if (c >= n) return static_cast<double>(points.size()) / (n * n);  // as sparse as can be told
  double lo = c, hi = 1e12;  // f(C) = C (1 - exp(-n / C)) grows with C
  for (int it = 0; it < 100; ++it) {
    const double mid = std::sqrt(lo * hi);
    (mid * (1 - std::exp(-n / mid)) < c ? lo : hi) = mid;
  }
  return static_cast<double>(points.size()) / lo;
}

}  // namespace

// Many points: most of them take their country from a grid over their
// extent (exact, see area_grid.hpp) rather than a polygon test each.
std::unique_ptr<AreaGrid> Linker::area_grid(const std::vector<LonLat>& points) const {
  if (points.size() < kGridFrom || countries().empty()) return nullptr;
  Bounds pts;
  for (const auto& p : points) pts.add(p);
  return area_grid_over(pts);
}

std::unique_ptr<AreaGrid> Linker::area_grid_over(Bounds pts) const {
  if (countries().empty() || pts.empty()) return nullptr;
  Bounds all;
  std::vector<const MultiPolygon*> polys;
  for (const auto& c : countries()) {
    all.add(bounds_of(c.area));
    polys.push_back(&c.area);
  }
  const Bounds extent{std::max(pts.min_lon, all.min_lon), std::max(pts.min_lat, all.min_lat),
                      std::min(pts.max_lon, all.max_lon), std::min(pts.max_lat, all.max_lat)};
  if (extent.min_lon > extent.max_lon || extent.min_lat > extent.max_lat) return nullptr;
  return std::make_unique<AreaGrid>(polys, extent, [this](LonLat p) { return locate(p); });
}

// Points are linked a batch at a time in spatial order (point_order.hpp):
// the threads link a batch's points in blocks of its sorted order into the
// batch's links, meet at a barrier, then hand the links to `sink` in blocks
// of the input's order while the next batch is linked into the other buffer.
// A thread passes the barrier after batch b only when every thread has
// written batch b - 1, so two buffers suffice.
void Linker::stream_points(const std::vector<LonLat>& points, const std::vector<std::string>& dates,
                           const BlockSink& sink, LinkHint hint) const {
  unsigned n = options_.threads ? options_.threads : std::thread::hardware_concurrency();
  n = std::max(1u, std::min<unsigned>(n, static_cast<unsigned>(points.size() / 1000 + 1)));
  Batches batches;
  batches.own = hint.grid ? nullptr : area_grid(points);
  batches.grid = hint.grid ? hint.grid : batches.own.get();
  // This call's points stand for the table's: its density scales with rows.
  const double table_share =
      hint.rows > points.size() && !points.empty()
          ? static_cast<double>(hint.rows) / static_cast<double>(points.size())
          : 1.0;
  batches.dense = visits_per_cell(points) * table_share >= kCellsPayAt;
  batches.size = std::min(kBatch, points.size());
  const std::size_t count = (points.size() + kBatch - 1) / kBatch;
  std::array<std::vector<PointLink>, 2> links;
  std::array<SpatialOrder, 2> orders{SpatialOrder(batches.size), SpatialOrder(batches.size)};
  for (auto& l : links) l.resize(batches.size);
  auto span_of = [&](std::size_t b) {
    const std::size_t lo = b * kBatch;
    return std::span<const LonLat>(points).subspan(lo, std::min(kBatch, points.size() - lo));
  };
  if (count > 0) orders[0].sort(span_of(0));
  std::atomic<std::size_t> next_link{0}, next_write{0};
  std::size_t linking = 0;  // the batch being linked (changed only by the barrier)
  auto next_batch = [&]() noexcept {
    next_write = 0;
    next_link = 0;
    if (++linking < count) orders[linking % 2].sort(span_of(linking));
  };
  std::barrier meet(static_cast<std::ptrdiff_t>(n), next_batch);
  std::atomic<bool> stop{false};
  std::vector<std::exception_ptr> errors(n);
  auto work = [&](unsigned t) {
    try {
      for (std::size_t b = 0; b < count; ++b) {
        const std::size_t lo = b * kBatch, size = orders[b % 2].size();
        for (std::size_t k; !stop && (k = next_link.fetch_add(kBlock)) < size;)
          link_block(batches, points, dates, lo, orders[b % 2], k, std::min(size, k + kBlock),
                     links[b % 2]);
        meet.arrive_and_wait();
        for (std::size_t k; !stop && (k = next_write.fetch_add(kBlock)) < size;)
          sink(std::span<const PointLink>(links[b % 2]).subspan(k, std::min(kBlock, size - k)),
               lo + k);
      }
    } catch (...) {
      errors[t] = std::current_exception();
      stop = true;
      meet.arrive_and_drop();  // the others go on to the end without this thread
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

// Links sorted positions [k0, k1) of the batch starting at `lo` into `out`
// (indexed by the point's offset in the batch).
void Linker::link_block(const Batches& batches, const std::vector<LonLat>& points,
                        const std::vector<std::string>& dates, std::size_t lo,
                        const SpatialOrder& order, std::size_t k0, std::size_t k1,
                        std::vector<PointLink>& out) const {
  static const std::string none;
  constexpr std::size_t kAhead = 8;  // start loading the cells of a point this far ahead
  for (std::size_t k = k0; k < k1; ++k) {
    if (k + kAhead < k1) {
      const LonLat ahead = points[lo + order[k + kAhead]];
      prefetch(ahead);
      if (batches.grid) batches.grid->prefetch(ahead);
    }
    const std::size_t i = order[k];
    out[i] = link_point_in(points[lo + i], dates.empty() ? none : dates[lo + i], batches.grid,
                           batches.dense);
  }
}

std::vector<PointLink> Linker::link_points(const std::vector<LonLat>& points,
                                           const std::vector<std::string>& dates,
                                           LinkHint hint) const {
  std::vector<PointLink> out(points.size());
  stream_points(
      points, dates,
      [&](std::span<const PointLink> block, std::size_t lo) {
        std::copy(block.begin(), block.end(), out.begin() + static_cast<std::ptrdiff_t>(lo));
      },
      hint);
  return out;
}

}  // namespace bm
