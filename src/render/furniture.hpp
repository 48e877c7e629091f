#pragma once
// Map furniture: title block, scale bar, north arrow, legend, locator inset,
// claims panel, attribution.
#include <string>
#include <vector>

#include "render/canvas.hpp"
#include "render/layers.hpp"
#include "render/map.hpp"
#include "render/scale.hpp"

namespace bm {

Box paint_title(Canvas& c, const MapData& data, double x, double y, double width);
// (x, y): bottom-left corner of the bar; returns the box it covers.
Box paint_scale_bar(Canvas& c, const ScaleBar& sb, double x, double y);
// Top-left corner at (x, y); the arrow points to true north at the map centre.
Box paint_north_arrow(Canvas& c, double x, double y);

struct LegendEntry {
  enum Kind {
    line,
    region_line,
    enclave,
    symbol,
    range,
    region_hatch,
    approx_ring,
    size_key,
    area_hatch,
    line_glow
  } kind;
  std::string label;
  Color color;
  bool dashed = false;
  Shape shape = Shape::circle;
  std::vector<long> sizes;  // size_key: the figures shown
};
// One entry per category actually drawn (statuses active on the map date,
// event types present, the range ring only if a toll is disputed...).
std::vector<LegendEntry> legend_entries(const MapData& data, const Style& style, bool enclaves,
                                        bool regions, bool approx_rings = false);
Box legend_box(Canvas& c, const std::vector<LegendEntry>& entries, double x, double y);
Box paint_legend(Canvas& c, const std::vector<LegendEntry>& entries, double x, double y);

// Locator: the focus countries and their neighbours, with the map's extent.
// `outside`: numbers of located incidents outside the main frame, marked
// on the locator with their numbers.
Box paint_inset(Canvas& c, const MapData& data, const Bounds& main_extent, const Box& where,
                const std::vector<int>& outside = {});

// The numbered list of incidents with conflicting figures side by side.
// `outside`: numbers of located incidents that fall outside the map frame.
void paint_claims_panel(Canvas& c, const MapData& data, const Box& area,
                        const std::vector<int>& outside = {});
// The credit: base data and licences, then as many incident sources as fit,
// wrapped to `width` points.
std::vector<std::string> credit_lines(cairo_t* cr, const Style& style, const MapData& data,
                                      double width);
double credit_line_height(const Style& style);
// Top-left of the first line at (x, y).
void paint_credit(cairo_t* cr, const Style& style, const std::vector<std::string>& lines, double x,
                  double y);

std::string figure(const Claim& c);  // "≥24 killed", "~130 killed", "12–40 killed"
// True when no single number fits every figure (see paint_claims.cpp).
bool figures_conflict(const std::vector<const Claim*>& claims);

}  // namespace bm
