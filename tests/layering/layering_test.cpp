// One-way layers: every `#include "folder/…"` under src/ must be allowed by
// tests/data/layering.tsv (folder → the folders it may include). No
// exceptions are listed; a backwards include is fixed by moving the shared
// piece down or inverting the dependency.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

using Table = std::map<std::string, std::set<std::string>>;

Table read_table(std::istream& in) {
  Table t;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream row(line);
    std::string folder, dep;
    row >> folder;
    auto& allowed = t[folder];
    while (row >> dep) allowed.insert(dep);
  }
  return t;
}

Table layering() {
  std::ifstream in(bm::test::data("layering.tsv"));
  REQUIRE(in);
  return read_table(in);
}

fs::path src_dir() { return fs::path(BORDERMAP_SOURCE_DIR) / "src"; }

// "render" for src/render/map.cpp; "." for src/main.cpp.
std::string folder_of(const fs::path& file) {
  fs::path rel = fs::relative(file, src_dir());
  return rel.has_parent_path() ? rel.begin()->string() : ".";
}

// The includes of `text` (a file of `folder`) that the table does not allow.
std::vector<std::string> backwards_includes(const Table& table, const std::string& folder,
                                            const std::string& text) {
  static const std::regex include(R"re(^\s*#\s*include\s+"([a-z_]+)/[^"]+")re");
  std::vector<std::string> bad;
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    std::smatch m;
    if (!std::regex_search(line, m, include)) continue;
    const std::string target = m[1];
    auto row = table.find(folder);
    if (target == folder || (row != table.end() && row->second.count(target))) continue;
    bad.push_back("line " + std::to_string(n) + ": " + folder + " includes " + target);
  }
  return bad;
}

bool has_cycle(const Table& t) {
  std::map<std::string, int> state;  // 1 visiting, 2 done
  std::function<bool(const std::string&)> visit = [&](const std::string& f) {
    if (state[f] == 1) return true;
    if (state[f] == 2) return false;
    state[f] = 1;
    auto row = t.find(f);
    if (row != t.end())
      for (const auto& d : row->second)
        if (visit(d)) return true;
    state[f] = 2;
    return false;
  };
  for (const auto& [f, deps] : t)
    if (visit(f)) return true;
  return false;
}

}  // namespace

TEST_CASE("layering: no file under src/ includes a layer above its own", "[layering]") {
  const Table table = layering();
  std::vector<std::string> bad;
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(src_dir())) {
    if (!e.is_regular_file()) continue;
    ++files;
    for (const auto& b : backwards_includes(table, folder_of(e.path()), bm::test::slurp(e.path())))
      bad.push_back(fs::relative(e.path(), src_dir()).string() + " " + b);
  }
  CHECK(files > 100);
  std::string all;
  for (const auto& b : bad) all += b + "\n";
  INFO("backwards includes (tests/data/layering.tsv says what each folder may include):\n" << all);
  CHECK(bad.empty());
}

TEST_CASE("layering: every folder of src/ has a row and the rows go one way", "[layering]") {
  const Table table = layering();
  for (const auto& e : fs::directory_iterator(src_dir())) {
    if (!e.is_directory()) continue;
    INFO("folder src/" << e.path().filename().string());
    CHECK(table.count(e.path().filename().string()));
  }
  CHECK(table.count("."));
  for (const auto& [folder, deps] : table)
    for (const auto& d : deps) {
      INFO(folder << " may include " << d << ", which has no row");
      CHECK(table.count(d));
    }
  CHECK_FALSE(has_cycle(table));
}

TEST_CASE("layering: the checker sees a backwards include and a cycle", "[layering]") {
  std::istringstream tsv("core\t\nrender\tcore\ngazetteer\tcore\n");
  const Table t = read_table(tsv);
  auto bad = backwards_includes(t, "render",
                                "#include \"core/model.hpp\"\n#include \"render/map.hpp\"\n"
                                "  #include \"gazetteer/gazetteer.hpp\"\n#include <vector>\n");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0] == "line 3: render includes gazetteer");
  std::istringstream loop("a\tb\nb\ta\n");
  CHECK(has_cycle(read_table(loop)));
  CHECK_FALSE(has_cycle(t));
}
