// `export -` streams a table from standard input as it streams a file: the
// same features (only the source label differs: "stdin"), and when a later
// block does not fit, the whole-table path reads stdin again from the spool.
#include <catch2/catch.hpp>

#include <fstream>

#include "golden/golden_support.hpp"
#include "pipeline/export_stream.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// id,lon,lat,label over the KG-TJ area; from row `text_from` on, `note`
// holds text where the rows before hold numbers.
fs::path table(const fs::path& dir, std::size_t rows, std::size_t text_from) {
  fs::path p = dir / "rows.csv";
  std::ofstream out(p);
  out << "id,lon,lat,label,note\n";
  for (std::size_t i = 0; i < rows; ++i)
    out << "r" << i << ',' << 69.5 + 0.0001 * static_cast<double>(i % 30000) << ','
        << 39.6 + 0.00005 * static_cast<double>(i % 20000) << ",Incident " << i << ','
        << (i >= text_from ? "n/a" : std::to_string(i % 50)) << '\n';
  return p;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::size_t count_of(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("export from stdin streams as from a file", "[export][stream][stdin]") {
  auto dir = bm::test::scratch("export_stdin");
  const std::size_t rows = bm::kExportBlockRows + 100;  // two blocks
  fs::path input = table(dir, rows, rows);
  const std::string common = " --border KG-TJ --layers incidents -o ";
  REQUIRE(bm::test::run_cli("export " + input.string() + common + (dir / "file.geojson").string(),
                            (dir / "file.log").string()) == 0);
  REQUIRE(bm::test::run_cli(
              "export -" + common + (dir / "stdin.geojson").string() + " < " + input.string(),
              (dir / "stdin.log").string()) == 0);
  const std::string from_file = bm::test::slurp(dir / "file.geojson");
  const std::string from_stdin = bm::test::slurp(dir / "stdin.geojson");
  CHECK(count_of(from_stdin, "\"type\": \"Feature\"") == rows);
  CHECK(from_stdin == replaced(from_file, "\"rows.csv\"", "\"stdin\""));
}

TEST_CASE("export from stdin falls back to the whole table with every row",
          "[export][stream][stdin]") {
  auto dir = bm::test::scratch("export_stdin_fallback");
  const std::size_t rows = bm::kExportBlockRows + 20;
  fs::path input = table(dir, rows, bm::kExportBlockRows + 5);  // text in the second block
  fs::path out = dir / "out.geojson";
  REQUIRE(bm::test::run_cli("export - --border KG-TJ --layers incidents -o " + out.string() +
                                " < " + input.string(),
                            (dir / "log.txt").string()) == 0);
  const std::string text = bm::test::slurp(out);
  CHECK(count_of(text, "\"type\": \"Feature\"") == rows);
  CHECK(count_of(text, "\"note\": \"n/a\"") == 15);
  CHECK(count_of(text, "\"note\": \"7\"") > 0);  // the column is text now, every value kept
}
