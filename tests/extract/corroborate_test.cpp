// corroborate_places groups its anchors by point (one distance per point,
// not per mention); it must choose what comparing every candidate with every
// anchor chose, ties included, on random mentions with repeated names and points.
#include <catch2/catch.hpp>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "core/geodesic.hpp"
#include "extract/corroborate.hpp"

namespace {

using bm::Place;
using bm::extract::PlaceMention;

// The pass as it was: every candidate against every anchor, in order; a
// later pair at an equal distance wins.
std::vector<std::string> brute_force(std::vector<PlaceMention> places) {
  struct Anchor {
    bm::LonLat at;
    const PlaceMention* from;
  };
  std::vector<Anchor> near;
  for (const PlaceMention& m : places) {
    if (m.place && m.place->point) near.push_back({*m.place->point, &m});
    for (const Place* p : m.unnamed_country)
      if (p->point) near.push_back({*p->point, &m});
  }
  std::vector<std::string> out;
  for (const PlaceMention& m : places) {
    std::string chosen;
    if (!m.place && !m.unnamed_country.empty()) {
      double best = bm::extract::corroboration_km * 1000.0;
      for (const Place* p : m.unnamed_country)
        for (const Anchor& a : near) {
          if (a.from == &m || a.from->text == m.text) continue;
          double d = bm::geodesic_distance(*p->point, a.at);
          if (d > best) continue;
          best = d;
          chosen = p->id + " near " + a.from->text;
        }
    }
    out.push_back(chosen);
  }
  return out;
}

std::string chosen(const PlaceMention& m) {
  if (!m.place || m.note.find("near ") == std::string::npos) return {};
  std::string near = m.note.substr(m.note.find("near ") + 5);
  return m.place->id + " near " + near.substr(0, near.find(" ("));
}

}  // namespace

TEST_CASE("corroborate_places by point agrees with comparing every pair", "[extract]") {
  std::mt19937 rng(19);
  std::deque<Place> gazetteer;  // stable addresses
  // Few points, some shared by places of different names, within ~300 km.
  for (int k = 0; k < 24; ++k) {
    Place p;
    p.id = "p" + std::to_string(k);
    p.name = "Name" + std::to_string(k % 9);
    p.kind = "village";
    p.country = "ZZ";
    double lon = 70.0 + static_cast<double>(rng() % 8) * 0.4;
    double lat = 40.0 + static_cast<double>(rng() % 8) * 0.4;
    p.point = bm::LonLat{lon, lat};
    gazetteer.push_back(p);
  }
  int taken = 0;
  for (int round = 0; round < 200; ++round) {
    std::vector<PlaceMention> places;
    for (int i = 0, n = 2 + static_cast<int>(rng() % 30); i < n; ++i) {
      PlaceMention m;
      m.text = "Text" + std::to_string(rng() % 6);
      if (rng() % 3 == 0) {
        m.place = &gazetteer[rng() % gazetteer.size()];
      } else {
        for (int c = 0, nc = 1 + static_cast<int>(rng() % 3); c < nc; ++c)
          m.unnamed_country.push_back(&gazetteer[rng() % gazetteer.size()]);
      }
      places.push_back(m);
    }
    std::vector<std::string> expected = brute_force(places);
    bm::extract::corroborate_places(places, {});
    for (std::size_t i = 0; i < places.size(); ++i) {
      CHECK(chosen(places[i]) == expected[i]);
      taken += !expected[i].empty();
    }
  }
  CHECK(taken > 100);  // the comparison exercised the choice, not only refusals
}
