#pragma once
// Painters for the geographic layers, bottom to top.
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/map.hpp"

namespace bm {

void paint_countries(Canvas& c, const MapData& data);
void paint_segments(Canvas& c, const MapData& data);
// Returns the symbol boxes, which labels then avoid.
std::vector<Box> paint_incidents(Canvas& c, const MapData& data);

double symbol_radius(const Incident& incident);
const Color& status_color(const Style& style, SegmentStatus status);

}  // namespace bm
