#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/csv.hpp"
#include "io/values.hpp"

using bm::io::parse_degrees;

TEST_CASE("degrees: decimal point or comma, DMS with a hemisphere", "[io][values]") {
  CHECK(parse_degrees("40.06", "lat", 90) == Approx(40.06));
  CHECK(parse_degrees("40,06", "lat", 90) == Approx(40.06));
  CHECK(parse_degrees("40°03′36″N", "lat", 90) == Approx(40.06));
  CHECK(parse_degrees("40°03'36\"N", "lat", 90) == Approx(40.06));
  CHECK(parse_degrees("N 40°03.6'", "lat", 90) == Approx(40.06));
  CHECK(parse_degrees("70°48′W", "lon", 180) == Approx(-70.8));
  CHECK(parse_degrees("40.06S", "lat", 90) == Approx(-40.06));
  CHECK(parse_degrees("40°", "lat", 90) == Approx(40));
}

// The plain-decimal fast path must read exactly what std::stod reads.
TEST_CASE("degrees: plain decimals read to the same double as std::stod", "[io][values]") {
  std::mt19937 rng(21);
  std::uniform_real_distribution<double> lon(-180, 180);
  for (int n = 0; n < 5000; ++n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*f", n % 12, lon(rng));
    CHECK(parse_degrees(buf, "lon", 180) == std::stod(buf));
  }
  CHECK(parse_degrees("+7", "lon", 180) == 7.0);
  CHECK(parse_degrees("-0.5", "lon", 180) == -0.5);
  CHECK(parse_degrees("12.", "lon", 180) == 12.0);
  CHECK(parse_degrees(".5", "lon", 180) == 0.5);
  CHECK(parse_degrees(" 1e1 ", "lon", 180) == 10.0);
  CHECK_THROWS_AS(parse_degrees("1.2.3", "lon", 180), bm::InputError);
}

TEST_CASE("degrees: forms with more than one reading or none are refused", "[io][values]") {
  CHECK_THROWS_AS(parse_degrees("40 03 36", "lat", 90), bm::InputError);  // no mark: not DMS
  CHECK_THROWS_AS(parse_degrees("1,234,5", "lat", 90), bm::InputError);
  CHECK_THROWS_AS(parse_degrees("40°75'N", "lat", 90), bm::InputError);  // minutes >= 60
  CHECK_THROWS_WITH(parse_degrees("70°48′E", "lat", 90), Catch::Contains("lat/lon swapped?"));
  CHECK_THROWS_WITH(parse_degrees("95,5", "lat", 90), Catch::Contains("outside"));
  CHECK_THROWS_WITH(parse_degrees("forty", "lat", 90), Catch::Contains("40°03′36″N"));
}

TEST_CASE("a header with semicolons and no comma makes a semicolon table", "[io][csv]") {
  std::istringstream in("id;lon;notes\n1;70,8;\"a;b\"\n");
  bm::csv::Table t(in, "x.csv");
  REQUIRE(t.header().size() == 3);
  REQUIRE(t.next());
  CHECK(t.get("lon") == "70,8");
  CHECK(t.get("notes") == "a;b");
  CHECK(t.line() == 2);
  std::istringstream commas("id,notes\n1,a;b\n");
  bm::csv::Table c(commas, "y.csv");
  REQUIRE(c.next());
  CHECK(c.get("notes") == "a;b");  // a comma header keeps semicolons as text
}
