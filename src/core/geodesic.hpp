#pragma once
// Distances on the WGS84 ellipsoid through PROJ's geodesic routines
// (Karney's algorithms): exact to nanometres, unlike planar UTM distances.
#include "core/geometry.hpp"

namespace bm {

// Geodesic distance in metres between two lon/lat points.
double geodesic_distance(LonLat a, LonLat b);

// Length in metres of a polyline along geodesics between its vertices.
double geodesic_length(const Line& line);

// The point at `distance_m` from `from` along azimuth `azimuth_deg`.
LonLat geodesic_direct(LonLat from, double azimuth_deg, double distance_m);

struct NearestOnLine {
  LonLat point;
  double distance_m = 0;
  std::size_t edge = 0;  // index of the edge's first vertex
};

// The point of `line` nearest to `p`, measured geodesically. Edges are
// straight in lon/lat (as GIS files store them); the minimum along each edge
// is found by golden-section search, which is exact enough (< 1 mm) because
// the distance is unimodal along an edge a few km long.
NearestOnLine nearest_on_line(LonLat p, const Line& line);

}  // namespace bm
