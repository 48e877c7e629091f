// Chain goldens: the files `report` and `link` write for the bundled incidents
// and fixtures, pinned as data under tests/data/golden/chain/<case>/. They
// guard refactorings of the chain: the outputs must stay byte-identical
// after normalising what legitimately varies (checkout paths, the software
// version, the bundle's path, size and checksum).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "golden/golden_support.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at))
    text.replace(at, from.size(), to), at += to.size();
  return text;
}

// Paths of the checkout and of the scratch directory become placeholders.
std::string normalise_paths(const std::string& text, const fs::path& out) {
  std::string t = replace_all(text, out.string() + "/", "OUT/");
  return replace_all(t, std::string(BORDERMAP_SOURCE_DIR) + "/", "");
}

// The manifest without what varies by checkout or build: version, the
// bundle's path/size/checksum, output sizes and checksums (the outputs that
// matter are compared themselves).
std::string normalise_manifest(const std::string& text, const fs::path& out) {
  nlohmann::json m = nlohmann::json::parse(normalise_paths(text, out));
  m["software"]["version"] = "VERSION";
  for (const char* key : {"path", "bytes", "sha256", "modified"}) m["data"].erase(key);
  for (auto& o : m["outputs"]) o = o["path"];
  return m.dump(2) + "\n";
}

void check_file(const fs::path& golden_dir, const std::string& name, const std::string& got) {
  fs::path golden = golden_dir / name;
  if (bm::test::updating_goldens()) {
    fs::create_directories(golden_dir);
    std::ofstream(golden, std::ios::binary) << got;
    WARN("golden updated: " << golden.string());
    return;
  }
  INFO("golden " << golden.string() << " (BORDERMAP_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(fs::exists(golden));
  std::string diff = bm::test::text_diff(bm::test::slurp(golden), got);
  INFO(diff);
  CHECK(diff.empty());
}

fs::path golden_dir(const std::string& name) {
  return fs::path(bm::test::data("golden/chain")) / name;
}

// `bordermap report` with ARGS; its data files compared with the goldens.
void check_report(const std::string& name, const std::string& args) {
  fs::path out = bm::test::scratch("golden_chain_" + name);
  int rc = bm::test::run_cli("report " + args + " -o " + out.string() + " --formats svg",
                             (out / "log.txt").string());
  INFO(bm::test::slurp(out / "log.txt"));
  REQUIRE(rc == 0);
  for (const char* file : {"links.csv", "incidents.geojson", "rejected.csv"})
    check_file(golden_dir(name), file, normalise_paths(bm::test::slurp(out / file), out));
  check_file(golden_dir(name), "manifest.json",
             normalise_manifest(bm::test::slurp(out / "manifest.json"), out));
}

std::string fixture(const std::string& name) { return bm::test::data(name); }

}  // namespace

TEST_CASE("golden chain: the default report", "[golden][chain]") { check_report("default", ""); }

TEST_CASE("golden chain: report of a small fixture", "[golden][chain]") {
  check_report("small", fixture("incidents_small.csv"));
}

TEST_CASE("golden chain: report of places near a town or district", "[golden][chain]") {
  check_report("near", fixture("incidents_near.csv") + " --border KG-TJ");
}

TEST_CASE("golden chain: link tables", "[golden][chain]") {
  fs::path out = bm::test::scratch("golden_chain_link");
  const std::string log = (out / "log.txt").string();
  SECTION("the link table of bordermap's incident schema") {
    REQUIRE(bm::test::run_cli("link " + fixture("incidents_small.csv") + " -o " +
                                  (out / "links.csv").string() + " --border KG-TJ",
                              log) == 0);
    check_file(golden_dir("link_incidents"), "links.csv", bm::test::slurp(out / "links.csv"));
  }
  SECTION("a plain point table with a per-segment summary") {
    REQUIRE(bm::test::run_cli("link " + fixture("render/points.csv") + " -o " +
                                  (out / "links.csv").string() + " --summary " +
                                  (out / "summary.csv").string() + " --threads 2",
                              log) == 0);
    check_file(golden_dir("link_points"), "links.csv", bm::test::slurp(out / "links.csv"));
    check_file(golden_dir("link_points"), "summary.csv", bm::test::slurp(out / "summary.csv"));
  }
  SECTION("the incident table with link columns (the pipe step)") {
    REQUIRE(bm::test::run_cli("link " + fixture("incidents_near.csv") + " --border KG-TJ -o " +
                                  (out / "incidents.csv").string() + " --format incidents",
                              log) == 0);
    check_file(golden_dir("link_stream"), "incidents.csv",
               normalise_paths(bm::test::slurp(out / "incidents.csv"), out));
  }
}
