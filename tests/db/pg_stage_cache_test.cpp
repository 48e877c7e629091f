// The pushed-down link keeps its staged tables (densified segment pieces)
// in schema bordermap_cache between runs: a second run on the same
// segments reuses them, a changed segment row makes new ones (and drops the
// old), and the links are those of freshly staged tables.
#include <catch2/catch.hpp>

#include <map>

#include "db/pg_link.hpp"
#include "pg_cluster.hpp"
#include "pipeline/pg_link_run.hpp"

namespace {

const char* kTables =
    "CREATE EXTENSION postgis;"
    "CREATE TABLE segs (id text, status text, geom geometry(LineString,4326));"
    "INSERT INTO segs VALUES"
    " ('a', 'delimited', 'SRID=4326;LINESTRING(70 40, 71 40)'),"
    " ('b', 'disputed', 'SRID=4326;LINESTRING(70 41, 71 41)');"
    "CREATE TABLE inc (id text, geom geometry(Point,4326));"
    "INSERT INTO inc VALUES ('south', 'SRID=4326;POINT(70.5 40.3)'),"
    " ('north', 'SRID=4326;POINT(70.5 40.8)');";

struct Run {
  bm::PgLinkStats stats;
  std::map<std::string, std::string> segment;  // incident -> nearest segment
};

Run link(const std::string& connection, bool cache) {
  bm::PgLinkRun run;
  run.input = connection;
  run.db.incidents = "inc";
  run.db.segments = "segs";
  run.db.cache = cache;
  Run out;
  out.stats = bm::pg_link_rows(
      run, [&](const bm::PgLinkRow& r) { out.segment[r.link.incident_id] = r.link.segment_id; });
  return out;
}

}  // namespace

TEST_CASE("the pushed-down link reuses its staged tables until the segments change",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(kTables);
  const std::string cached_tables =
      "SELECT count(*) FROM pg_tables WHERE schemaname = 'bordermap_cache'";

  Run first = link(pg.connection(), true);
  CHECK(first.stats.staged_made == 2);  // all pieces, disputed pieces
  CHECK(first.stats.staged_reused == 0);
  CHECK(pg.query(cached_tables) == "2");
  CHECK(first.segment["north"] == "b");

  Run second = link(pg.connection(), true);
  CHECK(second.stats.staged_made == 0);
  CHECK(second.stats.staged_reused == 2);
  CHECK(second.segment == first.segment);

  // b moves north, a new segment c comes between: new pieces, old ones gone.
  pg.sql(
      "UPDATE segs SET geom = 'SRID=4326;LINESTRING(70 42, 71 42)' WHERE id = 'b';"
      "INSERT INTO segs VALUES ('c', 'undemarcated', 'SRID=4326;LINESTRING(70 40.9, 71 40.9)');");
  Run changed = link(pg.connection(), true);
  CHECK(changed.stats.staged_made == 2);
  CHECK(changed.segment["north"] == "c");
  CHECK(pg.query(cached_tables) == "2");

  Run uncached = link(pg.connection(), false);
  CHECK(uncached.stats.staged_made == 2);  // session-temporary
  CHECK(uncached.stats.staged_reused == 0);
  CHECK(uncached.segment == changed.segment);
  CHECK(pg.query(cached_tables) == "2");
}

TEST_CASE("a pushed-down link on a missing table names the table, the server and the option",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(kTables);
  bm::db::PgLinkOptions o;
  o.incidents = "incidents_2022";
  o.segments = "segs";
  CHECK_THROWS_WITH(bm::db::find_defaults(pg.connection(), o),
                    Catch::Contains("table incidents_2022 with a column id is not in host "
                                    "127.0.0.1") &&
                        Catch::Contains("give --table"));
  o.incidents = "inc";
  o.segments = "border_segments";
  CHECK_THROWS_WITH(
      bm::db::find_defaults(pg.connection(), o),
      Catch::Contains("table border_segments") && Catch::Contains("--segments-table"));
}
