// The link pushed down into PostGIS agrees with the in-memory linker on
// 100k synthetic incidents: the database finds the candidates and the
// country part, our geodesic code refines them, so the nearest segment,
// the distances (within 0.1 %, in fact to the millimetre), the country and
// the enclave flag are the in-memory linker's.
#include <catch2/catch.hpp>

#include <fstream>
#include <iomanip>
#include <map>
#include <random>

#include "core/error.hpp"
#include "db/pg_link.hpp"
#include "export/export.hpp"
#include "geodata/bundle.hpp"
#include "io/csv.hpp"
#include "pg_cluster.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/link_table.hpp"
#include "pipeline/pg_link_run.hpp"

namespace {

struct Row {
  std::string segment, disputed, country, enclave;
  double dist = -1, disputed_dist = -1;
};

std::map<std::string, Row> read_links(const std::filesystem::path& path) {
  std::ifstream in(path);
  bm::csv::Table t(in, path.string());
  std::map<std::string, Row> out;
  auto num = [&](const char* c) { return t.get(c).empty() ? -1.0 : std::stod(t.get(c)); };
  while (t.next())
    out[t.get("incident_id")] = {t.get("segment_id"), t.get("disputed_segment_id"),
                                 t.get("country"),    t.get("in_enclave"),
                                 num("dist_m"),       num("disputed_dist_m")};
  return out;
}

// 100k points uniform over the KG-TJ border region (with Uzbek, Tajik and
// Kyrgyz enclaves in the Fergana valley), as a CSV and as incidents.
std::vector<bm::Incident> synthetic(const std::filesystem::path& csv_path) {
  std::mt19937_64 rng(20240601);
  std::uniform_real_distribution<double> lon(69.0, 74.0), lat(39.0, 41.5);
  std::vector<bm::Incident> out;
  std::ofstream csv(csv_path);
  csv << "id,lon,lat\n";
  for (int k = 0; k < 100000; ++k) {
    bm::Incident i;
    i.id = std::to_string(k);
    i.location = bm::LonLat{bm::round_to(lon(rng), 6), bm::round_to(lat(rng), 6)};
    csv << i.id << ',' << std::fixed << std::setprecision(6) << i.location->lon << ','
        << i.location->lat << '\n';
    out.push_back(std::move(i));
  }
  return out;
}

struct Tally {
  std::size_t other_segment = 0, other_disputed = 0, beyond_tenth_percent = 0;
  std::size_t other_country = 0, other_enclave = 0, in_enclave = 0;
  double worst = 0;
};

// Another segment counts only when the distances differ (a tie at 1 mm is
// the same answer).
Tally compare(const std::map<std::string, Row>& memory, const std::map<std::string, Row>& db) {
  Tally t;
  for (const auto& [id, m] : memory) {
    const Row& p = db.at(id);
    double diff = std::abs(p.dist - m.dist);
    if (p.segment != m.segment && diff > 0.001) ++t.other_segment;
    if (p.disputed != m.disputed && std::abs(p.disputed_dist - m.disputed_dist) > 0.001)
      ++t.other_disputed;
    if (diff > 0.001 * m.dist + 0.001) ++t.beyond_tenth_percent;
    t.worst = std::max(t.worst, diff / std::max(m.dist, 1.0));
    t.other_country += p.country != m.country;
    t.other_enclave += p.enclave != m.enclave;
    t.in_enclave += m.enclave == "1";
  }
  return t;
}

}  // namespace

TEST_CASE("the PostGIS link of 100k incidents agrees with the in-memory linker",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql("CREATE EXTENSION postgis;");
  auto dir = bm::test::scratch("pg_link");
  std::ofstream(dir / "seed.csv") << "id,lon,lat\n1,70.5,39.9\n";
  bm::ChainOptions ro;
  ro.inputs = {(dir / "seed.csv").string()};
  ro.filter.border = "KG-TJ";
  bm::ExportData d = bm::run_chain(ro).data;  // the border's segments, as of one date
  d.links.clear();
  d.incidents = synthetic(dir / "points.csv");
  // The countries the in-memory linker locates in (the points' box and a
  // degree around it), unrounded, so both engines test the same polygons.
  d.countries = bm::Bundle().countries({68.0, 38.0, 75.0, 42.5});
  bm::ExportOptions o;
  o.precision = 12;
  o.layers = {bm::ExportLayer::incidents, bm::ExportLayer::border_segments,
              bm::ExportLayer::countries};
  o.table_prefix = "lk_";
  bm::export_to(pg.connection(), d, o);
  o.layers = {bm::ExportLayer::border_segments};
  o.table_prefix.clear();
  bm::export_to((dir / "seg.geojson").string(), d, o);

  bm::LinkRunOptions lo;
  lo.input = (dir / "points.csv").string();
  lo.out = (dir / "memory.csv").string();
  lo.segments_file = (dir / "seg_border_segments.geojson").string();
  bm::run_link(lo);
  auto memory = read_links(dir / "memory.csv");
  REQUIRE(memory.size() == 100000);

  bm::PgLinkRun run;
  run.input = pg.connection();
  run.db.incidents = "lk_incidents";
  run.db.segments = "lk_border_segments";
  run.db.countries = "lk_countries";
  run.out = (dir / "database.csv").string();
  bm::PgLinkStats stats = bm::run_pg_link(run);
  CHECK(stats.rows == 100000);
  auto database = read_links(dir / "database.csv");
  REQUIRE(database.size() == 100000);
  // Same header as the in-memory link table.
  CHECK(bm::test::slurp(dir / "database.csv").substr(0, 80) ==
        bm::test::slurp(dir / "memory.csv").substr(0, 80));

  Tally t = compare(memory, database);
  INFO("beyond 0.1 %: " << t.beyond_tenth_percent << ", worst " << t.worst << ", fallbacks "
                        << stats.fallbacks << " + " << stats.disputed_fallbacks
                        << ", other country " << t.other_country << ", other enclave "
                        << t.other_enclave);
  CHECK(t.other_segment == 0);
  CHECK(t.other_disputed == 0);
  CHECK(t.beyond_tenth_percent == 0);
  CHECK(t.worst < 1e-5);  // the printed millimetre on short distances; the goal is 1e-3
  CHECK(t.other_country == 0);
  CHECK(t.other_enclave == 0);
  CHECK(t.in_enclave > 100);      // the Fergana valley's enclaves are in the sample
  CHECK(stats.fallbacks < 1000);  // the candidates settle almost every incident
  CHECK(stats.disputed_fallbacks < 1000);

  // Into a table in the database: one row per incident, keyed by its id.
  run.into = "lk_links";
  CHECK(bm::run_pg_link(run).rows == 100000);
  CHECK(pg.query("SELECT count(DISTINCT incident_id), count(*) FILTER (WHERE in_enclave) > 100 "
                 "FROM lk_links") == "100000|t");
  CHECK(pg.query("SELECT count(*) FROM lk_links l JOIN lk_incidents i ON i.id = l.incident_id "
                 "WHERE l.dist_m IS NOT NULL") == "100000");
}

TEST_CASE("the plain PostGIS query differs from the exact geodesic by under 0.5 %",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(
      "CREATE EXTENSION postgis;"
      "CREATE TABLE segs (id text, status text, geom geometry(LineString,4326));"
      "INSERT INTO segs VALUES ('a', 'disputed', 'SRID=4326;LINESTRING(70 40, 71 40.2)'),"
      "('b', 'delimited', 'SRID=4326;LINESTRING(70 41, 71 41)');"
      "CREATE TABLE inc (id text, geom geometry(Point,4326));"
      "INSERT INTO inc VALUES ('p', 'SRID=4326;POINT(70.5 40.3)');");
  bm::db::PgLinkOptions o;
  o.incidents = "inc";
  o.segments = "segs";
  std::string segment;
  double plain = -1;
  CHECK(bm::db::pg_plain_link(pg.connection(), o,
                              [&](const std::string&, const std::string& s, double d) {
                                segment = s, plain = d;
                              }) == 1);
  bm::PgLinkRun run;
  run.input = pg.connection();
  run.db = o;
  bm::Link exact;
  bm::pg_link_rows(run, [&](const bm::PgLinkRow& r) { exact = r.link; });
  CHECK(segment == "a");
  CHECK(exact.segment_id == "a");
  CHECK(exact.disputed_segment_id == "a");
  CHECK(exact.country.empty());  // no countries table given
  CHECK(std::abs(plain - exact.distance_m) < 0.005 * exact.distance_m);
}

TEST_CASE("a pushed-down link that cannot connect names the server, never the password",
          "[link][postgis]") {
  bm::PgLinkRun run;
  run.input = "PG:host=127.0.0.1 port=1 dbname=archive user=u password=topsecret";
  run.db.incidents = "inc";
  try {
    bm::pg_link_rows(run, [](const bm::PgLinkRow&) {});
    FAIL("no error");
  } catch (const bm::InputError& e) {
    const std::string what = e.what();
    CHECK(what.find("host 127.0.0.1, port 1, database archive") != std::string::npos);
    CHECK(what.find("pg_isready") != std::string::npos);
    CHECK(what.find("topsecret") == std::string::npos);
  }
}

TEST_CASE("the in-memory link reads a PG: incidents table as it reads the same rows from a file",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql(
      "CREATE EXTENSION postgis;"
      "CREATE TABLE inc (id text, date date, geom geometry(Point,4326));"
      "INSERT INTO inc VALUES ('a', '2022-09-14', 'SRID=4326;POINT(70.5 39.9)'),"
      "('b', '2021-04-29', 'SRID=4326;POINT(70.7 39.95)'), ('c', NULL, 'SRID=4326;POINT(71.2 "
      "40.1)');");
  auto dir = bm::test::scratch("pg_memory_link");
  std::ofstream(dir / "inc.csv") << "id,date,lon,lat\na,2022-09-14,70.5,39.9\n"
                                    "b,2021-04-29,70.7,39.95\nc,,71.2,40.1\n";
  bm::LinkRunOptions lo;
  lo.border = "KG-TJ";
  lo.input = pg.connection() + " tables=inc";
  lo.out = (dir / "from_db.csv").string();
  bm::LinkRunResult r = bm::run_link(lo);  // failed: "cannot open — check the path"
  CHECK(r.read == 3);
  CHECK(r.linked == 3);
  lo.input = (dir / "inc.csv").string();
  lo.out = (dir / "from_file.csv").string();
  bm::run_link(lo);
  const std::string rows = bm::test::slurp(dir / "from_db.csv");
  CHECK(rows.find("KG-TJ-") != std::string::npos);
  CHECK(rows == bm::test::slurp(dir / "from_file.csv"));
}
