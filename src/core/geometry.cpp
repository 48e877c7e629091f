#include "core/geometry.hpp"

namespace bm {

Bounds bounds_of(const MultiPolygon& mp) {
  Bounds b;
  for (const auto& poly : mp)
    if (!poly.rings.empty())
      for (const auto& p : poly.rings.front()) b.add(p);
  return b;
}

Bounds bounds_of(const std::vector<Line>& lines) {
  Bounds b;
  for (const auto& line : lines)
    for (const auto& p : line) b.add(p);
  return b;
}

}  // namespace bm
