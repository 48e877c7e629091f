#pragma once
// Linking pushed down into PostGIS. The database does what needs the whole
// incident table: for every incident the k nearest segments by KNN on a
// GiST index over geography (sphere distance), the k nearest disputed ones,
// and the country part the point lies in (ST_Contains on a GiST-indexed
// table of the countries' parts, so "enclave" is a part other than the
// country's largest). The rows stream back through a cursor; the caller
// refines the candidates with the exact WGS84 geodesic (pipeline/pg_link_run).
// The same SQL runs on a distributed PostGIS (Citus): docs/postgis.md.
#include <functional>
#include <string>
#include <vector>

namespace bm::db {

struct PgLinkOptions {
  std::string incidents = "incidents";       // table (optionally schema.table)
  std::string id_column = "id";              // the incident id
  std::string geom_column = "geom";          // points in EPSG:4326
  std::string date_column;                   // optional ISO date column (text or date)
  std::string segments = "border_segments";  // id, status, geom (lines, EPSG:4326)
  std::string countries;                     // id (ISO2), geom (polygons); empty: none
  // KNN candidates handed back for the exact refinement. The sphere and the
  // spheroid disagree by under 1 %, so the candidates are complete whenever
  // the best exact distance is under 99 % of the k-th candidate's sphere
  // distance (reach_m); the caller checks that and falls back otherwise.
  int candidates = 8;
};

// One incident with what the database found for it.
struct PgCandidates {
  std::string incident_id, date;
  double lon = 0, lat = 0;
  std::vector<std::string> nearest;   // segment ids, nearest first on the sphere
  double reach_m = -1;                // sphere distance of the k-th; -1: all segments listed
  std::vector<std::string> disputed;  // the same among disputed segments
  double disputed_reach_m = -1;
  std::string country;   // id of the country whose part contains the point; "" none
  bool enclave = false;  // that part is not the country's largest
};

// The SELECT giving PgCandidates' columns over the staged tables
// `segments_geog` (id, status, g geography, GiST) and `parts` (ord, id,
// enclave, geom, GiST; empty: no country). Identifiers are quoted.
std::string candidates_query(const PgLinkOptions& o, const std::string& segments_geog,
                             const std::string& parts);

// The plain PostGIS link (PostGIS's own distance, for comparison and the
// benchmark): incident_id, segment_id, dist_m by ST_Distance(geography, true)
// over the KNN candidates.
std::string plain_link_query(const PgLinkOptions& o, const std::string& segments_geog);

// Stages the segments (and the countries' parts) for this session and calls
// `row` for each incident as the server streams them (a cursor: memory does
// not grow with the table). Returns the number of rows.
std::size_t pg_candidates(const std::string& connection, const PgLinkOptions& options,
                          const std::function<void(const PgCandidates&)>& row);

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
