#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "ingest/ingest.hpp"
#include "io/incidents_csv.hpp"
#include "support.hpp"

namespace {

int run(const std::string& args, const std::filesystem::path& err) {
  std::string cmd = std::string(BORDERMAP_BINARY) + " " + args + " 2>" + err.string();
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace

TEST_CASE("bordermap ingest writes ACLED and UCDP rows as one incident CSV", "[ingest][cli]") {
  auto dir = bm::test::scratch("cmd_ingest");
  auto out = dir / "incidents.csv";
  REQUIRE(run("ingest " + bm::test::data("ingest/acled_2023.csv") + " " +
                  bm::test::data("ingest/ucdp_ged.csv") + " --allow-partial -o " + out.string() + " --rejected " +
                  (dir / "rejected.csv").string(),
              dir / "err.txt") == 0);
  std::string err = bm::test::slurp(dir / "err.txt");
  CHECK_THAT(err, Catch::Contains("read 10 records, used 7, rejected 3"));
  CHECK_THAT(err, Catch::Contains("acled_2023.csv:7: KGZ9004: column 'event_date'"));
  auto t = bm::ingest::read(out.string(), {});
  REQUIRE(t.rejected.empty());
  REQUIRE(t.incidents.size() == 7);
  std::string rejected = bm::test::slurp(dir / "rejected.csv");
  CHECK_THAT(rejected, Catch::StartsWith("file,line,record,reason\n"));
  CHECK_THAT(rejected, Catch::Contains("ucdp_ged.csv,5,990004,"));
  const auto& acled = t.incidents[1];
  CHECK(acled.id == "KGZ9002");
  CHECK(acled.claims.at(0).claimant == "ACLED");
  CHECK(acled.source_fields.at("acled.time_precision") == "1");
  const auto& ucdp = t.incidents[5];
  CHECK(ucdp.id == "990002");
  CHECK(*ucdp.claims.at(0).best == 25);  // best survives the CSV round trip
  CHECK(ucdp.date.precision == "range");
}

TEST_CASE("bordermap ingest writes to stdout and refuses a bad --map", "[ingest][cli]") {
  auto dir = bm::test::scratch("cmd_ingest_stdout");
  REQUIRE(run("ingest " + bm::test::data("ingest/generic.csv") +
                  " --map date=EVENT_DT,place=LOC,lon=LON_DD,lat=LAT_DD --allow-partial -o - >" +
                  (dir / "out.csv").string(),
              dir / "err.txt") == 0);
  auto t = bm::ingest::read((dir / "out.csv").string(), {});
  CHECK(t.incidents.size() == 2);
  CHECK(run("ingest " + bm::test::data("ingest/generic.csv") + " --map when=EVENT_DT -o -",
            dir / "err2.txt") == 2);
  CHECK_THAT(bm::test::slurp(dir / "err2.txt"), Catch::Contains("unknown field 'when'"));
  CHECK(run("ingest /nonexistent.csv -o -", dir / "err3.txt") == 1);
}

TEST_CASE("bordermap report maps an ACLED export with ACLED's figures as claims",
          "[ingest][cli][report]") {
  auto dir = bm::test::scratch("cmd_report_acled");
  REQUIRE(run("report --allow-partial " + bm::test::data("ingest/acled_2023.csv") + " -o " + dir.string() + " >" +
                  (dir / "out.txt").string(),
              dir / "err.txt") == 0);
  CHECK(std::filesystem::file_size(dir / "report.svg") > 0);
  std::string geojson = bm::test::slurp(dir / "incidents.geojson");
  CHECK_THAT(geojson, Catch::Contains("\"claimant\": \"ACLED\""));
  CHECK_THAT(geojson, Catch::Contains("KGZ9002"));
  CHECK_THAT(bm::test::slurp(dir / "rejected.csv"), Catch::Contains("KGZ9004"));
}

TEST_CASE("bordermap ingest writes into a pipe in place, never renaming over it", "[ingest][cli]") {
  auto dir = bm::test::scratch("cmd_ingest_fifo");
  auto fifo = dir / "pipe";
  REQUIRE(std::system(("mkfifo " + fifo.string()).c_str()) == 0);
  auto copy = dir / "copy.csv";
  std::string cmd = "cat " + fifo.string() + " >" + copy.string() + " & " +
                    std::string(BORDERMAP_BINARY) + " ingest " +
                    bm::test::data("ingest/ucdp_ged.csv") + " --no-country-check --allow-partial -o " +
                    fifo.string() + " 2>" + (dir / "err.txt").string() + "; rc=$?; wait; exit $rc";
  REQUIRE(std::system(("sh -c '" + cmd + "'").c_str()) == 0);
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK(bm::ingest::read(copy.string(), {}).incidents.size() == 3);
}

TEST_CASE("bordermap ingest reads a GeoJSON from stdin", "[ingest][cli]") {
  auto dir = bm::test::scratch("cmd_ingest_stdin_geojson");
  // One line, commas included: must not be taken for CSV.
  std::ofstream(dir / "in.geojson")
      << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": )"
      << R"({"date": "2022-09-16", "place": "Ворух", "killed": 2}, "geometry": {"type": )"
      << R"("Point", "coordinates": [70.57694, 39.85333]}}]})" << '\n';
  REQUIRE(run("ingest - --no-country-check -o " + (dir / "out.csv").string() + " <" +
                  (dir / "in.geojson").string(),
              dir / "err.txt") == 0);
  auto t = bm::ingest::read((dir / "out.csv").string(), {});
  REQUIRE(t.incidents.size() == 1);
  CHECK(t.incidents[0].place == "Ворух");
  CHECK(t.incidents[0].claims.at(0).claimant == "stdin");
}
