#include <catch2/catch.hpp>

#include "core/filter.hpp"

namespace {

bm::Incident dated(const std::string& id, const std::string& day, double lon) {
  bm::Incident i;
  i.id = id;
  i.line = static_cast<long>(id.back() - '0');
  i.date.start = day;
  i.location = bm::LonLat{lon, 40.0};
  return i;
}

}  // namespace

TEST_CASE("apply_filter keeps the rows that pass, in order, and names the others",
          "[core][filter]") {
  std::vector<bm::Incident> rows = {
      dated("r1", "2022-09-14", 70.5), dated("r2", "2021-01-01", 70.5),
      dated("r3", "2022-09-16", 75.0), dated("r4", "2022-09-17", 70.6)};
  bm::IncidentFilter f;
  f.from = "2022-01-01";
  f.bbox = "69,39,72,41";
  std::vector<bm::Rejection> rejected;
  bm::apply_filter(rows, f, "t.csv", rejected);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "r1");
  CHECK(rows[1].id == "r4");
  CHECK(rows[1].location->lon == 70.6);  // moved whole, not left behind
  REQUIRE(rejected.size() == 2);
  CHECK(rejected[0].record == "r2");
  CHECK(rejected[0].line == 2);
  CHECK(rejected[0].filtered);
  CHECK(rejected[1].record == "r3");
  CHECK_THAT(rejected[1].reason, Catch::Contains("--bbox"));
}
