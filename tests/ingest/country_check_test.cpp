#include <catch2/catch.hpp>

#include <fstream>

#include "geodata/bundle.hpp"
#include "ingest/country_check.hpp"
#include "ingest/ingest.hpp"
#include "support.hpp"

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

TEST_CASE("a streamed read checks the countries of every block, not only the last",
          "[ingest][country][stream]") {
  auto dir = bm::test::scratch("country_check_blocks");
  auto path = dir / "blocks.csv";
  // Khujand said to be Kyrgyz in the first block; Batken (Kyrgyz) after.
  std::ofstream(path) << "id,lon,lat,country\n"
                         "khujand-said-kg,69.63,40.28,KG\n"
                         "batken-1,70.81667,40.05,KG\n"
                         "batken-2,70.81667,40.05,KG\n";
  std::vector<bm::Incident> seen;
  bm::ingest::read_blocks(path.string(), {}, 1, [&](bm::IncidentTable& t) {
    for (auto& i : t.incidents) seen.push_back(i);
  });
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].id == "khujand-said-kg");
  CHECK(seen[0].source_fields.count("bordermap.country_check") == 1);
  CHECK(seen[1].source_fields.count("bordermap.country_check") == 0);
}

TEST_CASE("a country written as a name or alpha-3 is compared as its code", "[ingest][country]") {
  std::vector<bm::Incident> incidents(4);
  const bm::LonLat batken{70.81667, 40.05}, khujand{69.63, 40.28};
  const char* rows[4][2] = {{"name-right", "Kyrgyzstan"},
                            {"alpha3-right", "KGZ"},
                            {"name-wrong", "Kyrgyzstan"},
                            {"unknown-name", "Kirgizia"}};
  for (std::size_t k = 0; k < 4; ++k) {
    incidents[k].id = rows[k][0];
    incidents[k].country = rows[k][1];
    incidents[k].location = k < 2 ? batken : khujand;
  }
  auto warnings = bm::ingest::check_countries(incidents, bm::Bundle());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].incident_id == "name-wrong");
  CHECK(warnings[0].located == "TJ");
}

TEST_CASE("a spreadsheet's country names become codes and the names are kept",
          "[ingest][country]") {
  auto path = bm::test::scratch("country_names") / "names.csv";
  std::ofstream(path) << "id,lon,lat,country\n"
                         "a,70.81667,40.05,Kyrgyzstan\nb,69.63,40.28,TJ\nc,69.63,40.28,Kirgizia\n";
  auto t = bm::ingest::read(path.string(), {});
  REQUIRE(t.incidents.size() == 3);
  CHECK(t.incidents[0].country == "KG");
  CHECK(t.incidents[0].source_fields.at("ogr.country") == "Kyrgyzstan");
  CHECK(t.incidents[1].country == "TJ");
  CHECK_FALSE(t.incidents[1].source_fields.contains("ogr.country"));
  CHECK(t.incidents[2].country == "Kirgizia");  // no code known: kept as written
}
