// Names on the map: no gazetteer qualifiers, the chosen script, and sources
// credited without the analyst's folders.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "render/names.hpp"

TEST_CASE("labels drop the gazetteer's disambiguating parenthesis", "[render][names]") {
  CHECK(bm::without_qualifier("Kök-Tash (Batken District)") == "Kök-Tash");
  CHECK(bm::without_qualifier("Dostuk (Batken District)") == "Dostuk");
  CHECK(bm::without_qualifier("Vorukh") == "Vorukh");
  CHECK(bm::without_qualifier("(unnamed)") == "(unnamed)");  // nothing would be left
  bm::Incident i;
  i.place = "Kok-Tash";
  i.resolved_name = "Kök-Tash (Leilek District)";
  CHECK(bm::place_label(i, bm::LabelScript::as_named) == "Kök-Tash");
  i.resolved_name.clear();
  CHECK(bm::place_label(i, bm::LabelScript::as_named) == "Kok-Tash");
}

TEST_CASE("labels follow the chosen script", "[render][names]") {
  bm::Incident i;
  i.place = "Исфаны";  // as the Russian source wrote it
  i.resolved_name = "Исфана";
  CHECK(bm::place_label(i, bm::LabelScript::latin) == "Isfana");
  CHECK(bm::place_label(i, bm::LabelScript::source) == "Исфана");
  i.place = "Vorukh";
  i.resolved_name = "Vorukh";
  CHECK(bm::place_label(i, bm::LabelScript::cyrillic) == "Ворукх");
  CHECK(bm::place_label(i, bm::LabelScript::source) == "Vorukh");
  CHECK(bm::label_script_from("") == bm::LabelScript::as_named);
  CHECK_THROWS_AS(bm::label_script_from("greek"), bm::UsageError);
}

TEST_CASE("the credit line names files, not the analyst's folders", "[render][names]") {
  CHECK(bm::credit_name("/home/analyst/cases/kg-tj/articles/ap_2022-09-16.txt") ==
        "ap_2022-09-16.txt");
  CHECK(bm::credit_name("C:\\Users\\me\\news\\rferl.html") == "rferl.html");
  CHECK(bm::credit_name("articles/24kg.txt") == "24kg.txt");
  CHECK(bm::credit_name("AP (https://apnews.com/article/x)") == "AP");
  CHECK(bm::credit_name("Kyrgyz Border Service / 24.kg") == "Kyrgyz Border Service / 24.kg");
  CHECK(bm::credit_name("RFE/RL") == "RFE/RL");
}
