#pragma once
// Plain geometry values passed between stages (lon/lat, WGS84). Stages that
// need geometric operations convert them to GEOS inside src/geom/.
#include <vector>

#include "core/model.hpp"

namespace bm {

using Line = std::vector<LonLat>;
using Ring = std::vector<LonLat>;

struct Polygon {
  std::vector<Ring> rings;  // first ring is the shell, the rest are holes
};
using MultiPolygon = std::vector<Polygon>;

struct Bounds {
  double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
  bool empty() const { return min_lon > max_lon; }
  void add(LonLat p) {
    if (p.lon < min_lon) min_lon = p.lon;
    if (p.lon > max_lon) max_lon = p.lon;
    if (p.lat < min_lat) min_lat = p.lat;
    if (p.lat > max_lat) max_lat = p.lat;
  }
  void add(const Bounds& b) {
    if (b.empty()) return;
    add(LonLat{b.min_lon, b.min_lat});
    add(LonLat{b.max_lon, b.max_lat});
  }
  bool intersects(const Bounds& b) const {
    return !(b.min_lon > max_lon || b.max_lon < min_lon || b.min_lat > max_lat ||
             b.max_lat < min_lat);
  }
};

Bounds bounds_of(const MultiPolygon& mp);
Bounds bounds_of(const std::vector<Line>& lines);

}  // namespace bm
