// The pushed-down link gives each incident the status of the nearest
// segment on the incident's date, from the status periods table, by the
// in-memory linker's rule (core/model's active_on): a dated incident takes
// the period covering its date (valid_to exclusive), an undated one the
// periods still open, and --as-of one date for every row.
#include <catch2/catch.hpp>

#include <map>

#include "core/model.hpp"
#include "db/pg_link.hpp"
#include "link/linker.hpp"
#include "pg_cluster.hpp"
#include "pipeline/pg_link_run.hpp"

namespace {

// Segment a was disputed until 2020 and delimited since; c only exists from
// 2021 and lies nearer the incidents than a; b is disputed throughout.
const char* kTables =
    "CREATE EXTENSION postgis;"
    "CREATE TABLE x_border_segments (id text, status text, geom geometry(LineString,4326));"
    "INSERT INTO x_border_segments VALUES"
    " ('a', 'delimited', 'SRID=4326;LINESTRING(70 40, 71 40)'),"
    " ('b', 'disputed', 'SRID=4326;LINESTRING(70 41, 71 41)'),"
    " ('c', 'undemarcated', 'SRID=4326;LINESTRING(70 40.2, 71 40.2)');"
    "CREATE TABLE x_segment_periods (segment_id text, status text, valid_from date,"
    " valid_to date, geom geometry(LineString,4326));"
    "INSERT INTO x_segment_periods VALUES"
    " ('a', 'disputed', NULL, '2020-01-01', 'SRID=4326;LINESTRING(70 40, 71 40)'),"
    " ('a', 'delimited', '2020-01-01', NULL, 'SRID=4326;LINESTRING(70 40, 71 40)'),"
    " ('b', 'disputed', NULL, NULL, 'SRID=4326;LINESTRING(70 41, 71 41)'),"
    " ('c', 'undemarcated', '2021-01-01', NULL, 'SRID=4326;LINESTRING(70 40.2, 71 40.2)');"
    "CREATE TABLE inc (id text, date date, geom geometry(Point,4326));"
    "INSERT INTO inc VALUES ('2019', '2019-06-01', 'SRID=4326;POINT(70.5 40.3)'),"
    " ('2020', '2020-01-01', 'SRID=4326;POINT(70.5 40.3)'),"
    " ('2022', '2022-03-01', 'SRID=4326;POINT(70.6 40.35)'),"
    " ('undated', NULL, 'SRID=4326;POINT(70.4 40.25)');";

bm::BorderSegment period(const char* id, bm::SegmentStatus status, const char* from, const char* to,
                         double lat) {
  bm::BorderSegment s;
  s.id = id;
  s.status = status;
  s.valid_from = from;
  s.valid_to = to;
  s.lines = {{{70, lat}, {71, lat}}};
  return s;
}

// The in-memory linker over the same periods.
bm::Linker memory_linker(const std::string& as_of) {
  using S = bm::SegmentStatus;
  bm::LinkOptions o;
  o.as_of = as_of;
  return bm::Linker(
      {period("a", S::disputed, "", "2020-01-01", 40),
       period("a", S::delimited, "2020-01-01", "", 40), period("b", S::disputed, "", "", 41),
       period("c", S::undemarcated, "2021-01-01", "", 40.2)},
      {}, o);
}

struct Got {
  std::string segment, status, disputed;
  double dist = -1;
};

std::map<std::string, Got> pushed_down(const std::string& connection, const std::string& as_of) {
  bm::PgLinkRun run;
  run.input = connection;
  run.db.incidents = "inc";
  run.db.segments = "x_border_segments";
  run.db.as_of = as_of;
  bm::db::find_defaults(connection, run.db);  // the date column and the periods beside
  CHECK(run.db.date_column == "date");
  CHECK(run.db.periods == "x_segment_periods");
  std::map<std::string, Got> out;
  bm::pg_link_rows(run, [&](const bm::PgLinkRow& r) {
    out[r.link.incident_id] = {r.link.segment_id, r.status, r.link.disputed_segment_id,
                               r.link.distance_m};
  });
  return out;
}

const std::map<std::string, std::pair<bm::LonLat, std::string>> kIncidents = {
    {"2019", {{70.5, 40.3}, "2019-06-01"}},
    {"2020", {{70.5, 40.3}, "2020-01-01"}},
    {"2022", {{70.6, 40.35}, "2022-03-01"}},
    {"undated", {{70.4, 40.25}, ""}}};

void same_as_memory(const std::map<std::string, Got>& got, const std::string& as_of) {
  bm::Linker linker = memory_linker(as_of);
  REQUIRE(got.size() == kIncidents.size());
  for (const auto& [id, where] : kIncidents) {
    bm::PointLink m = linker.link_point(where.first, where.second);
    const bm::BorderSegment& s = linker.segments()[static_cast<std::size_t>(m.segment)];
    INFO("incident " << id);
    CHECK(got.at(id).segment == s.id);
    CHECK(got.at(id).status == bm::to_string(s.status));
    CHECK(got.at(id).disputed == linker.segments()[static_cast<std::size_t>(m.disputed)].id);
    CHECK(std::abs(got.at(id).dist - m.distance_m) < 0.001);
  }
}

}  // namespace

TEST_CASE("the pushed-down link takes each segment's status on the incident's date",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(kTables);
  auto got = pushed_down(pg.connection(), "");
  CHECK(got["2019"].segment == "a");
  CHECK(got["2019"].status == "disputed");  // a's first period
  CHECK(got["2019"].disputed == "a");
  CHECK(got["2020"].status == "delimited");  // valid_to is exclusive
  CHECK(got["2020"].disputed == "b");
  CHECK(got["2022"].segment == "c");  // nearer, and in force by then
  CHECK(got["2022"].status == "undemarcated");
  CHECK(got["undated"].segment == "c");  // the periods still open
  CHECK(got["undated"].disputed == "b");
  same_as_memory(got, "");
}

TEST_CASE("with an as-of date every pushed-down incident gets that date's status",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(kTables);
  auto got = pushed_down(pg.connection(), "2019-12-31");
  for (const auto& [id, g] : got) {
    INFO("incident " << id);
    CHECK(g.segment == "a");
    CHECK(g.status == "disputed");
  }
  same_as_memory(got, "2019-12-31");
}
