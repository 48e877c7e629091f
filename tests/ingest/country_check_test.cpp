#include <catch2/catch.hpp>

#include "geodata/bundle.hpp"
#include "ingest/country_check.hpp"

TEST_CASE("a point in another country than its row states is flagged, not moved",
          "[ingest][country]") {
  std::vector<bm::Incident> incidents(3);
  incidents[0].id = "vorukh-said-kg";
  incidents[0].country = "KG";
  incidents[0].location = bm::LonLat{70.57694, 39.85333};  // Vorukh, a Tajik enclave
  incidents[1].id = "batken-kg";
  incidents[1].country = "KG";
  incidents[1].location = bm::LonLat{70.81667, 40.05};
  incidents[2].id = "no-country";
  incidents[2].location = bm::LonLat{70.57694, 39.85333};
  auto warnings = bm::ingest::check_countries(incidents, bm::Bundle());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].incident_id == "vorukh-said-kg");
  CHECK(warnings[0].located == "TJ");
  CHECK(incidents[0].location->lon == Approx(70.57694));  // kept where the source put it
  CHECK(incidents[0].country == "KG");
  CHECK_THAT(incidents[0].source_fields.at("bordermap.country_check"),
             Catch::Contains("lies in TJ"));
  CHECK(incidents[1].source_fields.empty());
}
