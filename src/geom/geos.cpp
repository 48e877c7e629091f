#include "geom/geos.hpp"

#include <geos_c.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "core/error.hpp"

namespace bm::geos {
namespace {

void on_message(const char* fmt, ...) {
  // GEOS reports errors through return values as well; the text is only
  // useful when debugging, so it is dropped unless BORDERMAP_GEOS_DEBUG is set.
  static const bool debug = std::getenv("BORDERMAP_GEOS_DEBUG") != nullptr;
  if (!debug) return;
  va_list ap;
  va_start(ap, fmt);
  std::vfprintf(stderr, fmt, ap);
  va_end(ap);
  std::fputc('\n', stderr);
}

struct Context {
  GEOSContextHandle_t handle;
  Context() : handle(GEOS_init_r()) {
    GEOSContext_setNoticeHandler_r(handle, on_message);
    GEOSContext_setErrorHandler_r(handle, on_message);
  }
  ~Context() { GEOS_finish_r(handle); }
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
};

GEOSCoordSequence* make_sequence(const std::vector<LonLat>& pts) {
  auto* seq = GEOSCoordSeq_create_r(context(), static_cast<unsigned>(pts.size()), 2);
  if (!seq) throw GeometryError("GEOS: cannot allocate a coordinate sequence");
  for (unsigned i = 0; i < pts.size(); ++i)
    GEOSCoordSeq_setXY_r(context(), seq, i, pts[i].lon, pts[i].lat);
  return seq;
}

std::vector<LonLat> read_sequence(const GEOSGeometry* g) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(context(), g);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(context(), seq, &n);
  std::vector<LonLat> out(n);
  for (unsigned i = 0; i < n; ++i)
    GEOSCoordSeq_getXY_r(context(), seq, i, &out[i].lon, &out[i].lat);
  return out;
}

Ring closed(Ring r) {
  if (!r.empty() && (r.front().lon != r.back().lon || r.front().lat != r.back().lat))
    r.push_back(r.front());
  return r;
}

}  // namespace

GEOSContextHandle_t context() {
  thread_local Context ctx;
  return ctx.handle;
}

void GeomDeleter::operator()(GEOSGeometry* g) const { GEOSGeom_destroy_r(context(), g); }
void PreparedDeleter::operator()(const GEOSPreparedGeometry* g) const {
  GEOSPreparedGeom_destroy_r(context(), g);
}

Geom checked(GEOSGeometry* g, const char* what) {
  if (!g) throw GeometryError(std::string("GEOS: ") + what + " failed");
  return Geom(g);
}

Geom make_point(LonLat p) {
  return checked(GEOSGeom_createPointFromXY_r(context(), p.lon, p.lat), "point");
}

Geom make_line(const Line& line) {
  return checked(GEOSGeom_createLineString_r(context(), make_sequence(line)), "line");
}

Geom make_multipolygon(const MultiPolygon& mp) {
  std::vector<GEOSGeometry*> polys;
  for (const auto& poly : mp) {
    if (poly.rings.empty()) continue;
    GEOSGeometry* shell =
        GEOSGeom_createLinearRing_r(context(), make_sequence(closed(poly.rings[0])));
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < poly.rings.size(); ++i)
      holes.push_back(GEOSGeom_createLinearRing_r(context(), make_sequence(closed(poly.rings[i]))));
    polys.push_back(GEOSGeom_createPolygon_r(context(), shell, holes.data(),
                                             static_cast<unsigned>(holes.size())));
  }
  return checked(GEOSGeom_createCollection_r(context(), GEOS_MULTIPOLYGON, polys.data(),
                                             static_cast<unsigned>(polys.size())),
                 "multipolygon");
}

Prepared prepare(const Geom& g) {
  const GEOSPreparedGeometry* p = GEOSPrepare_r(context(), g.get());
  if (!p) throw GeometryError("GEOS: prepare failed");
  return Prepared(p);
}

bool contains(const Prepared& area, const Geom& point) {
  return GEOSPreparedIntersects_r(context(), area.get(), point.get()) == 1;
}

bool contains(const Prepared& area, LonLat p) {
  Geom pt = make_point(p);
  return GEOSPreparedIntersects_r(context(), area.get(), pt.get()) == 1;
}

double distance_deg(const Geom& area, LonLat p) {
  Geom pt = make_point(p);
  double d = 0;
  if (GEOSDistance_r(context(), area.get(), pt.get(), &d) != 1)
    throw GeometryError("GEOS distance failed");
  return d;
}

std::vector<Line> to_lines(const GEOSGeometry* g) {
  std::vector<Line> out;
  int type = GEOSGeomTypeId_r(context(), g);
  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
    out.push_back(read_sequence(g));
  } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(context(), g);
    for (int i = 0; i < n; ++i) {
      auto part = to_lines(GEOSGetGeometryN_r(context(), g, i));
      out.insert(out.end(), part.begin(), part.end());
    }
  }
  return out;
}

MultiPolygon to_multipolygon(const GEOSGeometry* g) {
  MultiPolygon out;
  int type = GEOSGeomTypeId_r(context(), g);
  if (type == GEOS_POLYGON) {
    Polygon poly;
    poly.rings.push_back(read_sequence(GEOSGetExteriorRing_r(context(), g)));
    int holes = GEOSGetNumInteriorRings_r(context(), g);
    for (int i = 0; i < holes; ++i)
      poly.rings.push_back(read_sequence(GEOSGetInteriorRingN_r(context(), g, i)));
    out.push_back(std::move(poly));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(context(), g);
    for (int i = 0; i < n; ++i) {
      auto part = to_multipolygon(GEOSGetGeometryN_r(context(), g, i));
      out.insert(out.end(), part.begin(), part.end());
    }
  }
  return out;
}

MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b) {
  auto valid = [](const MultiPolygon& mp) {
    Geom g = make_multipolygon(mp);
    if (GEOSisValid_r(context(), g.get()) == 1) return g;
    return checked(GEOSMakeValid_r(context(), g.get()), "make valid");
  };
  Geom ga = valid(a), gb = valid(b);
  Geom common = checked(GEOSIntersection_r(context(), ga.get(), gb.get()), "intersection");
  return to_multipolygon(common.get());
}

}  // namespace bm::geos
