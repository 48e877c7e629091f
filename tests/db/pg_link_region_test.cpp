// Region-precision incidents (geo_precision 3: only the region is known)
// in the pushed-down link get what the in-memory linker gives them: the
// distance as a range from the region's nearest boundary point to its
// farthest (dist_m, dist_max_m), the segment nearest the region, and the
// segments along its boundary (bounding_segment_ids). The region is found
// by name or alternate name in the regions table beside the segments.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include "db/pg_link.hpp"
#include "io/csv.hpp"
#include "link/linker.hpp"
#include "pg_cluster.hpp"
#include "pipeline/pg_link_run.hpp"

namespace {

// R1 comes within 1.1 km of segments a and c (so it touches the border);
// R2 lies 33 km from the disputed b (66 km from a). A second "Far
// Region" lies far away, later in the table.
const char* kTables =
    "CREATE EXTENSION postgis;"
    "CREATE TABLE x_border_segments (id text, status text, geom geometry(LineString,4326));"
    "INSERT INTO x_border_segments VALUES"
    " ('a', 'delimited', 'SRID=4326;LINESTRING(70 40, 71 40)'),"
    " ('b', 'disputed', 'SRID=4326;LINESTRING(70 41, 71 41)'),"
    " ('c', 'undemarcated', 'SRID=4326;LINESTRING(71 40, 72 40)');"
    "CREATE TABLE x_regions (fid serial, id text, name text, alt_names text,"
    " geom geometry(MultiPolygon,4326));"
    "INSERT INTO x_regions (id, name, alt_names, geom) VALUES"
    " ('R1', 'Batken Region', 'Batkenskaya oblast;Баткенская область',"
    "  'SRID=4326;MULTIPOLYGON(((70.5 39.99, 71.5 39.99, 71.5 40.4, 70.5 40.4, 70.5 39.99)))'),"
    " ('R2', 'Far Region', '',"
    "  'SRID=4326;MULTIPOLYGON(((70.2 40.6, 70.4 40.6, 70.4 40.7, 70.2 40.7, 70.2 40.6)))'),"
    " ('R9', 'Far Region', '',"
    "  'SRID=4326;MULTIPOLYGON(((100 10, 101 10, 101 11, 100 11, 100 10)))');"
    "CREATE TABLE inc (id text, geo_precision integer, admin1 text,"
    " geom geometry(Point,4326));"
    "INSERT INTO inc VALUES"
    " ('r1', 3, 'batkenskaya OBLAST', 'SRID=4326;POINT(71 40.2)'),"
    " ('r1-cyrillic', 3, 'Баткенская область', 'SRID=4326;POINT(71 40.2)'),"
    " ('r2', 3, 'Far Region', 'SRID=4326;POINT(70.3 40.65)'),"
    " ('point', 1, 'Batken Region', 'SRID=4326;POINT(71 40.2)'),"
    " ('unknown', 3, 'Nowhere', 'SRID=4326;POINT(70.3 40.65)');";

bm::BorderSegment segment(const char* id, bm::SegmentStatus status, bm::Line line) {
  bm::BorderSegment s;
  s.id = id;
  s.status = status;
  s.lines = {std::move(line)};
  return s;
}

bm::Linker memory_linker() {
  using S = bm::SegmentStatus;
  return bm::Linker({segment("a", S::delimited, {{70, 40}, {71, 40}}),
                     segment("b", S::disputed, {{70, 41}, {71, 41}}),
                     segment("c", S::undemarcated, {{71, 40}, {72, 40}})},
                    {});
}

bm::MultiPolygon box(double lon0, double lat0, double lon1, double lat1) {
  return {bm::Polygon{{{{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}}}}};
}

bm::PgLinkRun run_on(const std::string& connection) {
  bm::PgLinkRun run;
  run.input = connection;
  run.db.incidents = "inc";
  run.db.segments = "x_border_segments";
  bm::db::find_defaults(connection, run.db);  // geo_precision, admin1, the regions beside
  CHECK(run.db.precision_column == "geo_precision");
  CHECK(run.db.admin1_column == "admin1");
  CHECK(run.db.regions == "x_regions");
  return run;
}

// The in-memory Link of `id` (a region row when `region` is given).
bm::Link expected(const bm::Linker& linker, bm::LonLat p, const bm::MultiPolygon* region) {
  bm::Incident i;
  i.id = "x";
  i.location = p;
  i.precision = region ? bm::GeoPrecision::region : bm::GeoPrecision::settlement;
  return linker.link(i, region);
}

void same(const bm::Link& got, const bm::Link& want) {
  CHECK(got.segment_id == want.segment_id);
  CHECK(got.distance_m == Approx(want.distance_m).margin(0.001));
  CHECK(got.distance_max_m == Approx(want.distance_max_m).margin(0.001));
  CHECK(got.disputed_segment_id == want.disputed_segment_id);
  CHECK(got.disputed_distance_m == Approx(want.disputed_distance_m).margin(0.001));
  CHECK(got.bounding_segment_ids == want.bounding_segment_ids);
  CHECK(got.within_zone == want.within_zone);
}

}  // namespace

TEST_CASE("region-precision rows pushed down get the in-memory linker's distance range",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(kTables);
  std::map<std::string, bm::PgLinkRow> got;
  bm::PgLinkStats stats = bm::pg_link_rows(
      run_on(pg.connection()), [&](const bm::PgLinkRow& r) { got[r.link.incident_id] = r; });
  REQUIRE(got.size() == 5);
  CHECK(stats.regions == 3);
  CHECK(stats.region_missed == 1);
  REQUIRE(stats.region_misses.size() == 1);
  CHECK(stats.region_misses[0] == "unknown ('Nowhere')");

  const bm::Linker linker = memory_linker();
  const bm::MultiPolygon r1 = box(70.5, 39.99, 71.5, 40.4), r2 = box(70.2, 40.6, 70.4, 40.7);
  SECTION("a region along the border") {
    same(got["r1"].link, expected(linker, {71, 40.2}, &r1));
    same(got["r1-cyrillic"].link, expected(linker, {71, 40.2}, &r1));
    CHECK(got["r1"].link.distance_m == 0);  // its boundary runs within 2 km of a
    CHECK(got["r1"].link.distance_max_m > 40000);
    CHECK(got["r1"].link.bounding_segment_ids == std::vector<std::string>{"a", "c"});
    CHECK(got["r1"].link.within_zone);
  }
  SECTION("a region away from it, named like another far away") {
    same(got["r2"].link, expected(linker, {70.3, 40.65}, &r2));
    CHECK(got["r2"].link.segment_id == "b");  // 33 km north, nearer than a at 66 km
    CHECK(got["r2"].link.distance_m > 30000);
    CHECK(got["r2"].link.distance_max_m > got["r2"].link.distance_m);
    CHECK(got["r2"].link.bounding_segment_ids.empty());
    CHECK(got["r2"].status == "disputed");
  }
  SECTION("a point row, and a region row whose region is unknown, stay points") {
    same(got["point"].link, expected(linker, {71, 40.2}, nullptr));
    same(got["unknown"].link, expected(linker, {70.3, 40.65}, nullptr));
    CHECK(got["point"].link.distance_max_m < 0);
  }
}

TEST_CASE("the pushed-down link table carries dist_max_m and bounding_segment_ids",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(kTables);
  bm::PgLinkRun run = run_on(pg.connection());
  run.out = (bm::test::scratch("pg_link_region") / "links.csv").string();
  bm::run_pg_link(run);
  std::ifstream in(run.out);
  bm::csv::Table t(in, run.out);
  std::map<std::string, std::pair<std::string, std::string>> rows;
  while (t.next())
    rows[t.get("incident_id")] = {t.get("dist_max_m"), t.get("bounding_segment_ids")};
  REQUIRE(rows.size() == 5);
  CHECK(rows["r1"].second == "a;c");
  CHECK(std::stod(rows["r1"].first) > 40000);
  CHECK(rows["point"] == std::pair<std::string, std::string>{"", ""});

  run.into = "region_links";  // the same in a table of the database
  bm::run_pg_link(run);
  CHECK(pg.query("SELECT bounding_segment_ids, dist_max_m > 40000 FROM region_links WHERE "
                 "incident_id = 'r1'") == "a;c|t");
  CHECK(pg.query("SELECT count(*) FROM region_links WHERE dist_max_m IS NULL") == "2");
}
