#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <new>

#include "link/segment_index.hpp"
#include "link/segment_search.hpp"

namespace bm {
namespace {

constexpr double kCell = 0.05;         // degrees: cells of cached edge lists
constexpr std::uint8_t kBuildAt = 15;  // visits walked before a cell is built

double distance3(const Vec3& a, const Vec3& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return std::sqrt(dx * dx + dy * dy + dz * dz);
}

}  // namespace

// Cells of kCell degrees over the grid's box grown by a degree, none built
// yet (calloc: pages are touched only where points fall).
void SegmentIndex::init_cells() {
  if (grid_.empty()) return;
  const Bounds& g = grid_.box();
  cells_box_ = {std::max(-180.0, g.min_lon - 1), std::max(-89.0, g.min_lat - 1),
                std::min(180.0, g.max_lon + 1), std::min(89.0, g.max_lat + 1)};
  cells_nx_ =
      static_cast<std::size_t>(std::ceil((cells_box_.max_lon - cells_box_.min_lon) / kCell));
  cells_ny_ =
      static_cast<std::size_t>(std::ceil((cells_box_.max_lat - cells_box_.min_lat) / kCell));
  const std::size_t n = cells_nx_ * cells_ny_;
  cells_.reset(
      static_cast<std::atomic<const Cell*>*>(std::calloc(n, sizeof(std::atomic<const Cell*>))));
  visits_.reset(static_cast<std::atomic<std::uint8_t>*>(std::calloc(n, 1)));
  if (!cells_ || !visits_) throw std::bad_alloc();
}

void SegmentIndex::free_cells() {
  if (!built_) return;  // moved from
  std::size_t left = built_->load(std::memory_order_relaxed);
  for (std::size_t i = 0; cells_ && left > 0 && i < cells_nx_ * cells_ny_; ++i)
    if (const Cell* c = cells_[i].load(std::memory_order_relaxed)) {
      delete c;
      --left;
    }
}

// p's cell once it has been visited often enough to pay for its list.
const SegmentIndex::Cell* SegmentIndex::cell_for(LonLat p) const {
  if (!cells_ || !(p.lon >= cells_box_.min_lon && p.lon < cells_box_.max_lon &&
                   p.lat >= cells_box_.min_lat && p.lat < cells_box_.max_lat))
    return nullptr;
  const auto ix =
      std::min(cells_nx_ - 1, static_cast<std::size_t>((p.lon - cells_box_.min_lon) / kCell));
  const auto iy =
      std::min(cells_ny_ - 1, static_cast<std::size_t>((p.lat - cells_box_.min_lat) / kCell));
  const std::size_t index = iy * cells_nx_ + ix;
  if (const Cell* c = cells_[index].load(std::memory_order_acquire)) return c;
  if (visits_[index].fetch_add(1, std::memory_order_relaxed) < kBuildAt) return nullptr;
  return build(index);
}

// The edges that can be nearest for some point of the cell. With c the
// centre and h the farthest any cell point is from c (in 3-D and along the
// surface): every point is within U + h of the edge nearest to c (U), and
// an edge's chord bound at p is at most h below its bound at c.
const SegmentIndex::Cell* SegmentIndex::build(std::size_t index) const {
  const double lon0 = cells_box_.min_lon + static_cast<double>(index % cells_nx_) * kCell;
  const double lat0 = cells_box_.min_lat + static_cast<double>(index / cells_nx_) * kCell;
  const LonLat c{lon0 + kCell / 2, lat0 + kCell / 2};
  auto fresh = std::make_unique<Cell>();
  fresh->centre3 = ecef(c);
  double h = 0;
  for (LonLat corner : {LonLat{lon0, lat0}, LonLat{lon0 + kCell, lat0}, LonLat{lon0, lat0 + kCell},
                        LonLat{lon0 + kCell, lat0 + kCell}})
    h = std::max(h, geodesic_inverse(c, corner, nullptr));
  fresh->reach_m = h * 1.01 + 1;
  Best near;
  search(c, fresh->centre3, nullptr, near);
  fresh->sure_m = near.min_m + fresh->reach_m;
  const double keep = chord_of_arc(fresh->sure_m + kTie) + fresh->reach_m;
  const Bounds box = geodesic_box(c, fresh->sure_m + fresh->reach_m + kTie);
  for (auto y = grid_.row(box.min_lat); y <= grid_.row(box.max_lat); ++y)
    for (auto x = grid_.col(box.min_lon); x <= grid_.col(box.max_lon); ++x)
      for (std::uint32_t ch : grid_.cell(x, y)) {
        const Chunk& k = chunks_[ch];
        if (distance3(fresh->centre3, k.centre) - k.radius_m > keep) continue;
        for (std::uint32_t i = k.first; i < k.first + k.count; ++i)
          if (const double lb = chord_bound_m(fresh->centre3, chords_[i]); lb <= keep)
            fresh->edges.push_back({lb, i});
      }
  std::sort(fresh->edges.begin(), fresh->edges.end());
  fresh->edges.erase(std::unique(fresh->edges.begin(), fresh->edges.end()), fresh->edges.end());
  const Cell* expected = nullptr;
  if (cells_[index].compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) {
    built_->fetch_add(1, std::memory_order_relaxed);
    return fresh.release();
  }
  return expected;  // another thread built it first
}

// The cell's edges in order of their bound at the centre: p is `off` from
// it, so once a bound less off exceeds the best no later edge wins. False
// when the answer is not sure (a filter left out the cell's nearer edges).
bool SegmentIndex::scan(const Cell& cell, LonLat p, const Vec3& p3, const std::int32_t* rank,
                        Best& best) const {
  const double off = distance3(p3, cell.centre3);
  for (const auto& [lb_centre, i] : cell.edges) {
    if (lb_centre - off > best.limit) break;
    const std::int32_t r = rank ? rank[owner_[i]] : owner_[i];
    if (r < 0 || chord_bound_m(p3, chords_[i]) > best.limit) continue;
    if (i == best.edge) continue;
    refine(p, p3, i, r, best);
  }
  return best.found() && best.min_m <= cell.sure_m - kTie;
}

}  // namespace bm
