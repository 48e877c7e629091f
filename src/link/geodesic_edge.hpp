#pragma once
// One border edge between two vertices, taken as the WGS84 geodesic between
// them (as PostGIS geography, S2 and pyproj do), with what the nearest-point
// search needs: length and end azimuths (one inverse problem), and a chord in
// 3-D (ECEF) that gives a cheap, provable lower bound on the distance to the
// edge without any geodesic computation.
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
};

GeoEdge make_edge(LonLat a, LonLat b);
// Fills in length and azimuths from the ends (one inverse problem).
void solve_edge(GeoEdge& e);

// How far an edge whose ends are `chord_m` apart in 3-D can stray from its
// chord: needs no geodesic, so an index of a million edges is built at once.
double sag_of_chord(double chord_m);

// What the lower bound below needs of an edge, in 64 bytes: searches that
// test many edges read these from one compact array, not from the edges.
struct Chord {
  Vec3 a3, ab;  // start and a3 -> b3
  double len2 = 0;
  double sag_m = 0;
};
Chord chord_of(const GeoEdge& e);
Chord chord_of(LonLat a, LonLat b);
Chord chord_of(const Vec3& a3, const Vec3& b3);  // from the ends' ecef()

// A lower bound on the geodesic distance between two points of WGS84 that
// are at least `chord_m` apart in 3-D: the arc of that chord on a sphere of
// radius a^2/b (the largest radius of curvature). A geodesic bends at least
// as much as that sphere's great circles, so it is never shorter; checked
// against GeographicLib on 1.6M random pairs from 1 km to 9,000 km
// (tests/link/geodesic_edge_test.cpp, docs/link.md); far off it is 100 times
// tighter than the chord alone (4 m against 480 m at 1,000 km).
constexpr double kRhoMax = 6399593.6258;  // a^2 / b, rounded down
constexpr double kArcSlack = 1 - 1e-9;    // for rounding
inline double arc_of_chord(double chord_m) {
  const double x = chord_m / (2 * kRhoMax);
  return x >= 1 ? chord_m : 2 * kRhoMax * std::asin(x) * kArcSlack;
}
// The longest chord whose arc is at most `arc_m`: comparing chords with it
// is comparing their arcs with arc_m (arc_of_chord is increasing).
inline double chord_of_arc(double arc_m) {
  const double half = arc_m / (2 * kRhoMax * kArcSlack);
  return half >= 1.5 ? 1e300 : 2 * kRhoMax * std::sin(half);
}

// The chord part of the bound below: how far p is from the edge's chord,
// less the sag (0 at least). Searches compare these with chord_of_arc().
inline double chord_bound_m(const Vec3& p, const Chord& c) {
  const Vec3 ap{p.x - c.a3.x, p.y - c.a3.y, p.z - c.a3.z};
  double t = c.len2 > 0 ? (ap.x * c.ab.x + ap.y * c.ab.y + ap.z * c.ab.z) / c.len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const Vec3 d{p.x - (c.a3.x + t * c.ab.x), p.y - (c.a3.y + t * c.ab.y),
               p.z - (c.a3.z + t * c.ab.z)};
  const double chord = std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z) - c.sag_m;
  return chord > 0 ? chord : 0;
}

// A lower bound on the geodesic distance from the point (given in ECEF) to
// any point of the edge: the edge stays within sag_m of its chord, and the
// arc over the remaining chord bounds the geodesic (above).
inline double lower_bound_m(const Vec3& p, const Chord& c) {
  return arc_of_chord(chord_bound_m(p, c));
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
