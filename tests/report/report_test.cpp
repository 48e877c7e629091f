#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "geodata/bundle.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/map_data.hpp"
#include "report/report.hpp"
#include "support.hpp"

namespace {

// The whole chain on a fixture table, into a scratch folder of that name.
bm::ReportResult report_of(const std::string& csv, const std::filesystem::path& dir) {
  bm::ReportOptions o;
  o.inputs = {bm::test::data(csv)};
  o.out_dir = dir.string();
  o.filter.border = "KG-TJ";
  return bm::run_report(o);
}

}  // namespace

TEST_CASE("report runs the whole chain and lists what it could not map", "[report]") {
  auto dir = bm::test::scratch("report_small");
  auto r = report_of("incidents_small.csv", dir);
  CHECK(r.incidents_read == 5);
  CHECK(r.incidents_mapped == 4);
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].record == "t4");
  CHECK_THAT(r.rejected[0].reason, Catch::Contains("Atlantis-on-Isfara"));

  auto geo = nlohmann::json::parse(bm::test::slurp(dir / "incidents.geojson"));
  CHECK(geo["features"].size() == 4);
  auto rejected = bm::test::slurp(dir / "rejected.csv");
  CHECK_THAT(rejected, Catch::Contains("t4"));
  // The maps exist and are of their formats.
  CHECK(bm::test::slurp(dir / "report.png").substr(1, 3) == "PNG");
  CHECK_THAT(bm::test::slurp(dir / "report.svg"), Catch::Contains("<svg"));
}

TEST_CASE("the report bundle holds links.csv and the hot-segments table", "[report]") {
  auto dir = bm::test::scratch("report_tables");
  bm::ReportOptions o;  // the bundled September 2022 incidents
  o.out_dir = dir.string();
  o.formats = {"svg"};
  auto r = bm::run_report(o);
  std::stringstream links(bm::test::slurp(dir / "links.csv"));
  std::string line;
  std::getline(links, line);
  CHECK(line.rfind("incident_id,segment_id,segment_status,distance_m,distance_max_m", 0) == 0);
  std::size_t rows = 0;
  bool region_range = false;
  while (std::getline(links, line)) {
    ++rows;
    // A region-only incident is measured from its whole area: 0 to the far side.
    if (line.find("region") != std::string::npos) {
      auto parts = bm::split(line, ',');
      region_range =
          region_range || (parts.size() > 4 && parts[3] == "0.0" && std::stod(parts[4]) > 10000);
    }
  }
  // One row per linked point; the two whole-border tolls are drawn as the
  // border line and have no link of their own.
  CHECK(rows + 2 == r.incidents_mapped);
  CHECK(region_range);
  std::string summary = bm::test::slurp(dir / "segments_summary.csv");
  CHECK(summary.rfind("segment_id,name,incidents,incidents_while_disputed", 0) == 0);
  CHECK_THAT(summary, Catch::Contains("kg-tj-"));
}

TEST_CASE("a whole border is drawn as its line; a whole country is listed, never drawn",
          "[report]") {
  auto dir = bm::test::scratch("report_wholes");
  auto r = report_of("incidents_wholes.csv", dir);
  CHECK(r.incidents_read == 5);
  CHECK(r.incidents_mapped == 3);  // w1 a point, w2 and w4 the KG-TJ border line
  REQUIRE(r.rejected.size() == 2);
  std::set<std::string> rejected;
  for (const auto& x : r.rejected) {
    rejected.insert(x.record);
    if (x.record == "w3") CHECK_THAT(x.reason, Catch::Contains("is the whole of Tajikistan"));
  }
  CHECK(rejected == std::set<std::string>{"w3", "w5"});
  // Neither border incident is a point: the point layer has only w1.
  auto geo = nlohmann::json::parse(bm::test::slurp(dir / "incidents.geojson"));
  CHECK(geo["features"].size() == 1);
  auto m = nlohmann::json::parse(bm::test::slurp(dir / "manifest.json"));
  CHECK(m["counts"]["incidents_mapped"] == 3);
  CHECK(m["counts"]["not_used"] == 2);
}

TEST_CASE("the chain gives a whole-border incident the border's lines, in the map's order",
          "[report]") {
  bm::ChainOptions o;
  o.inputs = {bm::test::data("incidents_wholes.csv")};
  o.filter.border = "KG-TJ";
  bm::Chain chain = bm::run_chain(o);
  // Every input record not a point stays a rejection for the point layers.
  CHECK(chain.rejected.size() == 4);
  REQUIRE(chain.border_lines.size() == 2);
  std::size_t active_lines = 0;
  for (const auto& s : chain.data.segments)
    if (s.country_a == "KG" && s.country_b == "TJ" && bm::active_on(s, chain.data.as_of))
      for (const auto& l : s.lines) active_lines += l.size() >= 2;
  for (const auto& id : {"w2", "w4"}) {
    const auto& b = chain.border_lines.at(id);
    CHECK(b.a == "KG");
    CHECK(b.b == "TJ");
    CHECK(b.lines.size() == active_lines);
  }
  auto map = bm::report_map_data(chain, {});
  std::size_t drawn_as_lines = 0;
  for (const auto& mi : map.incidents)
    if (!mi.lines.empty()) {
      ++drawn_as_lines;
      CHECK(mi.area_name == "Kyrgyzstan\u2013Tajikistan border");
    }
  CHECK(drawn_as_lines == 2);
}

TEST_CASE("the manifest counts filtered records apart from unusable ones", "[report]") {
  auto dir = bm::test::scratch("report_filtered");
  bm::ReportOptions o;
  o.inputs = {bm::test::data("incidents_2022_2026.csv")};
  o.out_dir = dir.string();
  o.filter.border = "KG-TJ";
  o.filter.to = "2023-01-01";  // leaves out the 2026 record
  o.formats = {"svg"};
  auto r = bm::run_report(o);
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].filtered);
  auto m = nlohmann::json::parse(bm::test::slurp(dir / "manifest.json"));
  CHECK(m["counts"]["filtered_out"] == 1);
  CHECK(m["counts"]["not_used"] == 0);
}
