#include <catch2/catch.hpp>

#include <string>

#include "ingest/duplicate_ids.hpp"

namespace {

bm::IncidentTable rows(std::size_t from, std::size_t to, long first_line) {
  bm::IncidentTable t;
  for (std::size_t k = from; k < to; ++k) {
    bm::Incident i;
    i.id = "id" + std::to_string(k);
    i.line = first_line + static_cast<long>(k - from);
    t.incidents.push_back(i);
  }
  return t;
}

}  // namespace

TEST_CASE("repeated ids are rejected across blocks with the first one's line",
          "[ingest][duplicate]") {
  bm::ingest::DuplicateIds ids("t.csv");
  bm::IncidentTable first = rows(0, 5000, 2);  // grows the table several times
  ids.reject_repeats(first);
  CHECK(first.incidents.size() == 5000);
  CHECK(first.rejected.empty());
  // A later block: ids 4990..5009, the first ten seen before.
  bm::IncidentTable second = rows(4990, 5010, 6000);
  ids.reject_repeats(second);
  REQUIRE(second.incidents.size() == 10);
  CHECK(second.incidents.front().id == "id5000");  // kept in order
  CHECK(second.incidents.back().id == "id5009");
  REQUIRE(second.rejected.size() == 10);
  CHECK(second.rejected[0].record == "id4990");
  CHECK(second.rejected[0].line == 6000);
  CHECK_THAT(second.rejected[0].reason, Catch::Contains("already used at line 4992"));
  // Rows without a line (an OGR source's feature) name no line.
  bm::IncidentTable fourth = rows(7000, 7001, 0);
  fourth.incidents[0].line = 0;
  ids.reject_repeats(fourth);
  bm::IncidentTable fifth = rows(7000, 7001, 9);
  ids.reject_repeats(fifth);
  REQUIRE(fifth.rejected.size() == 1);
  CHECK_THAT(fifth.rejected[0].reason, Catch::Contains("an earlier record"));
}
