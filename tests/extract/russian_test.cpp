// Russian-language text through the same passes as English, on sentences
// in our own words: dates, figures and their kinds, sides, claimants, borders.
#include <catch2/catch.hpp>

#include "extract/no_places.hpp"

#include "extract/borders.hpp"
#include "extract/dates.hpp"
#include "extract/figures.hpp"

using namespace bm;
using namespace bm::extract;

namespace {

using bm::test::no_places;

std::vector<ClaimMention> claims(const std::string& text) {
  auto toks = tokenize(text);
  auto sents = split_sentences(text, toks);
  REQUIRE(sents.size() == 1);
  auto dates = find_dates(text, toks, 0, toks.size(), "2023-10-01");
  std::vector<bool> skip(toks.size(), false);
  for (const auto& d : dates)
    for (std::size_t k = 0; k < toks.size(); ++k)
      if (toks[k].begin >= d.begin && toks[k].end <= d.end) skip[k] = true;
  Attribution who = find_attribution(text, toks, sents[0], {}, no_places());
  return find_claims(text, toks, sents[0], 0, who, skip);
}

}  // namespace

TEST_CASE("Russian dates: genitive months, years with года, day ranges", "[extract][ru]") {
  std::string text = "Обстрел 3 октября 2023 года и бои 7–9 сентября.";
  auto toks = tokenize(text);
  auto d = find_dates(text, toks, 0, toks.size(), "2023-10-05");
  REQUIRE(d.size() == 2);
  CHECK(d[0].range.start == "2023-10-03");
  CHECK(d[1].range.start == "2023-09-07");
  CHECK(d[1].range.end == "2023-09-09");
}

TEST_CASE("Russian figures: killed, injured, evacuated in their forms", "[extract][ru]") {
  auto c = claims("По данным министерства, погибли пять человек, ещё 12 ранены.");
  REQUIRE(c.size() == 2);
  CHECK(c[0].claim.kind == "killed");
  CHECK(c[0].claim.low == 5);
  CHECK(c[1].claim.kind == "injured");
  CHECK(c[1].claim.low == 12);
  auto e = claims("Из приграничных сёл эвакуированы более 9 тысяч жителей.");
  REQUIRE(e.size() == 1);
  CHECK(e[0].claim.kind == "evacuated");
  CHECK(e[0].claim.low == 9000);
  CHECK_FALSE(e[0].claim.high);
}

TEST_CASE("Russian sides and claimants", "[extract][ru]") {
  auto c = claims("Трое узбекских пограничников ранены, сообщила пресс-служба ведомства.");
  REQUIRE(c.size() == 1);
  CHECK(c[0].claim.side == "UZ");
  CHECK(c[0].claim.claimant.find("пресс-служба") != std::string::npos);
}

TEST_CASE("Russian border names are borders of two countries", "[extract][ru]") {
  std::string text = "Перестрелка произошла на узбекско-кыргызской границе.";
  auto toks = tokenize(text);
  auto b = find_borders(text, toks, split_sentences(text, toks));
  REQUIRE(b.size() == 1);
  CHECK(b[0].border == "KG-UZ");
}

TEST_CASE("Cyrillic capitals are lowered for matching", "[extract][ru]") {
  auto toks = tokenize("ПОГИБЛИ");
  REQUIRE(toks.size() == 1);
  CHECK(toks[0].lower == "погибли");
}
