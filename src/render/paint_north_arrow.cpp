// Painter: the north arrow, pointing to true north at the map centre.
#include "render/furniture.hpp"

#include <algorithm>
#include <cmath>

namespace bm {

Box paint_north_arrow(Canvas& c, double x, double y) {
  SavedState guard(c.cr);
  // True north at the centre: the direction to a point a little north of it.
  XY centre{c.view.x0() + c.view.width() / 2, c.view.y0() + c.view.height() / 2};
  LonLat ll = c.view.projection().inverse(c.view.to_metres(centre));
  XY north = c.view.to_device(LonLat{ll.lon, std::min(89.9, ll.lat + 0.05)});
  double angle = std::atan2(north.x - centre.x, centre.y - north.y);
  const double w = 26, h = 40;
  Box box{x, y, x + w, y + h};
  fill_box(c.cr, box, c.style.panel);
  {
    SavedState rotated(c.cr);
    cairo_translate(c.cr, x + w / 2, y + h / 2 + 5);
    cairo_rotate(c.cr, angle);
    set_color(c.cr, c.style.text);
    cairo_move_to(c.cr, 0, -12);
    cairo_line_to(c.cr, 6, 8);
    cairo_line_to(c.cr, 0, 4);
    cairo_close_path(c.cr);
    cairo_fill(c.cr);
    cairo_move_to(c.cr, 0, -12);
    cairo_line_to(c.cr, -6, 8);
    cairo_line_to(c.cr, 0, 4);
    cairo_close_path(c.cr);
    cairo_set_line_width(c.cr, 0.8);
    cairo_stroke(c.cr);
  }
  TextSize t = measure_text(c.cr, c.style.font, c.style.label_size, "N", true);
  draw_text(c.cr, c.style.font, c.style.label_size, "N", x + w / 2 - t.width / 2, y + 1,
            c.style.text, nullptr, true);
  return box;
}

}  // namespace bm
