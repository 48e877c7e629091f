#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <ostream>

#include "core/error.hpp"
#include "io/atomic.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// Names in `dir` that start with a dot: what a writer may have left behind.
std::vector<std::string> hidden_entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string()[0] == '.') out.push_back(e.path().filename().string());
  return out;
}

}  // namespace

TEST_CASE("a write goes through a private staging folder and leaves nothing behind", "[io]") {
  auto dir = bm::test::scratch("atomic");
  std::string target = (dir / "out.csv").string();
  bm::StagedFile staged(target);
  fs::path tmp = staged.path();
  CHECK(tmp.filename() == "out.csv");  // the extension survives for GDAL and Cairo
  CHECK(tmp.parent_path().parent_path() == dir);
  CHECK((fs::status(tmp.parent_path()).permissions() & fs::perms::others_all) == fs::perms::none);
  std::ofstream(tmp) << "x";
  staged.commit();
  CHECK(bm::test::slurp(target) == "x");
  CHECK(hidden_entries(dir).empty());
}

TEST_CASE("a write that throws keeps the old file and removes the staging folder", "[io]") {
  auto dir = bm::test::scratch("atomic_throw");
  std::string target = (dir / "out.csv").string();
  std::ofstream(target) << "old";
  CHECK_THROWS(bm::write_file(target, [](std::ostream& out) {
    out << "half";
    throw bm::InputError("stop");
  }));
  CHECK(bm::test::slurp(target) == "old");
  CHECK(hidden_entries(dir).empty());
}

TEST_CASE("a device or pipe target is written in place, never replaced", "[io]") {
  bm::write_file("/dev/null", [](std::ostream& out) { out << "x"; });
  struct stat st {};
  REQUIRE(stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("a folder where a file is expected is a usage error and is not touched", "[io]") {
  auto dir = bm::test::scratch("atomic_folder");
  fs::create_directory(dir / "x.gpkg");
  std::ofstream(dir / "x.gpkg" / "keep.txt") << "keep";
  fs::create_directory(dir / "empty.gpkg");
  for (const char* name : {"x.gpkg", "empty.gpkg"}) {
    std::string target = (dir / name).string();
    CHECK_THROWS_AS(bm::write_file(target, [](std::ostream& out) { out << "x"; }), bm::UsageError);
    CHECK(fs::is_directory(target));
  }
  CHECK(bm::test::slurp(dir / "x.gpkg" / "keep.txt") == "keep");
  CHECK_THROWS_AS(bm::StagedFile((dir / "missing" / "a.csv").string()), bm::UsageError);
}

TEST_CASE("an output folder that is a file is a usage error and the file is kept", "[io]") {
  auto dir = bm::test::scratch("atomic_outdir");
  std::ofstream(dir / "report") << "mine";
  CHECK_THROWS_AS(bm::prepare_output_folder((dir / "report").string()), bm::UsageError);
  CHECK(bm::test::slurp(dir / "report") == "mine");
  bm::prepare_output_folder((dir / "new" / "deeper").string());
  CHECK(fs::is_directory(dir / "new" / "deeper"));
}

TEST_CASE("staging left by a killed run is swept; a live run's is kept", "[io]") {
  auto dir = bm::test::scratch("atomic_sweep");
  // A pid above the kernel's maximum (4194304) belongs to no process.
  fs::create_directory(dir / ".bordermap-tmp-9999999-abcdef");
  std::ofstream(dir / ".bordermap-tmp-9999999-abcdef" / "big.geojson") << "partial";
  std::ofstream(dir / ".tmp-9999999-old.geojson") << "partial";  // older versions' naming
  std::string live = ".bordermap-tmp-" + std::to_string(::getppid()) + "-zzzzzz";
  fs::create_directory(dir / live);
  std::ofstream(dir / ".tmp-notapid-x") << "not ours";
  bm::write_file((dir / "out.csv").string(), [](std::ostream& out) { out << "x"; });
  auto left = hidden_entries(dir);
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{live, ".tmp-notapid-x"});
}

TEST_CASE("a symlink the user names as output is followed to the file it names", "[io]") {
  auto dir = bm::test::scratch("atomic_symlink");
  std::ofstream(dir / "real.csv") << "old";
  fs::create_symlink(dir / "real.csv", dir / "link.csv");
  bm::write_file((dir / "link.csv").string(), [](std::ostream& out) { out << "new"; });
  CHECK(fs::is_symlink(dir / "link.csv"));
  CHECK(bm::test::slurp(dir / "real.csv") == "new");
}
