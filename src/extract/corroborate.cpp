#include "extract/corroborate.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/geodesic.hpp"

namespace bm::extract {
namespace {

bool area_kind(const Place& p) { return p.kind == "region" || p.kind == "district"; }

void take(PlaceMention& m, const Place* p, const std::string& why) {
  m.place = p;
  m.country = p->country;
  m.precision = area_kind(*p) ? GeoPrecision::region : p->coord_precision;
  m.note = "the article names no country of " + p->name + "; " + why;
  m.unnamed_country.clear();
}

// "IN-PK" -> {IN, PK}, for every border or line the article names.
std::set<std::string> border_countries(const std::vector<PlaceMention>& borders) {
  std::set<std::string> out;
  for (const PlaceMention& b : borders)
    for (std::size_t at = 0; at + 2 <= b.border.size(); at += 3) out.insert(b.border.substr(at, 2));
  return out;
}

// Points that can vouch for a candidate: resolved places and the candidates
// of other unresolved names. Grouped by point, so a distance is computed once
// per point and not once per mention (a long text names the same places
// thousands of times: per mention, the pass was quadratic in the text).
struct AnchorPoint {
  LonLat at;
  std::size_t last = 0;  // order of the last anchor at this point
  const PlaceMention* last_from = nullptr;
  // The last anchor whose name differs from last_from's, if any.
  std::size_t other = 0;
  const PlaceMention* other_from = nullptr;
};

void add_anchor(std::map<std::pair<double, double>, AnchorPoint>& points, LonLat at,
                const PlaceMention* from, std::size_t order) {
  AnchorPoint& a = points[{at.lat, at.lon}];
  a.at = at;
  if (a.last_from && a.last_from->text != from->text) {
    a.other = a.last;
    a.other_from = a.last_from;
  }
  a.last = order;
  a.last_from = from;
}

// Sorted by latitude, for a band search.
std::vector<AnchorPoint> anchors(const std::vector<PlaceMention>& places) {
  std::map<std::pair<double, double>, AnchorPoint> points;
  std::size_t order = 0;
  for (const PlaceMention& m : places) {
    if (m.place && m.place->point && m.place->kind != "country")
      add_anchor(points, *m.place->point, &m, order++);
    for (const Place* p : m.unnamed_country)
      if (p->point) add_anchor(points, *p->point, &m, order++);
  }
  std::vector<AnchorPoint> out;
  for (auto& [key, a] : points) out.push_back(a);
  return out;  // the map's order is by latitude first
}

struct Choice {
  const Place* place = nullptr;
  std::string why;
};

Choice along_border(const PlaceMention& m, const std::set<std::string>& along) {
  for (const Place* p : m.unnamed_country)
    if (along.contains(p->country))
      return {p, "its country lies along the border the article names"};
  return {};
}

// The candidate nearest to a point of another name within the limit; of
// equal distances, the later candidate and the later anchor (the order the
// pass had when it compared every pair).
Choice near_other_place(const PlaceMention& m, const std::vector<AnchorPoint>& near) {
  // No two points further apart in latitude than this lie within the limit
  // (a degree of latitude is at least 110.5 km).
  const double band = corroboration_km / 110.0 + 0.01;
  Choice c;
  double best = corroboration_km * 1000.0;
  std::size_t best_p = 0, best_order = 0;
  bool found = false;
  for (std::size_t pi = 0; pi < m.unnamed_country.size(); ++pi) {
    const Place* p = m.unnamed_country[pi];
    if (!p->point) continue;
    auto from = std::lower_bound(near.begin(), near.end(), p->point->lat - band,
                                 [](const AnchorPoint& a, double lat) { return a.at.lat < lat; });
    for (auto a = from; a != near.end() && a->at.lat <= p->point->lat + band; ++a) {
      // Another name vouches; the same name written twice does not.
      bool last_ok = a->last_from->text != m.text;
      if (!last_ok && !a->other_from) continue;
      std::size_t order = last_ok ? a->last : a->other;
      const PlaceMention* by = last_ok ? a->last_from : a->other_from;
      double d = geodesic_distance(*p->point, a->at);
      if (d > best) continue;
      if (found && d == best && pi == best_p && order < best_order) continue;
      best = d;
      best_p = pi;
      best_order = order;
      found = true;
      c = {p, "near " + by->text + " (" + std::to_string(static_cast<long>(d / 1000.0)) +
                  " km), another place the article names"};
    }
  }
  return c;
}

}  // namespace

void corroborate_places(std::vector<PlaceMention>& places,
                        const std::vector<PlaceMention>& borders) {
  std::set<std::string> along = border_countries(borders);
  std::vector<AnchorPoint> near = anchors(places);
  // Decided on the first pass's evidence only, so the order of the
  // mentions does not change the answer.
  std::vector<std::pair<PlaceMention*, Choice>> chosen;
  for (PlaceMention& m : places) {
    if (m.place || m.unnamed_country.empty()) continue;
    Choice c = along_border(m, along);
    if (!c.place) c = near_other_place(m, near);
    if (c.place) chosen.emplace_back(&m, c);
  }
  for (auto& [m, c] : chosen) take(*m, c.place, c.why);
}

}  // namespace bm::extract
