// The incidents written into a GeoPackage through SQLite directly (the
// streaming writer, gpkg_rows.hpp) against GDAL's own driver writing the
// same incidents (the whole-table writer): every feature equal as GDAL reads
// it, every value of the same SQLite type, the same metadata rows (extent,
// feature count, triggers), on awkward values.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <climits>
#include <random>

#include "export/gpkg.hpp"
#include "export/gpkg_rows.hpp"
#include "export/stream.hpp"
#include "geodata/gdal.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> rows(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::vector<std::string> out;
  auto add = [](void* to, int n, char** values, char**) {
    std::string row;
    for (int k = 0; k < n; ++k) row += std::string(values[k] ? values[k] : "NULL") + "|";
    static_cast<std::vector<std::string>*>(to)->push_back(row);
    return 0;
  };
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), add, &out, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(sql << ": " << message);
  REQUIRE(rc == SQLITE_OK);
  return out;
}

// Every feature as GDAL reads it: geometry, then each field's type and value.
std::vector<std::string> features(const fs::path& gpkg) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName("incidents");
  REQUIRE(l);
  std::vector<std::string> out;
  for (auto& f : *l) {
    char* wkt = nullptr;
    f->GetGeometryRef()->exportToWkt(&wkt);
    std::string row = std::to_string(f->GetFID()) + " " + wkt;
    CPLFree(wkt);
    for (int k = 0; k < f->GetFieldCount(); ++k)
      row += std::string("|") + OGRFieldDefn::GetFieldTypeName(f->GetFieldDefnRef(k)->GetType()) +
             ":" + (f->IsFieldNull(k) ? "NULL" : f->GetFieldAsString(k));
    out.push_back(row);
  }
  return out;
}

bm::Claim claim(const std::string& kind, std::optional<long> low, std::optional<long> high,
                const std::string& claimant) {
  bm::Claim c;
  c.kind = kind, c.low = low, c.high = high, c.claimant = claimant;
  c.side = "KG", c.source = "a \"quoted\" source\\n";
  return c;
}

// Incidents with every kind of value the incidents layer holds.
bm::ExportData awkward() {
  bm::ExportData d;
  std::mt19937 random(21);
  std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90);
  for (int n = 0; n < 300; ++n) {
    bm::Incident i;
    i.id = "i" + std::to_string(n);
    i.location = bm::LonLat{lon(random), lat(random)};
    i.date.start = n % 5 == 0 ? "" : n % 7 == 0 ? "2022-9-1" : "2022-09-14";
    i.date.end = n % 3 == 0 ? "2022-09-16" : "";
    i.date.precision = "day";
    i.place = n % 2 ? "Ak-Sai \xD0\x90\xD0\xBA-\xD0\xA1\xD0\xB0\xD0\xB9" : "";
    i.country = "KG";
    i.precision = static_cast<bm::GeoPrecision>(n % 4);
    i.actors = {"Kyrgyz border guards", "Tajik \"army\""};
    if (n % 4 == 1) {
      i.claims.push_back(claim("killed", 24, 100, "Health\tministry\x01"));
      i.claims.push_back(claim("injured", std::nullopt, 3000000000L, "x"));
      i.claims.back().approx = true, i.claims.back().best = 7, i.claims.back().group = "civilians";
      i.claims.back().quote = "\"about 3,000\" / \xE2\x80\x94", i.claims.back().scope = "event";
    }
    i.sources = {"a.csv"};
    i.notes = n % 6 ? "" : "line one\nline two";
    i.source_fields["ogr.fatalities"] = n % 9 ? std::to_string(n % 13) : "";
    i.source_fields["ogr.share"] = n % 8 ? std::to_string(n * 0.125) + "  " : "1e3";
    i.source_fields["ogr.label"] = "Label " + std::to_string(n) + (n % 10 ? "" : ", \"x\"");
    d.incidents.push_back(i);
    if (n >= 290) continue;  // the last ten are not linked
    bm::Link k;
    k.incident_id = i.id;
    k.country = n % 2 ? "KG" : "TJ";
    k.in_enclave = n % 11 == 0;
    k.within_zone = n % 3 == 0;
    k.segment_id = n % 17 ? "KG-TJ-0" + std::to_string(n % 10) : "";
    k.distance_m = 1234.5678 * n;
    if (n % 5 == 2) k.disputed_segment_id = "KG-TJ-099", k.disputed_distance_m = n * 10.04;
    d.links.push_back(k);
  }
  return d;
}

}  // namespace

TEST_CASE("GeoPackage incidents written by SQLite hold what GDAL's driver writes",
          "[export][gpkg][stream]") {
  bm::gdal::init();
  auto dir = bm::test::scratch("gpkg_rows");
  bm::ExportData d = awkward();
  bm::ExportOptions o;
  o.layers = {bm::ExportLayer::incidents};
  const fs::path gdal = dir / "gdal.gpkg", ours = dir / "ours.gpkg";
  bm::write_gpkg(gdal.string(), d, o);
  auto user = bm::user_fields(d.incidents, bm::incident_field_names());
  REQUIRE(user.size() == 3);
  auto stream = bm::open_export_stream(ours.string(), o, user);
  const std::size_t half = 150;  // two blocks
  stream->write({d.incidents.data(), half}, {d.links.data(), half});
  stream->write({d.incidents.data() + half, d.incidents.size() - half},
                {d.links.data() + half, d.links.size() - half});
  stream->finish(d);

  CHECK(features(ours) == features(gdal));
  const std::string typed =
      "SELECT fid, quote(geom), typeof(date_start), typeof(date_end), typeof(place), "
      "typeof(geo_precision), typeof(injured_high), injured_high, typeof(distance_m), "
      "typeof(in_enclave), typeof(fatalities), typeof(share), share, typeof(label), claims "
      "FROM incidents ORDER BY fid";
  CHECK(rows(ours, typed) == rows(gdal, typed));
  for (const char* sql :
       {"SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, "
        "srs_id FROM gpkg_contents ORDER BY table_name",
        "SELECT * FROM gpkg_ogr_contents ORDER BY table_name",
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
        "SELECT * FROM gpkg_extensions ORDER BY table_name, extension_name",
        "SELECT * FROM gpkg_data_columns"})
    CHECK(rows(ours, sql) == rows(gdal, sql));
  CHECK(rows(ours, "SELECT count(*) FROM incidents") == std::vector<std::string>{"300|"});
  CHECK(rows(ours, "SELECT max(injured_high) FROM incidents") ==
        std::vector<std::string>{std::to_string(INT_MAX) + "|"});  // clamped as GDAL does
}

TEST_CASE("GeoPackage point blob is GDAL's: GP header without envelope, then WKB",
          "[export][gpkg]") {
  const std::string b = bm::gpkg_point_blob(71.5, -40.25);
  REQUIRE(b.size() == 29);
  CHECK(b.substr(0, 4) == std::string("GP\x00\x01", 4));
  CHECK(b.substr(4, 4) == std::string("\xE6\x10\x00\x00", 4));  // 4326
  CHECK(b.substr(8, 5) == std::string("\x01\x01\x00\x00\x00", 5));
}
