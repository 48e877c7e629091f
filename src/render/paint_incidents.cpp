// Painter: incident symbols, region hatches and "placed near" rings.
#include "render/layers.hpp"

#include <algorithm>
#include <cmath>

#include "render/stamps.hpp"

namespace bm {

double approx_ring(const Canvas& c, const Incident& i) {
  if (i.precision != GeoPrecision::near || i.uncertainty_m <= 0 || !i.location) return 0;
  double ring = i.uncertainty_m / c.view.metres_per_unit();
  return ring > symbol_radius(c.style, i) + 2 ? ring : 0;
}

std::vector<SymbolBox> paint_incidents(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);  // a wide "placed near" ring must not run over the title
  std::vector<SymbolBox> boxes;
  boxes.reserve(data.incidents.size());
  // Biggest first so small symbols stay visible on top.
  std::vector<std::pair<double, const MapIncident*>> order;
  order.reserve(data.incidents.size());
  for (const auto& mi : data.incidents)
    if (mi.incident->location && !mi.spread())
      order.push_back({symbol_radius(c.style, *mi.incident), &mi});
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_MITER);
  Stamps stamps(c.cr);
  for (const auto& [R, mi] : order) {
    const Incident& i = *mi->incident;
    XY d = device_point(c.view, *mi);
    Shape shape = shape_for(i.event_type);
    Fatalities f = fatalities(i);
    const Color& colour = is_violent(i.event_type) ? c.style.incident : c.style.incident_other;
    double r_low = radius_for(c.style, f.low), r_high = radius_for(c.style, f.high);
    if (i.precision == GeoPrecision::region) {
      // Only the region is known: a hatched area, not a confident point.
      double RR = std::max(14.0, r_high * 1.2);
      SavedState inner(c.cr);
      cairo_new_path(c.cr);
      cairo_arc(c.cr, d.x, d.y, RR, 0, 2 * M_PI);
      cairo_clip_preserve(c.cr);
      Color hatch = colour;
      hatch.a = 0.55;
      set_color(c.cr, hatch);
      cairo_set_line_width(c.cr, 1.0);
      cairo_new_path(c.cr);
      for (double k = -2 * RR; k <= 2 * RR; k += 4) {
        cairo_move_to(c.cr, d.x + k - RR, d.y + RR);
        cairo_line_to(c.cr, d.x + k + RR, d.y - RR);
      }
      cairo_stroke(c.cr);
      cairo_reset_clip(c.cr);
      cairo_arc(c.cr, d.x, d.y, RR, 0, 2 * M_PI);
      const double dash[] = {3.0, 2.0};
      cairo_set_dash(c.cr, dash, 2, 0);
      set_color(c.cr, colour);
      cairo_set_line_width(c.cr, 1.4);
      cairo_stroke(c.cr);
      boxes.push_back({mi->number, {d.x - RR, d.y - RR, d.x + RR, d.y + RR}, mi->labelled});
      continue;
    }
    if (double ring = approx_ring(c, i); ring > 0) {
      // Placed at a nearby known point (its district, a namesake): a dashed
      // ring shows how far off the true place may be.
      SavedState inner(c.cr);
      Color faint = colour;
      faint.a = 0.7;
      set_color(c.cr, faint);
      const double dash[] = {2.0, 2.0};
      cairo_set_dash(c.cr, dash, 2, 0);
      cairo_set_line_width(c.cr, 0.9);
      cairo_new_path(c.cr);
      cairo_arc(c.cr, d.x, d.y, ring, 0, 2 * M_PI);
      cairo_stroke(c.cr);
    }
    stamps.draw(c.style, {shape, &colour, r_low, r_high, f.known && f.high > f.low}, d);
    boxes.push_back({mi->number, {d.x - R, d.y - R, d.x + R, d.y + R}, mi->labelled});
  }
  return boxes;
}

}  // namespace bm
