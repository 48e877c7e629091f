#pragma once
// Map furniture: title block, scale bar, legend, claims panel, attribution.
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/map.hpp"

namespace bm {

struct ScaleBar {
  double metres = 0;  // a round length
  double length = 0;  // device units
};

// A round length (1-2-5 steps) no longer than `max_length` device units,
// true at the map centre (geodesic metres per device unit measured there).
ScaleBar compute_scale_bar(const Viewport& v, double max_length);

Box paint_title(Canvas& c, const MapData& data, double x, double y, double width);
Box paint_scale_bar(Canvas& c, double x, double y);  // (x, y): bottom-left corner

struct LegendEntry {
  std::string label;
  enum Kind { line_solid, line_dashed, symbol, symbol_region } kind;
  Color color;
};
std::vector<LegendEntry> legend_entries(const MapData& data, const Style& style);
Box paint_legend(Canvas& c, const std::vector<LegendEntry>& entries, double x, double y);

// The numbered list of incidents with every claim side by side.
void paint_claims_panel(Canvas& c, const MapData& data, const Box& area);
void paint_attribution(Canvas& c, const std::string& text, const Box& area);

}  // namespace bm
