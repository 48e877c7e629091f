// The bulk-loaded GeoPackage R-tree against the one GDAL builds itself:
// same rows and boxes, same triggers and extension row, a valid tree
// (SQLite's own rtreecheck), and spatial filters answering as GDAL's.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <random>

#include "export/gpkg_rtree.hpp"
#include "geodata/gdal.hpp"
#include "support.hpp"

namespace {

// Rows: SQL results as text, one string per row.
std::vector<std::string> rows(const std::string& path, const std::string& sql) {
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

// Points (repeated, negative, across the antimeridian's sides), lines with
// an envelope, an empty and a null geometry; enough rows for a three-level
// tree (51 cells a node).
void write_layer(const std::string& path, bool gdal_index) {
  bm::gdal::init();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(ds);
  const char* lco[] = {"GEOMETRY_NAME=geom", "FID=fid",
                       gdal_index ? "SPATIAL_INDEX=YES" : bm::kNoSpatialIndex, nullptr};
  OGRLayer* l = ds->CreateLayer("places", nullptr, wkbUnknown, const_cast<char**>(lco));
  REQUIRE(l);
  std::mt19937 random(21);
  std::uniform_real_distribution<double> lon(-180, 180), lat(-90, 90);
  REQUIRE(ds->StartTransaction() == OGRERR_NONE);
  for (int k = 0; k < 6000; ++k) {
    OGRFeature f(l->GetLayerDefn());
    if (k % 1000 == 7) {
      f.SetGeometryDirectly(new OGRPoint());  // empty: not indexed
    } else if (k % 1000 == 8) {
      // null geometry: not indexed
    } else if (k % 10 == 3) {
      auto* line = new OGRLineString();
      line->addPoint(lon(random), lat(random));
      line->addPoint(lon(random), lat(random));
      f.SetGeometryDirectly(line);
    } else {
      double x = k % 97 == 0 ? 71.1 : lon(random), y = k % 97 == 0 ? 40.3 : lat(random);
      f.SetGeometryDirectly(new OGRPoint(x, y));
    }
    REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
  }
  REQUIRE(ds->CommitTransaction() == OGRERR_NONE);
  ds.reset();
  if (!gdal_index) bm::add_spatial_indexes(path, path);
}

std::vector<GIntBig> fids_in(const std::string& path, double x0, double y0, double x1, double y1) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayer(0);
  l->SetSpatialFilterRect(x0, y0, x1, y1);
  std::vector<GIntBig> out;
  for (auto& f : *l) out.push_back(f->GetFID());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("GeoPackage R-tree bulk-loaded as GDAL would index it", "[export][gpkg][rtree]") {
  auto dir = bm::test::scratch("gpkg_rtree");
  const std::string ref = (dir / "gdal.gpkg").string(), ours = (dir / "ours.gpkg").string();
  write_layer(ref, true);
  write_layer(ours, false);

  const std::string boxes = "SELECT id, minx, maxx, miny, maxy FROM rtree_places_geom ORDER BY id";
  CHECK(rows(ours, "SELECT count(*) FROM rtree_places_geom") == std::vector<std::string>{"5988|"});
  CHECK(rows(ours, boxes) == rows(ref, boxes));
  const std::string schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name";
  CHECK(rows(ours, schema) == rows(ref, schema));
  const std::string extensions =
      "SELECT * FROM gpkg_extensions ORDER BY table_name, extension_name";
  CHECK(rows(ours, extensions) == rows(ref, extensions));
  CHECK(rows(ours, "SELECT rtreecheck('rtree_places_geom')") == std::vector<std::string>{"ok|"});
  const std::string root_depth =
      "SELECT hex(substr(data, 1, 2)) FROM rtree_places_geom_node WHERE nodeno = 1";
  CHECK(rows(ours, root_depth) == std::vector<std::string>{"0002|"});  // three levels

  for (auto [x0, y0, x1, y1] : {std::array{-10.0, -10.0, 10.0, 10.0},
                                {71.0, 40.0, 71.2, 40.5},
                                {-180.0, -90.0, -170.0, 90.0},
                                {100.0, 50.0, 101.0, 51.0}}) {
    auto found = fids_in(ours, x0, y0, x1, y1);
    CHECK(found == fids_in(ref, x0, y0, x1, y1));
    CHECK(!found.empty());
  }
}

TEST_CASE("A bulk-loaded GeoPackage R-tree takes later edits through GDAL's triggers",
          "[export][gpkg][rtree]") {
  auto dir = bm::test::scratch("gpkg_rtree_edit");
  const std::string path = (dir / "ours.gpkg").string();
  write_layer(path, false);
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayer(0);
    REQUIRE(ds->StartTransaction() == OGRERR_NONE);
    for (int k = 0; k < 3000; ++k) {  // splits full nodes
      OGRFeature f(l->GetLayerDefn());
      f.SetGeometryDirectly(new OGRPoint(-0.5 + k * 1e-4, 0.25));
      REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
    }
    REQUIRE(l->DeleteFeature(1) == OGRERR_NONE);
    REQUIRE(ds->CommitTransaction() == OGRERR_NONE);
  }
  CHECK(rows(path, "SELECT rtreecheck('rtree_places_geom')") == std::vector<std::string>{"ok|"});
  CHECK(rows(path, "SELECT count(*) FROM rtree_places_geom") == std::vector<std::string>{"8987|"});
  CHECK(fids_in(path, -0.5, 0.2, -0.2, 0.3).size() == 3000);
}
