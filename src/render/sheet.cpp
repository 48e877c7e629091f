#include "render/sheet.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "render/backend.hpp"
#include "render/batch.hpp"
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

struct Grid {
  int cols = 1, rows = 1;
  PageSize page;
  double credit_y = 0;              // top of the credit, under the grid
  std::vector<std::string> credit;  // its lines
};

// The sheet's one credit (its maps draw none: a cell is too narrow for
// it), wrapped to the page's width and measured on a scratch context.
std::vector<std::string> sheet_credit(const Style& style, const MapData& data, double width) {
  SurfacePtr scratch(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1));
  ContextPtr cr(cairo_create(scratch.get()));
  return credit_lines(cr.get(), style, data, width);
}

Grid grid_for(std::size_t n, const SheetOptions& o, const Style& style, const MapData* credited) {
  Grid g;
  g.cols = columns_for(n);
  g.rows = static_cast<int>((n + static_cast<std::size_t>(g.cols) - 1) /
                            static_cast<std::size_t>(g.cols));
  const double width = g.cols * o.cell_width + g.cols * kGap + kLegend;
  g.credit_y = kMargin + kHeading + std::max(g.rows, 1) * (o.cell_height + kGap);
  if (credited) g.credit = sheet_credit(style, *credited, width);
  g.page = {
      2 * kMargin + width,
      g.credit_y + credit_line_height(style) * static_cast<double>(g.credit.size()) + kMargin};
  return g;
}

// Top-left corner of cell k, in points.
XY cell_origin(const Grid& g, std::size_t k, const SheetOptions& o) {
  const int col = static_cast<int>(k) % g.cols, row = static_cast<int>(k) / g.cols;
  return {kMargin + col * (o.cell_width + kGap), kMargin + kHeading + row * (o.cell_height + kGap)};
}

RenderResult draw_cell(cairo_t* cr, const MapData& data, const Style& style,
                       const RenderOptions& cell, const SheetOptions& o) {
  SavedState guard(cr);
  cairo_rectangle(cr, 0, 0, o.cell_width, o.cell_height);
  cairo_clip(cr);
  return draw_map(cr, data, style, cell);
}

// PNG: every cell drawn on its own image, two at a time, then laid on the
// sheet at whole pixels (a cell's corner rounded to the nearest pixel).
std::vector<SurfacePtr> draw_cell_images(const std::vector<MapData>& cells, const Style& style,
                                         const RenderOptions& cell, const SheetOptions& o,
                                         std::vector<RenderResult>& drawn) {
  const double scale = o.dpi / 72.0;
  std::vector<SurfacePtr> images(cells.size());
  run_jobs(cells.size(), 2, [&](std::size_t k) {
    SurfacePtr img(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, png_pixels(o.cell_width, o.dpi),
                                              png_pixels(o.cell_height, o.dpi)));
    check_cairo(cairo_surface_status(img.get()), o.path);
    ContextPtr cr(cairo_create(img.get()));
    cairo_scale(cr.get(), scale, scale);
    drawn[k] = draw_cell(cr.get(), cells[k], style, cell, o);
    check_cairo(cairo_status(cr.get()), o.path);
    images[k] = std::move(img);
  });
  return images;
}

}  // namespace

std::vector<RenderResult> render_sheet(const std::vector<MapData>& cells, const Style& style,
                                       const RenderOptions& map, const SheetOptions& o) {
  const MapData* credited = map.legend_from ? map.legend_from : cells.empty() ? nullptr : &cells[0];
  const Grid g = grid_for(cells.size(), o, style, credited);
  RenderOptions cell = map;
  cell.width = o.cell_width, cell.height = o.cell_height, cell.page.clear();
  cell.credit = false;
  Style no_legend = style;  // the sheet has one, beside the maps
  no_legend.show_legend = false;
  std::vector<RenderResult> drawn(cells.size());
  const std::string format = format_from_path(o.path, "");
  std::vector<SurfacePtr> images;
  // Each cell's image is ~1.6 MB at 96 dpi: a year of days draws straight
  // onto the sheet instead, one cell after another.
  constexpr std::size_t kMaxCellImages = 64;
  if (format == "png" && cells.size() <= kMaxCellImages)
    images = draw_cell_images(cells, no_legend, cell, o, drawn);
  draw_to_file(o.path, format, g.page, o.dpi, [&](cairo_t* cr, bool primary) {
    set_color(cr, style.page);
    cairo_paint(cr);
    draw_text(cr, style.font, style.title_size, o.title, kMargin, kMargin, style.text, nullptr,
              true);
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const XY at = cell_origin(g, k, o);
      if (!images.empty()) {
        SavedState guard(cr);
        double x = at.x, y = at.y;
        cairo_user_to_device(cr, &x, &y);
        cairo_identity_matrix(cr);
        cairo_set_source_surface(cr, images[k].get(), std::round(x), std::round(y));
        cairo_paint(cr);
        continue;
      }
      SavedState guard(cr);
      cairo_translate(cr, at.x, at.y);
      RenderResult r = draw_cell(cr, cells[k], no_legend, cell, o);
      if (primary) drawn[k] = std::move(r);
    }
    if (!cells.empty())
      paint_shared_legend(cr, style, map, drawn.front(), g.page.width - kMargin - kLegend);
    paint_credit(cr, style, g.credit, kMargin, g.credit_y);
  });
  return drawn;
}

}  // namespace bm
