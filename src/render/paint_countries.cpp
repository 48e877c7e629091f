// Painter: country polygons, each focus country its own fill.
#include "render/layers.hpp"

#include <algorithm>

namespace bm {

void paint_countries(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  set_color(c.cr, c.style.background);
  cairo_rectangle(c.cr, c.frame.x0, c.frame.y0, c.frame.x1 - c.frame.x0, c.frame.y1 - c.frame.y0);
  cairo_fill(c.cr);
  clip_to_frame(c);
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_fill_rule(c.cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const auto& country : data.countries) {
    cairo_new_path(c.cr);
    for (const auto& poly : country.area)
      for (const auto& ring : poly.rings) {
        trace_ring(c.cr, c.view, ring);
      }
    // Each focus country its own fill, so the border reads without the line:
    // the first, then the others alternating between the two other land
    // colours (a user's layer may bring three or more neighbours).
    const Color* fill = &c.style.land;
    auto at = std::find(data.focus.begin(), data.focus.end(), country.iso2);
    if (at == data.focus.begin())
      fill = &c.style.land_focus;
    else if (at != data.focus.end())
      fill = (at - data.focus.begin()) % 2 ? &c.style.land_focus_alt : &c.style.land;
    set_color(c.cr, *fill);
    cairo_fill_preserve(c.cr);
    set_color(c.cr, c.style.country_line);
    cairo_set_line_width(c.cr, 0.8);
    cairo_stroke(c.cr);
  }
}

}  // namespace bm
