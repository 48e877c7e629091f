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

void hatch_box(cairo_t* cr, const Box& b) {
  cairo_new_path(cr);
  for (double k = b.x0 - (b.y1 - b.y0); k <= b.x1; k += 5) {
    cairo_move_to(cr, k, b.y1);
    cairo_line_to(cr, k + (b.y1 - b.y0), b.y0);
  }
  cairo_stroke(cr);
}

// The symbol of one entry, drawn left of its label; `mid` is its middle line.
void paint_swatch(cairo_t* cr, const Style& s, const LegendEntry& e, double x, double mid) {
  const double sx = x + 24;
  cairo_new_path(cr);
  set_color(cr, e.color);
  cairo_set_dash(cr, nullptr, 0, 0);
  switch (e.kind) {
    case LegendEntry::line: {
      const double dash[] = {6.0, 3.0};
      cairo_set_dash(cr, dash, e.dashed ? 2 : 0, 0);
      cairo_set_line_width(cr, s.border_width * (e.dashed ? 1.4 : 1));
      cairo_move_to(cr, x + 8, mid);
      cairo_line_to(cr, x + 40, mid);
      cairo_stroke(cr);
      break;
    }
    case LegendEntry::region_line: {
      const double dash[] = {4.0, 2.0, 1.0, 2.0};
      cairo_set_dash(cr, dash, 4, 0);
      cairo_set_line_width(cr, 0.9);
      cairo_move_to(cr, x + 8, mid);
      cairo_line_to(cr, x + 40, mid);
      cairo_stroke(cr);
      break;
    }
    case LegendEntry::enclave: {
      Color f = e.color;
      f.a = 0.18;
      cairo_rectangle(cr, x + 14, mid - 5, 20, 10);
      set_color(cr, f);
      cairo_fill_preserve(cr);
      set_color(cr, e.color);
      cairo_set_line_width(cr, 1.4);
      cairo_stroke(cr);
      break;
    }
    case LegendEntry::symbol:
      draw_symbol(cr, e.shape, {sx, mid}, 5);
      if (e.shape == Shape::ring) {
        cairo_set_line_width(cr, 1.8);
        cairo_stroke(cr);
      } else {
        cairo_fill(cr);
      }
      break;
    case LegendEntry::range:
      cairo_arc(cr, sx, mid, 7, 0, 2 * M_PI);
      cairo_set_line_width(cr, 1.4);
      cairo_stroke(cr);
      cairo_arc(cr, sx, mid, 4, 0, 2 * M_PI);
      cairo_fill(cr);
      break;
    case LegendEntry::approx_ring: {
      const double dash[] = {2.0, 2.0};
      cairo_set_dash(cr, dash, 2, 0);
      cairo_arc(cr, sx, mid, 8, 0, 2 * M_PI);
      cairo_set_line_width(cr, 0.9);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
      cairo_arc(cr, sx, mid, 3, 0, 2 * M_PI);
      cairo_fill(cr);
      break;
    }
    case LegendEntry::region_hatch: {
      SavedState inner(cr);
      cairo_arc(cr, sx, mid, 7, 0, 2 * M_PI);
      cairo_clip_preserve(cr);
      cairo_new_path(cr);
      cairo_set_line_width(cr, 1.0);
      for (double k = -14; k <= 14; k += 4) {
        cairo_move_to(cr, sx + k - 7, mid + 7);
        cairo_line_to(cr, sx + k + 7, mid - 7);
      }
      cairo_stroke(cr);
      cairo_reset_clip(cr);
      const double dash[] = {3.0, 2.0};
      cairo_set_dash(cr, dash, 2, 0);
      cairo_arc(cr, sx, mid, 7, 0, 2 * M_PI);
      cairo_set_line_width(cr, 1.2);
      cairo_stroke(cr);
      break;
    }
    case LegendEntry::area_hatch: {
      SavedState inner(cr);
      cairo_rectangle(cr, x + 12, mid - 6, 24, 12);
      cairo_clip(cr);
      Color h = e.color;
      h.a = 0.45;
      set_color(cr, h);
      cairo_set_line_width(cr, 0.9);
      hatch_box(cr, {x + 12, mid - 6, x + 36, mid + 6});
      cairo_reset_clip(cr);
      set_color(cr, e.color);
      cairo_set_line_width(cr, 1.0);
      cairo_rectangle(cr, x + 12, mid - 6, 24, 12);
      cairo_stroke(cr);
      break;
    }
    case LegendEntry::line_glow: {
      Color glow = e.color;
      glow.a = 0.4;
      set_color(cr, glow);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width(cr, s.border_width * 5);
      cairo_move_to(cr, x + 12, mid);
      cairo_line_to(cr, x + 36, mid);
      cairo_stroke(cr);
      set_color(cr, s.border_unknown);
      cairo_set_line_width(cr, s.border_width);
      cairo_move_to(cr, x + 8, mid);
      cairo_line_to(cr, x + 40, mid);
      cairo_stroke(cr);
      break;
    }
    case LegendEntry::size_key:
      break;  // drawn with its own label by paint_size_key
  }
}

// The size key: circles of the reference figures, then the label.
void paint_size_key(cairo_t* cr, const Style& s, const LegendEntry& e, double x, double mid) {
  double px = x + 10;
  for (long v : e.sizes) {
    double r = radius_for(s, v);
    cairo_new_path(cr);
    cairo_arc(cr, px + r, mid, r, 0, 2 * M_PI);
    Color f = e.color;
    f.a = 0.88;
    set_color(cr, f);
    cairo_fill(cr);
    px += 2 * r + 6;
  }
  TextSize t = measure_text(cr, s.font, s.label_size, e.label);
  draw_text(cr, s.font, s.label_size, e.label, px + 4, mid - t.height / 2, s.text);
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
    double eh = entry_height(e, s), mid = cy + eh / 2;
    if (e.kind == LegendEntry::size_key) {
      paint_size_key(c.cr, s, e, x, mid);
      cy += eh;
      continue;
    }
    paint_swatch(c.cr, s, e, x, mid);
    cairo_set_dash(c.cr, nullptr, 0, 0);
    TextSize t = measure_text(c.cr, s.font, s.label_size, e.label);
    draw_text(c.cr, s.font, s.label_size, e.label, x + 46, mid - t.height / 2, s.text);
    cy += eh;
  }
  return box;
}

}  // namespace bm
