#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "link/points_csv.hpp"

namespace {

// A table big enough to be cut into several runs (over 1 MB of rows), with
// quoted fields (commas, doubled quotes, line breaks) and bad rows spread
// through it, some of them right where a cut could fall.
std::string big_table(long& bad_line, std::size_t& bad_count) {
  std::string t = "id,lon,lat,date,fatalities,admin1\r\n";
  long line = 1;
  bad_count = 0;
  for (int i = 0; i < 60000; ++i) {
    const std::string n = std::to_string(i);
    if (i % 997 == 5) {
      t += n + ",,40.5,2022-01-01,1,Batken\r\n";  // no lon
      ++bad_count;
      bad_line = line + 1;
      line += 1;
    } else if (i % 101 == 7) {
      t += "\"q" + n + "\",70." + n + ",40.1,2022-01-02,2,\"Sughd, \"\"north\"\"\nline two\"\r\n";
      line += 2;
    } else {
      t += "r" + n + ",70." + n + ",40.2,2022-01-03T10:00," + std::to_string(i % 7) + ",Osh\r\n";
      line += 1;
    }
  }
  return t;
}

}  // namespace

TEST_CASE("point tables: quoted fields, CRLF and a BOM", "[link][csv]") {
  auto t = bm::parse_point_table(
      "\xEF\xBB\xBFid,lon,lat,admin1\r\n\"a,1\",70.5,40.1,\"Batken \"\"oblast\"\"\"\r\n"
      "b,71,39.9,\"two\nlines\"\r\n\r\nc,72,41,Osh",
      "q.csv");
  REQUIRE(t.ids.size() == 3);
  CHECK(t.ids[0] == "a,1");
  CHECK(t.admin1[0] == "Batken \"oblast\"");
  CHECK(t.admin1[1] == "two\nlines");
  CHECK(t.ids[2] == "c");
  CHECK(t.points[2].lat == 41);
  CHECK(t.admin1[2] == "Osh");
  CHECK(t.rejected.empty());
}

TEST_CASE("point tables: bad rows are reported with their physical line", "[link][csv]") {
  auto t = bm::parse_point_table(
      "id,lon,lat,note\r\n1,70,40,\"a\nb\"\r\n2,70,abc,x\r\n3,70,40,y\n4,,40,z", "l.csv");
  REQUIRE(t.ids.size() == 2);
  REQUIRE(t.rejected.size() == 2);
  CHECK(t.rejected[0].record == "2");
  CHECK(t.rejected[0].line == 4);  // the quoted line break moved it down one
  CHECK(t.rejected[1].record == "4");
  CHECK(t.rejected[1].line == 6);
}

TEST_CASE("point tables: parsing on several threads gives the same table as on one",
          "[link][csv]") {
  long bad_line = 0;
  std::size_t bad_count = 0;
  const std::string text = big_table(bad_line, bad_count);
  REQUIRE(text.size() > (2u << 20));
  const auto one = bm::parse_point_table(text, "big.csv", 1);
  REQUIRE(one.ids.size() + bad_count == 60000);
  REQUIRE(one.rejected.size() == bad_count);
  CHECK(one.rejected.back().line == bad_line);
  CHECK(one.ids[6] == "q7");  // row 5 has no lon
  CHECK(one.admin1[6] == "Sughd, \"north\"\nline two");
  CHECK(one.dates[7] == "2022-01-03");
  for (unsigned threads : {2u, 3u, 8u}) {
    const auto many = bm::parse_point_table(text, "big.csv", threads);
    CHECK(many.ids == one.ids);
    CHECK(many.admin1 == one.admin1);
    CHECK(many.dates == one.dates);
    CHECK(many.fatalities == one.fatalities);
    REQUIRE(many.points.size() == one.points.size());
    bool same_points = true;
    for (std::size_t i = 0; i < one.points.size(); ++i)
      same_points = same_points && many.points[i].lon == one.points[i].lon &&
                    many.points[i].lat == one.points[i].lat;
    CHECK(same_points);
    REQUIRE(many.rejected.size() == one.rejected.size());
    for (std::size_t i = 0; i < one.rejected.size(); ++i) {
      CHECK(many.rejected[i].line == one.rejected[i].line);
      CHECK(many.rejected[i].record == one.rejected[i].record);
    }
  }
}

TEST_CASE("point tables: coordinates are the correctly rounded doubles", "[link][csv]") {
  // The reader's fast path for plain decimals must give what from_chars
  // gives, for short and long digit strings alike.
  std::mt19937_64 rng(7);
  std::string text = "id,lon,lat\n";
  std::vector<std::pair<std::string, std::string>> fields;
  for (int i = 0; i < 20000; ++i) {
    const int digits = 1 + static_cast<int>(rng() % 17);
    std::string frac;
    for (int k = 0; k < digits; ++k) frac += static_cast<char>('0' + rng() % 10);
    const std::string lon = (i % 3 ? "" : "-") + std::to_string(rng() % 180) + "." + frac;
    const std::string lat = std::to_string(rng() % 90) + (i % 5 ? "." + frac.substr(0, 6) : "");
    fields.emplace_back(lon, lat);
    text += std::to_string(i) + "," + lon + "," + lat + "\n";
  }
  text += "x,5.,.5\ny,+1,2\nz,1e1,-0\n";
  const auto t = bm::parse_point_table(text, "digits.csv", 1);
  REQUIRE(t.ids.size() == 20003);
  int wrong = 0;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    double lon = 0, lat = 0;
    const auto& [a, b] = fields[i];
    std::from_chars(a.data(), a.data() + a.size(), lon);
    std::from_chars(b.data(), b.data() + b.size(), lat);
    if (t.points[i].lon != lon || t.points[i].lat != lat) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(t.points[20000].lon == 5.0);  // "5." and ".5" as from_chars reads them
  CHECK(t.points[20000].lat == 0.5);
  // "+1": from_chars takes no plus sign; the shared degree parser (the one
  // ingest uses) does, so the row is kept as every other reader keeps it.
  CHECK(t.points[20001].lon == 1.0);
  CHECK(t.points[20002].lon == 10.0);
  CHECK(std::signbit(t.points[20002].lat));
  CHECK(t.rejected.empty());
}
