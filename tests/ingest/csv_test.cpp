#include <catch2/catch.hpp>

#include <sstream>

#include "core/error.hpp"
#include "io/csv.hpp"

TEST_CASE("CSV fields may hold quotes, commas and newlines", "[ingest][csv]") {
  std::istringstream in("a,b\n\"x, \"\"y\"\"\",\"line1\nline2\"\nplain,last\n");
  bm::csv::Table t(in, "t.csv");
  REQUIRE(t.next());
  CHECK(t.get("a") == "x, \"y\"");
  CHECK(t.get("b") == "line1\nline2");
  CHECK(t.line() == 2);
  REQUIRE(t.next());
  CHECK(t.get("a") == "plain");
  CHECK(t.line() == 4);  // the quoted newline counts
  CHECK_FALSE(t.next());
}

TEST_CASE("an unclosed quote is reported with its line and the rows after it are read",
          "[ingest][csv]") {
  std::istringstream in("a,b\n\"open,1\nnext,2\nlast,3\n");
  bm::csv::Table t(in, "bad.csv");
  CHECK_THROWS_WITH(t.next(), Catch::Contains("never closed"));
  CHECK(t.line() == 2);
  REQUIRE(t.next());
  CHECK(t.get("a") == "next");
  CHECK(t.line() == 3);
  REQUIRE(t.next());
  CHECK(t.get("b") == "3");
  CHECK_FALSE(t.next());
}

TEST_CASE("writing quotes exactly the fields that need it", "[ingest][csv]") {
  std::ostringstream out;
  bm::csv::write_row(out, {"plain", "a,b", "say \"hi\"", "two\nlines"});
  CHECK(out.str() == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
}
