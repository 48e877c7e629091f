#include <catch2/catch.hpp>

#include "gazetteer/gazetteer.hpp"
#include "geodata/bundle.hpp"

namespace {

const bm::Gazetteer& gazetteer() {
  static const bm::Gazetteer g = bm::Gazetteer::from_bundle(bm::Bundle());
  return g;
}

}  // namespace

TEST_CASE("exact lookup finds Batken, Isfara and Vorukh in the right country", "[gazetteer]") {
  struct Case {
    const char* name;
    const char* country;
    double lon, lat;
  };
  for (const Case& c :
       {Case{"Batken", "KG", 70.8167, 40.05}, Case{"Isfara", "TJ", 70.6333, 40.1167},
        Case{"Vorukh", "TJ", 70.5769, 39.8533}, Case{"VORUKH", "TJ", 70.5769, 39.8533},
        Case{"Ворух", "TJ", 70.5769, 39.8533}}) {
    INFO(c.name);
    auto r = gazetteer().resolve(c.name);
    REQUIRE(r.place != nullptr);
    CHECK(r.place->country == c.country);
    REQUIRE(r.place->point.has_value());
    CHECK(r.place->point->lon == Approx(c.lon).margin(0.02));
    CHECK(r.place->point->lat == Approx(c.lat).margin(0.02));
  }
}

TEST_CASE("an unknown name is reported unresolved", "[gazetteer]") {
  auto r = gazetteer().resolve("Qwzxvillage");
  CHECK(r.place == nullptr);
  CHECK(r.match == "unresolved");
}

TEST_CASE("'Batken region' is the admin-1 area, 'Batken' the town", "[gazetteer]") {
  auto region = gazetteer().resolve("Batken region");
  REQUIRE(region.place != nullptr);
  CHECK(region.precision == bm::GeoPrecision::region);
  auto town = gazetteer().resolve("Batken");
  REQUIRE(town.place != nullptr);
  CHECK(town.place->id != region.place->id);
  CHECK(town.precision == bm::GeoPrecision::settlement);
}
