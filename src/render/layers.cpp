#include "render/layers.hpp"

#include <algorithm>
#include <cmath>

namespace bm {
namespace {

void trace_line(cairo_t* cr, const Viewport& v, const Line& line) {
  bool first = true;
  for (const auto& p : line) {
    XY d = v.to_device(p);
    if (first)
      cairo_move_to(cr, d.x, d.y);
    else
      cairo_line_to(cr, d.x, d.y);
    first = false;
  }
}

bool is_focus(const MapData& data, const std::string& iso2) {
  return std::find(data.focus.begin(), data.focus.end(), iso2) != data.focus.end();
}

long max_killed(const Incident& i) {
  long best = 0;
  for (const auto& c : i.claims)
    if (c.kind == "killed" && c.scope != "conflict")
      best = std::max(best, c.high.value_or(c.low.value_or(0)));
  return best;
}

}  // namespace

const Color& status_color(const Style& style, SegmentStatus status) {
  switch (status) {
    case SegmentStatus::disputed:
      return style.border_disputed;
    case SegmentStatus::undemarcated:
      return style.border_undemarcated;
    case SegmentStatus::delimited:
      return style.border_delimited;
    case SegmentStatus::unknown:
      break;
  }
  return style.border_unknown;
}

// Area-true: the symbol's area grows with the figure.
double symbol_radius(const Incident& incident) {
  return 5.0 + 2.2 * std::sqrt(static_cast<double>(max_killed(incident)));
}

void paint_countries(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  set_color(c.cr, c.style.background);
  cairo_rectangle(c.cr, c.frame.x0, c.frame.y0, c.frame.x1 - c.frame.x0, c.frame.y1 - c.frame.y0);
  cairo_fill(c.cr);
  cairo_rectangle(c.cr, c.frame.x0, c.frame.y0, c.frame.x1 - c.frame.x0, c.frame.y1 - c.frame.y0);
  cairo_clip(c.cr);
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
  for (const auto& country : data.countries) {
    cairo_new_path(c.cr);
    for (const auto& poly : country.area)
      for (const auto& ring : poly.rings) {
        trace_line(c.cr, c.view, ring);
        cairo_close_path(c.cr);
      }
    cairo_set_fill_rule(c.cr, CAIRO_FILL_RULE_EVEN_ODD);
    set_color(c.cr, is_focus(data, country.iso2) ? c.style.land_focus : c.style.land);
    cairo_fill_preserve(c.cr);
    set_color(c.cr, c.style.country_line);
    cairo_set_line_width(c.cr, 0.8);
    cairo_stroke(c.cr);
  }
}

void paint_segments(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  cairo_rectangle(c.cr, c.frame.x0, c.frame.y0, c.frame.x1 - c.frame.x0, c.frame.y1 - c.frame.y0);
  cairo_clip(c.cr);
  cairo_set_line_cap(c.cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
  for (const auto& s : data.segments) {
    if (!active_on(s, data.as_of)) continue;
    bool disputed = s.status == SegmentStatus::disputed;
    set_color(c.cr, status_color(c.style, s.status));
    cairo_set_line_width(c.cr, disputed ? c.style.border_width * 1.6 : c.style.border_width);
    if (disputed) {
      const double dash[] = {7.0, 4.0};
      cairo_set_dash(c.cr, dash, 2, 0);
    } else {
      cairo_set_dash(c.cr, nullptr, 0, 0);
    }
    for (const auto& line : s.lines) {
      cairo_new_path(c.cr);
      trace_line(c.cr, c.view, line);
      cairo_stroke(c.cr);
    }
  }
}

std::vector<Box> paint_incidents(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  std::vector<Box> boxes;
  // Biggest first so small symbols stay visible on top.
  std::vector<const MapIncident*> order;
  for (const auto& mi : data.incidents)
    if (mi.incident->location) order.push_back(&mi);
  std::stable_sort(order.begin(), order.end(), [](const MapIncident* a, const MapIncident* b) {
    return symbol_radius(*a->incident) > symbol_radius(*b->incident);
  });
  for (const MapIncident* mi : order) {
    const Incident& i = *mi->incident;
    XY d = c.view.to_device(*i.location);
    double r = symbol_radius(i);
    cairo_new_path(c.cr);
    if (i.precision == GeoPrecision::region) {
      // Only the region is known: a hollow dashed ring, not a confident dot.
      cairo_arc(c.cr, d.x, d.y, r + 4, 0, 2 * M_PI);
      set_color(c.cr, c.style.incident);
      const double dash[] = {3.0, 2.0};
      cairo_set_dash(c.cr, dash, 2, 0);
      cairo_set_line_width(c.cr, 1.8);
      cairo_stroke(c.cr);
      cairo_set_dash(c.cr, nullptr, 0, 0);
    } else {
      cairo_arc(c.cr, d.x, d.y, r, 0, 2 * M_PI);
      Color fill = c.style.incident;
      fill.a = 0.85;
      set_color(c.cr, fill);
      cairo_fill_preserve(c.cr);
      set_color(c.cr, c.style.incident_line);
      cairo_set_line_width(c.cr, 1.2);
      cairo_stroke(c.cr);
    }
    boxes.push_back({d.x - r, d.y - r, d.x + r, d.y + r});
  }
  return boxes;
}

}  // namespace bm
