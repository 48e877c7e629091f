// The forces table (src/extract/forces.cpp): every row cited, well formed,
// and names matched whole, longest first, only as proper names.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "extract/forces.hpp"
#include "support.hpp"

using namespace bm;

TEST_CASE("every force in the table has its source listed in geodata/PROVENANCE.md",
          "[extract][forces]") {
  std::ifstream in(test::data("../../geodata/PROVENANCE.md"));
  REQUIRE(in);
  std::stringstream all;
  all << in.rdbuf();
  const std::string provenance = all.str();
  const std::set<std::string_view> kinds = {"state", "de_facto", "regional", "non_state",
                                            "international"};
  REQUIRE(extract::forces().size() >= 20);
  for (const auto& f : extract::forces()) {
    INFO(f.words);
    CHECK(provenance.find("`" + std::string(f.source) + "`") != std::string::npos);
    CHECK(kinds.contains(f.kind));
    // A side is a country code; only state forces and authorities have one.
    bool sided = f.kind == "state" || f.kind == "de_facto" || f.kind == "regional";
    CHECK(f.country.size() == (sided ? 2u : 0u));
    for (char c : f.words) CHECK_FALSE((c >= 'A' && c <= 'Z'));
  }
}

TEST_CASE("a force's name is matched whole, longest first and only capitalised",
          "[extract][forces]") {
  auto at = [](const std::string& text, std::size_t& end) {
    static std::vector<extract::Token> toks;
    toks = extract::tokenize(text);
    return extract::force_at(toks, 0, toks.size(), end);
  };
  std::size_t end = 0;
  const auto* taliban = at("Taliban fighters", end);
  REQUIRE(taliban);
  CHECK(taliban->country == "AF");
  CHECK(end == 1);
  const auto* ttp = at("Pakistani Taliban fighters", end);
  REQUIRE(ttp);
  CHECK(ttp->country.empty());
  CHECK(end == 2);
  const auto* bsf = at("Border Security Force troops", end);
  REQUIRE(bsf);
  CHECK(bsf->country == "IN");
  CHECK(end == 3);
  CHECK_FALSE(at("taliban", end));          // not a proper name as written
  CHECK_FALSE(at("Border Security", end));  // not the whole name
  CHECK(extract::force_word("hezbollah"));
  CHECK_FALSE(extract::force_word("border"));
}
