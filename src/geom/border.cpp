#include "geom/border.hpp"

#include <geos_c.h>

#include "geom/geos.hpp"

namespace bm {

std::vector<Line> shared_boundary(const MultiPolygon& a, const MultiPolygon& b) {
  auto* ctx = geos::context();
  geos::Geom ga = geos::make_multipolygon(a);
  geos::Geom gb = geos::make_multipolygon(b);
  geos::Geom ba = geos::checked(GEOSBoundary_r(ctx, ga.get()), "boundary");
  geos::Geom bb = geos::checked(GEOSBoundary_r(ctx, gb.get()), "boundary");
  geos::Geom common = geos::checked(GEOSIntersection_r(ctx, ba.get(), bb.get()), "intersection");
  // The intersection of two boundaries may hold isolated points where they
  // only touch; keep the lines and merge them end to end.
  auto lines = geos::to_lines(common.get());
  if (lines.empty()) return {};
  std::vector<GEOSGeometry*> parts;
  for (const auto& l : lines) parts.push_back(geos::make_line(l).release());
  geos::Geom multi =
      geos::checked(GEOSGeom_createCollection_r(ctx, GEOS_MULTILINESTRING, parts.data(),
                                                static_cast<unsigned>(parts.size())),
                    "collection");
  geos::Geom merged = geos::checked(GEOSLineMerge_r(ctx, multi.get()), "line merge");
  return geos::to_lines(merged.get());
}

}  // namespace bm
