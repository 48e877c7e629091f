#pragma once
#include "core/geometry.hpp"

namespace bm {

// A point guaranteed to lie inside the area (GEOS PointOnSurface).
LonLat point_on_surface(const MultiPolygon& area);

}  // namespace bm
