// The bundled geodata (geodata/bordermap.gpkg) says what the fact sheet says.
#include <catch2/catch.hpp>

#include <unicode/unistr.h>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "core/geodesic.hpp"
#include "geodata/bundle.hpp"
#include "geodata/bundle_info.hpp"
#include "geom/border.hpp"
#include "geom/locator.hpp"
#include "io/csv.hpp"

namespace {

const bm::Bundle& bundle() {
  static const bm::Bundle b;
  return b;
}

const bm::Country& country(const std::vector<bm::Country>& all, const std::string& iso2) {
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.iso2 == iso2; });
  REQUIRE(it != all.end());
  return *it;
}

std::string fold(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).foldCase().toUTF8String(out);
  return out;
}

double length_on(const std::vector<bm::BorderSegment>& segments, const std::string& date) {
  double m = 0;
  for (const auto& s : segments)
    if (bm::active_on(s, date))
      for (const auto& l : s.lines) m += bm::geodesic_length(l);
  return m;
}

}  // namespace

TEST_CASE("Vorukh is a Tajik enclave inside Kyrgyzstan", "[geodata]") {
  auto all = bundle().countries({69, 39, 72, 41});
  const auto& kg = country(all, "KG");
  const auto& tj = country(all, "TJ");
  bm::Locator where({{"KG", &kg.area}, {"TJ", &tj.area}});
  const bm::LonLat vorukh{70.57694, 39.85333};  // reference row tj_vorukh
  auto in = where.locate(vorukh);
  CHECK(in.code == "TJ");
  CHECK(in.enclave);
  // Vorukh's own polygon: the Tajik part that holds the village.
  bm::Bounds part;
  for (const auto& poly : tj.area) {
    bm::MultiPolygon one{poly};
    bm::Locator l({{"TJ", &one}});
    if (l.locate(vorukh).code == "TJ") part = bm::bounds_of(one);
  }
  REQUIRE_FALSE(part.empty());
  CHECK(part.max_lon - part.min_lon < 0.5);  // an enclave, not mainland Tajikistan
  // 2 km north of the enclave's northernmost extent is Kyrgyzstan.
  bm::LonLat outside =
      bm::geodesic_direct({(part.min_lon + part.max_lon) / 2, part.max_lat}, 0, 2000);
  CHECK(where.locate(outside).code == "KG");
}

TEST_CASE("the Kyrgyz-Tajik segments cover the shared boundary once, on any date", "[geodata]") {
  std::vector<bm::BorderSegment> kgtj;
  for (const auto& s : bundle().segments())
    if ((s.country_a == "KG" && s.country_b == "TJ") ||
        (s.country_a == "TJ" && s.country_b == "KG"))
      kgtj.push_back(s);
  REQUIRE(kgtj.size() >= 10);
  // Each status period tiles the same border: no gaps, no stretch twice
  // (geodata/sanity_check_borders.py checks overlaps for every pair).
  const double before = length_on(kgtj, "2022-09-14"), after = length_on(kgtj, "2026-01-01");
  CHECK(before == Approx(after).epsilon(0.005));
  // Official figures are 970-1,006.84 km (fact sheet section 1); the OSM
  // line (with the Vorukh ring) is within 10 % of them, Natural Earth's
  // 1:10m line was 838 km.
  CHECK(after / 1000 == Approx(988).epsilon(0.10));
}

TEST_CASE("upper Isfara is disputed in 2022 and delimited after the 2025 treaty", "[geodata]") {
  int seen = 0;
  for (const auto& s : bundle().segments()) {
    if (s.id != "kg-tj-upper-isfara") continue;
    ++seen;
    if (bm::active_on(s, "2022-09-14")) CHECK(s.status == bm::SegmentStatus::disputed);
    if (bm::active_on(s, "2026-01-01")) CHECK(s.status != bm::SegmentStatus::disputed);
  }
  CHECK(seen == 2);
}

TEST_CASE("Batken, Sughd and Osh regions carry every name form the fact sheet lists", "[geodata]") {
  auto regions = bundle().regions({66, 36, 78, 44});
  std::ifstream in(std::string(BORDERMAP_SOURCE_DIR) + "/geodata/reference/kgtj_places.csv");
  bm::csv::Table t(in, "kgtj_places.csv");
  int checked = 0;
  while (t.next()) {
    std::string id = t.get("id");
    if (id != "kg_batken_region" && id != "tj_sughd_region" && id != "kg_osh_region") continue;
    std::set<std::string> forms{fold(t.get("name"))};
    for (const auto& a : bm::split(t.get("alt_names"), '|')) forms.insert(fold(a));
    auto it = std::find_if(regions.begin(), regions.end(), [&](const bm::Region& r) {
      return r.country == t.get("country_iso2") && fold(r.name) == fold(t.get("name"));
    });
    INFO(id);
    REQUIRE(it != regions.end());
    std::set<std::string> names{fold(it->name)};
    for (const auto& a : it->alt_names) names.insert(fold(a));
    for (const auto& f : forms) {
      INFO(f);
      CHECK(names.count(f) == 1);
      ++checked;
    }
  }
  CHECK(checked >= 15);
}

TEST_CASE("the bundle credits GeoNames and Natural Earth", "[geodata]") {
  auto info = bm::describe_bundle(bm::default_bundle_path());
  std::string places, countries;
  for (const auto& l : info["layers"]) {
    if (l["name"] == "places") places = l.value("attribution", "");
    if (l["name"] == "countries") countries = l.value("attribution", "");
  }
  CHECK_THAT(places, Catch::Contains("GeoNames") && Catch::Contains("CC BY 4.0"));
  CHECK_THAT(countries, Catch::Contains("Natural Earth"));
}

TEST_CASE("no country ring jumps across the antimeridian", "[geodata]") {
  // Read as planar lon/lat, a ring with an edge from 179.9 to -180 spans the
  // whole map: Russia drew a band over the Arctic coast and Fiji a line
  // round the world. Only Antarctica's ring goes round a pole.
  int rings = 0;
  for (const auto& c : bundle().countries()) {
    if (c.iso2 == "AQ") continue;
    for (const auto& poly : c.area)
      for (const auto& ring : poly.rings) {
        ++rings;
        for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
          INFO(c.iso2 << " " << ring[k].lon << " -> " << ring[k + 1].lon);
          REQUIRE(std::abs(ring[k + 1].lon - ring[k].lon) < 180);
        }
      }
  }
  CHECK(rings > 1000);
}

TEST_CASE("a district with no point of its own stands at its cited seat", "[geodata]") {
  // The fact sheet gives Leilek and Batken Districts no coordinates but
  // names their seats' rows; the region's point lies up to 150 km away.
  std::map<std::string, bm::Place> by_id;
  for (auto& p : bundle().places())
    if (p.id.rfind("kg_", 0) == 0) by_id[p.id] = p;
  for (auto [district, seat] : {std::pair{"kg_leilek_district", "kg_isfana"},
                                std::pair{"kg_batken_district", "kg_batken"}}) {
    INFO(district);
    REQUIRE(by_id.count(district));
    const bm::Place& d = by_id[district];
    REQUIRE(d.point);
    CHECK(bm::geodesic_distance(*d.point, *by_id.at(seat).point) < 1);
    CHECK(d.coord_precision == bm::GeoPrecision::near);
    CHECK(d.uncertainty_m == Approx(25000));
  }
  // A district whose seat has no row keeps no point (not an invented one).
  REQUIRE(by_id.count("kg_chon_alai_district"));
  CHECK_FALSE(by_id["kg_chon_alai_district"].point);
}
