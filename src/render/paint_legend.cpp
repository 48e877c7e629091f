// Painter: the legend box.
#include "render/furniture.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

double entry_height(const LegendEntry& e, const Style& s) {
  if (e.kind == LegendEntry::size_key) return 2 * radius_for(s, e.sizes.back()) + 8;
  return s.label_size + 8;
}

}  // namespace

Box legend_box(Canvas& c, const std::vector<LegendEntry>& entries, double x, double y) {
  double width = measure_text(c.cr, c.style.font, c.style.label_size, "Legend", true).width, h = 0;
  for (const auto& e : entries) {
    double extra =
        e.kind == LegendEntry::size_key
            ? 2 * radius_for(c.style, e.sizes.back()) * static_cast<double>(e.sizes.size()) + 30
            : 0;
    width = std::max(width,
                     measure_text(c.cr, c.style.font, c.style.label_size, e.label).width + extra);
    h += entry_height(e, c.style);
  }
  return {x, y, x + width + 50, y + h + c.style.label_size + 16};
}

Box paint_legend(Canvas& c, const std::vector<LegendEntry>& entries, double x, double y) {
  SavedState guard(c.cr);
  Box box = legend_box(c, entries, x, y);
  fill_box(c.cr, box, c.style.panel);
  const Style& s = c.style;
  draw_text(c.cr, s.font, s.label_size, "Legend", x + 8, y + 5, s.text, nullptr, true);
  double cy = y + s.label_size + 12;
  for (const auto& e : entries) {
    double eh = entry_height(e, s), mid = cy + eh / 2, sx = x + 24;
    cairo_new_path(c.cr);
    set_color(c.cr, e.color);
    cairo_set_dash(c.cr, nullptr, 0, 0);
    switch (e.kind) {
      case LegendEntry::line: {
        const double dash[] = {6.0, 3.0};
        cairo_set_dash(c.cr, dash, e.dashed ? 2 : 0, 0);
        cairo_set_line_width(c.cr, s.border_width * (e.dashed ? 1.4 : 1));
        cairo_move_to(c.cr, x + 8, mid);
        cairo_line_to(c.cr, x + 40, mid);
        cairo_stroke(c.cr);
        break;
      }
      case LegendEntry::region_line: {
        const double dash[] = {4.0, 2.0, 1.0, 2.0};
        cairo_set_dash(c.cr, dash, 4, 0);
        cairo_set_line_width(c.cr, 0.9);
        cairo_move_to(c.cr, x + 8, mid);
        cairo_line_to(c.cr, x + 40, mid);
        cairo_stroke(c.cr);
        break;
      }
      case LegendEntry::enclave: {
        Color f = e.color;
        f.a = 0.18;
        cairo_rectangle(c.cr, x + 14, mid - 5, 20, 10);
        set_color(c.cr, f);
        cairo_fill_preserve(c.cr);
        set_color(c.cr, e.color);
        cairo_set_line_width(c.cr, 1.4);
        cairo_stroke(c.cr);
        break;
      }
      case LegendEntry::symbol:
        draw_symbol(c.cr, e.shape, {sx, mid}, 5);
        if (e.shape == Shape::ring) {
          cairo_set_line_width(c.cr, 1.8);
          cairo_stroke(c.cr);
        } else {
          cairo_fill(c.cr);
        }
        break;
      case LegendEntry::size_key: {
        double px = x + 10;
        for (long v : e.sizes) {
          double r = radius_for(s, v);
          cairo_new_path(c.cr);
          cairo_arc(c.cr, px + r, mid, r, 0, 2 * M_PI);
          Color f = e.color;
          f.a = 0.88;
          set_color(c.cr, f);
          cairo_fill(c.cr);
          px += 2 * r + 6;
        }
        TextSize t = measure_text(c.cr, s.font, s.label_size, e.label);
        draw_text(c.cr, s.font, s.label_size, e.label, px + 4, mid - t.height / 2, s.text);
        cy += eh;
        continue;
      }
      case LegendEntry::range:
        cairo_arc(c.cr, sx, mid, 7, 0, 2 * M_PI);
        cairo_set_line_width(c.cr, 1.4);
        cairo_stroke(c.cr);
        cairo_arc(c.cr, sx, mid, 4, 0, 2 * M_PI);
        cairo_fill(c.cr);
        break;
      case LegendEntry::approx_ring: {
        const double dash[] = {2.0, 2.0};
        cairo_set_dash(c.cr, dash, 2, 0);
        cairo_arc(c.cr, sx, mid, 8, 0, 2 * M_PI);
        cairo_set_line_width(c.cr, 0.9);
        cairo_stroke(c.cr);
        cairo_set_dash(c.cr, nullptr, 0, 0);
        cairo_arc(c.cr, sx, mid, 3, 0, 2 * M_PI);
        cairo_fill(c.cr);
        break;
      }
      case LegendEntry::region_hatch: {
        SavedState inner(c.cr);
        cairo_arc(c.cr, sx, mid, 7, 0, 2 * M_PI);
        cairo_clip_preserve(c.cr);
        cairo_new_path(c.cr);
        cairo_set_line_width(c.cr, 1.0);
        for (double k = -14; k <= 14; k += 4) {
          cairo_move_to(c.cr, sx + k - 7, mid + 7);
          cairo_line_to(c.cr, sx + k + 7, mid - 7);
        }
        cairo_stroke(c.cr);
        cairo_reset_clip(c.cr);
        const double dash[] = {3.0, 2.0};
        cairo_set_dash(c.cr, dash, 2, 0);
        cairo_arc(c.cr, sx, mid, 7, 0, 2 * M_PI);
        cairo_set_line_width(c.cr, 1.2);
        cairo_stroke(c.cr);
        break;
      }
    }
    cairo_set_dash(c.cr, nullptr, 0, 0);
    TextSize t = measure_text(c.cr, s.font, s.label_size, e.label);
    draw_text(c.cr, s.font, s.label_size, e.label, x + 46, mid - t.height / 2, s.text);
    cy += eh;
  }
  return box;
}

}  // namespace bm
