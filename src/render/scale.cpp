#include "render/scale.hpp"

#include <cmath>
#include <string>

#include "core/geodesic.hpp"

namespace bm {

ScaleBar compute_scale_bar(const Viewport& v, double max_length) {
  XY centre{v.x0() + v.width() / 2, v.y0() + v.height() / 2};
  LonLat a = v.projection().inverse(v.to_metres({centre.x - 50, centre.y}));
  LonLat b = v.projection().inverse(v.to_metres({centre.x + 50, centre.y}));
  double metres_per_unit = geodesic_distance(a, b) / 100.0;
  double max_m = max_length * metres_per_unit;
  double step = std::pow(10.0, std::floor(std::log10(max_m)));
  double best = step;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * step <= max_m) best = m * step;
  return {best, best / metres_per_unit};
}

}  // namespace bm

namespace bm {
namespace {

// 2.5 -> "2.5", 3 -> "3": at most two decimals, no trailing zeros.
std::string short_number(double v) {
  std::string s = std::to_string(std::round(v * 100) / 100.0);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::vector<ScaleTick> scale_ticks(const ScaleBar& bar) {
  if (bar.metres <= 0) return {};
  const bool km = bar.metres >= 1000;
  const double unit = km ? 1000 : 1;
  const double lead = bar.metres / std::pow(10.0, std::floor(std::log10(bar.metres) + 1e-9));
  const int parts = std::lround(lead) == 5 ? 5 : 2;
  std::vector<ScaleTick> out;
  for (int k = 0; k <= parts; ++k) {
    double m = bar.metres * k / parts;
    std::string label = short_number(m / unit);
    if (k == parts) label += km ? " km" : " m";
    out.push_back({bar.length * k / parts, m, label});
  }
  return out;
}

}  // namespace bm
