// Painter: the locator inset.
#include "render/furniture.hpp"

#include <algorithm>

namespace bm {

Box paint_inset(Canvas& c, const MapData& data, const Bounds& main_extent, const Box& where) {
  SavedState guard(c.cr);
  Bounds b;
  for (const auto& country : data.countries)
    if (std::find(data.focus.begin(), data.focus.end(), country.iso2) != data.focus.end())
      b.add(bounds_of(country.area));
  b.add(main_extent);
  if (b.empty()) return {};
  b = {b.min_lon - 3, b.min_lat - 2, b.max_lon + 3, b.max_lat + 2};
  Viewport v(c.view.projection(), b, where.x0 + 3, where.y0 + 3, where.x1 - where.x0 - 6,
             where.y1 - where.y0 - 6);
  fill_box(c.cr, where, c.style.background);
  cairo_rectangle(c.cr, where.x0, where.y0, where.x1 - where.x0, where.y1 - where.y0);
  cairo_clip(c.cr);
  cairo_set_fill_rule(c.cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const auto& country : data.countries) {
    cairo_new_path(c.cr);
    for (const auto& poly : country.area)
      for (const auto& ring : poly.rings) {
        trace_ring(c.cr, v, ring);
      }
    bool focus = std::find(data.focus.begin(), data.focus.end(), country.iso2) != data.focus.end();
    set_color(c.cr, focus ? c.style.land_focus : c.style.land);
    cairo_fill_preserve(c.cr);
    set_color(c.cr, c.style.country_line);
    cairo_set_line_width(c.cr, 0.4);
    cairo_stroke(c.cr);
  }
  // The main map's extent.
  cairo_new_path(c.cr);
  trace_line(c.cr, v,
             {{main_extent.min_lon, main_extent.min_lat},
              {main_extent.max_lon, main_extent.min_lat},
              {main_extent.max_lon, main_extent.max_lat},
              {main_extent.min_lon, main_extent.max_lat},
              {main_extent.min_lon, main_extent.min_lat}});
  set_color(c.cr, c.style.border_disputed);
  cairo_set_line_width(c.cr, 1.5);
  cairo_stroke(c.cr);
  cairo_reset_clip(c.cr);
  cairo_rectangle(c.cr, where.x0, where.y0, where.x1 - where.x0, where.y1 - where.y0);
  set_color(c.cr, c.style.country_line);
  cairo_set_line_width(c.cr, 0.8);
  cairo_stroke(c.cr);
  return where;
}

}  // namespace bm
