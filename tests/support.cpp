#include "support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace bm::test {

std::string data(const std::string& name) {
  return std::string(BORDERMAP_TEST_DATA) + "/" + name;
}

std::filesystem::path scratch(const std::string& name) {
  const char* base = std::getenv("BORDERMAP_TMP");
  std::filesystem::path dir = std::filesystem::path(base ? base : "/tmp/bordermap-tests") / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace bm::test
