#include <catch2/catch.hpp>

#include "geodata/bundle.hpp"
#include "ingest/country_check.hpp"

TEST_CASE("a point in another country than its row states is flagged, not moved",
          "[ingest][country]") {
  std::vector<bm::Incident> incidents(3);
  incidents[0].id = "khujand-said-kg";
  incidents[0].country = "KG";
  incidents[0].location = bm::LonLat{69.63, 40.28};  // Khujand, 25 km inside Tajikistan
  incidents[1].id = "batken-kg";
  incidents[1].country = "KG";
  incidents[1].location = bm::LonLat{70.81667, 40.05};
  incidents[2].id = "no-country";
  incidents[2].location = bm::LonLat{70.57694, 39.85333};  // Vorukh
  auto warnings = bm::ingest::check_countries(incidents, bm::Bundle());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].incident_id == "khujand-said-kg");
  CHECK(warnings[0].located == "TJ");
  CHECK(incidents[0].location->lon == Approx(69.63));  // kept where the source put it
  CHECK(incidents[0].country == "KG");
  CHECK_THAT(incidents[0].source_fields.at("bordermap.country_check"),
             Catch::Contains("lies in TJ"));
  CHECK(incidents[1].source_fields.empty());
}

TEST_CASE("a village a few km from its country at 1:10m is not flagged", "[ingest][country]") {
  // Natural Earth puts Samarkandyk and Kök-Tash (Kyrgyz, cited in
  // kgtj_places.csv) 0.4-1.8 km inside Tajikistan; the 10 m line does not.
  std::vector<bm::Incident> incidents(2);
  incidents[0].id = "samarkandyk";
  incidents[0].country = "KG";
  incidents[0].location = bm::LonLat{70.54194, 39.99639};
  incidents[1].id = "kok-tash";
  incidents[1].country = "KG";
  incidents[1].location = bm::LonLat{70.53583, 39.94972};
  CHECK(bm::ingest::check_countries(incidents, bm::Bundle()).empty());
}
