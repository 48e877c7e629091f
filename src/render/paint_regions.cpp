// Painter: admin-1 region lines of the focus countries.
#include "render/layers.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace bm {

// Admin-1 lines are drawn only inside their country: where a region's
// outline runs along the national border (the two sources are generalised
// differently) it is left out, so no grey line shadows the border.
bool paint_regions(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  // National outlines in device units, bucketed on a coarse grid.
  const double cell = 12, near = 4;
  std::map<std::pair<int, int>, std::vector<std::pair<XY, XY>>> grid;
  auto key = [&](XY p) {
    return std::make_pair(static_cast<int>(std::floor(p.x / cell)),
                          static_cast<int>(std::floor(p.y / cell)));
  };
  // A region's outer edge is its own country's outline: the focus countries'
  // rings suffice, and only their edges near the frame.
  const Box near_frame{c.frame.x0 - cell, c.frame.y0 - cell, c.frame.x1 + cell, c.frame.y1 + cell};
  for (const auto& country : data.countries) {
    if (!is_focus(data, country.iso2)) continue;
    for (const auto& poly : country.area)
      for (const auto& ring : poly.rings)
        for (std::size_t i = 1; i < ring.size(); ++i) {
          XY a = c.view.to_device(ring[i - 1]), b = c.view.to_device(ring[i]);
          if (std::max(a.x, b.x) < near_frame.x0 || std::min(a.x, b.x) > near_frame.x1 ||
              std::max(a.y, b.y) < near_frame.y0 || std::min(a.y, b.y) > near_frame.y1)
            continue;
          auto ka = key(a), kb = key(b);
          for (int x = std::min(ka.first, kb.first) - 1; x <= std::max(ka.first, kb.first) + 1; ++x)
            for (int y = std::min(ka.second, kb.second) - 1;
                 y <= std::max(ka.second, kb.second) + 1; ++y)
              grid[{x, y}].push_back({a, b});
        }
  }
  auto on_border = [&](XY p) {
    auto it = grid.find(key(p));
    if (it == grid.end()) return false;
    for (const auto& [a, b] : it->second) {
      double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
      if (std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)) < near) return true;
    }
    return false;
  };
  bool any = false;
  set_color(c.cr, c.style.region_line);
  cairo_set_line_width(c.cr, 0.7);
  const double dash[] = {4.0, 2.0, 1.0, 2.0};
  cairo_set_dash(c.cr, dash, 4, 0);
  for (const auto& r : data.regions) {
    if (!is_focus(data, r.country)) continue;
    cairo_new_path(c.cr);
    for (const auto& poly : r.area)
      for (const auto& ring : poly.rings) {
        bool pen = false;
        for (std::size_t i = 0; i < ring.size(); ++i) {
          XY d = c.view.to_device(ring[i]);
          bool skip = on_border(d);
          if (i > 0 && !skip) {
            XY prev = c.view.to_device(ring[i - 1]);
            skip = on_border({(prev.x + d.x) / 2, (prev.y + d.y) / 2});
          }
          if (skip) {
            pen = false;
          } else if (!pen) {
            cairo_move_to(c.cr, d.x, d.y);
            pen = true;
          } else {
            cairo_line_to(c.cr, d.x, d.y);
            Box f = c.frame;
            if (d.x > f.x0 && d.x < f.x1 && d.y > f.y0 && d.y < f.y1) any = true;
          }
        }
      }
    cairo_stroke(c.cr);
  }
  return any;
}

}  // namespace bm
