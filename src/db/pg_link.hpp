#pragma once
// Linking pushed down into PostGIS. The database does what needs the whole
// incident table: for every incident the segments of its k nearest pieces
// (KNN on a GiST index, lon/lat plane with scaled longitudes) in force on
// its date, the nearest disputed ones, and the country part the point lies
// in (a point-in-polygon on the parts cut into small pieces; "enclave" is a
// part other than the country's largest). The SQL is in db/pg_link_sql. The
// rows stream back through a cursor; the caller refines the candidates with
// the exact WGS84 geodesic (pipeline/pg_link_run, pipeline/pg_refine).
// The same SQL runs on a distributed PostGIS (Citus): docs/postgis.md.
#include <functional>
#include <string>
#include <vector>

namespace bm::db {

struct PgLinkOptions {
  std::string incidents = "incidents";       // table (optionally schema.table)
  std::string id_column = "id";              // the incident id
  std::string geom_column = "geom";          // points in EPSG:4326
  std::string date_column;                   // optional ISO date column (text, date, timestamp)
  std::string as_of;                         // one status date for every row (wins)
  std::string segments = "border_segments";  // id, status, geom (lines, EPSG:4326)
  // Status periods (segment_id, status, valid_from, valid_to, geom), e.g.
  // `data --to`'s segment_periods; empty: the segments table's own rows
  // (and their valid_from/valid_to when it has them) are the periods.
  std::string periods;
  std::string countries;  // id (ISO2), geom (polygons); empty: none
  // Region-precision rows (ACLED's geo_precision 3: only the region is
  // known) hand back their admin1 name for pipeline/pg_region; empty
  // columns: every row is a point.
  std::string precision_column;  // geo_precision
  std::string admin1_column;     // admin1
  std::string regions;           // id, name, alt_names, geom; empty: none
  // Nearest segment pieces whose segments are handed back for the exact
  // refinement; pipeline/pg_refine turns the k-th piece's planar distance
  // into a lower bound on the geodesic distance of every other segment and
  // searches them all when the best candidate is not clearly nearer.
  int candidates = 16;
  // Keep the staged tables between runs in schema bordermap_cache
  // (db/pg_stage.hpp); false: session-temporary tables only.
  bool cache = true;
};

// One incident with what the database found for it.
struct PgCandidates {
  std::string incident_id, date;  // date: the status date used (ISO), "" none
  double lon = 0, lat = 0;
  std::vector<std::string> nearest;   // segment ids, nearest first (planar lon/lat)
  double reach_deg = -1;              // planar distance of the k-th piece; -1: all listed
  std::vector<std::string> disputed;  // the same among disputed segments
  double disputed_reach_deg = -1;
  double lon_scale = 1;  // the plane's longitudes are times this (reach is in that plane)
  std::string country;   // id of the country whose part contains the point; "" none
  bool enclave = false;  // that part is not the country's largest
  std::string region;    // admin1 of a region-precision row; "" for a point
};

// Stages the segments (and the countries' parts) for this session and calls
// `row` for each incident as the server streams them (a cursor: memory does
// not grow with the table). Returns the number of rows.
struct PgCandidatesResult {
  std::size_t rows = 0;
  int staged_reused = 0, staged_made = 0;  // staged tables from the cache / made now
};
PgCandidatesResult pg_candidates(const std::string& connection, const PgLinkOptions& options,
                                 const std::function<void(const PgCandidates&)>& row);

// Fills what the user left to us: the date column (the first of date,
// event_date, incident_date the incidents table has), the geo_precision
// and admin1 columns when it has them, and, for a segments table named
// …border_segments, the …segment_periods and …regions tables `data --to`
// loads beside it, when the database holds them.
void find_defaults(const std::string& connection, PgLinkOptions& options);

// What the refinement needs to know of the tables besides the rows.
struct PgLinkSetup {
  std::vector<std::string> countries;  // ids in the countries table
  bool a_left = false;  // the segments table says its lines have country_a on the left
};
PgLinkSetup pg_link_setup(const std::string& connection, const PgLinkOptions& options);

// The comment `bordermap data --to` puts on segment tables whose lines run
// with country_a on their left (the bundled OSM-derived ones).
inline const char* kALeftNote = "lines run with country_a on their left";

// Runs plain_link_query; `row` gets (incident_id, segment_id, dist_m).
std::size_t pg_plain_link(
    const std::string& connection, const PgLinkOptions& options,
    const std::function<void(const std::string&, const std::string&, double)>& row);

}  // namespace bm::db
