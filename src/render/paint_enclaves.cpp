// Painter: enclaves and exclaves of the focus countries.
#include "render/layers.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

constexpr double kLargestEnclaveKm2 = 2000;
constexpr double kKm2PerDeg2 = 111.32 * 111.32;  // at the equator
constexpr double kRad = 3.14159265358979323846 / 180;

double ring_area(const Ring& r) {
  double a = 0;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
    a += (r[j].lon + r[i].lon) * (r[j].lat - r[i].lat);
  return std::abs(a) / 2;
}

bool holds_enclave_point(const Bounds& part, const MapData& data) {
  return std::any_of(data.enclave_points.begin(), data.enclave_points.end(), [&](LonLat p) {
    return p.lon >= part.min_lon && p.lon <= part.max_lon && p.lat >= part.min_lat &&
           p.lat <= part.max_lat;
  });
}

}  // namespace

std::vector<Enclave> visible_enclaves(const Canvas& c, const MapData& data) {
  std::vector<Enclave> out;
  for (const auto& country : data.countries) {
    if (!is_focus(data, country.iso2) || country.area.size() < 2) continue;
    double biggest = 0;
    for (const auto& p : country.area)
      if (!p.rings.empty()) biggest = std::max(biggest, ring_area(p.rings[0]));
    for (const auto& p : country.area) {
      if (p.rings.empty() || ring_area(p.rings[0]) > biggest * 0.05) continue;
      Bounds b;
      for (const auto& q : p.rings[0]) b.add(q);
      // A small part is an island as often as an enclave: only parts that
      // hold a 10 m enclave ring's point (surrounded by another country) are.
      if (!holds_enclave_point(b, data)) continue;
      // The source draws a few large territories inside two countries'
      // polygons at once (Crimea, 25,000 km²): a claim both make, not an
      // enclave; the largest enclave the bundle names, Oecusse, is 794 km².
      const double km2 =
          ring_area(p.rings[0]) * kKm2PerDeg2 * std::cos((b.min_lat + b.max_lat) / 2 * kRad);
      if (km2 > kLargestEnclaveKm2) continue;
      XY d0 = c.view.to_device(LonLat{b.min_lon, b.max_lat});
      XY d1 = c.view.to_device(LonLat{b.max_lon, b.min_lat});
      if (d1.x < c.frame.x0 || d0.x > c.frame.x1 || d1.y < c.frame.y0 || d0.y > c.frame.y1)
        continue;
      out.push_back({&country, &p.rings[0]});
    }
  }
  return out;
}

// Drawn with a distinct outline so a reader sees that the other country
// surrounds it.
bool paint_enclaves(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  auto enclaves = visible_enclaves(c, data);
  for (const auto& e : enclaves) {
    cairo_new_path(c.cr);
    trace_ring(c.cr, c.view, *e.ring);
    Color fill = c.style.enclave;
    fill.a = 0.18;
    set_color(c.cr, fill);
    cairo_fill_preserve(c.cr);
    set_color(c.cr, c.style.enclave);
    cairo_set_line_width(c.cr, 1.4);
    cairo_stroke(c.cr);
  }
  return !enclaves.empty();
}

}  // namespace bm
