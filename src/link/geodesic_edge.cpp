#include "link/geodesic_edge.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace bm {
namespace {

constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257223563;
constexpr double kE2 = kF * (2 - kF);
// The smallest radius of curvature on WGS84 (meridional, at the equator).
constexpr double kRhoMin = kA * (1 - kE2);
constexpr double kDeg = std::numbers::pi / 180;

const geod_geodesic& wgs84() {
  static const geod_geodesic g = [] {
    geod_geodesic init{};
    geod_init(&init, kA, kF);
    return init;
  }();
  return g;
}

double dot(const Vec3& a, const Vec3& b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 sub(const Vec3& a, const Vec3& b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }

}  // namespace

Vec3 ecef(LonLat p) {
  const double lat = p.lat * kDeg, lon = p.lon * kDeg;
  const double sl = std::sin(lat), cl = std::cos(lat);
  const double n = kA / std::sqrt(1 - kE2 * sl * sl);
  return {n * cl * std::cos(lon), n * cl * std::sin(lon), n * (1 - kE2) * sl};
}

// A curve of length L whose curvature is at most 1/rho strays from its chord
// no farther than a circular arc of radius rho does: rho (1 - cos(L / 2 rho)).
// A geodesic's curvature in space is the surface's normal curvature, at most
// 1/kRhoMin; and such a curve is no longer than that arc over the same chord
// c (Schur's comparison theorem), so L / 2 rho <= asin(c / 2 rho), and the
// sag is at most rho (1 - sqrt(1 - (c / 2 rho)^2)). 2 % and 1 mm of slack
// for rounding; beyond a half circle, c / 2 + the rest of the arc.
double sag_of_chord(double chord_m) {
  const double x = chord_m / (2 * kRhoMin);
  const double arc_sag = x < 1 ? kRhoMin * (1 - std::sqrt(1 - x * x)) : kRhoMin * std::numbers::pi;
  return 1.02 * arc_sag + 1e-3;
}

GeoEdge make_edge(LonLat a, LonLat b) {
  GeoEdge e;
  e.a = a;
  e.b = b;
  e.a3 = ecef(a);
  e.b3 = ecef(b);
  solve_edge(e);
  e.sag_m = sag_of_chord(std::sqrt(dot(sub(e.b3, e.a3), sub(e.b3, e.a3))));
  return e;
}

void solve_edge(GeoEdge& e) {
  double azi2 = 0;
  geod_inverse(&wgs84(), e.a.lat, e.a.lon, e.b.lat, e.b.lon, &e.length_m, &e.azimuth_a, &azi2);
  e.azimuth_b = azi2 + 180;
}

Chord chord_of(const GeoEdge& e) {
  Chord c;
  c.a3 = e.a3;
  c.ab = sub(e.b3, e.a3);
  c.len2 = dot(c.ab, c.ab);
  c.sag_m = e.sag_m;
  return c;
}

Chord chord_of(LonLat a, LonLat b) { return chord_of(ecef(a), ecef(b)); }

Chord chord_of(const Vec3& a3, const Vec3& b3) {
  Chord c;
  c.a3 = a3;
  c.ab = sub(b3, c.a3);
  c.len2 = dot(c.ab, c.ab);
  c.sag_m = sag_of_chord(std::sqrt(c.len2));
  return c;
}

double lower_bound_m(const Vec3& p, const GeoEdge& e) { return lower_bound_m(p, chord_of(e)); }

double geodesic_inverse(LonLat from, LonLat to, double* azimuth_deg) {
  // Only what is asked for: an azimuth left out is an atan2 saved.
  double s12 = 0;
  geod_inverse(&wgs84(), from.lat, from.lon, to.lat, to.lon, &s12, azimuth_deg, nullptr);
  return s12;
}

EdgePoint nearest_on_edge(LonLat p, const Vec3& p3, const GeoEdge& e) {
  if (e.length_m <= 0) {
    double to_p = 0;
    const double d = geodesic_inverse(e.a, p, &to_p);
    return {e.a, d, 0, to_p};
  }
  // Start from the foot on the 3-D chord: within metres of the answer.
  const Vec3 ab = sub(e.b3, e.a3), ap = sub(p3, e.a3);
  double s = std::clamp(dot(ap, ab) / dot(ab, ab), 0.0, 1.0) * e.length_m;
  EdgePoint best{e.a, 0};
  // The geodesic line is set up only when the search leaves the vertices.
  geod_geodesicline line{};
  bool have_line = false;
  for (int i = 0; i < 12; ++i) {
    double lat = 0, lon = 0, azi = 0;
    // At a vertex (the chord's foot is often clamped to one) its exact
    // coordinates beat walking the line there.
    if (s == 0)
      lat = e.a.lat, lon = e.a.lon, azi = e.azimuth_a;
    else if (s == e.length_m)
      lat = e.b.lat, lon = e.b.lon, azi = e.azimuth_b - 180;
    else {
      if (!have_line)
        geod_lineinit(&line, &wgs84(), e.a.lat, e.a.lon, e.azimuth_a,
                      GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_AZIMUTH | GEOD_DISTANCE_IN);
      have_line = true;
      geod_position(&line, s, &lat, &lon, &azi);
    }
    double to_p = 0;
    const double d = geodesic_inverse({lon, lat}, p, &to_p);
    best = {{lon, lat}, d, s == 0 ? 0 : s == e.length_m ? 1 : -1, to_p};
    if (d < 1e-9) break;
    const double step = d * std::cos((to_p - azi) * kDeg);
    const double next = std::clamp(s + step, 0.0, e.length_m);
    // Off the foot by ds, the distance is off by ds^2 / 2d: 1 mm is ample
    // unless p is (nearly) on the edge.
    if (std::abs(next - s) < (d > 10 ? 1e-3 : 1e-6)) break;
    s = next;
  }
  return best;
}

Bounds geodesic_box(LonLat p, double radius_m) {
  // Moving north costs at least kRhoMin per radian; moving east at latitude
  // phi costs at least a*cos(phi) per radian. 0.1 % slack for rounding.
  const double r = radius_m * 1.001 + 1e-3;
  const double dlat = r / kRhoMin / kDeg;
  const double lat_lo = p.lat - dlat, lat_hi = p.lat + dlat;
  const double far = std::max(std::abs(lat_lo), std::abs(lat_hi));
  Bounds b{-180, std::max(-90.0, lat_lo), 180, std::min(90.0, lat_hi)};
  if (far < 89.9) {
    const double dlon = r / (kA * std::cos(far * kDeg)) / kDeg;
    if (dlon < 180 && p.lon - dlon >= -180 && p.lon + dlon <= 180) {
      b.min_lon = p.lon - dlon;
      b.max_lon = p.lon + dlon;
    }
  }
  return b;
}

}  // namespace bm
