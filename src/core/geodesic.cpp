#include "core/geodesic.hpp"

#include <geodesic.h>

#include <cmath>
#include <limits>

namespace bm {
namespace {

const geod_geodesic& wgs84() {
  static const geod_geodesic g = [] {
    geod_geodesic init{};
    geod_init(&init, 6378137.0, 1.0 / 298.257223563);
    return init;
  }();
  return g;
}

LonLat lerp(LonLat a, LonLat b, double t) {
  return {a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t};
}

// Golden-section search for the minimum distance from p to edge a-b.
NearestOnLine nearest_on_edge(LonLat p, LonLat a, LonLat b) {
  constexpr double inv_phi = 0.6180339887498949;
  double lo = 0, hi = 1;
  double x1 = hi - inv_phi * (hi - lo), x2 = lo + inv_phi * (hi - lo);
  double f1 = geodesic_distance(p, lerp(a, b, x1));
  double f2 = geodesic_distance(p, lerp(a, b, x2));
  for (int i = 0; i < 60 && hi - lo > 1e-10; ++i) {
    if (f1 < f2) {
      hi = x2, x2 = x1, f2 = f1;
      x1 = hi - inv_phi * (hi - lo);
      f1 = geodesic_distance(p, lerp(a, b, x1));
    } else {
      lo = x1, x1 = x2, f1 = f2;
      x2 = lo + inv_phi * (hi - lo);
      f2 = geodesic_distance(p, lerp(a, b, x2));
    }
  }
  NearestOnLine best{lerp(a, b, (lo + hi) / 2), 0, 0};
  best.distance_m = geodesic_distance(p, best.point);
  // The ends are candidates too: the search cannot reach t = 0 or 1 exactly.
  for (LonLat end : {a, b}) {
    double d = geodesic_distance(p, end);
    if (d < best.distance_m) best = {end, d, 0};
  }
  return best;
}

}  // namespace

double geodesic_distance(LonLat a, LonLat b) {
  double s12 = 0, azi1 = 0, azi2 = 0;
  geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
  return s12;
}

double geodesic_length(const Line& line) {
  double total = 0;
  for (std::size_t i = 1; i < line.size(); ++i) total += geodesic_distance(line[i - 1], line[i]);
  return total;
}

LonLat geodesic_direct(LonLat from, double azimuth_deg, double distance_m) {
  double lat2 = 0, lon2 = 0, azi2 = 0;
  geod_direct(&wgs84(), from.lat, from.lon, azimuth_deg, distance_m, &lat2, &lon2, &azi2);
  return {lon2, lat2};
}

NearestOnLine nearest_on_line(LonLat p, const Line& line) {
  NearestOnLine best{{}, std::numeric_limits<double>::infinity(), 0};
  if (line.size() == 1) return {line[0], geodesic_distance(p, line[0]), 0};
  for (std::size_t i = 1; i < line.size(); ++i) {
    NearestOnLine n = nearest_on_edge(p, line[i - 1], line[i]);
    if (n.distance_m < best.distance_m) best = {n.point, n.distance_m, i - 1};
  }
  return best;
}

}  // namespace bm
