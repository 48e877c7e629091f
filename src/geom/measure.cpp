#include "geom/measure.hpp"

#include <geos_c.h>

#include "geom/geos.hpp"

namespace bm {

LonLat point_on_surface(const MultiPolygon& area) {
  auto* ctx = geos::context();
  geos::Geom g = geos::make_multipolygon(area);
  geos::Geom p = geos::checked(GEOSPointOnSurface_r(ctx, g.get()), "point on surface");
  LonLat out;
  GEOSGeomGetX_r(ctx, p.get(), &out.lon);
  GEOSGeomGetY_r(ctx, p.get(), &out.lat);
  return out;
}

}  // namespace bm
