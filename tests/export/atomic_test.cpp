#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

#include "io/atomic.hpp"
#include "support.hpp"

TEST_CASE("atomic writes go through a temporary file beside the target", "[export]") {
  auto dir = bm::test::scratch("atomic");
  std::string target = (dir / "out.csv").string();
  std::string tmp = bm::temp_path_for(target);
  CHECK(tmp != target);
  CHECK(std::filesystem::path(tmp).parent_path() == dir);
  std::ofstream(tmp) << "x";
  bm::commit_file(tmp, target);
  CHECK(bm::test::slurp(target) == "x");
  CHECK_FALSE(std::filesystem::exists(tmp));
}

TEST_CASE("a device or pipe target is written in place, never replaced", "[export]") {
  CHECK(bm::temp_path_for("/dev/null") == "/dev/null");
  bm::commit_file("/dev/null", "/dev/null");
  struct stat st {};
  REQUIRE(stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}
