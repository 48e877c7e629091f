// The one border-status rule: each incident's status on its own date unless
// --as-of is given, the same on the map as in the link columns. The fixture
// has one point before and one after the 2025-03-13 Kyrgyz–Tajik treaty.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "io/csv.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/map_data.hpp"
#include "support.hpp"

namespace {

bm::Chain spanning_chain(const std::string& as_of = "") {
  bm::ChainOptions o;
  o.inputs = {bm::test::data("incidents_2022_2026.csv")};
  o.filter.border = "KG-TJ";
  o.filter.as_of = as_of;
  return bm::run_chain(o);
}

// The status the map shows for an incident: the border drawn, unless the
// incident carries a note naming its own.
std::string map_status(const bm::MapIncident& mi, const bm::MapData& map) {
  const std::string prefix = "border here ";
  if (!mi.border_note.empty()) {
    std::string rest = mi.border_note.substr(prefix.size());
    return rest.substr(0, rest.find(' '));
  }
  for (const auto& s : map.segments)
    if (s.id == mi.link->segment_id && bm::active_on(s, map.as_of)) return bm::to_string(s.status);
  return "none drawn";
}

std::map<std::string, std::string> status_by_incident(const bm::Chain& chain) {
  std::map<std::string, std::string> out;
  for (const auto& l : chain.data.links) out[l.incident_id] = bm::to_string(l.segment_status);
  return out;
}

}  // namespace

TEST_CASE("without --as-of each incident gets the status of its own date", "[pipeline][as_of]") {
  bm::Chain chain = spanning_chain();
  auto status = status_by_incident(chain);
  REQUIRE(status.size() == 2);
  CHECK(status["s1"] != "delimited");       // 2022: before the treaty
  CHECK(status["s2"] == "delimited");       // 2026: after it
  CHECK(chain.data.as_of == "2022-09-16");  // the map's border: the first date
}

TEST_CASE("the map shows each incident's status as the link columns do", "[pipeline][as_of]") {
  for (std::string as_of : {"", "2022-01-01", "2026-06-01"}) {
    INFO("--as-of '" << as_of << "'");
    bm::Chain chain = spanning_chain(as_of);
    bm::MapData map = bm::report_map_data(chain, {});
    auto status = status_by_incident(chain);
    REQUIRE(map.incidents.size() == 2);
    for (const auto& mi : map.incidents) {
      REQUIRE(mi.link);
      INFO(mi.incident->id << ": note '" << mi.border_note << "'");
      CHECK(map_status(mi, map) == status[mi.incident->id]);
    }
  }
}

TEST_CASE("one --as-of date gives every incident one status, with no per-incident note",
          "[pipeline][as_of]") {
  bm::Chain chain = spanning_chain("2026-06-01");
  for (const auto& [id, s] : status_by_incident(chain)) CHECK(s == "delimited");
  for (const auto& mi : bm::report_map_data(chain, {}).incidents) CHECK(mi.border_note.empty());
}
