#include <catch2/catch.hpp>

#include <sstream>

#include "io/incidents_csv.hpp"

namespace {
const char* kHeader =
    "id,date_start,date_end,date_precision,place,admin1,country,lon,lat,geo_precision,event_type,"
    "actors,claims,sources,notes\n";
}

TEST_CASE("incident rows are read with their claims side by side", "[ingest]") {
  std::istringstream in(std::string(kHeader) +
                        "a1,2022-09-16,,day,Batken,,KG,,,1,shelling,X;Y,"
                        "\"[{\"\"kind\"\":\"\"killed\"\",\"\"low\"\":24,\"\"high\"\":null,"
                        "\"\"side\"\":\"\"KG\"\",\"\"claimant\"\":\"\"Kyrgyz health ministry\"\"},"
                        "{\"\"kind\"\":\"\"killed\"\",\"\"low\"\":36,\"\"high\"\":36,\"\"side\"\":"
                        "\"\"KG\"\",\"\"claimant\"\":\"\"Kyrgyz MoH\"\"}]\",s.txt,\n");
  auto t = bm::read_incidents_csv(in, "x.csv");
  REQUIRE(t.rejected.empty());
  REQUIRE(t.incidents.size() == 1);
  const auto& i = t.incidents[0];
  CHECK(i.date.end == "2022-09-16");
  CHECK(i.actors.size() == 2);
  REQUIRE(i.claims.size() == 2);
  CHECK(*i.claims[0].low == 24);
  CHECK_FALSE(i.claims[0].high.has_value());
  CHECK(i.claims[1].claimant == "Kyrgyz MoH");
  CHECK(i.claims[0].source == "s.txt");  // inherited from the row
}

TEST_CASE("malformed incident rows are rejected with file:line and the rest still read",
          "[ingest]") {
  std::istringstream in(std::string(kHeader) +
                        "ok,2022-09-16,,,Batken,,,,,,,,,,\n"
                        "badlat,2022-09-16,,,,,,70.1,forty,,,,,,\n"
                        "baddate,16/09/2022,,,Batken,,,,,,,,,,\n"
                        "badclaims,2022-09-16,,,Batken,,,,,,,,[{\"\"kind\"\":1}],,\n");
  auto t = bm::read_incidents_csv(in, "x.csv");
  REQUIRE(t.incidents.size() == 1);
  REQUIRE(t.rejected.size() == 3);
  CHECK(t.rejected[0].line == 3);
  CHECK_THAT(t.rejected[0].reason, Catch::Contains("'lat' is 'forty'"));
  CHECK_THAT(t.rejected[1].reason, Catch::Contains("YYYY-MM-DD"));
  CHECK(t.rejected[2].record == "badclaims");
}

TEST_CASE("incidents survive a write/read round trip", "[ingest]") {
  bm::Incident i;
  i.id = "r1";
  i.date = {"2022-09-14", "2022-09-16", "range"};
  i.place = "Кӯлканд, \"quoted\"";
  i.location = bm::LonLat{70.5, 40.1};
  i.precision = bm::GeoPrecision::near;
  i.notes = "two\nlines, commas";
  i.claims.push_back(
      {"injured", 100, std::nullopt, false, "KG", "", "MoH", "s1", "more than 100", "conflict"});
  std::stringstream buf;
  bm::write_incidents_csv(buf, {i});
  auto t = bm::read_incidents_csv(buf, "rt.csv");
  REQUIRE(t.incidents.size() == 1);
  const auto& r = t.incidents[0];
  CHECK(r.place == i.place);
  CHECK(r.notes == i.notes);
  CHECK(r.date.precision == "range");
  CHECK(r.location->lon == Approx(70.5));
  CHECK(r.precision == bm::GeoPrecision::near);
  REQUIRE(r.claims.size() == 1);
  CHECK(r.claims[0].quote == "more than 100");
  CHECK(r.claims[0].scope == "conflict");
}

TEST_CASE("a located draft keeps the gazetteer's name through write and read", "[ingest]") {
  // extract writes the place as the article wrote it (a Russian genitive)
  // with its coordinates; the map must still label it by the gazetteer's name.
  bm::Incident i;
  i.id = "x1";
  i.place = "Джермука";
  i.location = bm::LonLat{45.67112, 39.83948};
  i.place_id = "cj:AM:test";
  i.resolved_name = "Jermuk";
  bm::Incident plain;
  plain.id = "x2";
  plain.place = "Goris";
  std::ostringstream out;
  bm::write_incidents_csv(out, {i, plain});
  std::istringstream in(out.str());
  auto t = bm::read_incidents_csv(in, "drafts.csv");
  REQUIRE(t.incidents.size() == 2);
  CHECK(t.incidents[0].place == "Джермука");
  CHECK(t.incidents[0].resolved_name == "Jermuk");
  CHECK(t.incidents[0].place_id == "cj:AM:test");
  CHECK(t.incidents[1].resolved_name.empty());
  // A table where no row has one keeps the plain columns.
  std::ostringstream only_plain;
  bm::write_incidents_csv(only_plain, {plain});
  CHECK(only_plain.str().find("resolved_name") == std::string::npos);
}
