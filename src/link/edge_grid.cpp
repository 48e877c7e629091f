#include "link/edge_grid.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

constexpr double kEdgesPerCell = 4;      // mean item extents per cell side
constexpr double kMaxCells = 4'000'000;  // 16 MB of offsets at most
constexpr double kCellsPerItem = 16;     // fewer items: coarser cells, shorter walks
constexpr double kMinStep = 0.002;       // degrees (~200 m)

}  // namespace

EdgeGrid::EdgeGrid(const std::vector<Bounds>& boxes, double min_step) {
  Bounds all;
  double extent = 0;
  for (const auto& b : boxes) {
    all.add(b);
    extent += std::max(b.max_lon - b.min_lon, b.max_lat - b.min_lat);
  }
  if (all.empty()) return;
  const double w = std::max(all.max_lon - all.min_lon, 1e-9);
  const double h = std::max(all.max_lat - all.min_lat, 1e-9);
  step_ = std::max(kMinStep, kEdgesPerCell * extent / static_cast<double>(boxes.size()));
  const double cells = std::min(kMaxCells, kCellsPerItem * static_cast<double>(boxes.size()));
  step_ = std::max({step_, std::sqrt(w * h / cells), min_step});
  nx_ = static_cast<std::size_t>(w / step_) + 1;
  ny_ = static_cast<std::size_t>(h / step_) + 1;
  box_ = {all.min_lon, all.min_lat, all.min_lon + static_cast<double>(nx_) * step_,
          all.min_lat + static_cast<double>(ny_) * step_};
  // Pass 1 counts each cell's edges, pass 2 fills them in.
  offsets_.assign(nx_ * ny_ + 1, 0);
  auto each_cell = [&](const Bounds& b, auto&& f) {
    const auto x0 = col(b.min_lon), x1 = col(b.max_lon);
    const auto y0 = row(b.min_lat), y1 = row(b.max_lat);
    for (auto y = y0; y <= y1; ++y)
      for (auto x = x0; x <= x1; ++x)
        f(static_cast<std::size_t>(y) * nx_ + static_cast<std::size_t>(x));
  };
  for (const auto& b : boxes) each_cell(b, [&](std::size_t c) { ++offsets_[c + 1]; });
  for (std::size_t c = 0; c < nx_ * ny_; ++c) offsets_[c + 1] += offsets_[c];
  edges_.resize(offsets_.back());
  std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
  for (std::size_t i = 0; i < boxes.size(); ++i)
    each_cell(boxes[i], [&](std::size_t c) { edges_[fill[c]++] = static_cast<std::uint32_t>(i); });
  count_empty_rings();
}

// The chessboard distance from each cell to the nearest occupied one, by
// the classic two passes (each cell from its four neighbours already seen:
// forward from above and the left, backward from below and the right),
// which is exact for the chessboard metric. Saturates at 255.
void EdgeGrid::count_empty_rings() {
  const std::size_t nx = nx_, ny = ny_;
  empty_rings_.assign(nx * ny, 255);
  auto at = [&](std::size_t x, std::size_t y) -> std::uint8_t& { return empty_rings_[y * nx + x]; };
  auto relax = [](std::uint8_t& d, std::uint8_t from) {
    if (from < 255 && from + 1 < d) d = static_cast<std::uint8_t>(from + 1);
  };
  for (std::size_t y = 0; y < ny; ++y)
    for (std::size_t x = 0; x < nx; ++x) {
      std::uint8_t& d = at(x, y);
      if (offsets_[y * nx + x + 1] > offsets_[y * nx + x]) d = 0;
      if (x > 0) relax(d, at(x - 1, y));
      if (y > 0) {
        relax(d, at(x, y - 1));
        if (x > 0) relax(d, at(x - 1, y - 1));
        if (x + 1 < nx) relax(d, at(x + 1, y - 1));
      }
    }
  for (std::size_t y = ny; y-- > 0;)
    for (std::size_t x = nx; x-- > 0;) {
      std::uint8_t& d = at(x, y);
      if (x + 1 < nx) relax(d, at(x + 1, y));
      if (y + 1 < ny) {
        relax(d, at(x, y + 1));
        if (x + 1 < nx) relax(d, at(x + 1, y + 1));
        if (x > 0) relax(d, at(x - 1, y + 1));
      }
    }
}

bool EdgeGrid::covers(std::ptrdiff_t x0, std::ptrdiff_t y0, std::ptrdiff_t x1, std::ptrdiff_t y1,
                      const Bounds& b) const {
  const auto last_x = static_cast<std::ptrdiff_t>(nx_) - 1;
  const auto last_y = static_cast<std::ptrdiff_t>(ny_) - 1;
  const double lo_lon = box_.min_lon + static_cast<double>(x0) * step_;
  const double hi_lon = box_.min_lon + static_cast<double>(x1 + 1) * step_;
  const double lo_lat = box_.min_lat + static_cast<double>(y0) * step_;
  const double hi_lat = box_.min_lat + static_cast<double>(y1 + 1) * step_;
  // A nanodegree of slack: a box edge on a cell line may round either way.
  constexpr double e = 1e-9;
  return (x0 <= 0 || b.min_lon >= lo_lon + e) && (x1 >= last_x || b.max_lon < hi_lon - e) &&
         (y0 <= 0 || b.min_lat >= lo_lat + e) && (y1 >= last_y || b.max_lat < hi_lat - e);
}

}  // namespace bm
