#include "link/area_grid.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

constexpr double kPad = 1e-9;  // degrees; far above the rounding of lon/lat arithmetic

}  // namespace

AreaGrid::AreaGrid(const std::vector<const MultiPolygon*>& areas, Bounds extent, Exact exact,
                   std::size_t max_cells)
    : exact_(std::move(exact)) {
  if (extent.empty()) return;
  const double w = std::max(extent.max_lon - extent.min_lon, 1e-6);
  const double h = std::max(extent.max_lat - extent.min_lat, 1e-6);
  step_ = std::max({std::sqrt(w * h / static_cast<double>(std::max<std::size_t>(max_cells, 1))),
                    w / 4096, h / 4096});
  nx_ = static_cast<std::size_t>(std::ceil(w / step_)) + 1;
  ny_ = static_cast<std::size_t>(std::ceil(h / step_)) + 1;
  box_ = {extent.min_lon, extent.min_lat, extent.min_lon + static_cast<double>(nx_) * step_,
          extent.min_lat + static_cast<double>(ny_) * step_};
  cells_.assign(nx_ * ny_, kNone);

  // Cells some edge comes near: every cell its padded box overlaps. The
  // index arithmetic is the one locate() uses, so it is monotone alike.
  auto index = [&](double v, double lo, std::size_t n) -> std::ptrdiff_t {
    const double f = std::floor((v - lo) / step_);
    if (f < 0) return -1;
    if (f >= static_cast<double>(n)) return static_cast<std::ptrdiff_t>(n);
    return static_cast<std::ptrdiff_t>(f);
  };
  for (const MultiPolygon* mp : areas)
    for (const auto& poly : *mp)
      for (const auto& ring : poly.rings)
        for (std::size_t i = 0; i < ring.size(); ++i) {
          const LonLat a = ring[i], b = ring[(i + 1) % ring.size()];
          const auto x0 = index(std::min(a.lon, b.lon) - kPad, box_.min_lon, nx_);
          const auto x1 = index(std::max(a.lon, b.lon) + kPad, box_.min_lon, nx_);
          const auto y0 = index(std::min(a.lat, b.lat) - kPad, box_.min_lat, ny_);
          const auto y1 = index(std::max(a.lat, b.lat) + kPad, box_.min_lat, ny_);
          const auto nx = static_cast<std::ptrdiff_t>(nx_), ny = static_cast<std::ptrdiff_t>(ny_);
          if (x1 < 0 || y1 < 0 || x0 >= nx || y0 >= ny) continue;
          for (auto y = std::max<std::ptrdiff_t>(y0, 0); y <= std::min(y1, ny - 1); ++y)
            for (auto x = std::max<std::ptrdiff_t>(x0, 0); x <= std::min(x1, nx - 1); ++x)
              at(static_cast<std::size_t>(x), static_cast<std::size_t>(y)) = kNear;
        }

  // Each run of free cells along a row: one exact answer, at the centre of
  // its first cell.
  for (std::size_t iy = 0; iy < ny_; ++iy) {
    bool in_run = false;
    std::uint8_t run = kNear;
    for (std::size_t ix = 0; ix < nx_; ++ix) {
      std::uint8_t& c = at(ix, iy);
      if (c == kNear) {
        in_run = false;
        continue;
      }
      if (!in_run) {
        const LonLat centre{box_.min_lon + (static_cast<double>(ix) + 0.5) * step_,
                            box_.min_lat + (static_cast<double>(iy) + 0.5) * step_};
        run = encode(exact_(centre));
        in_run = true;
      }
      c = run;
    }
  }
}

std::uint8_t AreaGrid::encode(const AreaHit& hit) {
  if (hit.area < 0) return kNone;
  auto slot = std::find(slots_.begin(), slots_.end(), hit.area);
  if (slot == slots_.end()) {
    if (slots_.size() == kSlots) return kNear;  // no slot left: the exact test answers
    slot = slots_.insert(slots_.end(), hit.area);
  }
  return static_cast<std::uint8_t>(2 * (slot - slots_.begin()) + (hit.enclave ? 1 : 0));
}

AreaHit AreaGrid::locate(LonLat p) const {
  if (cells_.empty() || !(p.lon >= box_.min_lon && p.lon < box_.max_lon && p.lat >= box_.min_lat &&
                          p.lat < box_.max_lat))
    return exact_(p);
  const double fx = std::floor((p.lon - box_.min_lon) / step_);
  const double fy = std::floor((p.lat - box_.min_lat) / step_);
  if (fx < 0 || fy < 0 || fx >= static_cast<double>(nx_) || fy >= static_cast<double>(ny_))
    return exact_(p);
  const std::uint8_t c = cells_[static_cast<std::size_t>(fy) * nx_ + static_cast<std::size_t>(fx)];
  if (c == kNear) return exact_(p);
  if (c == kNone) return {};
  return {slots_[c / 2], (c & 1) != 0};
}

double AreaGrid::near_share() const {
  if (cells_.empty()) return 0;
  const auto n = std::count(cells_.begin(), cells_.end(), kNear);
  return static_cast<double>(n) / static_cast<double>(cells_.size());
}

}  // namespace bm
