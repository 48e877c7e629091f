// The bad inputs a real user makes, run through the real binary: each either
// reads (when it has one reading) or is refused with file:line, a reason and
// what to do — never exit 3, never a silent drop. docs/errors.md lists them.
#include <catch2/catch.hpp>

#include <fstream>

#include "run_binary.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

using bm::test::bordermap;
using bm::test::Run;

namespace {

std::string bad(const std::string& name) { return bm::test::bad_input(name); }

}  // namespace

TEST_CASE("every step that reads incidents warns 'lat/lon swapped?' with file:line",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_swapped");
  const std::string in = bm::test::data("bad/swapped.csv");
  for (const std::string& step :
       {"link " + in + " -o -", "link " + in + " -o " + (dir / "l.csv").string(),
        "render " + in + " -o " + (dir / "m.svg").string(),
        "export " + in + " -o " + (dir / "e.geojson").string()}) {
    Run r = bordermap(step, dir);
    INFO(step << "\n" << r.err);
    CHECK(r.code == 0);  // kept as given: the coordinates may be right
    CHECK(r.err.find("swapped.csv:2: s1:") != std::string::npos);
    CHECK(r.err.find("lat/lon swapped?") != std::string::npos);
  }
  Run quiet = bordermap("--no-country-check link " + in + " -o -", dir);
  CHECK(quiet.code == 0);
  CHECK(quiet.err.find("swapped") == std::string::npos);
}

TEST_CASE("Excel's semicolon CSV, decimal commas, DMS and common date forms are read",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_forms");
  Run r = bordermap("ingest " + bad("semicolon.csv") + " -o -", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("b1,2022-09-16,2022-09-16,") != std::string::npos);
  CHECK(r.out.find(",KG,70.800000,40.060000,") != std::string::npos);
  CHECK(r.out.find("b2,2022-09-16,") != std::string::npos);  // 09/16/2022: month first
  r = bordermap("ingest " + bad("dms_dates.csv") + " -o -", dir);
  CHECK(r.code == 0);
  CHECK(r.out.find("d1,2022-09-16,") != std::string::npos);
  CHECK(r.out.find(",KG,70.800000,40.060000,") != std::string::npos);  // 40°03′36″N
  CHECK(r.out.find("d2,2022-09-16,") != std::string::npos);            // Excel serial 44820
  CHECK(r.out.find(",TJ,70.633333,40.116667,") != std::string::npos);
  CHECK(r.out.find("d3,2022-09-16,") != std::string::npos);  // "Sept 16, 2022", "40,06"
  r = bordermap("link " + bad("dms_dates.csv") + " -o " + (dir / "links.csv").string(), dir);
  CHECK(r.code == 0);
  CHECK(r.err.find("linked 3 of 3") != std::string::npos);
}

TEST_CASE("link reads what ingest reads: other column spellings and GeoJSON", "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_link_formats");
  for (const char* name : {"cols_upper.csv", "polygon.geojson", "semicolon.csv"}) {
    Run r = bordermap("link " + bad(name) + " -o " + (dir / "links.csv").string(), dir);
    INFO(name << "\n" << r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find("the header needs columns") == std::string::npos);
  }
}

TEST_CASE("a table with no usable row says why instead of only asking for --border",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_nothing");
  Run r = bordermap("render " + bad("header_only.csv") + " -o " + (dir / "m.svg").string(), dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("no incident records") != std::string::npos);
  r = bordermap("report " + bad("all_rejected.csv") + " -o " + (dir / "rep").string(), dir);
  CHECK(r.code == 1);  // rejected input, not a usage error; report runs the same chain
  CHECK(r.err.find("all_rejected.csv:2: ") != std::string::npos);
  CHECK(r.err.find("all_rejected.csv:3: ") != std::string::npos);
  CHECK(r.err.find("'forty'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "m.svg"));
}

TEST_CASE("extract refuses a binary, a non-UTF-8 or a folder 'article' and reads the others",
          "[io][bad_input]") {
  auto dir = bm::test::scratch("bad_articles");
  const std::string good = (dir / "good.txt").string();
  std::ofstream(good) << "BATKEN, Sept 16 2022 - Tajik forces shelled Ak-Sai, killing two.\n";
  std::ofstream(dir / "binary.txt", std::ios::binary) << std::string("PK\x03\x04\0\0\x01", 7);
  // "Баткен" in windows-1251.
  std::ofstream(dir / "ru.txt", std::ios::binary) << "\xC1\xE0\xF2\xEA\xE5\xED 16.09.2022\n";
  fs::create_directories(dir / "folder");
  // UTF-16 with a BOM is decoded like a table.
  std::ofstream(dir / "u16.txt", std::ios::binary) << std::string(
      "\xFF\xFE"
      "A\0k\0\n\0",
      8);
  struct Case {
    std::string file, says;
  };
  for (const Case& c : {Case{"binary.txt", "NUL bytes"}, Case{"ru.txt", "--encoding"},
                        Case{"folder", "is a folder"}}) {
    Run r = bordermap("extract " + (dir / c.file).string() + " " + good + " -o -", dir);
    INFO(c.file << "\n" << r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find(c.file + ": ") != std::string::npos);
    CHECK(r.err.find(c.says) != std::string::npos);
    CHECK(r.out.find("good.txt") != std::string::npos);  // the other article was read
  }
  Run ru = bordermap("extract --encoding windows-1251 " + (dir / "ru.txt").string() + " -o -", dir);
  CHECK(ru.code == 0);
  Run u16 = bordermap("extract " + (dir / "u16.txt").string() + " -o -", dir);
  CHECK(u16.code == 0);
}
