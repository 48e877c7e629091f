#pragma once
// Incidents drawn as what they are known to: an area (hatched outline) or a
// border line (highlighted), not a point.
#include <vector>

#include "render/labels.hpp"
#include "render/layers.hpp"

namespace bm {

// The incidents of each distinct area, and of each distinct line set, in
// table order: one drawing, one label and one page mark per group.
using SpreadGroups = std::vector<std::vector<const MapIncident*>>;
SpreadGroups area_groups(const MapData& data);
SpreadGroups line_groups(const MapData& data);
// The outline of `area` as the current Cairo path.
void trace_area(Canvas& c, const MultiPolygon& area);

// Hatched, dashed outlines of the areas incidents are known only to.
void paint_incident_areas(Canvas& c, const MapData& data);
// A wide glow along the lines incidents were reported on; painted under
// the border segments so the border's status still reads on top.
void paint_incident_lines(Canvas& c, const MapData& data);
// One label per area or line: its name and the incidents' callout numbers.
std::vector<LabelRequest> spread_labels(const Canvas& c, const MapData& data);
// Whether any of the incident's area or lines can show inside `frame`.
bool spread_in_frame(const Viewport& v, const Box& frame, const MapIncident& mi);
// Each group's outline or line as SVG path data in device units, for the
// page's clickable marks (RenderResult::spread_marks).
std::vector<SpreadMark> spread_marks(Canvas& c, const MapData& data);

}  // namespace bm
