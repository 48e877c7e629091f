#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <regex>
#include <set>

#include "support.hpp"

// docs/cli.md's command table and `bordermap --help` must list the same commands.
TEST_CASE("docs/cli.md documents exactly the subcommands that --help lists", "[cli]") {
  std::string cmd = std::string(BORDERMAP_BINARY) + " --help";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string help;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) help.append(buf.data(), n);
  REQUIRE(pclose(p) == 0);

  std::set<std::string> in_help;
  auto sub = help.find("Subcommands:");
  REQUIRE(sub != std::string::npos);
  std::regex row(R"(\n  ([a-z]+) )");
  std::string rest = help.substr(sub);
  for (std::sregex_iterator it(rest.begin(), rest.end(), row), end; it != end; ++it)
    in_help.insert((*it)[1]);

  std::string readme = bm::test::slurp(std::string(BORDERMAP_SOURCE_DIR) + "/docs/cli.md");
  auto table = readme.find("| command | what it does |");
  REQUIRE(table != std::string::npos);
  std::set<std::string> in_readme;
  std::regex cell(R"(\n\| `([a-z]+)` \|)");
  std::string part = readme.substr(table, readme.find("\n\n", table) - table);
  for (std::sregex_iterator it(part.begin(), part.end(), cell), end; it != end; ++it)
    in_readme.insert((*it)[1]);

  CHECK(in_help.size() >= 3);
  CHECK(in_help == in_readme);
}
