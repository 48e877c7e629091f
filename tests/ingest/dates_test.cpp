#include <catch2/catch.hpp>

#include "ingest/dates.hpp"

using bm::ingest::parse_date;

TEST_CASE("dates are read in the forms ACLED and UCDP write them", "[ingest][dates]") {
  CHECK(parse_date("2022-09-14") == "2022-09-14");
  CHECK(parse_date("2022-09-14 00:00:00.000") == "2022-09-14");
  CHECK(parse_date("14 September 2022") == "2022-09-14");
  CHECK(parse_date("14 Sep 2022") == "2022-09-14");
  CHECK(parse_date("4 Sept 2022") == "2022-09-04");
  CHECK(parse_date("14-September-2022") == "2022-09-14");
  CHECK(parse_date("14-09-2022") == "2022-09-14");
  CHECK(parse_date("14.09.2022") == "2022-09-14");
  CHECK(parse_date(" 1/2/2022 ") == "2022-02-01");  // day first, as ACLED's dd-mm-yyyy
}

TEST_CASE("impossible and unknown dates are refused", "[ingest][dates]") {
  CHECK_FALSE(parse_date("2022-13-40"));
  CHECK_FALSE(parse_date("2022-02-30"));
  CHECK_FALSE(parse_date("31-04-2022"));
  CHECK_FALSE(parse_date("14 Septembre 2022"));
  CHECK_FALSE(parse_date("14 Se 2022"));
  CHECK_FALSE(parse_date("yesterday"));
  CHECK_FALSE(parse_date(""));
}

TEST_CASE("date arithmetic crosses month and leap-year ends", "[ingest][dates]") {
  CHECK(bm::ingest::add_days("2022-09-29", 3) == "2022-10-02");
  CHECK(bm::ingest::add_days("2022-03-01", -1) == "2022-02-28");
  CHECK(bm::ingest::last_of_month("2024-02-10") == "2024-02-29");
  CHECK(bm::ingest::first_of_month("2022-09-15") == "2022-09-01");
}

TEST_CASE("dates: month first only when day first is impossible; Excel serials; US words",
          "[ingest][dates]") {
  CHECK(parse_date("09/16/2022") == "2022-09-16");
  CHECK(parse_date("16/09/2022") == "2022-09-16");
  CHECK(parse_date("05/09/2022") == "2022-09-05");  // ambiguous: day first, as ACLED
  CHECK_FALSE(parse_date("13/13/2022"));
  CHECK(parse_date("44820") == "2022-09-16");
  CHECK(parse_date("44820.5") == "2022-09-16");
  CHECK_FALSE(parse_date("2022"));  // a year is not a serial
  CHECK(parse_date("Sept 16, 2022") == "2022-09-16");
  CHECK(parse_date("September 16 2022") == "2022-09-16");
}

TEST_CASE("a month or a year alone is a period with its first and last day", "[ingest][dates]") {
  using bm::ingest::parse_period;
  auto sep = parse_period("2022-09");
  REQUIRE(sep);
  CHECK(sep->first == "2022-09-01");
  CHECK(sep->last == "2022-09-30");
  CHECK(sep->precision == "month");
  CHECK(parse_period("September 2022")->last == "2022-09-30");
  CHECK(parse_period("Feb. 2024")->last == "2024-02-29");
  CHECK(parse_period("02/2023")->last == "2023-02-28");
  auto year = parse_period("2021");
  REQUIRE(year);
  CHECK(year->first == "2021-01-01");
  CHECK(year->last == "2021-12-31");
  CHECK(year->precision == "year");
  CHECK_FALSE(parse_period("2022-13"));
  CHECK_FALSE(parse_period("Smarch 2022"));
  CHECK_FALSE(parse_period("22"));
  CHECK_FALSE(parse_period("2022-09-14"));  // a day, not a period
}
