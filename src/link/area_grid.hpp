#pragma once
// Which country a point lies in (and whether in an enclave), answered from a
// grid of cells for most points: a cell that no polygon edge comes near lies
// wholly in one country (or none), so it takes the answer of its neighbours
// along its row; only cells near an edge ask the exact locator per point.
//
// Why it is exact: a cell is "near" when some edge's box, padded by 1e-9
// degrees, overlaps it. Two points in one run of free cells of a row are
// joined by a path (along the row, then within the cell) that keeps more
// than 5e-10 degrees from every edge, so no polygon boundary separates them.
#include <cstdint>
#include <functional>
#include <vector>

#include "core/geometry.hpp"

namespace bm {

struct AreaHit {
  std::int32_t area = -1;  // index into the areas given; -1: none
  bool enclave = false;
};

class AreaGrid {
 public:
  using Exact = std::function<AreaHit(LonLat)>;
  // `areas` are the polygons the exact locator tests (their edges make cells
  // near); the grid covers `extent` with at most about `max_cells` cells.
  AreaGrid(const std::vector<const MultiPolygon*>& areas, Bounds extent, Exact exact,
           std::size_t max_cells = 1 << 19);

  AreaHit locate(LonLat p) const;
  // A hint that locate(p) follows soon: starts loading p's cell.
  void prefetch(LonLat p) const {
    if (!cells_.empty() && p.lon >= box_.min_lon && p.lon < box_.max_lon && p.lat >= box_.min_lat &&
        p.lat < box_.max_lat)
      __builtin_prefetch(&cells_[static_cast<std::size_t>((p.lat - box_.min_lat) / step_) * nx_ +
                                 static_cast<std::size_t>((p.lon - box_.min_lon) / step_)]);
  }
  // Share of cells that need the exact test (for --verbose and tests).
  double near_share() const;

 private:
  // One byte a cell keeps the grid in cache: 2 * slot + enclave, or these.
  // A slot is an area the grid met, so any number of areas may be given
  // (the world's countries) as long as at most kSlots lie in the extent;
  // cells of further areas ask the exact test.
  static constexpr std::uint8_t kNear = 255, kNone = 254;
  static constexpr std::size_t kSlots = kNone / 2;
  std::uint8_t& at(std::size_t ix, std::size_t iy) { return cells_[iy * nx_ + ix]; }
  std::uint8_t encode(const AreaHit& hit);
  Bounds box_;
  double step_ = 1;
  std::size_t nx_ = 0, ny_ = 0;
  std::vector<std::uint8_t> cells_;  // empty: no grid, exact tests only
  std::vector<std::int32_t> slots_;  // slot -> area
  Exact exact_;
};

}  // namespace bm
