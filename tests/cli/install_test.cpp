// Running as an installed tool: where data, caches and config come from,
// --version, and man pages and completion that match --help.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "core/checksum.hpp"
#include "geodata/bundle.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
  int code;
  std::string out, err;
};

// `env` is prepended (VAR=value ...); runs in `dir`.
Run run_in(const fs::path& dir, const std::string& env, const std::string& args) {
  fs::path err_file = dir / ".stderr";
  std::string cmd = "cd " + dir.string() + " && env " + env + " " + BORDERMAP_BINARY + " " + args +
                    " 2>" + err_file.string();
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out, bm::test::slurp(err_file)};
}

std::vector<fs::path> cache_files(const fs::path& cache_home) {
  std::vector<fs::path> out;
  if (fs::exists(cache_home / "bordermap"))
    for (const auto& e : fs::directory_iterator(cache_home / "bordermap"))
      if (e.path().filename().string().rfind("gazetteer-", 0) == 0) out.push_back(e.path());
  return out;
}

std::set<std::string> long_options(const std::string& help) {
  std::set<std::string> out;
  std::regex opt(R"((--[a-z][a-z0-9-]+))");
  for (std::sregex_iterator it(help.begin(), help.end(), opt), end; it != end; ++it)
    out.insert((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("the data folder comes from the --data option, then BORDERMAP_DATA", "[cli][install]") {
  auto tmp = bm::test::scratch("install_data");
  Run r = run_in(tmp, "BORDERMAP_DATA=" + bm::data_root(), "--data /nonexistent/bm data");
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/bm/geodata/bordermap.gpkg"));
  CHECK_THAT(r.err, Catch::Contains("--data"));
  Run v = run_in(tmp, "BORDERMAP_DATA=" + bm::data_root(), "--version");
  CHECK(v.code == 0);
  CHECK_THAT(v.out, Catch::Contains("data: " + bm::data_root() + " (BORDERMAP_DATA)"));
  // A build tree has no ../share/bordermap: it falls back to its source tree.
  Run s = run_in(tmp, "-u BORDERMAP_DATA -u BORDERMAP_HOME", "--version");
  CHECK_THAT(s.out, Catch::Contains("(source tree)"));
}

TEST_CASE("bordermap --version names the version, commit, libraries and bundled data",
          "[cli][install]") {
  auto tmp = bm::test::scratch("install_version");
  Run r = run_in(tmp, "", "--version");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::StartsWith(std::string("bordermap ") + BORDERMAP_VERSION + " (commit "));
  for (const char* lib : {"GDAL 3.", "PROJ ", "GEOS ", "Cairo 1.", "Pango 1."})
    CHECK_THAT(r.out, Catch::Contains(lib));
  std::string sum = bm::sha256_file(bm::default_bundle_path()).substr(0, 16);
  CHECK_THAT(r.out, Catch::Contains("bordermap.gpkg sha256 " + sum));
  CHECK_THAT(r.out, Catch::Contains("places: "));
}

TEST_CASE("the gazetteer cache is per user, outside the data, rebuilt when damaged",
          "[cli][install]") {
  auto tmp = bm::test::scratch("install_cache");
  std::string env = "XDG_CACHE_HOME=" + (tmp / "cache").string();
  auto geodata_before = std::distance(fs::directory_iterator(bm::data_root() + "/geodata"), {});
  Run first = run_in(tmp, env, "resolve Isfana");
  REQUIRE(first.code == 0);
  CHECK(first.err.empty());  // a cache written is no news
  auto files = cache_files(tmp / "cache");
  REQUIRE(files.size() == 1);
  CHECK(std::distance(fs::directory_iterator(bm::data_root() + "/geodata"), {}) == geodata_before);
  const auto size = fs::file_size(files[0]);

  // Damaged in the middle: refused, rebuilt, and the answer is the same.
  {
    std::fstream f(files[0], std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    f << std::string(4096, '\xff');
  }
  fs::resize_file(files[0], size / 3);
  Run again = run_in(tmp, env, "resolve Isfana");
  CHECK(again.code == 0);
  CHECK_THAT(again.err, Catch::Contains("damaged"));
  CHECK(again.out == first.out);
  CHECK(fs::file_size(files[0]) == size);
  Run warm = run_in(tmp, env, "resolve Isfana");
  CHECK(warm.err.empty());
}

TEST_CASE("two processes building the cache at once both succeed", "[cli][install]") {
  auto tmp = bm::test::scratch("install_cache_race");
  std::string env = "XDG_CACHE_HOME=" + (tmp / "cache").string();
  std::string b = BORDERMAP_BINARY;
  std::string one = "env " + env + " " + b + " resolve Vorukh";
  std::string cmd = "cd " + tmp.string() + " && { " + one + " >a 2>a.err & pa=$!; " + one +
                    " >b 2>b.err; rb=$?; wait $pa; exit $(( $? | rb )); }";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK_FALSE(bm::test::slurp(tmp / "a").empty());
  CHECK(bm::test::slurp(tmp / "a") == bm::test::slurp(tmp / "b"));
  auto files = cache_files(tmp / "cache");
  CHECK(files.size() == 1);  // no temporary left behind
  Run warm = run_in(tmp, env, "resolve Vorukh");
  CHECK(warm.code == 0);
  CHECK(warm.err.empty());  // the cache left is whole
}

TEST_CASE("the user's bordermap.toml sets defaults and ./bordermap.toml wins", "[cli][install]") {
  auto tmp = bm::test::scratch("install_config");
  fs::create_directories(tmp / "config" / "bordermap");
  std::ofstream(tmp / "config" / "bordermap" / "bordermap.toml")
      << "[report]\ntitle = \"User title\"\nformats = \"svg\"\n";
  std::string env = "XDG_CONFIG_HOME=" + (tmp / "config").string();
  std::string args =
      "-q report --border KG-TJ " + bm::test::data("incidents_small.csv") + " -o out";
  REQUIRE(run_in(tmp, env, args).code == 0);
  auto m = nlohmann::json::parse(bm::test::slurp(tmp / "out" / "manifest.json"));
  CHECK(m["options"]["title"] == "User title");
  std::ofstream(tmp / "bordermap.toml") << "[report]\ntitle = \"Local title\"\n";
  REQUIRE(run_in(tmp, env, args).code == 0);
  m = nlohmann::json::parse(bm::test::slurp(tmp / "out" / "manifest.json"));
  CHECK(m["options"]["title"] == "Local title");
}

TEST_CASE("an unknown key in bordermap.toml is an error naming the key and line",
          "[cli][install]") {
  auto tmp = bm::test::scratch("install_config_typo");
  std::ofstream(tmp / "bordermap.toml") << "quiet = true\n\n[report]\nstlye = \"print\"\n";
  Run r = run_in(tmp, "", "report -o out");
  CHECK(r.code == 1);
  CHECK_THAT(r.err,
             Catch::Contains("bordermap.toml:4: unknown key 'stlye' in [report] — did you mean "
                             "'style'?"));
  CHECK_FALSE(fs::exists(tmp / "out"));
  std::ofstream(tmp / "bordermap.toml") << "[reprot]\ntitle = \"x\"\n";
  r = run_in(tmp, "", "report -o out");
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("bordermap.toml:1: unknown key 'reprot'"));
  CHECK_THAT(r.err, Catch::Contains("did you mean 'report'?"));
}

TEST_CASE("man pages and completion list every command and option --help shows", "[cli][install]") {
  auto tmp = bm::test::scratch("install_docs");
  Run help = run_in(tmp, "", "--help");
  REQUIRE(help.code == 0);
  REQUIRE(run_in(tmp, "", "manpage man").code == 0);
  Run bash = run_in(tmp, "", "completion bash");
  Run zsh = run_in(tmp, "", "completion zsh");
  REQUIRE(bash.code == 0);
  REQUIRE(zsh.code == 0);
  std::ofstream(tmp / "bordermap.bash") << bash.out;
  CHECK(std::system(("bash -n " + (tmp / "bordermap.bash").string()).c_str()) == 0);
  std::string index = bm::test::slurp(tmp / "man" / "bordermap.1");
  std::regex row(R"(\n  ([a-z]+) )");
  std::string rest = help.out.substr(help.out.find("Subcommands:"));
  int commands = 0;
  for (std::sregex_iterator it(rest.begin(), rest.end(), row), end; it != end; ++it, ++commands) {
    std::string name = (*it)[1];
    INFO(name);
    CHECK_THAT(bash.out, Catch::Contains(" " + name + ")"));
    CHECK_THAT(zsh.out, Catch::Contains("'" + name + ":"));
    CHECK_THAT(index, Catch::Contains("bordermap\\-" + name));
    std::string page = bm::test::slurp(tmp / "man" / ("bordermap-" + name + ".1"));
    Run sub = run_in(tmp, "", name + " --help");
    for (const auto& opt : long_options(sub.out)) {
      INFO(opt);
      std::string roff = std::regex_replace(opt, std::regex("-"), "\\-");
      CHECK_THAT(page, Catch::Contains(roff));
      CHECK_THAT(bash.out, Catch::Contains(opt));
    }
    // groff reads it without a warning.
    std::string groff = "groff -man -ww -z " +
                        (tmp / "man" / ("bordermap-" + name + ".1")).string() +
                        " 2>&1 | grep -q . && exit 1 || exit 0";
    CHECK(std::system(groff.c_str()) == 0);
  }
  CHECK(commands >= 8);
  CHECK_THAT(help.out, !Catch::Contains("completion"));  // generators stay hidden
}
