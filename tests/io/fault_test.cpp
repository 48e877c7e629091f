// The nine failures of issue 16, each against the real binary: a full disk,
// rows lost by a reader, bytes that are not text, temporaries left behind or
// followed through symlinks, a VRT disguised as CSV, exit codes, user
// mistakes reported as bugs, and memory on a huge line.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <sstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <nlohmann/json.hpp>

#include "io/incidents_csv.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string err;
  long max_rss_kb = 0;
};

// Runs bordermap with `args` (a shell word list), stderr captured.
Run bordermap(const std::string& args, const fs::path& scratch) {
  const fs::path err = scratch / "stderr.txt";
  std::string cmd = std::string(BORDERMAP_BINARY) + " " + args + " 2>" + err.string();
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  struct rusage use {};
  wait4(pid, &status, 0, &use);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), bm::test::slurp(err),
          use.ru_maxrss};
}

std::vector<std::string> hidden(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] == '.') out.push_back(e.path().filename().string());
  return out;
}

// A tmpfs of `kb` KiB at `dir`, unmounted when it goes; needs root.
class TinyFs {
 public:
  TinyFs(const fs::path& dir, int kb, bool read_only = false) : dir_(dir) {
    fs::create_directories(dir);
    std::string opts = "size=" + std::to_string(kb) + "k";
    ok_ = ::mount("tmpfs", dir.c_str(), "tmpfs", read_only ? MS_RDONLY : 0, opts.c_str()) == 0;
  }
  ~TinyFs() {
    if (ok_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool ok() const { return ok_; }

 private:
  fs::path dir_;
  bool ok_ = false;
};

void fill(const fs::path& dir) {
  std::ofstream f(dir / "filler", std::ios::binary);
  std::string block(4096, 'x');
  while (f.write(block.data(), static_cast<std::streamsize>(block.size()))) {
  }
}

bool whole_gpkg(const fs::path& p) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(p.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  return ds && ds->GetLayerByName("incidents") &&
         ds->GetLayerByName("incidents")->GetFeatureCount() == 4;
}

const std::string kSmall = bm::test::data("incidents_small.csv");

}  // namespace

TEST_CASE("a full disk keeps the old file, says 'no space left' and exits 1 (every writer)",
          "[io][fault]") {
  auto dir = bm::test::scratch("fault_enospc");
  TinyFs disk(dir / "disk", 512);
  if (!disk.ok()) {
    WARN("cannot mount a tmpfs (not root): full-disk cases skipped");
    return;
  }
  const std::vector<std::string> outputs = {"x.geojson", "x.gpkg", "x.csv",
                                            "m.svg",     "m.png",  "m.pdf"};
  for (const auto& name : outputs) std::ofstream(dir / "disk" / name) << "OLD";
  fill(dir / "disk");
  for (const auto& name : outputs) {
    const bool map = name[0] == 'm';
    Run r = bordermap(std::string(map ? "render " : "export ") + kSmall + " --border KG-TJ -o " +
                          (dir / "disk" / name).string(),
                      dir);
    INFO(name << ": " << r.err);
    CHECK(r.code == 1);
    CHECK(r.err.find("no space left") != std::string::npos);
    CHECK(r.err.find(name) != std::string::npos);
    CHECK(bm::test::slurp(dir / "disk" / name) == "OLD");
    CHECK(hidden(dir / "disk").empty());
  }
}

TEST_CASE("a report into a read-only folder is a usage error", "[io][fault]") {
  auto dir = bm::test::scratch("fault_readonly");
  TinyFs ro(dir / "ro", 64, true);
  if (!ro.ok()) {
    WARN("cannot mount a tmpfs (not root): read-only case skipped");
    return;
  }
  Run r = bordermap("report " + kSmall + " --border KG-TJ -o " + (dir / "ro").string(), dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("read-only") != std::string::npos);
}

TEST_CASE("output paths of the wrong kind are usage errors and nothing is deleted", "[io][fault]") {
  auto dir = bm::test::scratch("fault_paths");
  std::ofstream(dir / "existing") << "mine";
  Run r = bordermap("report " + kSmall + " --border KG-TJ -o " + (dir / "existing").string(), dir);
  CHECK(r.code == 2);
  CHECK(bm::test::slurp(dir / "existing") == "mine");
  fs::create_directory(dir / "full.gpkg");
  std::ofstream(dir / "full.gpkg" / "keep") << "keep";
  fs::create_directory(dir / "empty.gpkg");
  for (const char* d : {"full.gpkg", "empty.gpkg"}) {
    r = bordermap("export " + kSmall + " --border KG-TJ -o " + (dir / d).string(), dir);
    CHECK(r.code == 2);
    CHECK(fs::is_directory(dir / d));
  }
  CHECK(bm::test::slurp(dir / "full.gpkg" / "keep") == "keep");
}

TEST_CASE("a planted symlink at the old fixed temporary name is never written through",
          "[io][fault]") {
  auto dir = bm::test::scratch("fault_symlink");
  std::ofstream(dir / "victim") << "precious";
  for (const char* ext : {"svg", "png", "pdf"}) {
    std::string map = std::string("m.") + ext;
    fs::create_symlink(dir / "victim", dir / (map + ".tmp"));
    Run r = bordermap("render " + kSmall + " --border KG-TJ -o " + (dir / map).string(), dir);
    CHECK(r.code == 0);
    CHECK(bm::test::slurp(dir / "victim") == "precious");
    CHECK(fs::is_regular_file(fs::symlink_status(dir / map)));
  }
}

TEST_CASE("temporaries of killed runs are swept by the next run in that folder", "[io][fault]") {
  auto dir = bm::test::scratch("fault_sweep");
  fs::create_directories(dir / "out" / ".bordermap-tmp-9999999-AbCdEf");
  std::ofstream(dir / "out" / ".bordermap-tmp-9999999-AbCdEf" / "bordermap.gpkg") << "partial";
  std::ofstream(dir / "out" / ".tmp-9999999-incidents.geojson") << "partial";
  Run r = bordermap("report " + kSmall + " --border KG-TJ -o " + (dir / "out").string(), dir);
  CHECK(r.code == 0);
  CHECK(hidden(dir / "out").empty());
}

namespace {

bool whole_page(const std::string& html) {
  const std::string end = "</html>\n";
  return html.rfind("<!DOCTYPE html>", 0) == 0 && html.size() > end.size() &&
         html.compare(html.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

TEST_CASE("a run killed over an existing bundle leaves every file old or whole", "[io][fault]") {
  auto dir = bm::test::scratch("fault_kill");
  const std::string args = "report " + kSmall + " --border KG-TJ -o " + (dir / "out").string();
  REQUIRE(bordermap(args, dir).code == 0);
  std::map<std::string, std::string> before;
  for (const auto& e : fs::directory_iterator(dir / "out"))
    before[e.path().filename().string()] = bm::test::slurp(e.path());
  for (int sig : {SIGTERM, SIGINT}) {
    for (int delay_ms : {300, 900, 1500}) {
      pid_t pid = fork();
      if (pid == 0) {
        execl("/bin/sh", "sh", "-c",
              ("exec " + std::string(BORDERMAP_BINARY) + " -q " + args).c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
      }
      usleep(static_cast<useconds_t>(delay_ms) * 1000);
      kill(pid, sig);
      int status = 0;
      waitpid(pid, &status, 0);
      // The same inputs make the same files, but for the GeoPackage's and
      // the manifest's timestamps (the page embeds the manifest): each file
      // is the old one or a whole new one.
      for (const auto& [name, text] : before) {
        INFO(name << " after signal " << sig << " at " << delay_ms << " ms");
        const fs::path p = dir / "out" / name;
        if (p.extension() == ".gpkg")
          CHECK(whole_gpkg(p));
        else if (p.extension() == ".json")
          CHECK(nlohmann::json::accept(bm::test::slurp(p)));
        else if (p.extension() == ".html")
          CHECK(whole_page(bm::test::slurp(p)));
        else
          CHECK(bm::test::slurp(p) == text);
      }
      CHECK(hidden(dir / "out").empty());
    }
  }
}

TEST_CASE("rows after an unclosed quote or a 100 MB line are kept; memory stays bounded",
          "[io][fault]") {
  auto dir = bm::test::scratch("fault_long_line");
  {
    std::ofstream f(dir / "big.csv", std::ios::binary);
    f << "id,date_start,place,country,lon,lat\n";
    f << "r1,2022-09-16,Batken,KG,70.8,40.06\n";
    f << "r2,2022-09-16,\"" << std::string(100u << 20, 'x') << "\",KG,70.8,40.06\n";
    f << "r3,2022-09-16,\"never closed,KG,70.8,40.06\n";
    f << "r4,2022-09-17,Vorukh,TJ,70.57,39.99\n";
  }
  Run r = bordermap("ingest --no-country-check " + (dir / "big.csv").string() + " -o " +
                        (dir / "out.csv").string(),
                    dir);
  INFO(r.err);
  CHECK(r.code == 1);
  CHECK(r.err.find("big.csv:3") != std::string::npos);  // the long line
  CHECK(r.err.find("big.csv:4") != std::string::npos);  // the open quote
  std::string out = bm::test::slurp(dir / "out.csv");
  CHECK(out.find("\nr1,") != std::string::npos);
  CHECK(out.find("\nr4,") != std::string::npos);
  CHECK(r.max_rss_kb < 80 * 1024);  // the line alone is 100 MB
}

TEST_CASE("Latin-1 bytes are rejected with their offset, or decoded with --encoding",
          "[io][fault]") {
  auto dir = bm::test::scratch("fault_latin1");
  const std::string in = bm::test::data("bad/acled_latin1.csv");
  Run r = bordermap("ingest " + in + " -o " + (dir / "a.csv").string(), dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("acled_latin1.csv:2") != std::string::npos);
  CHECK(r.err.find("byte 0xF6 at byte offset") != std::string::npos);
  r = bordermap("ingest --encoding latin1 " + in + " -o " + (dir / "b.csv").string(), dir);
  CHECK(r.code == 0);
  CHECK(bm::test::slurp(dir / "b.csv").find("K\xC3\xB6k-Tash") != std::string::npos);
  r = bordermap("render --encoding latin1 " + in + " --border KG-TJ -o " + (dir / "m.svg").string(),
                dir);
  CHECK(r.code == 0);
}

TEST_CASE("a UTF-16 table is read as text", "[io][fault]") {
  auto dir = bm::test::scratch("fault_utf16");
  Run r = bordermap("ingest --no-country-check " + bm::test::data("bad/utf16.csv") + " -o " +
                        (dir / "out.csv").string(),
                    dir);
  CHECK(r.code == 0);
  CHECK(bm::test::slurp(dir / "out.csv").find("Ош — Баткен") != std::string::npos);
}

TEST_CASE("a VRT document named .csv is refused and reads nothing", "[io][fault]") {
  auto dir = bm::test::scratch("fault_vrt");
  Run r = bordermap(
      "ingest " + bm::test::data("bad/vrt_disguised.csv") + " -o " + (dir / "out.csv").string(),
      dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("--allow-vrt") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.csv"));
  r = bordermap("ingest --format ogr /vsicurl/http://127.0.0.1:9/x.geojson -o -", dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("network") != std::string::npos);
}

TEST_CASE("rejected input exits 1 (or 0 with --allow-partial); impossible values are named",
          "[io][fault]") {
  auto dir = bm::test::scratch("fault_values");
  Run r = bordermap(
      "ingest " + bm::test::data("bad/bad_coords.csv") + " -o " + (dir / "a.csv").string(), dir);
  CHECK(r.code == 1);
  r = bordermap("link --border KG-TJ " + bm::test::data("bad/bad_values.csv") + " -o -", dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("bad_values.csv:2") != std::string::npos);
  CHECK(r.err.find("2022-02-30") != std::string::npos);
  CHECK(r.err.find("cannot be negative") != std::string::npos);
  r = bordermap(
      "link --allow-partial --border KG-TJ " + bm::test::data("bad/bad_values.csv") + " -o -", dir);
  CHECK(r.code == 0);
  r = bordermap("ingest " + bm::test::data("bad/swapped.csv") + " -o " + (dir / "s.csv").string(),
                dir);
  CHECK(r.code == 0);
  CHECK(r.err.find("swapped.csv:2") != std::string::npos);
  CHECK(r.err.find("lat/lon swapped?") != std::string::npos);
}

TEST_CASE("link's fast point reader rejects an unclosed quote and links the rows after it",
          "[io][fault]") {
  auto dir = bm::test::scratch("fault_points_quote");
  std::ofstream(dir / "p.csv") << "id,lon,lat\np1,70.8,40.06\np2,\"70.6,40.1\np3,70.57,39.99\n";
  Run r = bordermap(
      "link --border KG-TJ " + (dir / "p.csv").string() + " -o " + (dir / "links.csv").string(),
      dir);
  CHECK(r.code == 1);
  CHECK(r.err.find("p.csv:3") != std::string::npos);
  std::string links = bm::test::slurp(dir / "links.csv");
  CHECK(links.find("\np1,") != std::string::npos);
  CHECK(links.find("\np3,") != std::string::npos);
}

TEST_CASE("fuzz finding: a number too large for JSON in 'claims' is a rejected row, not a crash",
          "[io][fuzz]") {
  std::istringstream in(
      "id,place,claims\nt1,Batken,\"[{\"\"kind\"\":\"\"killed\"\",\"\"low\"\":1e400}]\"\n"
      "t2,Isfara,\n");
  bm::IncidentTable t = bm::read_incidents_csv(in, "f.csv");
  REQUIRE(t.rejected.size() == 1);
  CHECK(t.rejected[0].line == 2);
  CHECK(t.rejected[0].reason.find("claims") != std::string::npos);
  CHECK(t.incidents.size() == 1);
}
