#pragma once
// Shared boundaries between countries, derived on demand with GEOS.
#include <vector>

#include "core/geometry.hpp"

namespace bm {

// The boundary two country polygons share (enclave rings included), merged
// into as few lines as possible. Empty when the countries do not touch.
std::vector<Line> shared_boundary(const MultiPolygon& a, const MultiPolygon& b);

}  // namespace bm
