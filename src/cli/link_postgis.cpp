#include "cli/link_postgis.hpp"

#include <cstdio>
#include <ostream>

#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_link.hpp"
#include "db/pg_sql.hpp"
#include "geodata/gdal.hpp"
#include "io/atomic.hpp"
#include "io/csv.hpp"

namespace bm::cli {
namespace {

std::string distance(double m) {
  if (m < 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", m);
  return buf;
}

db::PgLinkOptions options_of(const PgLinkRequest& r) {
  db::PgLinkOptions o;
  std::string tables = db::parse_pg(r.input).get("tables");
  o.incidents = !r.table.empty() ? r.table : !tables.empty() ? tables : "incidents";
  if (o.incidents.find(',') != std::string::npos)
    throw UsageError("tables=" + tables + " names several tables — give the incidents one");
  o.segments = r.segments;
  o.into = r.into;
  return o;
}

}  // namespace

bool postgis_link_possible(const std::string& input, const std::string& segments) {
  if (!db::is_pg(input)) return false;
  gdal::init();
  // The connection without tables=, so GDAL lists (and we find) every table.
  db::PgConnection c = db::parse_pg(input);
  c.params.erase("tables");
  std::string conn = "PG:";
  for (const auto& [k, v] : c.params) {
    std::string quoted;  // libpq's quoting: \ and ' escaped by a backslash
    for (char ch : v)
      quoted += (ch == '\\' || ch == '\'') ? std::string("\\") + ch : std::string(1, ch);
    conn += " " + k + "='" + quoted + "'";
  }
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(
      GDALOpenEx(conn.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
  CPLPopErrorHandler();
  if (!ds) return false;
  return !db::query_column(*ds, "SELECT 1 FROM information_schema.tables WHERE table_name = " +
                                    db::quote_literal(segments))
              .empty();
}

std::size_t run_postgis_link(const PgLinkRequest& r) {
  db::PgLinkOptions o = options_of(r);
  if (!o.into.empty()) return db::pg_link(r.input, o);
  std::size_t n = 0;
  write_file(r.out, [&](std::ostream& out) {
    csv::write_row(
        out, {"incident_id", "segment_id", "dist_m", "disputed_segment_id", "disputed_dist_m"});
    n = db::pg_link(r.input, o, [&](const db::PgLinkRow& row) {
      csv::write_row(out, {row.incident_id, row.segment_id, distance(row.dist_m),
                           row.disputed_segment_id, distance(row.disputed_dist_m)});
    });
  });
  return n;
}

}  // namespace bm::cli
