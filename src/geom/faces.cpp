#include "geom/faces.hpp"

#include <geos_c.h>

#include "geom/geos.hpp"

namespace bm {
namespace {

using geos::checked;
using geos::context;
using geos::Geom;

Geom collection(std::vector<Geom>& parts, int type) {
  std::vector<GEOSGeometry*> raw;
  for (auto& g : parts) raw.push_back(g.release());
  return checked(
      GEOSGeom_createCollection_r(context(), type, raw.data(), static_cast<unsigned>(raw.size())),
      "collection");
}

Geom clip(const Geom& g, const Bounds& box) {
  return checked(
      GEOSClipByRect_r(context(), g.get(), box.min_lon, box.min_lat, box.max_lon, box.max_lat),
      "clip to box");
}

Geom box_polygon(const Bounds& b) {
  Ring r{{b.min_lon, b.min_lat},
         {b.max_lon, b.min_lat},
         {b.max_lon, b.max_lat},
         {b.min_lon, b.max_lat},
         {b.min_lon, b.min_lat}};
  Geom mp = geos::make_multipolygon({Polygon{{r}}});
  return checked(GEOSGeom_clone_r(context(), GEOSGetGeometryN_r(context(), mp.get(), 0)), "box");
}

LonLat point_inside(const GEOSGeometry* poly) {
  Geom p = checked(GEOSPointOnSurface_r(context(), poly), "point on surface");
  LonLat out;
  GEOSGeomGetX_r(context(), p.get(), &out.lon);
  GEOSGeomGetY_r(context(), p.get(), &out.lat);
  return out;
}

}  // namespace

std::vector<Face> faces_within(const std::vector<const MultiPolygon*>& areas,
                               const std::vector<Line>& cuts, const Bounds& box) {
  std::vector<Geom> lines, land;
  const Geom frame = box_polygon(box);
  lines.push_back(checked(GEOSBoundary_r(context(), frame.get()), "box outline"));
  for (const MultiPolygon* a : areas) {
    // Natural Earth polygons may be slightly invalid: a zero buffer repairs
    // them before the boundary is taken.
    Geom fixed =
        checked(GEOSBuffer_r(context(), geos::make_multipolygon(*a).get(), 0, 8), "repair");
    Geom outline = checked(GEOSBoundary_r(context(), fixed.get()), "boundary");
    lines.push_back(clip(outline, box));
    land.push_back(checked(GEOSIntersection_r(context(), fixed.get(), frame.get()), "clip area"));
  }
  for (const Line& l : cuts)
    if (l.size() >= 2) lines.push_back(clip(geos::make_line(l), box));
  // The union nodes every line at every crossing, as polygonize needs.
  Geom all = collection(lines, GEOS_GEOMETRYCOLLECTION);
  Geom noded = checked(GEOSUnaryUnion_r(context(), all.get()), "noding");
  const GEOSGeometry* input[] = {noded.get()};
  Geom faces = checked(GEOSPolygonize_r(context(), input, 1), "polygonize");
  Geom land_all = collection(land, GEOS_GEOMETRYCOLLECTION);
  Geom mask = checked(GEOSUnaryUnion_r(context(), land_all.get()), "land union");
  geos::Prepared in_land = geos::prepare(mask);
  std::vector<Face> out;
  int n = GEOSGetNumGeometries_r(context(), faces.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* f = GEOSGetGeometryN_r(context(), faces.get(), i);
    LonLat p = point_inside(f);
    if (!geos::contains(in_land, p)) continue;  // sea, lake or outside every area
    MultiPolygon mp = geos::to_multipolygon(f);
    for (auto& poly : mp) out.push_back({std::move(poly), p});
  }
  return out;
}

MultiPolygon dissolve(const std::vector<Polygon>& parts) {
  if (parts.empty()) return {};
  // A collection, not a multipolygon: faces share edges, which a
  // multipolygon may not.
  std::vector<Geom> polys;
  for (const Polygon& p : parts) polys.push_back(geos::make_multipolygon({p}));
  Geom all = collection(polys, GEOS_GEOMETRYCOLLECTION);
  Geom merged = checked(GEOSUnaryUnion_r(context(), all.get()), "dissolve");
  return geos::to_multipolygon(merged.get());
}

}  // namespace bm
