// Zoomed maps fill countries from the 10 m segment lines (village_fills):
// the fill a point lies on must be the country `link` gives it.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>

#include "geodata/bundle.hpp"
#include "geom/geos.hpp"
#include "io/csv.hpp"
#include "link/linker.hpp"
#include "link/segments_near.hpp"
#include "link/village_fills.hpp"

namespace {

// The Upper-Isfara map of issue 15 (`render --bbox 70.35,39.78,70.8,40.12`).
const bm::Bounds kIsfara{70.35, 39.78, 70.8, 40.12};

struct Setup {
  bm::Bundle bundle;
  std::vector<bm::Country> countries;
  bm::NearSegments near;
  std::vector<bm::Country> fills;
  explicit Setup(const bm::Bounds& box)
      : countries(bundle.countries(box)),
        near(bm::segments_near(bundle, box)),
        fills(bm::village_fills(countries, near, box)) {}
};

// ISO2 of the fill under `p` ("" when none, "several" when fills overlap).
std::string fill_at(const std::vector<bm::Country>& fills, bm::LonLat p) {
  std::string found;
  for (const auto& c : fills) {
    bm::geos::Geom area = bm::geos::make_multipolygon(c.area);  // outlives `prepared`
    auto prepared = bm::geos::prepare(area);
    if (!bm::geos::contains(prepared, p)) continue;
    found = found.empty() ? c.iso2 : "several";
  }
  return found;
}

// The cited coordinate of a row of geodata/reference/kgtj_places.csv.
bm::LonLat cited(const std::string& id) {
  const std::string file = "kgtj_places.csv";
  std::ifstream in(std::string(BORDERMAP_SOURCE_DIR) + "/geodata/reference/" + file);
  bm::csv::Table t(in, file);
  while (t.next())
    if (t.get("id") == id) return {std::stod(t.get("lon")), std::stod(t.get("lat"))};
  FAIL("no row " << id);
  return {};
}

}  // namespace

TEST_CASE("the zoomed Upper-Isfara map puts Kök-Tash and Samarkandyk on the Kyrgyz fill",
          "[link][borders][fills]") {
  Setup s(kIsfara);
  REQUIRE(s.near.a_left);
  // The 1:10m polygons put both villages in Tajikistan.
  CHECK(fill_at(s.fills, cited("kg_kok_tash")) == "KG");
  CHECK(fill_at(s.fills, cited("kg_samarkandyk")) == "KG");
  CHECK(fill_at(s.fills, cited("tj_vorukh")) == "TJ");  // the enclave in Kyrgyzstan
}

TEST_CASE("on a zoomed map the fill under a point is the country link gives it",
          "[link][borders][fills]") {
  // Tavush: the 10 m polygons share no line for ~10 km east of the
  // four-villages stretch (they do not touch there), so between the two
  // lines' loose ends the fill follows Natural Earth while the linker takes
  // the side of the nearest end: up to 1 % of the points may disagree there.
  struct Case {
    bm::Bounds box;
    double allowed;
  };
  // Sikkim–Tibet: Natural Earth's line runs 2–4 km west of the 10 m one, and
  // the 10 m stretches' ends miss each other by up to ~400 m (joined).
  for (const Case& c : {Case{kIsfara, 0}, Case{{44.9, 40.8, 45.5, 41.3}, 0.01},
                        Case{{88.45, 27.3, 88.95, 27.75}, 0.002}}) {
    const bm::Bounds& box = c.box;
    Setup s(box);
    bm::Linker linker(s.near.segments, s.countries, bm::LinkOptions{5000, "", 1, s.near.a_left});
    std::map<std::string, int> agree, disagree;
    const int n = 60;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        bm::LonLat p{box.min_lon + (box.max_lon - box.min_lon) * (i + 0.5) / n,
                     box.min_lat + (box.max_lat - box.min_lat) * (j + 0.5) / n};
        bm::PointLink l = linker.link_point(p, "");
        std::string says = l.country < 0 ? "" : linker.countries()[std::size_t(l.country)].iso2;
        std::string fill = fill_at(s.fills, p);
        if (says.empty() || fill.empty()) continue;  // sea or a gap between polygons
        ++(fill == says ? agree : disagree)[says];
        CHECK(fill != "several");
      }
    int total_agree = 0, total_disagree = 0;
    for (auto& [iso, k] : agree) total_agree += k;
    for (auto& [iso, k] : disagree) total_disagree += k;
    INFO("agree " << total_agree << ", disagree " << total_disagree);
    CHECK(total_agree > n * n / 2);
    CHECK(total_disagree <= c.allowed * (total_agree + total_disagree));
  }
}
