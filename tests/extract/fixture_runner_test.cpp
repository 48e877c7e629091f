// One runner for every extraction fixture: each article in tests/data/extract/
// with an `<article>.expect.json` beside it is extracted and held to it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "extract/fixture_expect.hpp"
#include "extract/fixture_gazetteers.hpp"
#include "support.hpp"

using namespace bm;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

test::FixtureRun run_fixture(const fs::path& article, const json& expect) {
  const auto& lookup =
      expect.value("gazetteer", "small") == "bundle" ? test::bundle_lookup() : test::small_lookup();
  auto r = extract::extract_all({extract::load_document(article.string())}, lookup,
                                expect.value("date", ""));
  REQUIRE(r.docs.size() == 1);
  return {std::move(r.docs[0]), std::move(r.drafts)};
}

std::vector<fs::path> expectation_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(test::data("extract")))
    if (e.path().string().ends_with(".expect.json")) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every extraction fixture meets its expect.json", "[extract][fixtures]") {
  auto files = expectation_files();
  REQUIRE(files.size() >= 20);
  for (const auto& file : files) {
    json expect = test::read_json(file);
    fs::path article = file.parent_path() / expect.at("article").get<std::string>();
    SECTION(article.filename().string()) {
      INFO(article.filename().string() << ": " << expect.value("why", ""));
      test::FixtureRun run = run_fixture(article, expect);
      std::vector<std::string> fails = test::check_document(run, expect);
      for (auto check : {test::check_incidents, test::check_claims, test::check_places})
        for (auto& f : check(run, expect)) fails.push_back(std::move(f));
      for (const auto& f : fails) FAIL_CHECK(f);
      CHECK(fails.empty());
    }
  }
}
