#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "ingest/ingest.hpp"
#include "support.hpp"

namespace {
std::string detected(const std::string& fixture) {
  return bm::ingest::detect_format(bm::ingest::open_input(bm::test::data(fixture))).name;
}
}  // namespace

TEST_CASE("the format is told from the content", "[ingest][detect]") {
  CHECK(detected("ingest/acled_2023.csv") == "acled");
  CHECK(detected("ingest/acled_legacy.csv") == "acled");
  CHECK(detected("ingest/ucdp_ged.csv") == "ucdp");
  CHECK(detected("incidents_small.csv") == "bordermap");
  CHECK(detected("ingest/generic.csv") == "ogr");
  CHECK(detected("../../geodata/bordermap.gpkg") == "ogr");  // by its SQLite magic
}

TEST_CASE("the extension does not decide the format", "[ingest][detect]") {
  auto dir = bm::test::scratch("ingest_detect");
  auto path = dir / "export.txt";
  std::filesystem::copy_file(bm::test::data("ingest/ucdp_ged.csv"), path);
  CHECK(std::string(bm::ingest::detect_format(bm::ingest::open_input(path.string())).name) ==
        "ucdp");
}

TEST_CASE("an explicit format wins over detection", "[ingest][detect]") {
  bm::ingest::Options o;
  o.format = "bordermap";
  // An ACLED file read as our schema fails for want of our columns.
  CHECK_THROWS_WITH(bm::ingest::read(bm::test::data("ingest/acled_2023.csv"), o),
                    Catch::Contains("no column 'id'"));
  o.format = "ogr";
  o.field_map = bm::ingest::parse_field_map("id=event_id_cnty,date=event_date,place=location");
  auto t = bm::ingest::read(bm::test::data("ingest/acled_2023.csv"), o);
  CHECK(t.incidents.size() + t.rejected.size() == 6);
  CHECK(t.incidents.at(0).id == "KGZ9001");
  CHECK(t.incidents.at(0).claims.at(0).claimant == "24.kg");  // a generic source's own figure
  // Fields neither mapped nor commonly named are kept, not lost.
  CHECK(t.incidents.at(0).source_fields.at("ogr.sub_event_type") == "Armed clash");
  o.format = "spreadsheet";
  CHECK_THROWS_AS(bm::ingest::read(bm::test::data("ingest/acled_2023.csv"), o), bm::UsageError);
}

TEST_CASE("a missing input is a data error naming the path", "[ingest][detect]") {
  CHECK_THROWS_WITH(bm::ingest::read("/nonexistent/x.csv", {}),
                    Catch::Contains("/nonexistent/x.csv") && Catch::Contains("cannot open"));
}
