#include "cli/link_postgis.hpp"

#include "cli/global.hpp"
#include "core/error.hpp"
#include "db/pg_connection.hpp"
#include "db/pg_link.hpp"
#include "db/pg_sql.hpp"
#include "db/pg_stage.hpp"
#include "geodata/gdal.hpp"
#include "pipeline/link_table.hpp"
#include "pipeline/pg_link_run.hpp"

namespace bm::cli {
namespace {

PgLinkRun run_of(const PgLinkRequest& r) {
  PgLinkRun run;
  run.input = r.input;
  std::string tables = db::parse_pg(r.input).get("tables");
  run.db.incidents = !r.table.empty() ? r.table : !tables.empty() ? tables : "incidents";
  if (run.db.incidents.find(',') != std::string::npos)
    throw UsageError("tables=" + tables + " names several tables — give the incidents one");
  run.db.segments = r.segments;
  run.db.countries = r.countries;
  run.db.periods = r.periods;
  run.db.regions = r.regions;
  run.db.cache = r.stage_cache;
  run.db.date_column = r.date_column;
  run.db.as_of = r.as_of;
  db::find_defaults(r.input, run.db);
  run.within_m = parse_distance_m(r.within);
  run.into = r.into;
  run.out = r.out;
  return run;
}

// Region-precision rows linked as their point: said, as the in-memory
// engine's rejection list says it, so no row's precision is lost unnoticed.
void note_region_misses(const PgLinkStats& s, bool no_table) {
  std::string ids;
  for (const auto& id : s.region_misses) ids += (ids.empty() ? "" : ", ") + id;
  const std::string why =
      no_table
          ? "the database has no regions table beside the segments — load one with `bordermap "
            "data --to` or give --regions-table"
          : "their admin1 names no region in the regions table — check the spelling or add the "
            "region's name to its alt_names";
  note("link: " + std::to_string(s.region_missed) +
       " region-precision incidents linked as their point (" + ids +
       (s.region_missed > s.region_misses.size() ? ", …" : "") + "): " + why);
}

}  // namespace

bool postgis_link_possible(const std::string& input, const std::string& segments) {
  if (!db::is_pg(input)) return false;
  gdal::init();
  // The connection without tables=, so GDAL lists (and we find) every table.
  const std::string conn = db::with_tables(input, "");
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
  const PgLinkRun run = run_of(r);
  PgLinkStats s = run_pg_link(run);
  if (s.fallbacks || s.disputed_fallbacks)
    detail("link: the database's candidates left " + std::to_string(s.fallbacks) + " nearest and " +
           std::to_string(s.disputed_fallbacks) +
           " nearest-disputed searches to this process (every segment searched)");
  detail("link: " + std::to_string(s.staged_reused) + " staged tables reused from schema " +
         db::kCacheSchema + ", " + std::to_string(s.staged_made) + " made");
  if (s.regions) detail("link: " + std::to_string(s.regions) + " incidents linked as their region");
  if (s.region_missed) note_region_misses(s, run.db.regions.empty());
  return s.rows;
}

}  // namespace bm::cli
