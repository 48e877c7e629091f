#include "render/furniture.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/geodesic.hpp"

namespace bm {
namespace {

void fill_box(cairo_t* cr, const Box& b, const Color& colour) {
  set_color(cr, colour);
  cairo_rectangle(cr, b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0);
  cairo_fill(cr);
}

double entry_height(const LegendEntry& e, const Style& s) {
  if (e.kind == LegendEntry::size_key) return 2 * radius_for(s, e.sizes.back()) + 8;
  return s.label_size + 8;
}

LegendEntry entry(LegendEntry::Kind kind, std::string label, const Color& color,
                  bool dashed = false, Shape shape = Shape::circle, std::vector<long> sizes = {}) {
  return {kind, std::move(label), color, dashed, shape, std::move(sizes)};
}

std::string km(double metres) {
  if (metres >= 1000) return std::to_string(static_cast<long>(std::lround(metres / 1000))) + " km";
  return std::to_string(static_cast<long>(std::lround(metres))) + " m";
}

}  // namespace

namespace {

// 137000 -> "137,000": tolls and evacuee counts are read, not parsed.
std::string grouped(long v) {
  std::string d = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (i && (d.size() - i) % 3 == 0) out += ',';
    out += d[i];
  }
  return (v < 0 ? "-" : "") + out;
}

}  // namespace

std::string figure(const Claim& c) {
  std::string s;
  if (c.low && c.high && *c.low == *c.high)
    s = (c.approx ? "~" : "") + grouped(*c.low);
  else if (c.low && c.high)
    s = (c.approx ? "~" : "") + grouped(*c.low) + "–" + grouped(*c.high);
  else if (c.low)
    s = "≥" + grouped(*c.low);
  else if (c.high)
    s = "≤" + grouped(*c.high);
  return s + " " + c.kind;
}

Box paint_title(Canvas& c, const MapData& data, double x, double y, double width) {
  TextSize t = measure_text(c.cr, c.style.font, c.style.title_size, data.title, true);
  draw_text(c.cr, c.style.font, c.style.title_size, data.title, x, y, c.style.text, nullptr, true);
  TextSize s = measure_text(c.cr, c.style.font, c.style.label_size + 1, data.subtitle);
  draw_text(c.cr, c.style.font, c.style.label_size + 1, data.subtitle, x, y + t.height + 1,
            c.style.muted_text);
  return {x, y, x + std::max(width, std::max(t.width, s.width)), y + t.height + s.height + 2};
}

Box paint_scale_bar(Canvas& c, const ScaleBar& sb, double x, double y) {
  SavedState guard(c.cr);
  double h = 5;
  std::string label = km(sb.metres);
  std::string half = km(sb.metres / 2);
  TextSize t = measure_text(c.cr, c.style.font, c.style.label_size - 1, label);
  std::string note = "true at the map centre";
  TextSize tn = measure_text(c.cr, c.style.font, c.style.label_size - 2, note);
  Box box{x - 8, y - h - t.height - 8, x + std::max(sb.length + t.width / 2, tn.width) + 8,
          y + tn.height + 4};
  fill_box(c.cr, box, c.style.panel);
  // Alternating halves, as on printed maps.
  set_color(c.cr, c.style.text);
  cairo_set_line_width(c.cr, 0.8);
  cairo_rectangle(c.cr, x, y - h, sb.length, h);
  cairo_stroke(c.cr);
  cairo_rectangle(c.cr, x, y - h, sb.length / 2, h);
  cairo_fill(c.cr);
  double ty = y - h - t.height - 1;
  draw_text(c.cr, c.style.font, c.style.label_size - 1, "0", x - 3, ty, c.style.text);
  // A short bar has no room for "25 km" between "0" and "50 km": the
  // middle tick then shows the number alone, or nothing.
  const double end_left = x + sb.length - t.width / 2;
  for (std::string mid : {half, half.substr(0, half.find(' '))}) {
    TextSize th = measure_text(c.cr, c.style.font, c.style.label_size - 1, mid);
    if (x + sb.length / 2 + th.width / 2 + 3 > end_left) continue;
    draw_text(c.cr, c.style.font, c.style.label_size - 1, mid, x + sb.length / 2 - th.width / 2, ty,
              c.style.text);
    break;
  }
  draw_text(c.cr, c.style.font, c.style.label_size - 1, label, x + sb.length - t.width / 2, ty,
            c.style.text);
  draw_text(c.cr, c.style.font, c.style.label_size - 2, note, x, y + 2, c.style.muted_text);
  return box;
}

Box paint_north_arrow(Canvas& c, double x, double y) {
  SavedState guard(c.cr);
  // True north at the centre: the direction to a point a little north of it.
  XY centre{c.view.x0() + c.view.width() / 2, c.view.y0() + c.view.height() / 2};
  LonLat ll = c.view.projection().inverse(c.view.to_metres(centre));
  XY north = c.view.to_device(LonLat{ll.lon, std::min(89.9, ll.lat + 0.05)});
  double angle = std::atan2(north.x - centre.x, centre.y - north.y);
  const double w = 26, h = 40;
  Box box{x, y, x + w, y + h};
  fill_box(c.cr, box, c.style.panel);
  {
    SavedState rotated(c.cr);
    cairo_translate(c.cr, x + w / 2, y + h / 2 + 5);
    cairo_rotate(c.cr, angle);
    set_color(c.cr, c.style.text);
    cairo_move_to(c.cr, 0, -12);
    cairo_line_to(c.cr, 6, 8);
    cairo_line_to(c.cr, 0, 4);
    cairo_close_path(c.cr);
    cairo_fill(c.cr);
    cairo_move_to(c.cr, 0, -12);
    cairo_line_to(c.cr, -6, 8);
    cairo_line_to(c.cr, 0, 4);
    cairo_close_path(c.cr);
    cairo_set_line_width(c.cr, 0.8);
    cairo_stroke(c.cr);
  }
  TextSize t = measure_text(c.cr, c.style.font, c.style.label_size, "N", true);
  draw_text(c.cr, c.style.font, c.style.label_size, "N", x + w / 2 - t.width / 2, y + 1,
            c.style.text, nullptr, true);
  return box;
}

std::vector<LegendEntry> legend_entries(const MapData& data, const Style& style, bool enclaves,
                                        bool regions, bool approx_rings) {
  std::vector<LegendEntry> out;
  std::set<SegmentStatus> statuses;
  for (const auto& s : data.segments)
    if (active_on(s, data.as_of)) statuses.insert(s.status);
  for (SegmentStatus st : {SegmentStatus::disputed, SegmentStatus::undemarcated,
                           SegmentStatus::delimited, SegmentStatus::unknown}) {
    if (!statuses.count(st)) continue;
    std::string label =
        "Border " + to_string(st) + (data.as_of.empty() ? "" : " (as of " + data.as_of + ")");
    if (st == SegmentStatus::unknown) label = "Border, status not recorded";
    out.push_back(
        entry(LegendEntry::line, label, status_color(style, st), st == SegmentStatus::disputed));
  }
  if (regions)
    out.push_back(entry(LegendEntry::region_line, "Region (admin-1) boundary", style.region_line));
  if (enclaves) out.push_back(entry(LegendEntry::enclave, "Enclave / exclave", style.enclave));
  std::map<Shape, std::set<std::string>> types;
  bool range = false, region = false;
  long biggest = 0;
  for (const auto& mi : data.incidents) {
    const Incident& i = *mi.incident;
    if (!i.location) continue;
    if (i.precision == GeoPrecision::region) {
      region = true;
      continue;
    }
    types[shape_for(i.event_type)].insert(event_label(i.event_type));
    Fatalities f = fatalities(i);
    if (f.known && f.high > f.low) range = true;
    biggest = std::max(biggest, f.high);
  }
  for (const auto& [shape, names] : types) {
    std::string label;
    for (const auto& n : names) label += (label.empty() ? "" : ", ") + n;
    out.push_back(entry(LegendEntry::symbol, label,
                        shape == Shape::ring ? style.incident_other : style.incident, false,
                        shape));
  }
  if (biggest > 0) {
    // Reference sizes up to the largest toll drawn: smallest, middle, largest.
    std::vector<long> fit;
    for (long v : {1L, 5L, 10L, 25L, 50L, 100L, 250L, 500L, 1000L, 2500L})
      if (v <= biggest) fit.push_back(v);
    std::vector<long> sizes{fit.front()};
    if (fit.size() > 2) sizes.push_back(fit[fit.size() / 2]);
    if (fit.size() > 1) sizes.push_back(fit.back());
    std::string label = "Killed: ";
    for (std::size_t k = 0; k < sizes.size(); ++k)
      label += (k ? ", " : "") + std::to_string(sizes[k]);
    out.push_back(entry(LegendEntry::size_key, label + " (area ∝ figure)", style.incident, false,
                        Shape::circle, sizes));
  }
  if (range)
    out.push_back(
        entry(LegendEntry::range, "Claims differ: fill = lowest, ring = highest", style.incident));
  if (approx_rings)
    out.push_back(entry(LegendEntry::approx_ring, "Placed near: ring = how far off it may be",
                        style.incident));
  if (region)
    out.push_back(entry(LegendEntry::region_hatch, "Located only to a region", style.incident));
  return out;
}

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

Box paint_inset(Canvas& c, const MapData& data, const Bounds& main_extent, const Box& where) {
  SavedState guard(c.cr);
  Bounds b;
  for (const auto& country : data.countries)
    if (std::find(data.focus.begin(), data.focus.end(), country.iso2) != data.focus.end())
      b.add(bounds_of(country.area));
  b.add(main_extent);
  if (b.empty()) return {};
  b = {b.min_lon - 3, b.min_lat - 2, b.max_lon + 3, b.max_lat + 2};
  Viewport v(c.view.projection(), b, where.x0 + 3, where.y0 + 3, where.x1 - where.x0 - 6,
             where.y1 - where.y0 - 6);
  fill_box(c.cr, where, c.style.background);
  cairo_rectangle(c.cr, where.x0, where.y0, where.x1 - where.x0, where.y1 - where.y0);
  cairo_clip(c.cr);
  cairo_set_fill_rule(c.cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (const auto& country : data.countries) {
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
  cairo_reset_clip(c.cr);
  cairo_rectangle(c.cr, where.x0, where.y0, where.x1 - where.x0, where.y1 - where.y0);
  set_color(c.cr, c.style.country_line);
  cairo_set_line_width(c.cr, 0.8);
  cairo_stroke(c.cr);
  return where;
}

void paint_claims_panel(Canvas& c, const MapData& data, const Box& area,
                        const std::vector<int>& outside) {
  SavedState guard(c.cr);
  const Style& s = c.style;
  const double size = s.label_size - 0.5, small = size - 1;
  // Wide panels (portrait pages) flow into columns of at least 250 pt.
  const double total = area.x1 - area.x0;
  const int columns = std::max(1, static_cast<int>(total / 250));
  const double col_w = (total - 14 * (columns - 1)) / columns;
  double y = area.y0, x = area.x0;
  auto lines = [&](const std::string& text, double sz, const Color& colour, bool bold,
                   double indent) {
    for (const auto& l : wrap_text(c.cr, s.font, sz, text, col_w - indent, bold)) {
      draw_text(c.cr, s.font, sz, l, x + indent, y, colour, nullptr, bold);
      y += sz + 3;
    }
  };
  lines("Incidents and reported figures", size + 2, s.text, true, 0);
  y += 3;
  lines("Numbers match the map. Conflicting figures stand side by side with who gave them.", small,
        s.muted_text, false, 0);
  y += 5;
  const double top = y;
  int column = 0;
  std::size_t shown = 0;
  for (const auto& mi : data.incidents) {
    const Incident& i = *mi.incident;
    // Height this entry needs, roughly: a head line plus one per claim group.
    double need = (size + 4) * (1 + static_cast<double>(i.claims.size()));
    if (y + need > area.y1 - size - 4) {
      if (column + 1 >= columns) break;
      ++column;
      x = area.x0 + column * (col_w + 14);
      y = top;
    }
    ++shown;
    std::string head = std::to_string(mi.number) + ". " +
                       (i.date.start.size() > 5 ? i.date.start.substr(5) : i.date.start) + "  " +
                       (i.resolved_name.empty() ? i.place : i.resolved_name) + " — " +
                       event_label(i.event_type);
    if (!i.location) head += " (not located)";
    if (std::find(outside.begin(), outside.end(), mi.number) != outside.end())
      head += " (outside this map)";
    if (i.precision == GeoPrecision::region) head += " (region only)";
    if (!mi.border_note.empty()) head += " (" + mi.border_note + ")";
    lines(head, size, s.text, true, 0);
    // Group claims by (kind, side): every claimant of one figure on one line.
    std::map<std::pair<std::string, std::string>, std::vector<const Claim*>> groups;
    for (const auto& cl : i.claims) groups[{cl.kind, cl.side}].push_back(&cl);
    for (const auto& [key, claims] : groups) {
      std::set<std::string> distinct;
      std::string line;
      for (std::size_t k = 0; k < claims.size(); ++k) {
        distinct.insert(figure(*claims[k]));
        line += (k ? "  vs  " : "") + figure(*claims[k]) +
                (claims[k]->claimant.empty() ? "" : " — " + claims[k]->claimant);
      }
      if (!key.second.empty()) line += " (" + key.second + ")";
      bool conflict = distinct.size() > 1;
      lines(line, small, conflict ? s.border_disputed : s.muted_text, conflict, 10);
    }
    y += 3;
  }
  if (shown < data.incidents.size())
    draw_text(c.cr, s.font, size,
              "… " + std::to_string(data.incidents.size() - shown) +
                  " more: every incident is in the incident table (incidents.csv)",
              x, y, s.muted_text);
}

void paint_attribution(Canvas& c, const MapData& data, const Box& area) {
  // The incident sources are credited too, as many as fit on the line.
  std::vector<std::string> sources;
  for (const auto& mi : data.incidents)
    for (const auto& src : mi.incident->sources) {
      // A source may be a long citation: credit its short head ("AP (…)" -> "AP").
      std::string head = src.substr(0, src.find(" ("));
      if (head.size() > 40) head = head.substr(0, 39) + "…";
      if (!head.empty() && std::find(sources.begin(), sources.end(), head) == sources.end())
        sources.push_back(head);
    }
  double size = c.style.label_size - 1.5, width = area.x1 - area.x0;
  std::string text = data.attribution;
  for (std::size_t k = 0; k < sources.size(); ++k) {
    std::string next = text + (k ? "; " : " · Incidents: ") + sources[k];
    std::string rest =
        k ? " … (" + std::to_string(sources.size() - k) + " more in the data)"
          : " · Incidents: " + std::to_string(sources.size()) + " sources, cited in the data";
    if (measure_text(c.cr, c.style.font, size, next + rest).width > width) {
      text += rest;
      break;
    }
    text = next;
  }
  draw_text(c.cr, c.style.font, size, text, area.x0, area.y0, c.style.muted_text);
}

}  // namespace bm
