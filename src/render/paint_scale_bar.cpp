// Painter: the scale bar, in alternating parts with a true, round value at
// every labelled tick.
#include "render/furniture.hpp"

#include <algorithm>
#include <vector>

namespace bm {

Box paint_scale_bar(Canvas& c, const ScaleBar& sb, double x, double y) {
  SavedState guard(c.cr);
  const double h = 5, size = c.style.label_size - 1;
  std::vector<ScaleTick> ticks = scale_ticks(sb);
  if (ticks.empty()) return {};
  TextSize t = measure_text(c.cr, c.style.font, size, ticks.back().label);
  std::string note = "true at the map centre";
  TextSize tn = measure_text(c.cr, c.style.font, c.style.label_size - 2, note);
  Box box{x - 8, y - h - t.height - 8, x + std::max(sb.length + t.width / 2, tn.width) + 8,
          y + tn.height + 4};
  fill_box(c.cr, box, c.style.panel);
  set_color(c.cr, c.style.text);
  cairo_set_line_width(c.cr, 0.8);
  cairo_rectangle(c.cr, x, y - h, sb.length, h);
  cairo_stroke(c.cr);
  for (std::size_t k = 0; k + 1 < ticks.size(); k += 2) {  // alternating parts
    cairo_rectangle(c.cr, x + ticks[k].at, y - h, ticks[k + 1].at - ticks[k].at, h);
    cairo_fill(c.cr);
  }
  // Labels centred on their ticks: the first and last always, the middle
  // ones only if every one keeps clear of its neighbours (a bar labelled
  // 0 1 2 3 _ 5 reads as if its last part were two long).
  const double ty = y - h - t.height - 1;
  const double end_left = x + sb.length - t.width / 2;
  std::vector<double> lefts;
  bool middle_fits = true;
  double right = x - 1e9;
  for (std::size_t k = 0; k < ticks.size(); ++k) {
    TextSize tk = measure_text(c.cr, c.style.font, size, ticks[k].label);
    double left = x + ticks[k].at - (k == 0 ? 3 : tk.width / 2);
    bool middle = k > 0 && k + 1 < ticks.size();
    if (middle && (left < right + 4 || left + tk.width + 4 > end_left)) middle_fits = false;
    lefts.push_back(left);
    right = left + tk.width;
  }
  for (std::size_t k = 0; k < ticks.size(); ++k)
    if (k == 0 || k + 1 == ticks.size() || middle_fits)
      draw_text(c.cr, c.style.font, size, ticks[k].label, lefts[k], ty, c.style.text);
  draw_text(c.cr, c.style.font, c.style.label_size - 2, note, x, y + 2, c.style.muted_text);
  return box;
}

}  // namespace bm
