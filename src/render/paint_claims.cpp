// Painter: the claims panel, conflicting figures side by side.
#include "render/furniture.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace bm {
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

// Figures conflict when no single number fits them all: "≥15" and "15" agree,
// "15" and "12" do not (a figure with no low bound starts at 0, one with no
// high bound is open). "About 137,000" is read as ±5 % (at least ±1), so
// "136,000" fits it.
bool figures_conflict(const std::vector<const Claim*>& claims) {
  double lo = 0, hi = std::numeric_limits<double>::infinity();
  for (const Claim* c : claims) {
    auto slack = [&](long v) {
      return c->approx ? std::max(1.0, 0.05 * static_cast<double>(v)) : 0.0;
    };
    if (c->low) lo = std::max(lo, static_cast<double>(*c->low) - slack(*c->low));
    if (c->high) hi = std::min(hi, static_cast<double>(*c->high) + slack(*c->high));
  }
  return lo > hi;
}

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
    // Room is kept for the closing note, wrapped on two lines.
    if (y + need > area.y1 - 2 * (size + 3) - 4) {
      if (column + 1 >= columns) break;
      ++column;
      x = area.x0 + column * (col_w + 14);
      y = top;
    }
    ++shown;
    std::string head = std::to_string(mi.number) + ". " +
                       (i.date.start.size() > 5 ? i.date.start.substr(5) : i.date.start) + "  " +
                       (mi.name.empty() ? i.place : mi.name) + " — " + event_label(i.event_type);
    if (!i.location && !mi.spread()) head += " (not located)";
    if (std::find(outside.begin(), outside.end(), mi.number) != outside.end())
      head += " (outside this map)";
    if (mi.area)
      head += " (area only: hatched)";
    else if (!mi.lines.empty())
      head += " (along the line highlighted)";
    else if (i.precision == GeoPrecision::region)
      head += " (region only)";
    if (!mi.border_note.empty()) head += " (" + mi.border_note + ")";
    lines(head, size, s.text, true, 0);
    // Group claims by (kind, side, group): every claimant of one figure on
    // one line; soldiers and civilians are different counts, not a conflict.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<const Claim*>> groups;
    for (const auto& cl : i.claims) groups[{cl.kind, cl.side, cl.group}].push_back(&cl);
    for (const auto& [key, claims] : groups) {
      std::string line;
      for (std::size_t k = 0; k < claims.size(); ++k)
        line += (k ? "  vs  " : "") + figure(*claims[k]) +
                (claims[k]->claimant.empty() ? "" : " — " + claims[k]->claimant);
      const auto& [kind, side, group] = key;
      std::string whose = side;
      if (!group.empty()) whose += (whose.empty() ? "" : ", ") + group;
      if (!whose.empty()) line += " (" + whose + ")";
      bool conflict = figures_conflict(claims);
      lines(line, small, conflict ? s.border_disputed : s.muted_text, conflict, 10);
    }
    y += 3;
  }
  if (shown < data.incidents.size()) {
    std::string note = "… ";
    note += std::to_string(data.incidents.size() - shown);
    note += " more: every incident is in the incident table (incidents.csv)";
    lines(note, size, s.muted_text, false, 0);
  }
}

}  // namespace bm
