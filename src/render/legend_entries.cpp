// Which legend entries a map needs: one per category actually drawn.
#include "render/furniture.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace bm {
namespace {

LegendEntry entry(LegendEntry::Kind kind, std::string label, const Color& color,
                  bool dashed = false, Shape shape = Shape::circle, std::vector<long> sizes = {}) {
  return {kind, std::move(label), color, dashed, shape, std::move(sizes)};
}

// Incidents drawn as an area or a line: one entry each kind says how to read it.
void add_spread_entries(const MapData& data, const Style& style, std::vector<LegendEntry>& out) {
  bool area = false, line = false;
  for (const auto& mi : data.incidents) {
    area = area || mi.area != nullptr;
    line = line || (!mi.area && !mi.lines.empty());
  }
  if (area)
    out.push_back(entry(LegendEntry::area_hatch,
                        "Known only to a region or district: its outline, hatched",
                        style.incident));
  if (line)
    out.push_back(entry(LegendEntry::line_glow,
                        "Reported on the border or a named stretch: that line, highlighted",
                        style.incident));
}

}  // namespace

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
    if (!i.location || mi.spread()) continue;
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
  add_spread_entries(data, style, out);
  return out;
}

}  // namespace bm
