#pragma once
// Small multiples on one page: a grid of maps of the same extent (one per
// period), under one title, written as one PNG, SVG or PDF.
#include <string>
#include <vector>

#include "render/map.hpp"

namespace bm {

struct SheetOptions {
  std::string path;         // .png, .svg or .pdf
  std::string title;        // the sheet's heading
  double cell_width = 560;  // each map's page, in points
  double cell_height = 400;
  double dpi = 96;
};

// Draws `cells` in a grid (row by row, in order) with `map` applied to each
// (its bbox, legend_from...); returns what each cell drew. The credit of
// map.legend_from (else of the first cell) is drawn once, under the grid.
std::vector<RenderResult> render_sheet(const std::vector<MapData>& cells, const Style& style,
                                       const RenderOptions& map, const SheetOptions& sheet);

}  // namespace bm
