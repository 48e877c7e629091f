// `report`'s exports written in blocks (export/blocks.hpp) against the
// whole-table writers on the same linked table: the same GeoJSON bytes, the
// same GeoPackage fields and features, the same paths; a column whose text
// appears only in the last block is typed from every row, as before.
#include <catch2/catch.hpp>

#include <fstream>

#include "export/blocks.hpp"
#include "export/export.hpp"
#include "geodata/gdal.hpp"
#include "pipeline/chain.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// id,lon,lat,fatalities,note over the KG-TJ border; the last row's note is
// text, the others numbers; every 1000th row has no location.
fs::path table(const fs::path& dir, std::size_t rows) {
  fs::path p = dir / "points.csv";
  std::ofstream out(p);
  out << "id,lon,lat,fatalities,note\n";
  for (std::size_t i = 0; i < rows; ++i) {
    double lon = 69.0 + 5.0 * static_cast<double>((i * 7919) % 10007) / 10007.0;
    double lat = 39.0 + 2.5 * static_cast<double>((i * 104729) % 9973) / 9973.0;
    out << "b" << i << ',';
    if (i % 1000 == 999)
      out << ",,";
    else
      out << lon << ',' << lat << ',';
    out << i % 7 << ',' << (i + 1 == rows ? std::string("n/a") : std::to_string(i % 100)) << '\n';
  }
  return p;
}

// Every field's name and type, then every feature's geometry and fields.
std::vector<std::string> layer_text(const fs::path& gpkg, const char* layer) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName(layer);
  REQUIRE(l);
  std::vector<std::string> out;
  const OGRFeatureDefn* defn = l->GetLayerDefn();
  for (int k = 0; k < defn->GetFieldCount(); ++k)
    out.push_back(std::string(defn->GetFieldDefn(k)->GetNameRef()) + ":" +
                  OGRFieldDefn::GetFieldTypeName(defn->GetFieldDefn(k)->GetType()));
  for (auto& f : *l) {
    char* wkt = nullptr;
    if (f->GetGeometryRef()) f->GetGeometryRef()->exportToWkt(&wkt);
    std::string row = wkt ? wkt : "";
    CPLFree(wkt);
    for (int k = 0; k < f->GetFieldCount(); ++k) row += std::string("|") + f->GetFieldAsString(k);
    out.push_back(row);
  }
  return out;
}

}  // namespace

TEST_CASE("report's exports in blocks: the same files as the whole-table writers",
          "[export][stream][report]") {
  bm::gdal::init();
  auto dir = bm::test::scratch("export_blocks");
  const std::size_t rows = bm::kBlockRows * 2 + 77;  // three blocks
  bm::ChainOptions o;
  o.inputs = {table(dir, rows).string()};
  o.filter.border = "KG-TJ";
  bm::Chain chain = bm::run_chain(o);
  REQUIRE(bm::links_in_order(chain.data));
  REQUIRE(chain.data.links.size() > bm::kBlockRows * 2);
  for (const char* ext : {".geojson", ".gpkg", ".csv"}) {
    INFO(ext);
    auto name = [&](const char* stem, const char* layer) {
      return dir / (stem + std::string(layer) + ext);
    };
    auto whole = bm::export_to(name("whole", "").string(), chain.data);
    auto blocks = bm::export_in_blocks(name("blocks", "").string(), chain.data);
    REQUIRE(blocks.size() == whole.size());
    for (std::size_t k = 0; k < whole.size(); ++k)
      CHECK(fs::path(blocks[k]).filename().string().substr(6) ==
            fs::path(whole[k]).filename().string().substr(5));
    if (std::string(ext) == ".gpkg") {
      auto fields = layer_text(name("blocks", ""), "incidents");
      CHECK(std::find(fields.begin(), fields.end(), "note:String") != fields.end());
      for (const char* layer : {"incidents", "border_segments", "links", "countries"})
        CHECK(layer_text(name("blocks", ""), layer) == layer_text(name("whole", ""), layer));
    } else {
      for (const char* layer : {"", "_border_segments", "_links", "_countries"})
        if (fs::exists(name("whole", layer)))
          CHECK(bm::test::slurp(name("blocks", layer)) == bm::test::slurp(name("whole", layer)));
    }
  }
}

TEST_CASE("links out of the chain's order are paired by id, not by position", "[export]") {
  bm::ExportData d;
  for (const char* id : {"a", "b", "c"}) {
    bm::Incident i;
    i.id = id;
    i.location = bm::LonLat{70.0, 40.0};
    d.incidents.push_back(i);
    bm::Link k;
    k.incident_id = id;
    d.links.push_back(k);
  }
  CHECK(bm::links_in_order(d));
  std::swap(d.links[0], d.links[2]);
  CHECK_FALSE(bm::links_in_order(d));
  std::swap(d.links[0], d.links[2]);
  d.links.pop_back();
  CHECK_FALSE(bm::links_in_order(d));  // "c" has none: not the chain's shape
}
