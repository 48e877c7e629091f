#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "report/report.hpp"
#include "support.hpp"

TEST_CASE("report runs the whole chain and lists what it could not map", "[report]") {
  auto dir = bm::test::scratch("report_small");
  bm::ReportOptions o;
  o.inputs = {bm::test::data("incidents_small.csv")};
  o.out_dir = dir.string();
  o.filter.border = "KG-TJ";
  auto r = bm::run_report(o);
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
