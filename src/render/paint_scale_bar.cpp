// Painter: the scale bar.
#include "render/furniture.hpp"

#include <cmath>

namespace bm {
namespace {

std::string km(double metres) {
  if (metres >= 1000) return std::to_string(static_cast<long>(std::lround(metres / 1000))) + " km";
  return std::to_string(static_cast<long>(std::lround(metres))) + " m";
}

}  // namespace

Box paint_scale_bar(Canvas& c, const ScaleBar& sb, double x, double y) {
  SavedState guard(c.cr);
  double h = 5;
  std::string label = km(sb.metres);
  std::string half = km(sb.metres / 2);
  TextSize t = measure_text(c.cr, c.style.font, c.style.label_size - 1, label);
  std::string note = "true at the map centre";
  TextSize tn = measure_text(c.cr, c.style.font, c.style.label_size - 2, note);
  Box box{x - 8, y - h - t.height - 8, x + std::max(sb.length + t.width / 2, tn.width) + 8,
          y + tn.height + 4};
  fill_box(c.cr, box, c.style.panel);
  // Alternating halves, as on printed maps.
  set_color(c.cr, c.style.text);
  cairo_set_line_width(c.cr, 0.8);
  cairo_rectangle(c.cr, x, y - h, sb.length, h);
  cairo_stroke(c.cr);
  cairo_rectangle(c.cr, x, y - h, sb.length / 2, h);
  cairo_fill(c.cr);
  double ty = y - h - t.height - 1;
  draw_text(c.cr, c.style.font, c.style.label_size - 1, "0", x - 3, ty, c.style.text);
  // A short bar has no room for "25 km" between "0" and "50 km": the
  // middle tick then shows the number alone, or nothing.
  const double end_left = x + sb.length - t.width / 2;
  for (std::string mid : {half, half.substr(0, half.find(' '))}) {
    TextSize th = measure_text(c.cr, c.style.font, c.style.label_size - 1, mid);
    if (x + sb.length / 2 + th.width / 2 + 3 > end_left) continue;
    draw_text(c.cr, c.style.font, c.style.label_size - 1, mid, x + sb.length / 2 - th.width / 2, ty,
              c.style.text);
    break;
  }
  draw_text(c.cr, c.style.font, c.style.label_size - 1, label, x + sb.length - t.width / 2, ty,
            c.style.text);
  draw_text(c.cr, c.style.font, c.style.label_size - 2, note, x, y + 2, c.style.muted_text);
  return box;
}

}  // namespace bm
