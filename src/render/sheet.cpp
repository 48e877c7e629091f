#include "render/sheet.hpp"

#include <cairo.h>

#include <cmath>

#include "render/canvas.hpp"
#include "render/furniture.hpp"
#include "render/projection.hpp"
#include "render/surface.hpp"

namespace bm {
namespace {

constexpr double kMargin = 16, kGap = 10, kHeading = 34, kLegend = 330;

// Columns for n maps: near-square grid, at most 5 across.
int columns_for(std::size_t n) {
  return std::clamp(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))), 1, 5);
}

// The legend of the whole set (map.legend_from), keyed to the base layers
// the first map drew; every map of the sheet draws the same ones.
void paint_shared_legend(cairo_t* cr, const Style& style, const RenderOptions& map,
                         const RenderResult& first, double x) {
  if (!style.show_legend || !map.legend_from) return;
  SavedState guard(cr);
  Projection proj(map.crs, map.bbox);  // the legend draws no geography
  Viewport view(proj, map.bbox, 0, 0, 100, 100);
  Canvas c{cr, view, style, {}, {}};
  auto entries = legend_entries(*map.legend_from, style, first.drew_enclaves, first.drew_regions,
                                first.drew_approx_rings);
  paint_legend(c, entries, x, kMargin + kHeading);
}

}  // namespace

std::vector<RenderResult> render_sheet(const std::vector<MapData>& cells, const Style& style,
                                       const RenderOptions& map, const SheetOptions& o) {
  const int cols = columns_for(cells.size());
  const int rows = static_cast<int>((cells.size() + static_cast<std::size_t>(cols) - 1) /
                                    static_cast<std::size_t>(cols));
  const PageSize page{2 * kMargin + cols * o.cell_width + cols * kGap + kLegend,
                      2 * kMargin + kHeading + std::max(rows, 1) * (o.cell_height + kGap) - kGap};
  RenderOptions cell = map;
  cell.width = o.cell_width, cell.height = o.cell_height, cell.page.clear();
  Style no_legend = style;  // the sheet has one, beside the maps
  no_legend.show_legend = false;
  std::vector<RenderResult> drawn(cells.size());
  draw_to_file(o.path, format_from_path(o.path, ""), page, o.dpi, [&](cairo_t* cr, bool primary) {
    set_color(cr, style.page);
    cairo_paint(cr);
    draw_text(cr, style.font, style.title_size, o.title, kMargin, kMargin, style.text, nullptr,
              true);
    RenderResult first;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      SavedState guard(cr);
      const int col = static_cast<int>(k) % cols, row = static_cast<int>(k) / cols;
      cairo_translate(cr, kMargin + col * (o.cell_width + kGap),
                      kMargin + kHeading + row * (o.cell_height + kGap));
      cairo_rectangle(cr, 0, 0, o.cell_width, o.cell_height);
      cairo_clip(cr);
      RenderResult r = draw_map(cr, cells[k], no_legend, cell);
      if (k == 0) first = r;
      if (primary) drawn[k] = std::move(r);
    }
    paint_shared_legend(cr, style, map, first, page.width - kMargin - kLegend);
  });
  return drawn;
}

}  // namespace bm
