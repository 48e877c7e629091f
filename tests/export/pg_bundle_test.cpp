// `data --to PG:`: the bundled reference data as tables with keys, indexes,
// comments and styles, and the pushed-down link on those tables agreeing
// with the in-memory linker on the bundle (side rule included).
#include <catch2/catch.hpp>

#include <fstream>
#include <iomanip>
#include <map>
#include <random>
#include <set>

#include "core/error.hpp"
#include "export/pg_bundle.hpp"
#include "io/csv.hpp"
#include "pg_cluster.hpp"
#include "pipeline/link_table.hpp"
#include "pipeline/pg_link_run.hpp"

namespace {

struct Row {
  std::string segment, country, enclave;
  double dist = -1;
};

std::map<std::string, Row> read_rows(const std::filesystem::path& path) {
  std::ifstream in(path);
  bm::csv::Table t(in, path.string());
  std::map<std::string, Row> out;
  while (t.next())
    out[t.get("incident_id")] = {t.get("segment_id"), t.get("country"), t.get("in_enclave"),
                                 std::stod(t.get("dist_m"))};
  return out;
}

// The same answer: country and enclave equal, the distance equal to the
// printed millimetre, and the segment too unless two are equally near (a
// shared vertex).
bool same(const Row& a, const Row& b) {
  const bool tie = std::abs(a.dist - b.dist) <= 0.0015;
  return tie && a.country == b.country && a.enclave == b.enclave;
}

}  // namespace

TEST_CASE("data --to PG loads the bundle, and the pushed-down link on it agrees with memory",
          "[link][postgis]") {
  if (!bm::test::postgis_installed()) return;
  bm::test::Cluster pg;
  pg.sql("CREATE EXTENSION postgis;");
  bm::Bundle bundle;
  const std::vector<bm::BorderSegment> segments = bundle.segments();
  std::set<std::string> ids;
  for (const auto& s : segments) ids.insert(s.id);

  bm::BundleTablesCounts n = bm::write_bundle_tables(pg.connection(), bundle, {});
  CHECK(n.countries == static_cast<long>(bundle.countries().size()));
  CHECK(n.regions == static_cast<long>(bundle.regions().size()));
  CHECK(n.segments == static_cast<long>(ids.size()));
  CHECK(n.periods == static_cast<long>(segments.size()));
  CHECK(pg.query("SELECT count(*), count(DISTINCT id) FROM border_segments") ==
        std::to_string(ids.size()) + "|" + std::to_string(ids.size()));
  CHECK(pg.query("SELECT count(*) FROM segment_periods p JOIN border_segments s ON s.id = "
                 "p.segment_id") == std::to_string(segments.size()));
  // Keys, GiST indexes, comments and the QGIS styles.
  CHECK(pg.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                 "'segment_periods'::regclass AND contype = 'f'") ==
        "FOREIGN KEY (segment_id) REFERENCES border_segments(id)");
  CHECK(pg.query("SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%USING gist%' AND "
                 "tablename IN ('countries', 'regions', 'border_segments', "
                 "'segment_periods')") == "4");
  CHECK(pg.query("SELECT obj_description('border_segments'::regclass) LIKE '%country_a on "
                 "their left%'") == "t");
  CHECK(pg.query("SELECT string_agg(f_table_name, ',' ORDER BY f_table_name) FROM "
                 "layer_styles WHERE useasdefault") == "border_segments,countries");

  // A second load is refused unless told to overwrite; then the same rows.
  CHECK_THROWS_AS(bm::write_bundle_tables(pg.connection(), bundle, {}), bm::UsageError);
  bm::BundleTablesOptions again;
  again.overwrite = true;
  CHECK(bm::write_bundle_tables(pg.connection(), bundle, again).periods == n.periods);

  // 20k points over the Fergana valley and around it: the in-memory linker
  // on the bundle (side rule on) and the pushed-down link on the tables.
  auto dir = bm::test::scratch("pg_bundle");
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lon(69.0, 74.0), lat(39.0, 41.5);
  {
    std::ofstream csv(dir / "points.csv");
    csv << "id,lon,lat\n" << std::fixed << std::setprecision(6);
    for (int k = 0; k < 20000; ++k) csv << k << ',' << lon(rng) << ',' << lat(rng) << '\n';
  }
  pg.sql("CREATE TABLE pts (id text PRIMARY KEY, lon float8, lat float8);\n\\copy pts FROM '" +
         (dir / "points.csv").string() +
         "' CSV HEADER\nALTER TABLE pts ADD COLUMN geom geometry(Point, 4326);\n"
         "UPDATE pts SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);\n");
  bm::LinkRunOptions lo;
  lo.input = (dir / "points.csv").string();
  lo.out = (dir / "memory.csv").string();
  bm::run_link(lo);
  bm::PgLinkRun run;
  run.input = pg.connection();
  run.db.incidents = "pts";
  run.db.countries = "countries";
  run.out = (dir / "database.csv").string();
  bm::PgLinkStats stats = bm::run_pg_link(run);
  CHECK(stats.rows == 20000);
  auto memory = read_rows(dir / "memory.csv"), database = read_rows(dir / "database.csv");
  REQUIRE(memory.size() == 20000);
  REQUIRE(database.size() == 20000);
  // Not compared here: the nearest disputed segment (docs/postgis.md; the
  // in-memory answer is checked against a brute force in tests/link).
  std::size_t differ = 0, other_segment = 0, located = 0;
  std::string first;
  for (const auto& [id, m] : memory) {
    const Row& p = database.at(id);
    if (!same(p, m) && differ++ == 0) first = id;
    other_segment += p.segment != m.segment;
    located += !m.country.empty();
  }
  INFO("first difference: incident " << first << "; other (equally near) segment "
                                     << other_segment);
  CHECK(differ == 0);
  CHECK(other_segment <= 20);  // shared vertices: measured 4 of 100k
  CHECK(located > 19000);
  // The database settles the nearest segment of nearly all; the nearest
  // disputed one, often hundreds of km away, of most (4 % left, measured).
  CHECK(stats.fallbacks < stats.rows / 100);
  CHECK(stats.disputed_fallbacks < stats.rows / 5);
}
