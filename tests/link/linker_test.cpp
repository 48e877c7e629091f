#include <catch2/catch.hpp>

#include "core/geodesic.hpp"
#include "geodata/bundle.hpp"
#include "link/linker.hpp"

namespace {

bm::Incident at(double lon, double lat, const std::string& date = "2022-09-16") {
  bm::Incident i;
  i.id = "x";
  i.location = bm::LonLat{lon, lat};
  i.date = {date, date, "day"};
  return i;
}

struct Fixture {
  bm::Bundle bundle;
  std::vector<bm::Country> countries = bundle.countries({66, 36, 78, 44});
  std::vector<bm::BorderSegment> segments = bm::border_segments(bundle, "KG", "TJ", countries);
  bm::Linker linker{segments, countries};
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

}  // namespace

TEST_CASE("the link distance is the geodesic distance to the nearest border point", "[link]") {
  // Batken town.
  bm::Link l = fixture().linker.link(at(70.81667, 40.05));
  REQUIRE_FALSE(l.segment_id.empty());
  CHECK(l.country == "KG");
  CHECK_FALSE(l.in_enclave);
  CHECK(l.distance_m == Approx(bm::geodesic_distance({70.81667, 40.05}, l.nearest)).margin(0.01));
  // No vertex of the border is nearer than the reported point.
  double nearest_vertex = 1e18;
  for (const auto& s : fixture().segments)
    for (const auto& line : s.lines)
      for (const auto& p : line)
        nearest_vertex = std::min(nearest_vertex, bm::geodesic_distance({70.81667, 40.05}, p));
  CHECK(l.distance_m <= nearest_vertex + 0.01);
  CHECK(l.distance_m > 1000);  // Batken is a few km from the border, not on it
  CHECK(l.distance_m < 30000);
}

TEST_CASE("a point in Vorukh lies in Tajikistan, in an enclave", "[link]") {
  bm::Link l = fixture().linker.link(at(70.57694, 39.85333));
  CHECK(l.country == "TJ");
  CHECK(l.in_enclave);
}

TEST_CASE("incidents without a location are linked to nothing", "[link]") {
  bm::Incident i;
  i.id = "nowhere";
  bm::Link l = fixture().linker.link(i);
  CHECK(l.segment_id.empty());
}
