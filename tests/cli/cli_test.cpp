#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support.hpp"

namespace {

struct Run {
  int code;
  std::string output;  // stdout and stderr together
  std::string err;     // stderr alone
};

// Runs the real executable, as a user would, and captures its output.
Run run(const std::string& args, const std::string& stdin_file = "") {
  static int calls = 0;  // test cases run in parallel processes: one folder each
  auto err_file = bm::test::scratch("cli_stderr_" + std::to_string(::getpid()) + "_" +
                                    std::to_string(calls++)) /
                  "stderr.txt";
  std::string cmd = std::string(BORDERMAP_BINARY) + " " + args + " 2>" + err_file.string();
  if (!stdin_file.empty()) cmd += " < " + stdin_file;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  int status = pclose(p);
  std::string err = bm::test::slurp(err_file);
  return {WEXITSTATUS(status), out + err, err};
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("command-line cases behave as tests/data/cli/cases.tsv says", "[cli]") {
  auto tmp = bm::test::scratch("cli_cases");
  std::ifstream in(bm::test::data("cli/cases.tsv"));
  REQUIRE(in);
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream row(line);
    std::string args, code, expect, input, err;
    std::getline(row, args, '\t');
    std::getline(row, code, '\t');
    std::getline(row, expect, '\t');
    std::getline(row, input, '\t');
    std::getline(row, err, '\t');
    auto expand = [&](const std::string& s) {
      return replace_all(replace_all(s, "{data}", BORDERMAP_TEST_DATA), "{tmp}", tmp.string());
    };
    args = expand(args);
    input = expand(input);
    INFO("bordermap " << args << (input.empty() ? "" : " < " + input));
    Run r = run(args, input);
    INFO(r.output);
    CHECK(r.code == std::stoi(code));
    CHECK_THAT(r.output, Catch::Contains(expect));
    // stderr is empty unless the case says what it must hold ("*": anything).
    if (err.empty())
      CHECK(r.err.empty());
    else if (err != "*")
      CHECK_THAT(r.err, Catch::Contains(expand(err)));
    ++cases;
  }
  CHECK(cases >= 20);
}

TEST_CASE("a usage error leaves no partial output behind", "[cli]") {
  auto tmp = bm::test::scratch("cli_no_partial");
  Run r = run("report --bbox nonsense -o " + (tmp / "out").string());
  CHECK(r.code == 2);
  CHECK_FALSE(std::filesystem::exists(tmp / "out"));
}

TEST_CASE("the --json flag prints a parseable summary and manifest.json describes the bundle",
          "[cli]") {
  auto tmp = bm::test::scratch("cli_json");
  std::string cmd = std::string(BORDERMAP_BINARY) + " --json -q report --border KG-TJ " +
                    bm::test::data("incidents_small.csv") + " -o " + tmp.string();
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  REQUIRE(WEXITSTATUS(pclose(p)) == 0);
  auto summary = nlohmann::json::parse(out);
  CHECK(summary["incidents_read"] == 5);
  CHECK(summary["border"] == "KG-TJ");

  auto m = nlohmann::json::parse(bm::test::slurp(tmp / "manifest.json"));
  REQUIRE(m["inputs"].size() == 1);
  CHECK(m["inputs"][0]["sha256"].get<std::string>().size() == 64);
  CHECK(m["counts"]["incidents_read"] == 5);
  CHECK(m["software"]["version"] == BORDERMAP_VERSION);
  // Every output listed exists with the size recorded.
  for (const auto& o : m["outputs"])
    CHECK(std::filesystem::file_size(tmp / o["path"].get<std::string>()) ==
          o["bytes"].get<std::uintmax_t>());
}

TEST_CASE("bordermap.toml in the working directory sets option defaults", "[cli]") {
  auto tmp = bm::test::scratch("cli_config");
  std::ofstream(tmp / "bordermap.toml") << "[report]\ntitle = \"Config title 42\"\n";
  std::string cmd = "cd " + tmp.string() + " && " + BORDERMAP_BINARY +
                    " -q report --border KG-TJ " + bm::test::data("incidents_small.csv") +
                    " -o out >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto m = nlohmann::json::parse(bm::test::slurp(tmp / "out" / "manifest.json"));
  CHECK(m["options"]["title"] == "Config title 42");
}

TEST_CASE("steps compose through pipes: extract | link - | render -", "[cli]") {
  auto tmp = bm::test::scratch("cli_pipe");
  std::string b = BORDERMAP_BINARY;
  std::string map = (tmp / "pipe.svg").string();
  std::string cmd = b + " -q extract " + bm::test::data("extract/india_china_galwan.txt") + " | " +
                    b + " -q link - --border IN-CN | tee " + (tmp / "linked.csv").string() + " | " +
                    b + " -q render - --border IN-CN -o " + map + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  // The middle of the pipe is the incident table with the link columns.
  std::string linked = bm::test::slurp(tmp / "linked.csv");
  CHECK(linked.rfind("id,date_start", 0) == 0);
  CHECK_THAT(linked, Catch::Contains("disputed_distance_m"));
  CHECK_THAT(bm::test::slurp(map), Catch::Contains("<svg"));
}
