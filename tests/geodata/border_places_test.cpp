#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "geodata/bundle.hpp"
#include "io/csv.hpp"
#include "link/linker.hpp"
#include "link/segments_near.hpp"

// Cited places near borders (the KG-TJ fact sheet's, and the GeoNames towns
// used as proxies for the other curated borders) lie in their recorded
// country by the linker's village-scale membership.
namespace {

struct Cited {
  std::string id, country;
  bm::LonLat at;
};

// Located rows of one country; districts, regions and rivers are points
// that stand for a whole area, so their point says nothing about a side.
std::vector<Cited> cited(const std::string& file) {
  std::ifstream in(std::string(BORDERMAP_SOURCE_DIR) + "/" + file);
  bm::csv::Table t(in, file);
  std::vector<Cited> out;
  static const std::set<std::string> areas{"district", "region", "river"};
  while (t.next()) {
    if (t.get("lon").empty() || t.get("country_iso2").find('|') != std::string::npos) continue;
    if (t.has("feature") && areas.count(t.get("feature"))) continue;
    out.push_back(
        {t.get("id"), t.get("country_iso2"), {std::stod(t.get("lon")), std::stod(t.get("lat"))}});
  }
  return out;
}

// Rows whose own coordinate is too coarse to decide the side (see
// docs/borders.md, "Coordinates too coarse to decide"): id -> why.
const std::map<std::string, std::string> kCoarse = {
    {"kg_maksat", "the cited point lies 1.7 km inside the Tajik side of the OSM line"},
    {"kg_arka", "the cited point lies on the Tajik side of the OSM line (Leilek lowland)"},
    {"tj_western_kalacha", "the enclave (< 1 km2) is absent from the OSM-derived polygons"},
};

}  // namespace

TEST_CASE("cited places near borders lie in their recorded country", "[geodata][borders]") {
  bm::Bundle bundle;
  int checked = 0;
  // tests/data/border_places.csv: GeoNames towns 0.3-5 km from 14 other
  // borders, picked by tests/data/gen_border_places.py without looking at
  // the answer (held out from the tuning of the side rule).
  for (const char* file :
       {"geodata/reference/kgtj_places.csv", "geodata/reference/contested_places.csv",
        "tests/data/border_places.csv"}) {
    std::vector<Cited> rows = cited(file);
    REQUIRE(rows.size() >= 10);
    bm::Bounds area;
    for (const auto& r : rows) area.add(r.at);
    auto near = bm::segments_near(bundle, area);
    REQUIRE(near.a_left);  // the OSM-derived segments know their sides
    bm::LinkOptions options;
    options.a_left = true;
    bm::Linker linker(
        std::move(near.segments),
        bundle.countries({area.min_lon - 1, area.min_lat - 1, area.max_lon + 1, area.max_lat + 1}),
        options);
    for (const auto& r : rows) {
      if (kCoarse.count(r.id)) continue;
      bm::PointLink l = linker.link_point(r.at, "");
      INFO(file << " " << r.id << " at " << r.at.lon << "," << r.at.lat);
      REQUIRE(l.country >= 0);
      CHECK(linker.countries()[static_cast<std::size_t>(l.country)].iso2 == r.country);
      ++checked;
    }
  }
  CHECK(checked >= 30);
}
