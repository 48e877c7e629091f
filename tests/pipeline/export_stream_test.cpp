// The streaming export against the whole-table one (run_chain + export_to)
// on a table of several blocks: the same bytes for GeoJSON, the same
// features for GeoPackage; and the fallback when a later block brings a
// value the first block's column type cannot hold.
#include <catch2/catch.hpp>

#include <fstream>

#include "export/export.hpp"
#include "geodata/gdal.hpp"
#include "pipeline/export_stream.hpp"
#include "golden/golden_support.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// id,lon,lat,fatalities,label over the KG-TJ border area, `rows` rows;
// from row `text_from` on, `fatalities_note` holds text instead of numbers.
fs::path point_table(const fs::path& dir, std::size_t rows, std::size_t text_from) {
  fs::path p = dir / "points.csv";
  std::ofstream out(p);
  out << "id,lon,lat,fatalities,label,note\n";
  for (std::size_t i = 0; i < rows; ++i) {
    double lon = 69.0 + 5.0 * static_cast<double>((i * 7919) % 10007) / 10007.0;
    double lat = 39.0 + 2.5 * static_cast<double>((i * 104729) % 9973) / 9973.0;
    out << "p" << i << ',' << lon << ',' << lat << ',' << i % 7 << ",Incident \"" << i << "\","
        << (i >= text_from ? "n/a" : std::to_string(i % 100)) << '\n';
  }
  return p;
}

bm::ChainOptions chain_options(const fs::path& input) {
  bm::ChainOptions o;
  o.inputs = {input.string()};
  o.filter.border = "KG-TJ";
  return o;
}

bm::ExportOptions layers_without_links() {
  bm::ExportOptions e;
  e.layers = bm::parse_layers("incidents,segments,countries");
  return e;
}

std::vector<std::string> features_of(const fs::path& gpkg, const char* layer) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::vector<std::string> out;
  for (auto& f : *ds->GetLayerByName(layer)) {
    char* wkt = nullptr;
    f->GetGeometryRef()->exportToWkt(&wkt);
    std::string row = wkt;
    CPLFree(wkt);
    for (int k = 0; k < f->GetFieldCount(); ++k) row += std::string("|") + f->GetFieldAsString(k);
    out.push_back(row);
  }
  return out;
}

}  // namespace

TEST_CASE("streaming export: same output as the whole-table export", "[export][stream]") {
  bm::gdal::init();
  auto dir = bm::test::scratch("export_stream_same");
  const std::size_t rows = bm::kExportBlockRows * 2 + 123;  // three blocks
  fs::path input = point_table(dir, rows, rows);
  bm::ChainOptions o = chain_options(input);
  bm::ExportOptions e = layers_without_links();
  bm::Chain chain = bm::run_chain(o);
  for (const char* ext : {".geojson", ".gpkg"}) {
    INFO(ext);
    fs::path whole = dir / (std::string("whole") + ext);
    fs::path streamed = dir / (std::string("streamed") + ext);
    bm::export_to(whole.string(), chain.data, e);
    REQUIRE(bm::can_stream_export(o, streamed.string(), e));
    bm::StreamedExport r;
    REQUIRE(bm::stream_export(o, streamed.string(), e, r));
    CHECK(r.incidents_read == rows);
    CHECK(r.incidents == chain.data.incidents.size());
    CHECK(r.links == chain.data.links.size());
    if (std::string(ext) == ".geojson") {
      for (const char* file : {"", "_border_segments", "_countries"}) {
        auto name = [&](const char* stem) { return dir / (stem + std::string(file) + ext); };
        CHECK(bm::test::slurp(name("streamed")) == bm::test::slurp(name("whole")));
      }
    } else {
      for (const char* layer : {"incidents", "border_segments", "countries"})
        CHECK(features_of(streamed, layer) == features_of(whole, layer));
    }
  }
}

TEST_CASE("streaming export: a later value that does not fit falls back, nothing committed",
          "[export][stream]") {
  auto dir = bm::test::scratch("export_stream_fallback");
  fs::path input = point_table(dir, bm::kExportBlockRows + 10, bm::kExportBlockRows + 5);
  bm::ChainOptions o = chain_options(input);
  bm::StreamedExport r;
  fs::path out = dir / "out.gpkg";
  CHECK_FALSE(bm::stream_export(o, out.string(), layers_without_links(), r));
  CHECK_FALSE(fs::exists(out));
  // The command then exports the whole table: the text value is kept.
  REQUIRE(bm::test::run_cli(
              "export " + input.string() + " --border KG-TJ --layers incidents -o " + out.string(),
              (dir / "log.txt").string()) == 0);
  GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName("incidents");
  int note = l->GetLayerDefn()->GetFieldIndex("note");
  REQUIRE(note >= 0);
  CHECK(l->GetLayerDefn()->GetFieldDefn(note)->GetType() == OFTString);
  l->SetAttributeFilter(("id = 'p" + std::to_string(bm::kExportBlockRows + 7) + "'").c_str());
  std::unique_ptr<OGRFeature> f(l->GetNextFeature());
  REQUIRE(f);
  CHECK(std::string(f->GetFieldAsString(note)) == "n/a");
}

TEST_CASE("streaming export: applies to one file, a border and no links layer",
          "[export][stream]") {
  bm::ChainOptions o;
  o.inputs = {"a.csv"};
  o.filter.border = "KG-TJ";
  bm::ExportOptions all;
  CHECK_FALSE(bm::can_stream_export(o, "x.geojson", all));  // links need the run's date
  bm::ExportOptions e = layers_without_links();
  CHECK(bm::can_stream_export(o, "x.geojson", e));
  CHECK(bm::can_stream_export(o, "x.gpkg", e));
  CHECK_FALSE(bm::can_stream_export(o, "x.csv", e));
  o.filter.border.clear();
  CHECK_FALSE(bm::can_stream_export(o, "x.gpkg", e));
}
