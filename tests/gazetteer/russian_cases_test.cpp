#include <catch2/catch.hpp>

#include <algorithm>

#include "gazetteer/russian_cases.hpp"

namespace {

bool has(const std::vector<std::string>& forms, const std::string& f) {
  return std::find(forms.begin(), forms.end(), f) != forms.end();
}

}  // namespace

TEST_CASE("nominative forms undo Russian case endings", "[gazetteer][ru]") {
  // Prepositions and settlement words go; the phrase as written comes first.
  auto f = bm::nominative_forms("в Баткенской области");
  REQUIRE_FALSE(f.empty());
  CHECK(f.front() == "баткенской области");
  CHECK(has(f, "баткенская область"));
  CHECK(has(bm::nominative_forms("из Исфары"), "исфара"));
  CHECK(has(bm::nominative_forms("Воруха"), "ворух"));
  CHECK(has(bm::nominative_forms("в селе Ворух"), "ворух"));
  CHECK(has(bm::nominative_forms("в Баткенском районе"), "баткенский район"));
  CHECK(has(bm::nominative_forms("Бишкеке"), "бишкек"));
  // An area named by its place's adjective is also that place's name.
  CHECK(has(bm::nominative_forms("Сюникской области"), "сюник"));
  CHECK(has(bm::nominative_forms("Тавушского района"), "тавуш"));
  CHECK(has(bm::nominative_forms("Согдийской области"), "согд"));
  CHECK_FALSE(has(bm::nominative_forms("Сюникской деревне"), "сюник"));
}

TEST_CASE("nominative forms leave Latin names and short words alone", "[gazetteer][ru]") {
  CHECK(bm::nominative_forms("Batken").empty());
  // A stem keeps two letters: "Оше" may be "Ош", but "Ош" has no other form.
  CHECK(bm::nominative_forms("Ош") == std::vector<std::string>{"ош"});
  CHECK(has(bm::nominative_forms("Оше"), "ош"));
  // A lone preposition is kept: there is nothing else to read.
  CHECK(bm::nominative_forms("в") == std::vector<std::string>{"в"});
}
