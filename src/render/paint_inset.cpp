// Painter: the locator inset.
#include "render/furniture.hpp"

#include <algorithm>
#include <cmath>

namespace bm {

namespace {

// A dot and its callout number for each incident outside the main frame.
void mark_outside(Canvas& c, const Viewport& v, const MapData& data,
                  const std::vector<int>& outside) {
  for (const auto& mi : data.incidents) {
    if (!mi.incident->location ||
        std::find(outside.begin(), outside.end(), mi.number) == outside.end())
      continue;
    XY d = v.to_device(*mi.incident->location);
    cairo_new_path(c.cr);
    cairo_arc(c.cr, d.x, d.y, 2.2, 0, 2 * M_PI);
    set_color(c.cr, c.style.incident);
    cairo_fill(c.cr);
    draw_text(c.cr, c.style.font, c.style.label_size - 2, std::to_string(mi.number), d.x + 3,
              d.y - c.style.label_size / 2, c.style.text, &c.style.halo);
  }
}

// The lon/lat box the inset frame shows (its edges inverse-projected), a
// degree wider; empty when that is not a plain box (a pole or the
// antimeridian in view), where every country is drawn.
Bounds visible_area(const Viewport& v) {
  Bounds seen;
  const int n = 32;
  const double x0 = v.x0(), y0 = v.y0(), w = v.width(), h = v.height();
  for (int i = 0; i <= n; ++i) {
    const double t = static_cast<double>(i) / n;
    for (XY d :
         {XY{x0 + t * w, y0}, XY{x0 + t * w, y0 + h}, XY{x0, y0 + t * h}, XY{x0 + w, y0 + t * h}}) {
      LonLat q = v.projection().inverse(v.to_metres(d));
      if (!std::isfinite(q.lon) || !std::isfinite(q.lat) || std::abs(q.lat) > 85) return {};
      seen.add(q);
    }
  }
  if (seen.max_lon - seen.min_lon > 180) return {};
  return {seen.min_lon - 1, seen.min_lat - 1, seen.max_lon + 1, seen.max_lat + 1};
}

}  // namespace

Box paint_inset(Canvas& c, const MapData& data, const Bounds& main_extent, const Box& where,
                const std::vector<int>& outside) {
  SavedState guard(c.cr);
  const std::vector<Country>& countries = data.locator.empty() ? data.countries : data.locator;
  Bounds b;
  for (const auto& country : countries)
    if (std::find(data.focus.begin(), data.focus.end(), country.iso2) != data.focus.end())
      b.add(bounds_of(country.area));
  b.add(main_extent);
  for (const auto& mi : data.incidents)
    if (mi.incident->location &&
        std::find(outside.begin(), outside.end(), mi.number) != outside.end())
      b.add(*mi.incident->location);
  if (b.empty()) return {};
  b = {b.min_lon - 3, b.min_lat - 2, b.max_lon + 3, b.max_lat + 2};
  Viewport v(c.view.projection(), b, where.x0 + 3, where.y0 + 3, where.x1 - where.x0 - 6,
             where.y1 - where.y0 - 6);
  fill_box(c.cr, where, c.style.background);
  cairo_rectangle(c.cr, where.x0, where.y0, where.x1 - where.x0, where.y1 - where.y0);
  cairo_clip(c.cr);
  cairo_set_fill_rule(c.cr, CAIRO_FILL_RULE_EVEN_ODD);
  // Countries out of the frame are not traced: the inset of a small area
  // would otherwise trace all of Russia and China at full detail.
  const Bounds seen = visible_area(v);
  for (const auto& country : countries) {
    if (!seen.empty() && !seen.intersects(bounds_of(country.area))) continue;
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
  mark_outside(c, v, data, outside);
  cairo_reset_clip(c.cr);
  cairo_rectangle(c.cr, where.x0, where.y0, where.x1 - where.x0, where.y1 - where.y0);
  set_color(c.cr, c.style.country_line);
  cairo_set_line_width(c.cr, 0.8);
  cairo_stroke(c.cr);
  return where;
}

}  // namespace bm
