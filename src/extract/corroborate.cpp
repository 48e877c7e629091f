#include "extract/corroborate.hpp"

#include <limits>
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

struct Anchor {
  LonLat at;
  const PlaceMention* from;
};

// Points that can vouch for a candidate: resolved places and the candidates
// of other unresolved names.
std::vector<Anchor> anchors(const std::vector<PlaceMention>& places) {
  std::vector<Anchor> out;
  for (const PlaceMention& m : places) {
    if (m.place && m.place->point && m.place->kind != "country")
      out.push_back({*m.place->point, &m});
    for (const Place* p : m.unnamed_country)
      if (p->point) out.push_back({*p->point, &m});
  }
  return out;
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

// The candidate nearest to a point of another name within the limit.
Choice near_other_place(const PlaceMention& m, const std::vector<Anchor>& near) {
  Choice c;
  double best = corroboration_km * 1000.0;
  for (const Place* p : m.unnamed_country) {
    if (!p->point) continue;
    for (const Anchor& a : near) {
      // Another name vouches; the same name written twice does not.
      if (a.from == &m || a.from->text == m.text) continue;
      double d = geodesic_distance(*p->point, a.at);
      if (d > best) continue;
      best = d;
      c = {p, "near " + a.from->text + " (" + std::to_string(static_cast<long>(d / 1000.0)) +
                  " km), another place the article names"};
    }
  }
  return c;
}

}  // namespace

void corroborate_places(std::vector<PlaceMention>& places,
                        const std::vector<PlaceMention>& borders) {
  std::set<std::string> along = border_countries(borders);
  std::vector<Anchor> near = anchors(places);
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
