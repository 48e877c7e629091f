// Linking a whole table of points on every core (Linker::link_points and
// Linker::stream_points): blocks handed out in turn, a country grid for big
// tables, the cell cache only where the table is dense.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>
#include <unordered_set>

#include "link/linker.hpp"
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

void Linker::stream_points(const std::vector<LonLat>& points, const std::vector<std::string>& dates,
                           const BlockSink& sink, LinkHint hint) const {
  static const std::string none;
  unsigned n = options_.threads ? options_.threads : std::thread::hardware_concurrency();
  n = std::max(1u, std::min<unsigned>(n, static_cast<unsigned>(points.size() / 1000 + 1)));
  const std::unique_ptr<AreaGrid> own = hint.grid ? nullptr : area_grid(points);
  const AreaGrid* grid = hint.grid ? hint.grid : own.get();
  // This call's points stand for the table's: its density scales with rows.
  const double table_share =
      hint.rows > points.size() && !points.empty()
          ? static_cast<double>(hint.rows) / static_cast<double>(points.size())
          : 1.0;
  const bool dense = visits_per_cell(points) * table_share >= kCellsPayAt;
  // Blocks handed out in turn keep the cores busy to the end even when one
  // of them is slowed down (the cores are shared).
  constexpr std::size_t kAhead = 8;
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(n);
  auto work = [&](unsigned t) {
    std::vector<PointLink> block(kBlock);  // one block per thread: nothing grows with the table
    try {
      for (std::size_t lo; (lo = next.fetch_add(kBlock)) < points.size();) {
        const std::size_t hi = std::min(points.size(), lo + kBlock);
        for (std::size_t i = lo; i < hi; ++i) {
          // Points come in no spatial order, so their cells are cache
          // misses: start loading those of a point a few ahead.
          if (const std::size_t j = i + kAhead; j < hi) {
            prefetch(points[j]);
            if (grid) grid->prefetch(points[j]);
          }
          block[i - lo] = link_point_in(points[i], dates.empty() ? none : dates[i], grid, dense);
        }
        sink(std::span<const PointLink>(block.data(), hi - lo), lo);
      }
    } catch (...) {
      errors[t] = std::current_exception();
      next = points.size();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < n; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
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
