// The streaming export against the whole-table one (run_chain + export_to)
// on a table of several blocks: the same bytes for GeoJSON, the same
// features for GeoPackage; and the fallback when a later block brings a
// value the first block's column type cannot hold.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "export/export.hpp"
#include "geodata/gdal.hpp"
#include "golden/golden_support.hpp"
#include "pipeline/export_stream.hpp"
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
  bm::ExportOptions e;  // every layer; the links go through the temporary file
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
    REQUIRE(r.links > 0);
    if (std::string(ext) == ".geojson") {
      for (const char* file : {"", "_border_segments", "_links", "_countries"}) {
        auto name = [&](const char* stem) { return dir / (stem + std::string(file) + ext); };
        CHECK(bm::test::slurp(name("streamed")) == bm::test::slurp(name("whole")));
      }
    } else {
      for (const char* layer : {"incidents", "border_segments", "links", "countries"})
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

TEST_CASE("streaming export: applies to files, with or without a border", "[export][stream]") {
  bm::ChainOptions o;
  o.inputs = {"a.csv"};
  o.filter.border = "KG-TJ";
  bm::ExportOptions all;
  CHECK(bm::can_stream_export(o, "x.geojson", all));
  all.layers = bm::parse_layers("links,countries");
  CHECK_FALSE(bm::can_stream_export(o, "x.geojson", all));
  bm::ExportOptions e = layers_without_links();
  CHECK(bm::can_stream_export(o, "x.geojson", e));
  CHECK(bm::can_stream_export(o, "x.gpkg", e));
  CHECK(bm::can_stream_export(o, "x.csv", e));
  o.inputs = {"a.csv", "b.fgb"};
  CHECK(bm::can_stream_export(o, "x.gpkg", e));
  o.filter.border.clear();  // small (here: missing) files keep the whole-table path
  CHECK_FALSE(bm::can_stream_export(o, "x.gpkg", e));
  o.inputs = {"a.csv", "-"};
  CHECK_FALSE(bm::can_stream_export(o, "x.gpkg", e));
  o.inputs = {"PG:dbname=x"};
  CHECK_FALSE(bm::can_stream_export(o, "x.gpkg", e));
}

// Two inputs read in turn, the second after the first's blocks: the same
// files as the whole table.
TEST_CASE("streaming export: two inputs, same files as the whole table", "[export][stream]") {
  bm::gdal::init();
  auto dir = bm::test::scratch("export_stream_two");
  const std::size_t rows = bm::kExportBlockRows + 77;
  fs::path first = point_table(dir, rows, rows);
  fs::path second = dir / "more.csv";
  {
    std::ofstream out(second);
    out << "id,lon,lat,fatalities,label,note\n"
           "q1,70.9,40.1,3,Other,5\nq2,60.5,45.0,1,Far from KG-TJ,6\nq3,,,2,Nowhere,7\n";
  }
  bm::ChainOptions o = chain_options(first);
  o.inputs.push_back(second.string());
  bm::ExportOptions e;
  bm::Chain chain = bm::run_chain(o);
  fs::path whole = dir / "whole.geojson", streamed = dir / "streamed.geojson";
  bm::export_to(whole.string(), chain.data, e);
  REQUIRE(bm::can_stream_export(o, streamed.string(), e));
  bm::StreamedExport r;
  REQUIRE(bm::stream_export(o, streamed.string(), e, r));
  CHECK(r.incidents_read == rows + 3);
  CHECK(r.rejected.size() == chain.rejected.size());
  for (const char* file : {"", "_border_segments", "_links", "_countries"}) {
    INFO(file);
    auto name = [&](const char* stem) { return dir / (stem + std::string(file) + ".geojson"); };
    CHECK(bm::test::slurp(name("streamed")) == bm::test::slurp(name("whole")));
  }
  // CSV: the header and one row per incident, the same bytes.
  fs::path whole_csv = dir / "whole.csv", streamed_csv = dir / "streamed.csv";
  bm::export_to(whole_csv.string(), chain.data, e);
  REQUIRE(bm::can_stream_export(o, streamed_csv.string(), e));
  bm::StreamedExport rc;
  REQUIRE(bm::stream_export(o, streamed_csv.string(), e, rc));
  const std::string text = bm::test::slurp(streamed_csv);
  CHECK(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) == rc.incidents + 1);
  CHECK(text == bm::test::slurp(whole_csv));
  // The ACLED flavour too: countries named as the whole table names them.
  fs::path whole_acled = dir / "whole_acled.csv", streamed_acled = dir / "streamed_acled.csv";
  bm::export_to(whole_acled.string(), chain.data, e, bm::CsvFlavour::acled);
  bm::ExportOptions acled = e;
  acled.flavour = bm::CsvFlavour::acled;
  bm::StreamedExport ra;
  REQUIRE(bm::stream_export(o, streamed_acled.string(), acled, ra));
  const std::string acled_text = bm::test::slurp(streamed_acled);
  CHECK(acled_text.rfind("event_id_cnty,", 0) == 0);
  CHECK(acled_text.find(",Kyrgyzstan,") != std::string::npos);
  CHECK(acled_text == bm::test::slurp(whole_acled));
}

// Without --border the stream links every land border of the world and
// chooses the border shown at the end; the whole-table chain links the
// borders near the table. The same border, segments layer, countries and
// links (segment, kind, distance) must come out; only the nearest point's
// last digits may differ (export_stream.hpp, kStreamWorldBytes).
TEST_CASE("streaming export: no --border chooses the border the whole table chooses",
          "[export][stream]") {
  bm::gdal::init();
  auto dir = bm::test::scratch("export_stream_world");
  const std::size_t rows = bm::kExportBlockRows + 77;
  bm::ChainOptions o;
  o.inputs = {point_table(dir, rows, rows).string()};
  bm::ExportOptions e;
  bm::Chain chain = bm::run_chain(o);
  fs::path whole = dir / "whole.gpkg", streamed = dir / "streamed.gpkg";
  bm::export_to(whole.string(), chain.data, e);
  bm::StreamedExport r;
  REQUIRE(bm::stream_export(o, streamed.string(), e, r));
  CHECK(r.links == chain.data.links.size());
  for (const char* layer : {"border_segments", "countries"})
    CHECK(features_of(streamed, layer) == features_of(whole, layer));
  auto link_rows = [](const fs::path& gpkg) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    std::vector<std::string> out;
    for (auto& f : *ds->GetLayerByName("links")) {
      std::string row;  // one field at a time: GDAL reuses its string buffer
      for (const char* field : {"incident_id", "kind", "segment_id", "distance_m"})
        row += std::string(f->GetFieldAsString(field)) + "|";
      out.push_back(row);
    }
    return out;
  };
  const auto links = link_rows(streamed);
  CHECK(links.size() > rows);
  CHECK(links == link_rows(whole));
}

TEST_CASE("streaming export: a table spread over continents links as the whole table does",
          "[export][stream]") {
  // Sea points 350 km from Norway–Russia and one by Vorukh: the rows near
  // the first block's box do not hold the sea points' nearest border.
  bm::gdal::init();
  auto dir = bm::test::scratch("export_stream_spread");
  std::ofstream(dir / "t.csv") << "id,lon,lat\nsea1,39.9,70.5\nvorukh,70.5,39.9\nsea2,40.2,71.0\n";
  bm::ChainOptions o;
  o.inputs = {(dir / "t.csv").string()};
  bm::ExportOptions e;
  e.layers = bm::parse_layers("incidents,links");
  bm::StreamedExport r;
  REQUIRE(bm::stream_export(o, (dir / "s.gpkg").string(), e, r));
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "s.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  std::size_t sea = 0;
  for (auto& f : *ds->GetLayerByName("links")) {
    const std::string id = f->GetFieldAsString("incident_id");
    const std::string segment = f->GetFieldAsString("segment_id");
    const std::string kind = f->GetFieldAsString("kind");
    if (id.rfind("sea", 0) == 0 && kind == "nearest") {
      CHECK(segment.rfind("NO-RU", 0) == 0);
      ++sea;
    }
  }
  CHECK(sea == 2);
}
