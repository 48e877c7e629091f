#pragma once
// RAII over the GEOS C API (reentrant _r functions, one context per thread).
// All GEOS use in bordermap goes through this folder.
#include <memory>
#include <vector>

#include "core/geometry.hpp"

typedef struct GEOSContextHandle_HS* GEOSContextHandle_t;
typedef struct GEOSGeom_t GEOSGeometry;
typedef struct GEOSPrepGeom_t GEOSPreparedGeometry;

namespace bm::geos {

// The calling thread's GEOS context (created on first use, freed at exit).
GEOSContextHandle_t context();

struct GeomDeleter {
  void operator()(GEOSGeometry* g) const;
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* g) const;
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// Takes ownership of a GEOS result; throws GeometryError naming `what` on null.
Geom checked(GEOSGeometry* g, const char* what);

Geom make_point(LonLat p);
Geom make_line(const Line& line);
Geom make_multipolygon(const MultiPolygon& mp);
Prepared prepare(const Geom& g);

bool contains(const Prepared& area, LonLat p);
// The same for a point already made (saves an allocation per test).
bool contains(const Prepared& area, const Geom& point);
// Planar distance in degrees from `p` to `area` (0 inside): a cheap bound
// on how far a point lies outside a polygon.
double distance_deg(const Geom& area, LonLat p);

// The part of `a` inside `b` (GEOS overlay; invalid input is made valid first).
MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b);

// Lines of a (multi)linestring or geometry collection of lines.
std::vector<Line> to_lines(const GEOSGeometry* g);
MultiPolygon to_multipolygon(const GEOSGeometry* g);

}  // namespace bm::geos
