#pragma once
// Cutting areas by lines into faces, and dissolving faces again: how a map
// of a small area gets country fills that follow the 10 m border lines.
#include <vector>

#include "core/geometry.hpp"

namespace bm {

struct Face {
  Polygon area;
  LonLat inside;  // a point in the face's interior
};

// The pieces `areas` (clipped to `box`) fall into when cut by their own
// boundaries and by `cuts`. Only pieces inside some area are returned; cut
// lines that end inside a piece (dangles) do not divide it.
std::vector<Face> faces_within(const std::vector<const MultiPolygon*>& areas,
                               const std::vector<Line>& cuts, const Bounds& box);

// The union of `parts`: shared edges dissolved.
MultiPolygon dissolve(const std::vector<Polygon>& parts);

}  // namespace bm
