#pragma once
// Edges bucketed by the grid cells their boxes overlap (compressed rows:
// one offset per cell, then the edge numbers), with a cell size chosen from
// the data: a few mean edge lengths, coarser when the box is large so the
// grid stays within a few million cells. Built in two passes over the boxes,
// read-only afterwards. Each cell also knows how many rings around it are
// empty, so a search far from every item skips them.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/geometry.hpp"

namespace bm {

class EdgeGrid {
 public:
  EdgeGrid() = default;
  // Cells are at least `min_step` degrees (a coarser copy for far searches).
  explicit EdgeGrid(const std::vector<Bounds>& boxes, double min_step = 0);

  bool empty() const { return nx_ == 0; }
  std::size_t nx() const { return nx_; }
  std::size_t ny() const { return ny_; }
  double step() const { return step_; }
  const Bounds& box() const { return box_; }
  // The cell column / row of a longitude / latitude, clamped into the grid.
  std::ptrdiff_t col(double lon) const { return clamp((lon - box_.min_lon) / step_, nx_); }
  std::ptrdiff_t row(double lat) const { return clamp((lat - box_.min_lat) / step_, ny_); }
  std::span<const std::uint32_t> cell(std::ptrdiff_t ix, std::ptrdiff_t iy) const {
    const std::size_t c = static_cast<std::size_t>(iy) * nx_ + static_cast<std::size_t>(ix);
    return {edges_.data() + offsets_[c], edges_.data() + offsets_[c + 1]};
  }
  // The rings around cell (ix, iy) that hold no item: ring k (the cells
  // whose column or row is k away) is empty for every k below this.
  std::ptrdiff_t empty_rings(std::ptrdiff_t ix, std::ptrdiff_t iy) const {
    return empty_rings_[static_cast<std::size_t>(iy) * nx_ + static_cast<std::size_t>(ix)];
  }
  // Whether cells [x0, x1] x [y0, y1] hold every edge meeting `b`: either
  // they cover b on a side, or they reach the grid's edge on that side.
  bool covers(std::ptrdiff_t x0, std::ptrdiff_t y0, std::ptrdiff_t x1, std::ptrdiff_t y1,
              const Bounds& b) const;

 private:
  // Inline: two calls per search, in the hottest loop of linking.
  static std::ptrdiff_t clamp(double f, std::size_t n) {
    if (!(f >= 0)) return 0;  // also NaN
    if (f >= static_cast<double>(n)) return static_cast<std::ptrdiff_t>(n) - 1;
    return static_cast<std::ptrdiff_t>(f);
  }
  Bounds box_;
  double step_ = 1;
  std::size_t nx_ = 0, ny_ = 0;
  std::vector<std::uint32_t> offsets_;  // nx * ny + 1
  std::vector<std::uint32_t> edges_;
  std::vector<std::uint8_t> empty_rings_;  // per cell, at most 255
  void count_empty_rings();
};

}  // namespace bm
