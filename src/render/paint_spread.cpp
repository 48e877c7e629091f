// Painters: incidents that are not points. One known only to a region or
// district is that area's outline, hatched; one reported on "the border" or
// a named stretch is that line, highlighted. Several incidents on the same
// area or line share one drawing and one label listing their numbers.
#include "render/spread.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "render/label_requests.hpp"

namespace bm {
namespace {

// The incidents of each distinct area (by geometry) or line set, in table order.
template <typename Key, typename KeyOf>
std::vector<std::vector<const MapIncident*>> group_by(const MapData& data, KeyOf key_of) {
  std::map<Key, std::size_t> index;
  std::vector<std::vector<const MapIncident*>> groups;
  for (const auto& mi : data.incidents) {
    auto key = key_of(mi);
    if (!key) continue;
    auto [it, fresh] = index.try_emplace(*key, groups.size());
    if (fresh) groups.emplace_back();
    groups[it->second].push_back(&mi);
  }
  return groups;
}

}  // namespace

std::vector<std::vector<const MapIncident*>> area_groups(const MapData& data) {
  return group_by<const MultiPolygon*>(data, [](const MapIncident& mi) {
    return mi.area ? std::optional<const MultiPolygon*>(mi.area.get()) : std::nullopt;
  });
}

std::vector<std::vector<const MapIncident*>> line_groups(const MapData& data) {
  using Key = std::tuple<std::size_t, double, double, double, double>;
  return group_by<Key>(data, [](const MapIncident& mi) -> std::optional<Key> {
    if (mi.area || mi.lines.empty() || mi.lines.front().empty()) return std::nullopt;
    const Line& l = mi.lines.front();
    return Key{mi.lines.size(), l.front().lon, l.front().lat, l.back().lon, l.back().lat};
  });
}

void trace_area(Canvas& c, const MultiPolygon& area) {
  cairo_new_path(c.cr);
  for (const auto& poly : area)
    for (const auto& ring : poly.rings) trace_ring(c.cr, c.view, ring);
}

namespace {

// One drawing for the group: violent when any of its incidents is.
const Color& colour_of(const Style& s, const std::vector<const MapIncident*>& group) {
  const bool violent = std::any_of(group.begin(), group.end(), [](const MapIncident* m) {
    return is_violent(m->incident->event_type);
  });
  return violent ? s.incident : s.incident_other;
}

// Diagonal hatching over the current clip, in device units.
void hatch(cairo_t* cr, const Box& b, double gap) {
  cairo_new_path(cr);
  const double h = b.y1 - b.y0;
  for (double x = b.x0 - h; x <= b.x1; x += gap) {
    cairo_move_to(cr, x, b.y1);
    cairo_line_to(cr, x + h, b.y0);
  }
  cairo_stroke(cr);
}

// "Batken Region 3, 11": the area's (or line's) name and the callout numbers.
LabelRequest group_label(const std::vector<const MapIncident*>& group, const Style& s) {
  const MapIncident& first = *group.front();
  LabelRequest r;
  r.text = (first.area_name.empty() ? first.name : first.area_name) + " ";
  for (std::size_t k = 0; k < group.size(); ++k) {
    std::string n = std::to_string(group[k]->number);
    r.text += (k ? "," : "") + n;
    r.short_text += (k ? "," : "") + n;
  }
  r.priority = kIncidentPriority;
  r.size = s.label_size;
  return r;
}

bool any_labelled(const std::vector<const MapIncident*>& group) {
  return std::any_of(group.begin(), group.end(), [](const MapIncident* m) { return m->labelled; });
}

}  // namespace

void paint_incident_areas(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  cairo_set_fill_rule(c.cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const auto& group : area_groups(data)) {
    const Color& colour = colour_of(c.style, group);
    {
      SavedState inner(c.cr);
      trace_area(c, *group.front()->area);
      cairo_clip(c.cr);
      Color h = colour;
      h.a = 0.45;
      set_color(c.cr, h);
      cairo_set_line_width(c.cr, 0.9);
      hatch(c.cr, c.frame, 6);
    }
    // A thin solid edge: a dashed red one read as a disputed border.
    trace_area(c, *group.front()->area);
    set_color(c.cr, colour);
    cairo_set_line_width(c.cr, 1.0);
    cairo_stroke(c.cr);
  }
}

void paint_incident_lines(Canvas& c, const MapData& data) {
  SavedState guard(c.cr);
  clip_to_frame(c);
  cairo_set_line_cap(c.cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(c.cr, CAIRO_LINE_JOIN_ROUND);
  for (const auto& group : line_groups(data)) {
    Color glow = colour_of(c.style, group);
    glow.a = 0.4;
    set_color(c.cr, glow);
    cairo_set_line_width(c.cr, c.style.border_width * 5);
    for (const auto& line : group.front()->lines) {
      cairo_new_path(c.cr);
      trace_line(c.cr, c.view, line);
      cairo_stroke(c.cr);
    }
  }
}

std::vector<LabelRequest> spread_labels(const Canvas& c, const MapData& data) {
  std::vector<LabelRequest> out;
  for (const auto& group : area_groups(data)) {
    if (!any_labelled(group)) continue;
    LabelRequest r = group_label(group, c.style);
    auto at = visible_centre(c, *group.front()->area, half_size(c, r.text, r.size));
    if (at.empty()) continue;
    r.anchor = at[0];
    r.alternatives.assign(at.begin() + 1, at.end());
    r.centred = true;
    out.push_back(std::move(r));
  }
  for (const auto& group : line_groups(data)) {
    if (!any_labelled(group)) continue;
    // At the visible vertex nearest the frame's centre: the part the reader sees.
    const XY mid{(c.frame.x0 + c.frame.x1) / 2, (c.frame.y0 + c.frame.y1) / 2};
    std::optional<XY> best;
    for (const auto& line : group.front()->lines)
      for (const auto& p : line) {
        XY d = c.view.to_device(p);
        if (d.x < c.frame.x0 || d.x > c.frame.x1 || d.y < c.frame.y0 || d.y > c.frame.y1) continue;
        if (!best ||
            std::hypot(d.x - mid.x, d.y - mid.y) < std::hypot(best->x - mid.x, best->y - mid.y))
          best = d;
      }
    if (!best) continue;
    LabelRequest r = group_label(group, c.style);
    r.anchor = *best;
    r.radius = c.style.border_width * 2.5;
    out.push_back(std::move(r));
  }
  return out;
}

bool spread_in_frame(const Viewport& v, const Box& frame, const MapIncident& mi) {
  Bounds b = mi.area ? bounds_of(*mi.area) : bounds_of(mi.lines);
  if (b.empty()) return false;
  XY p = v.to_device(LonLat{b.min_lon, b.max_lat}), q = v.to_device(LonLat{b.max_lon, b.min_lat});
  Box d{std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)};
  return d.overlaps(frame);
}

}  // namespace bm
