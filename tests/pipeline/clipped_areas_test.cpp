// A region known only by name is hatched as its Natural Earth outline; on a
// zoomed map whose fills follow the 10 m line, that outline spills across
// the border. The hatch must stay on its own country's side.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "geom/geos.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/map_data.hpp"
#include "support.hpp"

namespace {

double planar_area(const bm::MultiPolygon& mp) {
  double sum = 0;
  for (const auto& poly : mp)
    for (std::size_t r = 0; r < poly.rings.size(); ++r) {
      double a = 0;
      const auto& ring = poly.rings[r];
      for (std::size_t k = 0; k + 1 < ring.size(); ++k)
        a += ring[k].lon * ring[k + 1].lat - ring[k + 1].lon * ring[k].lat;
      sum += (r == 0 ? 1 : -1) * std::abs(a) / 2;
    }
  return sum;
}

const bm::Country& fill_of(const bm::MapData& map, const std::string& iso) {
  auto it = std::find_if(map.countries.begin(), map.countries.end(),
                         [&](const bm::Country& c) { return c.iso2 == iso; });
  REQUIRE(it != map.countries.end());
  return *it;
}

}  // namespace

TEST_CASE("a hatched region stays on its country's side of a 10 m border", "[pipeline]") {
  auto path = bm::test::scratch("clipped_areas") / "incidents.csv";
  std::ofstream(path) << "id,date_start,event_type,place,country,lon,lat\n"
                         "koktash,2022-09-17,shelling,,,70.5358,39.9500\n"
                         "region,2022-09-16,shelling,Batken Region,KG,,\n";
  bm::ChainOptions o;
  o.inputs = {path.string()};
  bm::Chain chain = bm::run_chain(o);
  bm::MapData map = bm::report_map_data(chain, {});
  REQUIRE(map.fills_cut);
  auto region = std::find_if(map.incidents.begin(), map.incidents.end(),
                             [](const bm::MapIncident& m) { return m.incident->id == "region"; });
  REQUIRE(region != map.incidents.end());
  REQUIRE(region->area);
  const auto& tajik = fill_of(map, "TJ").area;
  // The Natural Earth outline does cross into the Tajik fill (else this
  // test would prove nothing) ...
  const auto& original = *chain.region_areas.at("region");
  CHECK(planar_area(bm::geos::intersection(original, tajik)) > 1e-4);
  // ... the drawn hatch does not (1e-6 deg² is about 0.01 km²).
  CHECK(planar_area(bm::geos::intersection(*region->area, tajik)) < 1e-6);
  CHECK(planar_area(*region->area) > 0.5 * planar_area(original));
}

TEST_CASE("the 10 m fills cover a tall cluster's frame, widened to the map's shape", "[pipeline]") {
  // Two places 100 km apart north to south, 50-70 km west of the border:
  // the frame is widened east past the border; the fills must reach as far
  // (they once stopped at a straight line, leaving the background showing).
  auto path = bm::test::scratch("tall_cluster") / "incidents.csv";
  std::ofstream(path) << "id,date_start,event_type,lon,lat,killed\n"
                         "north,2024-03-02,armed_clash,35.86668,14.39729,6\n"
                         "south,2024-03-01,displacement,35.76667,13.51667,\n";
  bm::ChainOptions o;
  o.inputs = {path.string()};
  bm::Chain chain = bm::run_chain(o);
  REQUIRE(chain.a + "-" + chain.b == "ET-SD");
  bm::MapData map = bm::report_map_data(chain, {});
  REQUIRE(map.fills_cut);
  bm::Bounds filled;
  for (const auto& c : map.countries) filled.add(bm::bounds_of(c.area));
  const double tall = 14.39729 - 13.51667;
  const double cos_lat = std::cos(14.0 * 3.14159265358979 / 180);
  // The border lies east: the frame reaches well past it (a 1.1:1 frame
  // around the cluster and its nearest border points, padded).
  CHECK((filled.max_lon - 35.81) * cos_lat > 1.4 * tall);
  CHECK((35.81 - filled.min_lon) * cos_lat > tall);
}
