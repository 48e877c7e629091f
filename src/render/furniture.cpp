#include "render/furniture.hpp"

#include <cmath>
#include <set>

#include "core/geodesic.hpp"
#include "render/layers.hpp"

namespace bm {
namespace {

std::string figure(const Claim& c) {
  std::string s;
  if (c.low && c.high && *c.low == *c.high)
    s = (c.approx ? "~" : "") + std::to_string(*c.low);
  else if (c.low && c.high)
    s = std::to_string(*c.low) + "–" + std::to_string(*c.high);
  else if (c.low)
    s = "≥" + std::to_string(*c.low);
  else if (c.high)
    s = "<" + std::to_string(*c.high + 1);
  return s + " " + c.kind;
}

}  // namespace

ScaleBar compute_scale_bar(const Viewport& v, double max_length) {
  XY centre{v.x0() + v.width() / 2, v.y0() + v.height() / 2};
  LonLat a = v.projection().inverse(v.to_metres({centre.x - 50, centre.y}));
  LonLat b = v.projection().inverse(v.to_metres({centre.x + 50, centre.y}));
  double metres_per_unit = geodesic_distance(a, b) / 100.0;
  double max_m = max_length * metres_per_unit;
  double step = std::pow(10.0, std::floor(std::log10(max_m)));
  double best = step;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * step <= max_m) best = m * step;
  return {best, best / metres_per_unit};
}

Box paint_title(Canvas& c, const MapData& data, double x, double y, double width) {
  TextSize t = measure_text(c.cr, c.style.font, c.style.title_size, data.title, true);
  draw_text(c.cr, c.style.font, c.style.title_size, data.title, x, y, c.style.text, nullptr, true);
  TextSize s = measure_text(c.cr, c.style.font, c.style.label_size + 1, data.subtitle);
  draw_text(c.cr, c.style.font, c.style.label_size + 1, data.subtitle, x, y + t.height + 2,
            c.style.muted_text);
  return {x, y, x + std::max(width, std::max(t.width, s.width)), y + t.height + s.height + 4};
}

Box paint_scale_bar(Canvas& c, double x, double y) {
  SavedState guard(c.cr);
  ScaleBar sb = compute_scale_bar(c.view, 160);
  double h = 6;
  std::string label = sb.metres >= 1000
                          ? std::to_string(static_cast<long>(sb.metres / 1000)) + " km"
                          : std::to_string(static_cast<long>(sb.metres)) + " m";
  TextSize t = measure_text(c.cr, c.style.font, c.style.label_size, label);
  Box box{x - 4, y - h - t.height - 6, x + sb.length + 8, y + 4};
  set_color(c.cr, c.style.halo);
  cairo_rectangle(c.cr, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
  cairo_fill(c.cr);
  // Two halves, alternating fill, as on printed maps.
  set_color(c.cr, c.style.text);
  cairo_set_line_width(c.cr, 1);
  cairo_rectangle(c.cr, x, y - h, sb.length, h);
  cairo_stroke(c.cr);
  cairo_rectangle(c.cr, x, y - h, sb.length / 2, h);
  cairo_fill(c.cr);
  draw_text(c.cr, c.style.font, c.style.label_size, "0", x - 3, y - h - t.height - 2, c.style.text);
  draw_text(c.cr, c.style.font, c.style.label_size, label, x + sb.length - t.width / 2,
            y - h - t.height - 2, c.style.text);
  return box;
}

std::vector<LegendEntry> legend_entries(const MapData& data, const Style& style) {
  std::vector<LegendEntry> out;
  std::set<SegmentStatus> statuses;
  for (const auto& s : data.segments)
    if (active_on(s, data.as_of)) statuses.insert(s.status);
  for (SegmentStatus st : {SegmentStatus::disputed, SegmentStatus::undemarcated,
                           SegmentStatus::delimited, SegmentStatus::unknown}) {
    if (!statuses.count(st)) continue;
    std::string label = "Border: " + to_string(st);
    if (st == SegmentStatus::unknown) label = "Border (status not recorded)";
    out.push_back(
        {label, st == SegmentStatus::disputed ? LegendEntry::line_dashed : LegendEntry::line_solid,
         status_color(style, st)});
  }
  bool point = false, region = false;
  for (const auto& mi : data.incidents) {
    if (!mi.incident->location) continue;
    (mi.incident->precision == GeoPrecision::region ? region : point) = true;
  }
  if (point)
    out.push_back({"Incident (size: killed, highest claim)", LegendEntry::symbol, style.incident});
  if (region)
    out.push_back(
        {"Incident located to a region only", LegendEntry::symbol_region, style.incident});
  return out;
}

Box paint_legend(Canvas& c, const std::vector<LegendEntry>& entries, double x, double y) {
  SavedState guard(c.cr);
  double line_h = c.style.label_size + 8, width = 0;
  for (const auto& e : entries)
    width = std::max(width, measure_text(c.cr, c.style.font, c.style.label_size, e.label).width);
  Box box{x, y, x + width + 46, y + line_h * static_cast<double>(entries.size()) + 10};
  set_color(c.cr, c.style.halo);
  cairo_rectangle(c.cr, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0);
  cairo_fill(c.cr);
  double cy = y + 5;
  for (const auto& e : entries) {
    double mid = cy + line_h / 2;
    set_color(c.cr, e.color);
    if (e.kind == LegendEntry::line_solid || e.kind == LegendEntry::line_dashed) {
      const double dash[] = {7.0, 4.0};
      cairo_set_dash(c.cr, dash, e.kind == LegendEntry::line_dashed ? 2 : 0, 0);
      cairo_set_line_width(c.cr,
                           c.style.border_width * (e.kind == LegendEntry::line_dashed ? 1.6 : 1));
      cairo_move_to(c.cr, x + 8, mid);
      cairo_line_to(c.cr, x + 34, mid);
      cairo_stroke(c.cr);
      cairo_set_dash(c.cr, nullptr, 0, 0);
    } else if (e.kind == LegendEntry::symbol) {
      cairo_arc(c.cr, x + 21, mid, 6, 0, 2 * M_PI);
      cairo_fill(c.cr);
    } else {
      const double dash[] = {3.0, 2.0};
      cairo_set_dash(c.cr, dash, 2, 0);
      cairo_set_line_width(c.cr, 1.8);
      cairo_arc(c.cr, x + 21, mid, 7, 0, 2 * M_PI);
      cairo_stroke(c.cr);
      cairo_set_dash(c.cr, nullptr, 0, 0);
    }
    TextSize t = measure_text(c.cr, c.style.font, c.style.label_size, e.label);
    draw_text(c.cr, c.style.font, c.style.label_size, e.label, x + 42, mid - t.height / 2,
              c.style.text);
    cy += line_h;
  }
  return box;
}

void paint_claims_panel(Canvas& c, const MapData& data, const Box& area) {
  SavedState guard(c.cr);
  double size = c.style.label_size, y = area.y0;
  draw_text(c.cr, c.style.font, size + 2, "Incidents and reported figures", area.x0, y,
            c.style.text, nullptr, true);
  y += size + 10;
  for (const auto& mi : data.incidents) {
    const Incident& i = *mi.incident;
    if (y > area.y1 - 2 * size) {
      draw_text(c.cr, c.style.font, size, "… more in incidents.csv", area.x0, y,
                c.style.muted_text);
      break;
    }
    std::string head = std::to_string(mi.number) + ". " + i.date.start.substr(5) + "  " + i.place +
                       " — " + i.event_type;
    if (!i.location) head += " (not located)";
    draw_text(c.cr, c.style.font, size, head, area.x0, y, c.style.text, nullptr, true);
    y += size + 4;
    for (const auto& cl : i.claims) {
      if (y > area.y1 - 2 * size) break;
      std::string line =
          "   " + figure(cl) + (cl.side.empty() ? "" : " (" + cl.side + ")") + " — " + cl.claimant;
      draw_text(c.cr, c.style.font, size - 1, line, area.x0, y, c.style.muted_text);
      y += size + 2;
    }
    y += 3;
  }
}

void paint_attribution(Canvas& c, const std::string& text, const Box& area) {
  draw_text(c.cr, c.style.font, c.style.label_size - 1.5, text, area.x0, area.y0,
            c.style.muted_text);
}

}  // namespace bm
