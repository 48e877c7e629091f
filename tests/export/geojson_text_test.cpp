// Our streaming GeoJSON writer against GDAL's GeoJSON driver on the same
// incidents: the bytes must be the same (so switching writers changes no
// output), and GDAL must read our file back with every feature and value.
#include <catch2/catch.hpp>

#include <random>

#include "export/geojson.hpp"
#include "export/geojson_text.hpp"
#include "export/layers.hpp"
#include "geodata/gdal.hpp"
#include "support.hpp"

namespace {

// What the OGR incidents layer gives through GDAL's driver, as before.
std::string gdal_geojson(const std::string& path, const bm::ExportData& data, int precision) {
  bm::gdal::init();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  {
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    std::string prec = "COORDINATE_PRECISION=" + std::to_string(precision);
    const char* lco[] = {"RFC7946=YES", "WRITE_NAME=NO", "ID_FIELD=id", prec.c_str(), nullptr};
    bm::ExportOptions o;
    o.precision = precision;
    o.id_property = true;
    bm::write_layer(*ds, bm::ExportLayer::incidents, data, o, const_cast<char**>(lco));
  }
  return bm::test::slurp(path);
}

bm::Incident incident(const std::string& id, double lon, double lat) {
  bm::Incident i;
  i.id = id;
  i.location = bm::LonLat{lon, lat};
  i.date = {"2022-09-16", "2022-09-17", "range"};
  return i;
}

bm::ExportData tricky_data() {
  bm::ExportData d;
  auto a = incident("a/1 \"q\"", 70.8166712, 40.05);
  a.place = "Ворух\t\"x\"\\ / \x01\x1f end";
  a.notes = "line\nbreak\r\b\f \x7f é 漢";
  a.actors = {"KG army", "TJ/border guards"};
  a.precision = bm::GeoPrecision::near;
  a.claims.push_back({"killed", 24, std::nullopt, false, "KG", "", "MoH", "s", "", "event"});
  a.claims.push_back({"killed", 36, 36, true, "KG", "grp", "M\"oH", "s2", "q \"x\"", "conflict"});
  a.claims.back().best = 30;
  a.source_fields["ogr.fatalities"] = "12";
  a.source_fields["ogr.label"] = "Incident / 1";
  a.source_fields["ogr.score"] = "0.25";
  a.source_fields["ogr.code"] = "007";
  a.source_fields["ogr.geo_precision"] = "x";  // clashes with ours
  d.incidents.push_back(a);
  auto b = incident("b", -70.5, -33.4);
  b.date = {"", "", ""};
  b.source_fields["ogr.fatalities"] = " 3 ";
  b.source_fields["ogr.score"] = "-1e3";
  d.incidents.push_back(b);
  d.incidents.push_back(incident("c", 0, 0));
  d.incidents.push_back(incident("d", 180, -90));
  bm::Incident unlocated;
  unlocated.id = "unlocated";
  d.incidents.push_back(unlocated);
  bm::Link k;
  k.incident_id = "a/1 \"q\"";
  k.segment_id = "KG-TJ-002";
  k.distance_m = 8448.24;
  k.disputed_segment_id = "kg-tj-x";
  k.disputed_distance_m = 0;
  k.country = "KG";
  k.within_zone = true;
  d.links.push_back(k);
  k.incident_id = "c";
  k.segment_id.clear();
  k.disputed_distance_m = 123456789.06;
  d.links.push_back(k);
  return d;
}

}  // namespace

TEST_CASE("GeoJSON text writer: same bytes as GDAL's driver", "[export][geojson][geojson_text]") {
  auto dir = bm::test::scratch("geojson_text_same");
  bm::ExportData d = tricky_data();
  for (int precision : {0, 1, 5, 6, 8}) {
    INFO("precision " << precision);
    bm::ExportOptions o;
    o.precision = precision;
    auto ours = dir / ("ours_" + std::to_string(precision) + ".geojson");
    bm::write_geojson_layer(ours.string(), bm::ExportLayer::incidents, d, o);
    auto theirs = dir / ("gdal_" + std::to_string(precision) + ".geojson");
    CHECK(bm::test::slurp(ours) == gdal_geojson(theirs.string(), d, precision));
  }
}

TEST_CASE("GeoJSON text writer: random coordinates and figures as GDAL prints them",
          "[export][geojson][geojson_text]") {
  auto dir = bm::test::scratch("geojson_text_random");
  std::mt19937_64 rng(20261205);
  std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90), dist(0, 2e7);
  bm::ExportData d;
  for (int n = 0; n < 2000; ++n) {
    auto i = incident("i" + std::to_string(n), lon(rng), lat(rng));
    i.source_fields["ogr.value"] = std::to_string(dist(rng));
    d.incidents.push_back(i);
    bm::Link k;
    k.incident_id = i.id;
    k.segment_id = "s";
    k.distance_m = dist(rng);
    d.links.push_back(k);
  }
  bm::ExportOptions o;
  auto ours = dir / "ours.geojson";
  bm::write_geojson_layer(ours.string(), bm::ExportLayer::incidents, d, o);
  CHECK(bm::test::slurp(ours) == gdal_geojson((dir / "gdal.geojson").string(), d, 6));
}

TEST_CASE("GeoJSON text writer: an empty layer reads back", "[export][geojson][geojson_text]") {
  auto dir = bm::test::scratch("geojson_text_empty");
  bm::ExportData d;
  auto ours = dir / "ours.geojson";
  CHECK(bm::write_geojson_layer(ours.string(), bm::ExportLayer::incidents, d, {}) == 0);
  CHECK(bm::test::slurp(ours) == gdal_geojson((dir / "gdal.geojson").string(), d, 6));
}

TEST_CASE("GeoJSON text writer: GDAL reads every feature and value back",
          "[export][geojson][geojson_text]") {
  auto dir = bm::test::scratch("geojson_text_read");
  bm::ExportData d = tricky_data();
  auto path = (dir / "i.geojson").string();
  bm::write_geojson_layer(path, bm::ExportLayer::incidents, d, {});
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayer(0);
  REQUIRE(l->GetFeatureCount() == 4);
  std::unique_ptr<OGRFeature> f(l->GetNextFeature());
  CHECK(std::string(f->GetFieldAsString("place")) == d.incidents[0].place);
  CHECK(std::string(f->GetFieldAsString("notes")) == d.incidents[0].notes);
  CHECK(std::string(f->GetFieldAsString("incident_id")) == "a/1 \"q\"");
  CHECK(f->GetFieldAsInteger64("fatalities") == 12);
  CHECK(f->GetFieldAsDouble("score") == Approx(0.25));
  CHECK(std::string(f->GetFieldAsString("code")) == "007");
  CHECK(std::string(f->GetFieldAsString("source_geo_precision")) == "x");
  CHECK(f->GetFieldAsDouble("distance_m") == Approx(8448.2));
  CHECK(f->GetGeometryRef()->toPoint()->getX() == Approx(70.816671));
}

TEST_CASE("GeoJSON text writer: numbers", "[export][geojson_text]") {
  auto real = [](double v) {
    std::string s;
    bm::append_json_real(s, v);
    return s;
  };
  auto coord = [](double v, int decimals) {
    std::string s;
    bm::append_json_coord(s, v, decimals);
    return s;
  };
  CHECK(real(1022) == "1022.0");
  CHECK(real(2593531.058416) == "2593531.0584160001");  // 17 digits, as GDAL
  CHECK(real(8448.2) == "8448.2");
  CHECK(real(0.1 + 0.2) == "0.3");
  CHECK(coord(71, 6) == "71.0");
  CHECK(coord(70.81667, 6) == "70.81667");
  CHECK(coord(-0.000001, 6) == "-0.000001");
  CHECK(coord(71, 0) == "71");
}
