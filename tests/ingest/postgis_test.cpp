// Reads incidents from a real PostGIS table. The test starts its own
// throwaway PostgreSQL 15 cluster (tests/pg_cluster.hpp); it is skipped
// only when the PostgreSQL or PostGIS binaries are not installed.
#include <catch2/catch.hpp>

#include "ingest/ingest.hpp"
#include "pg_cluster.hpp"

using bm::test::Cluster;

TEST_CASE("incidents are read from a PostGIS table through a PG: connection string",
          "[ingest][ogr][postgis]") {
  if (!bm::test::postgis_installed()) return;
  Cluster pg;
  pg.sql(R"(
CREATE EXTENSION postgis;
CREATE TABLE incidents (
  gid serial PRIMARY KEY,
  event_id text,
  event_date date,
  place text,
  fatalities integer,
  notes text,
  geom geometry(Point, 4326));
INSERT INTO incidents (event_id, event_date, place, fatalities, notes, geom) VALUES
  ('pg-1', '2022-09-14', 'Кёк-Таш', 2, 'shots, "heavy"' || chr(10) || 'at dawn',
   ST_SetSRID(ST_MakePoint(70.53583, 39.94972), 4326)),
  ('pg-2', '2022-09-16', 'Batken', NULL, NULL, NULL),
  ('pg-3', '2022-09-17', NULL, NULL, 'no place, no point', NULL);
)");
  bm::ingest::Options o;
  o.layer = "incidents";
  auto in = bm::ingest::open_input(pg.connection());
  CHECK(std::string(bm::ingest::detect_format(in).name) == "ogr");
  auto t = bm::ingest::read(pg.connection(), o);
  REQUIRE(t.incidents.size() == 2);
  const auto& a = t.incidents[0];
  CHECK(a.id == "pg-1");
  CHECK(a.date.start == "2022-09-14");
  CHECK(a.place == "Кёк-Таш");
  REQUIRE(a.location);
  CHECK(a.location->lon == Approx(70.53583));
  CHECK(a.location->lat == Approx(39.94972));
  CHECK(a.notes == "shots, \"heavy\"\nat dawn");
  CHECK(*a.claims.at(0).low == 2);
  CHECK(a.claims.at(0).claimant == "PostGIS incidents");
  CHECK(t.incidents[1].place == "Batken");
  CHECK_FALSE(t.incidents[1].location);
  REQUIRE(t.rejected.size() == 1);
  CHECK(t.rejected[0].record == "pg-3");
  CHECK_THAT(t.rejected[0].reason, Catch::Contains("cannot be located"));
}
