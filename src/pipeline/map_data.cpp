#include "pipeline/map_data.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "geodata/world_borders.hpp"
#include "geom/geos.hpp"
#include "link/segments_near.hpp"
#include "link/village_fills.hpp"

namespace bm {
namespace {

// A stretch of another border is drawn only where an incident lies this close
// to it: the nearest segment of a far venue, or the point where a region
// touches some border, says nothing about that line.
constexpr double kNearOtherBorderM = 25000;
constexpr double kDegToRad = 3.14159265358979323846 / 180;

std::string country_name(const Chain& chain, const std::string& iso) {
  auto it = chain.data.country_names.find(iso);
  return it == chain.data.country_names.end() ? iso : it->second;
}

void add_incidents(const Chain& chain, MapData& map) {
  std::map<std::string, const Link*> link_of;
  for (const auto& l : chain.data.links) link_of[l.incident_id] = &l;
  int n = 0;
  for (const auto& i : chain.data.incidents) {
    auto it = link_of.find(i.id);
    const Link* link = it == link_of.end() ? nullptr : it->second;
    MapIncident mi{&i, link, ++n};
    if (link) mi.border_note = border_note(*link, i, chain.data.segments, map.as_of);
    auto area = chain.region_areas.find(i.id);
    if (i.precision == GeoPrecision::region && area != chain.region_areas.end())
      mi.area = area->second;
    if (auto line = chain.border_lines.find(i.id);
        !i.location && line != chain.border_lines.end()) {
      mi.lines = line->second.lines;
      mi.area_name = !line->second.name.empty()
                         ? line->second.name
                         : country_name(chain, line->second.a) + "\u2013" +
                               country_name(chain, line->second.b) + " border";
    }
    map.incidents.push_back(std::move(mi));
  }
}

// The area a map of `map` shows, grown so that any page shape stays inside
// it; empty when the map spans too much for village-scale fills.
Bounds fill_box(const MapData& map, const Bounds& bbox) {
  Bounds b = bbox;
  if (b.empty())
    for (const auto& mi : map.incidents) {
      if (mi.incident->location) b.add(*mi.incident->location);
      if (mi.link && !mi.link->segment_id.empty()) b.add(mi.link->nearest);  // framed too
    }
  if (b.empty()) return b;
  double span = std::max(b.max_lon - b.min_lon, b.max_lat - b.min_lat);
  if (span > kVillageFillMaxSpan / 2) return {};
  // The frame widens a tall cluster to the map's shape (and a wide one
  // upwards): fill a square around it, in ground distance, with a margin.
  const double cos_lat = std::max(0.2, std::cos((b.min_lat + b.max_lat) / 2 * kDegToRad));
  const double half =
      std::max((b.max_lon - b.min_lon) * cos_lat, b.max_lat - b.min_lat) / 2 + std::max(span, 0.5);
  const LonLat c{(b.min_lon + b.max_lon) / 2, (b.min_lat + b.max_lat) / 2};
  return {c.lon - half / cos_lat, c.lat - half, c.lon + half / cos_lat, c.lat + half};
}

// The focus pair's segments, and other segments only near a point incident.
std::vector<BorderSegment> drawn_segments(const Chain& chain, const MapData& map) {
  std::set<std::string> near;
  for (const auto& mi : map.incidents) {
    if (!mi.link || mi.spread()) continue;
    if (mi.link->distance_m <= kNearOtherBorderM) near.insert(mi.link->segment_id);
    if (mi.link->disputed_distance_m >= 0 && mi.link->disputed_distance_m <= kNearOtherBorderM)
      near.insert(mi.link->disputed_segment_id);
  }
  std::vector<BorderSegment> out;
  for (const auto& s : chain.data.segments)
    if ((s.country_a == chain.a && s.country_b == chain.b) || near.count(s.id)) out.push_back(s);
  return out;
}

// Regions come from Natural Earth at 1:10m; on a map whose fills follow the
// 10 m line, a hatched region is cut to its country's fill so that it does
// not spill across the border the map is about.
void clip_areas_to_fills(MapData& map) {
  std::map<std::pair<const MultiPolygon*, std::string>, std::shared_ptr<const MultiPolygon>> done;
  for (auto& mi : map.incidents) {
    if (!mi.area) continue;
    const std::string& iso = mi.incident->country;
    auto fill = std::find_if(map.countries.begin(), map.countries.end(),
                             [&](const Country& c) { return c.iso2 == iso; });
    if (fill == map.countries.end()) continue;
    auto& cut = done[{mi.area.get(), iso}];
    if (!cut) {
      auto part = geos::intersection(*mi.area, fill->area);
      cut = part.empty() ? mi.area : std::make_shared<const MultiPolygon>(std::move(part));
    }
    mi.area = cut;
  }
}

// Undated incidents give neither a span nor a status date: say only what is known.
std::string subtitle(const std::string& span, const std::string& as_of) {
  std::string out = span.empty() ? "" : span + " · ";
  out += "as reported by the sources listed";
  if (!as_of.empty()) out += " · border status as of " + as_of;
  return out;
}

}  // namespace

void use_village_fills(MapData& map, const std::string& bundle_path, const Bounds& bbox) {
  Bounds box = fill_box(map, bbox);
  if (box.empty()) return;
  Bundle bundle(bundle_path);
  NearSegments near = segments_near(bundle, box);
  if (!near.a_left) return;  // segments that do not know their sides cannot decide
  if (map.locator.empty()) map.locator = map.countries;  // the inset still shows the world
  map.countries = village_fills(map.locator, near, box);
  map.fills_cut = true;
  clip_areas_to_fills(map);
}

std::string border_note(const Link& link, const Incident& incident,
                        const std::vector<BorderSegment>& segments, const std::string& drawn_date) {
  for (const auto& s : segments) {
    if (s.id != link.segment_id || !active_on(s, drawn_date)) continue;
    if (s.status == link.segment_status) return {};
    return "border here " + to_string(link.segment_status) + " on " + incident.date.start;
  }
  return {};
}

MapData report_map_data(const Chain& chain, const MapText& text) {
  MapData map;
  map.countries = chain.data.countries;
  map.focus = chain.data.focus;
  Bundle bundle(chain.bundle_path);
  map.regions = bundle.regions(near_extent(chain.data.segments));
  for (auto& p : bundle.places())
    if (p.kind == "enclave") map.enclave_places.push_back(std::move(p));
  // The cited names of the 10 m enclave rings (Sokh, Shakhimardan, …).
  for (auto& p : world_enclave_names(bundle, near_extent(chain.data.segments)))
    map.enclave_places.push_back(std::move(p));
  for (const auto& p : world_enclaves(bundle, {}))
    if (p.point) map.enclave_points.push_back(*p.point);
  map.as_of = chain.data.as_of;
  add_incidents(chain, map);
  map.segments = drawn_segments(chain, map);
  use_village_fills(map, chain.bundle_path, {});
  map.title = text.title.empty() ? country_name(chain, chain.a) + "–" +
                                       country_name(chain, chain.b) + " border: reported incidents"
                                 : text.title;
  map.subtitle = subtitle(date_span(chain.data.incidents), map.as_of);
  map.attribution = "Base data: Natural Earth (public domain); borders: \u00a9 " +
                    std::string(kBordersCredit) +
                    "; places: GeoNames (CC BY 4.0/3.0) and cited references. Map: bordermap" +
                    (text.attribution.empty() ? std::string() : " · " + text.attribution);
  return map;
}

}  // namespace bm
