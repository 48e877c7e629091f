#include <catch2/catch.hpp>

#include <fstream>

#include "ingest/backends.hpp"
#include "support.hpp"

namespace {

bm::IncidentTable read_ged() {
  std::string path = bm::test::data("ingest/ucdp_ged.csv");
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return bm::ingest::read_ucdp(in, path);
}

}  // namespace

TEST_CASE("UCDP low/best/high become one claim with a range and its best", "[ingest][ucdp]") {
  auto t = read_ged();
  REQUIRE(t.incidents.size() == 3);
  const auto& i = t.incidents[1];
  CHECK(i.id == "990002");
  const auto& total = i.claims.at(0);
  CHECK(total.kind == "killed");
  CHECK(total.claimant == "UCDP GED");
  CHECK(*total.low == 24);
  CHECK(*total.high == 59);
  CHECK(*total.best == 25);
  CHECK(total.side == "all");
}

TEST_CASE("UCDP per-side deaths become one claim per side", "[ingest][ucdp]") {
  auto t = read_ged();
  const auto& i = t.incidents[1];
  REQUIRE(i.claims.size() == 4);  // total, side a, side b, civilians (unknown is 0)
  CHECK(i.claims[1].side == "KG");
  CHECK(*i.claims[1].low == 12);
  CHECK(*i.claims[1].high == 12);
  CHECK(i.claims[2].side == "TJ");
  CHECK(*i.claims[2].low == 9);
  CHECK(i.claims[3].group == "civilians");
  CHECK(*i.claims[3].low == 4);
  CHECK(i.source_fields.at("ucdp.deaths_unknown") == "0");
  CHECK(i.actors ==
        std::vector<std::string>{"Government of Kyrgyzstan", "Government of Tajikistan"});
  CHECK(i.sources.size() == 3);
}

TEST_CASE("UCDP date and place precision map onto ours and keep the codes", "[ingest][ucdp]") {
  auto t = read_ged();
  const auto& exact = t.incidents[0];
  CHECK(exact.date.start == "2022-09-14");  // "2022-09-14 00:00:00.000"
  CHECK(exact.date.precision == "day");
  CHECK(exact.precision == bm::GeoPrecision::settlement);
  CHECK(exact.place == "Kök-Tash village");
  CHECK(exact.admin1 == "Batken province");
  CHECK(exact.country == "KG");
  const auto& span = t.incidents[1];
  CHECK(span.date.precision == "range");
  CHECK(span.date.end == "2022-09-17");
  CHECK(span.precision == bm::GeoPrecision::near);
  CHECK(span.source_fields.at("ucdp.where_prec") == "2");
  const auto& region = t.incidents[2];
  CHECK(region.date.precision == "month");
  CHECK(region.precision == bm::GeoPrecision::region);
  CHECK(region.event_type == "attack_on_civilians");
  CHECK(region.source_fields.at("ucdp.date_prec") == "4");
}

TEST_CASE("a UCDP row whose best lies outside low..high is rejected", "[ingest][ucdp]") {
  auto t = read_ged();
  REQUIRE(t.rejected.size() == 1);
  CHECK(t.rejected[0].record == "990004");
  CHECK(t.rejected[0].line == 5);
  CHECK_THAT(t.rejected[0].reason, Catch::Contains("'best'"));
}
