#pragma once
// One border edge between two vertices, taken as the WGS84 geodesic between
// them (as PostGIS geography, S2 and pyproj do), with what the nearest-point
// search needs precomputed: the geodesic line, and a chord in 3-D (ECEF)
// that gives a cheap, provable lower bound on the distance to the edge.
#include <geodesic.h>

#include <cmath>

#include "core/geometry.hpp"

namespace bm {

struct Vec3 {
  double x = 0, y = 0, z = 0;
};

// Earth-centred, earth-fixed coordinates of a point on the WGS84 ellipsoid.
Vec3 ecef(LonLat p);

struct GeoEdge {
  LonLat a, b;
  Vec3 a3, b3;
  double length_m = 0;
  double sag_m = 0;      // how far the geodesic can stray from the 3-D chord
  double azimuth_a = 0;  // of the edge at a, towards b
  double azimuth_b = 0;  // of the edge at b, towards a
  geod_geodesicline line{};
};

GeoEdge make_edge(LonLat a, LonLat b);

// What the lower bound below needs of an edge, in 64 bytes: searches that
// test many edges read these from one compact array, not from the edges.
struct Chord {
  Vec3 a3, ab;  // start and a3 -> b3
  double len2 = 0;
  double sag_m = 0;
};
Chord chord_of(const GeoEdge& e);

// A lower bound on the geodesic distance from the point (given in ECEF) to
// any point of the edge: the chord distance never exceeds the geodesic
// distance, and the edge stays within sag_m of its chord.
inline double lower_bound_m(const Vec3& p, const Chord& c) {
  const Vec3 ap{p.x - c.a3.x, p.y - c.a3.y, p.z - c.a3.z};
  double t = c.len2 > 0 ? (ap.x * c.ab.x + ap.y * c.ab.y + ap.z * c.ab.z) / c.len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const Vec3 d{p.x - (c.a3.x + t * c.ab.x), p.y - (c.a3.y + t * c.ab.y),
               p.z - (c.a3.z + t * c.ab.z)};
  const double chord = std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z) - c.sag_m;
  return chord > 0 ? chord : 0;
}
double lower_bound_m(const Vec3& p, const GeoEdge& e);

struct EdgePoint {
  LonLat point;
  double distance_m = 0;
  int end = -1;             // 0: the point is vertex a, 1: vertex b, -1: inside
  double azimuth_to_p = 0;  // at the point, towards p
};

// The point of the edge geodesically nearest to `p`, and the distance.
// Newton iteration on the along-edge position: at the foot the geodesic to
// `p` meets the edge at a right angle; stops when a step is under 1 mm
// (the distance is then exact to micrometres), usually after 2-3 steps.
EdgePoint nearest_on_edge(LonLat p, const Vec3& p3, const GeoEdge& e);

// Geodesic distance and the azimuth at `from` towards `to`.
double geodesic_inverse(LonLat from, LonLat to, double* azimuth_deg);

// Degree boxes that provably hold every point within `radius_m` of `p`.
Bounds geodesic_box(LonLat p, double radius_m);

}  // namespace bm
