// The command line: CSV that the other subcommands read back, JSON evidence,
// usage errors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "ingest/ingest.hpp"
#include "io/incidents_csv.hpp"
#include "support.hpp"

using namespace bm;

namespace {

int shell(const std::string& cmd) { return WEXITSTATUS(std::system(cmd.c_str())); }

int run(const std::string& args) {
  std::string cmd = std::string(BORDERMAP_BINARY) + " " + args;
  int rc = std::system(cmd.c_str());
  return WEXITSTATUS(rc);
}

}  // namespace

TEST_CASE("extract writes a CSV that ingest reads and JSON with evidence", "[extract][cli]") {
  auto dir = test::scratch("extract_cli");
  std::string csv = (dir / "drafts.csv").string();
  std::string js = (dir / "drafts.json").string();
  std::string in =
      test::data("extract/armenia_azerbaijan.html") + " " + test::data("extract/india_china.txt");
  REQUIRE(run("extract " + in + " -o " + csv + " --evidence " + js + " 2>/dev/null") == 0);
  IncidentTable t = ingest::read(csv, {});
  CHECK(t.rejected.empty());
  REQUIRE(t.incidents.size() >= 3);
  bool kapan = false;
  for (const auto& i : t.incidents)
    kapan = kapan || (i.place == "Kapan" && i.date.start == "2022-09-13");
  CHECK(kapan);
  auto j = nlohmann::json::parse(test::slurp(js));
  REQUIRE(j["documents"].size() == 2);
  for (const auto& d : j["documents"]) {
    std::string text = d["text"];
    for (const auto& c : d["claims"]) {
      std::size_t b = c["quote_span"][0], e = c["quote_span"][1];
      CHECK(text.substr(b, e - b) == c["quote"].get<std::string>());
    }
  }
  CHECK(j["incidents"].size() == t.incidents.size());
}

TEST_CASE("extract: a bad --date is a usage error, a missing file a data error", "[extract][cli]") {
  CHECK(run("extract " + test::data("extract/india_china.txt") +
            " --date 13/12/2022 -o - >/dev/null 2>&1") == 2);
  CHECK(run("extract /nonexistent/article.txt -o - >/dev/null 2>&1") == 1);
}

TEST_CASE("extract writes into a pipe in place instead of renaming over it", "[extract][cli]") {
  auto dir = test::scratch("extract_fifo");
  std::string fifo = (dir / "pipe").string();
  std::string out = (dir / "out.csv").string();
  REQUIRE(shell("mkfifo " + fifo) == 0);
  REQUIRE(shell("sh -c 'cat " + fifo + " > " + out + " & " + BORDERMAP_BINARY + " extract " +
                test::data("extract/india_china.txt") + " -o " + fifo +
                " 2>/dev/null; rc=$?; wait; exit $rc'") == 0);
  CHECK(std::filesystem::is_fifo(fifo));
  CHECK(test::slurp(out).starts_with("id,date_start"));
}
