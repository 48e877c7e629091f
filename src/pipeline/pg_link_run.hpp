#pragma once
// `link --engine postgis`: the database finds each incident's candidate
// segments and its country part (db/pg_link.hpp), this process refines the
// candidates with the exact WGS84 geodesic and applies the side rule
// (pipeline/pg_refine.hpp), row by row as the cursor delivers them, so
// memory does not grow with the incident table. The rows have the
// in-memory linker's columns (link/links_csv.hpp).
#include <functional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "db/pg_link.hpp"

namespace bm {

struct PgLinkRun {
  std::string input;  // "PG:…"
  db::PgLinkOptions db;
  double within_m = 5000;
  std::string out = "-";  // the link CSV (when `into` is empty)
  std::string into;       // a table to create in the database instead
};

struct PgLinkRow {
  Link link;
  std::string status;  // of the nearest segment
};

struct PgLinkStats {
  std::size_t rows = 0;
  std::size_t fallbacks = 0;           // nearest-segment searches the candidates could not settle
  std::size_t disputed_fallbacks = 0;  // the same for the nearest disputed segment
  int staged_reused = 0, staged_made = 0;  // the database's staged tables (db/pg_stage)
  std::size_t regions = 0;                 // region-precision rows linked as their region
  // Region-precision rows whose admin1 no region has (or without a regions
  // table): linked as their point, as the in-memory engine does.
  std::vector<std::string> region_misses;  // the first few incident ids
  std::size_t region_missed = 0;
};

// Calls `row` for every incident with a location, in the server's order.
PgLinkStats pg_link_rows(const PgLinkRun& run, const std::function<void(const PgLinkRow&)>& row);

// The whole command: CSV to run.out (atomically) or a new table run.into
// (one transaction, incident_id the primary key).
PgLinkStats run_pg_link(const PgLinkRun& run);

}  // namespace bm
