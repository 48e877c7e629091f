#include <catch2/catch.hpp>

#include <fstream>

#include "ingest/backends.hpp"
#include "support.hpp"

namespace {

bm::IncidentTable read_fixture(const std::string& name) {
  std::string path = bm::test::data("ingest/" + name);
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return bm::ingest::read_acled(in, path);
}

const bm::Incident& by_id(const bm::IncidentTable& t, const std::string& id) {
  for (const auto& i : t.incidents)
    if (i.id == id) return i;
  FAIL("no incident " << id);
  throw;
}

}  // namespace

TEST_CASE("an ACLED export is read with its figures as ACLED's claims", "[ingest][acled]") {
  auto t = read_fixture("acled_2023.csv");
  REQUIRE(t.incidents.size() == 4);
  const auto& i = by_id(t, "KGZ9002");
  CHECK(i.date.start == "2022-09-16");
  CHECK(i.date.precision == "day");
  CHECK(i.country == "KG");  // from iso 417
  CHECK(i.place == "Batken");
  CHECK(i.admin1 == "Batken");
  REQUIRE(i.location);
  CHECK(i.location->lon == Approx(70.8167));
  CHECK(i.precision == bm::GeoPrecision::settlement);
  CHECK(i.event_type == "shelling");
  REQUIRE(i.claims.size() == 1);
  const auto& c = i.claims[0];
  CHECK(c.kind == "killed");
  CHECK(c.claimant == "ACLED");
  CHECK(*c.low == 4);
  CHECK_FALSE(c.high);  // ACLED keeps the lowest figure: a floor
  CHECK_THAT(c.quote, Catch::Contains("lowest figure"));
  CHECK(i.sources == std::vector<std::string>{"Kabar", "24.kg", "ACLED"});
  // Multi-line Cyrillic notes survive intact.
  CHECK_THAT(i.notes, Catch::Contains("town.\nЖители сообщили: «обстрел"));
  CHECK(i.source_fields.at("acled.civilian_targeting") == "Civilian targeting");
  CHECK(i.source_fields.at("acled.sub_event_type") == "Shelling/artillery/missile attack");
}

TEST_CASE("ACLED time and geo precision map onto ours and keep the codes", "[ingest][acled]") {
  auto t = read_fixture("acled_2023.csv");
  const auto& week = by_id(t, "TJK9001");
  CHECK(week.country == "TJ");
  CHECK(week.date.precision == "week");
  CHECK(week.date.start == "2022-09-13");
  CHECK(week.date.end == "2022-09-19");
  CHECK(week.precision == bm::GeoPrecision::near);
  CHECK(week.source_fields.at("acled.time_precision") == "2");
  CHECK(week.source_fields.at("acled.event_date") == "2022-09-16");
  const auto& month = by_id(t, "KGZ9003");
  CHECK(month.date.precision == "month");
  CHECK(month.date.start == "2022-09-01");
  CHECK(month.date.end == "2022-09-30");
  CHECK(month.precision == bm::GeoPrecision::region);
  CHECK(month.event_type == "ceasefire");
  CHECK(month.source_fields.at("acled.geo_precision") == "3");
  CHECK(month.claims.empty());  // 0 fatalities: no claim, the figure kept as a code
  CHECK(month.source_fields.at("acled.fatalities") == "0");
  // Quotes and commas inside notes.
  CHECK_THAT(by_id(t, "KGZ9001").notes, Catch::Contains("the \"provocation\", at"));
}

TEST_CASE("bad ACLED rows are rejected with their line and the rest read", "[ingest][acled]") {
  auto t = read_fixture("acled_2023.csv");
  REQUIRE(t.rejected.size() == 2);
  CHECK(t.rejected[0].line == 7);  // the notes of KGZ9002 span two lines
  CHECK(t.rejected[0].record == "KGZ9004");
  CHECK_THAT(t.rejected[0].reason, Catch::Contains("'event_date' is '2022-13-40'"));
  CHECK(t.rejected[1].line == 8);
  CHECK_THAT(t.rejected[1].reason, Catch::Contains("'latitude' is 'forty'"));
  CHECK_THAT(t.rejected[1].file, Catch::EndsWith("acled_2023.csv"));
}

TEST_CASE("older ACLED exports: written-out dates and numeric actor codes", "[ingest][acled]") {
  auto t = read_fixture("acled_legacy.csv");
  REQUIRE(t.rejected.empty());
  REQUIRE(t.incidents.size() == 3);
  const auto& a = by_id(t, "KGZ8001");
  CHECK(a.date.start == "2022-09-14");
  CHECK(a.source_fields.at("acled.inter1") == "1");
  CHECK(a.source_fields.at("acled.inter1_text") == "State forces");
  CHECK(a.source_fields.at("acled.iso3") == "KGZ");
  const auto& b = by_id(t, "TJK8001");
  CHECK(b.date.start == "2022-09-16");  // 16-09-2022
  CHECK(b.country == "TJ");
  CHECK(b.event_type == "attack_on_civilians");
  CHECK(b.source_fields.at("acled.inter2_text") == "Civilians");
  CHECK(*b.claims.at(0).low == 3);
  const auto& c = by_id(t, "KGZ8002");
  CHECK(c.date.start == "2022-09-17");  // 17 Sep 2022
  CHECK(c.source_fields.at("acled.inter2") == "0");
  CHECK(c.source_fields.count("acled.inter2_text") == 0);
  CHECK(c.event_type.empty());  // riots have no type of ours; the original stays
  CHECK(c.source_fields.at("acled.event_type") == "Riots");
}
