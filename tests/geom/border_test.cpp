#include <catch2/catch.hpp>

#include "core/geodesic.hpp"
#include "geodata/bundle.hpp"
#include "geom/border.hpp"

namespace {

const bm::Country& find(const std::vector<bm::Country>& cs, const std::string& iso2) {
  for (const auto& c : cs)
    if (c.iso2 == iso2) return c;
  FAIL("country " << iso2 << " not in the bundle");
  throw;
}

}  // namespace

TEST_CASE("the Kyrgyz-Tajik border is derived as the shared boundary of the two countries",
          "[geom][border]") {
  bm::Bundle bundle;
  auto countries = bundle.countries({68, 38, 76, 43});
  auto lines = bm::shared_boundary(find(countries, "KG").area, find(countries, "TJ").area);
  double total = 0;
  for (const auto& l : lines) total += bm::geodesic_length(l);
  // Sources give 970 km (2022) to 1,006.84 km (2025); Natural Earth 1:10m is coarser.
  CHECK(total > 970e3 * 0.85);
  CHECK(total < 970e3 * 1.15);

  SECTION("Vorukh's boundary is part of it, as a closed ring around the enclave") {
    const bm::LonLat vorukh{70.57694, 39.85333};
    bool ring_around_vorukh = false;
    for (const auto& l : lines) {
      bool closed = l.front().lon == l.back().lon && l.front().lat == l.back().lat;
      auto b = bm::bounds_of(std::vector<bm::Line>{l});
      if (closed && vorukh.lon > b.min_lon && vorukh.lon < b.max_lon && vorukh.lat > b.min_lat &&
          vorukh.lat < b.max_lat)
        ring_around_vorukh = true;
    }
    CHECK(ring_around_vorukh);
  }
}

TEST_CASE("countries that do not touch share no boundary", "[geom][border]") {
  bm::Bundle bundle;
  auto countries = bundle.countries({60, 30, 80, 45});
  CHECK(bm::shared_boundary(find(countries, "KG").area, find(countries, "AF").area).empty());
}
