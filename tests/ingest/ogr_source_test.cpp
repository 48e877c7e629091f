#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "core/error.hpp"
#include "ingest/ingest.hpp"
#include "support.hpp"

namespace {

// Makes a one-layer dataset with GDAL's own ogr2ogr from a CSV whose WKT
// column holds the geometry (empty: none); the other columns' types are
// detected (dates, integers), as an analyst's export would have them.
void write_source(const std::filesystem::path& path, const char* driver, const std::string& csv,
                  const std::string& srs = "-a_srs EPSG:4326") {
  auto src = path.parent_path() / (path.stem().string() + "_src.csv");
  std::ofstream(src, std::ios::binary) << csv;
  auto log = path.parent_path() / "ogr2ogr.log";
  std::string cmd = std::string("ogr2ogr -f \"") + driver + "\" " + path.string() + " " +
                    src.string() +
                    " -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO -oo AUTODETECT_TYPE=YES"
                    " -nln incidents -lco ENCODING=UTF-8 " +
                    srs + " >" + log.string() + " 2>&1";
  int rc = std::system(cmd.c_str());
  INFO(cmd << "\n" << bm::test::slurp(log));
  REQUIRE(rc == 0);
}

const char* kAnalystCsv =
    "WKT,EVENT_DT,LOC,KILLED,REMARKS\n"
    "POINT (70.53583 39.94972),14.09.2022,Кёк-Таш,2,\"shots, \"\"heavy\"\"\nat dawn\"\n"
    "POINT (70.57694 39.85333),16 September 2022,Ворух,,\n"
    "POINT (70.81667 40.05),2022-09-99,Batken,1,\n";

}  // namespace

TEST_CASE("OGR sources are read with mapped fields, in every common format", "[ingest][ogr]") {
  auto dir = bm::test::scratch("ingest_ogr_formats");
  struct Case {
    const char* driver;
    const char* file;
  };
  const Case cases[] = {{"GPKG", "events.gpkg"},
                        {"GeoJSON", "events.geojson"},
                        {"ESRI Shapefile", "events.shp"},
                        {"FlatGeobuf", "events.fgb"},
                        {"LIBKML", "events.kml"}};
  bm::ingest::Options o;
  o.field_map = bm::ingest::parse_field_map("date=EVENT_DT, place=LOC,killed=KILLED,notes=REMARKS");
  for (const auto& c : cases) {
    SECTION(c.driver) {
      std::string path = (dir / c.file).string();
      write_source(path, c.driver, kAnalystCsv);
      auto in = bm::ingest::open_input(path);
      CHECK(std::string(bm::ingest::detect_format(in).name) == "ogr");
      auto t = bm::ingest::read(path, o);
      REQUIRE(t.incidents.size() == 2);
      const auto& a = t.incidents[0];
      CHECK(a.date.start == "2022-09-14");
      CHECK(a.date.precision == "day");
      CHECK(a.place == "Кёк-Таш");
      REQUIRE(a.location);
      CHECK(a.location->lon == Approx(70.53583));
      CHECK(a.location->lat == Approx(39.94972));
      CHECK(a.notes == "shots, \"heavy\"\nat dawn");
      REQUIRE(a.claims.size() == 1);
      CHECK(*a.claims[0].low == 2);
      CHECK(*a.claims[0].high == 2);
      CHECK(a.claims[0].claimant == c.file);
      CHECK(t.incidents[1].date.start == "2022-09-16");
      CHECK(t.incidents[1].place == "Ворух");
      CHECK(t.incidents[1].claims.empty());
      REQUIRE(t.rejected.size() == 1);
      CHECK(t.rejected[0].file == path);
      CHECK_THAT(t.rejected[0].reason, Catch::Contains("'EVENT_DT' is '2022-09-99'"));
    }
  }
}

TEST_CASE("common field names are found without --map, typed dates included", "[ingest][ogr]") {
  auto dir = bm::test::scratch("ingest_ogr_auto");
  const char* csv =
      "WKT,Date,place,fatalities,notes\n"
      ",2022-09-16,Batken,3,no coordinates: the gazetteer places it\n"
      "POINT (70.6 40.1),2022-09-17,,,coordinates only\n"
      ",2022-09-18,,,neither\n";
  for (const char* driver : {"GPKG", "GeoJSON"}) {
    SECTION(driver) {
      std::string path = (dir / (std::string(driver) == "GPKG" ? "a.gpkg" : "a.geojson")).string();
      write_source(path, driver, csv);
      auto t = bm::ingest::read(path, {});
      REQUIRE(t.incidents.size() == 2);
      CHECK(t.incidents[0].date.start == "2022-09-16");
      CHECK(t.incidents[0].place == "Batken");
      CHECK_FALSE(t.incidents[0].location);
      CHECK(*t.incidents[0].claims.at(0).low == 3);
      CHECK(t.incidents[1].location->lon == Approx(70.6));
      REQUIRE(t.rejected.size() == 1);
      CHECK_THAT(t.rejected[0].reason, Catch::Contains("cannot be located"));
    }
  }
}

TEST_CASE("a projected source is read back in WGS84 degrees", "[ingest][ogr]") {
  auto dir = bm::test::scratch("ingest_ogr_utm");
  std::string path = (dir / "utm.shp").string();
  write_source(path, "ESRI Shapefile", kAnalystCsv,
               "-s_srs EPSG:4326 -t_srs EPSG:32642");  // UTM 42N
  bm::ingest::Options o;
  o.field_map = bm::ingest::parse_field_map("date=EVENT_DT,place=LOC");
  auto t = bm::ingest::read(path, o);
  REQUIRE(t.incidents.size() == 2);
  CHECK(t.incidents[0].location->lon == Approx(70.53583).margin(1e-6));
  CHECK(t.incidents[0].location->lat == Approx(39.94972).margin(1e-6));
  // REMARKS is a common name for notes: found without --map.
  CHECK(t.incidents[0].notes == "shots, \"heavy\"\nat dawn");
}

TEST_CASE("an analyst's CSV with its own column names is read through --map", "[ingest][ogr]") {
  bm::ingest::Options o;
  o.field_map = bm::ingest::parse_field_map(
      "date=EVENT_DT,place=LOC,admin1=OBLAST,lon=LON_DD,lat=LAT_DD,killed=KILLED,sources=SRC,"
      "notes=REMARKS");
  std::string path = bm::test::data("ingest/generic.csv");
  CHECK(std::string(bm::ingest::detect_format(bm::ingest::open_input(path)).name) == "ogr");
  auto t = bm::ingest::read(path, o);
  REQUIRE(t.incidents.size() == 2);
  CHECK(t.incidents[0].place == "Кёк-Таш");
  CHECK(t.incidents[0].admin1 == "Batken");
  CHECK(t.incidents[0].location->lat == Approx(39.94972));
  CHECK(t.incidents[0].claims.at(0).claimant == "24.kg");
  CHECK(t.incidents[1].place == "Ворух");
  REQUIRE(t.rejected.size() == 1);
  CHECK_THAT(t.rejected[0].reason, Catch::Contains("2022-09-99"));
}

TEST_CASE("a mapped field the source lacks is refused with the fields it has", "[ingest][ogr]") {
  bm::ingest::Options o;
  o.field_map = {{"date", "NO_SUCH"}};
  CHECK_THROWS_AS(bm::ingest::read(bm::test::data("ingest/generic.csv"), o), bm::UsageError);
  CHECK_THROWS_WITH(bm::ingest::read(bm::test::data("ingest/generic.csv"), o),
                    Catch::Contains("its fields are: EVENT_DT, LOC"));
  CHECK_THROWS_AS(bm::ingest::parse_field_map("when=EVENT_DT"), bm::UsageError);
  CHECK_THROWS_AS(bm::ingest::parse_field_map("date"), bm::UsageError);
}
