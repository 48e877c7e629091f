#include "render/map.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "render/canvas.hpp"
#include "render/furniture.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/surface.hpp"

namespace bm {
namespace {

Bounds map_extent(const MapData& data, const RenderOptions& o) {
  if (!o.bbox.empty()) return o.bbox;
  Bounds b;
  for (const auto& mi : data.incidents)
    if (mi.incident->location) b.add(*mi.incident->location);
  for (const auto& s : data.segments) b.add(bounds_of(s.lines));
  if (b.empty())
    for (const auto& c : data.countries)
      if (std::find(data.focus.begin(), data.focus.end(), c.iso2) != data.focus.end())
        b.add(bounds_of(c.area));
  if (b.empty()) b = {-180, -85, 180, 85};
  double pad_lon = std::max(0.15, (b.max_lon - b.min_lon) * 0.08);
  double pad_lat = std::max(0.1, (b.max_lat - b.min_lat) * 0.08);
  return {b.min_lon - pad_lon, b.min_lat - pad_lat, b.max_lon + pad_lon, b.max_lat + pad_lat};
}

// Incidents at the same location share one symbol and one label.
std::vector<LabelRequest> label_requests(const Canvas& c, const MapData& data) {
  std::map<std::pair<long, long>, LabelRequest> by_spot;
  for (const auto& mi : data.incidents) {
    if (!mi.incident->location) continue;
    XY d = c.view.to_device(*mi.incident->location);
    auto key = std::make_pair(std::lround(d.x), std::lround(d.y));
    auto [it, fresh] = by_spot.try_emplace(key);
    LabelRequest& r = it->second;
    if (fresh) {
      r.anchor = d;
      r.text = mi.incident->resolved_name.empty() ? mi.incident->place : mi.incident->resolved_name;
      r.text += " ";
      r.priority = 10;
      r.size = c.style.label_size;
    } else {
      r.text += ",";
    }
    r.text += std::to_string(mi.number);
    r.radius = std::max(r.radius, symbol_radius(*mi.incident));
  }
  std::vector<LabelRequest> out;
  for (auto& [key, r] : by_spot) out.push_back(std::move(r));
  return out;
}

}  // namespace

void render_map(const MapData& data, const Style& style, const RenderOptions& o) {
  std::string format = format_from_path(o.path, o.format);
  Bounds extent = map_extent(data, o);
  Projection proj(o.crs, extent);
  const double panel_w = std::min(420.0, o.width * 0.3), margin = 16, title_h = 56, foot_h = 26;
  Box frame{margin, title_h, o.width - panel_w - margin, o.height - foot_h};
  Viewport view(proj, extent, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
  draw_to_file(o.path, format, o.width, o.height, [&](cairo_t* cr) {
    Canvas c{cr, view, style, frame, {}};
    set_color(cr, Color{1, 1, 1, 1});
    cairo_paint(cr);
    paint_countries(c, data);
    paint_segments(c, data);
    c.obstacles = paint_incidents(c, data);
    auto entries = legend_entries(data, style);
    Box legend = paint_legend(
        c, entries, frame.x0 + 8,
        frame.y1 - 8 - (style.label_size + 8) * static_cast<double>(entries.size()) - 10);
    c.obstacles.push_back(legend);
    c.obstacles.push_back(paint_scale_bar(c, frame.x1 - 190, frame.y1 - 12));
    auto requests = label_requests(c, data);
    draw_labels(c, place_labels(c, requests));
    SavedState guard(cr);
    set_color(cr, style.country_line);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, frame.x0, frame.y0, frame.x1 - frame.x0, frame.y1 - frame.y0);
    cairo_stroke(cr);
    paint_title(c, data, margin, 10, frame.x1 - margin);
    paint_claims_panel(c, data,
                       {frame.x1 + 14, frame.y0, static_cast<double>(o.width) - margin, frame.y1});
    paint_attribution(c, data.attribution,
                      {margin, frame.y1 + 6, frame.x1, static_cast<double>(o.height)});
  });
}

}  // namespace bm
