// Incident symbols: shape by event type, size by toll.
#include "render/layers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace bm {

Shape shape_for(const std::string& t) {
  // No type given (a plain table of points and tolls): a plain incident
  // circle, not the ring that marks a known non-violent event.
  if (t == "armed_clash" || t.empty()) return Shape::circle;
  if (t == "shelling") return Shape::diamond;
  if (t == "drone_strike" || t == "air_strike") return Shape::triangle;
  if (t == "attack_on_civilians" || t == "property_destruction") return Shape::square;
  return Shape::ring;
}

bool is_violent(const std::string& t) { return shape_for(t) != Shape::ring; }

std::string event_label(const std::string& t) {
  std::string s = t.empty() ? "incident (type not given)" : t;
  std::replace(s.begin(), s.end(), '_', ' ');
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

void draw_symbol(cairo_t* cr, Shape shape, XY p, double r) {
  switch (shape) {
    case Shape::circle:
    case Shape::ring:
      cairo_new_sub_path(cr);
      cairo_arc(cr, p.x, p.y, r, 0, 2 * M_PI);
      break;
    case Shape::diamond: {
      double k = r * std::sqrt(M_PI / 2);  // same area as the circle
      cairo_move_to(cr, p.x, p.y - k);
      cairo_line_to(cr, p.x + k, p.y);
      cairo_line_to(cr, p.x, p.y + k);
      cairo_line_to(cr, p.x - k, p.y);
      cairo_close_path(cr);
      break;
    }
    case Shape::triangle: {
      double k = r * 1.55;  // circumradius of a triangle with the circle's area
      cairo_move_to(cr, p.x, p.y - k);
      cairo_line_to(cr, p.x + k * 0.866, p.y + k * 0.5);
      cairo_line_to(cr, p.x - k * 0.866, p.y + k * 0.5);
      cairo_close_path(cr);
      break;
    }
    case Shape::square: {
      double k = r * std::sqrt(M_PI) / 2;
      cairo_rectangle(cr, p.x - k, p.y - k, 2 * k, 2 * k);
      break;
    }
  }
}

Fatalities fatalities(const Incident& i) {
  Fatalities f;
  for (const auto& c : i.claims) {
    if (c.kind != "killed" || c.scope == "conflict") continue;
    if (!c.low && !c.high) continue;
    long lo = c.low.value_or(*c.high), hi = c.high.value_or(*c.low);
    if (!f.known) {
      f = {lo, hi, true};
    } else {
      f.low = std::min(f.low, lo);
      f.high = std::max(f.high, hi);
    }
  }
  return f;
}

double radius_for(const Style& style, long killed) {
  return std::max(style.symbol_min, style.symbol_scale * std::sqrt(static_cast<double>(killed)));
}

XY device_point(const Viewport& v, const MapIncident& mi) {
  if (mi.at_on == &v) return {mi.at_x, mi.at_y};
  return v.to_device(*mi.incident->location);
}

double symbol_radius(const Style& style, const Incident& i) {
  Fatalities f = fatalities(i);
  double r = radius_for(style, f.high);
  if (i.precision == GeoPrecision::region) r = std::max(r, 14.0);
  return r * (shape_for(i.event_type) == Shape::triangle ? 1.55 : 1.25);
}

}  // namespace bm
