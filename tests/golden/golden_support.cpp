#include "golden/golden_support.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>
#include <vector>

namespace bm::test {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

bool updating_goldens() {
  const char* u = std::getenv("BORDERMAP_UPDATE_GOLDEN");
  return u && std::string(u) == "1";
}

int run_cli(const std::string& args, const std::string& log_path) {
  std::string cmd = std::string(BORDERMAP_BINARY) + " " + args + " > " + log_path + " 2>&1";
  return WEXITSTATUS(std::system(cmd.c_str()));
}

std::string text_diff(const std::string& want, const std::string& got) {
  if (want == got) return {};
  auto a = lines_of(want), b = lines_of(got);
  std::size_t first = 0, differing = 0;
  bool found = false;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    bool same = i < a.size() && i < b.size() && a[i] == b[i];
    if (same) continue;
    ++differing;
    if (!found) first = i, found = true;
  }
  auto side = [](const std::vector<std::string>& v, std::size_t i) {
    return i < v.size() ? v[i] : std::string("<no line>");
  };
  std::ostringstream out;
  out << differing << " line(s) differ (golden " << a.size() << " lines, got " << b.size()
      << "); first at line " << first + 1 << ":\n- " << side(a, first) << "\n+ " << side(b, first);
  return out.str();
}

}  // namespace bm::test
