#include <catch2/catch.hpp>

#include "extract/dates.hpp"
#include "extract/numbers.hpp"

using namespace bm::extract;

namespace {

std::vector<DateMention> dates_in(const std::string& text, const std::string& anchor) {
  auto toks = tokenize(text);
  return find_dates(text, toks, 0, toks.size(), anchor);
}

Quantity quantity(const std::string& text) {
  auto toks = tokenize(text);
  auto q = parse_quantity(toks, 0, toks.size());
  REQUIRE(q);
  return *q;
}

}  // namespace

TEST_CASE("publication date from a dateline", "[extract][dates]") {
  CHECK(find_publication_date(" date 2023-06-02 Fast News\nText") == "2023-06-02");
  CHECK(find_publication_date("Published: 14 December 2022\nIndian and Chinese troops") ==
        "2022-12-14");
  CHECK(find_publication_date("Updated Sep 13, 2022 — Armenia said") == "2022-09-13");
  CHECK(find_publication_date("Troops clashed on Friday.") == "");
  // Wire datelines: the city in capitals, then the date.
  CHECK(find_publication_date("Headline\n\nISLAMABAD, December 11, 2022 - Afghan forces fired") ==
        "2022-12-11");
  CHECK(find_publication_date("KYIV, 3 March 2022 (AP) — Shelling continued") == "2022-03-03");
  // A capitalised word before a comma that is not a city in capitals is no dateline.
  CHECK(find_publication_date("Officials in Kabul, December 11, 2022 said") == "");
}

TEST_CASE("relative dates resolve against the publication date", "[extract][dates]") {
  // 2022-12-14 was a Wednesday.
  auto d = dates_in("The clash took place on Friday and officials spoke yesterday.", "2022-12-14");
  REQUIRE(d.size() == 2);
  CHECK(d[0].range.start == "2022-12-09");
  CHECK(d[0].range.precision == "day");
  CHECK(d[1].range.start == "2022-12-13");
  // Same weekday as publication is that day.
  CHECK(dates_in("on Wednesday", "2022-12-14")[0].range.start == "2022-12-14");
  auto w = dates_in("Fighting broke out last week", "2022-12-14");
  REQUIRE(w.size() == 1);
  CHECK(w[0].range.start == "2022-12-07");
  CHECK(w[0].range.end == "2022-12-13");
  CHECK(w[0].range.precision == "week");
  auto m = dates_in("Saturday morning shelling", "2022-09-18");
  REQUIRE(m.size() == 1);
  CHECK(m[0].text == "Saturday morning");
  CHECK(m[0].range.start == "2022-09-17");
}

TEST_CASE("calendar dates, ranges, months and years", "[extract][dates]") {
  auto a = dates_in("on December 9 troops clashed", "2022-12-14");
  REQUIRE(a.size() == 1);
  CHECK(a[0].range.start == "2022-12-09");
  // Early January article about December: the year before.
  CHECK(dates_in("on December 30", "2023-01-03")[0].range.start == "2022-12-30");
  auto r = dates_in("between September 12 and 14", "2022-09-20");
  REQUIRE(r.size() == 1);
  CHECK(r[0].range.start == "2022-09-12");
  CHECK(r[0].range.end == "2022-09-14");
  CHECK(r[0].range.precision == "range");
  auto m = dates_in("Clashes in June 2020 killed 20 soldiers", "2022-12-14");
  REQUIRE(m.size() == 1);
  CHECK(m[0].range.start == "2020-06-01");
  CHECK(m[0].range.end == "2020-06-30");
  CHECK(m[0].range.precision == "month");
  CHECK(dates_in("on 16 September", "2022-09-19")[0].range.start == "2022-09-16");
}

TEST_CASE("relative dates stay open without an anchor", "[extract][dates]") {
  auto d = dates_in("on Wednesday", "");
  REQUIRE(d.size() == 1);
  CHECK(d[0].range.start.empty());
}

TEST_CASE("numbers in digits and words with range semantics", "[extract][numbers]") {
  Quantity q = quantity("at least 24 people");
  CHECK(q.low == 24);
  CHECK(!q.high);
  q = quantity("about 137,000");
  CHECK(q.low == 137000);
  CHECK(q.high == 137000);
  CHECK(q.approx);
  q = quantity("nearly 100");
  CHECK(!q.low);
  CHECK(q.high == 100);
  CHECK(q.approx);
  CHECK(quantity("two dozen").low == 24);
  CHECK(quantity("a dozen").high == 12);
  q = quantity("dozens of");
  CHECK(q.low == 24);
  CHECK(!q.high);
  CHECK(quantity("thirty-five").low == 35);
  CHECK(quantity("1.5 million").low == 1500000);
  q = quantity("tens of thousands of people");
  CHECK(q.low == 20000);
  CHECK(q.approx);
  q = quantity("more than 50");
  CHECK(q.low == 50);
  CHECK(!q.high);
  q = quantity("up to 300");
  CHECK(!q.low);
  CHECK(q.high == 300);
}

TEST_CASE("years, times and distances are not quantities", "[extract][numbers]") {
  for (const char* s : {"2021", "10:00 am", "970 km", "16:00"}) {
    auto toks = tokenize(s);
    CHECK_FALSE(parse_quantity(toks, 0, toks.size()));
  }
}

TEST_CASE("more dateline shapes and 'a soldier'", "[extract][dates][numbers]") {
  CHECK(find_publication_date("Tue 13 Sep 2022 10.15 BST\nArmenia says") == "2022-09-13");
  CHECK(find_publication_date("Sept. 13, 2022\nArmenia says") == "2022-09-13");
  auto toks = tokenize("a Tajik border guard was killed");
  auto q = parse_quantity(toks, 0, toks.size());
  REQUIRE(q);
  CHECK(q->low == 1);
  CHECK(q->high == 1);
  auto toks2 = tokenize("a ceasefire was agreed");
  CHECK_FALSE(parse_quantity(toks2, 0, toks2.size()));
}

TEST_CASE("a month alone is the latest such month", "[extract][dates]") {
  auto d = dates_in("In February, Pakistan closed the crossing", "2023-09-07");
  REQUIRE(d.size() == 1);
  CHECK(d[0].range.start == "2023-02-01");
  CHECK(d[0].range.end == "2023-02-28");
  CHECK(d[0].range.precision == "month");
  auto n = dates_in("since November", "2023-09-07");
  REQUIRE(n.size() == 1);
  CHECK(n[0].range.start == "2022-11-01");
  CHECK(dates_in("You May go", "2023-09-07").empty());
}
