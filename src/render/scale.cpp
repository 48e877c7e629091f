#include "render/scale.hpp"

#include <cmath>

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
