// Painter: the detail inset of a tight cluster, and its box on the main map.
#include <algorithm>
#include <cmath>
#include <string>

#include "render/detail.hpp"
#include "render/furniture.hpp"
#include "render/label_requests.hpp"
#include "render/labels.hpp"
#include "render/layers.hpp"
#include "render/spread.hpp"

namespace bm {
namespace {

Box grown(const Box& b, double by) { return {b.x0 - by, b.y0 - by, b.x1 + by, b.y1 + by}; }

// Frame corners first (they hide least of a map centred on its incidents),
// then the middles of the edges.
std::vector<Box> candidates(const Box& frame, double side) {
  const double m = 8, x0 = frame.x0 + m, x1 = frame.x1 - m - side, y0 = frame.y0 + m,
               y1 = frame.y1 - m - side, xm = (x0 + x1) / 2, ym = (y0 + y1) / 2;
  std::vector<Box> out;
  for (XY p : {XY{x0, y1}, XY{x1, y1}, XY{x0, y0}, XY{x1, y0}, XY{xm, y1}, XY{xm, y0}, XY{x0, ym},
               XY{x1, ym}})
    out.push_back({p.x, p.y, p.x + side, p.y + side});
  return out;
}

bool hides_any(const Box& b, const std::vector<Box>& boxes) {
  return std::any_of(boxes.begin(), boxes.end(), [&](const Box& o) { return b.overlaps(o); });
}

// The lon/lat extent around the cluster's centre that the inset shows at
// the cluster's zoom.
Bounds detail_extent(const Viewport& v, const DetailCluster& k) {
  const XY centre = v.to_metres(XY{(k.box.x0 + k.box.x1) / 2, (k.box.y0 + k.box.y1) / 2});
  const double half = k.side / 2 / k.zoom * v.metres_per_unit();
  Bounds b;
  for (double fx : {-1.0, 0.0, 1.0})
    for (double fy : {-1.0, 0.0, 1.0})
      b.add(v.projection().inverse({centre.x + fx * half, centre.y + fy * half}));
  return b;
}

// The shown incidents that fall inside the inset, drawn as on the main map.
MapData near_incidents(const Viewport& iv, const Box& where, const MapData& shown) {
  MapData out;
  for (const auto& mi : shown.incidents) {
    if (mi.spread() || !mi.incident->location) continue;
    XY d = iv.to_device(*mi.incident->location);
    if (d.x >= where.x0 && d.x <= where.x1 && d.y >= where.y0 && d.y <= where.y1)
      out.incidents.push_back(mi);
  }
  return out;
}

void stroke_box(cairo_t* cr, const Box& b, const Color& colour, double width) {
  set_color(cr, colour);
  cairo_set_line_width(cr, width);
  cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
  cairo_stroke(cr);
}

// The base layers, the incidents and their numbers, magnified.
double draw_magnified(Canvas& sub, const MapData& data, const MapData& shown,
                      std::vector<PlacedLabel>& labels) {
  fill_box(sub.cr, sub.frame, sub.style.background);
  paint_countries(sub, data);
  if (sub.style.show_regions) paint_regions(sub, data);
  if (sub.style.show_enclaves) paint_enclaves(sub, data);
  paint_incident_areas(sub, shown);
  paint_incident_lines(sub, shown);
  paint_segments(sub, data);
  MapData near = near_incidents(sub.view, sub.frame, shown);
  for (const auto& sb : paint_incidents(sub, near)) sub.obstacles.push_back(sb.box);
  ScaleBar bar = compute_scale_bar(sub.view, (sub.frame.x1 - sub.frame.x0) * 0.4);
  Box sbox = paint_scale_bar(sub, bar, sub.frame.x0 + 10, sub.frame.y1 - 14);
  sub.obstacles.push_back(sbox);
  sub.furniture.push_back(sbox);
  const auto requests = incident_labels(sub, near);
  Placement placement = place_labels(sub, requests);
  draw_labels(sub, placement);
  for (auto& p : placement.placed) labels.push_back({nullptr, p.box, p.text, p.leader});
  return bar.metres;
}

}  // namespace

std::optional<DetailDrawn> paint_detail_inset(Canvas& c, const MapData& data, const MapData& shown,
                                              const DetailCluster& k,
                                              const std::vector<Box>& symbols) {
  double r = 0;
  for (const MapIncident* mi : k.members) r = std::max(r, symbol_radius(c.style, *mi->incident));
  const Box marked = grown(k.box, r + 3);
  std::optional<Box> where;
  for (const Box& b : candidates(c.frame, k.side)) {
    const Box keep_clear = grown(b, 4);
    if (!hides_any(keep_clear, symbols) && !hides_any(keep_clear, c.furniture) &&
        !keep_clear.overlaps(marked)) {
      where = b;
      break;
    }
  }
  if (!where) return std::nullopt;
  SavedState guard(c.cr);
  stroke_box(c.cr, marked, c.style.text, 1.0);
  const Bounds extent = detail_extent(c.view, k);
  Viewport iv(c.view.projection(), extent, where->x0, where->y0, k.side, k.side);
  Canvas sub{c.cr, iv, c.style, *where, {}};
  DetailDrawn out{*where, marked, 0, {}};
  {
    SavedState inner(c.cr);
    cairo_rectangle(c.cr, where->x0, where->y0, k.side, k.side);
    cairo_clip(c.cr);
    const std::string caption =
        "Detail (boxed on the map), \u00d7" + std::to_string(static_cast<int>(std::lround(k.zoom)));
    TextSize t = measure_text(c.cr, c.style.font, c.style.label_size - 1, caption, true);
    const Box head{where->x0, where->y0, where->x0 + t.width + 8, where->y0 + t.height + 4};
    sub.obstacles.push_back(head);
    sub.furniture.push_back(head);
    out.scale_bar_metres = draw_magnified(sub, data, shown, out.labels);
    fill_box(c.cr, head, c.style.panel);
    draw_text(c.cr, c.style.font, c.style.label_size - 1, caption, where->x0 + 4, where->y0 + 2,
              c.style.text, nullptr, true);
  }
  stroke_box(c.cr, *where, c.style.text, 1.2);
  return out;
}

void drop_incident_labels(std::vector<LabelRequest>& requests, const Box& box) {
  std::erase_if(requests, [&](const LabelRequest& r) {
    return r.priority == kIncidentPriority && r.anchor.x >= box.x0 && r.anchor.x <= box.x1 &&
           r.anchor.y >= box.y0 && r.anchor.y <= box.y1;
  });
}

}  // namespace bm
