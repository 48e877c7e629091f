// Tables that used to lose or invent data without a word: a second record
// with the same id, a user's own columns (`date`, `killed`, `label`) next to
// ours, hexadecimal or infinite coordinates, a GeoJSON point off the globe,
// a spreadsheet whose every cell is text or whose first row is a title.
#include <catch2/catch.hpp>

#include <fstream>

#include "export/csv_export.hpp"
#include "io/incidents_csv.hpp"
#include "run_binary.hpp"
#include "support.hpp"

using bm::test::bad_input;
using bm::test::bordermap;
using bm::test::Run;

namespace {

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a repeated id rejects the second record with the line of the first", "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_dup_ids");
  Run r = bordermap("ingest " + bad_input("dup_ids.csv") + " -o -", dir);
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(has(r.err, "dup_ids.csv:4: u1: the id 'u1' is already used at line 2"));
  CHECK(has(r.out, "u1,2022-09-16,"));
  CHECK(has(r.out, "u2,2022-09-17,"));
  CHECK_FALSE(has(r.out, "2022-09-18"));
  r = bordermap("report " + bad_input("dup_ids.csv") + " -o " + (dir / "rep").string(), dir);
  CHECK(r.code == 1);
  CHECK(has(bm::test::slurp(dir / "rep" / "rejected.csv"), "dup_ids.csv,4,u1,"));
  r = bordermap("--allow-partial link " + bad_input("dup_ids.csv") + " -o -", dir);
  CHECK(r.code == 0);
}

TEST_CASE("a table with columns of the user's own keeps them and reads `date` and `killed`",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_own_columns");
  Run r = bordermap("ingest " + bad_input("own_columns.csv") + " -o -", dir);
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(has(r.out, "c1,2022-09-16,2022-09-16,"));  // `date`, day first, not dropped
  CHECK(has(r.out, R"(""kind"":""killed"",""low"":2)"));
  const auto geojson = dir / "e.geojson", csv = dir / "e.csv";
  REQUIRE(
      bordermap("export " + bad_input("own_columns.csv") + " -o " + geojson.string(), dir).code ==
      0);
  CHECK(has(bm::test::slurp(geojson), R"("label": "checked by AB")"));
  REQUIRE(bordermap("export " + bad_input("own_columns.csv") + " -o " + csv.string(), dir).code ==
          0);
  const std::string text = bm::test::slurp(csv);
  CHECK(has(text.substr(0, text.find('\n')), ",label"));
  CHECK(has(text, "checked by AB"));
}

TEST_CASE("the columns our writers append are the ones the reader knows as ours", "[io]") {
  for (const auto& c : bm::derived_csv_columns()) {
    INFO(c);
    CHECK(bm::is_our_incident_column(c));
  }
  CHECK_FALSE(bm::is_our_incident_column("date"));
  CHECK_FALSE(bm::is_our_incident_column("label"));
}

TEST_CASE("hexadecimal, infinite and off-the-globe coordinates are rejected, not read",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_coords_forms");
  Run r = bordermap("ingest " + bad_input("hex_coords.csv") + " -o -", dir);
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(has(r.err, "hex_coords.csv:2: h1: column 'lon' is '0x46'"));
  CHECK(has(r.err, "hex_coords.csv:3: h2: column 'lon' is 'inf'"));
  CHECK(has(r.out, "h3,"));
  r = bordermap("render " + bad_input("far_point.geojson") + " -o " + (dir / "m.svg").string(),
                dir);
  INFO(r.err);
  CHECK(r.code == 1);  // the bad feature rejected, the map drawn (was exit 2 from PROJ)
  CHECK(has(r.err, "f2: its geometry's point (270.8, 140.06) is outside"));
  CHECK(std::filesystem::exists(dir / "m.svg"));
}

TEST_CASE("a spreadsheet whose cells are all text has its first row read as the header",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_xlsx");
  Run r = bordermap("ingest " + bad_input("all_text.xlsx") + " -o -", dir);
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(has(r.out, "x1,2022-09-16,2022-09-16,day,Batken,,KG,70.800000,40.060000"));
  CHECK(has(r.out, "x2,2022-09-17,"));
  CHECK(has(r.out, R"(""ogr.label"":""second"")"));
  r = bordermap("ingest " + bad_input("title_row.xlsx") + " -o -", dir);
  CHECK(r.code == 1);
  CHECK(has(r.err, "title_row.xlsx: its first row (Border incidents, September 2022"));
  CHECK(has(r.err, "delete a title row above it"));
}

TEST_CASE("an article over --max-article is refused with what to do, the others are read",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_article_size");
  const auto big = dir / "big.txt", small = dir / "small.txt";
  write_file(big, std::string(4096, 'a') + "\n");
  write_file(small, "BATKEN, Sept 16 2022 - Tajik forces shelled Ak-Sai.\n");
  Run r =
      bordermap("extract --max-article 2048 " + big.string() + " " + small.string() + " -o -", dir);
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(has(r.err, "big.txt: is longer than the article limit of 2048 bytes"));
  CHECK(has(r.err, "--max-article"));
  CHECK(has(r.out, "small.txt"));
  CHECK(bordermap("extract " + big.string() + " -o -", dir).code == 0);
}

TEST_CASE("a zip or gzip file that GDAL cannot open says to unpack it", "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_archives");
  write_file(dir / "incidents.zip", std::string("PK\x03\x04", 4) + std::string(64, '\0'));
  write_file(dir / "incidents.csv.gz", std::string("\x1f\x8b\x08\0", 4) + std::string(64, '\0'));
  Run r = bordermap("ingest " + (dir / "incidents.zip").string() + " -o -", dir);
  CHECK(r.code == 1);
  CHECK(has(r.err, "incidents.zip: is a zip archive that GDAL cannot open"));
  r = bordermap("ingest " + (dir / "incidents.csv.gz").string() + " -o -", dir);
  CHECK(r.code == 1);
  CHECK(has(r.err, "incidents.csv.gz: is gzip-compressed — gunzip it"));
}
