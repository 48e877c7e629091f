// The link pushed down into PostGIS agrees with the in-memory linker on
// 100k synthetic incidents: the same nearest segment except exact ties, and
// distances within 0.1 % (PostGIS takes an edge's closest point on the
// sphere, so a few per 10k differ by up to 0.5 %: the test holds those to
// a budget instead of hiding them).
#include <catch2/catch.hpp>

#include <fstream>
#include <iomanip>
#include <map>
#include <random>

#include "db/pg_link.hpp"
#include "export/export.hpp"
#include "io/csv.hpp"
#include "pg_cluster.hpp"
#include "pipeline/chain.hpp"
#include "pipeline/link_table.hpp"

namespace {

struct Row {
  std::string segment;
  double dist = -1;
};

std::map<std::string, Row> read_links(const std::filesystem::path& path) {
  std::ifstream in(path);
  bm::csv::Table t(in, path.string());
  std::map<std::string, Row> out;
  while (t.next()) out[t.get("incident_id")] = {t.get("segment_id"), std::stod(t.get("dist_m"))};
  return out;
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

  std::mt19937_64 rng(20240601);
  std::uniform_real_distribution<double> lon(69.0, 74.0), lat(39.0, 41.5);
  d.incidents.clear();
  {
    std::ofstream csv(dir / "points.csv");
    csv << "id,lon,lat\n";
    for (int k = 0; k < 100000; ++k) {
      bm::Incident i;
      i.id = std::to_string(k);
      i.location = bm::LonLat{bm::round_to(lon(rng), 6), bm::round_to(lat(rng), 6)};
      csv << i.id << ',' << std::fixed << std::setprecision(6) << i.location->lon << ','
          << i.location->lat << '\n';
      d.incidents.push_back(std::move(i));
    }
  }
  bm::ExportOptions o;
  o.layers = {bm::ExportLayer::incidents, bm::ExportLayer::border_segments};
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

  bm::db::PgLinkOptions po;
  po.incidents = "lk_incidents";
  po.segments = "lk_border_segments";
  std::map<std::string, Row> database;
  std::size_t n = bm::db::pg_link(pg.connection(), po, [&](const bm::db::PgLinkRow& r) {
    database[r.incident_id] = {r.segment_id, r.dist_m};
  });
  CHECK(n == 100000);
  // Another segment is fine only as a tie: at the 0.1 m we print, or within
  // the 0.5 % PostGIS's sphere-based closest point can be off (then counted).
  std::size_t near_ties = 0, other_segment = 0, beyond_tenth_percent = 0;
  double worst = 0;
  for (const auto& [id, m] : memory) {
    const Row& p = database.at(id);
    double diff = std::abs(p.dist - m.dist);
    if (p.segment != m.segment && diff > 0.1)
      ++(diff <= 0.005 * m.dist ? near_ties : other_segment);
    if (diff > std::max(0.001 * m.dist, 0.1)) ++beyond_tenth_percent;
    worst = std::max(worst, diff / std::max(m.dist, 1.0));
  }
  INFO("near ties " << near_ties << ", beyond 0.1 %: " << beyond_tenth_percent << ", worst "
                    << worst);
  CHECK(other_segment == 0);
  CHECK(near_ties <= 100);             // measured: 6 per 100k
  CHECK(beyond_tenth_percent <= 100);  // ≤ 0.1 % of incidents (measured: 4 per 10k)
  CHECK(worst < 0.005);

  // Into a table in the database: one row per incident, keyed by its id.
  po.into = "lk_links";
  CHECK(bm::db::pg_link(pg.connection(), po) == 100000);
  CHECK(pg.query("SELECT count(DISTINCT incident_id) FROM lk_links") == "100000");
}
