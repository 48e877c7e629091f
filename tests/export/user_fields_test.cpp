// What goes in comes out: the user's own columns survive every export with
// their names and a type read from their values.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "export/export.hpp"
#include "export/formats.hpp"
#include "export/user_fields.hpp"
#include "geodata/gdal.hpp"
#include "ingest/ingest.hpp"
#include "support.hpp"

namespace {

bm::Incident with_fields(const std::string& id, std::map<std::string, std::string> fields) {
  bm::Incident i;
  i.id = id;
  i.location = bm::LonLat{70.5, 39.9};
  i.source_fields = std::move(fields);
  return i;
}

const bm::UserField& named(const std::vector<bm::UserField>& all, const std::string& name) {
  for (const auto& f : all)
    if (f.name == name) return f;
  FAIL("no user field " << name);
  return all.front();
}

}  // namespace

TEST_CASE("user columns are typed integer, real or text from every value",
          "[export][user_fields]") {
  std::vector<bm::Incident> in = {
      with_fields("a", {{"ogr.count", "3"}, {"ogr.ratio", "1"}, {"ogr.code", "007"}}),
      with_fields("b", {{"ogr.count", "-12"}, {"ogr.ratio", "2.5"}, {"ogr.code", "8"}}),
      with_fields("c", {{"ogr.count", ""}, {"ogr.label", "x"}, {"bordermap.country_check", "?"}})};
  auto fields = bm::user_fields(in, bm::incident_field_names());
  CHECK(named(fields, "count").type == bm::UserFieldType::integer);
  CHECK(named(fields, "ratio").type == bm::UserFieldType::real);
  CHECK(named(fields, "code").type == bm::UserFieldType::text);  // "007" is a code
  CHECK(named(fields, "label").type == bm::UserFieldType::text);
  for (const auto& f : fields)
    CHECK(f.key.rfind("bordermap.", 0) != 0);  // our notes are not theirs
  CHECK(fields.size() == 4);
}

TEST_CASE("a user column named like one of ours is kept as source_<name>",
          "[export][user_fields]") {
  std::vector<bm::Incident> in = {with_fields("a", {{"acled.geo_precision", "3"}})};
  auto fields = bm::user_fields(in, bm::incident_field_names());
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].name == "source_geo_precision");
}

TEST_CASE("label and fatalities of a plain id,lon,lat table come out of GeoJSON, GPKG and CSV",
          "[export][user_fields]") {
  auto dir = bm::test::scratch("user_columns");
  std::ofstream(dir / "in.csv") << "id,lon,lat,fatalities,label\n"
                                   "1,70.5,39.9,3,alpha\n"
                                   "2,71.2,40.1,0,beta\n";
  bm::IncidentTable t = bm::ingest::read((dir / "in.csv").string(), {});
  REQUIRE(t.incidents.size() == 2);
  bm::ExportData d;
  d.incidents = t.incidents;

  bm::ExportOptions o;
  o.layers = {bm::ExportLayer::incidents};
  bm::export_to((dir / "out.geojson").string(), d, o);
  auto j = nlohmann::json::parse(bm::test::slurp(dir / "out.geojson"));
  const auto& p = j["features"][0]["properties"];
  CHECK(j["features"][0]["id"] == "1");
  CHECK(p["incident_id"] == "1");  // a property as well as the feature id
  CHECK(p["label"] == "alpha");
  CHECK(p["fatalities"] == 3);  // a number, not "3"
  CHECK(p["killed_low"] == 3);  // and ours beside it

  bm::export_to((dir / "out.gpkg").string(), d, o);
  auto ds = bm::gdal::open_vector((dir / "out.gpkg").string());
  OGRLayer* l = ds->GetLayerByName("incidents");
  REQUIRE(l);
  OGRFeatureDefn* defn = l->GetLayerDefn();
  REQUIRE(defn->GetFieldIndex("fatalities") >= 0);
  CHECK(defn->GetFieldDefn(defn->GetFieldIndex("fatalities"))->GetType() == OFTInteger64);
  REQUIRE(defn->GetFieldIndex("label") >= 0);
  CHECK(ds->GetLayerByName("links") == nullptr);  // --layers incidents only
  std::unique_ptr<OGRFeature> f(l->GetNextFeature());
  CHECK(std::string(f->GetFieldAsString("label")) == "alpha");

  bm::export_to((dir / "out.csv").string(), d, o);
  std::string csv = bm::test::slurp(dir / "out.csv");
  CHECK_THAT(csv.substr(0, csv.find('\n')), Catch::EndsWith(",fatalities,label"));
  CHECK_THAT(csv, Catch::Contains(",3,alpha\n"));
}

TEST_CASE("the layers option names layers in our order and refuses unknown ones",
          "[export][formats]") {
  auto l = bm::parse_layers("links,incidents");
  REQUIRE(l.size() == 2);
  CHECK(l[0] == bm::ExportLayer::incidents);  // incidents first whatever the order given
  CHECK(bm::parse_layers("segments")[0] == bm::ExportLayer::border_segments);
  CHECK_THROWS_AS(bm::parse_layers("incidents,roads"), bm::UsageError);
  bm::ExportOptions o;
  o.layers = {bm::ExportLayer::links};
  CHECK_THROWS_AS(bm::check_export_target("x.csv", o, bm::CsvFlavour::bordermap), bm::UsageError);
}

TEST_CASE("each output is taken by exactly one export format", "[export][formats]") {
  CHECK(std::string(bm::export_format_for("a/b.GeoJSON").name) == "geojson");
  CHECK(std::string(bm::export_format_for("b.gpkg").name) == "gpkg");
  CHECK(std::string(bm::export_format_for("b.csv").name) == "csv");
  for (const char* target : {"a.geojson", "a.json", "a.gpkg", "a.csv"}) {
    int takers = 0;
    for (const auto& f : bm::export_formats()) takers += f.accepts(target) ? 1 : 0;
    CHECK(takers == 1);
  }
  CHECK_THROWS_WITH(bm::export_format_for("a.shp"), Catch::Contains("gpkg"));
}
